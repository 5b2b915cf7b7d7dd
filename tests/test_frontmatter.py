from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import InputError
from app.core.frontmatter import parse_article_text, read_article_file
from tests.conftest import LIBRARY, TYPHOON

GOOD = """---
title: 測試
figures:
  - key: a
    image: a.jpg
---
Body
"""


def test_samples_parse() -> None:
    zh = read_article_file(TYPHOON)
    assert zh.fields["title"].startswith("颱風季前大演練")
    assert zh.fields["published"] == "2024-09-30T10:30:00+08:00"
    assert zh.fields["byline"] == ["林 雨晴"]
    assert [f.key for f in zh.figures] == ["pump-station", "sandbags"]
    assert zh.sources[0] == {
        "date": "2024-09-29",
        "outlet": "中央氣象署",
        "title": "颱風季節降雨展望說明",
        "url": "https://example.org/cwa/outlook-2024-09",
        "note": "",
    }
    assert zh.related[0]["author"] == "陳 志明"
    en = read_article_file(LIBRARY)
    assert en.fields["language"] == "en"
    assert en.body.startswith("The central branch")


def error_for(text: str) -> InputError:
    with pytest.raises(InputError) as info:
        parse_article_text(text, "x.md")
    return info.value


@pytest.mark.parametrize(
    ("text", "field", "line", "words"),
    [
        ("---\ndek: no title\n---\n", "title", 1, "missing"),
        ("---\ntitle: t\ndate: 2024-13-45\n---\n", "date", 3, "not a date"),
        (
            "---\ntitle: t\nsources:\n  - title: s\n    url: javascript:alert(1)\n---\n",
            "sources[1].url",
            5,
            "not an http(s) URL",
        ),
        ("---\ntitle: t\ncaptoin: x\n---\n", "front matter", 3, "unknown field 'captoin'"),
        ("---\ntitle: t\nslug: ../etc\n---\n", "slug", 3, "not a slug"),
        ("---\ntitle: t\nlanguage: 中文\n---\n", "language", 3, "BCP 47"),
        (
            "---\ntitle: t\nfigures:\n  - key: a\n    image: ../../etc/passwd\n---\n",
            "figures[1].image",
            5,
            "inside the article's folder",
        ),
        (
            "---\ntitle: t\nfigures:\n  - key: a\n    image: a.jpg\n"
            "  - key: a\n    image: b.jpg\n---\n",
            "figures[2].key",
            6,
            "used twice",
        ),
        (
            "---\ntitle: t\nfigures:\n  - key: ../a\n    image: a.jpg\n---\n",
            "figures[1].key",
            4,
            "not a figure key",
        ),
        ("---\ntitle: t\nrelated:\n  - title: r\n---\n", "related[1]", 4, "exactly one of"),
        ("---\ntitle: [a, b]\n---\n", "title", 2, "must be text"),
    ],
)
def test_bad_fields_name_the_field_and_line(text: str, field: str, line: int, words: str) -> None:
    error = error_for(text)
    assert error.field == field
    assert error.line == line
    assert words in str(error)
    assert str(error).startswith(f"x.md:{line}: field '{field}'")


def test_unclosed_front_matter() -> None:
    assert "never closed" in str(error_for("---\ntitle: t\n\nbody"))


def test_missing_front_matter() -> None:
    assert "must start with a '---'" in str(error_for("# Just markdown\n"))


def test_invalid_yaml_names_the_line() -> None:
    error = error_for("---\ntitle: t\ndek: [unclosed\n---\n")
    assert "not valid YAML" in str(error)
    assert error.line is not None and error.line >= 3


def test_alias_bomb_is_refused() -> None:
    bomb = "---\ntitle: t\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n---\n"
    assert "aliases are not allowed" in str(error_for(bomb))


def test_an_anchor_alone_is_refused_and_ampersands_in_text_are_not() -> None:
    """Front matter without '&' or '*' skips the event pass: an anchor with no alias must
    still be refused (on its line), and a headline with an ampersand or an asterisk read."""
    error = error_for("---\ntitle: t\ndek: &d Rain\n---\n")
    assert "aliases are not allowed" in str(error) and error.line == 3
    text = "---\ntitle: 'Rain & wind: *red* alert'\ndek: 颱風 & 豪雨\n---\nBody.\n"
    parsed = parse_article_text(text, "a.md")
    assert parsed.fields["title"] == "Rain & wind: *red* alert"
    assert parsed.fields["dek"] == "颱風 & 豪雨"


def test_not_utf8_and_binary(tmp_path: Path) -> None:
    latin = tmp_path / "latin.md"
    latin.write_bytes("---\ntitle: caf\xe9\n---\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8") as info:
        read_article_file(latin)
    assert info.value.line == 2
    binary = tmp_path / "img.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(InputError, match="binary"):
        read_article_file(binary)


def test_good_minimal_article() -> None:
    parsed = parse_article_text(GOOD, "x.md")
    assert parsed.fields["language"] == "zh-Hant"
    assert parsed.fields["status"] == "draft"
    assert parsed.body == "Body\n"
    assert parsed.body_line == 7
