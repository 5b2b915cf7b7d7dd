"""Counting, indexing and snippets, answer by answer (found by mutation testing:
docs/testing.md)."""

from __future__ import annotations

from app.core.text import (
    Counts,
    count_article,
    count_body,
    count_text,
    index_text,
    is_cjk,
    make_snippet,
    query_terms,
)


def test_one_cjk_character_is_cjk_in_every_script_and_block() -> None:
    assert [is_cjk(c) for c in ("颱", "한", "カ", "か", "𠀀", "豈")] == [True] * 6
    assert [is_cjk(c) for c in ("a", "", "颱風", "。", "1")] == [False] * 5


def test_the_index_spells_each_line_apart_and_a_lone_character_as_itself() -> None:
    assert index_text("") == ""
    assert index_text("颱 風\n抽水站\n") == " 颱   風 \n 抽水 水站 \n"


def test_query_terms_keep_words_with_inner_marks_and_lower_them() -> None:
    assert query_terms("O'Neil's U.S. well-known_thing 颱風drill2 x") == [
        "o'neil's",
        "u.s",
        "well-known",
        "thing",
        "颱風",
        "drill2",
        "x",
    ]
    assert query_terms("Drill颱風Plan") == ["drill", "颱風", "plan"]


def test_words_are_counted_apart_from_chinese_and_underscores_split_nothing() -> None:
    assert count_text("O'Neil's U.S.-made 颱_風") == (2, 3)
    assert count_text("plain words only") == (0, 3)


def test_body_markup_is_not_counted_but_link_text_is() -> None:
    body = (
        "![[pump]]\n:::further-reading\n[連結文字](https://x.org/a) <b>粗</b>[^1]\n[^1]: 註解\n:::"
    )
    assert count_body(body) == (7, 0)
    assert count_body("![圖說](pic.jpg) end") == (2, 1)


def test_an_article_counts_its_body_its_captions_and_further_reading_apart() -> None:
    body = "一二\r\n\r\n:::further-reading\r\n- [三四](https://x.org)\r\n:::\r\n\r\n五"
    assert count_article(body, ["六七", "八"]) == Counts(
        body=(3, 0), captions=(3, 0), further=(2, 0)
    )
    assert count_article("一 two", []) == Counts(body=(1, 1), captions=(0, 0), further=(0, 0))


def test_a_snippet_is_a_window_around_the_first_match() -> None:
    text = "a" * 100 + "抽水站" + "b" * 100
    snippet, match = make_snippet(text, ["抽水站"])
    assert snippet == "…" + "a" * 21 + "抽水站" + "b" * 40 + "…"
    assert match == (22, 25)
    # The earliest match wins, whichever term it is; case does not matter.
    assert make_snippet("abc DEF ghi", ["def", "c"]) == ("abc DEF ghi", (2, 3))
    assert make_snippet("abc DEF ghi", ["ghi"], width=4) == ("… ghi", (2, 5))
    assert make_snippet("a" * 10 + "zz", ["zz"], width=6) == ("…aaaazz", (5, 7))
    assert make_snippet("zz" + "a" * 10, ["zz"], width=6) == ("zzaaaa…", (0, 2))


def test_without_a_match_the_snippet_is_the_start_of_the_text() -> None:
    assert make_snippet("短  文\n本", ["X"]) == ("短 文 本", None)
    assert make_snippet("x" * 70, ["nomatch"]) == ("x" * 64 + "…", None)
    assert make_snippet("x" * 64, []) == ("x" * 64, None)
