"""Machine-readable metadata: Open Graph and Twitter tags, robots, and schema.org
NewsArticle JSON-LD shaped by Google's Article guidance (authors with their type and page,
the publisher with its logo, the lead image in 16:9, 4:3 and 1:1)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.publish.page import PageModel


def open_graph(page: PageModel) -> list[tuple[str, str]]:
    tags = [("og:type", "article"), ("og:title", page.title)]
    if page.description:
        tags.append(("og:description", page.description))
    if page.url:
        tags.append(("og:url", page.url))
    if page.publication:
        tags.append(("og:site_name", page.publication))
    tags.append(
        (
            "og:locale",
            page.language.replace("-Hant", "_TW").replace("-", "_")
            if page.language.startswith("zh")
            else page.language.replace("-", "_"),
        )
    )
    if page.images:
        lead = page.images[0]
        tags += [
            ("og:image", lead["url"]),
            ("og:image:width", str(lead["width"])),
            ("og:image:height", str(lead["height"])),
        ]
        if lead["alt"]:
            tags.append(("og:image:alt", lead["alt"]))
    if page.published:
        tags.append(("article:published_time", page.published))
    if page.modified:
        tags.append(("article:modified_time", page.modified))
    if page.section:
        tags.append(("article:section", page.section))
    tags += [("article:tag", tag) for tag in page.tags]
    return tags


def meta_names(page: PageModel) -> list[tuple[str, str]]:
    """``<meta name=…>`` tags: robots (large image previews; noindex before publication)
    and the Twitter card."""
    robots = "max-image-preview:large" if page.indexable else "noindex, nofollow"
    tags = [("robots", robots)]
    tags.append(("twitter:card", "summary_large_image" if page.images else "summary"))
    tags.append(("twitter:title", page.title))
    if page.description:
        tags.append(("twitter:description", page.description))
    if page.images:
        tags.append(("twitter:image", page.images[0]["url"]))
        if page.images[0]["alt"]:
            tags.append(("twitter:image:alt", page.images[0]["alt"]))
    return tags


def json_ld(page: PageModel) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
    }
    if page.description:
        data["description"] = page.description
    if page.published:
        data["datePublished"] = page.published
    if page.modified or page.published:
        data["dateModified"] = page.modified or page.published
    if page.authors:
        data["author"] = [
            {"@type": a["type"], "name": a["name"], **({"url": a["url"]} if a["url"] else {})}
            for a in page.authors
        ]
    if page.images:
        data["image"] = [_image_object(img) for img in page.crops + page.images]
    if page.publication:
        publisher: dict[str, Any] = {"@type": "Organization", "name": page.publication}
        if page.base_url:
            publisher["url"] = page.base_url
        if page.logo_url:
            publisher["logo"] = {"@type": "ImageObject", "url": page.logo_url}
        data["publisher"] = publisher
    data["inLanguage"] = page.language
    if page.section:
        data["articleSection"] = page.section
    if page.tags:
        data["keywords"] = page.tags
    if page.url:
        data["url"] = page.url
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": page.url}
    if page.correction:
        data["correction"] = {
            "@type": "CorrectionComment",
            "text": page.correction,
            "datePublished": page.correction_date,
        }
    if page.sources:
        citations = []
        for s in page.sources:
            item: dict[str, Any] = {"@type": "CreativeWork", "name": s["title"] or s["url"]}
            if s["url"]:
                item["url"] = s["url"]
            if s["date"]:
                item["datePublished"] = s["date"]
            if s["outlet"]:
                item["publisher"] = {"@type": "Organization", "name": s["outlet"]}
            citations.append(item)
        data["citation"] = citations
    return data


def _image_object(img: dict[str, Any]) -> dict[str, Any]:
    """A figure's rendition as schema.org ``ImageObject``, with the image licence fields
    search engines show (creator, creditText, copyrightNotice): the last two only when set."""
    data: dict[str, Any] = {
        "@type": "ImageObject",
        "url": img["url"],
        "width": img["width"],
        "height": img["height"],
        "caption": img["caption"],
        "creditText": img["credit"],
    }
    if img.get("creator"):
        data["creator"] = {"@type": img["creator_type"], "name": img["creator"]}
    if img.get("copyright"):
        data["copyrightNotice"] = img["copyright"]
    return data


def script_json(data: Any) -> str:
    """JSON safe inside <script>: no '</script>', no '<!--', whatever the fields hold."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
