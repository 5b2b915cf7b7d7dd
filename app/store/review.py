"""Editorial review in the store: checks, status changes, notes and history.

Functions over a Store (kept out of store.py, which is about articles themselves). Every
change is one transaction; status changes are recorded in the same transaction as the
revision they make, so the record and the article can never disagree.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from typing import Any

from app.core.anchors import Paragraph, locate, paragraph_at_line
from app.core.checks import CheckContext, Finding, HouseRules, errors, run_checks
from app.core.diff import Chunk, diff_text, field_changes
from app.core.errors import InputError, NotFoundError
from app.core.model import Article
from app.core.workflow import check_transition
from app.store.store import Store, now_iso


@dataclass(frozen=True)
class StatusChange:
    uid: str
    from_status: str
    to_status: str
    who: str
    at: str
    override: str = ""


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


# -- checks and status -----------------------------------------------------------------------
def house_rules(store: Store) -> HouseRules:
    desk = store.desk()
    return HouseRules(
        title_max=desk.title_max, punctuation=desk.punctuation, cjk_latin_space=desk.cjk_latin_space
    )


def check_article(store: Store, article: Article, today: dt.date | None = None) -> list[Finding]:
    def exists(ref: str) -> bool:
        try:
            store.resolve(ref)
        except NotFoundError:
            return False
        return True

    ctx = CheckContext(rules=house_rules(store), article_exists=exists)
    if today is not None:
        ctx.today = today
    return run_checks(article, ctx)


def change_status(
    store: Store,
    ref: str,
    target: str,
    *,
    who: str,
    override: str = "",
    base_revision: int | None = None,
) -> Article:
    """Move the article to ``target`` if the workflow allows it; record who, when and why.

    Raises WorkflowError (not allowed, or approval with failing checks and no override) and
    ConflictError (the article moved on since ``base_revision``).
    """
    if not who.strip():
        raise InputError("a status change needs the name of who makes it", field="who")
    article = store.get_article(ref)
    approving = target in ("approved", "published")
    blocking = [f.message for f in errors(check_article(store, article))] if approving else []
    check_transition(article.status, target, blocking=blocking, override=override)
    before = article.status
    article.status = target
    if target == "published" and not article.published:
        article.published = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    reason = override.strip() if blocking else ""

    def record(db: Any, saved: Article) -> None:
        db.execute(
            "INSERT INTO status_changes (uid, article_id, from_status, to_status, who, at,"
            " override) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [uuid.uuid4().hex, saved.id, before, target, who.strip(), saved.updated, reason],
        )

    return store.save_article(
        article,
        base_revision=article.revision if base_revision is None else base_revision,
        author=who.strip(),
        origin=f"status {before} → {target}",
        within=record,
    )


def status_history(store: Store, ref: str) -> list[StatusChange]:
    article_id = store.resolve(ref)
    return [
        StatusChange(r["uid"], r["from_status"], r["to_status"], r["who"], r["at"], r["override"])
        for r in store.db.query(
            "SELECT * FROM status_changes WHERE article_id = ? ORDER BY at, rowid", [article_id]
        )
    ]


# -- notes -------------------------------------------------------------------------------------
def add_note(
    store: Store,
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
    article = store.get_article(ref)
    anchor_text, anchor_index = "", None
    if reply_to is not None:
        parent = _note_row(store, reply_to)
        if parent["article_id"] != article.id:
            raise InputError("a reply must be on the same article as its note", field="note")
    elif line is not None:
        paragraph = paragraph_at_line(article.body, line)
        if paragraph is None:
            raise InputError(f"line {line}: there is no paragraph there", field="note", line=line)
        anchor_text, anchor_index = paragraph.text, paragraph.index
    uid, stamp = uuid.uuid4().hex, now_iso()
    with store.write() as db:
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
    return next(n for n in notes(store, article.id) if n.uid == uid)


def _note_row(store: Store, uid: str) -> dict[str, Any]:
    rows = list(store.db.query("SELECT * FROM notes WHERE uid = ?", [uid]))
    if not rows:
        raise NotFoundError(f"no note '{uid}'")
    return rows[0]


def notes(store: Store, ref: str, body: str | None = None) -> list[Note]:
    """The article's notes, oldest first, each anchored in ``body`` (default: the stored one)."""
    article_id = store.resolve(ref)
    if body is None:
        body = store.get_article(article_id).body
    out = []
    for r in store.db.query(
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


def set_resolved(store: Store, uid: str, *, who: str, resolved: bool = True) -> None:
    """Resolve a note (and its thread), or reopen it."""
    _note_row(store, uid)
    stamp = now_iso()
    with store.write() as db:
        db.execute(
            "UPDATE notes SET resolved_at = ?, resolved_by = ?, updated_at = ? "
            "WHERE uid = ? OR parent_uid = ?",
            [stamp if resolved else "", who if resolved else "", stamp, uid, uid],
        )


# -- history -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class RevisionDiff:
    body: list[Chunk]
    fields: list[str]  # other content fields that changed


def diff_revisions(store: Store, ref: str, old: int, new: int) -> RevisionDiff:
    """Differences between revision numbers ``old`` and ``new`` of an article."""
    a = store.revision_article(ref, old)
    b = store.revision_article(ref, new)
    return RevisionDiff(diff_text(a.body, b.body), field_changes(a.content(), b.content()))


def restore_revision(store: Store, ref: str, number: int, *, who: str) -> Article:
    """Make revision ``number`` the current text again, as a new revision (history is kept).

    The status stays what it is now: restoring old words does not re-approve them.
    """
    current = store.get_article(ref)
    old = store.revision_article(ref, number)
    restored = replace(
        old, revision=current.revision, status=current.status, published=current.published
    )
    return store.save_article(restored, author=who, origin=f"restored from revision {number}")


def settle_incoming(store: Store, ref: str, number: int, *, keep: str, who: str) -> Article:
    """Decide between our text and an incoming revision ``number`` after both sides edited.

    ``keep`` is "mine" or "theirs"; either way a new revision records that the other side was
    seen (so the next exchange is not a conflict again) and nothing leaves the history.
    """
    from app.core.errors import ConflictError

    if keep not in ("mine", "theirs"):
        raise InputError("keep must be 'mine' or 'theirs'", field="keep")
    current = store.get_article(ref)
    theirs = store.revision_article(ref, number)
    their_uid = next(r.uid for r in store.revisions(ref) if r.number == number)
    chosen = (
        current
        if keep == "mine"
        else replace(theirs, status=current.status, published=current.published)
    )
    chosen = replace(chosen, revision=current.revision, slug=current.slug)
    with store.write() as db:
        head = db.execute("SELECT revision FROM articles WHERE id = ?", [current.id]).fetchone()[0]
        if head != current.revision:
            raise ConflictError(current.id, current.revision, head)
        chosen.updated = now_iso()
        origin = (
            f"kept mine over revision {number}" if keep == "mine" else (f"took revision {number}")
        )
        store._write_content(db, chosen, who, base=current.revision, origin=origin)
        db.execute("UPDATE revisions SET merged = ? WHERE id = ?", [their_uid, chosen.revision])
    return chosen
