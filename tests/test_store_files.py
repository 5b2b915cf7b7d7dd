"""Bad store files get a one-line error naming the file, and are never modified."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.errors import ReadOnlyError, StoreError
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import TYPHOON, file_hash


def _expect_refused(path: Path, words: str) -> str:
    before = file_hash(path)
    wal = Path(str(path) + "-wal")
    had_wal = wal.exists()
    with pytest.raises(StoreError) as info:
        Store.open(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert words in message
    assert "\n" not in message
    assert file_hash(path) == before
    assert wal.exists() == had_wal
    return message


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    _expect_refused(path, "empty file")


def test_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("這不是資料庫\n" * 100, encoding="utf-8")
    _expect_refused(path, "not an SQLite database")


def test_other_programs_database(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    _expect_refused(path, "not a Galley store")


def test_corrupt_store(store_path: Path) -> None:
    with Store.open(store_path) as store:
        import_markdown(store, TYPHOON, author="測試者")
    data = bytearray(store_path.read_bytes())
    # Keep the header, wreck the schema page and the next ones.
    data[100:12000] = os.urandom(11900)
    store_path.write_bytes(bytes(data))
    _expect_refused(store_path, "damaged")


def test_newer_schema_version(store_path: Path) -> None:
    Store.open(store_path).close()
    conn = sqlite3.connect(store_path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    message = _expect_refused(store_path, "newer Galley")
    assert "update Galley" in message


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """Make ``folder`` read-only for real: a read-only mount as root, else permissions."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_read_only_store_opens_read_only(store_path: Path) -> None:
    with Store.open(store_path) as store:
        article_id = import_markdown(store, TYPHOON, author="測試者").id
    store_path.chmod(0o444)
    before = file_hash(store_path)
    with read_only_folder(store_path.parent), Store.open(store_path) as store:
        assert store.read_only
        assert "read-only" in store.notice
        article = store.get_article(article_id)
        assert [h.id for h in store.search("抽水站")] == [article_id]
        article.body = "changed"
        with pytest.raises(ReadOnlyError, match="nothing was saved"):
            store.save_article(article, author="測試者")
    assert file_hash(store_path) == before
