"""The editorial workflow: which status may follow which, who may move it, and what the status
of an article is, given the record of every move made on every laptop.

draft → in review → approved → published, and spiked from anywhere but back only to draft.
A published article goes back to review for a correction. Approving an article whose checks
report errors needs an override reason, which is recorded with the change.

Permission comes from the person's role and the move, nowhere else: a reporter (or a web
producer) submits a draft for review and withdraws it; only an editor sends back, approves,
publishes, unpublishes and spikes. There is no flag that skips this.

The status itself is a decision, not a field: ``settle`` replays the record of moves (united
from every laptop that made one) under these rules, so every store that holds the same record
has the same status, and a move the rules do not justify is set aside and named.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.core.errors import GalleyError

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("in_review", "spiked"),
    "in_review": ("draft", "approved", "spiked"),
    "approved": ("in_review", "published", "spiked"),
    "published": ("in_review", "spiked"),
    "spiked": ("draft",),
}

REPORTER, EDITOR, WEB_PRODUCER = "reporter", "editor", "web_producer"
ROLES = (REPORTER, EDITOR, WEB_PRODUCER)
# An article brought in with its status by an explicit archive import (``import --archive``):
# recorded as such, allowed only to an editor.
ARCHIVE = "archive"
# Moves every role may make on its own work; everything else is an editor's decision.
_ANYONE = frozenset({("draft", "in_review"), ("in_review", "draft")})


class WorkflowError(GalleyError):
    """A status change the workflow does not allow, or an approval without its override."""

    exit_code = 7


def next_statuses(status: str, role: str = EDITOR) -> tuple[str, ...]:
    """The statuses ``role`` may move an article in ``status`` to, in workflow order."""
    return tuple(t for t in TRANSITIONS.get(status, ()) if may_move(role, status, t))


def may_move(role: str, current: str, target: str) -> bool:
    """Whether ``role`` may make the move ``current`` → ``target`` (the workflow allows it,
    and it is this role's to make)."""
    if target not in TRANSITIONS.get(current, ()):
        return False
    return role == EDITOR or (role in ROLES and (current, target) in _ANYONE)


def check_role(role: str) -> str:
    if role not in ROLES:
        raise WorkflowError(f"'{role}' is not a role (use one of: {', '.join(ROLES)})")
    return role


def check_transition(
    current: str, target: str, *, role: str, blocking: list[str], override: str = ""
) -> None:
    """Raise WorkflowError unless ``role`` may move ``current`` → ``target`` now.

    ``blocking`` are the messages of the checks that failed with errors; approving (or
    publishing) with any of them needs an ``override`` reason that is more than blanks.
    """
    if target not in TRANSITIONS:
        raise WorkflowError(f"unknown status '{target}' (use one of: {', '.join(TRANSITIONS)})")
    check_role(role)
    if target == current:
        raise WorkflowError(f"the article is already '{current}'")
    if target not in TRANSITIONS.get(current, ()):
        allowed = ", ".join(TRANSITIONS.get(current, ())) or "none"
        raise WorkflowError(f"cannot go from '{current}' to '{target}' (allowed: {allowed})")
    if not may_move(role, current, target):
        raise WorkflowError(
            f"moving an article from '{current}' to '{target}' is an editor's decision; "
            f"you are a {role.replace('_', ' ')}"
        )
    if needs_override(target) and blocking and not override.strip():
        first = blocking[0]
        more = f" and {len(blocking) - 1} more" if len(blocking) > 1 else ""
        raise WorkflowError(
            f"checks fail ({first}{more}); approving needs an override reason, which is recorded"
        )


def needs_override(target: str) -> bool:
    """Whether moving to ``target`` with failing checks needs a recorded reason."""
    return target in ("approved", "published")


@dataclass(frozen=True)
class Move:
    """One recorded status move: who (in which role) moved the article from → to, and when.

    ``from_status`` is empty for an article that arrived in its status (an archive import,
    role ``archive``); ``role`` is empty for a move recorded before roles were (trusted as
    it was: it was allowed then)."""

    uid: str
    from_status: str
    to_status: str
    who: str
    at: str
    role: str = ""
    override: str = ""


@dataclass(frozen=True)
class Settled:
    """The status a record of moves comes to, and the moves it set aside (with why)."""

    status: str
    accepted: tuple[Move, ...] = ()
    set_aside: tuple[tuple[Move, str], ...] = ()


def _permitted(move: Move, current: str) -> str:
    """Why ``move`` cannot follow ``current`` ("" when it can)."""
    if not move.from_status:
        if move.role not in (ARCHIVE, ""):
            return "only an archive import brings an article in with its status"
        if current != "draft" or move.to_status not in TRANSITIONS:
            return "an article arrives in its status only once, first"
        return ""
    if move.from_status != current:
        return f"made from '{move.from_status}' while the article was '{current}'"
    if move.role == "":
        return "" if move.to_status in TRANSITIONS.get(current, ()) else "not a workflow move"
    if not may_move(move.role, current, move.to_status):
        return f"not a {move.role.replace('_', ' ')}'s move"
    return ""


def settle(moves: Iterable[Move]) -> Settled:
    """Replay ``moves`` in time order (ties by uid) from draft: each is taken when the
    workflow allows it from the status reached so far, by its role; otherwise it is set
    aside. The same record gives the same answer on every laptop."""
    status = "draft"
    accepted: list[Move] = []
    aside: list[tuple[Move, str]] = []
    for move in sorted(moves, key=lambda m: (m.at, m.uid)):
        why = _permitted(move, status)
        if why:
            aside.append((move, why))
            continue
        status = move.to_status
        accepted.append(move)
    return Settled(status, tuple(accepted), tuple(aside))
