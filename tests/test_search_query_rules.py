"""The search box's rules the store's tests pass through without looking (found by mutation
testing, docs/testing.md): dates as ranges, sorting, what cannot be searched for and why,
and what a query asks the index for."""

from __future__ import annotations

import pytest

from app.core.search_query import SearchQuery, parse_query


@pytest.mark.parametrize(
    ("query", "since", "until"),
    [
        ("since:2015 until:2015", "2015-01-01", "2015-12-31"),
        ("since:2015-02 until:2016-02", "2015-02-01", "2016-02-29"),  # a leap year's February
        ("since:2015-02 until:2015-02", "2015-02-01", "2015-02-28"),
        ("until:2015-06-30 since:2015-06-01", "2015-06-01", "2015-06-30"),
        ("until:2015-04", None, "2015-04-30"),
        ("since:2015-04-07", "2015-04-07", None),
    ],
)
def test_a_year_or_a_month_is_the_whole_of_it(
    query: str, since: str | None, until: str | None
) -> None:
    parsed = parse_query(query)
    assert (parsed.since, parsed.until, parsed.problems) == (since, until, ())
    assert parsed.has_filter and not parsed.has_text


@pytest.mark.parametrize("value", ["2015-02-30", "15", "x", "2015-13", "2015-1", "20150", "-2015"])
def test_what_is_not_a_date_is_named(value: str) -> None:
    for field in ("since", "until"):
        parsed = parse_query(f"{field}:{value}")
        assert (parsed.since, parsed.until) == (None, None)
        assert parsed.problems == (f"{field}:{value} is not a date (2015, 2015-06 or 2015-06-30)",)
        assert not parsed.has_filter


def test_sorting_by_date_or_by_relevance_only() -> None:
    assert parse_query("sort:date").sort == "date"
    assert parse_query("sort:relevance").sort == "relevance"
    assert parse_query("颱風").sort == "relevance"
    best = parse_query("sort:best")
    assert (best.sort, best.problems) == (
        "relevance",
        ("unknown sort 'best' (one of relevance, date)",),
    )


def test_a_negated_field_is_refused_with_what_to_type_instead() -> None:
    assert parse_query("-section:地方").problems == (
        "'-section:' is not supported; search for section:地方 instead",
    )
    assert parse_query("-title:政府").problems == (
        "'-title:' is not supported; search for title:政府 instead",
    )
    assert parse_query("-section:地方").section is None


def test_empty_pieces_are_skipped() -> None:
    assert parse_query("title:").include == ("title:",)  # a field with nothing is text
    for query in ('""', '-""', "-", "   "):
        assert parse_query(query) == SearchQuery()


@pytest.mark.parametrize(
    ("query", "token"),
    [
        ("抽水", "抽水"),
        ("midnight", "midnight"),
        ("抽水 sort:date status:draft", "抽水"),
        ("抽水站", None),  # two bigrams
        ("颱", None),  # a prefix
        ("抽水 站", None),
        ("title:抽水", None),
        ("抽水 -站", None),
        ("", None),
    ],
)
def test_a_single_token_query_is_just_one_index_token(query: str, token: str | None) -> None:
    assert parse_query(query).single_token() == token


def test_what_a_match_shows_and_whether_there_is_text() -> None:
    parsed = parse_query('title:"市 政府" 抽水 -演習 section:地方')
    assert parsed.terms() == ["抽水", "市", "政府"]
    assert parsed.has_text and parsed.has_filter
    assert parsed.fts_expression() == '("抽水" AND title : "市 政府") NOT "演習"'
    only_title = parse_query("title:y")
    assert only_title.has_text and not only_title.has_filter
    assert only_title.fts_expression() == 'title : "y"'
    for name in ("status:draft", "byline:林", "section:地方", "since:2015", "until:2015"):
        assert parse_query(name).has_filter, name
    assert not parse_query("sort:date").has_filter


def test_an_exclusion_without_text_looks_for_nothing() -> None:
    assert parse_query("-x").fts_expression() == ""
    assert parse_query("-x y").fts_expression() == '("y") NOT "x"'
    assert parse_query('y -"!"').fts_expression() == '"y"'  # nothing left of the phrase


def test_a_quote_inside_a_word_is_text_and_one_chinese_character_among_others_is_a_prefix() -> None:
    assert parse_query('a"b c"').fts_expression() == '"a b" AND "c"'
    assert parse_query("抽水 站").fts_expression() == '"抽水" AND "站"*'
    assert parse_query("站 抽水").fts_expression() == '"站"* AND "抽水"'


def test_an_empty_piece_does_not_end_the_query() -> None:
    assert parse_query('"" 颱風 - 演習').include == ("颱風", "演習")
