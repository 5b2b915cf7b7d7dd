"""The article page: one function that turns a stored article into its HTML page.

Both the export bundle and the editor's preview call ``render_page``; only how images are
addressed differs (``ImagePlan``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.core.errors import InputError, NotFoundError
from app.core.model import Article, DeskSettings, RelatedLink
from app.publish.body import BodyContext, render_body
from app.publish.images import Rendition, renditions
from app.publish.labels import Labels, labels_for
from app.publish.metadata import json_ld, open_graph, script_json
from app.publish.sanitize import web_url
from app.store.store import Store

# How a page addresses an image rendition: (figure key, rendition) -> URL.
ImageUrl = Callable[[str, Rendition], str]


def bundle_image_url(key: str, rendition: Rendition) -> str:
    return f"media/{key}-{rendition.width}.{rendition.extension}"


@dataclass
class PageModel:
    """Everything the template shows, already checked and in the article's language."""

    language: str
    title: str
    description: str
    authors: list[str]
    section: str
    tags: list[str]
    published: str
    modified: str
    url: str
    base_url: str
    publication: str
    stylesheet: str
    images: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)
    link_lists: list[dict[str, Any]] = field(default_factory=list)
    open_graph: list[tuple[str, str]] = field(default_factory=list)
    json_ld: str = ""


@dataclass
class RenderedPage:
    html: str
    body_html: str
    model: PageModel
    # figure key -> its renditions (for the bundle writer)
    renditions: dict[str, list[Rendition]] = field(default_factory=dict)


@functools.cache
def _environment() -> Any:
    import jinja2

    from app.resources import resource_path

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_path("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def article_url(article: Article, desk: DeskSettings) -> str:
    """The canonical URL: the article's own, else the desk's base URL + slug + '/'."""
    if article.canonical_url:
        return article.canonical_url
    if desk.base_url:
        return desk.base_url.rstrip("/") + "/" + article.slug + "/"
    return ""


def _linked_article(store: Store, article_id: str, desk: DeskSettings) -> Article | None:
    try:
        return store.get_article(article_id)
    except NotFoundError:
        return None


def _link(store: Store, link: RelatedLink, desk: DeskSettings, where: str) -> dict[str, Any]:
    if link.article_id:
        target = _linked_article(store, link.article_id, desk)
        if target is None:
            raise InputError(
                f"links to article {link.article_id}, which is not in the store", field=where
            )
        return {
            "url": article_url(target, desk) or f"../{target.slug}/",
            "title": link.title or target.title,
            "excerpt": link.excerpt or target.dek,
            "author": link.author or "、".join(target.byline),
            "date": link.date or target.published[:10],
            "external": False,
        }
    url = web_url(link.url)
    if url is None:
        raise InputError(f"'{link.url}' is not an http(s) URL", field=where)
    return {
        "url": url,
        "title": link.title or link.url,
        "excerpt": link.excerpt,
        "author": link.author,
        "date": link.date,
        "external": True,
    }


def _modified(updated: str, published: str) -> str:
    """The update time worth showing: only after publication, in the dateline's time zone."""
    from datetime import datetime

    try:
        changed = datetime.fromisoformat(updated.replace("Z", "+00:00"))
        first = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return updated
    if first.tzinfo is None or changed.tzinfo is None:
        return updated
    if changed <= first:
        return ""
    return changed.astimezone(first.tzinfo).isoformat(timespec="seconds")


def _absolute(url: str, page_url: str) -> str:
    if not page_url or url.startswith(("http://", "https://")):
        return url
    return page_url.rstrip("/") + "/" + url


def render_page(
    store: Store,
    article: Article,
    *,
    image_url: ImageUrl = bundle_image_url,
    stylesheet: str = "style.css",
    desk: DeskSettings | None = None,
    display_width: int = 960,
) -> RenderedPage:
    """The full HTML page of ``article``. Raises InputError (with field and line) on bad input."""
    desk = desk or store.desk()
    labels = labels_for(article.language)
    env = _environment()
    url = article_url(article, desk)
    figures = {f.key: f for f in article.figures}
    made: dict[str, list[Rendition]] = {}
    images: list[dict[str, Any]] = []

    def figure_html(key: str) -> str:
        figure = figures[key]
        if key not in made:
            made[key] = renditions(store, figure.image, name=f"figure '{key}'")
        sizes = made[key]
        main = next((r for r in sizes if r.width >= display_width), sizes[-1])
        images.append(
            {
                "url": _absolute(image_url(key, sizes[-1]), url),
                "width": sizes[-1].width,
                "height": sizes[-1].height,
                "caption": figure.caption,
                "credit": figure.credit,
                "alt": figure.alt,
            }
        )
        return (
            env.get_template("figure.html.j2")
            .render(
                key=key,
                src=image_url(key, main),
                srcset=", ".join(f"{image_url(key, r)} {r.width}w" for r in sizes)
                if len(sizes) > 1
                else "",
                width=main.width,
                height=main.height,
                alt=figure.alt,
                caption=figure.caption,
                credit=labels.credit(figure.credit) if figure.credit else "",
            )
            .strip()
        )

    further = [
        _link(store, r, desk, f"related[{n}]")
        for n, r in enumerate(article.related, start=1)
        if r.kind == "further-reading"
    ]
    related = [
        _link(store, r, desk, f"related[{n}]")
        for n, r in enumerate(article.related, start=1)
        if r.kind == "related"
    ]

    def further_links_html() -> str:
        items = "".join(
            f'<li><a href="{_esc(x["url"])}">{_esc(x["title"])}</a></li>' for x in further
        )
        return f"<ul>{items}</ul>" if items else ""

    def further_html(inner: str) -> str:
        return (
            env.get_template("further.html.j2")
            .render(label=labels.further_reading, inner=inner)
            .strip()
        )

    def resolve(ref: str) -> str | None:
        try:
            target = store.get_article(ref)
        except NotFoundError:
            return None
        return article_url(target, desk) or f"../{target.slug}/"

    ctx = BodyContext(
        figure_keys=set(figures),
        resolve_article=resolve,
        figure_html=figure_html,
        further_html=further_html,
        further_links_html=further_links_html,
    )
    body_html = render_body(article.body, ctx)
    if further and "further-reading" not in body_html:
        body_html += "\n" + further_html(further_links_html())
    sources = []
    for n, s in enumerate(article.sources, start=1):
        source_url = web_url(s.url) if s.url else ""
        if source_url is None:
            raise InputError(f"'{s.url}' is not an http(s) URL", field=f"sources[{n}].url")
        sources.append({**s.__dict__, "url": source_url})
    picks = [
        _link(store, p, desk, f"editors_picks[{n}]")
        for n, p in enumerate(desk.editors_picks, start=1)
        if p.article_id != article.id
    ]
    link_lists = []
    if related:
        link_lists.append({"css": "related", "label": labels.related, "links": related})
    if picks:
        link_lists.append({"css": "editors-picks", "label": labels.editors_picks, "links": picks})
    model = PageModel(
        language=article.language,
        title=article.title,
        description=article.dek,
        authors=list(article.byline),
        section=article.section,
        tags=list(article.tags),
        published=article.published,
        modified=_modified(article.updated, article.published)
        if article.published
        else article.updated,
        url=url,
        base_url=desk.base_url,
        publication=desk.publication_name,
        stylesheet=stylesheet,
        images=images,
        sources=sources,
        link_lists=link_lists,
    )
    model.open_graph = open_graph(model)
    model.json_ld = script_json(json_ld(model))
    html = env.get_template("article.html.j2").render(page=model, labels=labels, body=body_html)
    return RenderedPage(html=html, body_html=body_html, model=model, renditions=made)


def _esc(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


__all__ = ["Labels", "RenderedPage", "article_url", "bundle_image_url", "render_page"]
