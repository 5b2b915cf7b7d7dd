"""Review exchange between two stores: an article with its revisions, notes and status record.

Revisions are identified by a ``uid`` that travels with them, so importing tells apart:
- a new article (everything comes in);
- theirs is ahead of ours (we did not edit since): fast-forward to their head;
- ours is ahead or equal: their history is merged in, our text stays;
- both edited since the last exchange: their head is kept as a revision beside ours (never
  overwriting), the article keeps our text, and the app shows the difference.
Re-importing the same payload changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.core.errors import InputError, NotFoundError
from app.core.model import Article, canonical_json, content_hash
from app.store.store import Store

FORMAT = "galley-review/1"


@dataclass(frozen=True)
class ReviewImport:
    article_id: str
    outcome: str  # "created", "updated", "unchanged", "ours-newer", "diverged"
    their_revision: int | None = None  # local number of their head, when diverged

    def message(self, slug: str) -> str:
        return {
            "created": f"{slug}: new article with its history and notes",
            "updated": f"{slug}: brought up to their latest revision",
            "unchanged": f"{slug}: already up to date; nothing changed",
            "ours-newer": f"{slug}: ours is newer; their notes and history merged",
            "diverged": (
                f"{slug}: both sides edited; ours is kept and theirs is revision "
                f"{self.their_revision} (compare in History)"
            ),
        }[self.outcome]


def review_payload(store: Store, ref: str) -> dict[str, Any]:
    """Everything the review side needs beyond the web bundle, as JSON-ready data."""
    article_id = store.resolve(ref)
    by_id: dict[int, str] = {}
    revisions = []
    for r in store.db.query(
        "SELECT r.*, s.content FROM revisions r JOIN snapshots s ON s.hash = r.hash "
        "WHERE r.article_id = ? ORDER BY r.number",
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
    head = next(store.db.query("SELECT revision FROM articles WHERE id = ?", [article_id]))
    notes = [
        {k: r[k] for k in r if k != "article_id"}
        for r in store.db.query(
            "SELECT * FROM notes WHERE article_id = ? ORDER BY created_at, rowid", [article_id]
        )
    ]
    changes = [
        {k: r[k] for k in r if k != "article_id"}
        for r in store.db.query(
            "SELECT * FROM status_changes WHERE article_id = ? ORDER BY at, rowid", [article_id]
        )
    ]
    created = next(store.db.query("SELECT created_at FROM articles WHERE id = ?", [article_id]))
    return {
        "format": FORMAT,
        "article_id": article_id,
        "created": created["created_at"],
        "head": by_id[head["revision"]],
        "revisions": revisions,
        "notes": notes,
        "status_changes": changes,
    }


def incoming(store: Store, ref: str) -> list[int]:
    """Numbers of revisions that came from another store and that our text has not seen:
    the other side's versions after both sides edited. Empty when nothing waits."""
    article = store.get_article(ref)
    seen = local_ancestors(store.db.conn, article.revision)
    rows = store.db.query(
        "SELECT r.number, r.uid FROM revisions r WHERE r.article_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM revisions c WHERE c.parent = r.id OR c.merged = r.uid) ORDER BY r.number",
        [article.id],
    )
    return [r["number"] for r in rows if r["uid"] not in seen]


def images_of(payload: dict[str, Any]) -> set[str]:
    """Every image any revision uses (old revisions may use images the current one does not)."""
    return {f["image"] for r in payload["revisions"] for f in r["content"].get("figures", [])}


def _validate(payload: Any, file: str) -> None:
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise InputError(f"is not a Galley review file (expected format '{FORMAT}')", file=file)
    uids = [r.get("uid") for r in payload.get("revisions", []) if isinstance(r, dict)]
    if not uids or len(set(uids)) != len(uids) or payload.get("head") not in uids:
        raise InputError("its revision list is damaged (head or ids missing)", file=file)
    for n, rev in enumerate(payload["revisions"], start=1):
        try:
            Article.from_dict({**rev["content"], "id": payload["article_id"], "slug": "x"})
        except (KeyError, TypeError) as exc:
            raise InputError(f"revision {n} cannot be read ({exc})", file=file) from None


def _known_uids(store: Store, article_id: str) -> dict[str, int]:
    return {
        r["uid"]: r["id"]
        for r in store.db.query("SELECT id, uid FROM revisions WHERE article_id = ?", [article_id])
    }


def _article_at(payload: dict[str, Any], uid: str) -> Article:
    rev = next(r for r in payload["revisions"] if r["uid"] == uid)
    article = Article.from_dict(rev["content"])
    article.id = payload["article_id"]
    article.updated = rev["created"]
    article.created = payload.get("created", "")
    return article


def apply_review(
    store: Store, payload: dict[str, Any], *, file: str = "review.json"
) -> ReviewImport:
    """Merge a review payload into the store (images must already be in it)."""
    _validate(payload, file)
    article_id = payload["article_id"]
    for sha in images_of(payload):
        try:
            store.get_image(sha)
        except NotFoundError:
            raise InputError(f"image {sha[:12]}… is missing from the bundle", file=file) from None
    try:
        local_head_id: int | None = store.get_article(article_id).revision
    except NotFoundError:
        local_head_id = None
    with store.write() as db:
        if local_head_id is None:
            head = _article_at(payload, payload["head"])
            db.execute(
                "INSERT INTO articles (id, slug, title, created_at, updated_at, revision) "
                "VALUES (?, ?, ?, ?, ?, 0)",
                [
                    article_id,
                    store._free_slug(head.slug, article_id),
                    head.title,
                    head.created or head.updated,
                    head.updated,
                ],
            )
        added = _add_revisions(db, article_id, payload, _known_uids(store, article_id))
        known = _known_uids(store, article_id)
        local_head_uid = next((u for u, i in known.items() if i == local_head_id), None)
        theirs = payload["head"]
        their_chain = _ancestors(payload, theirs)
        if local_head_id is None:
            outcome = "created"
        elif local_head_uid == theirs or theirs in local_ancestors(db, local_head_id):
            outcome = "ours-newer" if local_head_uid != theirs else "unchanged"
        elif local_head_uid in their_chain:
            outcome = "updated"
        else:
            outcome = "diverged"
        if outcome in ("created", "updated"):
            head = _article_at(payload, theirs)
            head.slug = store._free_slug(head.slug, article_id)
            store._write_content(db, head, "", base=local_head_id, existing_revision=known[theirs])
        changed = _merge_records(db, article_id, payload)
        if outcome == "unchanged" and (added or changed):
            outcome = "ours-newer"  # only notes or history came in
    number = None
    if outcome == "diverged":
        number = next(store.db.query("SELECT number FROM revisions WHERE uid = ?", [theirs]))[
            "number"
        ]
    return ReviewImport(article_id, outcome, number)


def _ancestors(payload: dict[str, Any], uid: str) -> set[str]:
    """The revision and everything it descends from, through parents and merges."""
    parents = {r["uid"]: (r["parent"], r.get("merged")) for r in payload["revisions"]}
    out: set[str] = set()
    todo = [uid]
    while todo:
        current = todo.pop()
        if current is None or current in out:
            continue
        out.add(current)
        todo += list(parents.get(current, (None, None)))
    return out


def local_ancestors(db: Any, revision_id: int) -> set[str]:
    """Uids of the revision and everything it descends from, through parents and merges."""
    rows = db.execute(
        "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT p.id FROM revisions r JOIN up "
        "ON r.id = up.id JOIN revisions p ON p.id = r.parent OR p.uid = r.merged) "
        "SELECT uid FROM revisions WHERE id IN (SELECT id FROM up)",
        [revision_id],
    ).fetchall()
    return {r[0] for r in rows}


def _add_revisions(db: Any, article_id: str, payload: dict[str, Any], known: dict[str, int]) -> int:
    """Insert their revisions we do not have, oldest first, keeping uid, time and author."""
    added = 0
    for rev in payload["revisions"]:
        if rev["uid"] in known:
            continue
        content = rev["content"]
        text = canonical_json(content)
        digest = content_hash(content)
        db.execute("INSERT OR IGNORE INTO snapshots (hash, content) VALUES (?, ?)", [digest, text])
        number = db.execute(
            "SELECT coalesce(max(number), 0) + 1 FROM revisions WHERE article_id = ?", [article_id]
        ).fetchone()[0]
        cursor = db.execute(
            "INSERT INTO revisions (article_id, number, parent, hash, created_at, author, size,"
            " uid, origin, merged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article_id,
                number,
                known.get(rev["parent"]) if rev["parent"] else None,
                digest,
                rev["created"],
                rev["author"],
                len(content.get("body", "")),
                rev["uid"],
                rev["origin"] or "review bundle",
                rev.get("merged"),
            ],
        )
        known[rev["uid"]] = cursor.lastrowid
        added += 1
    return added


def _merge_records(db: Any, article_id: str, payload: dict[str, Any]) -> int:
    """Union of notes (the newer edit of a note wins) and of status changes."""
    changed = 0
    for note in payload.get("notes", []):
        row = db.execute("SELECT updated_at FROM notes WHERE uid = ?", [note["uid"]]).fetchone()
        if row is not None and row[0] >= note["updated_at"]:
            continue
        db.execute(
            "INSERT INTO notes (uid, article_id, parent_uid, anchor_text, anchor_index, body,"
            " author, created_at, updated_at, resolved_at, resolved_by) VALUES"
            " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET"
            " body = excluded.body, updated_at = excluded.updated_at,"
            " resolved_at = excluded.resolved_at, resolved_by = excluded.resolved_by",
            [
                note["uid"],
                article_id,
                note.get("parent_uid"),
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
    for change in payload.get("status_changes", []):
        cursor = db.execute(
            "INSERT OR IGNORE INTO status_changes (uid, article_id, from_status, to_status, who,"
            " at, override) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                change["uid"],
                article_id,
                change["from_status"],
                change["to_status"],
                change["who"],
                change["at"],
                change.get("override", ""),
            ],
        )
        changed += cursor.rowcount
    return changed
