"""The article and the things hung on it: figures, sources, related links, desk settings."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

from app.core.statuses import STATUSES

__all__ = ["STATUSES", "Article", "DeskSettings", "Figure", "RelatedLink", "Source"]

RELATED_KINDS = ("related", "further-reading")
DEFAULT_LANGUAGE = "zh-Hant"


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def plain(obj: Any) -> dict[str, Any]:
    """``dataclasses.asdict`` for this module's classes, without its deep copies: their
    values are strings, numbers and lists of strings or of these classes. A sixth of the
    time (40 → 6.5 µs an article), and every save and imported article is hashed."""
    out: dict[str, Any] = {}
    for name in _field_names(type(obj)):
        value = getattr(obj, name)
        if isinstance(value, list):
            value = [plain(v) if is_dataclass(v) else v for v in value]
        out[name] = value
    return out


@dataclass
class Figure:
    """An image placed in the body by ``![[key]]``; ``image`` is the SHA-256 of its bytes."""

    key: str
    image: str
    caption: str = ""
    credit: str = ""
    alt: str = ""
    # The focal point "x,y" (fractions of width and height) the crops keep; "" is the centre.
    focus: str = ""
    # Who took the photo and its copyright notice, as the photo's own IPTC/XMP said or the
    # desk wrote them; exported renditions carry them (with the credit) in their metadata.
    creator: str = ""
    copyright: str = ""

    # Fields added after revisions were first stored: left out of a revision while empty,
    # so an older revision keeps its hash (and an older Galley can read the new one).
    OPTIONAL = ("focus", "creator", "copyright")


@dataclass
class Source:
    """One entry of the reference-source list (參考新聞來源)."""

    date: str = ""
    outlet: str = ""
    title: str = ""
    url: str = ""
    note: str = ""


@dataclass
class RelatedLink:
    """A related article: one in the store (``article_id``) or an external URL."""

    kind: str = "related"
    article_id: str | None = None
    url: str = ""
    title: str = ""
    excerpt: str = ""
    author: str = ""
    date: str = ""


@dataclass
class Article:
    """One news article. Lists keep their order: it is the order on the page."""

    id: str
    slug: str
    title: str
    dek: str = ""
    byline: list[str] = field(default_factory=list)
    section: str = ""
    tags: list[str] = field(default_factory=list)
    language: str = DEFAULT_LANGUAGE
    status: str = "draft"
    body: str = ""
    created: str = ""
    # When the content readers see last changed (更新, dateModified, front matter ``updated:``).
    # A status change never moves it; empty means "as published".
    updated: str = ""
    published: str = ""
    canonical_url: str = ""
    # A correction shown on the page (更正) and carried in the metadata, with its date.
    correction: str = ""
    correction_date: str = ""
    figures: list[Figure] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)
    # The head revision this copy was read at: the base of the next optimistic save.
    revision: int | None = None
    # When the store last wrote this article, a status change included (the list's order).
    saved: str = ""

    # Fields that are not content: they do not make a new revision. The status is a decision
    # of the workflow, kept in the status record (revisions stored before said it too).
    BOOKKEEPING = ("created", "saved", "revision", "status")
    # Content fields added after revisions were first stored: left out while empty, so an
    # older revision keeps its hash.
    OPTIONAL = ("updated", "correction", "correction_date")
    # What a reader sees change: a change here moves ``updated``; status and slug do not.
    READER_FIELDS = ("title", "dek", "body", "figures", "sources", "related", "correction")

    def content(self) -> dict[str, Any]:
        """Everything a revision keeps: the article minus its bookkeeping."""
        data = plain(self)
        for name in self.BOOKKEEPING:
            data.pop(name, None)
        for name in self.OPTIONAL:
            if not data.get(name):
                data.pop(name, None)
        if data.get("updated") == self.published:
            data.pop("updated")  # "unchanged since publication" is what no field says
        for figure in data["figures"]:
            for name in Figure.OPTIONAL:
                if not figure[name]:
                    del figure[name]
        return data

    def reader_content(self) -> dict[str, Any]:
        data = plain(self)
        return {name: data[name] for name in self.READER_FIELDS}

    def content_hash(self) -> str:
        return content_hash(self.content())

    def to_dict(self) -> dict[str, Any]:
        return plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["figures"] = [Figure(**f) for f in data.get("figures", [])]
        values["sources"] = [Source(**s) for s in data.get("sources", [])]
        values["related"] = [RelatedLink(**r) for r in data.get("related", [])]
        values["byline"] = list(data.get("byline", []))
        if "updated" not in data:  # a revision kept before the field, or unchanged since
            values["updated"] = data.get("published", "")
        values["tags"] = list(data.get("tags", []))
        return cls(**values)


def canonical_json(data: Any) -> str:
    """JSON with sorted keys and no spacing: equal content gives equal text and hash."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(data: Any) -> str:
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


@dataclass
class DeskSettings:
    """Desk-wide settings: the publication and its editor's picks (編輯推薦)."""

    publication_name: str = ""
    base_url: str = ""
    # The publisher's logo (an http(s) URL): search engines show it beside the article.
    logo_url: str = ""
    default_language: str = DEFAULT_LANGUAGE
    editors_picks: list[RelatedLink] = field(default_factory=list)
    # House style for the pre-publication checks (see app.core.checks.HouseRules).
    title_max: int = 30
    punctuation: str = "as-written"
    cjk_latin_space: str = "any"
    # Byline name -> the author's page on the site (schema.org author.url).
    author_urls: dict[str, str] = field(default_factory=dict)
    # Bylines that are the newsroom, not a person (besides names such as 編輯部 or Staff).
    organization_bylines: list[str] = field(default_factory=list)
    # The desk's editors, by the names they work under: only they approve, publish, spike
    # and unpublish (empty: whoever works in the editor's role).
    editors: list[str] = field(default_factory=list)
    # The desk's own words for the English spelling check (place names, people, the paper's
    # name): never flagged, on every laptop of the desk (see app.core.spelling).
    spelling_words: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DeskSettings:
        picks = [RelatedLink(**p) for p in data.get("editors_picks", [])]
        known = {f.name for f in fields(cls)} - {"editors_picks"}
        rest = {k: v for k, v in data.items() if k in known}
        return cls(editors_picks=picks, **rest)
