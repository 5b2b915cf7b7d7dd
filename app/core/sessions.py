"""Writing sessions: an article's revisions grouped as a person remembers their work ("I
wrote for an hour this morning"), not as the autosave made them (a save a second while
typing). A session is one person's consecutive typed saves with no pause longer than
``GAP``; a revision with an origin of its own (a restore, a merge, an import, the desk, a
publication) stands alone, as does a change of author."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

GAP = dt.timedelta(minutes=20)


class Saved(Protocol):
    @property
    def author(self) -> str: ...

    @property
    def created(self) -> str: ...

    @property
    def origin(self) -> str: ...


S = TypeVar("S", bound=Saved)


@dataclass
class Session(Generic[S]):
    """Revisions (oldest first) made in one sitting by one person."""

    author: str
    origin: str
    revisions: list[S] = field(default_factory=list)

    @property
    def first(self) -> S:
        return self.revisions[0]

    @property
    def last(self) -> S:
        return self.revisions[-1]


def _when(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def writing_sessions(revisions: Sequence[S], gap: dt.timedelta = GAP) -> list[Session[S]]:
    """``revisions`` (oldest first) grouped into sessions, oldest first."""
    sessions: list[Session[S]] = []
    for revision in revisions:
        current = sessions[-1] if sessions else None
        if current is not None and not revision.origin and not current.origin:
            before, now = _when(current.last.created), _when(revision.created)
            if (
                current.author == revision.author
                and before is not None
                and now is not None
                and now - before <= gap
            ):
                current.revisions.append(revision)
                continue
        sessions.append(Session(revision.author, revision.origin, [revision]))
    return sessions
