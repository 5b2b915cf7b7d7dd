"""Write transactions of the store (a mixin of ``Store``): the write lock taken up front, the
store file checked to be still in place, and SQLite's failures turned into messages a user
can act on (disk full, card pulled, file deleted), with nothing half-written.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from app.core.errors import ReadOnlyError, StoreError

log = logging.getLogger(__name__)

SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 8, 10, 13, 14


def file_identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


class WritingMixin:
    """Needs ``db``, ``path``, ``read_only`` and ``_identity`` from ``Store``."""

    db: Database
    path: Path
    read_only: bool
    _identity: tuple[int, int] | None

    # -- transactions ---------------------------------------------------------------------
    @contextlib.contextmanager
    def write(self) -> Iterator[Database]:
        """One write transaction, taking the write lock up front (``BEGIN IMMEDIATE``).

        sqlite-utils' ``atomic()`` begins a deferred transaction; a save reads then writes, and
        a deferred read that upgrades to a write can fail at once with "database is locked"
        when another process wrote meanwhile. IMMEDIATE waits for the lock (busy timeout).
        """
        if self.read_only:
            raise ReadOnlyError(f"{self.path}: the store is open read-only; nothing was saved")
        conn = self.db.conn
        if conn.in_transaction:
            # Nested: part of the caller's transaction (an import of several articles is one
            # transaction); the outermost write checked the file and commits or rolls back.
            yield self.db
            return
        self._check_in_place()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"{self.path}: the store is busy or unwritable ({exc}); "
                "nothing was saved, try again"
            ) from None
        try:
            yield self.db
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:  # SQLite may already have rolled back (disk full)
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self._write_failure(exc) from None
            raise

    def _check_in_place(self) -> None:
        """Refuse to write when the store file was deleted, moved or replaced while open.

        SQLite would go on writing to the open (now nameless) file and every save would
        vanish when the window closes; one stat per save (microseconds) prevents that.
        """
        now = file_identity(self.path)
        if self._identity is not None and now != self._identity:
            raise StoreError(
                f"{self.path}: the store file was deleted, moved or replaced while Galley had "
                "it open; nothing more is saved into it. Your text is kept in the window; "
                "open the store from its new place or restore a backup (galley restore)"
            )

    def _write_failure(self, exc: sqlite3.Error) -> StoreError:
        code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        log.error("write to %s failed: %s (code %s)", self.path, exc, code)
        if code == SQLITE_FULL:
            return StoreError(
                f"{self.path}: the disk is full; nothing was saved. Your text is kept; free "
                "some space and it will be saved"
            )
        if code in (SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_READONLY):
            self._check_in_place()
            return StoreError(
                f"{self.path}: the store cannot be written ({exc}); is the disk or card still "
                "there? Nothing was saved; your text is kept"
            )
        return StoreError(
            f"{self.path}: the save could not be written ({exc}); your text is kept, try again"
        )
