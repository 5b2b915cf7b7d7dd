"""``article.json``: the article as IPTC ninjs 2.1, plus a namespaced ``galley:article`` object
holding what ninjs has no field for (figure keys, the sources list, related links, status)."""

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
        doc["firstcreated"] = article.created
    if article.updated:
        doc["versioncreated"] = article.updated
    if article.published:
        doc["contentcreated"] = article.published
    if article.dek:
        doc["descriptions"] = [{"role": "summary", "value": article.dek}]
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
    if page.model.url:
        doc["altids"] = [{"role": "canonical-url", "value": page.model.url}]
    associations = []
    for figure in article.figures:
        entry = media[figure.key]
        item: dict[str, Any] = {
            "name": figure.key,
            "uri": f"urn:sha256:{figure.image}",
            "type": "picture",
            "renditions": [_rendition(path, r) for path, r in entry["renditions"]],
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
        if figure.credit:
            item["by"] = figure.credit
        associations.append(item)
    if associations:
        doc["associations"] = associations
    doc["galley:article"] = {
        "id": article.id,
        "status": article.status,
        "section": article.section,
        "canonical_url": article.canonical_url,
        "published": article.published,
        "figures": [
            {
                "key": f.key,
                "image": media[f.key]["master"],
                "sha256": f.image,
                "caption": f.caption,
                "credit": f.credit,
                "alt": f.alt,
            }
            for f in article.figures
        ],
        "sources": [dict(s.__dict__) for s in article.sources],
        "related": [dict(r.__dict__) for r in article.related],
    }
    return doc


def _rendition(path: str, r: Rendition) -> dict[str, Any]:
    return {
        "name": f"w{r.width}",
        "href": path,
        "contenttype": r.mime,
        "width": r.width,
        "height": r.height,
        "sizeinbytes": len(r.data),
    }
