"""Three-way merge of an article two people edited apart, from the version both started at.

The body merges by paragraph (blank-line separated, the unit editors work in); every other
field merges whole. A part only one side changed takes that side; a part both changed the
same way takes it once; a part both changed differently is a conflict, and then nothing is
merged: the caller keeps both versions for a person to compare (never a guess, never
conflict markers in a story).
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher
from typing import Any

from app.core.model import Article
from app.core.values import instant

# What a merge never decides: the workflow moves status and publication; an id is an id.
KEPT_FROM_OURS = ("id", "status", "published")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


def paragraphs(body: str) -> list[str]:
    return [p for p in _PARAGRAPH_BREAK.split(body.strip("\n")) if p.strip()] if body else []


def merge_lists(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any] | None:
    """diff3 over two edits of ``base``: None when both changed the same stretch differently.

    Stretches between the items both sides kept unchanged (sync points) are merged one by
    one, so edits at different places in the list never touch each other.
    """
    ours_at = _kept(base, ours)
    theirs_at = _kept(base, theirs)
    sync = [i for i in range(len(base)) if i in ours_at and i in theirs_at]
    merged: list[Any] = []
    prev_base, prev_ours, prev_theirs = -1, -1, -1
    for i in [*sync, len(base)]:
        next_ours = ours_at[i] if i < len(base) else len(ours)
        next_theirs = theirs_at[i] if i < len(base) else len(theirs)
        b = base[prev_base + 1 : i]
        o = ours[prev_ours + 1 : next_ours]
        t = theirs[prev_theirs + 1 : next_theirs]
        if o == b:
            merged += t
        elif t == b or o == t:
            merged += o
        else:
            return None
        if i < len(base):
            merged.append(base[i])
        prev_base, prev_ours, prev_theirs = i, next_ours, next_theirs
    return merged


def _kept(base: list[Any], other: list[Any]) -> dict[int, int]:
    """base index -> index in ``other`` of every base item the other side left in place."""
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    kept: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            kept[block.a + k] = block.b + k
    return kept


def merge_articles(base: Article, ours: Article, theirs: Article) -> Article | None:
    """Ours and theirs merged from ``base``, or None when they conflict anywhere."""
    merged = replace(ours)
    mine, other, start = ours.content(), theirs.content(), base.content()
    for name in set(mine) | set(other) | set(start):
        if name in KEPT_FROM_OURS or name in ("body", "updated"):
            continue
        a, b, o = start.get(name), mine.get(name), other.get(name)
        if b == o or o == a:
            continue  # ours already has it
        if b != a:
            return None  # both changed this field, differently
        setattr(merged, name, getattr(theirs, name))
    body = merge_lists(paragraphs(base.body), paragraphs(ours.body), paragraphs(theirs.body))
    if body is None:
        return None
    merged.body = "\n\n".join(body) + ("\n" if ours.body.endswith("\n") else "")
    moments = {instant(ours.updated): ours.updated, instant(theirs.updated): theirs.updated}
    merged.updated = moments[max(m for m in moments if m is not None)] if any(moments) else ""
    return merged
