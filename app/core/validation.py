"""The article's invariants: what no stored article may break, whoever stores it.

The store runs ``validate_article`` on every write (window, command line, import, review
bundles, restore); a file from another laptop is checked exactly like typing in the window.
Each failure is an ``InputError`` naming the field (and position), fit to show as one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields, is_dataclass

from app.core.errors import InputError
from app.core.model import RELATED_KINDS, STATUSES, Article, Figure, RelatedLink, Source
from app.core.slugs import is_valid_slug
from app.core.values import focal_point, is_web_url, normalise_date

__all__ = ["FIGURE_KEY_RE", "validate_article"]

# Figure keys become file names in exported bundles (media/KEY-960.jpg): letters, digits,
# '-' and '_' only, so no key can name a path ("../x", "a/b") or a hidden file.
FIGURE_KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
ARTICLE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


def validate_article(article: Article, *, file: str | None = None) -> None:
    """Raise InputError for the first broken invariant of ``article``."""

    def fail(message: str, name: str) -> InputError:
        return InputError(message, file=file, field=name)

    _check_types(article, fail)
    _check_text(article, fail)
    if not ARTICLE_ID_RE.fullmatch(article.id or ""):
        raise fail(f"'{article.id}' is not an article id (letters, digits, '-' and '_')", "id")
    if not article.title.strip():
        raise fail("the title must not be empty", "title")
    if not is_valid_slug(article.slug):
        raise fail(f"'{article.slug}' is not a slug (a-z, 0-9 and single hyphens)", "slug")
    if article.status not in STATUSES:
        raise fail(f"'{article.status}' is not a status", "status")
    if article.canonical_url and not is_web_url(article.canonical_url):
        raise fail(
            f"'{article.canonical_url}' is not a web address (http or https)", "canonical_url"
        )
    for name in ("published", "updated", "correction_date"):
        value = getattr(article, name)
        if value and normalise_date(value, lambda msg, name=name: fail(msg, name)) != value:
            raise fail(f"'{value}' is not an ISO 8601 date", name)
    if article.correction.strip() and not article.correction_date:
        raise fail("a correction needs the date it was made", "correction_date")
    if article.correction_date and not article.correction.strip():
        raise fail("a correction date needs the correction's text", "correction")
    seen: set[str] = set()
    for n, figure in enumerate(article.figures, start=1):
        if not FIGURE_KEY_RE.fullmatch(figure.key):
            raise fail(
                f"'{figure.key}' is not a figure key (letters, digits, '-' and '_')",
                f"figures[{n}].key",
            )
        if figure.key in seen:
            raise fail(f"two figures share the key '{figure.key}'", f"figures[{n}].key")
        seen.add(figure.key)
        if focal_point(figure.focus) is None:
            raise fail(
                f"'{figure.focus}' is not a focal point (x,y, each from 0 to 1)",
                f"figures[{n}].focus",
            )
        if not SHA256_RE.fullmatch(figure.image):
            raise fail("the image reference is not an image of the store", f"figures[{n}].image")
    for n, source in enumerate(article.sources, start=1):
        if source.url and not is_web_url(source.url):
            raise fail(f"'{source.url}' is not a web address (http or https)", f"sources[{n}].url")
    for n, link in enumerate(article.related, start=1):
        if link.kind not in RELATED_KINDS:
            raise fail(f"'{link.kind}' is not a kind of related link", f"related[{n}].kind")
        if link.url and not is_web_url(link.url):
            raise fail(f"'{link.url}' is not a web address (http or https)", f"related[{n}].url")
        if link.article_id is not None and not ARTICLE_ID_RE.fullmatch(link.article_id):
            raise fail(f"'{link.article_id}' is not an article id", f"related[{n}].article")


# The types every field must hold, whoever built the article (a script, a file from another
# laptop): a list where text belongs would fail deep inside instead of being named here.
_LISTS_OF_TEXT = ("byline", "tags")
_PARTS: dict[str, type[Figure] | type[Source] | type[RelatedLink]] = {
    "figures": Figure,
    "sources": Source,
    "related": RelatedLink,
}


def _check_types(article: Article, fail: Callable[[str, str], InputError]) -> None:
    for f in fields(article):
        name, value = f.name, getattr(article, f.name)
        if name == "revision":
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise fail("must be a revision number", name)
        elif name in _LISTS_OF_TEXT:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail("must be a list of names (text)", name)
        elif name in _PARTS:
            if not isinstance(value, list):
                raise fail("must be a list", name)
            for n, part in enumerate(value, start=1):
                if not isinstance(part, Figure | Source | RelatedLink) or not isinstance(
                    part, _PARTS[name]
                ):
                    raise fail(f"must be a {_PARTS[name].__name__.lower()}", f"{name}[{n}]")
                for g in fields(part):
                    held = getattr(part, g.name)
                    optional = g.name == "article_id" and held is None
                    if not optional and not isinstance(held, str):
                        raise fail("must be text", f"{name}[{n}].{g.name}")
        elif not isinstance(value, str):
            raise fail(f"must be text, not {type(value).__name__}", name)


LONE_SURROGATE = re.compile("[\ud800-\udfff]")
NUL = "\x00"
_UNSTORABLE = re.compile("[\ud800-\udfff\x00]")  # one scan of each text finds either


def _holds(value: object, found: Callable[[str], bool]) -> bool:
    if isinstance(value, str):
        return found(value)
    if isinstance(value, dict):
        return any(_holds(v, found) for v in value.values())
    if isinstance(value, list):
        return any(_holds(v, found) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return any(_holds(getattr(value, f.name), found) for f in fields(value))
    return False


def _lone_surrogate(text: str) -> bool:
    return LONE_SURROGATE.search(text) is not None


def _unstorable(text: str) -> bool:
    return _UNSTORABLE.search(text) is not None


def _check_text(article: Article, fail: Callable[[str, str], InputError]) -> None:
    """Every text field must be real Unicode text: a lone surrogate (from a JSON or YAML
    escape such as \\ud800) cannot be stored, hashed or written to a page, and a NUL ends a
    string early in C code (SQLite's functions, libxml2, a browser's address bar). A regex
    scan per field, reading the fields in place (no copy is made on the save path)."""
    for f in fields(article):
        name, value = f.name, getattr(article, f.name)
        if not _holds(value, _unstorable):
            continue
        if _holds(value, _lone_surrogate):
            raise fail("holds text that is not valid Unicode (a lone surrogate)", name)
        raise fail("holds a NUL character, which no text may", name)
