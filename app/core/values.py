"""Checks of single field values (URLs, dates), shared by the importer, the checks and the UI.

Kept apart from the front-matter reader so the window can use them without loading YAML.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlsplit

__all__ = ["is_web_url", "normalise_date", "web_url"]

_UNSAFE_IN_URL = {c: f"%{c:02X}" for c in [*range(0x21), 0x7F, *b'"<>\\^`{|}']}


def web_url(url: str) -> str | None:
    """``url`` fit for an attribute we write ourselves, or None if it is not a web link.

    The one safe-URL rule: the page writes only what passes it, and the store accepts only
    what passes it. Only http(s) and mailto pass; characters that are not allowed in a URL
    (quotes, angle brackets, spaces) are percent-encoded, so the value is harmless and valid.
    """
    url = url.strip()
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in {"http", "https", "mailto"}:
        return None
    if scheme != "mailto" and not url.lower().startswith(("http://", "https://")):
        return None
    return url.translate(_UNSAFE_IN_URL)


def is_web_url(value: str) -> bool:
    """An http(s) address with a host that the page's rule (``web_url``) lets through."""
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return (
        parts.scheme in ("http", "https")
        and bool(parts.netloc)
        and not any(ch.isspace() or ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in value)
        and web_url(value) is not None
    )


ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?")


def normalise_date(raw: str, fail: Any) -> str:
    """ISO 8601: a day stays a day; a time keeps its offset. Accepts 2022/05/24 too."""
    text = raw.strip().replace("/", "-")
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            return dt.date(*map(int, text.split("-"))).isoformat()
        iso = text.replace(" ", "T", 1)
        value = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        raise fail(f"'{raw}' is not a date (use YYYY-MM-DD or an ISO 8601 time)") from None
    if ISO_TIME.fullmatch(iso):
        return iso  # already ISO 8601: kept as written (a "Z" and milliseconds round-trip)
    return value.isoformat()


def focal_point(text: str) -> tuple[float, float] | None:
    """A figure's focal point ``"x,y"`` (fractions of width and height; ``""`` is the
    centre), or None when the text is not one."""
    if not text.strip():
        return 0.5, 0.5
    try:
        x_text, y_text = text.split(",")
        x, y = float(x_text), float(y_text)
    except ValueError:
        return None
    if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
        return None
    return x, y


def instant(value: str) -> dt.datetime | None:
    """An ISO date or time as an aware datetime (a bare day is midnight UTC), or None: for
    comparing times written with different offsets."""
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
