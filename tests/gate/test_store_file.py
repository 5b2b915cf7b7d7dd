"""A store file replaced or moved under a running Galley: this process's -wal and -shm never
reach the new file, and the new file's articles are what a later open shows."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from app.core.errors import StoreError
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("how", ["replaced", "moved"])
def test_replaced_store_never_meets_the_old_wal(how: str, tmp_path: Path) -> None:
    path = tmp_path / "galley.sqlite"
    other = tmp_path / "incoming.sqlite"
    with Store.open(other) as store:
        import_markdown(store, LIBRARY, author="測試者")
    running = Store.open(path)
    article = import_markdown(running, TYPHOON, author="測試者")
    edited = running.get_article(article.id)
    edited.body += "\n最後一段。\n"
    running.save_article(edited, author="測試者")  # frames in the -wal beside "galley.sqlite"
    kept = tmp_path / "kept.sqlite"
    os.link(path, kept)  # the old file, wherever it went
    if how == "replaced":
        os.replace(other, path)
    else:
        path.rename(tmp_path / "moved.sqlite")
        os.replace(other, path)
    # A second connection by name (the preview's, the backup's) is refused...
    with pytest.raises(StoreError, match="replaced"):
        Store.open(path, expect=running.file.identity)
    # ...and so is any write.
    with pytest.raises(StoreError, match="replaced"):
        running.save_article(running.get_article(article.id), author="測試者")
    running.close()
    assert integrity(path) == "ok"
    with Store.open(path) as reopened:
        assert [a.title for a in reopened.list_articles()] == [
            "City library tries a midnight reading room"
        ]
    # The old file got its last save: the close checkpointed into the file it held.
    with Store.open(kept) as old:
        assert old.get_article(article.id).body.endswith("最後一段。\n")


def test_a_save_after_a_status_change_elsewhere_keeps_the_status(store_path: Path) -> None:
    """A status is a decision, not text: moved in another window, it is no conflict for the
    words typed here, and the save does not move it back."""
    from app.store.session import EditSession

    with Store.open(store_path) as mine_store, Store.open(store_path) as other:
        article = import_markdown(mine_store, TYPHOON, author="測試者")
        session = EditSession(mine_store, article.id, author="林記者")
        session.article.body += "\n我的補充。\n"
        other.review.change_status(article.id, "in_review", who="王編輯", role="editor")
        session.save()
        assert session.article.status == "in_review"
        stored = mine_store.get_article(article.id)
        assert stored.status == "in_review" and stored.body.endswith("我的補充。\n")
        assert [c.to_status for c in mine_store.review.status_history(article.id)] == ["in_review"]
