"""Faults injected for real: a full file system, a store deleted or moved while open, a
read-only medium, backups and restores. Each test fails if its protection is removed."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from app.core.errors import ExportError, ReadOnlyError, StoreError
from app.exchange.bundles import export_articles
from app.exchange.markdown import import_markdown
from app.store import Store
from app.store.backup import integrity_errors, list_backups, restore_backup, rolling_backup
from app.store.session import EditSession
from tests.conftest import TYPHOON
from tests.reliability.conftest import SmallDisk, remount_read_only

LONG_TEXT = "汛期將至,高雄市政府舉行跨局處防颱演練。\n\n" * 12_000  # ~750 KB of UTF-8


def _store_with_article(path: Path) -> tuple[Store, str]:
    store = Store.open(path)
    article = store.new_article("颱風演練", body="第一段。", author="記者")
    return store, article.id


# -- full disk ---------------------------------------------------------------------------------


def test_full_disk_save_fails_clearly_and_the_next_one_works(small_disk: SmallDisk) -> None:
    path = small_disk.root / "galley.sqlite"
    store, article_id = _store_with_article(path)
    session = EditSession(store, article_id, author="記者")
    small_disk.fill()
    session.article.body = LONG_TEXT
    with pytest.raises(StoreError, match="disk is full"):
        session.save()
    assert session.dirty and session.article.body == LONG_TEXT  # the text is kept
    assert store.get_article(article_id).body == "第一段。"
    assert integrity_errors(path) == []
    small_disk.free()
    assert session.save().saved
    store.close()
    with Store.open(path) as again:
        assert again.get_article(article_id).body == LONG_TEXT
    assert integrity_errors(path) == []


def test_full_disk_export_leaves_nothing_half_written(small_disk: SmallDisk, store: Store) -> None:
    article = import_markdown(store, TYPHOON, author="測試者")
    out = small_disk.root / "out"
    export_articles(store, [article.id], out)  # warms the rendition cache
    small_disk.fill()
    with pytest.raises(ExportError, match="could not be written"):
        export_articles(store, [article.id], out / "second")
    with pytest.raises(ExportError):
        export_articles(store, [article.id], out / "zips", as_zip=True)
    leftovers = [p.name for p in (out / "second").iterdir()] if (out / "second").exists() else []
    assert leftovers == []
    assert [p.name for p in (out / "zips").iterdir()] == []
    small_disk.free()
    (written,) = export_articles(store, [article.id], out / "second")
    assert (written / "index.html").is_file()


def test_enospc_injected_in_sqlite_is_a_clear_error(store: Store, monkeypatch) -> None:  # noqa: ANN001
    """Where no file system can be mounted: SQLite's own "disk full" error, injected."""
    article = store.new_article("English story", body="one", author="測試者")
    session = EditSession(store, article.id, author="記者")
    real = store._db.execute

    def full(sql: str, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if sql.startswith("UPDATE articles"):
            exc = sqlite3.OperationalError("database or disk is full")
            exc.sqlite_errorcode = 13
            raise exc
        return real(sql, *args, **kwargs)

    monkeypatch.setattr(store._db, "execute", full)
    session.article.body = "two"
    with pytest.raises(StoreError, match="disk is full"):
        session.save()
    assert not store._db.conn.in_transaction
    monkeypatch.setattr(store._db, "execute", real)
    assert session.save().saved and store.get_article(article.id).body == "two"


def test_enospc_injected_in_export(store: Store, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    article = import_markdown(store, TYPHOON, author="測試者")
    real = Path.write_bytes

    def full(self: Path, data: bytes) -> int:
        if self.suffix == ".json":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(ExportError, match="No space left"):
        export_articles(store, [article.id], tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


# -- the store deleted, moved or on a read-only medium -----------------------------------------


@pytest.mark.parametrize("how", ["deleted", "moved", "replaced"])
def test_store_gone_while_open_refuses_to_save_into_nothing(tmp_path: Path, how: str) -> None:
    path = tmp_path / "galley.sqlite"
    store, article_id = _store_with_article(path)
    session = EditSession(store, article_id, author="記者")
    if how == "deleted":
        for p in tmp_path.glob("galley.sqlite*"):
            p.unlink()
    elif how == "moved":
        path.rename(tmp_path / "elsewhere.sqlite")
    else:
        path.rename(tmp_path / "old.sqlite")
        Store.open(path).close()
    session.article.body = "寫在火車上的稿子。"
    with pytest.raises(StoreError, match="deleted, moved or replaced"):
        session.save()
    assert session.dirty and session.article.body == "寫在火車上的稿子。"
    store.close()


def test_read_only_medium_opens_for_reading(read_only_medium: Path) -> None:
    path = read_only_medium / "galley.sqlite"
    store, article_id = _store_with_article(path)
    store.close()
    remount_read_only(read_only_medium)
    with Store.open(path) as store:
        assert store.read_only and "read-only" in store.notice
        session = EditSession(store, article_id, author="記者")
        assert session.article.body == "第一段。"
        session.article.body = "改寫"
        with pytest.raises(ReadOnlyError, match="read-only"):
            session.save()
    from app.cli import main

    assert main(["--store", str(path), "list"]) == 0


# -- backups -----------------------------------------------------------------------------------


def test_backup_is_consistent_while_another_window_writes(tmp_path: Path) -> None:
    path = tmp_path / "galley.sqlite"
    store, article_id = _store_with_article(path)
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE articles SET title = 'half-written' WHERE id = ?", [article_id])
    made = rolling_backup(path, tmp_path / "backups")
    other.execute("ROLLBACK")
    other.close()
    assert made is not None and integrity_errors(made) == []
    with Store.open(made) as copy:
        assert copy.get_article(article_id).title == "颱風演練"
    store.close()


def test_rolling_backups_keep_the_newest(tmp_path: Path) -> None:
    path = tmp_path / "galley.sqlite"
    store, _ = _store_with_article(path)
    folder = tmp_path / "backups"
    made = [rolling_backup(path, folder, keep=3, force=True) for _ in range(5)]
    assert list_backups(folder) == made[-3:]
    assert rolling_backup(path, folder, keep=3) is None  # nothing changed since the last one
    store.new_article("新稿", body="x", author="測試者")
    os.utime(path)  # mtime granularity: make the change visible to the comparison
    assert rolling_backup(path, folder, keep=3) is not None
    store.close()


def test_backup_and_restore_commands(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    from app.cli import main

    path = tmp_path / "galley.sqlite"
    store, article_id = _store_with_article(path)
    store.close()
    backup = tmp_path / "before.sqlite"
    assert main(["--store", str(path), "backup", str(backup)]) == 0
    with Store.open(path) as s:
        article = s.get_article(article_id)
        article.body = "後來改壞的版本"
        s.save_article(article, author="測試者")
    assert main(["--store", str(path), "restore", str(backup)]) == 0
    out = capsys.readouterr().out
    assert "1 article(s)" in out and "kept in" in out
    assert integrity_errors(path) == []
    with Store.open(path) as s:
        assert s.get_article(article_id).body == "第一段。"
    # the store as it was before the restore is itself a backup
    (previous,) = (tmp_path / "home").rglob("before-restore-*.sqlite")
    with Store.open(previous) as s:
        assert s.get_article(article_id).body == "後來改壞的版本"


def test_restore_refuses_a_damaged_backup_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "galley.sqlite"
    store, article_id = _store_with_article(path)
    store.close()
    damaged = tmp_path / "damaged.sqlite"
    rolling_backup(path, tmp_path / "b")
    data = bytearray(list_backups(tmp_path / "b")[0].read_bytes())
    data[4096 * 2 : 4096 * 2 + 64] = b"\x00" * 64  # smash a page header
    damaged.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(StoreError):
        restore_backup(damaged, path, tmp_path / "b", who="還原者")
    assert path.read_bytes() == before


def test_restore_brings_back_a_deleted_store(tmp_path: Path) -> None:
    path = tmp_path / "galley.sqlite"
    store, article_id = _store_with_article(path)
    store.close()
    made = rolling_backup(path, tmp_path / "b")
    for p in tmp_path.glob("galley.sqlite*"):
        p.unlink()
    result = restore_backup(made, path, tmp_path / "b", who="還原者")
    assert result.articles == 1 and result.previous is None
    with Store.open(path) as s:
        assert s.get_article(article_id).title == "颱風演練"
        [restore] = s.restores.all()  # the store says who put its history back, and from what
        assert (restore.who, restore.source, restore.articles) == ("還原者", str(made), 1)


def test_rolling_backup_never_fills_the_disk(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import shutil
    from collections import namedtuple

    path = tmp_path / "galley.sqlite"
    store, _ = _store_with_article(path)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage(10**9, 10**9 - 10**6, 10**6))
    assert rolling_backup(path, tmp_path / "b", force=True) is None
    assert list_backups(tmp_path / "b") == []
    store.close()


def test_a_desk_on_a_full_disk_refuses_the_push_and_the_next_sync_completes(
    small_disk: SmallDisk, store: Store
) -> None:
    """Desk sync (issue 15): the desk repository lives on a full USB stick."""
    from app.core.errors import SyncError
    from app.exchange.desk_sync import DeskSync, create_desk

    desk = create_desk(str(small_disk.root / "desk.git"))
    store.new_article("第一篇", body="第一段。", author="記者")
    assert DeskSync(store, by="測試者").sync(str(desk)).sent == 1
    small_disk.fill()
    store.new_article("第二篇", body="長文。" * 20_000, author="記者")
    with pytest.raises(SyncError) as info:
        DeskSync(store, by="測試者").sync()
    assert "\n" not in str(info.value)
    assert store.count_articles() == 2  # nothing in the store was lost
    small_disk.free()
    assert DeskSync(store, by="測試者").sync().sent == 1


def test_restore_onto_a_store_on_a_read_only_medium_is_refused_in_one_line(
    read_only_medium: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    path = read_only_medium / "galley.sqlite"
    store, _article_id = _store_with_article(path)
    store.close()
    made = rolling_backup(path, tmp_path / "b")
    assert made is not None
    remount_read_only(read_only_medium)
    before = path.read_bytes()
    assert main(["--store", str(path), "restore", str(made)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "read-only" in err and "internal error" not in err, err
    assert path.read_bytes() == before
