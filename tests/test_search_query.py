"""The search box's syntax, without a store: what each form means as an FTS5 expression."""

from __future__ import annotations

from app.core.search_query import parse_query


def test_words_must_all_occur_and_chinese_runs_are_phrases_of_bigrams() -> None:
    assert parse_query("抽水站").fts_expression() == '"抽水 水站"'
    assert parse_query("颱").fts_expression() == '"颱"*'  # one character: a prefix
    assert parse_query("抽水 Midnight").fts_expression() == '"抽水" AND "midnight"'


def test_quoted_phrases_keep_their_words_together() -> None:
    parsed = parse_query('"city library" 颱風')
    assert parsed.include == ("city library", "颱風")
    assert parsed.fts_expression() == '"city library" AND "颱風"'


def test_exclusions_fields_and_filters() -> None:
    parsed = parse_query('防災 -演習 -"night owl" title:政府 section:地方 byline:林 status:draft')
    assert parsed.include == ("防災",)
    assert parsed.exclude == ("演習", "night owl")
    assert parsed.title == ("政府",)
    assert (parsed.section, parsed.byline, parsed.status) == ("地方", "林", "draft")
    assert parsed.fts_expression() == ('(("防災" AND title : "政府") NOT "演習") NOT "night owl"')
    assert parsed.problems == ()


def test_user_text_never_becomes_an_operator() -> None:
    for query in ('"', "AND", "NEAR(", "*", "a OR b", "-", "^", 'x"y', "title:"):
        expression = parse_query(query).fts_expression()
        assert "OR" not in expression.replace('"or"', "")  # quoted as text, never obeyed
    assert parse_query('midnight OR "x').fts_expression() == '"midnight" AND "or" AND "x"'
    assert parse_query("   ").fts_expression() == ""


def test_a_colon_that_is_not_a_field_is_text_and_a_bad_status_is_named() -> None:
    assert parse_query("https://example.org").include == ("https://example.org",)
    assert parse_query("status:finished").problems == (
        "unknown status 'finished' (one of draft, in_review, approved, published, spiked)",
    )
    assert parse_query("-status:draft").problems  # a negated filter is said, not ignored
