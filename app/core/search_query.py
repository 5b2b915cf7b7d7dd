"""What an editor types in the search box, understood: words and Chinese runs that must all
occur, ``"quoted phrases"`` that must occur as written, ``-word`` or ``-"phrase"`` that must
not, and field filters: ``title:`` (text in the title), ``section:``, ``byline:`` and
``status:``; ``since:2015-01-01`` and ``until:2015-12-31`` (or a year, or a month) keep the
articles dated in that range, and ``sort:date`` puts the newest first instead of the best
match. Anything else is text to look for: a colon in ``https://…`` is not a field.

The FTS5 expression built here quotes every piece of user text, so FTS5's own operators in
a query are searched for, never obeyed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.statuses import STATUSES
from app.core.text import CJK_RUN, query_terms

FIELDS = ("title", "section", "byline", "status", "since", "until", "sort")
SORTS = ("relevance", "date")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
# An optional "-", an optional known field, then a "quoted phrase" or a run without spaces.
_TOKEN = re.compile(
    r"(?P<neg>-)?(?:(?P<field>" + "|".join(FIELDS) + r'):)?(?:"(?P<phrase>[^"]*)"?|(?P<word>\S+))'
)


@dataclass(frozen=True)
class SearchQuery:
    include: tuple[str, ...] = ()  # each must occur (a phrase: as written)
    exclude: tuple[str, ...] = ()  # none may occur
    title: tuple[str, ...] = ()  # each must occur in the title
    section: str | None = None
    byline: str | None = None
    status: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    sort: str = "relevance"
    problems: tuple[str, ...] = ()  # what the editor typed that cannot be searched for

    @property
    def has_text(self) -> bool:
        return bool(self.include or self.title)

    @property
    def has_filter(self) -> bool:
        fields = (self.status, self.section, self.byline, self.since, self.until)
        return any(v is not None for v in fields)

    def single_token(self) -> str | None:
        """The one index token the query looks for, when it is just that (a two-character
        Chinese word, one English word) with no exclusion or title: part; else None."""
        if len(self.include) != 1 or self.title or self.exclude:
            return None
        tokens, prefix = _tokens(self.include[0])
        return tokens[0] if len(tokens) == 1 and not prefix else None

    def terms(self) -> list[str]:
        """The pieces of text a match shows (for snippets)."""
        return [t for piece in (*self.include, *self.title) for t in query_terms(piece)]

    def fts_expression(self) -> str:
        """The FTS5 MATCH expression; empty when the query has no text to look for."""
        parts = [_phrase(p) for p in self.include]
        parts += [f"title : {_phrase(p)}" for p in self.title]
        parts = [p for p in parts if p]
        if not parts:
            return ""
        expression = " AND ".join(parts)
        for piece in self.exclude:
            excluded = _phrase(piece)
            if excluded:
                expression = f"({expression}) NOT {excluded}"
        return expression


def _tokens(text: str) -> tuple[list[str], bool]:
    """The index tokens one piece of user text stands for, and whether they are a prefix
    (one Chinese character matches every bigram it starts)."""
    terms = query_terms(text)
    if len(terms) == 1 and len(terms[0]) == 1 and CJK_RUN.fullmatch(terms[0]):
        return terms, True
    tokens: list[str] = []
    for term in terms:
        if CJK_RUN.fullmatch(term) and len(term) > 1:
            tokens += [term[i : i + 2] for i in range(len(term) - 1)]
        else:
            tokens.append(term)
    return tokens, False


def _phrase(text: str) -> str:
    """One piece of user text as FTS5 sees it: every word and Chinese run must occur, in
    order and next to each other (a Chinese run as the phrase of its bigrams)."""
    tokens, prefix = _tokens(text)
    if not tokens:
        return ""
    quoted = '"' + " ".join(t.replace('"', '""') for t in tokens) + '"'
    return quoted + "*" if prefix else quoted


def parse_query(text: str) -> SearchQuery:
    """Never raises: what cannot be searched for is named in ``problems``."""
    include: list[str] = []
    exclude: list[str] = []
    title: list[str] = []
    filters: dict[str, str] = {}
    problems: list[str] = []
    for match in _TOKEN.finditer(text):
        value = match.group("phrase") if match.group("phrase") is not None else match.group("word")
        value = value.strip()
        field, negated = match.group("field"), bool(match.group("neg"))
        quoted = match.group("phrase") is not None
        if not value or value == "-":
            continue
        if field is None:
            # Words typed apart must each occur; a quoted phrase as written.
            target = exclude if negated else include
            target += [value] if quoted else value.split()
        elif field == "title" and not negated:
            title.append(value)
        elif field == "status" and value not in STATUSES:
            problems.append(f"unknown status '{value}' (one of {', '.join(STATUSES)})")
        elif field == "sort" and value not in SORTS:
            problems.append(f"unknown sort '{value}' (one of {', '.join(SORTS)})")
        elif field in ("since", "until") and _day(value, field == "until") is None:
            problems.append(f"{field}:{value} is not a date (2015, 2015-06 or 2015-06-30)")
        elif negated:
            problems.append(f"'-{field}:' is not supported; search for {field}:{value} instead")
        else:
            filters[field] = value
    return SearchQuery(
        include=tuple(include),
        exclude=tuple(exclude),
        title=tuple(title),
        section=filters.get("section"),
        byline=filters.get("byline"),
        status=filters.get("status"),
        since=_day(filters["since"], False) if "since" in filters else None,
        until=_day(filters["until"], True) if "until" in filters else None,
        sort=filters.get("sort", "relevance"),
        problems=tuple(problems),
    )


def _day(value: str, last: bool) -> str | None:
    """A year, month or day as the first (or ``last``) day it covers; None if not a date."""
    import calendar
    import datetime as dt

    found = _DATE.match(value)
    if not found:
        return None
    year, month, day = found.group(1), found.group(2), found.group(3)
    try:
        m = int(month) if month else (12 if last else 1)
        d = int(day) if day else (calendar.monthrange(int(year), m)[1] if last else 1)
        return dt.date(int(year), m, d).isoformat()
    except ValueError:
        return None
