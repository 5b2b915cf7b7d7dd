"""The workflow's rules one by one, each answer exact (found by mutation testing: the suite
went through these paths without looking at what came out; docs/testing.md)."""

from __future__ import annotations

import pytest

from app.core.workflow import (
    EDITOR,
    REPORTER,
    WEB_PRODUCER,
    Move,
    Settled,
    WorkflowError,
    check_transition,
    may_move,
    next_statuses,
    set_aside_text,
    settle,
)
from tests.review.test_settle import move

EDITORS = frozenset({"王編輯"})


def listed(_at: str) -> frozenset[str]:
    return EDITORS


@pytest.mark.parametrize(
    ("status", "role", "expected"),
    [
        ("draft", EDITOR, ("in_review", "spiked")),
        ("draft", REPORTER, ("in_review",)),
        ("in_review", EDITOR, ("draft", "approved", "spiked")),
        ("in_review", WEB_PRODUCER, ("draft",)),
        ("approved", EDITOR, ("in_review", "published", "spiked")),
        ("approved", REPORTER, ("in_review",)),
        ("published", EDITOR, ("in_review", "spiked")),
        ("published", REPORTER, ()),
        ("spiked", EDITOR, ("draft",)),
        ("spiked", REPORTER, ()),
        ("no-such-status", EDITOR, ()),
        ("draft", "intern", ()),
    ],
)
def test_the_next_statuses_of_each_status_for_each_role(
    status: str, role: str, expected: tuple[str, ...]
) -> None:
    assert next_statuses(status, role) == expected


def test_next_statuses_are_an_editors_by_default() -> None:
    assert next_statuses("approved") == ("in_review", "published", "spiked")


def refused(current: str, target: str, **kwargs: object) -> str:
    kwargs.setdefault("role", EDITOR)
    kwargs.setdefault("blocking", [])
    with pytest.raises(WorkflowError) as caught:
        check_transition(current, target, **kwargs)  # type: ignore[arg-type]
    return str(caught.value)


def test_each_refusal_says_why_in_its_own_words() -> None:
    assert refused("draft", "gone") == (
        "unknown status 'gone' (use one of: draft, in_review, approved, published, spiked)"
    )
    assert refused("draft", "in_review", role="intern") == (
        "'intern' is not a role (use one of: reporter, editor, web_producer)"
    )
    assert refused("approved", "approved") == "the article is already 'approved'"
    assert refused("draft", "draft", again=True) == "the article is already 'draft'"
    assert refused("draft", "published") == (
        "cannot go from 'draft' to 'published' (allowed: in_review, spiked)"
    )
    assert refused("unheard-of", "draft") == (
        "cannot go from 'unheard-of' to 'draft' (allowed: none)"
    )
    assert refused("in_review", "approved", role=WEB_PRODUCER) == (
        "moving an article from 'in_review' to 'approved' is an editor's decision; "
        "you are a web producer"
    )
    assert refused("in_review", "approved", blocking=["a", "b", "c"]) == (
        "checks fail (a and 2 more); approving needs an override reason, which is recorded"
    )
    assert refused("approved", "published", blocking=["a"], override="  ") == (
        "checks fail (a); approving needs an override reason, which is recorded"
    )


def test_the_same_decision_again_is_a_move_only_when_asked_for() -> None:
    check_transition("approved", "approved", role=EDITOR, blocking=[], again=True)
    check_transition("in_review", "approved", role=EDITOR, blocking=["a"], override="reason")
    check_transition("in_review", "draft", role=REPORTER, blocking=["a"])  # no decision


def test_a_set_aside_move_is_named_with_who_and_from_where() -> None:
    assert set_aside_text(move(1, "draft", "approved"), "why") == "王編輯: draft → approved (why)"
    assert set_aside_text(move(1, "", "approved", who=""), "why") == "?: (new) → approved (why)"


def aside(*moves: Move, editors=None) -> list[str]:  # noqa: ANN001
    settled = settle(moves, editors) if editors else settle(moves)
    return [why for _move, why in settled.set_aside]


def test_an_archive_import_arrives_in_its_status_once_and_first() -> None:
    arrived = settle([move(1, "", "approved", role="archive", revision="r1")])
    assert (arrived.status, arrived.approved, arrived.set_aside) == ("approved", "r1", ())
    # A move recorded before roles were (role "") is trusted as an archive import.
    assert settle([move(1, "", "published", role="")]).status == "published"
    # By any other role: refused, and someone wanted it decided, so an editor should look.
    forged = settle([move(1, "", "published", role=EDITOR)])
    assert forged.status == "in_review"
    assert [why for _m, why in forged.set_aside] == [
        "only an archive import brings an article in with its status"
    ]
    twice = settle([move(1, "", "approved", role="archive"), move(2, "", "draft", role="archive")])
    assert twice.status == "approved"
    assert [why for _m, why in twice.set_aside] == [
        "an article arrives in its status only once, first"
    ]
    # An unknown status is not a question of authority: the draft stays a draft.
    unknown = settle([move(1, "", "gone", role="archive")])
    assert unknown.status == "draft"
    assert [why for _m, why in unknown.set_aside] == [
        "an article arrives in its status only once, first"
    ]


def test_an_archive_import_of_a_decided_status_needs_a_listed_editor() -> None:
    assert aside(move(1, "", "approved", who="陌生人", role="archive"), editors=listed) == [
        "陌生人 is not one of the desk's editors"
    ]
    assert settle([move(1, "", "approved", who="陌生人", role="archive")], listed).status == (
        "in_review"
    )
    assert aside(move(1, "", "approved", who="", role="archive"), editors=listed) == [
        "someone is not one of the desk's editors"
    ]
    # A draft is no decision: anyone may bring one in.
    drafted = settle([move(1, "", "draft", who="陌生人", role="archive")], listed)
    assert (drafted.status, drafted.set_aside) == ("draft", ())


def test_the_desk_only_puts_a_draft_in_review() -> None:
    put = settle([move(1, "draft", "in_review", who="", role="desk")])
    assert (put.status, put.set_aside) == ("in_review", ())
    wrong = settle([move(1, "draft", "approved", who="", role="desk")])
    assert wrong.status == "draft"  # not a question of authority
    assert [why for _m, why in wrong.set_aside] == ["the desk only puts a draft in review"]
    again = settle(
        [move(1, "draft", "in_review", role=EDITOR), move(2, "draft", "in_review", role="desk")]
    )
    assert [why for _m, why in again.set_aside] == ["the desk only puts a draft in review"]


def test_a_move_the_rules_do_not_allow_leaves_a_draft_a_draft() -> None:
    skipped = settle([move(1, "draft", "published")])
    assert skipped.status == "draft"
    assert [why for _m, why in skipped.set_aside] == ["'draft' cannot become 'published'"]
    stale = settle([move(1, "in_review", "approved")])
    assert stale.status == "draft"
    assert [why for _m, why in stale.set_aside] == [
        "made from 'in_review' while the article was 'draft'"
    ]


def test_a_decision_out_of_a_role_is_named_with_the_role() -> None:
    by_producer = settle([move(1, "draft", "spiked", who="陳", role=WEB_PRODUCER)])
    assert by_producer.status == "in_review"  # authority: an editor should look
    assert [why for _m, why in by_producer.set_aside] == ["not a web producer's decision"]


def test_an_editors_decision_needs_a_listed_editor_even_without_a_role() -> None:
    unlisted = settle([move(1, "draft", "spiked", who="陌生人", role="")], listed)
    assert unlisted.status == "in_review"
    assert [why for _m, why in unlisted.set_aside] == ["陌生人 is not one of the desk's editors"]
    nameless = settle(
        [move(1, "draft", "in_review"), move(2, "in_review", "approved", who="")], listed
    )
    assert [why for _m, why in nameless.set_aside] == ["someone is not one of the desk's editors"]
    # Submitting is anyone's move: no list needed.
    assert settle([move(1, "draft", "in_review", who="陌生人", role="")], listed).set_aside == ()


def test_the_same_decision_again_needs_a_new_revision_of_its_own_kind() -> None:
    approved = [move(1, "draft", "in_review"), move(2, "in_review", "approved", revision="r1")]
    assert aside(*approved, move(3, "approved", "approved", revision="r1")) == [
        "decides on what was approved already"
    ]
    again = settle([*approved, move(3, "approved", "approved", revision="r2")])
    assert (again.approved, again.set_aside) == ("r2", ())
    published = [*approved, move(3, "approved", "published", revision="r1")]
    # The published revision, not the approved one, is what publishing again is measured by.
    assert aside(*published, move(4, "published", "published", revision="r1")) == [
        "decides on what was published already"
    ]
    republished = settle([*published, move(4, "published", "published", revision="r2")])
    assert (republished.published, republished.set_aside) == ("r2", ())


def test_a_move_the_workflow_does_not_have_is_nobodys() -> None:
    assert not may_move(EDITOR, "draft", "published")
    assert not may_move(EDITOR, "draft", "draft")
    assert may_move(EDITOR, "approved", "approved")  # the same decision again


def test_two_failing_checks_name_the_first_and_one_more() -> None:
    assert refused("in_review", "approved", blocking=["a", "b"]) == (
        "checks fail (a and 1 more); approving needs an override reason, which is recorded"
    )


def test_nothing_decided_is_nothing_approved_and_the_accepted_moves_are_listed() -> None:
    assert settle([]) == Settled("draft", "", "", (), ())
    record = [move(1, "draft", "in_review"), move(2, "in_review", "approved")]  # no revision
    settled = settle(record)
    assert (settled.status, settled.approved, settled.published) == ("approved", "", "")
    assert settled.accepted == tuple(record)
