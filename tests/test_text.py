from __future__ import annotations

from app.core.text import count_body, count_text, index_text, make_snippet, query_terms
from tests.conftest import TYPHOON


def test_index_text_spells_cjk_runs_as_overlapping_bigrams() -> None:
    assert index_text("抽水站").split() == ["抽水", "水站"]
    assert index_text("高雄 78 座抽水站").split() == ["高雄", "78", "座抽", "抽水", "水站"]
    assert index_text("颱").split() == ["颱"]
    assert index_text("The library") == "The library"


def test_index_text_line_by_line_is_the_whole_text_spelled_out() -> None:
    """Spelling out each line (remembered between saves) gives exactly what spelling out the
    whole text at once does: CJK runs never cross a line break."""
    from app.core.text import CJK_RUN

    def bigrams(run: str) -> list[str]:  # the definition, slice by slice
        return [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]

    def whole(text: str) -> str:
        return CJK_RUN.sub(lambda m: " " + " ".join(bigrams(m.group())) + " ", text)

    samples = [
        "抽水站\n\n颱風季前大演練,高雄\r\n抽水站 pump\n",
        "\n\n\n",
        "單\n字\n行",
        "English only\nline two",
        "𠀀𠀁𠀂 (圖/中國外交部) a𠀀b 颱",  # characters beyond the BMP, lone characters
        (TYPHOON.read_text(encoding="utf-8") * 3),
    ]
    for text in samples:
        assert index_text(text) == whole(text)


def test_query_terms_split_cjk_from_latin() -> None:
    assert query_terms("抽水站 Reuters") == ["抽水站", "reuters"]
    assert query_terms("防颱drill") == ["防颱", "drill"]


def test_counts_chinese_by_character_and_other_text_by_word() -> None:
    assert count_text("高雄市政府 30 日舉行 typhoon drill。") == (8, 3)
    assert count_text("") == (0, 0)


def test_snippet_marks_the_first_match() -> None:
    text = "前言" * 40 + "抽水站的即時水位" + "結尾" * 40
    snippet, match = make_snippet(text, ["抽水站"], width=30)
    assert match is not None
    assert snippet[match[0] : match[1]] == "抽水站"
    assert snippet.startswith("…") and snippet.endswith("…")


def test_body_counts_ignore_markup() -> None:
    body = (
        "第一段 with words。\n\n![[pump-station]]\n\n::: further-reading\n"
        "- [延伸閱讀](https://example.org/a-b-c)\n:::\n\n註[^1]\n\n[^1]: 說明\n"
    )
    assert count_body(body) == (10, 2)
