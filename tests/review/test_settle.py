"""A status is what the record of decisions comes to (``workflow.settle``): decisions made on
different laptops, united in any order, give the same status everywhere; a decision the
workflow does not justify is set aside and named; what is published is what was approved."""

from __future__ import annotations

import itertools
import random

from app.core.workflow import Move, settle

EDITORS = frozenset({"王編輯", "李主編"})


def move(
    n: int,
    before: str,
    after: str,
    who: str = "王編輯",
    role: str = "editor",
    revision: str = "",
) -> Move:
    return Move(
        uid=f"{n:032x}",
        from_status=before,
        to_status=after,
        who=who,
        at=f"2026-12-01T09:{n:02d}:00.000Z",
        role=role,
        revision=revision,
    )


SUBMIT = move(1, "draft", "in_review", "林記者", "reporter", "r1")
APPROVE = move(2, "in_review", "approved", "王編輯", "editor", "r1")


def test_the_same_record_in_any_order_gives_the_same_answer() -> None:
    record = [
        SUBMIT,
        APPROVE,
        move(3, "approved", "published", "王編輯", "editor", "r1"),
        move(4, "approved", "in_review", "林記者", "reporter", "r2"),
        move(5, "published", "spiked", "李主編", "editor", "r1"),
    ]
    answers = {settle(order) for order in itertools.permutations(record)}
    assert len(answers) == 1
    [answer] = answers
    assert answer.status == "spiked" and answer.published == ""
    assert [m.uid for m, _why in answer.set_aside] == [f"{4:032x}"]


def test_a_spike_made_apart_from_an_edit_holds() -> None:
    """An editor spikes a published story on one laptop while a reporter fixes a paragraph
    on another: an edit is no decision, and the spike stands."""
    published = [SUBMIT, APPROVE, move(3, "approved", "published", "王編輯", "editor", "r1")]
    answer = settle([*published, move(4, "published", "spiked", "王編輯", "editor", "r1")])
    assert answer.status == "spiked" and answer.published == "" and answer.set_aside == ()


def test_a_publication_is_of_the_approved_revision_not_a_later_edit() -> None:
    """A approves r1; B withdraws the approval and edits (r2) while A publishes. Whichever
    came first stands; if the publication did, readers get r1, never B's r2."""
    withdraw = move(4, "approved", "in_review", "林記者", "reporter", "r2")
    publish_first = move(3, "approved", "published", "王編輯", "editor", "r1")
    answer = settle([SUBMIT, APPROVE, publish_first, withdraw])
    assert (answer.status, answer.published) == ("published", "r1")
    assert [m.to_status for m, _why in answer.set_aside] == ["in_review"]
    publish_later = move(5, "approved", "published", "王編輯", "editor", "r1")
    answer = settle([SUBMIT, APPROVE, withdraw, publish_later])
    assert (answer.status, answer.published) == ("in_review", "")
    assert "while the article was 'in_review'" in answer.set_aside[0][1]


def test_changes_reach_readers_only_by_a_new_decision() -> None:
    published = [SUBMIT, APPROVE, move(3, "approved", "published", "王編輯", "editor", "r1")]
    assert settle(published).published == "r1"
    again = move(4, "published", "published", "王編輯", "editor", "r3")
    assert settle([*published, again]).published == "r3"
    by_a_reporter = move(4, "published", "published", "林記者", "reporter", "r3")
    answer = settle([*published, by_a_reporter])
    assert answer.published == "r1" and answer.set_aside[0][1] == "not a reporter's decision"
    same = move(4, "published", "published", "王編輯", "editor", "r1")
    assert settle([*published, same]).set_aside  # nothing new to decide


def test_publishing_without_an_approval_puts_a_draft_in_review() -> None:
    forged = move(2, "approved", "published", "王編輯", "editor", "r1")
    answer = settle([forged])
    assert answer.status == "draft" and answer.published == ""  # from the wrong status
    by_a_reporter = move(2, "draft", "in_review", "林記者", "reporter")
    approve = move(3, "in_review", "approved", "林記者", "reporter", "r1")
    answer = settle([by_a_reporter, approve])
    assert answer.status == "in_review" and answer.approved == ""
    bare = move(1, "", "published", "林記者", "reporter", "r1")
    answer = settle([bare])
    assert answer.status == "in_review"  # wanted decided; an editor looks at it


def test_only_the_desks_editors_decide_once_it_lists_them() -> None:
    listed_from = "2026-12-01T09:03:00.000Z"

    def editors(at: str) -> frozenset[str] | None:
        return EDITORS if at >= listed_from else None

    early = move(2, "in_review", "approved", "陳記者", "editor", "r1")  # before the list
    assert settle([SUBMIT, early], editors).status == "approved"
    late = move(4, "in_review", "approved", "陳記者", "editor", "r1")
    answer = settle([SUBMIT, late], editors)
    assert answer.status == "in_review"
    assert "陳記者 is not one of the desk's editors" in answer.set_aside[0][1]
    listed = move(5, "in_review", "approved", "李主編", "editor", "r1")
    assert settle([SUBMIT, late, listed], editors).status == "approved"


def test_random_records_settle_the_same_whatever_order_they_arrive_in() -> None:
    rng = random.Random(7)
    statuses = ["", "draft", "in_review", "approved", "published", "spiked"]
    people = [("林記者", "reporter"), ("王編輯", "editor"), ("網編", "web_producer"), ("?", "")]
    for _trial in range(300):
        record = []
        for n in range(rng.randint(1, 8)):
            who, role = rng.choice(people)
            record.append(
                move(
                    n,
                    rng.choice(statuses),
                    rng.choice(statuses[1:]),
                    who,
                    role,
                    rng.choice(["r1", "r2", ""]),
                )
            )
        first = settle(record)
        shuffled = record[:]
        rng.shuffle(shuffled)
        assert settle(shuffled) == first
        # Whatever the record, a published status names what was published, when known.
        assert first.published == "" or first.status == "published"
