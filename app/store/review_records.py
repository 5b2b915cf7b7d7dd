"""The append-only records of a review payload, united with the store's: notes (the newer
edit wins, the older goes into the note's history), the notes' earlier versions, and status
changes. ``ReviewMerge`` decides what happens to the text; this says who wrote what, when.
A record that belongs to another article in this store is refused.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from app.core.errors import InputError
from app.store.review import Review
from app.store.schema import SEQ_OF_ID


class ReviewRecords:
    """Unites a payload's notes, note history and status record (the caller holds the
    transaction)."""

    def __init__(self, review: Review) -> None:
        self.review = review

    def unite(
        self, db: Database, article_id: str, payload: dict[str, Any], file: str
    ) -> tuple[int, int]:
        """Union of notes (the newer edit wins, the older is kept in the note's history) and
        of status changes. A note or record that belongs to another article is refused.
        Returns how many notes (and earlier versions of notes) and status moves came in."""
        # Notes go in date order, and laptops' clocks differ: a reply can be dated before the
        # note it answers, which is further on in the file. Its parent is checked below (here
        # or in the file); the constraint is checked when the transaction commits.
        db.execute("PRAGMA defer_foreign_keys = ON")
        changed = 0
        for n, note in enumerate(payload.get("notes", []), start=1):
            row = db.execute(
                "SELECT article_id, updated_at FROM notes WHERE uid = ?", [note["uid"]]
            ).fetchone()
            if row is not None and row[0] != article_id:
                raise InputError(
                    "belongs to another article in this store; refusing to move it",
                    file=file,
                    field=f"notes[{n}].uid",
                )
            parent = note.get("parent_uid")
            if parent is not None:
                owner = db.execute(
                    "SELECT article_id FROM notes WHERE uid = ?", [parent]
                ).fetchone()
                in_file = any(x["uid"] == parent for x in payload.get("notes", []))
                if (owner is not None and owner[0] != article_id) or (
                    owner is None and not in_file
                ):
                    raise InputError(
                        "replies to a note of another article",
                        file=file,
                        field=f"notes[{n}].parent_uid",
                    )
            if row is not None and row[1] >= note["updated_at"]:
                if row[1] != note["updated_at"]:
                    self._keep_their_version(db, note)
                continue
            if row is not None:
                self.review.keep_note_version(db, note["uid"])
            db.execute(
                "INSERT INTO notes (uid, article_id, parent_uid, anchor_text, anchor_index, body,"
                " author, created_at, updated_at, resolved_at, resolved_by) VALUES"
                " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET"
                " body = excluded.body, updated_at = excluded.updated_at,"
                " resolved_at = excluded.resolved_at, resolved_by = excluded.resolved_by",
                [
                    note["uid"],
                    article_id,
                    parent,
                    note.get("anchor_text", ""),
                    note.get("anchor_index"),
                    note["body"],
                    note["author"],
                    note["created_at"],
                    note["updated_at"],
                    note.get("resolved_at", ""),
                    note.get("resolved_by", ""),
                ],
            )
            changed += 1
        changed += self._unite_note_history(db, article_id, payload, file)
        moves = 0
        for n, change in enumerate(payload.get("status_changes", []), start=1):
            owner = db.execute(
                "SELECT a.id FROM status_changes s JOIN articles a ON a.seq = s.article_seq"
                " WHERE s.uid = ?",
                [change["uid"]],
            ).fetchone()
            if owner is not None and owner[0] != article_id:
                raise InputError(
                    "belongs to another article in this store",
                    file=file,
                    field=f"status_changes[{n}].uid",
                )
            cursor = db.execute(
                "INSERT OR IGNORE INTO status_changes (uid, article_seq, from_status, to_status,"
                f" who, role, at, override, revision) VALUES (?, {SEQ_OF_ID},"
                " ?, ?, ?, ?, ?, ?, ?)",
                [
                    change["uid"],
                    article_id,
                    change["from_status"],
                    change["to_status"],
                    change["who"],
                    change.get("role", ""),
                    change["at"],
                    change.get("override", ""),
                    change.get("revision", ""),
                ],
            )
            moves += cursor.rowcount
        return changed, moves

    @staticmethod
    def _unite_note_history(
        db: Database, article_id: str, payload: dict[str, Any], file: str
    ) -> int:
        """Earlier states of this article's notes, united (each kept once); a version of a
        note of another article is refused like the note itself."""
        added = 0
        for n, version in enumerate(payload.get("note_history", []), start=1):
            owner = db.execute(
                "SELECT article_id FROM notes WHERE uid = ?", [version["note_uid"]]
            ).fetchone()
            if owner is None or owner[0] != article_id:
                raise InputError(
                    "is the history of a note this article does not have",
                    file=file,
                    field=f"note_history[{n}].note_uid",
                )
            added += _keep_note_version(db, version["note_uid"], version)
        return added

    @staticmethod
    def _keep_their_version(db: Database, note: dict[str, Any]) -> None:
        """Their older edit of a note we changed since: kept in the note's history."""
        _keep_note_version(db, note["uid"], note)


def _keep_note_version(db: Database, uid: str, version: dict[str, Any]) -> int:
    """One state of note ``uid`` into its history, once (1 when it was new)."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO note_history (note_uid, body, author, updated_at, "
        "resolved_at, resolved_by) VALUES (?, ?, ?, ?, ?, ?)",
        [
            uid,
            version["body"],
            version["author"],
            version["updated_at"],
            version.get("resolved_at", ""),
            version.get("resolved_by", ""),
        ],
    )
    return int(cursor.rowcount)
