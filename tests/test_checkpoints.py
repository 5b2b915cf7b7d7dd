"""The WAL is copied back into the store file by a thread of its own, never by a save."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

from app.store import Store
from app.store import checkpoints as checkpoints_module
from tests.conftest import file_hash


def _big_write(store: Store, articles: int = 120) -> None:
    """One transaction of ~6 MB: past SQLite's own checkpoint line (1,000 pages)."""
    with store.tx.write():
        for n in range(articles):
            store.new_article(
                f"颱風演練第{n}站", body=("抽水站全面檢查，沙包站補足存量。" * 600), author="測試者"
            )


def test_a_commit_leaves_the_copy_to_the_checkpoint_thread(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checkpoints_module, "SETTLE_SECONDS", 1.0)
    with Store.open(store_path) as store:
        store.new_article("先寫一篇", author="測試者")
        assert store.checkpoints is not None and store.checkpoints.wait_idle()
        before = store_path.stat().st_size
        _big_write(store)
        # Returned from the commit: the pages are in the WAL, not yet in the store file.
        assert store_path.stat().st_size == before
        assert store.checkpoints.wait_idle()
        assert store_path.stat().st_size > before + 4_000_000
        with sqlite3.connect(f"file:{store_path}?mode=ro", uri=True) as reader:
            assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 121


def test_closing_the_store_stops_its_thread_and_folds_the_wal(store_path: Path) -> None:
    threads = threading.active_count()
    store = Store.open(store_path)
    assert threading.active_count() == threads  # started by the first write, not by opening
    _big_write(store, 10)
    assert threading.active_count() == threads + 1
    store.close()
    assert threading.active_count() == threads
    assert not Path(f"{store_path}-wal").exists()
    with Store.open(store_path) as again:
        assert len(again.list_articles()) == 10


def test_a_store_only_read_starts_no_thread(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.new_article("先寫一篇", author="測試者")
    threads = threading.active_count()
    with Store.open(store_path) as store:
        assert [a.title for a in store.list_articles()] == ["先寫一篇"]
        assert threading.active_count() == threads
        assert store.checkpoints is not None and store.checkpoints.wait_idle(timeout=0)


def test_a_store_replaced_while_open_is_never_checkpointed_into(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checkpoints_module, "SETTLE_SECONDS", 0.5)
    other = tmp_path / "other.sqlite"
    with Store.open(other) as elsewhere:
        elsewhere.new_article("另一個報社的稿", author="測試者")
    with Store.open(store_path) as store:
        _big_write(store, 10)
        os.replace(other, store_path)  # before the thread's checkpoint: it must not copy
        replaced = file_hash(store_path)
        assert store.checkpoints is not None and store.checkpoints.wait_idle()
        assert file_hash(store_path) == replaced
    assert file_hash(store_path) == replaced
    with Store.open(store_path) as reopened:
        assert [a.title for a in reopened.list_articles()] == ["另一個報社的稿"]
