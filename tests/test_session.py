from __future__ import annotations

import pytest

from app.core.errors import ConflictError
from app.store import Store
from app.store.session import EditSession


def test_save_only_when_changed(store: Store) -> None:
    article = store.new_article("Session", author="測試者")
    session = EditSession(store, article.id, author="林 雨晴")
    assert not session.dirty
    assert session.save().saved is False
    session.article.body = "第一段。"
    assert session.dirty
    outcome = session.save()
    assert outcome.saved and not session.dirty
    assert store.get_article(article.id).body == "第一段。"
    assert store.revisions(article.id)[-1].author == "林 雨晴"


def _conflicting(store: Store) -> tuple[EditSession, ConflictError]:
    article = store.new_article("Two windows", author="測試者")
    mine = EditSession(store, article.id, author="林記者")
    theirs = EditSession(store, article.id, author="王編輯")
    theirs.article.body = "their words"
    theirs.save()
    mine.article.body = "my words"
    with pytest.raises(ConflictError) as info:
        mine.save()
    return mine, info.value


def test_keep_mine_puts_mine_on_top_and_keeps_theirs_in_history(store: Store) -> None:
    mine, conflict = _conflicting(store)
    mine.keep_mine(conflict)
    article_id = mine.article_id
    assert store.get_article(article_id).body == "my words"
    bodies = [
        store.revision_article(article_id, r.number).body for r in store.revisions(article_id)
    ]
    assert bodies == ["", "their words", "my words"]


def test_take_theirs_keeps_mine_in_history(store: Store) -> None:
    mine, conflict = _conflicting(store)
    mine.take_theirs(conflict)
    article_id = mine.article_id
    assert store.get_article(article_id).body == "their words"
    assert mine.article.body == "their words" and not mine.dirty
    bodies = [
        store.revision_article(article_id, r.number).body for r in store.revisions(article_id)
    ]
    assert bodies == ["", "their words", "my words", "their words"]
    mine.article.body = "continuing"
    assert mine.save().saved
