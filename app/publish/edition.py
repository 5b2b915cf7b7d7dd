"""The desk edition of a batch export: a front page, an Atom feed and two sitemaps.

Rendering only (``app.exchange`` writes the files). Everything is a function of the articles
and one reference time, so two exports of the same articles at the same ``now`` are byte for
byte the same (``now`` comes from ``SOURCE_DATE_EPOCH`` when set, as reproducible builds do).

- ``index.html``: newest first, grouped by section (sections in order of their newest story).
- ``feed.xml``: Atom 1.0 (RFC 4287) with the full article, ``xml:base`` so relative image
  addresses resolve, and the lead image as an enclosure.
- ``sitemap.xml``: every published article, with its last change.
- ``sitemap-news.xml``: Google News sitemap, only the articles published in the two days
  before ``now`` (Google's rule), with the publication's name and language.

Feed and sitemaps are for search engines and readers: drafts and articles in review (which
carry ``noindex``) are left out of them; the front page lists the whole batch.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from typing import Any

from app.core.errors import InputError
from app.core.model import Article, DeskSettings
from app.core.values import instant
from app.publish.images import Rendition
from app.publish.labels import labels_for
from app.publish.page import RenderedPage
from app.publish.templates import environment

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
NEWS_WINDOW = dt.timedelta(days=2)
FEED_SIZE = 50  # the newest entries in the feed; the sitemap has them all
FRONT_PAGE_SIZE = 500  # the front page lists the newest; the sitemap has them all
# The sitemaps protocol's limit per file (a sitemap index lists the parts past it), and
# Google News's limit for a news sitemap.
SITEMAP_URLS = 50_000
NEWS_URLS = 1_000


@dataclass(frozen=True)
class LeadImage:
    path: str  # inside the article's bundle, e.g. media/pump-station-480.jpg
    mime: str
    length: int
    width: int
    height: int
    alt: str


@dataclass
class EditionEntry:
    """One exported article as the edition shows it."""

    slug: str
    id: str
    title: str
    dek: str
    authors: list[str]
    section: str
    language: str
    status: str
    url: str  # absolute (the canonical) or "" when the desk has no base URL
    published: str
    modified: str
    body_html: str  # with absolute image and link addresses: it travels in the feed
    thumbnail: LeadImage | None = None
    enclosure: LeadImage | None = None
    tags: list[str] = field(default_factory=list)

    @property
    def public(self) -> bool:
        return self.status == "published"


def entry_for(
    article: Article,
    page: RenderedPage,
    image_path: Any,
    *,
    feed_body: str = "",
    thumbnail_width: int = 480,
) -> EditionEntry:
    """The edition's view of an exported article; ``image_path(key, rendition)`` is where
    the bundle put each rendition; ``feed_body`` the body with absolute addresses."""
    thumbnail = enclosure = None
    placed = [f for f in article.figures if f.key in page.renditions]
    if placed:
        figure = placed[0]
        made = [r for r in page.renditions[figure.key] if not r.crop]
        family = [r for r in made if r.mime in ("image/jpeg", "image/png")]
        small = next((r for r in family if r.width >= thumbnail_width), family[-1])
        thumbnail = _lead(image_path(figure.key, small), small, figure.alt)
        enclosure = _lead(image_path(figure.key, family[-1]), family[-1], figure.alt)
    return EditionEntry(
        slug=article.slug,
        id=article.id,
        title=article.title,
        dek=article.dek,
        authors=list(article.byline),
        section=article.section,
        language=article.language,
        status=article.status,
        url=page.model.url,
        published=article.published,
        modified=page.model.modified or article.published,
        body_html=feed_body or page.body_html,
        thumbnail=thumbnail,
        enclosure=enclosure,
        tags=list(article.tags),
    )


def _lead(path: str, r: Rendition, alt: str) -> LeadImage:
    return LeadImage(path, r.mime, len(r.data), r.width, r.height, alt)


def reference_time() -> dt.datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` (seconds) when set: the same input, the same edition."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        if epoch.isascii() and epoch.isdigit():
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    except (OverflowError, OSError, ValueError):
        pass
    shown = epoch if len(epoch) <= 24 else epoch[:24] + "…"
    raise InputError(
        f"'{shown}' is not a time Galley can use: whole seconds since 1970, before the year "
        "10000 (unset it to use now)",
        field="SOURCE_DATE_EPOCH",
    )


def rfc3339(value: str) -> str:
    """Atom and sitemaps want a full date-time with its offset."""
    moment = instant(value)
    return moment.isoformat(timespec="seconds") if moment else value


def newest_first(entries: list[EditionEntry]) -> list[EditionEntry]:
    def key(entry: EditionEntry) -> tuple[dt.datetime, str]:
        moment = instant(entry.published) or dt.datetime.min.replace(tzinfo=dt.UTC)
        return moment, entry.slug

    return sorted(entries, key=key, reverse=True)


def news_language(language: str) -> str:
    """Google News wants ISO 639 codes, and zh-cn or zh-tw for Chinese."""
    tag = language.lower()
    if tag.startswith("zh"):
        return "zh-cn" if tag in ("zh-hans", "zh-cn", "zh-sg") else "zh-tw"
    return tag.split("-")[0]


def entry_id(entry: EditionEntry, base: str) -> str:
    """A feed entry's permanent id: the article's UUID (a slug or URL may change)."""
    if UUID.fullmatch(entry.id):
        return f"urn:uuid:{entry.id}"
    return f"{base}#article-{entry.id}"


def index_html(entries: list[EditionEntry], desk: DeskSettings, now: dt.datetime) -> str:
    """The front page: sections in order of their newest story, newest first inside each."""
    ordered = newest_first(entries)
    shown = ordered[:FRONT_PAGE_SIZE]
    sections: dict[str, list[EditionEntry]] = {}
    for entry in shown:
        sections.setdefault(entry.section, []).append(entry)
    labels = labels_for(desk.default_language)
    return str(
        environment(lstrip_blocks=True)
        .get_template("edition.html.j2")
        .render(
            desk=desk,
            language=desk.default_language,
            labels=labels,
            sections=list(sections.items()),
            updated=now.isoformat(timespec="seconds"),
            has_feed=bool(desk.base_url),
            shown=len(shown),
            total=len(ordered),
        )
    )


def _base(desk: DeskSettings) -> str:
    return desk.base_url.rstrip("/") + "/"


def atom_feed(entries: list[EditionEntry], desk: DeskSettings, now: dt.datetime) -> str:
    """Atom 1.0: the newest published articles with their full text."""
    public = newest_first([e for e in entries if e.public and e.url])[:FEED_SIZE]
    changes = [m for m in (instant(e.modified) for e in public) if m is not None]
    updated = max(changes, default=now).isoformat(timespec="seconds")
    return str(
        environment(lstrip_blocks=True)
        .get_template("feed.xml.j2")
        .render(
            desk=desk,
            base=_base(desk),
            entries=public,
            updated=updated,
            rfc3339=rfc3339,
            entry_id=entry_id,
            language=desk.default_language,
        )
    )


def sitemaps(entries: list[EditionEntry], desk: DeskSettings) -> dict[str, str]:
    """``sitemap.xml`` with every published article; past 50,000 (the protocol's limit per
    file) it is a sitemap index of ``sitemap-1.xml``, ``sitemap-2.xml``, …"""
    public = newest_first([e for e in entries if e.public and e.url])
    env = environment(lstrip_blocks=True)
    parts = [public[n : n + SITEMAP_URLS] for n in range(0, len(public), SITEMAP_URLS)] or [[]]
    if len(parts) == 1:
        text = env.get_template("sitemap.xml.j2").render(entries=parts[0], rfc3339=rfc3339)
        return {"sitemap.xml": str(text)}
    files = {
        f"sitemap-{n}.xml": str(
            env.get_template("sitemap.xml.j2").render(entries=part, rfc3339=rfc3339)
        )
        for n, part in enumerate(parts, start=1)
    }
    newest = {}
    for name, part in zip(files, parts, strict=True):
        changes = [m for m in (instant(e.modified) for e in part) if m is not None]
        newest[name] = max(changes).isoformat(timespec="seconds") if changes else ""
    files["sitemap.xml"] = str(
        env.get_template("sitemap-index.xml.j2").render(base=_base(desk), parts=newest)
    )
    return files


def news_sitemap(entries: list[EditionEntry], desk: DeskSettings, now: dt.datetime) -> str:
    """Only what was published in the two days before ``now``; never anything later."""
    recent = []
    for entry in newest_first([e for e in entries if e.public and e.url]):
        moment = instant(entry.published)
        if moment is not None and now - NEWS_WINDOW <= moment <= now:
            recent.append(entry)
    recent = recent[:NEWS_URLS]
    return str(
        environment(lstrip_blocks=True)
        .get_template("sitemap-news.xml.j2")
        .render(
            desk=desk,
            entries=recent,
            rfc3339=rfc3339,
            news_language=news_language,
        )
    )
