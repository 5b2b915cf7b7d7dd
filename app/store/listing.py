"""The article list: one page of summaries, sorted and filtered, read from indexes only."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.core.errors import InputError
from app.core.model import STATUSES

__all__ = ["ArticleSummary", "Listing"]


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the article list: what the list shows, nothing more."""

    id: str
    slug: str
    title: str
    status: str
    section: str
    byline: list[str]
    updated: str
    published: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Listing:
    """Pages of the article list, counts and sections (read only)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    SORTS = {
        "updated": "updated_at",
        "title": "title",
        "status": "status",
        "section": "section",
        "byline": "byline",
    }

    def list_articles(
        self,
        *,
        status: str | None = None,
        section: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        sort: str = "updated",
        descending: bool | None = None,
    ) -> list[ArticleSummary]:
        """Articles, newest first by default; filtered by status and section; one page."""
        if sort not in self.SORTS:
            raise InputError(f"cannot sort by '{sort}' ({', '.join(self.SORTS)})", field="sort")
        where, params = self._filters(status, section)
        desc = (sort == "updated") if descending is None else descending
        direction = "DESC" if desc else "ASC"
        sql = (
            "SELECT id, slug, title, status, section, byline, updated_at, published_at "
            f"FROM articles {where} ORDER BY {self.SORTS[sort]} {direction}, seq {direction}"
        )
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [
            ArticleSummary(
                id=r["id"],
                slug=r["slug"],
                title=r["title"],
                status=r["status"],
                section=r["section"],
                byline=json.loads(r["byline"]),
                updated=r["updated_at"],
                published=r["published_at"],
            )
            for r in self.db.query(sql, params)
        ]

    def count_articles(self, *, status: str | None = None, section: str | None = None) -> int:
        where, params = self._filters(status, section)
        return int(next(self.db.query(f"SELECT count(*) AS n FROM articles {where}", params))["n"])

    @staticmethod
    def _filters(status: str | None, section: str | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if status:
            if status not in STATUSES:
                raise InputError(
                    f"'{status}' is not a status ({', '.join(STATUSES)})", field="status"
                )
            clauses.append("status = ?")
            params.append(status)
        if section:
            clauses.append("section = ?")
            params.append(section)
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    def sections(self) -> list[str]:
        return [
            r["section"]
            for r in self.db.query(
                "SELECT DISTINCT section FROM articles WHERE section != '' ORDER BY section"
            )
        ]
