"""Articles in the store: reading them, and the one writer of their content.

Every caller that writes an article's text, fields, figures, sources, related links or
revisions (the window, ``galley edit``, import, review bundles, desk merges, restoring a
revision) goes through ``Articles``: the whole article is validated, its images must be in
the store, ``updated`` follows what readers see, the write records who made it, and it is one
transaction with its revision, search row and change-log entry. Saves are optimistic: a save
names the revision it started from and fails with ``ConflictError`` if the stored article
moved on since.

The status is not content. It changes only by ``move`` (the workflow asked with the person's
role and the checks) or, for moves that came from another laptop, by ``settle_status`` (the
united record replayed under the same workflow). No argument lets a caller skip either. The
article handed to a write is never changed: the stored article is returned.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from app.core.errors import ConflictError, InputError, NotFoundError
from app.core.ids import record_uid
from app.core.model import Article, DeskSettings, Figure, RelatedLink, Source
from app.core.workflow import (
    AGAIN,
    ARCHIVE,
    DESK,
    EDITOR,
    REPORTER,
    Editors,
    Move,
    Settled,
    WorkflowError,
    check_role,
    check_transition,
    editors_decision,
    no_list,
    settle,
)
from app.store.article_checks import ArticleChecks
from app.store.changes import Changes
from app.store.clock import now_iso
from app.store.content_rows import ContentRows
from app.store.history import History
from app.store.schema import SEQ_OF_ID
from app.store.select import select
from app.store.transactions import Transactions

if TYPE_CHECKING:
    from app.store.search import IndexedText

log = logging.getLogger(__name__)


class Articles:
    """Reading and writing articles; the store's gate for article content."""

    def __init__(
        self,
        tx: Transactions,
        history: History,
        desk: Callable[[], DeskSettings],
        editors_at: Editors = no_list,
    ) -> None:
        self.tx = tx
        self.db = tx.db
        self.history = history
        self._rows = ContentRows(tx, history)
        self.checks = ArticleChecks(desk, self.refers)
        self.editors_at = editors_at  # the desk's editors at a moment (None: no list then)

    # -- reading ------------------------------------------------------------------------------
    def row(self, ref: str) -> dict[str, Any]:
        rows = list(
            select(
                self.db,
                "SELECT * FROM articles WHERE id = ? UNION ALL "
                "SELECT * FROM articles WHERE slug = ? LIMIT 1",
                [ref, ref],
            )
        )
        if not rows and len(ref) >= 8:
            # An id prefix, as the CLI prints it: a range scan on the unique index on id.
            rows = list(
                select(
                    self.db,
                    "SELECT * FROM articles WHERE id >= ? AND id < ? LIMIT 2",
                    [ref.lower(), ref.lower() + "\uffff"],
                )
            )
            if len(rows) > 1:
                raise NotFoundError(f"'{ref}' matches more than one article; give more of the id")
        if not rows:
            raise NotFoundError(f"no article with id or slug '{ref}'")
        return rows[0]

    def resolve(self, ref: str) -> str:
        """The id of the article whose id, id prefix (8+ characters) or slug is ``ref``."""
        return str(self.row(ref)["id"])

    def refers(self, ref: str) -> bool:
        """Whether ``ref`` (id, id prefix or slug, as an ``article:`` link names it) is an
        article of the store."""
        try:
            self.row(ref)
        except NotFoundError:
            return False
        return True

    def head_revision(self, article_id: str) -> int | None:
        """The stored article's current revision (None when it is not in the store)."""
        rows = list(select(self.db, "SELECT revision FROM articles WHERE id = ?", [article_id]))
        return int(rows[0]["revision"]) if rows else None

    def exists(self, article_id: str) -> bool:
        """Whether an article with exactly this id is stored."""
        # execute(), not query(): sqlite-utils guards each query() with a savepoint (three
        # statements), and an import asks this of every article twice.
        sql = "SELECT 1 FROM articles WHERE id = ?"
        return self.db.execute(sql, [article_id]).fetchone() is not None

    def get(self, ref: str) -> Article:
        row = self.row(ref)
        seq = row["seq"]
        figures = [
            Figure(
                key=r["key"],
                image=r["image"],
                caption=r["caption"],
                credit=r["credit"],
                alt=r["alt"],
                focus=r["focus"],
                creator=r["creator"],
                copyright=r["copyright"],
            )
            for r in select(
                self.db, "SELECT * FROM figures WHERE article_seq = ? ORDER BY position", [seq]
            )
        ]
        sources = [
            Source(
                date=r["date"], outlet=r["outlet"], title=r["title"], url=r["url"], note=r["note"]
            )
            for r in select(
                self.db, "SELECT * FROM sources WHERE article_seq = ? ORDER BY position", [seq]
            )
        ]
        related = [
            RelatedLink(
                kind=r["kind"],
                article_id=r["target_id"],
                url=r["url"],
                title=r["title"],
                excerpt=r["excerpt"],
                author=r["author"],
                date=r["date"],
            )
            for r in select(
                self.db, "SELECT * FROM related WHERE article_seq = ? ORDER BY position", [seq]
            )
        ]
        return Article(
            id=row["id"],
            slug=row["slug"],
            title=row["title"],
            dek=row["dek"],
            byline=json.loads(row["byline"]),
            section=row["section"],
            tags=json.loads(row["tags"]),
            language=row["language"],
            status=row["status"],
            body=row["body"],
            created=row["created_at"],
            updated=row["modified_at"],
            saved=row["updated_at"],
            published=row["published_at"],
            canonical_url=row["canonical_url"],
            correction=row["correction"],
            correction_date=row["correction_date"],
            figures=figures,
            sources=sources,
            related=related,
            revision=row["revision"],
        )

    # -- writing: the one writer of article content --------------------------------------
    def create(
        self,
        article: Article,
        *,
        author: str,
        origin: str = "",
        archive_role: str | None = None,
        indexed: IndexedText | None = None,
    ) -> Article:
        """Insert a new article in one transaction (its images must be in the store).

        A new article is a draft, whatever status it was handed with: a status is a
        decision of the workflow. Only an archive import asked for explicitly
        (``archive_role``, an editor's) keeps it, and the status record says so.
        ``indexed``: its text as the search index takes it, worked out ahead (by an
        import's worker process); used only if it matches the article.
        """
        author = _who(author)
        article = replace(article, id=article.id or str(uuid.uuid4()))
        archived = archive_role is not None and article.status != "draft"
        if archived:
            check_role(archive_role or "")
            if archive_role != EDITOR:
                raise WorkflowError(
                    f"'{article.title}' arrives as '{article.status}' only by an archive import, "
                    "which is an editor's decision; without it the article arrives as a draft"
                )
        elif article.status != "draft":
            article.status = "draft"
        with self.tx.write() as db:
            if self.exists(article.id):
                raise InputError(
                    f"an article with id {article.id} is already in the store", field="id"
                )
            if not article.slug:
                from app.core.slugs import suggest_slug

                article.slug = suggest_slug(article.title, article.published, article.id)
            article.slug = self.free_slug(article.slug, article.id)
            _validate(article)
            self._check_images(db, article)
            stamp = now_iso()
            article.created = article.created or stamp
            article.saved = stamp
            # An archive article with no ``updated:`` has not changed since it was published.
            article.updated = article.updated or article.published or stamp
            article.revision = None
            seq = self._rows.write_new(db, article, author, origin, indexed)
            if archived:
                listed = self.editors_at(stamp)
                if listed is not None and author not in listed:
                    raise WorkflowError(
                        f"{author} is not one of the desk's editors; an archive import keeps "
                        "statuses only when one of them makes it"
                    )
                self._record_move(
                    db,
                    seq,
                    "",
                    article.status,
                    who=author,
                    role=ARCHIVE,
                    at=stamp,
                    override="archive import",
                    revision=self._uid_of(db, article.revision),
                )
            self.tx.record(Changes(created=frozenset({article.id})))
        return article

    def save(
        self,
        article: Article,
        *,
        base_revision: int | None = None,
        author: str,
        role: str = REPORTER,
        origin: str = "",
        seen: str | None = None,
    ) -> Article:
        """Store ``article``'s content if the stored one is still at ``base_revision``.

        ``role``: in which role ``author`` writes. An edit to an approved article by anyone
        but one of the desk's editors takes it back to review (recorded as that person's
        move, in the same transaction): nothing is published that an editor did not see.
        An editor's own copy edit keeps it approved; publishing it asks them to approve the
        changes (a decision recorded on the new revision).

        ``base_revision`` defaults to ``article.revision``. Unchanged content writes nothing
        and keeps the revision. The status is not content: whatever status the copy holds,
        the stored one stays (it moves only through ``move``), and the returned article
        carries it. A publication date differing from the stored one is refused: it is set
        by the first publication, never by a save. ``seen``: the uid of a
        revision from another store that this one has taken into account (a merge, or a
        person's choice between both sides), so the next exchange is not a conflict again.
        """
        author = _who(author)
        role = check_role(role)
        article = replace(article)
        base = article.revision if base_revision is None else base_revision
        _validate(article)
        with self.tx.write() as db:
            stored = self._stored(db, article.id)
            if stored["revision"] != base:
                raise ConflictError(article.id, base, stored["revision"])
            if article.published != stored["published_at"]:
                raise InputError(
                    f"the publication date is '{stored['published_at'] or 'none yet'}'; it is "
                    "set when the article is first published (galley status, or the Status "
                    f"menu), not by saving '{article.published}'",
                    field="published",
                )
            # The status is not content: the copy's (perhaps stale) status is no request.
            article.status = stored["status"]
            self._check_slug(db, article, stored)
            self._check_images(db, article)
            if seen is None and self._head_hash(db, base) == article.content_hash():
                article.revision = base
                return article
            before = self.history.snapshot(base) if base is not None else None
            if seen is None and before is not None and before.content() == article.content():
                # A revision stored before the status left the content hashes otherwise.
                article.revision = base
                return article
            self._write(
                db, article, base, stored, author=author, origin=origin, seen=seen, before=before
            )
            changed = Changes(articles=frozenset({article.id}))
            if stored["status"] == "approved" and not self.decides(role, author):
                stamp = now_iso()
                seq = self._set_status(db, article.id, "in_review", stamp)
                self._record_move(
                    db,
                    seq,
                    "approved",
                    "in_review",
                    who=author,
                    role=role,
                    at=stamp,
                    override="",
                    revision=self._uid_of(db, article.revision),
                )
                article.status = "in_review"
                changed = changed | Changes(statuses=frozenset({article.id}))
            self.tx.record(changed)
        return article

    def decides(self, role: str, who: str) -> bool:
        """Whether ``who`` in ``role`` takes an editor's decisions now (the role, and the
        desk's list of editors when it has one)."""
        if role != EDITOR:
            return False
        listed = self.editors_at(now_iso())
        return listed is None or who in listed

    def move(
        self,
        ref: str,
        target: str,
        *,
        who: str,
        role: str,
        override: str = "",
        base_revision: int | None = None,
    ) -> Article:
        """Move the article to ``target`` if the workflow lets ``role`` make that move now;
        record who, in which role, when, why and at which revision, in one transaction.

        Raises WorkflowError (not allowed, not this role's move, not one of the desk's
        editors, approval with failing checks and no reason, publishing text edited since
        its approval) and ConflictError (the article moved on since ``base_revision``:
        nobody approves text they have not seen). Approving or publishing again, after the
        text changed, is a decision of its own on the new revision. Publishing for the first
        time dates the article, which is a revision of its own.
        """
        who = _who(who, "a status change needs the name of who makes it")
        with self.tx.write() as db:
            article = self.get(ref)
            base = article.revision if base_revision is None else base_revision
            if article.revision != base:
                raise ConflictError(article.id, base, article.revision or 0)
            head = self._uid_of(db, article.revision)
            decided = self.decided(article.id)
            current = article.status
            again = (
                current == target
                and target in AGAIN
                and head != (decided.approved if target == "approved" else decided.published)
            )
            edited = decided.approved not in ("", head)
            if current == "approved" and target == "published" and edited:
                raise WorkflowError(
                    "the text was edited after it was approved; approve the changes first "
                    "(what is published is what was approved)"
                )
            blocking = [f.message for f in self.checks.blocking(article, target)]
            check_transition(
                current, target, role=role, blocking=blocking, override=override, again=again
            )
            stamp = now_iso()
            listed = self.editors_at(stamp)
            if editors_decision(current, target) and listed is not None and who not in listed:
                raise WorkflowError(
                    f"{who} is not one of the desk's editors ({', '.join(sorted(listed))}); "
                    "an editor's decision counts only from them"
                )
            changed = Changes(statuses=frozenset({article.id}))
            if target == "published" and not article.published:
                stored = self._stored(db, article.id)
                article.published = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                origin = f"status {current} → {target}"
                self._write(db, article, base, stored, author=who, origin=origin, stamp=stamp)
                head = self._uid_of(db, article.revision)
                changed = changed | Changes(articles=frozenset({article.id}))
            seq = self._set_status(db, article.id, target, stamp)
            reason = override.strip() if blocking else ""
            self._record_move(
                db,
                seq,
                current,
                target,
                who=who,
                role=role,
                at=stamp,
                override=reason,
                revision=head,
            )
            article.status, article.saved = target, stamp
            self.tx.record(changed)
        return article

    def decided(self, article_id: str) -> Settled:
        """What the article's record of moves comes to: its status, the revisions approved
        and published, and any move set aside (``workflow.settle``, under the desk's list of
        editors as it was at each move)."""
        return settle(self.moves(article_id), self.editors_at)

    def as_published(self, ref: str) -> Article:
        """The article as readers get it: for a published article, the revision that was
        published (a later edit reaches readers only through a new decision); otherwise
        the article as it stands."""
        article = self.get(ref)
        if article.status != "published":
            return article
        uid = self.decided(article.id).published
        revision_id = self.revision_ids(article.id).get(uid) if uid else None
        if revision_id is None or revision_id == article.revision:
            return article
        text = self.history.snapshot(revision_id)
        return replace(
            text,
            id=article.id,
            slug=article.slug,  # its address, as the desk settled it
            status=article.status,
            created=article.created,
            saved=article.saved,
            revision=revision_id,
        )

    # -- what comes from another store --------------------------------------------------------
    def receive(
        self,
        article_id: str,
        revisions: Iterable[Mapping[str, Any]],
        head: Article,
        *,
        origin: str,
    ) -> tuple[bool, dict[str, int]]:
        """Keep another store's revisions of ``article_id`` that this store lacks, oldest
        first, with their uid, time and author (the caller holds the transaction and checked
        each revision's content). A new article gets its row first, as a draft named after
        ``head`` until ``take`` fills it. Returns (created, {uid: revision row id}) and
        refuses a revision that belongs to another article of this store."""
        with self.tx.write() as db:
            created = not self.exists(article_id)
            if created:
                _validate(replace(head, id=article_id, status="draft"))
                self._rows.insert_arrival(
                    db,
                    article_id,
                    slug=self.free_slug(f"{head.slug}-{article_id[:8].lower()}", article_id),
                    title=head.title,
                    created=head.created or head.saved,
                    saved=head.saved,
                )
            known = self.revision_ids(article_id)
            for rev in revisions:
                if rev["uid"] in known:
                    continue
                owner = db.execute(
                    "SELECT a.id FROM revisions r JOIN articles a ON a.seq = r.article_seq"
                    " WHERE r.uid = ?",
                    [rev["uid"]],
                ).fetchone()
                if owner is not None:
                    raise InputError(
                        f"revision {rev['uid'][:8]} belongs to another article", field="revisions"
                    )
                known[rev["uid"]] = self._rows.insert_received(db, article_id, rev, known, origin)
        return created, known

    def take(
        self,
        article_id: str,
        uid: str,
        *,
        author: str,
        file: str | None = None,
        indexed: IndexedText | None = None,
    ) -> Article:
        """Make the received revision ``uid`` the article's head (theirs is ahead of ours):
        validated and its images checked like any write; the status stays the record's."""
        _who(author)
        with self.tx.write() as db:
            stored = self._stored(db, article_id)
            revision_id = self.revision_ids(article_id)[uid]
            head = self.history.snapshot(revision_id)
            head = replace(
                head,
                id=article_id,
                slug=self.free_slug(f"{head.slug}-{article_id[:8].lower()}", article_id),
                status=stored["status"],
                saved=now_iso(),
            )
            _validate(head, file=file)
            self._check_images(db, head)
            base = stored["revision"] or None
            self._rows.write(
                db, head, author, base=base, existing_revision=revision_id, indexed=indexed
            )
            self.tx.record(Changes(articles=frozenset({article_id})))
        return head

    def settle_address(self, article_id: str) -> list[str]:
        """The article's address (slug) settled desk-wide, the same way on every laptop:
        when two articles want the same slug (the one their text names), the one published
        first keeps it (else the one created first, else the smaller id) and the other's
        address is the slug followed by the start of its id. Once published, an article
        keeps its address unless an earlier publication had it. Returns what changed, as
        "new-slug (was old-slug: 'Title' has it)" lines for the user."""
        told: list[str] = []
        with self.tx.write() as db:
            row = self.row(article_id)
            wanted = self.history.snapshot(row["revision"]).slug if row["revision"] else ""
            if not wanted:
                return told
            holder = db.execute(
                "SELECT id FROM articles WHERE slug = ? AND id != ?", [wanted, article_id]
            ).fetchone()
            if holder is None:
                if row["slug"] != wanted:  # free (again): the article has the address it wants
                    self._rows.set_slug(db, article_id, wanted)
                    self.tx.record(Changes(articles=frozenset({article_id})))
                return told
            other = str(holder[0])
            keeper, loser = sorted((article_id, other), key=self._address_rank)
            if loser == other and self._wants(db, wanted, other) == wanted:
                # Both want it and the one holding it loses: the winner takes it over.
                moved = self.free_slug(f"{wanted}-{other[:8].lower()}", other)
                self._rows.set_slug(db, other, moved)
                told.append(f"{moved} (was {wanted}: '{row['title']}' has it)")
                self._rows.set_slug(db, article_id, wanted)
            elif loser == article_id:
                moved = self.free_slug(f"{wanted}-{article_id[:8].lower()}", article_id)
                if row["slug"] != moved:
                    self._rows.set_slug(db, article_id, moved)
                    holder_title = self.row(other)["title"]
                    told.append(f"{moved} (was {wanted}: '{holder_title}' has it)")
            if told:
                self.tx.record(Changes(articles=frozenset({article_id, other})))
        return told

    def _wants(self, db: Database, slug: str, article_id: str) -> str:
        """The slug the article's text names (``slug``, its row's, when it has none)."""
        row = db.execute("SELECT revision FROM articles WHERE id = ?", [article_id]).fetchone()
        return self.history.snapshot(row[0]).slug if row and row[0] else slug

    def _address_rank(self, article_id: str) -> tuple[int, str, str, str]:
        """Who keeps a wanted address: published first, then created first, then the id."""
        published = [m.at for m in self.decided(article_id).accepted if m.to_status == "published"]
        created = str(self.row(article_id)["created_at"])
        return (0, min(published), created, article_id) if published else (
            1, "", created, article_id,
        )  # fmt: skip

    def settle_status(self, article_id: str) -> Settled:
        """The article's status made what its record of moves (ours and those that came from
        other stores) comes to under the workflow: the same record, the same status, on
        every laptop. Moves the workflow does not justify are set aside and returned."""
        with self.tx.write() as db:
            settled = self.decided(article_id)
            stored = self._stored(db, article_id)
            if settled.status != stored["status"]:
                self._set_status(db, article_id, settled.status, now_iso())
                self.tx.record(Changes(statuses=frozenset({article_id})))
        return settled

    def put_in_review_by_the_desk(self, article_id: str, head_uid: str, at: str) -> None:
        """The desk's move of a draft into review (``workflow.DESK``): its uid is made from
        the article and the revision that claimed a status, so every laptop that meets the
        claim records the same move once."""
        import hashlib

        uid = hashlib.sha256(f"desk:{article_id}:{head_uid}".encode()).hexdigest()[:32]
        with self.tx.write() as db:
            seq = self._stored(db, article_id)["seq"]
            if db.execute("SELECT 1 FROM status_changes WHERE uid = ?", [uid]).fetchone():
                return
            db.execute(
                "INSERT INTO status_changes (uid, article_seq, from_status, to_status, who, role,"
                " at, override, revision) VALUES (?, ?, 'draft', 'in_review', ?, ?, ?, ?, ?)",
                [uid, seq, "(the desk)", DESK, at, "a status claimed without a decision", head_uid],
            )

    def settle_moved_since(self, at: str) -> dict[str, Settled]:
        """Settle again every article with a decision made at ``at`` or later (the desk's
        list of editors for that time changed); those whose status changed, by id."""
        rows = self.db.execute(
            "SELECT DISTINCT a.id FROM status_changes s JOIN articles a ON a.seq = s.article_seq"
            " WHERE s.at >= ?",
            [at],
        ).fetchall()
        moved: dict[str, Settled] = {}
        with self.tx.write():
            for (article_id,) in rows:
                before = self.get(article_id).status
                settled = self.settle_status(article_id)
                if settled.status != before:
                    moved[str(article_id)] = settled
        return moved

    def moves(self, article_id: str) -> list[Move]:
        return [
            Move(
                uid=r["uid"],
                from_status=r["from_status"],
                to_status=r["to_status"],
                who=r["who"],
                at=r["at"],
                role=r["role"],
                override=r["override"],
                revision=r["revision"],
            )
            for r in select(
                self.db,
                f"SELECT * FROM status_changes WHERE article_seq = {SEQ_OF_ID} ORDER BY at, uid",
                [article_id],
            )
        ]

    def revision_ids(self, article_id: str) -> dict[str, int]:
        """uid → revision row id of every revision of the article."""
        return {
            r[1]: r[0]
            for r in self.db.execute(
                f"SELECT id, uid FROM revisions WHERE article_seq = {SEQ_OF_ID}", [article_id]
            ).fetchall()
        }

    # -- the parts every write shares ---------------------------------------------------------
    def _write(
        self,
        db: Database,
        article: Article,
        base: int | None,
        stored: Mapping[str, Any],
        *,
        author: str,
        origin: str,
        seen: str | None = None,
        stamp: str | None = None,
        before: Article | None = None,
    ) -> None:
        article.saved = stamp or now_iso()
        if before is None and base is not None:
            before = self.history.snapshot(base)
        self._move_updated(article, before, stored["modified_at"])
        self._rows.write(db, article, author, base=base, origin=origin, previous=before)
        if seen is not None:
            self._rows.mark_seen(db, article.revision or 0, seen)

    def _stored(self, db: Database, article_id: str) -> dict[str, Any]:
        row = db.execute(
            "SELECT seq, revision, slug, status, published_at, modified_at FROM articles"
            " WHERE id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id '{article_id}' (was it deleted?)")
        names = ("seq", "revision", "slug", "status", "published_at", "modified_at")
        return dict(zip(names, row, strict=True))

    @staticmethod
    def _uid_of(db: Database, revision_id: int | None) -> str:
        row = db.execute("SELECT uid FROM revisions WHERE id = ?", [revision_id]).fetchone()
        return "" if row is None else str(row[0] or "")

    @staticmethod
    def _head_hash(db: Database, revision_id: int | None) -> str | None:
        row = db.execute("SELECT hash FROM revisions WHERE id = ?", [revision_id]).fetchone()
        return None if row is None else str(row[0])

    def _check_slug(self, db: Database, article: Article, stored: Mapping[str, Any]) -> None:
        if article.slug == stored["slug"]:
            return
        if any(m.to_status == "published" for m in self.decided(article.id).accepted):
            raise InputError(
                f"the slug '{stored['slug']}' is the article's address since it was published; "
                f"readers and search engines know it, so it cannot become '{article.slug}'",
                field="slug",
            )
        taken = db.execute(
            "SELECT id FROM articles WHERE slug = ? AND id != ?", [article.slug, article.id]
        ).fetchone()
        if taken is not None:
            raise InputError(
                f"slug '{article.slug}' is already used by article {taken[0]}", field="slug"
            )

    @staticmethod
    def _set_status(db: Database, article_id: str, status: str, stamp: str) -> int:
        row = db.execute(
            "UPDATE articles SET status = ?, updated_at = ? WHERE id = ? RETURNING seq",
            [status, stamp, article_id],
        ).fetchone()
        return int(row[0])

    @staticmethod
    def _record_move(
        db: Database,
        seq: int,
        from_status: str,
        to_status: str,
        *,
        who: str,
        role: str,
        at: str,
        override: str,
        revision: str = "",
    ) -> None:
        db.execute(
            "INSERT INTO status_changes (uid, article_seq, from_status, to_status, who, role, at,"
            " override, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [record_uid(), seq, from_status, to_status, who, role, at, override, revision],
        )

    @staticmethod
    def _move_updated(article: Article, before: Article | None, stored_updated: str) -> None:
        """``updated`` follows what readers see: a change of title, dek, body, figures,
        sources, related links or correction (against ``before``, the content at the base)
        moves it to now, unless the caller set it (an import's ``updated:``); a status or
        slug change never does."""
        if before is not None and article.reader_content() == before.reader_content():
            return
        if article.updated == stored_updated:
            article.updated = article.saved

    @staticmethod
    def _check_images(db: Database, article: Article) -> None:
        for n, figure in enumerate(article.figures, start=1):
            found = db.execute("SELECT 1 FROM images WHERE sha256 = ?", [figure.image]).fetchone()
            if found is None:
                raise InputError(
                    f"image {figure.image[:12]}… is not in the store (add it first)",
                    field=f"figures[{n}].image",
                )

    def free_slug(self, slug: str, article_id: str) -> str:
        candidate, n = slug, 1
        sql = "SELECT 1 FROM articles WHERE slug = ? AND id != ?"  # execute(): see exists()
        while self.db.execute(sql, [candidate, article_id]).fetchone() is not None:
            n += 1
            candidate = f"{slug}-{n}"
        return candidate


def _validate(article: Article, *, file: str | None = None) -> None:
    """``validate_article``, imported by the first write: it brings the slug rules and the CJK
    character classes (~7 ms of regular expressions) that a command which only reads never
    needs."""
    from app.core.validation import validate_article

    validate_article(article, file=file)


def _who(name: str, message: str = "a write needs the name of who makes it") -> str:
    """Every write records who made it: a name of blanks is no name."""
    if not name or not name.strip():
        raise InputError(message, field="who")
    return name.strip()
