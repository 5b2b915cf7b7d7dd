"""The article store: one SQLite file, the single source of truth, and the one gate to it.

``Store`` holds focused parts, each a small class with the connection passed in (the way
sqlite-utils' ``Database`` hands out ``Table`` objects, or Anki's ``Collection`` holds its
managers): ``articles``, ``history``, ``images``, ``review``, ``merge``, ``touches``, ``listing``,
``search_index``, ``desk_settings``. Every write goes through ``tx`` (one transaction, the file's
identity checked, what changed announced on ``changes``). Nothing outside the store touches the
connection. The few article operations every caller needs are also methods of ``Store``.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from app.core.model import Article, DeskSettings
from app.store.articles import Articles
from app.store.changes import ChangeFeed, Changes
from app.store.checkpoints import Checkpointer
from app.store.clock import now_iso
from app.store.db import BUSY_TIMEOUT_MS, needs_upgrade, open_database
from app.store.desk import Desk
from app.store.history import History, RevisionInfo
from app.store.listing import ArticleSummary, Listing
from app.store.touches import Touches
from app.store.transactions import StoreFile, Transactions, detach_connection

if TYPE_CHECKING:
    from app.store.images import Images
    from app.store.merge import ReviewMerge
    from app.store.restores import Restores
    from app.store.review import Review
    from app.store.search import SearchHit, SearchIndex

__all__ = ["ArticleSummary", "RevisionInfo", "Store", "now_iso"]

log = logging.getLogger(__name__)


class Store:
    """A Galley store file. Build it with ``Store.open(path)``; close it when done."""

    def __init__(self, db: Database, path: Path, *, read_only: bool, notice: str = "") -> None:
        self._db = db
        self.path = path
        self.read_only = read_only
        self.notice = notice
        self.file = StoreFile(path)
        self.changes = ChangeFeed()
        self.checkpoints = (
            None if read_only else Checkpointer(self.file, db.conn, busy_timeout_ms=BUSY_TIMEOUT_MS)
        )
        self.tx = Transactions(
            db,
            self.file,
            read_only=read_only,
            feed=self.changes,
            committed=self.checkpoints.committed if self.checkpoints else lambda: None,
        )
        self.history = History(db, self.resolve)
        self.desk_settings = Desk(self.tx)
        self.articles = Articles(
            self.tx, self.history, self.desk_settings.get, self.desk_settings.editors_at
        )
        self.touches = Touches(self.tx)
        self.listing = Listing(db)
        self._seen_change = self._last_change()
        self._data_version = self._read_data_version()

    # Parts a window opening an article (or ``galley show``) does not use are built, and
    # their modules imported (30 ms of a 100 ms import), the first time they are asked for.
    @functools.cached_property
    def images(self) -> Images:
        from app.store.images import Images

        return Images(self.tx)

    @functools.cached_property
    def restores(self) -> Restores:
        from app.store.restores import Restores

        return Restores(self.tx)

    @functools.cached_property
    def review(self) -> Review:
        from app.store.review import Review

        return Review(self.tx, self.articles, self.history, self.desk_settings.get)

    @functools.cached_property
    def merge(self) -> ReviewMerge:
        from app.store.merge import ReviewMerge

        return ReviewMerge(self.tx, self.articles, self.images, self.review)

    @functools.cached_property
    def search_index(self) -> SearchIndex:
        from app.store.search import SearchIndex

        return SearchIndex(self._db)

    @classmethod
    def open(cls, path: str | Path, *, expect: tuple[int, int] | None = None) -> Store:
        """Open the store at ``path``. With ``expect`` (another Store's ``file.identity``), a
        file that is no longer that one is refused before SQLite opens it: a second connection
        must never meet the first one's -wal and -shm on a replaced file."""
        path = Path(path)
        if expect is not None and StoreFile(path).identity != expect:
            StoreFile.refuse(path)
        opened = open_database(path)
        return cls(opened.db, opened.path, read_only=opened.read_only, notice=opened.notice)

    @staticmethod
    def needs_upgrade(path: str | Path) -> bool:
        """Whether ``open`` will migrate the store at ``path`` to this version's schema."""
        return needs_upgrade(Path(path))

    def close(self) -> None:
        if self.checkpoints is not None:
            self.checkpoints.close()
        if not self.file.in_place():
            log.warning(
                "%s was replaced or moved while open; closing without a checkpoint", self.path
            )
            detach_connection(self._db.conn)
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- changes made elsewhere ---------------------------------------------------------------
    def _read_data_version(self) -> int:
        return int(self._db.conn.execute("PRAGMA data_version").fetchone()[0])

    def _last_change(self) -> int:
        row = self._db.conn.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()
        return int(row[0])

    def poll_external(self) -> Changes:
        """What other connections (windows, the command line) committed since the last poll,
        announced to subscribers like our own changes. Cheap when nothing happened: one
        ``PRAGMA data_version``."""
        if not self.file.in_place():
            return Changes()
        version = self._read_data_version()
        if version == self._data_version:
            return Changes()
        self._data_version = version
        rows = self._db.conn.execute(
            "SELECT seq, kind, article_id FROM change_log WHERE seq > ? ORDER BY seq",
            [self._seen_change],
        ).fetchall()
        if not rows:
            return Changes()
        self._seen_change = rows[-1][0]
        changes = Changes.from_rows(((k, a) for _s, k, a in rows), external=True)
        self.changes.publish(changes)
        return changes

    # -- the article operations every caller needs --------------------------------------------
    def resolve(self, ref: str) -> str:
        return self.articles.resolve(ref)

    def exists(self, article_id: str) -> bool:
        return self.articles.exists(article_id)

    def get_article(self, ref: str) -> Article:
        return self.articles.get(ref)

    def create_article(
        self, article: Article, *, author: str, archive_role: str | None = None
    ) -> Article:
        return self.articles.create(article, author=author, archive_role=archive_role)

    def new_article(
        self, title: str, *, author: str, language: str | None = None, **fields: Any
    ) -> Article:
        """Create and store a new draft; returns it at its first revision."""
        article = Article(
            id=fields.pop("id", "") or "",
            slug=fields.pop("slug", "") or "",
            title=title,
            language=language or self.desk().default_language,
            **fields,
        )
        return self.articles.create(article, author=author)

    def save_article(
        self,
        article: Article,
        *,
        author: str,
        role: str = "reporter",
        base_revision: int | None = None,
    ) -> Article:
        """Save through the one writer (``Articles.save``): ``role`` decides whether an
        edit to an approved article takes it back to review."""
        return self.articles.save(article, base_revision=base_revision, author=author, role=role)

    def list_articles(self, **filters: Any) -> list[ArticleSummary]:
        return self.listing.list_articles(**filters)

    def count_articles(self, *, status: str | None = None, section: str | None = None) -> int:
        return self.listing.count_articles(status=status, section=section)

    def sections(self) -> list[str]:
        return self.listing.sections()

    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        return self.search_index.search(query, limit=limit)

    def revisions(self, ref: str) -> list[RevisionInfo]:
        return self.history.revisions(ref)

    def revision_article(self, ref: str, number: int) -> Article:
        return self.history.article_at(ref, number)

    def desk(self) -> DeskSettings:
        return self.desk_settings.get()

    def save_desk(self, settings: DeskSettings, *, by: str) -> None:
        self.desk_settings.save(settings, by=by)

    def get_image(self, sha256: str) -> tuple[bytes, str]:
        return self.images.get(sha256)
