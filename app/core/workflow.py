"""The editorial workflow: which status may follow which, who may move it, and what the status
of an article is, given the record of every move made on every laptop.

draft → in review → approved → published, and spiked from anywhere but back only to draft.
A published article goes back to review for a correction. Approving an article whose checks
report errors needs an override reason, which is recorded with the change.

Permission comes from the person's role and the move, nowhere else: a reporter (or a web
producer) submits a draft for review, withdraws it, and takes an approved story back to
review; only an editor sends back, approves, publishes, unpublishes and spikes. When the desk
lists its editors, an editor's decision counts only from someone on that list. There is no
flag that skips this.

The status itself is a decision, not a field: ``settle`` replays the record of moves (united
from every laptop that made one) under these rules, so every store that holds the same record
has the same status, and a move the rules do not justify is set aside and named. A decision
is about a revision: an approval names the revision approved, and publishing puts that
revision (never a later, unapproved edit) in front of readers.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from app.core.errors import GalleyError

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("in_review", "spiked"),
    "in_review": ("draft", "approved", "spiked"),
    "approved": ("in_review", "published", "spiked"),
    "published": ("in_review", "spiked"),
    "spiked": ("draft",),
}
# Decisions taken again on a later revision: an editor approves the changes made to an
# approved story, or publishes the changes made to a published one.
AGAIN = ("approved", "published")

REPORTER, EDITOR, WEB_PRODUCER = "reporter", "editor", "web_producer"
ROLES = (REPORTER, EDITOR, WEB_PRODUCER)
# An article brought in with its status by an explicit archive import (``import --archive``):
# recorded as such, allowed only to an editor.
ARCHIVE = "archive"
# The desk itself: an article whose history claims a status its record does not justify is
# put in review by the desk, the same way on every laptop.
DESK = "desk"
# Moves every role may make; everything else is an editor's decision.
_ANYONE = frozenset({("draft", "in_review"), ("in_review", "draft"), ("approved", "in_review")})


# The desk's editors at a moment (an ISO time): who may take an editor's decision then; None
# while the desk lists none (then the editor's role is enough).
Editors = Callable[[str], Collection[str] | None]


class WorkflowError(GalleyError):
    """A status change the workflow does not allow, or an approval without its override."""

    exit_code = 7


def next_statuses(status: str, role: str = EDITOR) -> tuple[str, ...]:
    """The statuses ``role`` may move an article in ``status`` to, in workflow order."""
    return tuple(t for t in TRANSITIONS.get(status, ()) if may_move(role, status, t))


def is_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, ()) or (current == target and target in AGAIN)


def may_move(role: str, current: str, target: str) -> bool:
    """Whether ``role`` may make the move ``current`` → ``target`` (the workflow allows it,
    and it is this role's to make)."""
    if not is_move(current, target):
        return False
    return role == EDITOR or (role in ROLES and (current, target) in _ANYONE)


def editors_decision(current: str, target: str) -> bool:
    return (current, target) not in _ANYONE


def check_role(role: str) -> str:
    if role not in ROLES:
        raise WorkflowError(f"'{role}' is not a role (use one of: {', '.join(ROLES)})")
    return role


def check_transition(
    current: str,
    target: str,
    *,
    role: str,
    blocking: list[str],
    override: str = "",
    again: bool = False,
) -> None:
    """Raise WorkflowError unless ``role`` may move ``current`` → ``target`` now.

    ``blocking`` are the messages of the checks that failed with errors; approving (or
    publishing) with any of them needs an ``override`` reason that is more than blanks.
    ``again``: the article changed since it was approved or published, so taking the same
    decision on the new revision is a move of its own.
    """
    if target not in TRANSITIONS:
        raise WorkflowError(f"unknown status '{target}' (use one of: {', '.join(TRANSITIONS)})")
    check_role(role)
    if target == current and not (again and target in AGAIN):
        raise WorkflowError(f"the article is already '{current}'")
    if not is_move(current, target):
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
    """One recorded status move: who (in which role) moved the article from → to, when, and
    at which revision (its uid: what was approved, what was published).

    ``from_status`` is empty for an article that arrived in its status (an archive import,
    role ``archive``); ``role`` is empty for a move recorded before roles were (trusted as
    it was: it was allowed then, unless the desk lists its editors)."""

    uid: str
    from_status: str
    to_status: str
    who: str
    at: str
    role: str = ""
    override: str = ""
    revision: str = ""


@dataclass(frozen=True)
class Settled:
    """What a record of moves comes to: the status, the revision approved and the revision
    published (uids, "" for none), and the moves set aside, with why."""

    status: str
    approved: str = ""
    published: str = ""
    accepted: tuple[Move, ...] = ()
    set_aside: tuple[tuple[Move, str], ...] = ()


def set_aside_text(move: Move, why: str) -> str:
    """A move set aside, as a sync report and the window name it."""
    return f"{move.who or '?'}: {move.from_status or '(new)'} → {move.to_status} ({why})"


class _Replay:
    """The state a replay has reached."""

    def __init__(self, editors: Editors) -> None:
        self.editors_at = editors
        self.status = "draft"
        self.approved = ""
        self.published = ""

    def why_not(self, move: Move) -> tuple[str, bool]:
        """Why ``move`` cannot follow now ("" when it can), and whether the reason is
        authority (someone decided who may not)."""
        current, target = self.status, move.to_status
        if not move.from_status:
            if move.role not in (ARCHIVE, ""):
                return "only an archive import brings an article in with its status", True
            if current != "draft" or target not in TRANSITIONS:
                return "an article arrives in its status only once, first", False
            if target != "draft" and not self._editor(move):
                return f"{move.who or 'someone'} is not one of the desk's editors", True
            return "", False
        if move.role == DESK:
            if (move.from_status, target) != ("draft", "in_review") or current != "draft":
                return "the desk only puts a draft in review", False
            return "", False
        if move.from_status != current:
            return f"made from '{move.from_status}' while the article was '{current}'", False
        if not is_move(current, target):
            return f"'{current}' cannot become '{target}'", False
        if move.role and not may_move(move.role, current, target):
            return f"not a {move.role.replace('_', ' ')}'s decision", True
        if editors_decision(current, target) and not self._editor(move):
            return f"{move.who or 'someone'} is not one of the desk's editors", True
        if current == target and move.revision == (
            self.approved if target == "approved" else self.published
        ):
            return f"decides on what was {target} already", False
        return "", False

    def _editor(self, move: Move) -> bool:
        """Whether ``move``'s maker counts as an editor: on the desk's list of editors as it
        was when the move was made, or anyone in the editor's role while there is none."""
        listed = self.editors_at(move.at)
        return listed is None or move.who in listed

    def take(self, move: Move) -> None:
        """The move's effect. A revision of "" (moves recorded before decisions named one)
        leaves what was decided unknown: readers then get the article as it stands."""
        target = move.to_status
        if target in ("draft", "spiked", "in_review"):  # withdrawn, sent back, unpublished
            self.approved = self.published = ""
        elif target == "approved":
            self.approved = move.revision or self.approved
        else:  # published: the revision named (the approved one, dated), or the approved one
            self.published = self.approved = move.revision or self.approved
        self.status = target


def no_list(_at: str) -> Collection[str] | None:
    return None


def settle(moves: Iterable[Move], editors: Editors = no_list) -> Settled:
    """Replay ``moves`` in time order (ties by uid) from draft: each is taken when the
    workflow allows it from the status reached so far, by its role (and an editor's
    decision only from someone on the desk's list of editors as it was then: ``editors``
    gives it for a moment, None while the desk has none); otherwise it is set aside. A
    decision set aside for want of authority while the article is a draft puts it in
    review: someone wanted it decided, and an editor should look. The same record gives
    the same answer on every laptop."""
    state = _Replay(editors)
    accepted: list[Move] = []
    aside: list[tuple[Move, str]] = []
    for move in sorted(moves, key=lambda m: (m.at, m.uid)):
        why, authority = state.why_not(move)
        if why:
            aside.append((move, why))
            if authority and state.status == "draft":
                state.status = "in_review"
            continue
        state.take(move)
        accepted.append(move)
    return Settled(state.status, state.approved, state.published, tuple(accepted), tuple(aside))
