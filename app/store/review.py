"""Editorial review in the store: checks, status changes, notes (with their history),
restoring and settling revisions.

Every change is one transaction. Status changes and revision text go through the store's one
writer of article content (``Articles``), which asks the workflow and the checks itself: the
rule that approving with failing checks needs a reason lives there once, whoever asks.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from app.core.anchors import Paragraph, locate, paragraph_at_line
from app.core.errors import InputError, NotFoundError
from app.core.model import Article, DeskSettings
from app.store.articles import Articles
from app.store.changes import Changes
from app.store.clock import now_iso
from app.store.history import History
from app.store.schema import SEQ_OF_ID
from app.store.transactions import Transactions

if TYPE_CHECKING:  # checks and diffs are imported when first run, not when a window opens
    from app.core.checks import Finding
    from app.core.diff import Chunk


@dataclass(frozen=True)
class StatusChange:
    uid: str
    from_status: str
    to_status: str
    who: str
    at: str
    override: str = ""
    role: str = ""


@dataclass(frozen=True)
class Note:
    uid: str
    article_id: str
    parent_uid: str | None
    anchor_text: str
    anchor_index: int | None
    body: str
    author: str
    created: str
    updated: str
    resolved_at: str = ""
    resolved_by: str = ""
    # Where the anchor is in the current body (None: on the article, or detached).
    paragraph: Paragraph | None = None

    @property
    def resolved(self) -> bool:
        return bool(self.resolved_at)

    @property
    def detached(self) -> bool:
        return bool(self.anchor_text) and self.paragraph is None

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "paragraph"}
        data["line"] = self.paragraph.first_line if self.paragraph else None
        return data


@dataclass(frozen=True)
class RevisionDiff:
    body: list[Chunk]
    fields: list[str]  # other content fields that changed


@dataclass(frozen=True)
class NoteVersion:
    """An earlier state of a note: its text and resolution before an edit replaced them."""

    body: str
    author: str
    updated: str
    resolved_at: str = ""
    resolved_by: str = ""


@dataclass(frozen=True)
class Waiting:
    """An article in the review queue: who submitted it and when, and what an editor
    should know before opening it."""

    article_id: str
    title: str
    submitted_by: str
    submitted_at: str
    open_notes: int
    failing_checks: int
    words: int  # Chinese characters and other words of the body


@dataclass(frozen=True)
class SinceLooked:
    """What changed in an article since a person last looked at it: the revision they saw
    (its number) and when, the revision now, and who wrote the revisions in between."""

    seen: int
    seen_at: str
    now: int
    revisions: int
    authors: tuple[str, ...]


class Review:
    """Checks, the workflow, notes and history decisions over the store's articles."""

    def __init__(
        self,
        tx: Transactions,
        articles: Articles,
        history: History,
        desk: Callable[[], DeskSettings],
    ) -> None:
        self.tx = tx
        self.db = tx.db
        self.articles = articles
        self.history = history
        self.desk = desk

    # -- checks and status ---------------------------------------------------------------
    def check(self, article: Article, today: dt.date | None = None) -> list[Finding]:
        return self.articles.checks.run(article, today)

    def decides(self, role: str, who: str) -> bool:
        """Whether ``who`` in ``role`` takes an editor's decisions now: the editor's role,
        and a place on the desk's list of editors when the desk keeps one."""
        return self.articles.decides(role, who)

    def blocking_checks(self, article: Article, target: str) -> list[Finding]:
        """The failing checks that moving ``article`` to ``target`` needs a reason for."""
        return self.articles.checks.blocking(article, target)

    def change_status(
        self,
        ref: str,
        target: str,
        *,
        who: str,
        role: str,
        override: str = "",
        base_revision: int | None = None,
    ) -> Article:
        """Move the article to ``target`` if the workflow lets ``role`` make that move; the
        store's writer decides and records who, in which role, when and why."""
        return self.articles.move(
            ref, target, who=who, role=role, override=override, base_revision=base_revision
        )

    def status_history(self, ref: str) -> list[StatusChange]:
        article_id = self.articles.resolve(ref)
        return [
            StatusChange(
                r["uid"],
                r["from_status"],
                r["to_status"],
                r["who"],
                r["at"],
                r["override"],
                r["role"],
            )
            for r in self.db.query(
                f"SELECT * FROM status_changes WHERE article_seq = {SEQ_OF_ID} ORDER BY at, rowid",
                [article_id],
            )
        ]

    def looked(self, ref: str, person: str) -> None:
        """``person`` has read the article as it is now (its head revision)."""
        article_id = self.articles.resolve(ref)
        revisions = self.history.revisions(article_id)
        if not revisions or not person.strip():
            return
        with self.tx.write() as db:
            db.execute(
                "INSERT INTO last_looked (article_id, person, revision, at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (article_id, person) DO UPDATE SET revision = excluded.revision,"
                " at = excluded.at",
                [article_id, person.strip(), revisions[-1].uid, now_iso()],
            )

    def since_looked(self, ref: str, person: str) -> SinceLooked | None:
        """What changed since ``person`` last looked (None: never looked, or nothing new)."""
        article_id = self.articles.resolve(ref)
        row = self.db.execute(
            "SELECT revision, at FROM last_looked WHERE article_id = ? AND person = ?",
            [article_id, person.strip()],
        ).fetchone()
        if row is None:
            return None
        revisions = self.history.revisions(article_id)
        numbers = {r.uid: r.number for r in revisions}
        seen = numbers.get(row[0])
        if seen is None or not revisions or revisions[-1].number == seen:
            return None
        later = [r for r in revisions if r.number > seen]
        return SinceLooked(
            seen=seen,
            seen_at=row[1],
            now=revisions[-1].number,
            revisions=len(later),
            authors=tuple(dict.fromkeys(r.author for r in later if r.author)),
        )

    def queue(self) -> list[Waiting]:
        """The articles waiting for an editor (in review), oldest submission first."""
        from app.core.checks import errors
        from app.core.text import count_article

        waiting = []
        rows = self.db.execute("SELECT id FROM articles WHERE status = 'in_review' LIMIT 500")
        for (article_id,) in rows.fetchall():
            article = self.articles.get(article_id)
            moves = self.status_history(article_id)
            submitted = next((m for m in reversed(moves) if m.to_status == "in_review"), None)
            counts = count_article(article.body, [])
            waiting.append(
                Waiting(
                    article_id=article.id,
                    title=article.title,
                    submitted_by=submitted.who if submitted else "",
                    submitted_at=submitted.at if submitted else article.updated,
                    open_notes=sum(
                        1
                        for n in self.notes(article.id, body=article.body)
                        if not n.resolved and not n.parent_uid
                    ),
                    failing_checks=len(errors(self.check(article))),
                    words=counts.body[0] + counts.body[1],
                )
            )
        return sorted(waiting, key=lambda w: (w.submitted_at, w.article_id))

    # -- notes ---------------------------------------------------------------------------
    def add_note(
        self,
        ref: str,
        body: str,
        *,
        author: str,
        line: int | None = None,
        reply_to: str | None = None,
    ) -> Note:
        """A note on the article, or anchored to the paragraph at body ``line``, or a reply."""
        if not body.strip():
            raise InputError("a note cannot be empty", field="note")
        article = self.articles.get(ref)
        anchor_text, anchor_index = "", None
        if reply_to is not None:
            parent = self._note_row(reply_to)
            if parent["article_id"] != article.id:
                raise InputError("a reply must be on the same article as its note", field="note")
        elif line is not None:
            paragraph = paragraph_at_line(article.body, line)
            if paragraph is None:
                raise InputError(
                    f"line {line}: there is no paragraph there", field="note", line=line
                )
            anchor_text, anchor_index = paragraph.text, paragraph.index
        uid, stamp = uuid.uuid4().hex, now_iso()
        with self.tx.write() as db:
            db.execute(
                "INSERT INTO notes (uid, article_id, parent_uid, anchor_text, anchor_index, body,"
                " author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    uid,
                    article.id,
                    reply_to,
                    anchor_text,
                    anchor_index,
                    body.strip(),
                    author,
                    stamp,
                    stamp,
                ],
            )
            self.tx.record(Changes(notes=frozenset({article.id})))
        return next(n for n in self.notes(article.id) if n.uid == uid)

    def find_note(self, prefix: str) -> str:
        """The uid of the one note whose uid starts with ``prefix`` (as the CLI prints it)."""
        rows = list(
            self.db.query(
                "SELECT uid FROM notes WHERE uid >= ? AND uid < ? LIMIT 2",
                [prefix, prefix + "\uffff"],
            )
        )
        if len(rows) != 1 or not prefix:
            raise InputError(f"no single note starts with '{prefix}'", field="NOTE")
        return str(rows[0]["uid"])

    def _note_row(self, uid: str) -> dict[str, Any]:
        rows = list(self.db.query("SELECT * FROM notes WHERE uid = ?", [uid]))
        if not rows:
            raise NotFoundError(f"no note '{uid}'")
        return rows[0]

    def notes(self, ref: str, body: str | None = None) -> list[Note]:
        """The article's notes, oldest first, anchored in ``body`` (default: the stored one)."""
        article_id = self.articles.resolve(ref)
        if body is None:
            body = self.articles.get(article_id).body
        out = []
        for r in self.db.query(
            "SELECT * FROM notes WHERE article_id = ? ORDER BY created_at, rowid", [article_id]
        ):
            paragraph = (
                locate(body, r["anchor_text"], r["anchor_index"] or 0) if r["anchor_text"] else None
            )
            out.append(
                Note(
                    uid=r["uid"],
                    article_id=r["article_id"],
                    parent_uid=r["parent_uid"],
                    anchor_text=r["anchor_text"],
                    anchor_index=r["anchor_index"],
                    body=r["body"],
                    author=r["author"],
                    created=r["created_at"],
                    updated=r["updated_at"],
                    resolved_at=r["resolved_at"],
                    resolved_by=r["resolved_by"],
                    paragraph=paragraph,
                )
            )
        return out

    def note_history(self, uid: str) -> list[NoteVersion]:
        """Every earlier state of the note, oldest first (the current one is the note)."""
        return [
            NoteVersion(r["body"], r["author"], r["updated_at"], r["resolved_at"], r["resolved_by"])
            for r in self.db.query(
                "SELECT * FROM note_history WHERE note_uid = ? ORDER BY updated_at", [uid]
            )
        ]

    @staticmethod
    def keep_note_version(db: Database, uid: str) -> None:
        """Before a note is changed, its current state goes into its history."""
        db.execute(
            "INSERT OR IGNORE INTO note_history (note_uid, body, author, updated_at, "
            "resolved_at, resolved_by) SELECT uid, body, author, updated_at, resolved_at, "
            "resolved_by FROM notes WHERE uid = ?",
            [uid],
        )

    def set_resolved(self, uid: str, *, who: str, resolved: bool = True) -> None:
        """Resolve a note (and its thread), or reopen it; the earlier state is kept."""
        note = self._note_row(uid)
        stamp = now_iso()
        with self.tx.write() as db:
            for row in db.query(
                "SELECT uid FROM notes WHERE uid = ? OR parent_uid = ?", [uid, uid]
            ):
                self.keep_note_version(db, row["uid"])
            db.execute(
                "UPDATE notes SET resolved_at = ?, resolved_by = ?, updated_at = ? "
                "WHERE uid = ? OR parent_uid = ?",
                [stamp if resolved else "", who if resolved else "", stamp, uid, uid],
            )
            self.tx.record(Changes(notes=frozenset({note["article_id"]})))

    # -- history -------------------------------------------------------------------------
    def diff(self, ref: str, old: int, new: int) -> RevisionDiff:
        """Differences between revision numbers ``old`` and ``new`` of an article."""
        from app.core.diff import diff_text, field_changes

        a = self.history.article_at(ref, old)
        b = self.history.article_at(ref, new)
        # ``updated`` follows the other fields: it is not a change of its own to review.
        before, after = a.content(), b.content()
        before.pop("updated", None)
        after.pop("updated", None)
        return RevisionDiff(diff_text(a.body, b.body), field_changes(before, after))

    def restore_revision(
        self, ref: str, number: int, *, who: str, role: str = "reporter"
    ) -> Article:
        """Make revision ``number`` the current text again, as a new revision.

        The status stays what it is now: restoring old words does not re-approve them.
        """
        current = self.articles.get(ref)
        old = self.history.article_at(ref, number)
        # Readers see the words change back: that is an update, whenever the words were.
        restored = replace(
            old,
            revision=current.revision,
            status=current.status,
            published=current.published,
            updated=current.updated,
        )
        return self.articles.save(
            restored, author=who, role=role, origin=f"restored from revision {number}"
        )

    def settle_incoming(
        self, ref: str, number: int, *, keep: str, who: str, role: str = "reporter"
    ) -> Article:
        """Decide between our text and an incoming revision ``number`` after both sides
        edited. ``keep`` is "mine" or "theirs"; either way a new revision records that the
        other side was seen (so the next exchange is not a conflict again)."""
        if keep not in ("mine", "theirs"):
            raise InputError("keep must be 'mine' or 'theirs'", field="keep")
        current = self.articles.get(ref)
        theirs = self.history.article_at(ref, number)
        their_uid = next(r.uid for r in self.history.revisions(ref) if r.number == number)
        chosen = (
            current
            if keep == "mine"
            else replace(theirs, status=current.status, published=current.published)
        )
        chosen = replace(chosen, revision=current.revision, slug=current.slug)
        origin = (
            f"kept mine over revision {number}" if keep == "mine" else f"took revision {number}"
        )
        return self.articles.save(chosen, author=who, role=role, origin=origin, seen=their_uid)
