"""The editorial workflow: which status may follow which, and when approval needs an override.

draft → in review → approved → published, and spiked from anywhere but back only to draft.
A published article goes back to review for a correction. Approving an article whose checks
report errors needs an override reason, which is recorded with the change.
"""

from __future__ import annotations

from app.core.errors import GalleyError

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("in_review", "spiked"),
    "in_review": ("draft", "approved", "spiked"),
    "approved": ("in_review", "published", "spiked"),
    "published": ("in_review", "spiked"),
    "spiked": ("draft",),
}


class WorkflowError(GalleyError):
    """A status change the workflow does not allow, or an approval without its override."""

    exit_code = 7


def next_statuses(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


def check_transition(current: str, target: str, *, blocking: list[str], override: str = "") -> None:
    """Raise WorkflowError unless ``current`` → ``target`` may happen now.

    ``blocking`` are the messages of the checks that failed with errors; approving (or
    publishing) with any of them needs a non-empty ``override`` reason.
    """
    if target not in TRANSITIONS:
        raise WorkflowError(f"unknown status '{target}' (use one of: {', '.join(TRANSITIONS)})")
    if target == current:
        raise WorkflowError(f"the article is already '{current}'")
    if target not in next_statuses(current):
        allowed = ", ".join(next_statuses(current)) or "none"
        raise WorkflowError(f"cannot go from '{current}' to '{target}' (allowed: {allowed})")
    if needs_override(target) and blocking and not override.strip():
        first = blocking[0]
        more = f" and {len(blocking) - 1} more" if len(blocking) > 1 else ""
        raise WorkflowError(
            f"checks fail ({first}{more}); approving needs an override reason, which is recorded"
        )


def needs_override(target: str) -> bool:
    """Whether moving to ``target`` with failing checks needs a recorded reason."""
    return target in ("approved", "published")
