"""Articles in the store: reading them, and the one write path every caller goes through.

Every write validates the whole article (``app.core.validation``), refuses a status the
workflow did not grant, and is one transaction with its revision, search row and change-log
entry. Saves are optimistic: a save names the revision it started from and fails with
``ConflictError`` if the stored article moved on since.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from app.core.errors import ConflictError, InputError, NotFoundError
from app.core.ids import record_uid
from app.core.model import Article, Figure, RelatedLink, Source
from app.core.slugs import suggest_slug
from app.core.validation import validate_article
from app.store.changes import Changes
from app.store.clock import now_iso
from app.store.content_rows import ContentRows
from app.store.history import History
from app.store.transactions import Transactions

if TYPE_CHECKING:
    from app.store.search import IndexedText

log = logging.getLogger(__name__)

Within = Callable[[Database, Article], None]


class Articles:
    """Reading and writing articles; the store's gate for article content."""

    def __init__(self, tx: Transactions, history: History) -> None:
        self.tx = tx
        self.db = tx.db
        self.history = history
        self.content = ContentRows(tx, history)

    # -- reading ------------------------------------------------------------------------------
    def row(self, ref: str) -> dict[str, Any]:
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
        return str(self.row(ref)["id"])

    def refers(self, ref: str) -> bool:
        """Whether ``ref`` (id, id prefix or slug, as an ``article:`` link names it) is an
        article of the store."""
        try:
            self.row(ref)
        except NotFoundError:
            return False
        return True

    def head_revision(self, article_id: str) -> int | None:
        """The stored article's current revision (None when it is not in the store)."""
        rows = list(self.db.query("SELECT revision FROM articles WHERE id = ?", [article_id]))
        return int(rows[0]["revision"]) if rows else None

    def exists(self, article_id: str) -> bool:
        """Whether an article with exactly this id is stored."""
        # execute(), not query(): sqlite-utils guards each query() with a savepoint (three
        # statements), and an import asks this of every article twice.
        sql = "SELECT 1 FROM articles WHERE id = ?"
        return self.db.execute(sql, [article_id]).fetchone() is not None

    def get(self, ref: str) -> Article:
        row = self.row(ref)
        seq = row["seq"]
        figures = [
            Figure(
                key=r["key"],
                image=r["image"],
                caption=r["caption"],
                credit=r["credit"],
                alt=r["alt"],
                focus=r["focus"],
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
            updated=row["modified_at"],
            saved=row["updated_at"],
            published=row["published_at"],
            canonical_url=row["canonical_url"],
            correction=row["correction"],
            correction_date=row["correction_date"],
            figures=figures,
            sources=sources,
            related=related,
            revision=row["revision"],
        )

    # -- writing ------------------------------------------------------------------------------
    def create(
        self,
        article: Article,
        *,
        author: str = "",
        origin: str = "",
        indexed: IndexedText | None = None,
    ) -> Article:
        """Insert a new article in one transaction (its images must be in the store).

        A new article may start in any status (an archive imported as published), and the
        status record says so. ``indexed``: its text as the search index takes it, worked
        out ahead (by an import's worker process); used only if it matches the article.
        """
        if not article.id:
            article.id = str(uuid.uuid4())
        with self.tx.write() as db:
            if self.exists(article.id):
                raise InputError(
                    f"an article with id {article.id} is already in the store", field="id"
                )
            if not article.slug:
                article.slug = suggest_slug(article.title, article.published, article.id)
            article.slug = self.free_slug(article.slug, article.id)
            validate_article(article)
            self._check_images(db, article)
            stamp = now_iso()
            article.created = article.created or stamp
            article.saved = stamp
            # An archive article with no ``updated:`` has not changed since it was published.
            article.updated = article.updated or article.published or stamp
            seq = self.content.write_new(db, article, author, origin, indexed)
            if article.status != "draft":
                db.execute(
                    "INSERT INTO status_changes (uid, article_seq, from_status, to_status, who,"
                    " at, override) VALUES (?, ?, '', ?, ?, ?, ?)",
                    [
                        record_uid(),
                        seq,
                        article.status,
                        author,
                        stamp,
                        origin or "created",
                    ],
                )
            self.tx.record(Changes(created=frozenset({article.id})))
        return article

    def save(
        self,
        article: Article,
        *,
        base_revision: int | None = None,
        author: str = "",
        origin: str = "",
        within: Within | None = None,
        status_granted: bool = False,
    ) -> Article:
        """Store ``article`` if the stored one is still at ``base_revision``.

        ``base_revision`` defaults to ``article.revision``. Unchanged content writes nothing
        and keeps the revision. The status is never changed here unless the workflow granted
        it (``status_granted``, from ``Review.change_status``): a draft saved as published
        is refused. ``within`` runs inside the same transaction after the write.
        """
        base = article.revision if base_revision is None else base_revision
        validate_article(article)
        with self.tx.write() as db:
            current = list(
                db.query(
                    "SELECT seq, revision, slug, status, published_at, modified_at FROM articles"
                    " WHERE id = ?",
                    [article.id],
                )
            )
            if not current:
                raise NotFoundError(f"no article with id '{article.id}' (was it deleted?)")
            stored = current[0]
            if stored["revision"] != base:
                raise ConflictError(article.id, base, stored["revision"])
            if not status_granted and (
                article.status != stored["status"] or article.published != stored["published_at"]
            ):
                raise InputError(
                    f"the status is '{stored['status']}'; it changes only through a status "
                    f"change (galley status, or the Status menu), not by saving "
                    f"'{article.status}'",
                    field="status",
                )
            if article.slug != stored["slug"]:
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
            self._check_images(db, article)
            head_hash = next(db.query("SELECT hash FROM revisions WHERE id = ?", [base]))["hash"]
            if head_hash == article.content_hash():
                article.revision = base
                return article
            article.saved = now_iso()
            before = self._move_updated(article, base, stored["modified_at"])
            self.content.write(db, article, author, base=base, origin=origin, previous=before)
            if within is not None:
                within(db, article)
            self.tx.record(
                Changes(
                    articles=frozenset({article.id}),
                    statuses=frozenset({article.id})
                    if article.status != stored["status"]
                    else frozenset(),
                )
            )
        return article

    def _move_updated(
        self, article: Article, base: int | None, stored_updated: str
    ) -> Article | None:
        """``updated`` follows what readers see: a change of title, dek, body, figures,
        sources, related links or correction moves it to now, unless the caller set it
        (an import's ``updated:``); a status or slug change never does. Returns the content
        at ``base`` (the search index needs it next)."""
        before = self.history.snapshot(base) if base is not None else None
        if before is not None and article.reader_content() == before.reader_content():
            return before
        if article.updated == stored_updated:
            article.updated = article.saved
        return before

    @staticmethod
    def _check_images(db: Database, article: Article) -> None:
        for n, figure in enumerate(article.figures, start=1):
            if not list(db.query("SELECT 1 FROM images WHERE sha256 = ?", [figure.image])):
                raise InputError(
                    f"image {figure.image[:12]}… is not in the store (add it first)",
                    field=f"figures[{n}].image",
                )

    def free_slug(self, slug: str, article_id: str) -> str:
        candidate, n = slug, 1
        sql = "SELECT 1 FROM articles WHERE slug = ? AND id != ?"  # execute(): see exists()
        while self.db.execute(sql, [candidate, article_id]).fetchone() is not None:
            n += 1
            candidate = f"{slug}-{n}"
        return candidate
