"""Checks of single field values (URLs, dates), shared by the importer, the checks and the UI.

Kept apart from the front-matter reader so the window can use them without loading YAML.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlsplit

__all__ = ["is_web_url", "normalise_date"]


def is_web_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value


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
