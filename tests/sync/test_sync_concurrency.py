"""Sync among other writers (the two-writer suite, extended to sync): a process saving as
autosave does while syncs of the same store run in other processes loses nothing, and two
syncs of one store (the window's and the command line's) take turns."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pygit2
import pytest

from app.core.errors import SyncError
from app.core.model import Article
from app.exchange.desk_sync import LOCK_FILE, DeskSync
from app.store import Store
from tests.reliability.harness import MARKER, _child

ROOT = Path(__file__).resolve().parents[2]


def _sync_process(store: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", "sync", "--store", str(store)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def _two_laptops(tmp_path: Path, each: int) -> tuple[Path, Path, Path]:
    desk = tmp_path / "desk.git"
    pygit2.init_repository(str(desk), bare=True)
    path_a, path_b = tmp_path / "a" / "g.sqlite", tmp_path / "b" / "g.sqlite"
    with Store.open(path_a) as a, Store.open(path_b) as b:
        for n in range(each):
            a.create_article(
                Article(id="", slug="", title=f"甲方第 {n} 篇", body="內文。" * 200),
                author="測試者",
            )
            b.create_article(
                Article(id="", slug="", title=f"乙方第 {n} 篇", body="內文。" * 200),
                author="測試者",
            )
        DeskSync(b, by="測試者").sync(str(desk))
        DeskSync(a, by="測試者").set_remote(str(desk))
    return desk, path_a, path_b


def test_saves_while_syncs_run_in_other_processes_lose_nothing(tmp_path: Path) -> None:
    desk, path_a, path_b = _two_laptops(tmp_path, 30)
    with Store.open(path_a) as a:
        target = a.list_articles()[0].id
    saver = _child(path_a, target, "autosave", 120, pause_ms=8)
    assert saver.stdout is not None and saver.stdout.readline().strip() == "ready"
    for round_ in range(4):  # syncs of the same store run while autosave writes
        with Store.open(path_b) as b:  # the desk moves meanwhile: there is work to take in
            b.create_article(
                Article(id="", slug="", title=f"乙方新稿 {round_}", body="新。"), author="測試者"
            )
            DeskSync(b, by="測試者").sync()
        sync = _sync_process(path_a)
        out, err = sync.communicate(timeout=120)
        assert sync.returncode == 0, err
    rest, errors = saver.communicate(timeout=300)
    assert saver.returncode == 0, errors
    saved = {
        f"autosave-{line.split()[1]}" for line in rest.splitlines() if line.startswith("saved")
    }
    assert len(saved) == 120 and "error" not in rest
    with Store.open(path_a) as a:
        stored = {
            f"{m.group(1)}-{m.group(2)}"
            for n in range(1, len(a.revisions(target)) + 1)
            if (m := MARKER.match(a.revision_article(target, n).body))
        }
        assert saved <= stored  # every save that returned is in the history
        last = a.get_article(target).body
        assert DeskSync(a, by="測試者").sync().pushed
    with Store.open(path_b) as b:
        DeskSync(b, by="測試者").sync()
        assert b.get_article(target).body == last  # the desk has autosave's last save
        assert b.count_articles() == 30 + 30 + 4
    conn = sqlite3.connect(path_a)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_two_syncs_of_one_store_at_once_take_turns(tmp_path: Path) -> None:
    desk, path_a, path_b = _two_laptops(tmp_path, 60)
    first, second = _sync_process(path_a), _sync_process(path_a)
    for sync in (first, second):
        out, err = sync.communicate(timeout=180)
        assert sync.returncode == 0, err
    with Store.open(path_a) as a:
        assert a.count_articles() == 120
        ours = DeskSync(a, by="測試者").repo.references["refs/heads/main"].target
    repo = pygit2.Repository(str(desk))
    assert repo.references["refs/heads/main"].target == ours
    with Store.open(path_b) as b:
        assert DeskSync(b, by="測試者").sync().received == 60 and b.count_articles() == 120


def test_a_sync_that_waited_too_long_for_another_says_so(tmp_path: Path) -> None:
    desk, path_a, _path_b = _two_laptops(tmp_path, 2)
    with Store.open(path_a) as a:
        sync = DeskSync(a, by="測試者")
        with open(sync.path / LOCK_FILE, "a+b") as held:  # another sync of this store runs
            fcntl.flock(held.fileno(), fcntl.LOCK_EX)
            said: list[str] = []
            with pytest.raises(SyncError, match="another sync of this store is still running"):
                sync.sync(wait=0.3, progress=said.append)
            assert "waiting for another sync of this store to end" in said
            assert a.count_articles() == 2  # nothing was taken in meanwhile
        assert sync.sync().received == 2  # once it ended, the sync runs


def test_a_payload_read_while_another_process_saves_is_one_state(tmp_path: Path) -> None:
    """Found by the test above on a CI run: a save by another process between the payload's
    query of revisions and its query of the article named a head it had not read (KeyError)."""
    path = tmp_path / "g.sqlite"
    with Store.open(path) as reader, Store.open(path) as writer:
        article = writer.create_article(
            Article(id="", slug="", title="稿子", body="第一版。"), author="測試者"
        )
        import app.store.merge as merge_module

        real_select = merge_module.select
        saved: list[bool] = []

        def query_then_save(db: object, sql: str, params: object = ()):  # noqa: ANN202
            rows = list(real_select(db, sql, params))  # type: ignore[arg-type]
            if "FROM revisions" in sql and not saved:  # the other process saves right now
                saved.append(True)
                edited = writer.get_article(article.id)
                edited.body = "第二版。"
                writer.save_article(edited, author="測試者")
            return iter(rows)

        merge_module.select = query_then_save  # type: ignore[assignment]
        try:
            payload = reader.merge.payload(article.id)
        finally:
            merge_module.select = real_select
        assert saved and payload["head"] in {r["uid"] for r in payload["revisions"]}
        assert len(payload["revisions"]) == 1  # the state before the save, whole
