"""Differences between two texts: per character in Chinese, per word elsewhere.

Chinese has no spaces between words, so a word diff would mark whole sentences as changed;
a character diff shows the two characters an editor actually changed.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from typing import Any

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


@dataclass(frozen=True)
class ParagraphPair:
    """One row of a side-by-side diff: the old paragraph and the new one ("" when added or
    removed), and how they differ ("equal", "changed", "added", "removed")."""

    kind: str
    old: str
    new: str

    def chunks(self) -> list[Chunk]:
        return diff_text(self.old, self.new)


def paragraphs(body: str) -> list[str]:
    """A body's paragraphs (blocks between blank lines), as written."""
    return [p.strip("\n") for p in re.split(r"\n\s*\n", body.replace("\r\n", "\n")) if p.strip()]


def paragraph_diff(old: str, new: str) -> list[ParagraphPair]:
    """The two bodies paragraph by paragraph, side by side: unchanged paragraphs pair with
    themselves, an edited one with what it became (by likeness), the rest are added or
    removed. What an editor reads to see what changed since they last looked."""
    a, b = paragraphs(old), paragraphs(new)
    rows: list[ParagraphPair] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows.extend(ParagraphPair("equal", p, p) for p in a[i1:i2])
            continue
        olds, news = a[i1:i2], b[j1:j2]
        # Pair an old paragraph with the new one most like it, in order; unpaired ones are
        # removed or added where they stand.
        j = 0
        for old_p in olds:
            best, best_ratio = None, 0.6
            for k in range(j, len(news)):
                ratio = difflib.SequenceMatcher(None, old_p, news[k], autojunk=False).ratio()
                if ratio > best_ratio:
                    best, best_ratio = k, ratio
            if best is None:
                rows.append(ParagraphPair("removed", old_p, ""))
                continue
            rows.extend(ParagraphPair("added", "", p) for p in news[j:best])
            rows.append(ParagraphPair("changed", old_p, news[best]))
            j = best + 1
        rows.extend(ParagraphPair("added", "", p) for p in news[j:])
    return rows


@dataclass(frozen=True)
class PartChange:
    """A figure, source or related link added, removed or changed between two revisions.
    ``part``: "figures", "sources" or "related"; ``kind``: "added", "removed", "changed";
    ``name``: what a person calls it (the figure's key, the source's headline, the link's
    title or address); ``fields``: for a change, which of its fields changed."""

    part: str
    kind: str
    name: str
    fields: tuple[str, ...] = ()


def part_changes(old: dict[str, object], new: dict[str, object]) -> list[PartChange]:
    """What changed in the figures, sources and related links between two revisions'
    ``Article.content()``; entries are matched by key (figures), URL or headline (sources)
    and article or URL (related)."""

    def key_of(part: str, d: dict[str, Any]) -> str:
        if part == "figures":
            return str(d.get("key", ""))
        if part == "sources":
            return str(d.get("url") or d.get("title", ""))
        return str(d.get("article_id") or d.get("url", ""))

    def name_of(part: str, d: dict[str, Any]) -> str:
        if part == "figures":
            return str(d.get("key", ""))
        if part == "sources":
            return str(d.get("title") or d.get("url", ""))
        return str(d.get("title") or d.get("article_id") or d.get("url", ""))

    def entries(article: dict[str, object], part: str) -> list[dict[str, Any]]:
        value = article.get(part)
        return [d for d in value if isinstance(d, dict)] if isinstance(value, list) else []

    found: list[PartChange] = []
    for part in ("figures", "sources", "related"):
        before, after = entries(old, part), entries(new, part)
        by_old = {key_of(part, d): d for d in before}
        by_new = {key_of(part, d): d for d in after}
        for key, d in by_old.items():
            if key not in by_new:
                found.append(PartChange(part, "removed", name_of(part, d)))
        for key, d in by_new.items():
            if key not in by_old:
                found.append(PartChange(part, "added", name_of(part, d)))
            elif by_old[key] != d:
                fields = tuple(
                    sorted(f for f in set(d) | set(by_old[key]) if d.get(f) != by_old[key].get(f))
                )
                found.append(PartChange(part, "changed", name_of(part, d), fields))
        if [key_of(part, d) for d in before if key_of(part, d) in by_new] != [
            key_of(part, d) for d in after if key_of(part, d) in by_old
        ]:
            found.append(PartChange(part, "reordered", ""))
    return found
