"""Review exchange between two stores: an article with its revisions, notes and status record.

Revisions are identified by a ``uid`` that travels with them, so importing tells apart:
- a new article (everything comes in);
- theirs is ahead of ours (we did not edit since): fast-forward to their head;
- ours is ahead or equal: their history is merged in, our text stays;
- both edited since the last exchange: where the edits do not overlap they are merged from
  the version both had (``core.merge3``); where they do, their head is kept as a revision
  beside ours (never overwriting), the article keeps our text, and the app shows both.
Re-importing the same payload changes nothing.

A payload comes from another laptop: it is hostile input. ``review_payload.check_payload``
checks its shape and every revision's content first; every revision and every text written
goes through the store's one writer (``Articles``: validation, images, the ``updated`` rule,
who wrote it); ``review_records`` unites its notes and status record (refusing one of another
article), and the status is what the united record comes to under the workflow
(``Articles.settle_status``), never a field taken from the other side. Everything is one
transaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from app.core.errors import InputError
from app.core.merge3 import merge_articles
from app.core.model import Article
from app.core.workflow import set_aside_text, settle
from app.store.articles import Articles
from app.store.changes import Changes
from app.store.images import Images
from app.store.review import Review
from app.store.review_payload import (
    FORMAT,
    article_at,
    check_payload,
    images_of,
    their_ancestors,
)
from app.store.review_records import ReviewRecords
from app.store.schema import SEQ_OF_ID
from app.store.select import select
from app.store.transactions import Transactions

if TYPE_CHECKING:
    from app.store.search import IndexedText

__all__ = ["FORMAT", "ReviewImport", "ReviewMerge", "check_payload", "images_of"]


@dataclass(frozen=True)
class ReviewImport:
    article_id: str
    outcome: str  # "created", "updated", "unchanged", "ours-newer", "diverged", "merged"
    their_revision: int | None = None  # the number of the text that waits, when diverged
    status: str = ""  # what the united status record comes to (``workflow.settle``)
    # Status moves made apart that the workflow set aside when the records met, newly in
    # this exchange: "林記者: approved → draft (made from 'in_review' while …)".
    set_aside: tuple[str, ...] = ()
    notes_in: int = 0  # notes (and earlier versions of notes) that came in
    moves_in: int = 0  # status decisions that came in
    # Addresses the desk settled: "kaohsiung-drill-1a2b3c4d (was kaohsiung-drill: …)".
    renamed: tuple[str, ...] = ()

    @property
    def status_conflict(self) -> bool:
        return bool(self.set_aside)

    def message(self, slug: str) -> str:
        text = {
            "created": f"{slug}: new article with its history and notes",
            "updated": f"{slug}: brought up to their latest revision",
            "unchanged": f"{slug}: already up to date; nothing changed",
            "ours-newer": f"{slug}: ours is newer; their notes and history merged",
            "diverged": (
                f"{slug}: both sides edited the same part; the later text is current and the "
                f"other is revision {self.their_revision} (compare in History)"
            ),
            "merged": f"{slug}: both sides edited different parts; merged",
        }[self.outcome]
        if self.set_aside:
            text += f"; status {self.status}, set aside: " + "; ".join(self.set_aside)
        return text


def canonical_order(revisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Revisions in the order every laptop writes them, whatever order each stored them
    in: by time and uid, each after its parent. The same history is then the same bytes on
    every laptop, and a desk with nothing new to say goes quiet."""
    pending = sorted(revisions, key=lambda r: (r["created"], r["uid"]))
    known = {r["uid"] for r in revisions}
    placed: set[str] = set()
    out: list[dict[str, Any]] = []
    while pending:
        later = []
        for rev in pending:
            parent = rev["parent"]
            if parent is None or parent not in known or parent in placed:
                out.append(rev)
                placed.add(rev["uid"])
            else:
                later.append(rev)
        if len(later) == len(pending):  # a cycle (a damaged history): as it is
            out += later
            break
        pending = later
    return out


def local_ancestors(db: Database, revision_id: int) -> set[str]:
    """Uids of the revision and everything it descends from, through parents and merges."""
    rows = db.execute(
        "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT p.id FROM revisions r JOIN up "
        "ON r.id = up.id JOIN revisions p ON p.id = r.parent OR p.uid = r.merged) "
        "SELECT uid FROM revisions WHERE id IN (SELECT id FROM up)",
        [revision_id],
    ).fetchall()
    return {r[0] for r in rows}


class ReviewMerge:
    """Review payloads out of the store and merged back in, through the store's gate."""

    def __init__(
        self, tx: Transactions, articles: Articles, images: Images, review: Review
    ) -> None:
        self.tx = tx
        self.db = tx.db
        self.articles = articles
        self.images = images
        self.review = review
        self.records = ReviewRecords(review)

    def payload(self, ref: str) -> dict[str, Any]:
        """Everything the review side needs beyond the web bundle, as JSON-ready data, read
        as one state of the store (another process may be saving the article meanwhile)."""
        with self.tx.read():
            return self._payload(self.articles.resolve(ref))

    def _payload(self, article_id: str) -> dict[str, Any]:
        by_id: dict[int, str] = {}
        revisions = []
        for r in select(
            self.db,
            "SELECT r.*, s.content FROM revisions r JOIN snapshots s ON s.hash = r.hash "
            f"WHERE r.article_seq = {SEQ_OF_ID} ORDER BY r.number",
            [article_id],
        ):
            by_id[r["id"]] = r["uid"]
            revisions.append(
                {
                    "uid": r["uid"],
                    "parent": by_id.get(r["parent"]) if r["parent"] is not None else None,
                    "created": r["created_at"],
                    "author": r["author"],
                    "origin": r["origin"],
                    "merged": r["merged"],
                    "content": json.loads(r["content"]),
                }
            )
        row = next(
            select(self.db, "SELECT revision, created_at FROM articles WHERE id = ?", [article_id])
        )
        notes = [
            {k: r[k] for k in r if k != "article_id"}
            for r in select(
                self.db,
                "SELECT * FROM notes WHERE article_id = ? ORDER BY created_at, uid",
                [article_id],
            )
        ]
        changes = [
            {k: r[k] for k in r if k != "article_seq"}
            for r in select(
                self.db,
                f"SELECT * FROM status_changes WHERE article_seq = {SEQ_OF_ID} ORDER BY at, uid",
                [article_id],
            )
        ]
        history = [
            {k: r[k] for k in r}
            for r in select(
                self.db,
                "SELECT h.* FROM note_history h JOIN notes n ON n.uid = h.note_uid"
                " WHERE n.article_id = ? ORDER BY h.note_uid, h.updated_at",
                [article_id],
            )
        ]
        return {
            "format": FORMAT,
            "article_id": article_id,
            "created": row["created_at"],
            "head": by_id[row["revision"]],
            "revisions": canonical_order(revisions),
            "notes": notes,
            "note_history": history,
            "status_changes": changes,
        }

    def incoming(self, ref: str) -> list[int]:
        """Numbers of revisions that came from another store and that our text has not seen:
        the other side's versions after both sides edited. Empty when nothing waits (a
        version with the very text of ours waits for nothing)."""
        article = self.articles.get(ref)
        seen = local_ancestors(self.db, article.revision or 0)
        head = self.db.execute("SELECT hash FROM revisions WHERE id = ?", [article.revision])
        head_hash = (head.fetchone() or [None])[0]
        rows = select(
            self.db,
            "SELECT r.number, r.uid, r.hash FROM revisions r WHERE r.article_seq = "
            f"{SEQ_OF_ID} AND NOT EXISTS "
            # A revision's children are its own article's: only those are looked at (all
            # revisions of the archive were scanned for each one, ~40 ms at 100,000).
            "(SELECT 1 FROM revisions c WHERE c.article_seq = r.article_seq"
            " AND (c.parent = r.id OR c.merged = r.uid)) "
            "ORDER BY r.number",
            [article.id],
        )
        return [r["number"] for r in rows if r["uid"] not in seen and r["hash"] != head_hash]

    def apply(
        self,
        payload: Any,
        *,
        by: str,
        file: str = "review.json",
        images: Mapping[str, bytes] | None = None,
        origin: str = "from a review bundle",
        checked: bool = False,
        indexed: IndexedText | None = None,
    ) -> ReviewImport:
        """Merge a review payload (with the raw bytes of its images, by SHA-256) into the
        store, all or nothing, through the store's one writer; ``by`` is who brings it in
        (a merge of both sides' edits is their revision). ``checked``: the caller's worker
        ran ``check_payload`` on it already (a desk sync's). ``indexed``: its head's text
        as the search index takes it, worked out ahead (used only if it is that text)."""
        if not checked:
            check_payload(payload, file)
        images = images or {}
        article_id = payload["article_id"]
        with self.tx.write() as db:
            for sha in sorted(images_of(payload)):
                if self.images.has(sha):
                    continue
                if sha not in images:
                    raise InputError(f"image {sha[:12]}… is missing from the bundle", file=file)
                if self.images.add(images[sha], name=sha) != sha:
                    raise InputError(
                        f"image {sha[:12]}… does not match its name (damaged or not cleaned)",
                        file=file,
                    )
            local_head_id = self.articles.head_revision(article_id)
            aside_before = {m.uid for m, _why in settle(self.articles.moves(article_id)).set_aside}
            before = self.articles.revision_ids(article_id)
            theirs = payload["head"]
            created, known = self.articles.receive(
                article_id, payload["revisions"], article_at(payload, theirs), origin=origin
            )
            added = len(known) - len(before)
            local_head_uid = next((u for u, i in known.items() if i == local_head_id), None)
            their_chain = their_ancestors(payload, theirs)
            if created or local_head_id is None:
                outcome = "created"
            elif local_head_uid == theirs or theirs in local_ancestors(db, local_head_id):
                outcome = "ours-newer" if local_head_uid != theirs else "unchanged"
            elif local_head_uid in their_chain:
                outcome = "updated"
            else:
                outcome = "diverged"
            if outcome in ("created", "updated"):
                self.articles.take(article_id, theirs, author=by, file=file, indexed=indexed)
            waiting = theirs
            if outcome == "diverged" and local_head_id is not None:
                mine = self._revision(db, local_head_id)
                other = self._revision(db, known[theirs])
                base = self._common_base(db, local_head_id, theirs, payload, known)
                if mine["hash"] == other["hash"]:
                    # The same text reached apart (two laptops merged the same edits): the
                    # later revision is the head everywhere, and nothing waits.
                    if (other["created_at"], theirs) > (mine["created_at"], mine["uid"]):
                        self.articles.take(article_id, theirs, author=by, file=file)
                    outcome = "unchanged"
                elif base is not None and self._merge_texts(
                    article_id, local_head_id, base, theirs, payload, by
                ):
                    outcome = "merged"
                elif (other["created_at"], theirs) > (mine["created_at"], mine["uid"]):
                    # Both texts stay for a person; the later one is the head on every
                    # laptop (the same answer everywhere, so the desk goes quiet) and the
                    # other waits in History: Keep mine / Take theirs.
                    self.articles.take(article_id, theirs, author=by, file=file)
                    waiting = mine["uid"]
            notes_in, moves_in = self.records.unite(db, article_id, payload, file)
            changed = notes_in + moves_in
            claim = self._unjustified_claim(article_id, payload)
            settled = self.articles.settle_status(article_id)
            renamed = self.articles.settle_address(article_id)
            if outcome == "unchanged" and (added or changed):
                outcome = "ours-newer"  # only notes or history came in
            number = None
            if outcome == "diverged":
                number = next(select(db, "SELECT number FROM revisions WHERE uid = ?", [waiting]))[
                    "number"
                ]
            touched = frozenset({article_id})
            self.tx.record(
                Changes(
                    created=touched if outcome == "created" else frozenset(),
                    notes=touched if changed else frozenset(),
                )
            )
        set_aside = tuple(
            set_aside_text(m, why) for m, why in settled.set_aside if m.uid not in aside_before
        ) + ((claim,) if claim else ())
        return ReviewImport(
            article_id,
            outcome,
            number,
            settled.status,
            set_aside,
            notes_in,
            moves_in,
            tuple(renamed),
        )

    def _unjustified_claim(self, article_id: str, payload: dict[str, Any]) -> str:
        """A history written before decisions were records names a status in its revisions'
        text. One that the record does not justify is no decision: the article is put in
        review by the desk (the same move on every laptop) and the claim is named."""
        head = next(r for r in payload["revisions"] if r["uid"] == payload["head"])
        claimed = head["content"].get("status", "")
        if claimed in ("", "draft", "spiked") or self.articles.decided(article_id).status != (
            "draft"
        ):
            return ""
        self.articles.put_in_review_by_the_desk(article_id, payload["head"], head["created"])
        return (
            f"its history says '{claimed}' but no decision on record justifies it; "
            "put in review for an editor"
        )

    @staticmethod
    def _revision(db: Database, revision_id: int) -> dict[str, Any]:
        row = db.execute(
            "SELECT uid, hash, created_at FROM revisions WHERE id = ?", [revision_id]
        ).fetchone()
        return {"uid": row[0], "hash": row[1], "created_at": row[2]}

    def _common_base(
        self,
        db: Database,
        ours_id: int,
        theirs: str,
        payload: dict[str, Any],
        known: dict[str, int],
    ) -> Article | None:
        """The latest version both sides had before they edited apart (None: none)."""
        common = local_ancestors(db, ours_id) & their_ancestors(payload, theirs)
        starts = [known[uid] for uid in common if uid in known]
        return self.articles.history.snapshot(max(starts)) if starts else None

    def _merge_texts(
        self,
        article_id: str,
        ours_id: int,
        base: Article,
        theirs: str,
        payload: dict[str, Any],
        by: str,
    ) -> bool:
        """Both sides edited apart: where their changes do not overlap (paragraphs of the
        body, other fields whole), write the merge as our next revision, with theirs marked
        as seen. False (nothing written) when they overlap: both stay for a person."""
        current = self.articles.get(article_id)
        ours = self.articles.history.snapshot(ours_id)
        merged = merge_articles(base, ours, article_at(payload, theirs))
        if merged is None:
            return False
        merged = replace(
            merged,
            id=article_id,
            slug=self.articles.free_slug(merged.slug, article_id),
            status=current.status,
            published=current.published,
            revision=ours_id,
        )
        self.articles.save(merged, author=by, origin="merged both sides", seen=theirs)
        return True
