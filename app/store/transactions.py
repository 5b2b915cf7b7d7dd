"""Write transactions and the store file's identity.

One write is one ``BEGIN IMMEDIATE`` transaction: the write lock is taken up front, the store
file is checked to be still the one that was opened, what changed is written to the change log
in the same transaction and announced after the commit, and SQLite's failures become messages
a user can act on (disk full, card pulled, file deleted), with nothing half-written.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn, Protocol, TypeVar, cast

from sqlite_utils import Database

from app.core.errors import ReadOnlyError, StoreError
from app.store.changes import ChangeFeed, Changes
from app.store.clock import now_iso

log = logging.getLogger(__name__)

SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 8, 10, 13, 14
SQLITE_CONSTRAINT = 19
SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE = 1006
CHANGE_LOG_KEEP = 20_000  # rows of the change log kept; readers further behind reload all

Identity = tuple[int, int]


class BeforeCommit(Protocol):
    """Work a write transaction gathers as it goes and does once, just before it commits."""

    def finish(self) -> None: ...


Work = TypeVar("Work", bound=BeforeCommit)


def file_identity(path: Path) -> Identity | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


class StoreFile:
    """The file a store was opened on, by identity (device, inode), not only by name.

    A store replaced or moved under a running Galley must never meet this process's -wal and
    -shm: SQLite finds them by name, so a second connection opened by name, or a checkpoint,
    would copy this store's pages into the other file. Every open by name and every
    checkpoint asks ``check`` first.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.identity = file_identity(path)

    def in_place(self) -> bool:
        return self.identity is None or file_identity(self.path) == self.identity

    def check(self) -> None:
        if not self.in_place():
            StoreFile.refuse(self.path)

    @staticmethod
    def refuse(path: Path) -> NoReturn:
        raise StoreError(
            f"{path}: the store file was deleted, moved or replaced while Galley had it open; "
            "nothing more is saved into it. Your text is kept in the window; open the store "
            "from its new place or restore a backup (galley restore)"
        )


def detach_connection(conn: sqlite3.Connection) -> None:
    """Before closing a connection whose file was replaced: move its WAL frames into the file
    it holds open (the moved or deleted one), empty its WAL, and stop SQLite's close from
    checkpointing or deleting -wal/-shm by name (those names now belong to another file)."""
    with contextlib.suppress(sqlite3.Error):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    try:
        import _sqlite3
        import ctypes  # here: a store opened and closed in place never needs it

        lib = ctypes.CDLL(_sqlite3.__file__)
        # CPython's connection object starts with PyObject_HEAD, then ``sqlite3 *db``.
        handle = ctypes.c_void_p.from_address(id(conn) + sys.getsizeof(object())).value
        done = ctypes.c_int(0)
        lib.sqlite3_db_config(
            ctypes.c_void_p(handle),
            ctypes.c_int(SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE),
            ctypes.c_int(1),
            ctypes.byref(done),
        )
    except (OSError, AttributeError, ValueError):  # pragma: no cover - another Python build
        log.warning("could not keep SQLite from checkpointing a replaced store on close")


class Transactions:
    """Hands out write transactions on one connection and announces what they changed."""

    def __init__(
        self,
        db: Database,
        file: StoreFile,
        *,
        read_only: bool,
        feed: ChangeFeed,
        committed: Callable[[], None] = lambda: None,
    ) -> None:
        self.db = db
        self.file = file
        self.read_only = read_only
        self.feed = feed
        self._committed = committed  # told after each commit (the checkpoint thread)
        self._pending = Changes()
        self._writing = False
        self._before_commit: dict[str, BeforeCommit] = {}

    @property
    def path(self) -> Path:
        return self.file.path

    def record(self, changes: Changes) -> None:
        """Note what the running transaction changes (announced after its commit)."""
        self._pending = self._pending | changes

    def before_commit(self, key: str, make: Callable[[], Work]) -> Work:
        """The running write's ``key`` work (made by ``make`` the first time it is asked
        for), finished inside the transaction just before it commits: the search index takes
        a whole import's text at once this way."""
        work = self._before_commit.get(key)
        if work is None:
            work = self._before_commit[key] = make()
        return cast(Work, work)

    def _finish(self) -> None:
        while self._before_commit:
            _key, work = self._before_commit.popitem()
            work.finish()

    @contextlib.contextmanager
    def read(self) -> Iterator[Database]:
        """Several reads that see one state of the store (a deferred transaction: in WAL mode
        its snapshot is taken at the first read and other writers never wait for it). Without
        it, a save by another process between two queries can be half seen."""
        conn = self.db.conn
        if conn.in_transaction:
            yield self.db
            return
        conn.execute("BEGIN")
        try:
            yield self.db
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    @contextlib.contextmanager
    def write(self) -> Iterator[Database]:
        """One write transaction, taking the write lock up front (``BEGIN IMMEDIATE``).

        sqlite-utils' ``atomic()`` begins a deferred transaction; a save reads then writes, and
        a deferred read that upgrades to a write can fail at once with "database is locked"
        when another process wrote meanwhile. IMMEDIATE waits for the lock (busy timeout).
        A write inside a write is part of the outer one: an import of many files is one.
        """
        if self.read_only:
            raise ReadOnlyError(f"{self.path}: the store is open read-only; nothing was saved")
        conn = self.db.conn
        if self._writing:  # part of the outer write, finished with it
            yield self.db
            return
        if conn.in_transaction:  # inside a read: the write's work is done when it ends
            self._writing = True
            try:
                yield self.db
                self._finish()
            finally:
                self._writing = False
                self._before_commit.clear()
            return
        self.file.check()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"{self.path}: the store is busy (another Galley holds it: {exc}); "
                "nothing was saved, try again in a moment"
            ) from None
        self._pending = Changes()
        self._writing = True
        try:
            yield self.db
            self._finish()
            self._log(self._pending)
            conn.execute("COMMIT")
        except BaseException as exc:
            self._pending = Changes()
            self._before_commit.clear()
            if conn.in_transaction:  # SQLite may already have rolled back (disk full)
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self._failure(exc) from None
            raise
        finally:
            self._writing = False
        self._committed()
        done, self._pending = self._pending, Changes()
        self.feed.publish(done)

    def _log(self, changes: Changes) -> None:
        rows = list(changes.rows())
        if not rows:
            return
        stamp = now_iso()
        cursor = self.db.conn.executemany(
            "INSERT INTO change_log (kind, article_id, at) VALUES (?, ?, ?)",
            [(kind, article_id, stamp) for kind, article_id in rows],
        )
        del cursor
        self.db.conn.execute(
            "DELETE FROM change_log WHERE seq <= (SELECT max(seq) FROM change_log) - ?",
            [CHANGE_LOG_KEEP],
        )

    def _failure(self, exc: sqlite3.Error) -> StoreError:
        code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        log.error("write to %s failed: %s (code %s)", self.path, exc, code)
        if code == SQLITE_FULL:
            return StoreError(
                f"{self.path}: the disk is full; nothing was saved. Your text is kept; free "
                "some space and it will be saved"
            )
        if code in (SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_READONLY):
            self.file.check()
            return StoreError(
                f"{self.path}: the store cannot be written ({exc}); is the disk or card still "
                "there? Nothing was saved; your text is kept"
            )
        if code == SQLITE_CONSTRAINT:
            # A rule of the schema refused the write: trying again cannot help, so say so.
            return StoreError(
                f"{self.path}: the store refused this change as inconsistent ({exc}); nothing "
                "was saved. This is a Galley bug: please report it with this message"
            )
        return StoreError(
            f"{self.path}: the save could not be written ({exc}); your text is kept, try again"
        )
