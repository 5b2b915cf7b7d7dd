"""The review commands of ``galley``: check, status, notes, history, diff, restore."""

from __future__ import annotations

import argparse
import getpass
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.store.store import Store

# Prints JSON-ready data (``galley … --json``).
Output = Callable[[Any], None]


def default_user() -> str:
    return os.environ.get("GALLEY_USER") or getpass.getuser()


def default_role() -> str:
    """The role status moves are made in: ``--role``, else ``$GALLEY_ROLE``, else a
    reporter's (approving and publishing are an editor's, and say so)."""
    return os.environ.get("GALLEY_ROLE") or "reporter"


ROLE_HELP = "reporter, editor or web_producer (default: $GALLEY_ROLE, else reporter)"


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("check", help="pre-publication checks; exit 1 when any error is found")
    p.add_argument("ref", metavar="ID")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("status", help="show the status record, or move the article on")
    p.add_argument("ref", metavar="ID")
    p.add_argument("target", nargs="?", metavar="STATUS", help="draft, in_review, approved, …")
    p.add_argument("--by", default=None, help="who makes the change (default: $GALLEY_USER)")
    p.add_argument("--role", default=None, help=ROLE_HELP)
    p.add_argument("--override", default="", metavar="REASON", help="approve despite errors")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("note", help="add a review note (on the article or a paragraph)")
    p.add_argument("ref", metavar="ID")
    p.add_argument("text")
    p.add_argument("--line", type=int, help="anchor to the paragraph at this body line")
    p.add_argument("--reply", metavar="NOTE", help="reply to this note")
    p.add_argument("--by", default=None)

    p = sub.add_parser("notes", help="list an article's review notes")
    p.add_argument("ref", metavar="ID")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("resolve", help="resolve a note (or --reopen it)")
    p.add_argument("note", metavar="NOTE")
    p.add_argument("--reopen", action="store_true")
    p.add_argument("--by", default=None)

    p = sub.add_parser("history", help="an article's revisions")
    p.add_argument("ref", metavar="ID")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("diff", help="differences between two revisions")
    p.add_argument("ref", metavar="ID")
    p.add_argument("old", type=int)
    p.add_argument("new", type=int)

    p = sub.add_parser(
        "restore",
        help="restore ID N: make revision N current again; restore FILE: restore a backup",
    )
    p.add_argument("ref", metavar="ID|FILE")
    p.add_argument("number", type=int, nargs="?", metavar="N")
    p.add_argument("--by", default=None)


def cmd_check(store: Store, args: argparse.Namespace, out: Output) -> int:
    from app.core.checks import errors

    findings = store.review.check(store.get_article(args.ref))
    if args.json:
        out([f.to_dict() for f in findings])
    else:
        for f in findings:
            print(f"{f.severity:<8} {f.field or '-':<8} {f.message}")
        if not findings:
            print("no problems found")
    return 1 if errors(findings) else 0


def cmd_status(store: Store, args: argparse.Namespace, out: Output) -> int:

    if args.target:
        article = store.review.change_status(
            args.ref,
            args.target,
            who=args.by or default_user(),
            role=args.role or default_role(),
            override=args.override,
        )
        print(f"{article.slug}: {article.status}")
        return 0
    changes = store.review.status_history(args.ref)
    if args.json:
        out([c.__dict__ for c in changes])
        return 0
    article_id = store.resolve(args.ref)
    print(f"now: {store.get_article(article_id).status}")
    aside = {m.uid: why for m, why in store.articles.decided(article_id).set_aside}
    for c in changes:
        why = f"  override: {c.override}" if c.override else ""
        role = f" ({c.role.replace('_', ' ')})" if c.role else ""
        if c.uid in aside:  # made apart from a decision that stands: named, never hidden
            why += f"  SET ASIDE: {aside[c.uid]}"
        print(f"{c.at[:16]}  {c.from_status or '(new)'} → {c.to_status}  by {c.who}{role}{why}")
    return 0


def cmd_note(store: Store, args: argparse.Namespace, out: Output) -> int:

    note = store.review.add_note(
        args.ref,
        args.text,
        author=args.by or default_user(),
        line=args.line,
        reply_to=args.reply,
    )
    print(note.uid)
    return 0


def cmd_notes(store: Store, args: argparse.Namespace, out: Output) -> int:

    found = store.review.notes(args.ref)
    if args.json:
        out([n.to_dict() for n in found])
        return 0
    for n in found:
        where = (
            f"line {n.paragraph.first_line}"
            if n.paragraph
            else ("detached" if n.detached else "article")
        )
        state = "resolved" if n.resolved else "open"
        indent = "    " if n.parent_uid else ""
        print(f"{indent}{n.uid[:8]}  {state:<8} {where:<9} {n.author}: {n.body}")
    return 0


def cmd_resolve(store: Store, args: argparse.Namespace, out: Output) -> int:
    uid = store.review.find_note(args.note)
    store.review.set_resolved(uid, who=args.by or default_user(), resolved=not args.reopen)
    return 0


def cmd_history(store: Store, args: argparse.Namespace, out: Output) -> int:
    revisions = store.revisions(args.ref)
    if args.json:
        out([r.__dict__ for r in revisions])
        return 0
    # Revisions and status decisions in the order they were made: a status is not a
    # revision of the text, but an editor reads both as one story.
    lines: list[tuple[str, str]] = []
    for r in revisions:
        origin = f"  ({r.origin})" if r.origin else ""
        who = r.author or "-"
        lines.append(
            (r.created, f"{r.number:>4}  {r.created[:19]}  {who:<12} {r.size:>7,} chars{origin}")
        )
    for c in store.review.status_history(args.ref):
        role = f" ({c.role.replace('_', ' ')})" if c.role else ""
        why = f": {c.override}" if c.override else ""
        lines.append(
            (
                c.at,
                f"      {c.at[:19]}  {c.who or '-':<12} status {c.from_status or '(new)'} → "
                f"{c.to_status}{role}{why}",
            )
        )
    for _at, line in sorted(lines, key=lambda item: item[0]):
        print(line)
    return 0


def cmd_diff(store: Store, args: argparse.Namespace, out: Output) -> int:

    found = store.review.diff(args.ref, args.old, args.new)
    if found.fields:
        print("fields changed: " + ", ".join(found.fields))
    for chunk in found.body:
        if chunk.op == "equal":
            print(chunk.text, end="")
        elif chunk.op == "insert":
            print(f"{{+{chunk.text}+}}", end="")
        else:
            print(f"[-{chunk.text}-]", end="")
    print()
    return 0


def cmd_restore(store: Store, args: argparse.Namespace, out: Output) -> int:

    article = store.review.restore_revision(args.ref, args.number, who=args.by or default_user())
    print(f"{article.slug}: revision {args.number} restored")
    return 0


COMMANDS = {
    "check": cmd_check,
    "status": cmd_status,
    "note": cmd_note,
    "notes": cmd_notes,
    "resolve": cmd_resolve,
    "history": cmd_history,
    "diff": cmd_diff,
    "restore": cmd_restore,
}
