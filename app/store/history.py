"""An article's history: its revisions and the content of any of them (read only)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from app.core.errors import NotFoundError
from app.core.model import Article
from app.store.schema import SEQ_OF_ID
from app.store.select import select

__all__ = ["History", "RevisionInfo"]


@dataclass(frozen=True)
class RevisionInfo:
    id: int
    number: int
    created: str
    author: str
    size: int
    hash: str
    uid: str = ""
    origin: str = ""
    parent: int | None = None


class History:
    """Revisions of the store's articles; ``resolve`` turns a reference into an id."""

    def __init__(self, db: Database, resolve: Callable[[str], str]) -> None:
        self.db = db
        self.resolve = resolve

    def snapshot(self, revision_id: int) -> Article:
        """The content stored for revision row ``revision_id``."""
        row = next(
            select(
                self.db,
                "SELECT s.content FROM revisions r JOIN snapshots s ON s.hash = "
                "r.hash WHERE r.id = ?",
                [revision_id],
            )
        )
        return Article.from_dict(json.loads(row["content"]))

    def revisions(self, ref: str) -> list[RevisionInfo]:
        article_id = self.resolve(ref)
        return [
            RevisionInfo(
                id=r["id"],
                number=r["number"],
                created=r["created_at"],
                author=r["author"],
                size=r["size"],
                hash=r["hash"],
                uid=r["uid"] or "",
                origin=r["origin"],
                parent=r["parent"],
            )
            for r in select(
                self.db,
                f"SELECT * FROM revisions WHERE article_seq = {SEQ_OF_ID} ORDER BY number",
                [article_id],
            )
        ]

    def article_at(self, ref: str, number: int) -> Article:
        """The article as it was at revision ``number`` (1 is the first)."""
        article_id = self.resolve(ref)
        rows = list(
            select(
                self.db,
                "SELECT r.id, r.created_at, s.content FROM revisions r JOIN snapshots s "
                f"ON s.hash = r.hash WHERE r.article_seq = {SEQ_OF_ID}"
                " AND r.number = ?",
                [article_id, number],
            )
        )
        if not rows:
            raise NotFoundError(f"article {article_id} has no revision {number}")
        article = Article.from_dict(json.loads(rows[0]["content"]))
        article.revision = rows[0]["id"]
        article.saved = rows[0]["created_at"]
        return article

    def snapshot_count(self) -> int:
        return int(next(select(self.db, "SELECT count(*) AS n FROM snapshots"))["n"])
