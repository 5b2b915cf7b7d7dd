"""Pre-publication checks on crafted articles; none fire on the clean samples."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.checks import CheckContext, HouseRules, run_checks, title_length
from app.core.model import Article, Figure, RelatedLink, Source
from app.core.typography import (
    full_width_punctuation,
    half_width_marks,
    simplified_characters,
    to_traditional,
)
from app.exchange.markdown import import_markdown
from tests.conftest import LIBRARY, TYPHOON

TODAY = dt.date(2026, 11, 24)


def clean(**changes: object) -> Article:
    article = Article(
        id="a1",
        slug="a1",
        title="颱風季前大演練",
        dek="汛期將至。",
        byline=["林 雨晴"],
        section="地方",
        body="第一段。\n\n![[pump]]\n\n第二段。\n",
        figures=[Figure("pump", "0" * 64, "說明", "高雄市政府", "替代文字")],
        sources=[Source("2024-09-29", "中央社", "標題", "https://example.org/x")],
    )
    for name, value in changes.items():
        setattr(article, name, value)
    return article


def codes(article: Article, **ctx: object) -> list[str]:
    context = CheckContext(today=TODAY, **ctx)  # type: ignore[arg-type]
    return [f.code for f in run_checks(article, context)]


def test_the_crafted_baseline_is_clean() -> None:
    assert codes(clean()) == []


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"title": ""}, "title-empty"),
        ({"title": "颱" * 31}, "title-long"),
        ({"dek": " "}, "dek-empty"),
        ({"byline": []}, "byline-empty"),
        ({"section": ""}, "section-empty"),
    ],
)
def test_metadata_checks(changes: dict, code: str) -> None:
    assert codes(clean(**changes)) == [code]


def test_title_length_counts_latin_as_half() -> None:
    assert title_length("City library tries a midnight reading room") == 21
    assert title_length("颱風季前大演練 高雄") == 9  # a space between Chinese is not counted
    assert title_length("高雄 2024") == 4


@pytest.mark.parametrize("attr", ["caption", "credit", "alt"])
def test_figure_missing_text(attr: str) -> None:
    article = clean()
    setattr(article.figures[0], attr, "")
    found = run_checks(article, CheckContext(today=TODAY))
    assert [(f.code, f.index, f.severity) for f in found] == [(f"figure-{attr}", 0, "error")]


def test_figure_keys_undefined_and_unused() -> None:
    article = clean(body="第一段。\n\n![[ghost]]\n")
    found = run_checks(article, CheckContext(today=TODAY))
    assert {(f.code, f.line) for f in found} == {("figure-undefined", 3), ("figure-unused", None)}


@pytest.mark.parametrize(
    ("source", "code"),
    [
        (Source("", "中央社", "標題", ""), "source-date"),
        (Source("2024-09-29", "", "標題", ""), "source-outlet"),
        (Source("2024-09-29", "中央社", "", ""), "source-title"),
        (Source("2024-09-29", "中央社", "標題", "example.org/x"), "source-url"),
        (Source("2027-01-01", "中央社", "標題", ""), "source-future"),
        (Source("2024-13-45", "中央社", "標題", ""), "source-date"),
    ],
)
def test_source_checks(source: Source, code: str) -> None:
    assert codes(clean(sources=[source])) == [code]


def test_links_and_further_reading_blocks() -> None:
    body = "見[舊文](article:no-such-slug)。\n\n::: further-reading\n:::\n\n![[pump]]\n"
    found = run_checks(
        clean(body=body),
        CheckContext(today=TODAY, article_exists=lambda ref: ref != "no-such-slug"),
    )
    assert [(f.code, f.line) for f in found] == [("link-missing", 1), ("further-empty", 3)]
    # An empty block is filled from the further-reading links: then it is not empty.
    filled = clean(body=body, related=[RelatedLink(kind="further-reading", url="https://e.org")])
    assert "further-empty" not in codes(filled, article_exists=lambda ref: True)


def test_half_width_punctuation_is_a_house_setting_with_a_fix() -> None:
    body = "市府表示,今年(2024)完成檢修;居民問:何時?\n\n![[pump]]\n"
    assert codes(clean(body=body)) == []  # default house style: as written
    rules = HouseRules(punctuation="full-width")
    found = run_checks(clean(body=body), CheckContext(today=TODAY, rules=rules))
    assert [(f.code, f.line, f.fix) for f in found] == [
        ("half-width-punctuation", 1, "full-width-punctuation")
    ]
    assert (
        full_width_punctuation(body.split("\n")[0]) == "市府表示，今年(2024)完成檢修；居民問：何時?"
    )
    assert full_width_punctuation("見[連結](https://a.org/?q=1,2)。中,文") == (
        "見[連結](https://a.org/?q=1,2)。中，文"
    )
    assert [h.text for h in half_width_marks("中文(說明)結束")] == ["(", ")"]
    assert full_width_punctuation("中文(說明)結束") == "中文（說明）結束"


def test_cjk_latin_spacing_rules() -> None:
    body = "今年 2024 年有Reuters報導\n\n![[pump]]\n"
    assert codes(clean(body=body)) == []
    assert codes(clean(body=body), rules=HouseRules(cjk_latin_space="space")) == ["cjk-latin-space"]
    assert codes(clean(body=body), rules=HouseRules(cjk_latin_space="no-space")) == [
        "cjk-latin-space"
    ]


def test_simplified_characters_outside_quotes() -> None:
    body = "里長說网络发表了声明。他引述「软件发布」一詞。\n\n![[pump]]\n"
    found = run_checks(clean(body=body), CheckContext(today=TODAY))
    assert [f.code for f in found] == ["simplified"]
    assert "网" in found[0].message and "软" not in found[0].message
    assert simplified_characters("台北里長後來的面") == []  # valid in Traditional too
    assert codes(clean(body=body, language="en")) == []


def test_opencc_converts_with_taiwan_phrasing() -> None:
    assert to_traditional("网络软件和鼠标") == "網路軟體和滑鼠"


def test_no_check_fires_on_the_clean_samples(store) -> None:  # noqa: ANN001
    for path in (TYPHOON, LIBRARY):
        article = import_markdown(store, path, author="測試者")
        assert store.review.check(article, today=TODAY) == [], path
