"""Differences between two texts: per character in Chinese, per word elsewhere.

Chinese has no spaces between words, so a word diff would mark whole sentences as changed;
a character diff shows the two characters an editor actually changed.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass

from app.core.text import CJK_CLASS

# One Chinese character, or a run of letters/digits, or a run of spaces, or one other mark.
_TOKEN = re.compile(rf"[{CJK_CLASS}]|[^\W_]+(?:['’][^\W_]+)*|\s+|.", re.UNICODE | re.DOTALL)


@dataclass(frozen=True)
class Chunk:
    op: str  # "equal", "insert", "delete"
    text: str


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def diff_text(old: str, new: str) -> list[Chunk]:
    """The chunks that turn ``old`` into ``new`` (a replacement is a delete then an insert)."""
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    chunks: list[Chunk] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            chunks.append(Chunk("equal", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            chunks.append(Chunk("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            chunks.append(Chunk("insert", "".join(b[j1:j2])))
    return chunks


def diff_stats(chunks: list[Chunk]) -> tuple[int, int]:
    """(characters inserted, characters deleted)."""
    inserted = sum(len(c.text) for c in chunks if c.op == "insert")
    deleted = sum(len(c.text) for c in chunks if c.op == "delete")
    return inserted, deleted


def diff_html(chunks: list[Chunk], *, context: int | None = 200) -> str:
    """Escaped HTML with ``<ins>``/``<del>``; long unchanged stretches are shortened."""
    out = []
    for n, chunk in enumerate(chunks):
        text = chunk.text
        if chunk.op == "equal":
            if context is not None and len(text) > 2 * context:
                head = text[:context] if n > 0 else ""
                tail = text[-context:] if n < len(chunks) - 1 else ""
                text = f"{head} … {tail}" if head or tail else text[:context]
            out.append(html.escape(text).replace("\n", "<br>"))
        else:
            tag = "ins" if chunk.op == "insert" else "del"
            body = html.escape(text).replace("\n", "¶<br>")
            out.append(f'<{tag} class="{tag}">{body}</{tag}>')
    return "".join(out)


def field_changes(old: dict[str, object], new: dict[str, object]) -> list[str]:
    """Names of the content fields that differ between two revisions (besides the body)."""
    return sorted(k for k in set(old) | set(new) if k != "body" and old.get(k) != new.get(k))
