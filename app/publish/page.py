"""The article page: one function that turns a stored article into its HTML page.

Both the export bundle and the editor's preview call ``render_page``; only how images are
addressed differs (``ImagePlan``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.core.bylines import is_organization
from app.core.errors import InputError, NotFoundError
from app.core.model import Article, DeskSettings, RelatedLink
from app.core.script import lang_attribute
from app.core.values import instant
from app.publish.body import BodyContext, render_body
from app.publish.image_credits import ImageCredits
from app.publish.images import ImageSet, Rendition, image_set, renditions
from app.publish.labels import Labels, labels_for
from app.publish.metadata import json_ld, meta_names, open_graph, script_json
from app.publish.rendition_cache import RenditionCache
from app.publish.sanitize import web_url
from app.publish.templates import environment
from app.store.store import Store

# How a page addresses an image rendition: (figure key, rendition) -> URL.
ImageUrl = Callable[[str, Rendition], str]


def bundle_image_url(key: str, rendition: Rendition) -> str:
    crop = f"-{rendition.crop}" if rendition.crop else ""
    return f"media/{key}{crop}-{rendition.width}.{rendition.extension}"


@dataclass
class PageModel:
    """Everything the template shows, already checked and in the article's language."""

    language: str
    title: str
    description: str
    authors: list[dict[str, str]]  # {"name", "type" (Person or Organization), "url"}
    section: str
    tags: list[str]
    published: str
    modified: str  # dateModified: never before publication
    url: str
    base_url: str
    publication: str
    stylesheet: str
    logo_url: str = ""
    indexable: bool = True  # False for drafts and articles in review: noindex
    correction: str = ""
    correction_date: str = ""
    shown_updated: str = ""  # the 更新 line: only when the content changed after publication
    images: list[dict[str, Any]] = field(default_factory=list)
    crops: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)
    link_lists: list[dict[str, Any]] = field(default_factory=list)
    open_graph: list[tuple[str, str]] = field(default_factory=list)
    meta_names: list[tuple[str, str]] = field(default_factory=list)
    json_ld: str = ""


@dataclass
class RenderedPage:
    html: str
    body_html: str
    model: PageModel
    # figure key -> its renditions (for the bundle writer)
    renditions: dict[str, list[Rendition]] = field(default_factory=dict)
    # The further-reading and related links as shown ({"url", "title", "excerpt", …}).
    further: list[dict[str, Any]] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)


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


def reader_dates(updated: str, published: str) -> tuple[str, str]:
    """(dateModified, the 更新 line's time) from the article's ``updated`` and ``published``.

    dateModified is the last change of the content readers see, and never before the
    publication; the 更新 line appears only when the content changed after publication, in
    the dateline's time zone.
    """
    if not published:
        return updated, ""
    first, changed = instant(published), instant(updated) if updated else None
    if first is None or changed is None or changed <= first:
        return published, ""
    if "T" not in published:
        shown = changed.date().isoformat() if changed.date() > first.date() else ""
        return updated, shown
    local = changed.astimezone(first.tzinfo).isoformat(timespec="seconds")
    return local, local


FIGURE_SIZES = "(max-width: 46rem) 100vw, 44rem"


def _image_entry(
    path: str, r: Rendition, figure: Any, page_url: str, desk: DeskSettings
) -> dict[str, Any]:
    organization = is_organization(figure.creator, desk.organization_bylines)
    return {
        "url": _absolute(path, page_url),
        "width": r.width,
        "height": r.height,
        "caption": figure.caption,
        "credit": figure.credit,
        "alt": figure.alt,
        # The photographer (or agency, named like one: 中央社, Staff) and the notice.
        "creator": figure.creator,
        "creator_type": "Organization" if organization else "Person",
        "copyright": figure.copyright,
    }


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
    web_images: bool = False,
    cache: RenditionCache | None = None,
) -> RenderedPage:
    """The full HTML page of ``article``. Raises InputError (with field and line) on bad input.

    ``web_images`` (exports) adds WebP/AVIF where they are smaller and the lead image's crops
    for search engines, and writes each figure's credits into its renditions' metadata; the
    preview leaves them out (they take a while to encode, and a credit being typed would
    make every rendition again). ``cache`` keeps the renditions made for the next time
    (never the article store)."""
    desk = desk or store.desk()
    labels = labels_for(article.language)
    env = environment()
    url = article_url(article, desk)
    figures = {f.key: f for f in article.figures}
    made: dict[str, list[Rendition]] = {}
    images: list[dict[str, Any]] = []
    crops: list[dict[str, Any]] = []

    def figure_html(key: str) -> str:
        figure = figures[key]
        name = f"figure '{key}'"
        lead = not images
        if web_images:
            made_set = image_set(
                store,
                figure.image,
                name=name,
                focus=figure.focus,
                cache=cache,
                credits=ImageCredits.of(figure),
            )
        else:
            made_set = ImageSet(renditions(store, figure.image, name=name, cache=cache), {}, [])
        made[key] = made_set.all()
        sizes = made_set.fallback
        main = next((r for r in sizes if r.width >= display_width), sizes[-1])
        images.append(_image_entry(image_url(key, sizes[-1]), sizes[-1], figure, url, desk))
        if lead:
            crops.extend(
                _image_entry(image_url(key, r), r, figure, url, desk) for r in made_set.crops
            )

        def srcset(made: list[Rendition]) -> str:
            return ", ".join(f"{image_url(key, r)} {r.width}w" for r in made)

        return str(
            env.get_template("figure.html.j2")
            .render(
                key=key,
                src=image_url(key, main),
                srcset=srcset(sizes) if len(sizes) > 1 else "",
                sources=[
                    {"type": mime, "srcset": srcset(found)}
                    for mime, found in made_set.modern.items()
                ],
                sizes=FIGURE_SIZES,
                lead=lead,
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

    asides: list[str] = []

    def further_html(inner: str) -> str:
        # Each aside is a landmark: a second one needs a name of its own (axe: landmark-unique).
        asides.append(inner)
        label = labels.further_reading
        name = label if len(asides) == 1 else labels.numbered(label, len(asides))
        return str(
            env.get_template("further.html.j2").render(label=label, name=name, inner=inner).strip()
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
        sources.append(
            {
                **s.__dict__,
                "url": source_url,
                "lang": lang_attribute(s.title, article.language),
                "outlet_lang": lang_attribute(s.outlet, article.language),
            }
        )
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
    date_modified, shown_updated = reader_dates(article.updated, article.published)
    model = PageModel(
        language=article.language,
        title=article.title,
        description=article.dek,
        authors=[_author(name, desk) for name in article.byline],
        section=article.section,
        tags=list(article.tags),
        published=article.published,
        modified=date_modified,
        shown_updated=shown_updated,
        correction=article.correction,
        correction_date=article.correction_date,
        url=url,
        base_url=desk.base_url,
        publication=desk.publication_name,
        logo_url=desk.logo_url,
        indexable=article.status in ("approved", "published"),
        stylesheet=stylesheet,
        images=images,
        crops=crops,
        sources=sources,
        link_lists=link_lists,
    )
    model.open_graph = open_graph(model)
    model.meta_names = meta_names(model)
    model.json_ld = script_json(json_ld(model))
    html = env.get_template("article.html.j2").render(page=model, labels=labels, body=body_html)
    return RenderedPage(
        html=html,
        body_html=body_html,
        model=model,
        renditions=made,
        further=further,
        related=related,
    )


def _author(name: str, desk: DeskSettings) -> dict[str, str]:
    kind = "Organization" if is_organization(name, desk.organization_bylines) else "Person"
    return {"name": name, "type": kind, "url": desk.author_urls.get(name, "")}


def _esc(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


__all__ = ["Labels", "RenderedPage", "article_url", "bundle_image_url", "render_page"]
