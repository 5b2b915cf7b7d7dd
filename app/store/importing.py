"""Import an article from Markdown with YAML front matter, all or nothing.

Everything is read and checked before the first write (front matter, body figure keys, every
image, related-article references); the article and its images then go in one transaction.
"""

from __future__ import annotations

import hashlib
import logging
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import InputError, NotFoundError
from app.core.frontmatter import ParsedArticle, read_article_file
from app.core.model import Article, Figure, RelatedLink, Source
from app.store.images import clean_image
from app.store.store import Store

log = logging.getLogger(__name__)

FIGURE_LINE = re.compile(r"^\s*!\[\[([^\]]*)\]\]\s*$")


def check_body_figures(parsed: ParsedArticle, file: str) -> None:
    """Every ``![[KEY]]`` in the body must name a figure of the front matter."""
    keys = {f.key for f in parsed.figures}
    for offset, line in enumerate(parsed.body.split("\n")):
        m = FIGURE_LINE.match(line)
        if m and m.group(1) not in keys:
            raise InputError(
                f"the body places figure '{m.group(1)}', which the front matter does not define",
                file=file,
                field="body",
                line=parsed.body_line + offset,
            )


@dataclass
class PreparedImport:
    """An article read and checked from a file, with its cleaned images, not yet stored."""

    file: str
    article: Article
    images: list[tuple[bytes, str]]


def import_markdown(store: Store, path: str | Path, *, author: str = "") -> Article:
    """Import ``path``; returns the stored article. Raises InputError, storing nothing."""
    return store_prepared(store, prepare_markdown(store, path), author=author)


def store_prepared(store: Store, prepared: PreparedImport, *, author: str = "") -> Article:
    """Write a prepared article (``create_article`` refuses an id already in the store)."""
    article = prepared.article
    requested_slug = article.slug
    stored = store.create_article(article, author=author, new_images=prepared.images)
    if requested_slug and stored.slug != requested_slug:
        log.warning(
            "%s: slug '%s' was taken; stored as '%s'", prepared.file, requested_slug, stored.slug
        )
    return stored


def prepare_markdown(store: Store, path: str | Path) -> PreparedImport:
    """Read and check everything (front matter, figures, images, references); write nothing."""
    path = Path(path)
    file = str(path)
    parsed = read_article_file(path)
    check_body_figures(parsed, file)
    base = path.parent.resolve()
    images: list[tuple[bytes, str]] = []
    figures: list[Figure] = []
    cleaned: dict[Path, bytes] = {}  # one image placed by several figures is cleaned once
    for n, fig in enumerate(parsed.figures, start=1):
        image_path = (base / fig.image_path).resolve()
        where = f"figures[{n}].image"
        if not image_path.is_relative_to(base):
            raise InputError(
                f"'{fig.image_path}' points outside the article's folder",
                file=file,
                field=where,
                line=fig.line,
            )
        if image_path.is_symlink() or not image_path.is_file():
            raise InputError(
                f"'{fig.image_path}' is not a file next to the article",
                file=file,
                field=where,
                line=fig.line,
            )
        data = cleaned.get(image_path)
        if data is None:
            try:
                data = clean_image(image_path.read_bytes(), name=str(image_path))
            except InputError as exc:
                raise InputError(
                    f"image '{fig.image_path}' {exc.message}", file=file, field=where, line=fig.line
                ) from None
            cleaned[image_path] = data
            images.append((data, str(image_path)))
        figures.append(
            Figure(
                key=fig.key,
                image=hashlib.sha256(data).hexdigest(),
                caption=fig.caption,
                credit=fig.credit,
                alt=fig.alt,
            )
        )
    related: list[RelatedLink] = []
    for n, item in enumerate(parsed.related, start=1):
        target = None
        if item["article_ref"]:
            try:
                target = store.resolve(item["article_ref"])
            except NotFoundError:
                raise InputError(
                    f"no article '{item['article_ref']}' in the store",
                    file=file,
                    field=f"related[{n}].article",
                    line=item["line"],
                ) from None
        related.append(
            RelatedLink(
                kind=item["kind"],
                article_id=target,
                url=item["url"],
                title=item["title"],
                excerpt=item["excerpt"],
                author=item["author"],
                date=item["date"],
            )
        )
    values = dict(parsed.fields)
    article = Article(
        id=values.pop("id", "") or str(uuid.uuid4()),
        slug=values.pop("slug", ""),
        title=values.pop("title"),
        body=parsed.body,
        figures=figures,
        sources=[Source(**s) for s in parsed.sources],
        related=related,
        **values,
    )
    if store.exists(article.id):
        raise InputError(f"article {article.id} is already in the store", file=file, field="id")
    return PreparedImport(file, article, images)
