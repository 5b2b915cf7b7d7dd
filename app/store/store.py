"""The article store: the single source of truth for articles, images, revisions and desk.

Saves are optimistic: a save names the revision it started from and fails with
``ConflictError`` if the stored article moved on since. Each save is one ``BEGIN IMMEDIATE``
transaction, so the check and the write cannot interleave with another process's save.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.core.errors import ConflictError, InputError, NotFoundError
from app.core.model import (
    STATUSES,
    Article,
    Figure,
    RelatedLink,
    Source,
    canonical_json,
)
from app.core.slugs import is_valid_slug, suggest_slug
from app.store import search as search_index
from app.store.assets import AssetsMixin
from app.store.db import open_database
from app.store.history import HistoryMixin, RevisionInfo
from app.store.listing import ArticleSummary, ListingMixin
from app.store.writing import WritingMixin, file_identity

__all__ = ["ArticleSummary", "RevisionInfo", "Store", "now_iso"]

log = logging.getLogger(__name__)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Store(WritingMixin, ListingMixin, HistoryMixin, AssetsMixin):
    """A Galley store file. Build it with ``Store.open(path)``; close it when done."""

    def __init__(self, db: Database, path: Path, *, read_only: bool, notice: str = "") -> None:
        self.db = db
        self.path = path
        self.read_only = read_only
        self.notice = notice
        self._identity = file_identity(path)

    @classmethod
    def open(cls, path: str | Path) -> Store:
        opened = open_database(Path(path))
        return cls(opened.db, opened.path, read_only=opened.read_only, notice=opened.notice)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading articles -----------------------------------------------------------------
    def _row(self, ref: str) -> dict[str, Any]:
        rows = list(
            self.db.query(
                "SELECT * FROM articles WHERE id = ? UNION ALL "
                "SELECT * FROM articles WHERE slug = ? LIMIT 1",
                [ref, ref],
            )
        )
        if not rows and len(ref) >= 8:
            # An id prefix, as the CLI prints it: a range scan on the unique index on id.
            rows = list(
                self.db.query(
                    "SELECT * FROM articles WHERE id >= ? AND id < ? LIMIT 2",
                    [ref.lower(), ref.lower() + "\uffff"],
                )
            )
            if len(rows) > 1:
                raise NotFoundError(f"'{ref}' matches more than one article; give more of the id")
        if not rows:
            raise NotFoundError(f"no article with id or slug '{ref}'")
        return rows[0]

    def resolve(self, ref: str) -> str:
        """The id of the article whose id, id prefix (8+ characters) or slug is ``ref``."""
        return self._row(ref)["id"]

    def exists(self, article_id: str) -> bool:
        """Whether an article with exactly this id is stored."""
        return bool(list(self.db.query("SELECT 1 FROM articles WHERE id = ?", [article_id])))

    def get_article(self, ref: str) -> Article:
        row = self._row(ref)
        seq = row["seq"]
        figures = [
            Figure(
                key=r["key"],
                image=r["image"],
                caption=r["caption"],
                credit=r["credit"],
                alt=r["alt"],
            )
            for r in self.db.query(
                "SELECT * FROM figures WHERE article_seq = ? ORDER BY position", [seq]
            )
        ]
        sources = [
            Source(
                date=r["date"], outlet=r["outlet"], title=r["title"], url=r["url"], note=r["note"]
            )
            for r in self.db.query(
                "SELECT * FROM sources WHERE article_seq = ? ORDER BY position", [seq]
            )
        ]
        related = [
            RelatedLink(
                kind=r["kind"],
                article_id=r["target_id"],
                url=r["url"],
                title=r["title"],
                excerpt=r["excerpt"],
                author=r["author"],
                date=r["date"],
            )
            for r in self.db.query(
                "SELECT * FROM related WHERE article_seq = ? ORDER BY position", [seq]
            )
        ]
        return Article(
            id=row["id"],
            slug=row["slug"],
            title=row["title"],
            dek=row["dek"],
            byline=json.loads(row["byline"]),
            section=row["section"],
            tags=json.loads(row["tags"]),
            language=row["language"],
            status=row["status"],
            body=row["body"],
            created=row["created_at"],
            updated=row["updated_at"],
            published=row["published_at"],
            canonical_url=row["canonical_url"],
            figures=figures,
            sources=sources,
            related=related,
            revision=row["revision"],
        )

    # -- writing articles -----------------------------------------------------------------
    def new_article(
        self, title: str, *, language: str | None = None, author: str = "", **fields: Any
    ) -> Article:
        """Create and store a new article; returns it at its first revision."""
        article_id = fields.pop("id", None) or str(uuid.uuid4())
        article = Article(
            id=article_id,
            slug=fields.pop("slug", "") or "",
            title=title,
            language=language or self.desk().default_language,
            **fields,
        )
        return self.create_article(article, author=author)

    def create_article(
        self, article: Article, *, author: str = "", new_images: list[tuple[bytes, str]] = ()
    ) -> Article:
        """Insert a new article (and the image blobs it needs) in one transaction."""
        from app.store.images import put_image

        if not article.id:
            article.id = str(uuid.uuid4())
        with self.write() as db:
            for data, name in new_images:
                put_image(db, data, name=name)
            if self.exists(article.id):
                raise InputError(
                    f"an article with id {article.id} is already in the store", field="id"
                )
            if not article.slug:
                article.slug = suggest_slug(article.title, article.published, article.id)
            article.slug = self._free_slug(article.slug, article.id)
            self._validate(article)
            stamp = now_iso()
            article.created = article.created or stamp
            article.updated = article.updated or stamp
            db.execute(
                "INSERT INTO articles (id, slug, title, created_at, updated_at, revision) "
                "VALUES (?, ?, ?, ?, ?, 0)",
                [article.id, article.slug, article.title, article.created, stamp],
            )
            self._write_content(db, article, author, base=None)
        return article

    def save_article(
        self,
        article: Article,
        *,
        base_revision: int | None = None,
        author: str = "",
        origin: str = "",
        within: Callable[[Database, Article], None] | None = None,
    ) -> Article:
        """Store ``article`` if the stored one is still at ``base_revision``.

        ``base_revision`` defaults to ``article.revision``. Unchanged content writes nothing
        and keeps the revision. Returns the article as stored (with its new revision).
        ``origin`` says where a revision came from ("restored from 3", "review bundle");
        ``within`` runs inside the same transaction after the write (status records).
        """
        base = article.revision if base_revision is None else base_revision
        self._validate(article)
        with self.write() as db:
            current = list(
                db.query("SELECT seq, revision, slug FROM articles WHERE id = ?", [article.id])
            )
            if not current:
                raise NotFoundError(f"no article with id '{article.id}' (was it deleted?)")
            if current[0]["revision"] != base:
                raise ConflictError(article.id, base, current[0]["revision"])
            if article.slug != current[0]["slug"]:
                taken = list(
                    db.query(
                        "SELECT id FROM articles WHERE slug = ? AND id != ?",
                        [article.slug, article.id],
                    )
                )
                if taken:
                    raise InputError(
                        f"slug '{article.slug}' is already used by article {taken[0]['id']}",
                        field="slug",
                    )
            head_hash = next(db.query("SELECT hash FROM revisions WHERE id = ?", [base]))["hash"]
            if head_hash == article.content_hash():
                article.revision = base
                return article
            article.updated = now_iso()
            self._write_content(db, article, author, base=base, origin=origin)
            if within is not None:
                within(db, article)
        return article

    def _validate(self, article: Article) -> None:
        if not article.title.strip():
            raise InputError("the title must not be empty", field="title")
        if not is_valid_slug(article.slug):
            raise InputError(
                f"'{article.slug}' is not a slug (a-z, 0-9 and single hyphens)", field="slug"
            )
        if article.status not in STATUSES:
            raise InputError(f"'{article.status}' is not a status", field="status")
        keys = [f.key for f in article.figures]
        if len(keys) != len(set(keys)):
            raise InputError("two figures share a key", field="figures")

    def _free_slug(self, slug: str, article_id: str) -> str:
        candidate, n = slug, 1
        while list(
            self.db.query(
                "SELECT 1 FROM articles WHERE slug = ? AND id != ?", [candidate, article_id]
            )
        ):
            n += 1
            candidate = f"{slug}-{n}"
        return candidate

    def _write_content(
        self,
        db: Database,
        article: Article,
        author: str,
        base: int | None,
        origin: str = "",
        existing_revision: int | None = None,
    ) -> None:
        """Write fields, children, a revision and the search row. Caller holds the txn.

        With ``existing_revision`` the article takes that (already stored) revision as its
        head instead of a new one: review bundles bring revisions with their history.
        """
        seq = next(db.query("SELECT seq FROM articles WHERE id = ?", [article.id]))["seq"]
        previous = self._snapshot(db, base) if base is not None else None
        content = article.content()
        digest = article.content_hash()
        text = canonical_json(content)
        db.execute("INSERT OR IGNORE INTO snapshots (hash, content) VALUES (?, ?)", [digest, text])
        if existing_revision is not None:
            article.revision = existing_revision  # the revision row is already there
        else:
            number = next(
                db.query(
                    "SELECT coalesce(max(number), 0) + 1 AS n FROM revisions WHERE article_id = ?",
                    [article.id],
                )
            )["n"]
            cursor = db.execute(
                "INSERT INTO revisions (article_id, number, parent, hash, created_at, author, size,"
                " uid, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    article.id,
                    number,
                    base,
                    digest,
                    article.updated,
                    author,
                    len(article.body),
                    uuid.uuid4().hex,
                    origin,
                ],
            )
            article.revision = cursor.lastrowid
        db.execute(
            "UPDATE articles SET slug = ?, title = ?, dek = ?, byline = ?, section = ?, tags = ?,"
            " language = ?, status = ?, body = ?, updated_at = ?, published_at = ?,"
            " canonical_url = ?, revision = ? WHERE seq = ?",
            [
                article.slug,
                article.title,
                article.dek,
                json.dumps(article.byline, ensure_ascii=False),
                article.section,
                json.dumps(article.tags, ensure_ascii=False),
                article.language,
                article.status,
                article.body,
                article.updated,
                article.published,
                article.canonical_url,
                article.revision,
                seq,
            ],
        )
        for table in ("figures", "sources", "related"):
            db.execute(f"DELETE FROM {table} WHERE article_seq = ?", [seq])
        for pos, f in enumerate(article.figures):
            db.execute(
                "INSERT INTO figures (article_seq, position, key, image, caption, credit,"
                " alt) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [seq, pos, f.key, f.image, f.caption, f.credit, f.alt],
            )
        for pos, s in enumerate(article.sources):
            db.execute(
                "INSERT INTO sources (article_seq, position, date, outlet, title, url, "
                "note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [seq, pos, s.date, s.outlet, s.title, s.url, s.note],
            )
        for pos, r in enumerate(article.related):
            db.execute(
                "INSERT INTO related (article_seq, position, kind, target_id, url, title,"
                " excerpt, author, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [seq, pos, r.kind, r.article_id, r.url, r.title, r.excerpt, r.author, r.date],
            )
        search_index.index_article(db, seq, article, previous)

    # -- search ------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 50) -> list[search_index.SearchHit]:
        return search_index.search(self.db, query, limit=limit)
