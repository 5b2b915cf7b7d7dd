"""Slugs: the URL-safe name of an article's folder and page."""

from __future__ import annotations

import re
import unicodedata

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG = 80


def is_valid_slug(slug: str) -> bool:
    return bool(SLUG_RE.fullmatch(slug)) and len(slug) <= MAX_SLUG


def suggest_slug(title: str, date: str = "", article_id: str = "") -> str:
    """A slug from the title's Latin words; a Chinese title gets the date and a short id.

    Romanising Chinese guesses at readings and gives long, ambiguous slugs; newsrooms in Taiwan
    mostly publish under a date-and-number path, so that is what we suggest.
    """
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    latin = "-".join(words)[:MAX_SLUG].strip("-")
    if latin and len(latin) >= max(3, len(title) // 3):
        return latin
    day = re.sub(r"[^0-9]", "", date[:10])
    day = f"{day[:4]}-{day[4:6]}-{day[6:8]}" if len(day) == 8 else ""
    short = re.sub(r"[^0-9a-f]", "", article_id.lower())[:8]
    return "-".join(p for p in (day, short) if p) or "article"
