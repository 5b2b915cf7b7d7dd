"""What an editor last looked at is remembered, per person: what changed since, and by whom."""

from __future__ import annotations

from app.exchange.markdown import import_markdown
from tests.conftest import LIBRARY


def test_since_looked_counts_the_revisions_and_names_their_authors(store) -> None:  # noqa: ANN001
    article = import_markdown(store, LIBRARY, author="林記者")
    assert store.review.since_looked(article.id, "王編輯") is None  # never looked: no banner
    store.review.looked(article.id, "王編輯")
    assert store.review.since_looked(article.id, "王編輯") is None  # nothing new
    for n, who in enumerate(("林記者", "陳記者", "林記者")):
        copy = store.get_article(article.id)
        copy.body += f"\n第 {n} 次修改。\n"
        store.save_article(copy, author=who)
    since = store.review.since_looked(article.id, "王編輯")
    assert since is not None
    assert (since.seen, since.now, since.revisions, since.authors) == (
        1,
        4,
        3,
        ("林記者", "陳記者"),
    )
    assert store.review.since_looked(article.id, "李主編") is None  # per person
    store.review.looked(article.id, "王編輯")
    assert store.review.since_looked(article.id, "王編輯") is None
