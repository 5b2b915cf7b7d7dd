"""Every finding of the pre-publication checks, whole: code, severity, words, where and the
values the window words it with (docs/testing.md: the checks' tests looked at codes only, so a
wrong line, index or message went unnoticed)."""

from __future__ import annotations

import datetime as dt

from app.core.checks import CheckContext, Finding, HouseRules, errors, run_checks
from app.core.model import Article, Figure, RelatedLink, Source

TODAY = dt.date(2026, 11, 24)


def findings(article: Article, **ctx: object) -> list[dict]:
    context = CheckContext(today=TODAY, **ctx)  # type: ignore[arg-type]
    return [f.to_dict() for f in run_checks(article, context)]


def article(**changes: object) -> Article:
    base = Article(id="a1", slug="a1", title="颱風", dek="d", byline=["x"], section="s", body="")
    for name, value in changes.items():
        setattr(base, name, value)
    return base


def test_an_article_with_every_problem_gets_every_finding_in_order() -> None:
    broken = article(
        title="颱" * 29 + "ab c",
        dek=" ",
        byline=[" "],
        section="",
        language="zh-Hant",
        body="第一段,說明abc測試。\n\n![[ghost]]\n\n:::further\n\n:::\n\n见面\n",
        figures=[Figure("pump", "0" * 64, " ", "", "")],
        sources=[
            Source("", "", "", "ftp://x"),
            Source("2026-13-01", "o", "t", ""),
            Source("2026-11-25", "o", "t", ""),
        ],
    )
    rules = HouseRules(title_max=30, punctuation="full-width", cjk_latin_space="space")
    found = findings(broken, rules=rules)
    assert found == [
        {
            "code": "title-long",
            "severity": "warning",
            "message": "the title is 31 characters long (two Latin letters count as one); "
            "the house limit is 30",
            "field": "title",
            "params": {"length": 31, "limit": 30},
        },
        {
            "code": "dek-empty",
            "severity": "error",
            "message": "the dek (standfirst) is empty",
            "field": "dek",
        },
        {
            "code": "byline-empty",
            "severity": "error",
            "message": "there is no byline",
            "field": "byline",
        },
        {
            "code": "section-empty",
            "severity": "error",
            "message": "there is no section",
            "field": "section",
        },
        *(
            {
                "code": f"figure-{attr}",
                "severity": "error",
                "message": f"figure 'pump' has no {label}",
                "field": "figures",
                "index": 0,
                "params": {"key": "pump"},
            }
            for attr, label in (
                ("caption", "caption"),
                ("credit", "photo credit"),
                ("alt", "alt text"),
            )
        ),
        {
            "code": "figure-unused",
            "severity": "warning",
            "message": "figure 'pump' is defined but not placed in the body",
            "field": "figures",
            "index": 0,
            "params": {"key": "pump"},
        },
        *(
            {
                "code": f"source-{attr}",
                "severity": "error",
                "message": f"source 1 has no {attr}",
                "field": "sources",
                "index": 0,
                "params": {"n": 1},
            }
            for attr in ("date", "outlet", "title")
        ),
        {
            "code": "source-url",
            "severity": "error",
            "message": "source 1: 'ftp://x' is not a web address",
            "field": "sources",
            "index": 0,
            "params": {"n": 1, "url": "ftp://x"},
        },
        {
            "code": "source-date",
            "severity": "error",
            "message": "source 2: '2026-13-01' is not a date",
            "field": "sources",
            "index": 1,
            "params": {"n": 2, "date": "2026-13-01"},
        },
        {
            "code": "source-future",
            "severity": "error",
            "message": "source 3 is dated 2026-11-25, in the future",
            "field": "sources",
            "index": 2,
            "params": {"n": 3, "date": "2026-11-25"},
        },
        {
            "code": "figure-undefined",
            "severity": "error",
            "message": "line 3: figure 'ghost' is placed but not defined",
            "field": "body",
            "line": 3,
            "params": {"line": 3, "key": "ghost"},
        },
        {
            "code": "block-unknown",
            "severity": "error",
            "message": "line 5: unknown block '::: further' (known: further-reading)",
            "field": "body",
            "line": 5,
            "params": {"line": 5, "kind": "further"},
        },
        {
            "code": "half-width-punctuation",
            "severity": "warning",
            "message": "line 1: half-width , between Chinese characters (1×); use full-width",
            "field": "body",
            "line": 1,
            "column": 3,
            "fix": "full-width-punctuation",
            "params": {"line": 1, "marks": ",", "count": 1},
        },
        {
            "code": "cjk-latin-space",
            "severity": "warning",
            "message": "line 1: house style wants a space between Chinese and Latin text ('明a')",
            "field": "body",
            "line": 1,
            "column": 6,
            "params": {"line": 1, "space": "space", "text": "明a"},
        },
        {
            "code": "further-empty",
            "severity": "error",
            "message": "line 5: the further-reading block is empty",
            "field": "body",
            "line": 5,
            "params": {"line": 5},
        },
        {
            "code": "simplified",
            "severity": "warning",
            "message": "line 9: Simplified characters in a Traditional Chinese text: 见",
            "field": "body",
            "line": 9,
            "column": 0,
            "params": {"line": 9, "chars": "见"},
        },
    ]
    assert [f["code"] for f in found if f["severity"] == "error"] == [
        f.code for f in errors(run_checks(broken, CheckContext(rules=rules, today=TODAY)))
    ]


def test_an_empty_title_is_one_finding_and_not_a_long_one() -> None:
    assert findings(article(title="  ", dek="d")) == [
        {
            "code": "title-empty",
            "severity": "error",
            "message": "the title is empty",
            "field": "title",
        }
    ]


def test_a_link_to_no_article_names_the_reference() -> None:
    body = "見[報導](article:missing-one)。\n"
    assert findings(article(body=body), article_exists=lambda _ref: False) == [
        {
            "code": "link-missing",
            "severity": "error",
            "message": "line 1: no article 'missing-one' in the store",
            "field": "body",
            "line": 1,
            "params": {"line": 1, "ref": "missing-one"},
        }
    ]
    assert findings(article(body=body), article_exists=lambda _ref: True) == []


def test_spacing_the_house_does_not_want_is_named() -> None:
    assert findings(
        article(body="見 abc 測試。\n"), rules=HouseRules(cjk_latin_space="no-space")
    ) == [
        {
            "code": "cjk-latin-space",
            "severity": "warning",
            "message": "line 1: house style wants no space between Chinese and Latin text ('見 a')",
            "field": "body",
            "line": 1,
            "column": 0,
            "params": {"line": 1, "space": "no-space", "text": "見 a"},
        }
    ]


def test_typography_is_checked_in_chinese_text_only() -> None:
    rules = HouseRules(cjk_latin_space="space", punctuation="full-width")
    assert findings(article(body="見abc測試,好。\n", language="en"), rules=rules) == []
    assert [f["code"] for f in findings(article(body="見abc測試,好。\n"), rules=rules)] == [
        "half-width-punctuation",
        "cjk-latin-space",
    ]
    # As written (the default), half-width commas are the desk's choice.
    assert findings(article(body="見,好。\n")) == []


def test_simplified_characters_are_flagged_in_traditional_chinese_only() -> None:
    for language in ("zh-Hant", "zh-TW", "ZH-HK", "zh-Hant-TW", "zh-hant-hk"):
        assert [f["code"] for f in findings(article(body="见面\n", language=language))] == [
            "simplified"
        ], language
    for language in ("zh-Hans", "zh-CN", "zh", "en"):
        assert findings(article(body="见面\n", language=language)) == [], language
    assert findings(article(body="abc\n", language="zh-Hant")) == []


def test_an_empty_further_reading_block_is_fine_when_the_links_are_in_related() -> None:
    body = "段落。\n\n:::further-reading\n\n:::\n"
    assert [f["code"] for f in findings(article(body=body))] == ["further-empty"]
    linked = article(body=body, related=[RelatedLink("further-reading", "b1", title="t")])
    assert findings(linked) == []
    other = article(body=body, related=[RelatedLink("related", "b1", title="t")])
    assert [f["code"] for f in findings(other)] == ["further-empty"]
    filled = "段落。\n\n:::further-reading\n- [報導](https://example.org/a)\n:::\n"
    assert findings(article(body=filled)) == []


def test_a_source_dated_today_or_with_a_time_is_fine() -> None:
    sources = [
        Source("2026-11-24", "o", "t", "https://example.org/x"),
        Source("2026-11-24T23:00:00+08:00", "o", "t", ""),
    ]
    assert findings(article(sources=sources)) == []


def test_a_finding_as_a_dict_leaves_out_what_is_empty_but_keeps_zero() -> None:
    bare = Finding("c", "warning", "m")
    assert bare.to_dict() == {"code": "c", "severity": "warning", "message": "m"}
    at_zero = Finding("c", "warning", "m", "body", 0, 0, 0, params={"n": 0})
    assert at_zero.to_dict() == {
        "code": "c",
        "severity": "warning",
        "message": "m",
        "field": "body",
        "line": 0,
        "column": 0,
        "index": 0,
        "params": {"n": 0},
    }


def test_the_default_context_uses_the_house_defaults_and_today() -> None:
    context = CheckContext()
    assert context.rules == HouseRules(30, "as-written", "any")
    assert context.today == dt.date.today()
    assert context.article_exists("anything")
    assert run_checks(article()) == []


def test_a_stray_block_end_is_one_finding_before_or_after_a_block() -> None:
    assert [(f["code"], f.get("line")) for f in findings(article(body=":::\n"))] == [
        ("block-stray", 1)
    ]
    after = ":::further-reading\n- [a](https://example.org/a)\n:::\n:::\n"
    assert [(f["code"], f.get("line")) for f in findings(article(body=after))] == [
        ("block-stray", 4)
    ]


def test_a_further_reading_block_at_the_very_end_or_holding_a_figure_is_still_checked() -> None:
    at_end = "段落。\n\n:::further-reading\n\n:::"  # no line after the fence
    assert [(f["code"], f.get("line")) for f in findings(article(body=at_end))] == [
        ("further-empty", 3)
    ]
    figure = "段落。\n:::further-reading\n![[k]]\n:::\n"
    assert [(f["code"], f.get("line")) for f in findings(article(body=figure))] == [
        ("figure-undefined", 3),
        ("further-empty", 2),
    ]


def test_several_marks_and_characters_are_named_once_each() -> None:
    text = article(body="段落,測試;好,再。见面这见\n", language="zh-Hant")
    found = findings(text, rules=HouseRules(punctuation="full-width"))
    assert [(f["code"], f["params"]) for f in found] == [
        ("half-width-punctuation", {"line": 1, "marks": ", ;", "count": 3}),
        ("simplified", {"line": 1, "chars": "见这"}),
    ]
    assert found[0]["message"] == (
        "line 1: half-width , ; between Chinese characters (3×); use full-width"
    )
