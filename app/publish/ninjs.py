"""``article.json``: the article as IPTC ninjs 2.1, valid against the official schema.

What ninjs has no field of its own for is put where the standard allows it: figures, the
reference sources (參考新聞來源) and the related links are ``associations`` named by kind
(``pump-station``, ``source-1``, ``related-2``); the Galley id is an ``altid``; the exact
status is the ``ednote`` of an unpublished article. The complete Galley record, front matter
and all, is the bundle's ``article.md``."""

from __future__ import annotations

from typing import Any

from app.core.model import Article
from app.core.text import count_body
from app.publish.images import Rendition
from app.publish.page import RenderedPage

PUBSTATUS = {
    "draft": "withheld",
    "in_review": "withheld",
    "approved": "usable",
    "published": "usable",
    "spiked": "canceled",
}


def article_json(
    article: Article,
    page: RenderedPage,
    media: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """``media`` maps figure key to {"master": path, "renditions": [(path, Rendition)]}."""
    cjk, words = count_body(article.body)
    doc: dict[str, Any] = {
        "uri": f"urn:uuid:{article.id}",
        "standard": {
            "name": "ninjs",
            "version": "2.1",
            "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json#",
        },
        "type": "text",
        "representationtype": "full",
        "profile": "galley-article",
        "pubstatus": PUBSTATUS[article.status],
        "language": article.language,
        "slugline": article.slug,
        "headlines": [{"role": "main", "value": article.title}],
    }
    if article.created:
        doc["firstcreated"] = _date_time(article.created)
    if page.model.modified:
        doc["versioncreated"] = _date_time(page.model.modified)
    if article.published:
        doc["contentcreated"] = _date_time(article.published)
    if article.status != "published":
        doc["ednote"] = f"Galley status: {article.status} (not for publication yet)"
    if article.dek:
        doc["descriptions"] = [{"role": "summary", "value": article.dek}]
    if article.correction:
        doc.setdefault("descriptions", []).append(
            {"role": "correction", "value": f"{article.correction_date} {article.correction}"}
        )
    doc["bodies"] = [
        {
            "role": "main",
            "contenttype": "text/html",
            "value": page.body_html,
            "charcount": cjk,
            "wordcount": words,
        },
        {"role": "source", "contenttype": "text/markdown", "value": article.body},
    ]
    if article.byline:
        doc["by"] = "、".join(article.byline)
        doc["people"] = [{"name": name, "rel": "author"} for name in article.byline]
    subjects = [{"name": tag, "rel": "tag"} for tag in article.tags]
    if article.section:
        subjects.insert(0, {"name": article.section, "rel": "section"})
    if subjects:
        doc["subjects"] = subjects
    doc["altids"] = [{"role": "galley-id", "value": article.id}]
    if page.model.url:
        doc["altids"].append({"role": "canonical-url", "value": page.model.url})
    associations = []
    for figure in article.figures:
        entry = media[figure.key]
        item: dict[str, Any] = {
            "name": figure.key,
            "uri": f"urn:sha256:{figure.image}",
            "type": "picture",
            "renditions": [
                _rendition(_absolute(path, page.model.url), r) for path, r in entry["renditions"]
            ],
        }
        if figure.caption:
            item["headlines"] = [{"role": "caption", "value": figure.caption}]
        descriptions = []
        if figure.caption:
            descriptions.append({"role": "caption", "value": figure.caption})
        if figure.alt:
            descriptions.append({"role": "alt", "value": figure.alt})
        if descriptions:
            item["descriptions"] = descriptions
        # ``by`` states who made the picture: the credit line as printed, else the
        # photographer; a photographer beside a credit line is an info source.
        if figure.credit or figure.creator:
            item["by"] = figure.credit or figure.creator
        if figure.credit and figure.creator:
            item["infosources"] = [{"name": figure.creator, "role": "creator"}]
        if figure.copyright:
            item["copyrightnotice"] = figure.copyright
        associations.append(item)
    associations += _sources(article)
    associations += _links(page)
    if associations:
        doc["associations"] = associations
    return doc


def bundle_article_id(doc: dict[str, Any]) -> str | None:
    """The Galley article id an ``article.json`` names (also the older ``galley:article``)."""
    for altid in doc.get("altids", []):
        if isinstance(altid, dict) and altid.get("role") == "galley-id":
            return str(altid.get("value"))
    older = doc.get("galley:article")
    return str(older["id"]) if isinstance(older, dict) and "id" in older else None


def _absolute(path: str, page_url: str) -> str:
    """A rendition's address: absolute under the article's URL when the desk has a base URL
    (ninjs wants a URI); relative to the bundle otherwise."""
    return page_url.rstrip("/") + "/" + path if page_url else path


def _date_time(value: str) -> str:
    """ninjs dates are date-times: a bare day is its midnight in UTC."""
    return value if "T" in value else f"{value}T00:00:00Z"


def _sources(article: Article) -> list[dict[str, Any]]:
    """The reference-source list (參考新聞來源) as associated text items, in order."""
    out = []
    for n, s in enumerate(article.sources, start=1):
        item: dict[str, Any] = {
            "name": f"source-{n}",
            "uri": s.url or f"urn:galley:{article.id}:source:{n}",
            "type": "text",
            "representationtype": "partial",
        }
        if s.title:
            item["headlines"] = [{"role": "main", "value": s.title}]
        if s.date:
            item["contentcreated"] = _date_time(s.date)
        if s.outlet:
            item["infosources"] = [{"name": s.outlet, "role": "publisher"}]
        if s.note:
            item["descriptions"] = [{"role": "note", "value": s.note}]
        out.append(item)
    return out


def _links(page: RenderedPage) -> list[dict[str, Any]]:
    """Further reading and related articles as associated text items (name says which)."""
    out = []
    for kind, links in (("further-reading", page.further), ("related", page.related)):
        for n, link in enumerate(links, start=1):
            item: dict[str, Any] = {
                "name": f"{kind}-{n}",
                "uri": link["url"],
                "type": "text",
                "representationtype": "partial",
                "headlines": [{"role": "main", "value": link["title"]}],
            }
            if link["excerpt"]:
                item["descriptions"] = [{"role": "summary", "value": link["excerpt"]}]
            if link["author"]:
                item["by"] = link["author"]
            if link["date"]:
                item["contentcreated"] = _date_time(link["date"])
            out.append(item)
    return out


def _rendition(path: str, r: Rendition) -> dict[str, Any]:
    crop = f"{r.crop}-" if r.crop else ""
    return {
        "name": f"{crop}w{r.width}-{r.extension}",
        "href": path,
        "contenttype": r.mime,
        "width": r.width,
        "height": r.height,
        "sizeinbytes": len(r.data),
    }
