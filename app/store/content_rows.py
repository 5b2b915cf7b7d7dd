"""Writing an article's content rows: its articles row, children, snapshot and revision,
and handing its text to the search index. Only ``Articles`` (the store's one writer of
article content) uses it: that caller holds the transaction and has validated the article;
this class only knows how the rows are laid out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from app.core.ids import record_uid
from app.core.model import Article, canonical_json, content_hash
from app.store.history import History
from app.store.schema import SEQ_OF_ID
from app.store.select import select
from app.store.transactions import Transactions

if TYPE_CHECKING:
    from app.store.search import IndexedText


class ContentRows:
    """The rows one article's content is stored in, written for a save or a new article."""

    def __init__(self, tx: Transactions, history: History) -> None:
        self.tx = tx
        self.history = history

    def write(
        self,
        db: Database,
        article: Article,
        author: str,
        base: int | None,
        origin: str = "",
        existing_revision: int | None = None,
        previous: Article | None = None,
        indexed: IndexedText | None = None,
    ) -> None:
        """Write fields, children, a revision and the search row; the caller holds the
        transaction and has validated ``article``. ``previous``: the content at ``base``,
        when the caller has read it already.

        With ``existing_revision`` the article takes that (already stored) revision as its
        head instead of a new one: review bundles bring revisions with their history.
        """
        seq = next(select(db, "SELECT seq FROM articles WHERE id = ?", [article.id]))["seq"]
        if previous is None and base is not None:
            previous = self.history.snapshot(base)
        digest = self._write_snapshot(db, article)
        if existing_revision is not None:
            article.revision = existing_revision  # the revision row is already there
        else:
            number = next(
                select(
                    db,
                    "SELECT coalesce(max(number), 0) + 1 AS n FROM revisions WHERE article_seq = ?",
                    [seq],
                )
            )["n"]
            article.revision = self._insert_revision(
                db, seq, article, number, base, digest, author, origin
            )
        db.execute(
            f"UPDATE articles SET {', '.join(f'{c} = ?' for c in _CONTENT_COLUMNS)} WHERE seq = ?",
            [*_content_values(article), seq],
        )
        for table in ("figures", "sources", "related"):
            db.execute(f"DELETE FROM {table} WHERE article_seq = ?", [seq])
        self._insert_children(db, seq, article)
        from app.store import search as search_index  # imported by the first save, not at start

        search_index.index_article(self.tx, seq, article, previous, indexed)

    def write_new(
        self, db: Database, article: Article, author: str, origin: str, indexed: IndexedText | None
    ) -> int:
        """``write`` for an article not stored yet: its row written once, whole; its row
        number (``seq``) returned.

        The revision's id is the one SQLite would give it (the write lock is held), so the
        row can name its head revision as it is inserted: an insert and an update of every
        indexed column was a third of an imported article's own statements."""
        digest = self._write_snapshot(db, article)
        article.revision = db.execute("SELECT coalesce(max(id), 0) + 1 FROM revisions").fetchone()[
            0
        ]
        columns = ("id", "created_at", *_CONTENT_COLUMNS)
        seq = db.execute(
            f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [article.id, article.created, *_content_values(article)],
        ).lastrowid
        assert seq is not None
        self._insert_revision(db, seq, article, 1, None, digest, author, origin, article.revision)
        self._insert_children(db, seq, article)
        from app.store import search as search_index  # imported by the first save, not at start

        search_index.index_article(self.tx, seq, article, None, indexed)
        return seq

    @staticmethod
    def insert_arrival(
        db: Database, article_id: str, *, slug: str, title: str, created: str, saved: str
    ) -> None:
        """The row of an article that arrives from another store, before its revisions: a
        draft with no head yet (``write`` gives it one)."""
        db.execute(
            "INSERT INTO articles (id, slug, title, created_at, updated_at, revision) "
            "VALUES (?, ?, ?, ?, ?, 0)",
            [article_id, slug, title, created, saved],
        )

    def insert_received(
        self,
        db: Database,
        article_id: str,
        rev: Mapping[str, Any],
        known: Mapping[str, int],
        origin: str,
    ) -> int:
        """One revision from another store, with its uid, time and author; where it came
        from (``origin``: the desk, a review bundle) unless it says itself; its parent named
        by uid among ``known``. Returns its row id."""
        content = rev["content"]
        digest = content_hash(content)
        db.execute(
            "INSERT OR IGNORE INTO snapshots (hash, content) VALUES (?, ?)",
            [digest, canonical_json(content)],
        )
        number = db.execute(
            f"SELECT coalesce(max(number), 0) + 1 FROM revisions WHERE article_seq = {SEQ_OF_ID}",
            [article_id],
        ).fetchone()[0]
        cursor = db.execute(
            "INSERT INTO revisions (article_seq, number, parent, hash, created_at, author, size,"
            f" uid, origin, merged) VALUES ({SEQ_OF_ID}, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article_id,
                number,
                known.get(rev["parent"]) if rev["parent"] else None,
                digest,
                rev["created"],
                rev["author"],
                len(content.get("body", "")),
                rev["uid"],
                rev["origin"] or origin,
                rev.get("merged"),
            ],
        )
        return int(cursor.lastrowid or 0)

    @staticmethod
    def set_slug(db: Database, article_id: str, slug: str) -> None:
        """The article's address as the desk settled it (its text keeps the slug it wants)."""
        db.execute("UPDATE articles SET slug = ? WHERE id = ?", [slug, article_id])

    @staticmethod
    def mark_seen(db: Database, revision_id: int, their_uid: str) -> None:
        """Revision ``revision_id`` took the other side's revision ``their_uid`` into account."""
        db.execute("UPDATE revisions SET merged = ? WHERE id = ?", [their_uid, revision_id])

    @staticmethod
    def _write_snapshot(db: Database, article: Article) -> str:
        content = article.content()
        digest = content_hash(content)
        db.execute(
            "INSERT OR IGNORE INTO snapshots (hash, content) VALUES (?, ?)",
            [digest, canonical_json(content)],
        )
        return digest

    @staticmethod
    def _insert_revision(
        db: Database,
        seq: int,
        article: Article,
        number: int,
        base: int | None,
        digest: str,
        author: str,
        origin: str,
        revision_id: int | None = None,
    ) -> int:
        cursor = db.execute(
            "INSERT INTO revisions (id, article_seq, number, parent, hash, created_at, author,"
            " size, uid, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                revision_id,
                seq,
                number,
                base,
                digest,
                article.saved,
                author,
                len(article.body),
                record_uid(),
                origin,
            ],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    @staticmethod
    def _insert_children(db: Database, seq: int, article: Article) -> None:
        for pos, f in enumerate(article.figures):
            db.execute(
                "INSERT INTO figures (article_seq, position, key, image, caption, credit,"
                " alt, focus, creator, copyright) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    seq,
                    pos,
                    f.key,
                    f.image,
                    f.caption,
                    f.credit,
                    f.alt,
                    f.focus,
                    f.creator,
                    f.copyright,
                ],
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


# The articles columns a save writes, in the order ``_content_values`` gives them.
_CONTENT_COLUMNS = (
    "slug",
    "title",
    "dek",
    "byline",
    "section",
    "tags",
    "language",
    "status",
    "body",
    "updated_at",
    "published_at",
    "canonical_url",
    "revision",
    "modified_at",
    "correction",
    "correction_date",
)


def _content_values(article: Article) -> list[Any]:
    return [
        article.slug,
        article.title,
        article.dek,
        json.dumps(article.byline, ensure_ascii=False),
        article.section,
        json.dumps(article.tags, ensure_ascii=False),
        article.language,
        article.status,
        article.body,
        article.saved,
        article.published,
        article.canonical_url,
        article.revision,
        article.updated,
        article.correction,
        article.correction_date,
    ]
