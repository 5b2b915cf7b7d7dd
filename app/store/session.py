"""An editing session on one article: the working copy, autosave and conflict resolution.

Qt-free so that the rules (what counts as a change, what a conflict does, that no text is ever
dropped) are tested without a display; the window only decides *when* to call ``save``.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass

from app.core.errors import ConflictError
from app.core.model import Article
from app.store.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SaveOutcome:
    saved: bool  # False: nothing had changed
    revision: int | None


class EditSession:
    """The article being edited. ``article`` is the working copy; the store is the truth."""

    def __init__(
        self, store: Store, article_id: str, *, author: str, role: str = "reporter"
    ) -> None:
        self.store = store
        self.author = author
        self.role = role  # an edit to an approved article by a non-editor goes back to review
        self.article = store.get_article(article_id)
        self._saved = copy.deepcopy(self.article)

    @property
    def article_id(self) -> str:
        return self.article.id

    @property
    def dirty(self) -> bool:
        return self.article.content() != self._saved.content()

    def save(self) -> SaveOutcome:
        """Save the working copy if it changed. Raises ConflictError if the store moved on."""
        if not self.dirty:
            return SaveOutcome(saved=False, revision=self.article.revision)
        stored = self.store.save_article(self.article, author=self.author, role=self.role)
        self._mark_saved(stored)
        return SaveOutcome(saved=True, revision=stored.revision)

    def _mine_on(self, theirs: Article) -> Article:
        """My words on top of theirs: the status (and publication time) stay theirs, since a
        status moves only through the workflow and the other side's move is on record."""
        mine = copy.deepcopy(self.article)
        mine.status, mine.published = theirs.status, theirs.published
        self.article.status, self.article.published = theirs.status, theirs.published
        return mine

    def keep_mine(self, conflict: ConflictError) -> SaveOutcome:
        """Resolve a conflict by storing the working copy on top of theirs (theirs stays in
        the history as the revision before)."""
        theirs = self.store.get_article(self.article.id)
        stored = self.store.save_article(
            self._mine_on(theirs),
            base_revision=conflict.current_revision,
            author=self.author,
            role=self.role,
        )
        self._mark_saved(stored)
        return SaveOutcome(saved=True, revision=stored.revision)

    def take_theirs(self, conflict: ConflictError) -> SaveOutcome:
        """Resolve a conflict by continuing from theirs. Mine is not thrown away: it is stored
        as a revision first, then theirs becomes the head again on top of it."""
        theirs = self.store.get_article(self.article.id)
        mine = self.store.save_article(
            self._mine_on(theirs),
            base_revision=conflict.current_revision,
            author=self.author,
            role=self.role,
        )
        theirs.revision = mine.revision
        head = self.store.save_article(theirs, author=self.author, role=self.role)
        self.article = self.store.get_article(self.article.id)
        self._saved = copy.deepcopy(self.article)
        log.info(
            "conflict on %s: kept theirs as revision %s, mine is revision %s",
            self.article.id,
            head.revision,
            mine.revision,
        )
        return SaveOutcome(saved=True, revision=self.article.revision)

    def _mark_saved(self, stored: Article) -> None:
        self.article.revision = stored.revision
        self.article.status = stored.status
        self.article.updated = stored.updated
        self.article.slug = stored.slug
        self._saved = copy.deepcopy(self.article)
