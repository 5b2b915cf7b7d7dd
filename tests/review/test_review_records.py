"""The records a review payload brings (notes, their earlier versions, status moves), united
with the store's one by one: what comes in, what is counted, what is refused and named
(found by mutation testing: docs/testing.md)."""

from __future__ import annotations

import copy
import time
from pathlib import Path
from typing import Any

import pytest

from app.core.errors import InputError
from app.exchange.markdown import import_markdown
from app.store import Store
from app.store.review_payload import images_of
from tests.conftest import LIBRARY, TYPHOON, move_to


def send(sender: Store, ref: str) -> tuple[dict[str, Any], dict[str, bytes]]:
    payload = sender.merge.payload(ref)
    return payload, {sha: sender.images.get(sha)[0] for sha in images_of(payload)}


@pytest.fixture
def sent(tmp_path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The typhoon sample from another laptop: a note on a paragraph, a reply, a resolved
    note on the article, and the moves to approved."""
    with Store.open(tmp_path / "sender.sqlite") as sender:
        article = import_markdown(sender, TYPHOON, author="林記者")
        first = sender.review.add_note(article.id, "請查證", author="王編輯", line=5)
        time.sleep(0.002)  # the reply a millisecond later (dated before: its own test)
        sender.review.add_note(article.id, "已查", author="林記者", reply_to=first.uid)
        done = sender.review.add_note(article.id, "標題太長", author="王編輯")
        sender.review.set_resolved(done.uid, who="王編輯")  # its open state: history
        move_to(sender, article.id, "approved")
        return send(sender, article.id)


def apply(store: Store, payload: dict[str, Any], images: dict[str, bytes]):  # noqa: ANN201
    return store.merge.apply(payload, by="王編輯", file="in/review.json", images=images)


def fields(note: Any) -> tuple:  # noqa: ANN401
    return (
        note.uid,
        note.parent_uid,
        note.anchor_text,
        note.anchor_index,
        note.body,
        note.author,
        note.created,
        note.updated,
        note.resolved_at,
        note.resolved_by,
    )


def test_every_record_comes_in_once_and_is_counted(store: Store, sent) -> None:  # noqa: ANN001
    payload, images = sent
    assert (len(payload["notes"]), len(payload["note_history"])) == (3, 1)
    result = apply(store, payload, images)
    assert (result.notes_in, result.moves_in) == (3 + 1, 2)
    notes = {n.uid: n for n in store.review.notes(payload["article_id"])}
    assert sorted(fields(n) for n in notes.values()) == sorted(
        (
            n["uid"],
            n["parent_uid"],
            n["anchor_text"],
            n["anchor_index"],
            n["body"],
            n["author"],
            n["created_at"],
            n["updated_at"],
            n["resolved_at"],
            n["resolved_by"],
        )
        for n in payload["notes"]
    )
    assert [(m.uid, m.role) for m in store.review.status_history(payload["article_id"])][-2:] == [
        (m["uid"], m["role"]) for m in payload["status_changes"]
    ][-2:]
    again = apply(store, payload, images)
    assert (again.notes_in, again.moves_in) == (0, 0)


def test_optional_fields_left_out_are_empty_not_invented(store: Store, sent) -> None:  # noqa: ANN001
    payload, images = sent
    for note in payload["notes"]:
        for name in ("anchor_text", "anchor_index", "resolved_at", "resolved_by"):
            note.pop(name)
    for move in payload["status_changes"]:
        move.pop("role")
    apply(store, payload, images)
    for note in store.review.notes(payload["article_id"]):
        assert (note.anchor_text, note.anchor_index, note.resolved_at, note.resolved_by) == (
            "",
            None,
            "",
            "",
        )
    assert all(m.role == "" for m in store.review.status_history(payload["article_id"]))


def test_their_newer_edit_wins_and_the_older_is_kept_in_history(store: Store, sent) -> None:  # noqa: ANN001
    payload, images = sent
    apply(store, payload, images)
    newer = copy.deepcopy(payload)
    note = newer["notes"][0]
    note.update(body="請再查證", updated_at="2999-01-01T00:00:00.000Z")
    result = apply(store, newer, images)
    assert (result.notes_in, result.moves_in) == (1, 0)  # the note (ours is kept, not counted)
    uid = note["uid"]
    assert next(n for n in store.review.notes(payload["article_id"]) if n.uid == uid).body == (
        "請再查證"
    )
    assert [v.body for v in store.review.note_history(uid)] == ["請查證"]
    # Their older edit of it: ours stays, theirs joins the history (once).
    older = copy.deepcopy(payload)
    older["notes"][0].update(body="舊版", updated_at="2000-01-01T00:00:00.000Z")
    for _ in range(2):
        apply(store, older, images)
    assert next(n for n in store.review.notes(payload["article_id"]) if n.uid == uid).body == (
        "請再查證"
    )
    assert sorted(v.body for v in store.review.note_history(uid)) == ["舊版", "請查證"]
    # The same edit again is nothing new.
    assert apply(store, newer, images).notes_in == 0


def refused(store: Store, payload: dict[str, Any], images: dict[str, bytes]) -> InputError:
    with pytest.raises(InputError) as caught:
        apply(store, payload, images)
    assert caught.value.file == "in/review.json"
    return caught.value


def test_a_reply_to_a_note_of_another_article_is_refused(store: Store, sent) -> None:  # noqa: ANN001
    payload, images = sent
    mine = import_markdown(store, LIBRARY, author="測試者")
    theirs = store.review.add_note(mine.id, "my note", author="我")
    reply = next(i for i, n in enumerate(payload["notes"], start=1) if n["parent_uid"])
    payload["notes"][reply - 1]["parent_uid"] = theirs.uid
    error = refused(store, payload, images)
    assert (error.field, error.message) == (
        f"notes[{reply}].parent_uid",
        "replies to a note of another article",
    )


def test_a_reply_to_a_note_nobody_has_is_refused(store: Store, sent) -> None:  # noqa: ANN001
    payload, images = sent
    reply = next(i for i, n in enumerate(payload["notes"], start=1) if n["parent_uid"])
    payload["notes"][reply - 1]["parent_uid"] = "f" * 32
    assert refused(store, payload, images).field == f"notes[{reply}].parent_uid"


def test_a_reply_whose_note_is_already_here_comes_in(store: Store, sent) -> None:  # noqa: ANN001
    payload, images = sent
    apply(store, payload, images)
    reply = next(n for n in payload["notes"] if n["parent_uid"])
    alone = copy.deepcopy(payload)
    alone["notes"] = [dict(reply, uid="e" * 32)]
    assert apply(store, alone, images).notes_in == 1


def test_a_note_of_another_article_is_refused_by_position(store: Store, sent) -> None:  # noqa: ANN001
    payload, images = sent
    mine = import_markdown(store, LIBRARY, author="測試者")
    theirs = store.review.add_note(mine.id, "my note", author="我")
    payload["notes"][1]["uid"] = theirs.uid
    error = refused(store, payload, images)
    assert (error.field, error.message) == (
        "notes[2].uid",
        "belongs to another article in this store; refusing to move it",
    )


def test_a_status_move_of_another_article_is_refused_by_position(store: Store, sent) -> None:  # noqa: ANN001
    payload, images = sent
    mine = import_markdown(store, LIBRARY, author="測試者")
    ours = store.review.change_status(mine.id, "in_review", who="林記者", role="reporter")
    del ours
    uid = store.merge.payload(mine.id)["status_changes"][0]["uid"]
    payload["status_changes"][1]["uid"] = uid
    error = refused(store, payload, images)
    assert (error.field, error.message) == (
        "status_changes[2].uid",
        "belongs to another article in this store",
    )


def test_history_of_a_note_the_article_does_not_have_is_refused(store: Store, sent) -> None:  # noqa: ANN001
    payload, images = sent
    version = {
        "note_uid": payload["notes"][0]["uid"],
        "body": "舊",
        "author": "王編輯",
        "updated_at": "2000-01-01T00:00:00.000Z",
    }
    payload["note_history"] = [version, dict(version, note_uid="d" * 32)]
    error = refused(store, payload, images)
    assert (error.field, error.message) == (
        "note_history[2].note_uid",
        "is the history of a note this article does not have",
    )
    mine = import_markdown(store, LIBRARY, author="測試者")
    theirs = store.review.add_note(mine.id, "my note", author="我")
    payload["note_history"] = [dict(version, note_uid=theirs.uid)]
    assert refused(store, payload, images).field == "note_history[1].note_uid"


def test_earlier_versions_come_in_once_each_and_are_counted(store: Store, sent) -> None:  # noqa: ANN001
    payload, images = sent
    uid = payload["notes"][0]["uid"]
    versions = [
        {"note_uid": uid, "body": f"v{n}", "author": "王編輯", "updated_at": f"200{n}-01-01"}
        for n in range(3)
    ]
    payload["note_history"] = [*versions, versions[0]]
    assert apply(store, payload, images).notes_in == 3 + 3
    history = store.review.note_history(uid)
    assert sorted((v.body, v.resolved_at, v.resolved_by) for v in history) == [
        ("v0", "", ""),
        ("v1", "", ""),
        ("v2", "", ""),
    ]
    assert apply(store, payload, images).notes_in == 0


def test_a_reply_dated_before_its_note_comes_in(store: Store, sent) -> None:  # noqa: ANN001
    """Laptops' clocks differ: a reply made on a laptop whose clock is behind is dated before
    the note it answers, so it comes first in the payload (notes go in date order). It used
    to be refused as "inconsistent (FOREIGN KEY constraint failed) ... a Galley bug"."""
    payload, images = sent
    parent = next(n for n in payload["notes"] if n["parent_uid"] is None and n["anchor_text"])
    reply = next(n for n in payload["notes"] if n["parent_uid"] == parent["uid"])
    reply["created_at"] = reply["updated_at"] = "2000-01-01T00:00:00.000Z"
    payload["notes"].sort(key=lambda n: (n["created_at"], n["uid"]))
    assert payload["notes"][0] is reply
    assert apply(store, payload, images).notes_in == 3 + 1
    stored = {n.uid: n.parent_uid for n in store.review.notes(payload["article_id"])}
    assert stored[reply["uid"]] == parent["uid"]


def test_a_payload_without_records_brings_none(store: Store, sent) -> None:  # noqa: ANN001
    payload, images = sent
    for name in ("notes", "note_history", "status_changes"):
        del payload[name]
    result = apply(store, payload, images)
    assert (result.outcome, result.notes_in, result.moves_in) == ("created", 0, 0)
    assert store.review.notes(payload["article_id"]) == []


def test_a_note_we_have_does_not_stop_the_ones_after_it(store: Store, sent) -> None:  # noqa: ANN001
    payload, images = sent
    apply(store, payload, images)
    later = copy.deepcopy(payload)
    later["notes"][-1].update(body="後來改的", updated_at="2999-01-01T00:00:00.000Z")
    assert apply(store, later, images).notes_in == 1
    uid = later["notes"][-1]["uid"]
    assert next(n for n in store.review.notes(payload["article_id"]) if n.uid == uid).body == (
        "後來改的"
    )


def test_status_moves_come_in_as_they_were_made(store: Store, sent) -> None:  # noqa: ANN001
    payload, images = sent
    payload["status_changes"][-1]["override"] = "checked by phone"
    apply(store, payload, images)
    assert (
        store.merge.payload(payload["article_id"])["status_changes"] == (payload["status_changes"])
    )


def test_a_status_move_without_role_override_or_revision_has_them_empty(
    store: Store,
    sent,  # noqa: ANN001
) -> None:
    payload, images = sent
    for move in payload["status_changes"]:
        for name in ("role", "override", "revision"):
            move.pop(name)
    apply(store, payload, images)
    for move in store.merge.payload(payload["article_id"])["status_changes"]:
        assert (move["role"], move["override"], move["revision"]) == ("", "", "")
