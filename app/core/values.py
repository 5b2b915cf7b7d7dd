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


def normalise_date(raw: str, fail: Any) -> str:
    """ISO 8601: a day stays a day; a time keeps its offset. Accepts 2022/05/24 too."""
    text = raw.strip().replace("/", "-")
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            return dt.date(*map(int, text.split("-"))).isoformat()
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        raise fail(f"'{raw}' is not a date (use YYYY-MM-DD or an ISO 8601 time)") from None
    return value.isoformat()
