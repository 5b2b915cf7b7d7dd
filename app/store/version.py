"""The store's schema version as a bare constant, and whether a file is at it: read before
anything heavy is imported (the window's start decides with it whether to fork the preview
renderer). A test keeps the constant equal to the number of migrations in ``schema.py``."""

from __future__ import annotations

from pathlib import Path

SCHEMA_VERSION = 14


def is_current(path: Path) -> bool:
    """Whether ``path`` is a store at this Galley's schema version: read-only and cheap (no
    sqlite-utils), so the window's first moments can ask it."""
    import sqlite3
    from urllib.parse import quote

    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect("file:" + quote(str(path.resolve())) + "?mode=ro", uri=True)
        try:
            return bool(conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION)
        finally:
            conn.close()
    except sqlite3.Error:
        return False
