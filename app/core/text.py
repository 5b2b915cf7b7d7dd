"""CJK-aware text helpers: search tokens, length counts and snippets.

SQLite's ``unicode61`` tokenizer treats a run of Chinese as one word, so a two-character query
finds almost nothing. We index Chinese the way Lucene's CJKAnalyzer does: every run of CJK
characters becomes its overlapping bigrams (``抽水站`` -> ``抽水 水站``), and a query becomes the
phrase of its bigrams. Other text is left for ``unicode61`` to split into words.
"""

from __future__ import annotations

import functools
import operator
import re
from dataclasses import dataclass

# Han (with extensions and compatibility ideographs), kana and Hangul syllables.
_CJK_CLASS = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u309f\u30a0-\u30ff\uac00-\ud7af"
    "\U00020000-\U0003134f"
)
CJK_CLASS = _CJK_CLASS  # for other modules
CJK_RUN = re.compile(f"[{_CJK_CLASS}]+")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)


def is_cjk(char: str) -> bool:
    return len(char) == 1 and CJK_RUN.fullmatch(char) is not None


def _spelled_run(match: re.Match[str]) -> str:
    """A CJK run as its overlapping bigrams, space-separated (a lone character as itself).
    Each bigram is a character joined to the next (``map(add, run, run[1:])``), made in C:
    an import spells out ~1,000 of them an article."""
    run = match.group()
    if len(run) == 1:
        return f" {run} "
    return " " + " ".join(map(operator.add, run, run[1:])) + " "


def index_text(text: str) -> str:
    """Text as the full-text index should see it: CJK runs spelled out as bigrams.

    Line by line (a CJK run never crosses a line break, so the result is the same), each
    line remembered: an autosave spells out again only the paragraph that was edited."""
    if not text:
        return ""
    if "\n" not in text:
        return _index_line(text)
    return "\n".join(_index_line(line) for line in text.split("\n"))


@functools.lru_cache(maxsize=4096)
def _index_line(line: str) -> str:
    return CJK_RUN.sub(_spelled_run, line)


def query_terms(query: str) -> list[str]:
    """The parts of a user's query that must all match: CJK runs and other words."""
    terms: list[str] = []
    for chunk in query.split():
        pos = 0
        for m in CJK_RUN.finditer(chunk):
            terms.extend(w.lower() for w in _WORD.findall(chunk[pos : m.start()]))
            terms.append(m.group())
            pos = m.end()
        terms.extend(w.lower() for w in _WORD.findall(chunk[pos:]))
    return terms


def count_text(text: str) -> tuple[int, int]:
    """(CJK characters, other words): newsrooms count Chinese per character, other text per word."""
    # One expression finds the runs (compiling a second one for single characters cost
    # 3 ms of every start).
    runs = CJK_RUN.findall(text)
    other = CJK_RUN.sub(" ", text) if runs else text
    return sum(map(len, runs)), len(_WORD.findall(other))


_MARKUP = [
    (re.compile(r"^!\[\[[^\]]*\]\]\s*$", re.M), " "),  # figure lines
    (re.compile(r"^:::.*$", re.M), " "),  # block fences
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images: keep the text
    (re.compile(r"<[^>\n]+>"), " "),  # inline HTML tags
    (re.compile(r"^\[\^[^\]]+\]:", re.M), " "),  # footnote definitions
    (re.compile(r"\[\^[^\]]+\]"), " "),  # footnote references
]


def count_body(markdown: str) -> tuple[int, int]:
    """``count_text`` of a Markdown body, without its markup (figure keys, URLs, fences)."""
    for pattern, replacement in _MARKUP:
        markdown = pattern.sub(replacement, markdown)
    return count_text(markdown)


@dataclass(frozen=True)
class Counts:
    """An article's length as a newsroom counts it: the body alone, and apart from it the
    captions and the further-reading titles (they are not the story's length)."""

    body: tuple[int, int]  # (CJK characters, other words)
    captions: tuple[int, int]
    further: tuple[int, int]


def count_article(body: str, captions: list[str]) -> Counts:
    """``Counts`` of a body (its further-reading blocks set apart) and figure captions."""
    from app.core.body_syntax import scan_lines

    kept: list[str] = []
    further: list[str] = []
    lines = body.replace("\r\n", "\n").split("\n")
    inside: set[int] = set()
    for line in scan_lines(body):
        if line.kind in ("open", "close", "inner"):
            inside.add(line.number)
            if line.kind == "inner":
                further.append(line.text)
    for number, text in enumerate(lines, start=1):
        if number not in inside:
            kept.append(text)
    return Counts(
        body=count_body("\n".join(kept)),
        captions=count_text("\n".join(captions)),
        further=count_body("\n".join(further)),
    )


def make_snippet(
    text: str, terms: list[str], width: int = 64
) -> tuple[str, tuple[int, int] | None]:
    """A window of ``text`` around the first match of any term, and where the match sits in it.

    Offsets are in code points. Returns the start of the text when no term occurs literally
    (a match may have come from another field).
    """
    flat = " ".join(text.split())
    lowered = flat.lower()
    best: tuple[int, int] | None = None
    for term in terms:
        at = lowered.find(term.lower())
        if at >= 0 and (best is None or at < best[0]):
            best = (at, at + len(term))
    if best is None:
        cut = flat[:width]
        return (cut + ("…" if len(flat) > width else "")), None
    start = max(0, best[0] - width // 3)
    end = min(len(flat), start + width)
    start = max(0, min(start, end - width))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    snippet = prefix + flat[start:end] + suffix
    offset = len(prefix) - start
    return snippet, (best[0] + offset, best[1] + offset)
