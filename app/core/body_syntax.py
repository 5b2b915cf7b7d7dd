"""The body's own syntax, shared by the renderer (app.publish) and the checks (app.core)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

FIGURE_LINE = re.compile(r"^!\[\[([^\]]*)\]\]\s*$")
BLOCK_OPEN = re.compile(r"^:::\s*(\S.*?)\s*$")
BLOCK_CLOSE = re.compile(r"^:::\s*$")
CODE_FENCE = re.compile(r"^(`{3,}|~{3,})")
BLOCK_KINDS = ("further-reading",)
ARTICLE_LINK = re.compile(r"\]\(\s*article:([^)\s]+)\s*\)")


class CodeFences:
    """Tracks fenced code (``` or ~~~) line by line: inside it our syntax means nothing."""

    def __init__(self) -> None:
        self.open: str | None = None

    def step(self, line: str) -> bool:
        """True when ``line`` opens, closes or sits inside a code fence."""
        fence = CODE_FENCE.match(line.strip())
        if self.open:
            marker = fence.group(1) if fence else ""
            if marker[:1] == self.open[0] and len(marker) >= len(self.open):
                self.open = None
            return True
        if fence:
            self.open = fence.group(1)
            return True
        return False


@dataclass(frozen=True)
class BodyLine:
    """One body line outside code fences: its 1-based number and what it is."""

    number: int
    text: str
    kind: str  # "text", "figure", "open", "close", "inner"
    value: str = ""  # the figure key or the block kind


def scan_lines(body: str) -> Iterator[BodyLine]:
    """Classify each line; lines inside fenced code are skipped (they are shown as code)."""
    fences = CodeFences()
    in_block = False
    for number, line in enumerate(body.replace("\r\n", "\n").split("\n"), start=1):
        if fences.step(line):
            continue
        if m := FIGURE_LINE.match(line):
            yield BodyLine(number, line, "figure", m.group(1).strip())
        elif BLOCK_CLOSE.match(line):
            in_block = False
            yield BodyLine(number, line, "close")
        elif m := BLOCK_OPEN.match(line):
            in_block = True
            yield BodyLine(number, line, "open", m.group(1))
        else:
            yield BodyLine(number, line, "inner" if in_block else "text")
