from __future__ import annotations

import datetime as dt

from app.core.model import Source
from app.core.sources import parse_source_line, source_problems


def test_pasted_line_fills_date_outlet_and_title() -> None:
    source = parse_source_line("2022/05/24 Reuters China and Russia hold first military exercise")
    assert source == Source(
        date="2022-05-24", outlet="Reuters", title="China and Russia hold first military exercise"
    )
    zh = parse_source_line("2024-09-29 中央氣象署 颱風季節降雨展望說明 https://example.org/cwa")
    assert zh == Source(
        date="2024-09-29",
        outlet="中央氣象署",
        title="颱風季節降雨展望說明",
        url="https://example.org/cwa",
    )
    assert parse_source_line("no date here") is None
    assert parse_source_line("2022/13/40 X y") is None


def test_problems_are_named_per_field() -> None:
    today = dt.date(2024, 10, 1)
    assert (
        source_problems(Source("2024-09-29", "中央社", "標題", "https://e.org"), today=today) == {}
    )
    problems = source_problems(Source("2024-12-01", "", "", "ftp://x"), today=today)
    assert problems == {
        "date": "date is in the future",
        "outlet": "outlet is missing",
        "title": "title is missing",
        "url": "not an http(s) URL",
    }
    assert source_problems(Source("soon", "a", "b"), today=today)["date"].startswith("not a date")
