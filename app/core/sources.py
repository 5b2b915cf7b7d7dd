"""Rules for reference sources (參考新聞來源): pasting a line, and what is wrong with an entry."""

from __future__ import annotations

import datetime as dt
import re

from app.core.model import Source
from app.core.values import is_web_url, normalise_date

_LINE = re.compile(
    r"^\s*(?P<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s+(?P<outlet>\S+)\s+(?P<title>.+?)"
    r"(?:\s+(?P<url>https?://\S+))?\s*$"
)


def parse_source_line(line: str) -> Source | None:
    """``2022/05/24 Reuters China and Russia hold first military exercise [URL]`` -> Source.

    The outlet is the first word after the date (newsroom lists write it that way: 中央社,
    Reuters, 公視); a URL at the end is taken as the link. None when the line has no date.
    """
    m = _LINE.match(line.replace("\u3000", " "))
    if not m:
        return None
    try:
        date = normalise_date(m.group("date").replace(".", "-"), ValueError)
    except ValueError:
        return None
    return Source(
        date=date,
        outlet=m.group("outlet"),
        title=m.group("title").strip(),
        url=m.group("url") or "",
    )


def source_problems(source: Source, *, today: dt.date | None = None) -> dict[str, str]:
    """Field name -> what is wrong with it (empty when the entry is fine)."""
    problems: dict[str, str] = {}
    if source.date:
        try:
            day = dt.date.fromisoformat(normalise_date(source.date, ValueError)[:10])
            if day > (today or dt.date.today()):
                problems["date"] = "date is in the future"
        except ValueError:
            problems["date"] = "not a date (use YYYY-MM-DD)"
    else:
        problems["date"] = "date is missing"
    if not source.outlet.strip():
        problems["outlet"] = "outlet is missing"
    if not source.title.strip():
        problems["title"] = "title is missing"
    if source.url and not is_web_url(source.url):
        problems["url"] = "not an http(s) URL"
    return problems
