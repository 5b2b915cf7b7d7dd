"""Web renditions kept across runs, apart from the article store.

Publishing reads the store and never writes into it: a rendition is derived data, so it lives
in a SQLite file of its own under the user's cache folder (``galley.config.cache_dir``),
keyed by the source image's SHA-256 and the recipe that made it. Deleting the file loses
nothing; it is rebuilt on demand. A cache that cannot be opened, read or written (a full
disk, a read-only home, a damaged file) is set aside or skipped, never an export's failure.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

MAX_BYTES = 512 * 1024 * 1024  # beyond this the oldest renditions go
PRUNE_EVERY = 200  # renditions kept between two looks at the cache's size
_SCHEMA = """CREATE TABLE IF NOT EXISTS renditions (
    source TEXT NOT NULL,
    recipe TEXT NOT NULL,
    mime TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    data BLOB NOT NULL,
    made INTEGER PRIMARY KEY AUTOINCREMENT,
    UNIQUE (source, recipe)
)"""

Cached = tuple[bytes, str, int, int]  # data, MIME type, width, height


class RenditionCache:
    """Renditions by (source image, recipe) in the SQLite file ``path``; ``None``: kept in
    nothing but this process's memo (tests, a one-off run). ``path`` may also be a function
    giving it, asked the first time the file is needed (the cache folder is the platform's:
    a sync that renders nothing never imports the library that knows where it is)."""

    def __init__(
        self, path: Path | Callable[[], Path] | None, *, max_bytes: int = MAX_BYTES
    ) -> None:
        self._path = path
        self.max_bytes = max_bytes
        self._conn: sqlite3.Connection | None = None
        self._broken = path is None
        self._kept = 0
        self._lock = threading.Lock()  # the preview renders on a thread of its own

    @property
    def path(self) -> Path | None:
        if callable(self._path):
            self._path = self._path()
        return self._path

    def _connect(self) -> sqlite3.Connection | None:
        if self._conn is not None or self._broken:
            return self._conn
        assert self.path is not None
        for attempt in (1, 2):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=5, check_same_thread=False)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")  # a cache: a lost write is remade
                conn.execute(_SCHEMA)
                self._conn = conn
                return conn
            except sqlite3.DatabaseError as exc:
                # Locked or unwritable (OperationalError) is left alone; not a database, or
                # damaged, is a cache file that can only be made again.
                if attempt == 1 and not isinstance(exc, sqlite3.OperationalError):
                    self._set_aside()
                    continue
                log.warning("rendition cache %s not used: %s", self.path, exc)
            except OSError as exc:
                log.warning("rendition cache %s not used: %s", self.path, exc.strerror or exc)
            break
        self._broken = True
        return None

    def _set_aside(self) -> None:
        """A damaged cache file is removed (it holds nothing that cannot be made again)."""
        assert self.path is not None
        log.warning("rendition cache %s was damaged; starting it again", self.path)
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{self.path}{suffix}").unlink()

    def get(self, source: str, recipe: str) -> Cached | None:
        with self._lock:
            conn = self._connect()
            if conn is None:
                return None
            try:
                row = conn.execute(
                    "SELECT data, mime, width, height FROM renditions"
                    " WHERE source = ? AND recipe = ?",
                    [source, recipe],
                ).fetchone()
            except sqlite3.Error as exc:
                log.warning("rendition cache not read: %s", exc)
                return None
        return None if row is None else (bytes(row[0]), str(row[1]), int(row[2]), int(row[3]))

    def put(
        self, source: str, recipe: str, data: bytes, mime: str, width: int, height: int
    ) -> None:
        with self._lock:
            conn = self._connect()
            if conn is None:
                return
            try:
                with conn:
                    conn.execute(
                        "INSERT OR REPLACE INTO renditions (source, recipe, mime, width, height,"
                        " data) VALUES (?, ?, ?, ?, ?, ?)",
                        [source, recipe, mime, width, height, data],
                    )
                self._kept += 1
                if self._kept % PRUNE_EVERY == 0:
                    self._prune(conn)
            except sqlite3.Error as exc:  # full disk, read-only: the next export makes it again
                log.warning("rendition not cached: %s", exc)

    def _prune(self, conn: sqlite3.Connection) -> None:
        """Drop the oldest renditions while the cache holds more than ``max_bytes``."""
        total = conn.execute("SELECT coalesce(sum(length(data)), 0) FROM renditions").fetchone()
        excess = int(total[0]) - self.max_bytes
        if excess <= 0:
            return
        with conn:
            conn.execute(
                "DELETE FROM renditions WHERE made IN (SELECT made FROM (SELECT made,"
                " sum(length(data)) OVER (ORDER BY made) AS running FROM renditions)"
                " WHERE running - length(data) < ?)",
                [excess],
            )

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
