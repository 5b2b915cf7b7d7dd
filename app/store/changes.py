"""What an operation changed, so views refresh exactly what moved (Anki's ``OpChanges``).

Every write transaction of the store collects a ``Changes`` value and, once committed, hands
it to the store's subscribers. The same value is written to the ``change_log`` table inside
the transaction, so another process (a second window, the command line) learns what changed
by reading the log past the last sequence number it saw.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

KINDS = ("article", "created", "status", "notes", "desk")


@dataclass(frozen=True)
class Changes:
    """Article ids whose content, status or notes changed; created articles; the desk."""

    articles: frozenset[str] = field(default_factory=frozenset)
    created: frozenset[str] = field(default_factory=frozenset)
    statuses: frozenset[str] = field(default_factory=frozenset)
    notes: frozenset[str] = field(default_factory=frozenset)
    desk: bool = False
    # True when the change was made by another connection (another window, the CLI).
    external: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.articles | other.articles,
            self.created | other.created,
            self.statuses | other.statuses,
            self.notes | other.notes,
            self.desk or other.desk,
            self.external or other.external,
        )

    def __bool__(self) -> bool:
        return bool(self.articles or self.created or self.statuses or self.notes or self.desk)

    @property
    def list_changed(self) -> bool:
        """Whether the article list (titles, statuses, order) may look different."""
        return bool(self.articles or self.created or self.statuses)

    def touches(self, article_id: str) -> bool:
        return (
            article_id in self.articles or article_id in self.statuses or (article_id in self.notes)
        )

    def rows(self) -> Iterable[tuple[str, str]]:
        """(kind, article id) pairs as the change log keeps them."""
        for kind, ids in (
            ("created", self.created),
            ("article", self.articles),
            ("status", self.statuses),
            ("notes", self.notes),
        ):
            for article_id in sorted(ids):
                yield kind, article_id
        if self.desk:
            yield "desk", ""

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str]], *, external: bool = False) -> Changes:
        found: dict[str, set[str]] = {k: set() for k in KINDS}
        for kind, article_id in rows:
            found.setdefault(kind, set()).add(article_id)
        return cls(
            articles=frozenset(found["article"]),
            created=frozenset(found["created"]),
            statuses=frozenset(found["status"]),
            notes=frozenset(found["notes"]),
            desk=bool(found["desk"]),
            external=external,
        )


Subscriber = Callable[[Changes], None]


class ChangeFeed:
    """Subscribers hear every committed ``Changes``; a failing subscriber never undoes a
    write (the data is already safe) and does not stop the others."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []
        self.last = Changes()

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

        return unsubscribe

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        self.last = changes
        for subscriber in list(self._subscribers):
            try:
                subscriber(changes)
            except Exception:  # noqa: BLE001 - a view's bug must not turn a save into a failure
                log.exception("a change subscriber failed")
