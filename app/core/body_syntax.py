"""The body's own syntax, shared by the renderer (app.publish) and the checks (app.core)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
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


# A Markdown image, inline (``![alt](src)``) or by reference (``![alt][ref]``): bodies place
# images only as figures (``![[KEY]]``), whose pictures are cleaned and credited.
MARKDOWN_IMAGE = re.compile(r"!\[(?!\[)[^\]]*\]\s*[(\[]")
INLINE_CODE = re.compile(r"(`+).+?\1")


@dataclass(frozen=True)
class SyntaxProblem:
    """A body line the page cannot be built from: the import refuses it, the editor marks it."""

    line: int
    code: str
    message: str
    value: str = ""


def syntax_problems(
    body: str, figure_keys: set[str], article_exists: Callable[[str], bool] | None = None
) -> list[SyntaxProblem]:
    """Every problem that would stop the page from being rendered, by line."""
    out: list[SyntaxProblem] = []
    open_block: BodyLine | None = None
    for line in scan_lines(body):
        if line.kind == "figure" and line.value not in figure_keys:
            out.append(
                SyntaxProblem(
                    line.number,
                    "figure-undefined",
                    f"figure '{line.value}' is placed here but not defined",
                    line.value,
                )
            )
        elif line.kind == "close" and open_block is None:
            out.append(
                SyntaxProblem(line.number, "block-stray", "':::' closes a block never opened")
            )
        elif line.kind == "open":
            if open_block is not None:
                out.append(_unclosed(open_block))
            open_block = line
            if line.value not in BLOCK_KINDS:
                out.append(
                    SyntaxProblem(
                        line.number,
                        "block-unknown",
                        f"unknown block '::: {line.value}' (known: {', '.join(BLOCK_KINDS)})",
                        line.value,
                    )
                )
        elif line.kind == "close":
            open_block = None
        if line.kind in ("text", "inner"):
            text = INLINE_CODE.sub("", line.text)
            if MARKDOWN_IMAGE.search(text):
                out.append(
                    SyntaxProblem(
                        line.number,
                        "markdown-image",
                        "an image in the body: place images as figures with ![[KEY]]",
                    )
                )
            if article_exists is not None:
                for m in ARTICLE_LINK.finditer(text):
                    if not article_exists(m.group(1)):
                        out.append(
                            SyntaxProblem(
                                line.number,
                                "link-missing",
                                f"link to 'article:{m.group(1)}': no such article in the store",
                                m.group(1),
                            )
                        )
    if open_block is not None:
        out.append(_unclosed(open_block))
    return sorted(out, key=lambda p: p.line)


def _unclosed(block: BodyLine) -> SyntaxProblem:
    return SyntaxProblem(
        block.number, "block-unclosed", f"'::: {block.value}' is never closed with ':::'"
    )
