"""Copying the write-ahead log back into the store file, on a thread of its own.

SQLite checkpoints inside the COMMIT that takes the WAL past 1,000 pages: that save, or
that import, waits while the pages are copied into the store file and synced. At a million
articles an import of 1,000 articles waited ~1 s for it (a third of its time), and a save
that happened to cross the line waited for the pages other saves had written. SQLite's
documentation suggests checkpointing from a thread of its own instead; that is what this
does (a PASSIVE checkpoint: it never waits for, nor blocks, a reader or a writer).

The store's writing connection keeps an automatic checkpoint at a far larger size, so a
WAL still stays bounded if this thread cannot keep up or fails. Closing the store stops
the thread before the connection closes (SQLite's own last checkpoint then finds little
to do). A store file replaced while open is never checkpointed by name (``StoreFile``).
"""

from __future__ import annotations

import logging
import sqlite3
import threading

from app.store.transactions import StoreFile

log = logging.getLogger(__name__)

# Commits this close together are copied by one checkpoint (an autosave burst, a
# command-line script's run of writes).
SETTLE_SECONDS = 0.2
# The writing connection's own automatic checkpoint, in pages: only if this thread lags.
FALLBACK_PAGES = 50_000


class Checkpointer:
    """One store file's background checkpoints: ``committed()`` after each write."""

    def __init__(self, file: StoreFile, writer: sqlite3.Connection, *, busy_timeout_ms: int):
        self.file = file
        self._busy_timeout_ms = busy_timeout_ms
        writer.execute(f"PRAGMA wal_autocheckpoint = {FALLBACK_PAGES}")
        self._changed = threading.Condition()
        self._commits = 0  # commits announced
        self._copied = 0  # commits a finished checkpoint has looked at
        self._closing = threading.Event()
        # Started by the first commit: a store opened only to be read (``galley show``, a
        # script's query) never starts a thread, nor waits for one to stop.
        self._thread: threading.Thread | None = None

    def committed(self) -> None:
        """A write transaction committed: checkpoint soon, on the thread."""
        with self._changed:
            self._commits += 1
            if self._thread is None and not self._closing.is_set():
                self._thread = threading.Thread(
                    target=self._run, name=f"checkpoint {self.file.path.name}", daemon=True
                )
                self._thread.start()
            self._changed.notify_all()

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Until every commit so far has been checkpointed (tests, benchmarks)."""
        with self._changed:
            return self._changed.wait_for(
                lambda: (
                    self._copied >= self._commits
                    or self._thread is None
                    or not self._thread.is_alive()
                ),
                timeout,
            )

    def close(self) -> None:
        self._closing.set()
        with self._changed:
            self._changed.notify_all()
            thread = self._thread
        if thread is None:
            return
        thread.join(timeout=30)
        if thread.is_alive():  # pragma: no cover - a checkpoint stuck on a dead disk
            log.warning("%s: the checkpoint thread did not stop in 30 s", self.file.path)

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        try:
            while True:
                with self._changed:
                    self._changed.wait_for(
                        lambda: self._closing.is_set() or self._commits > self._copied
                    )
                if self._closing.wait(SETTLE_SECONDS):
                    break
                with self._changed:
                    seen = self._commits
                conn = conn or self._connect()
                if conn is not None:
                    self._checkpoint(conn)
                with self._changed:
                    self._copied = seen
                    self._changed.notify_all()
        finally:
            if conn is not None:
                conn.close()
            with self._changed:
                self._changed.notify_all()

    def _connect(self) -> sqlite3.Connection | None:
        if not self.file.in_place():
            return None
        try:
            conn = sqlite3.connect(str(self.file.path), timeout=self._busy_timeout_ms / 1000)
            conn.execute("PRAGMA synchronous = FULL")  # the copy is synced, as SQLite's own
            return conn
        except sqlite3.Error as exc:
            log.warning("%s: cannot open a connection to checkpoint (%s)", self.file.path, exc)
            return None

    def _checkpoint(self, conn: sqlite3.Connection) -> None:
        if not self.file.in_place():  # replaced or moved: never copy pages into another file
            return
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error as exc:  # a full disk, say: the WAL keeps the pages, try later
            log.warning("%s: checkpoint failed (%s); tried again later", self.file.path, exc)
