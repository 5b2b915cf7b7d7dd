"""Review notes anchored to a paragraph, and finding that paragraph again after edits.

A note keeps the paragraph's text and its index when it was written. After edits the anchor
is the paragraph with the same text; else the most similar one (at least half alike),
nearest the old index; else the note is detached (shown on the article, never lost).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

MIN_SIMILARITY = 0.5


@dataclass(frozen=True)
class Paragraph:
    index: int
    first_line: int  # 1-based body line
    text: str


def paragraphs(body: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    lines = body.replace("\r\n", "\n").split("\n")
    start, block = None, []
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            if start is None:
                start = number
            block.append(line)
        elif start is not None:
            out.append(Paragraph(len(out), start, "\n".join(block)))
            start, block = None, []
    return out


def paragraph_at_line(body: str, line: int) -> Paragraph | None:
    """The paragraph holding body line ``line`` (or the next one after a blank line)."""
    for p in paragraphs(body):
        if line < p.first_line + p.text.count("\n") + 1:
            return p
    return None


def locate(body: str, anchor_text: str, anchor_index: int) -> Paragraph | None:
    """Where a note anchored at (``anchor_text``, ``anchor_index``) belongs now."""
    found = paragraphs(body)
    exact = [p for p in found if p.text == anchor_text]
    if exact:
        return min(exact, key=lambda p: abs(p.index - anchor_index))
    best, best_score = None, MIN_SIMILARITY
    for p in found:
        matcher = difflib.SequenceMatcher(None, anchor_text, p.text, autojunk=False)
        if matcher.real_quick_ratio() < best_score or matcher.quick_ratio() < best_score:
            continue
        score = matcher.ratio()
        if score > best_score or (
            best is not None
            and score == best_score
            and abs(p.index - anchor_index) < abs(best.index - anchor_index)
        ):
            best, best_score = p, score
    return best
