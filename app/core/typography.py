"""Chinese typography: half-width punctuation between Chinese characters, CJK–Latin spacing,
and Simplified characters in a Traditional Chinese text.

The Simplified-only set comes from CC-CEDICT (via ``zhon``): characters that appear in
Simplified headwords but never in Traditional ones, so 里, 台, 后, 干 (valid in both) never fire.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from app.core.text import CJK_CLASS

HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_CJK = f"[{CJK_CLASS}]"
# Compiled on first use: the CJK class makes these slow to compile (14 ms of every start).
_PATTERNS = {
    # A mark with a Chinese character on each side (spaces around the mark allowed).
    "between": rf"(?<={_CJK})[ \t]*([,:;?!])[ \t]*(?={_CJK})",
    "open_paren": rf"\((?={_CJK})",
    "close_paren": rf"(?<={_CJK})\)",
    "cjk_then_latin": rf"({_CJK})([A-Za-z0-9])",
    "latin_then_cjk": rf"([A-Za-z0-9])({_CJK})",
    "cjk_space_latin": rf"({_CJK}) +([A-Za-z0-9])|([A-Za-z0-9]) +({_CJK})",
}


@cache
def _rx(name: str) -> re.Pattern[str]:
    return re.compile(_PATTERNS[name])


# Text inside these quotes is quoted as written: Simplified there is not a mistake.
_QUOTED = re.compile(r"「[^」]*」|『[^』]*』|“[^”]*”|\"[^\"\n]*\"")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")


@dataclass(frozen=True)
class Hit:
    """A typographic problem on one line: where it starts (0-based column) and what it is."""

    column: int
    text: str


def _masked(line: str) -> str:
    """The line with link targets blanked out (same length), so URLs are never 'fixed'."""
    return _LINK_TARGET.sub(lambda m: " " * len(m.group(0)), line)


def half_width_marks(line: str) -> list[Hit]:
    masked = _masked(line)
    hits = [Hit(m.start(1), m.group(1)) for m in _rx("between").finditer(masked)]
    hits += [Hit(m.start(), "(") for m in _rx("open_paren").finditer(masked)]
    hits += [Hit(m.start(), ")") for m in _rx("close_paren").finditer(masked)]
    return sorted(hits, key=lambda h: h.column)


def full_width_punctuation(text: str) -> str:
    """The fix: half-width marks between Chinese characters become full-width (no spaces)."""
    out = []
    for line in text.split("\n"):
        masked = _masked(line)
        spans: list[tuple[int, int, str]] = []
        spans += [
            (m.start(), m.end(), HALF_TO_FULL[m.group(1)]) for m in _rx("between").finditer(masked)
        ]
        spans += [(m.start(), m.end(), "（") for m in _rx("open_paren").finditer(masked)]
        spans += [(m.start(), m.end(), "）") for m in _rx("close_paren").finditer(masked)]
        for start, end, mark in sorted(spans, reverse=True):
            line = line[:start] + mark + line[end:]
        out.append(line)
    return "\n".join(out)


def spacing_problems(line: str, rule: str) -> list[Hit]:
    """``rule`` 'space': a space between Chinese and Latin letters or digits; 'no-space': none."""
    masked = _masked(line)
    if rule == "space":
        found = [Hit(m.start(2), m.group(0)) for m in _rx("cjk_then_latin").finditer(masked)]
        found += [Hit(m.start(2), m.group(0)) for m in _rx("latin_then_cjk").finditer(masked)]
        return sorted(found, key=lambda h: h.column)
    if rule == "no-space":
        return [Hit(m.start(), m.group(0)) for m in _rx("cjk_space_latin").finditer(masked)]
    return []


@cache
def simplified_only() -> frozenset[str]:
    from zhon import cedict

    return frozenset(cedict.simplified) - frozenset(cedict.traditional)


@cache
def traditional_only() -> frozenset[str]:
    from zhon import cedict

    return frozenset(cedict.traditional) - frozenset(cedict.simplified)


def simplified_characters(line: str) -> list[Hit]:
    """Simplified-only characters outside quotes."""
    masked = _QUOTED.sub(lambda m: " " * len(m.group(0)), _masked(line))
    table = simplified_only()
    return [Hit(n, ch) for n, ch in enumerate(masked) if ch in table]


def to_traditional(text: str) -> str:
    """Simplified → Traditional with Taiwan phrasing (OpenCC s2twp): 软件 → 軟體."""
    return str(_s2twp().convert(text))


@cache
def _s2twp() -> Any:
    """Loaded on first use: the tables take a moment and most sessions never convert."""
    import opencc

    return opencc.OpenCC("s2twp")
