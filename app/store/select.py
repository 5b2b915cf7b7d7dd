"""Rows of a SELECT as dictionaries, as ``sqlite_utils.Database.query`` gives them, without
the savepoint it wraps every query in (``SAVEPOINT``, the query, ``RELEASE``: three
statements, there to undo a statement that returns no rows, which a SELECT never is). A
desk join asks ~40 questions an article; a third of the statements were savepoints.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlite_utils import Database
from sqlite_utils.utils import dedupe_keys


def select(db: Database, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
    """The rows of ``sql`` (a SELECT) as dictionaries, keys as ``Database.query`` names them."""
    cursor = db.conn.execute(sql, params)
    keys = dedupe_keys(d[0] for d in cursor.description)
    return (dict(zip(keys, row, strict=True)) for row in cursor)
