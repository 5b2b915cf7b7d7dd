"""Opening a store file safely: refuse what is not ours before SQLite writes a single byte.

SQLite happily turns an empty or foreign file into a database (and WAL mode rewrites the
header), so every check here runs on a read-only connection first, and a file that fails
one is never modified.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from app.core.errors import StoreError
from app.store.schema import SCHEMA_VERSION, migrate

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


@dataclass
class OpenedDatabase:
    db: Database
    path: Path
    read_only: bool
    notice: str = ""


def _ro_uri(path: Path, immutable: bool = False) -> str:
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro"
    return uri + ("&immutable=1" if immutable else "")


def _inspect(path: Path) -> int:
    """Check an existing file is a Galley store we can read; return its schema version."""
    name = str(path)
    if path.is_dir():
        raise StoreError(f"{name}: is a folder, not a store file; give the path of a .sqlite file")
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError(
            f"{name}: cannot be read ({exc.strerror}); check its permissions"
        ) from None
    if size == 0:
        raise StoreError(
            f"{name}: is an empty file (0 bytes), not a Galley store; "
            "move it away or choose another store path"
        )
    if not header.startswith(SQLITE_MAGIC):
        raise StoreError(
            f"{name}: is not a Galley store (not an SQLite database); choose another store path"
        )
    conn = None
    try:
        # With no -wal file nobody has the store open: read it as immutable so that SQLite
        # creates no -wal/-shm files beside a file that may not even be ours.
        live = Path(str(path) + "-wal").exists()
        conn = sqlite3.connect(_ro_uri(path, immutable=not live), uri=True)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if tables and version >= 1:
            conn.execute("SELECT seq, id, revision FROM articles LIMIT 1").fetchall()
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{name}: is damaged and cannot be opened ({exc}); "
            "restore it from a backup (galley restore)"
        ) from None
    finally:
        if conn is not None:
            conn.close()
    if version < 0:
        raise StoreError(
            f"{name}: is not a Galley store (its store version is {version}); "
            "choose another store path"
        )
    if version == 0 and tables - {"_sqlite_migrations"}:
        raise StoreError(
            f"{name}: is an SQLite database but not a Galley store; choose another store path"
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{name}: was written by a newer Galley (store version {version}; "
            f"this program knows up to {SCHEMA_VERSION}); update Galley to open it"
        )
    return int(version)


def needs_upgrade(path: Path) -> bool:
    """Whether opening ``path`` migrates an existing store of an older schema: at a million
    articles that takes minutes, once, and a window shows that it is happening."""
    path = Path(path).expanduser()
    if not path.is_file():
        return False
    try:
        return 0 < _inspect(path) < SCHEMA_VERSION
    except StoreError:
        return False  # opening it says what is wrong


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # 32 MB of page cache (SQLite's default is 2 MB). At 1,000,000 articles a rare word's
    # 2,700 matches each read their length from another page of the index: with the default
    # those pages were read again on every search (8.0 ms); kept, 3.7 ms. Peak memory stays
    # under half the 300 MB budget.
    conn.execute("PRAGMA cache_size = -32000")


def _write_ahead(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a save that returned survives power loss; measured ~0.2 ms per 10 KB save.
    conn.execute("PRAGMA synchronous = FULL")


def _check_before_upgrade(path: Path) -> None:
    """A store about to be migrated is checked first, read-only: a damaged file is refused
    exactly as it is, never half-upgraded (``PRAGMA quick_check``: every page and record,
    without comparing each index with its table)."""
    conn = sqlite3.connect(_ro_uri(path), uri=True)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        rows = [str(exc)]
    finally:
        conn.close()
    if rows != ["ok"]:
        raise StoreError(
            f"{path}: is damaged ({rows[0]}) and needs an upgrade to this Galley's store "
            "version; it was left exactly as it was. Restore it from a backup (galley restore)"
        )


def _migrate_whole(db: Database) -> None:
    """Every pending migration in one transaction: a failure (a full disk, a damaged page
    met halfway) rolls all of them back and leaves the file as it was."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        migrate(db)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def open_database(path: Path) -> OpenedDatabase:
    """Open (creating if absent) the store at ``path``, migrated to the current schema."""
    path = Path(path).expanduser()
    version = _inspect(path) if path.exists() else None
    writable = version is None or (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
    if version is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create the store's folder ({exc.strerror})") from None
        if not os.access(path.parent, os.W_OK):
            raise StoreError(f"{path}: cannot create a store here (the folder is read-only)")
    if not writable:
        if version is not None and version < SCHEMA_VERSION:
            raise StoreError(
                f"{path}: needs an upgrade to this Galley's store version but is "
                "read-only; copy it somewhere writable first"
            )
        conn = sqlite3.connect(_ro_uri(path), uri=True, check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM articles").fetchone()
        except sqlite3.OperationalError:
            # A WAL store needs its -shm file; on a read-only medium read it as immutable.
            conn.close()
            conn = sqlite3.connect(_ro_uri(path, immutable=True), uri=True, check_same_thread=False)
        _configure(conn)
        notice = f"{path}: is read-only; opened for reading, changes cannot be saved"
        log.warning(notice)
        return OpenedDatabase(
            Database(conn, execute_plugins=False), path, read_only=True, notice=notice
        )
    if version is not None and 0 < version < SCHEMA_VERSION:
        _check_before_upgrade(path)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        _configure(conn)
        # No sqlite-utils plugins: nothing installed elsewhere runs inside the store (and the
        # entry-point scan costs 20 ms of every start).
        db = Database(conn, execute_plugins=False)
        if version is None or version < SCHEMA_VERSION:
            # Migrated before the switch to WAL: a store in another journal mode (a backup)
            # is left in it when the upgrade fails.
            _migrate_whole(db)
        _write_ahead(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path}: cannot be opened for writing ({exc}); nothing in it was changed"
        ) from None
    return OpenedDatabase(db, path, read_only=False)
