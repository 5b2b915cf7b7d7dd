"""The article body: Markdown with our two block forms, resolved links and a sanitiser.

- ``![[KEY]]`` on a line of its own places figure KEY.
- ``::: further-reading`` … ``:::`` fences a further-reading block (延伸閱讀); left empty, it is
  filled with the article's further-reading links.
- ``[text](article:SLUG-or-ID)`` links another article in the store, resolved on render.

Blocks are cut out of the source line by line before Markdown runs (so errors carry exact line
numbers), replaced by unguessable placeholder paragraphs, and put back as trusted HTML after
the Markdown output has been sanitised.
"""

from __future__ import annotations

import re
import secrets
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor

from app.core.body_syntax import BLOCK_CLOSE, BLOCK_KINDS, BLOCK_OPEN, FIGURE_LINE, CodeFences
from app.core.errors import InputError
from app.publish.sanitize import clean_body_html

# Classes, not names: Python-Markdown looks a name up among every installed package's entry
# points first, and that scan (importlib.metadata) cost the first render of each process 20 ms.
EXTENSIONS = (TableExtension, FootnoteExtension, FencedCodeExtension, SaneListExtension)


@dataclass
class BodyContext:
    """What the body needs from the page: figures, links and how to draw blocks."""

    figure_keys: set[str]
    resolve_article: Callable[[str], str | None]
    figure_html: Callable[[str], str] = lambda key: ""
    further_html: Callable[[str], str] = lambda inner: inner
    further_links_html: Callable[[], str] = lambda: ""
    line_offset: int = 0  # body line 1 is this line of the file + 1


@dataclass
class _Blocks:
    nonce: str = field(default_factory=lambda: secrets.token_hex(8))
    items: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, payload, line)

    def token(self, kind: str, payload: str, line: int) -> str:
        self.items.append((kind, payload, line))
        return f"GALLEYBLOCK{self.nonce}N{len(self.items) - 1}E"


def _error(message: str, line: int, ctx: BodyContext) -> InputError:
    return InputError(message, field="body", line=line + ctx.line_offset)


def extract_blocks(body: str, ctx: BodyContext) -> tuple[str, _Blocks]:
    """Replace figure lines and fenced blocks by placeholders; check them as we go."""
    blocks = _Blocks()
    lines = body.replace("\r\n", "\n").split("\n")
    out: list[str] = []
    fences = CodeFences()
    i = 0
    while i < len(lines):
        line, number = lines[i], i + 1
        if fences.step(line):
            out.append(line)
        elif m := FIGURE_LINE.match(line):
            key = m.group(1).strip()
            if key not in ctx.figure_keys:
                raise _error(f"figure '{key}' is placed here but not defined", number, ctx)
            out += ["", blocks.token("figure", key, number), ""]
        elif BLOCK_CLOSE.match(line):
            raise _error("':::' closes a block that was never opened", number, ctx)
        elif m := BLOCK_OPEN.match(line):
            kind = m.group(1)
            if kind not in BLOCK_KINDS:
                raise _error(
                    f"unknown block '::: {kind}' (known: {', '.join(BLOCK_KINDS)})", number, ctx
                )
            end = next((j for j in range(i + 1, len(lines)) if BLOCK_CLOSE.match(lines[j])), None)
            if end is None:
                raise _error(f"'::: {kind}' is never closed with ':::'", number, ctx)
            inner = "\n".join(lines[i + 1 : end])
            out += ["", blocks.token(kind, inner, number), ""]
            i = end
        else:
            out.append(line)
        i += 1
    return "\n".join(out), blocks


class _TreeFixes(Treeprocessor):  # type: ignore[misc]  # Markdown ships no types
    """Resolve ``article:`` links, keep the page's only h1 the title, map table alignment."""

    def __init__(self, md: markdown.Markdown, source: str, ctx: BodyContext) -> None:
        super().__init__(md)
        self.source = source
        self.ctx = ctx

    def _line_of(self, needle: str) -> int:
        for n, line in enumerate(self.source.split("\n"), start=1):
            if needle in line:
                return n
        return 1

    def run(self, root: ET.Element) -> None:
        for el in root.iter():
            if el.tag == "h1":
                el.tag = "h2"
            elif el.tag == "img":
                src = el.get("src", "")
                raise _error(
                    f"image '{src}' in the body: place images as figures with ![[KEY]]",
                    self._line_of(src or "!["),
                    self.ctx,
                )
            elif el.tag == "a" and el.get("href", "").startswith("article:"):
                ref = el.get("href", "")[len("article:") :]
                url = self.ctx.resolve_article(ref)
                if url is None:
                    raise _error(
                        f"link to 'article:{ref}': no such article in the store",
                        self._line_of(f"article:{ref}"),
                        self.ctx,
                    )
                el.set("href", url)
            elif el.tag in ("th", "td"):
                style = el.attrib.pop("style", "")
                if m := re.search(r"text-align:\s*(left|center|right)", style):
                    el.set("class", f"align-{m.group(1)}")


class _Fixes(Extension):  # type: ignore[misc]  # Markdown ships no types
    def __init__(self, source: str, ctx: BodyContext) -> None:
        super().__init__()
        self.source, self.ctx = source, ctx

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
        md.treeprocessors.register(_TreeFixes(md, self.source, self.ctx), "galley_fixes", 1)


def _markdown_to_safe_html(source: str, original: str, ctx: BodyContext) -> str:
    extensions = [extension() for extension in EXTENSIONS]
    md = markdown.Markdown(extensions=[*extensions, _Fixes(original, ctx)], output_format="html")
    return clean_body_html(md.convert(source))


def render_body(body: str, ctx: BodyContext) -> str:
    """Body Markdown to sanitised HTML with figures and further-reading blocks in place."""
    source, blocks = extract_blocks(body, ctx)
    html = _markdown_to_safe_html(source, body, ctx)
    for n, (kind, payload, _line) in enumerate(blocks.items):
        token = f"GALLEYBLOCK{blocks.nonce}N{n}E"  # E ends it: N1 is not a prefix of N10
        if kind == "figure":
            block = ctx.figure_html(payload)
        else:
            inner = (
                _markdown_to_safe_html(payload, body, ctx)
                if payload.strip()
                else ctx.further_links_html()
            )
            block = ctx.further_html(inner)
        html = html.replace(f"<p>{token}</p>", block).replace(token, block)
    return html


def used_figure_keys(body: str) -> list[str]:
    """Keys placed by ``![[KEY]]`` lines, in order (outside code blocks)."""
    ctx = BodyContext(figure_keys=_AnyKey(), resolve_article=lambda ref: "")
    _, blocks = extract_blocks(body, ctx)
    return [payload for kind, payload, _ in blocks.items if kind == "figure"]


class _AnyKey(set[str]):
    def __contains__(self, item: object) -> bool:
        return True
