"""Readable names: the URL-safe slug of an article's folder and page, a figure's key.

Chinese is written in Hanyu Pinyin without tone marks (颱風季前大演練 ->
``tai-feng-ji-qian-da-yan-lian``), read by pypinyin, whose phrase tables choose the reading
of a character by its word (銀行 is yin-hang, 行人 xing-ren). Latin text keeps its words,
accents dropped. Names are suggestions: a writer can always type another slug or key.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

__all__ = [
    "MAX_FIGURE_KEY",
    "MAX_PINYIN_SLUG",
    "MAX_SLUG",
    "SLUG_RE",
    "figure_key_for",
    "is_valid_slug",
    "suggest_slug",
]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG = 80
MAX_PINYIN_SLUG = 60  # a syllable a character: a long headline would give a very long path
MAX_FIGURE_KEY = 64  # as app.core.validation.FIGURE_KEY_RE allows


@functools.cache
def _han_run() -> re.Pattern[str]:
    """Han characters (kana and Hangul have no pinyin: they are left out, like other scripts).
    Compiled on first use: a class with characters beyond the BMP takes SRE ~1 ms, and
    every write imports this module (for ``is_valid_slug``)."""
    return re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


def is_valid_slug(slug: str) -> bool:
    return bool(SLUG_RE.fullmatch(slug)) and len(slug) <= MAX_SLUG


def suggest_slug(
    title: str, date: str = "", article_id: str = "", *, english_title: str = ""
) -> str:
    """A readable slug for an article (always valid: ``is_valid_slug``).

    From ``english_title`` when one is given (the desk's English headline for a Chinese
    story); else from the title's words when the title is Latin (at most ``MAX_SLUG``
    characters); else the title in pinyin, a word a syllable, Latin words and numbers kept
    in place (``台積電3奈米量產`` -> ``tai-ji-dian-3-nai-mi-liang-chan``), at most
    ``MAX_PINYIN_SLUG`` characters. Either is cut between words, never inside one. A title
    with nothing to spell (only punctuation or emoji) gets the date and a short id
    (``2024-09-30-1a2b3c4d``), or ``article``.
    """
    from app.core.text import CJK_RUN  # here: validating a slug needs none of text's patterns

    english = _join(_latin_words(english_title), MAX_SLUG)
    if english:
        return english
    if not CJK_RUN.search(title):
        words = _latin_words(title)
        if words and len("-".join(words)) >= max(3, len(title) // 3):
            return _join(words, MAX_SLUG)
    else:
        pinyin = _join(list(_romanised(title)), MAX_PINYIN_SLUG)
        if pinyin:
            return pinyin
    day = re.sub(r"[^0-9]", "", date[:10])
    day = f"{day[:4]}-{day[4:6]}-{day[6:8]}" if len(day) == 8 else ""
    short = re.sub(r"[^0-9a-f]", "", article_id.lower())[:8]
    return "-".join(p for p in (day, short) if p) or "article"


def figure_key_for(filename: str, taken: set[str]) -> str:
    """A figure's key from its image's file name: ``王毅.jpg`` -> ``wang-yi``,
    ``IMG_2034.JPG`` -> ``img_2034``, ``高雄 港 夜景 (2).png`` -> ``gao-xiong-gang-ye-jing-2``.

    Lower case letters, digits, ``-`` and ``_`` (``app.core.validation.FIGURE_KEY_RE``), at
    most ``MAX_FIGURE_KEY`` characters, cut between words. A key in ``taken`` (the
    article's other figures; compared without regard to case) gets ``-2``, ``-3``, …; a
    name with nothing to spell is ``figure``. ``filename`` may be a whole path.
    """
    name = re.split(r"[/\\]", filename)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    parts: list[str] = []
    for run, is_han in _runs(unicodedata.normalize("NFKC", stem)):
        if is_han:
            parts += _pinyin(run)
        else:
            ascii_run = unicodedata.normalize("NFKD", run).encode("ascii", "ignore").decode()
            parts.append(re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_run))
    key = re.sub(r"-*_[-_]*", "_", "-".join(parts).lower())
    key = re.sub(r"-{2,}", "-", key).strip("-_") or "figure"
    used = {t.lower() for t in taken}
    n = 1
    while True:
        suffix = f"-{n}" if n > 1 else ""
        candidate = _cut_key(key, MAX_FIGURE_KEY - len(suffix)) + suffix
        if candidate.lower() not in used:
            return candidate
        n += 1


def _cut_key(key: str, limit: int) -> str:
    """``key`` at most ``limit`` characters long, cut at a ``-`` or ``_`` when there is one."""
    if len(key) <= limit:
        return key
    head = key[: limit + 1]
    cut = max(head.rfind("-"), head.rfind("_"))
    return (key[:cut] if cut > 0 else key[:limit]).rstrip("-_")


def _runs(text: str) -> Iterator[tuple[str, bool]]:
    """The text as runs of Han characters and runs of anything else: (run, is_han)."""
    at = 0
    for m in _han_run().finditer(text):
        if m.start() > at:
            yield text[at : m.start()], False
        yield m.group(), True
        at = m.end()
    if at < len(text):
        yield text[at:], False


def _pinyin(han: str) -> list[str]:
    """Han characters as pinyin syllables without tones (ü as v: 綠 -> lv).

    pypinyin's phrase tables are written in Simplified characters: a Traditional phrase is
    found there only once converted (銀行 is yin-hang, not yin-xing; 音樂 yin-yue). The
    conversion is OpenCC's plain ``t2s``, character for character: never ``tw2sp``, whose
    phrase swaps (軟體 -> 软件) would change the reading."""
    from pypinyin import Style, lazy_pinyin  # ~0.2 s to load: only when a name is made

    simplified = _to_simplified().convert(han)
    return [s for s in lazy_pinyin(simplified, style=Style.NORMAL) if re.fullmatch(r"[a-z]+", s)]


@functools.cache
def _to_simplified() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _latin_words(text: str) -> list[str]:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", ascii_text.lower())


def _romanised(text: str) -> Iterator[str]:
    """The words of a title: pinyin syllables for its Han characters, Latin words as they
    are (lower case, accents dropped)."""
    for run, is_han in _runs(unicodedata.normalize("NFKC", text)):
        yield from _pinyin(run) if is_han else _latin_words(run)


def _join(words: list[str], limit: int) -> str:
    """Words joined by ``-``, as many as fit in ``limit`` characters (a first word longer
    than that is cut)."""
    out = ""
    for word in words:
        longer = f"{out}-{word}" if out else word
        if len(longer) > limit:
            break
        out = longer
    if not out and words:
        out = words[0][:limit]
    return out
