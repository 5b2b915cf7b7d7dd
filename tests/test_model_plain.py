"""``plain`` stands in for ``dataclasses.asdict`` on every save and import: the same
dictionary, and nothing in it shared with the article (``content`` edits what it gets)."""

from __future__ import annotations

from dataclasses import asdict

from app.core.model import Article, Figure, RelatedLink, Source, plain


def _article() -> Article:
    return Article(
        id="a-1",
        slug="shui",
        title="抽水站",
        byline=["記者甲", "記者乙"],
        tags=["防災"],
        body="內文。",
        figures=[Figure(key="photo", image="0" * 64, caption="圖說", credit="中央社")],
        sources=[Source(date="2026-11-01", outlet="中央社", title="標題", url="https://x.tw/")],
        related=[RelatedLink(article_id="b-2", title="延伸閱讀"), RelatedLink(url="https://y.tw/")],
        revision=3,
    )


def test_plain_is_asdict() -> None:
    article = _article()
    assert plain(article) == asdict(article)
    assert plain(article.figures[0]) == asdict(article.figures[0])


def test_what_plain_returns_shares_no_list_or_child_with_the_article() -> None:
    article = _article()
    data = article.to_dict()
    data["byline"].append("記者丙")
    data["figures"][0]["caption"] = "改過"
    data["related"].clear()
    assert article == _article()
    content = article.content()  # drops empty focus from its own copy of each figure
    assert "focus" not in content["figures"][0] and article.figures[0].focus == ""
