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


@dataclass(frozen=True)
class BodyLine:
    """One body line outside code fences: its 1-based number and what it is."""

    number: int
    text: str
    kind: str  # "text", "figure", "open", "close", "inner"
    value: str = ""  # the figure key or the block kind


def scan_lines(body: str) -> Iterator[BodyLine]:
    """Classify each line; lines inside fenced code are skipped (they are shown as code)."""
    code_fence: str | None = None
    in_block = False
    for number, line in enumerate(body.replace("\r\n", "\n").split("\n"), start=1):
        fence = CODE_FENCE.match(line.strip())
        if code_fence:
            if (
                fence
                and fence.group(1)[0] == code_fence[0]
                and len(fence.group(1)) >= len(code_fence)
            ):
                code_fence = None
            continue
        if fence:
            code_fence = fence.group(1)
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
