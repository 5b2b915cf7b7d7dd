"""Which language a piece of text is in, as far as its script tells (Chinese forms by the
CC-CEDICT character sets: a character only one form uses decides): a source title in
English or in Simplified Chinese inside a Traditional Chinese page carries its own ``lang``
(screen readers pick the voice, browsers the glyph forms, from it)."""

from __future__ import annotations

import re

LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def script_language(text: str) -> str:
    """ "en" for Latin text, "zh-Hans" or "zh-Hant" for Chinese in one of the two forms,
    "zh" for Chinese that could be either, "" when nothing tells."""
    if not HAN.search(text):
        return "en" if LATIN_LETTER.search(text) else ""
    from app.core.typography import simplified_only, traditional_only

    simplified = sum(ch in simplified_only() for ch in text)
    traditional = sum(ch in traditional_only() for ch in text)
    if simplified > traditional:
        return "zh-Hans"
    if traditional > simplified:
        return "zh-Hant"
    return "zh"


def lang_attribute(text: str, page_language: str) -> str:
    """The ``lang`` a span of ``text`` needs inside a page in ``page_language``, or ""
    when it reads as the page does."""
    found = script_language(text)
    page = page_language.lower()
    if not found:
        return ""
    if found == "en":
        return "" if page.startswith("en") else "en"
    if not page.startswith("zh"):
        return found
    if found == "zh":
        return ""
    page_form = "zh-Hans" if page in ("zh-hans", "zh-cn", "zh-sg") else "zh-Hant"
    return "" if found == page_form else found
