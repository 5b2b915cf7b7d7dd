"""Writing the desk edition of a batch export (``app.publish.edition`` renders it).

Each file is written beside its target and renamed over it, so a reader never sees half a
feed. A file Galley did not write (someone's own ``index.html``) is never replaced: the
export stops before the first bundle with a message naming it.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from app.core.errors import ExportError
from app.core.model import Article, DeskSettings
from app.publish.edition import (
    EditionEntry,
    atom_feed,
    entry_for,
    index_html,
    news_sitemap,
    reference_time,
    sitemaps,
)
from app.publish.images import Rendition
from app.publish.page import RenderedPage, bundle_image_url, render_page
from app.publish.rendition_cache import RenditionCache
from app.resources import resource_path
from app.store.store import Store

MARK = "Galley"  # every edition file names its generator
FILES = ("index.html", "style.css", "feed.xml", "sitemap.xml", "sitemap-news.xml")


def _ours(out: Path) -> list[Path]:
    """The edition's files in ``out``, sitemap parts of an earlier, larger export included."""
    return [out / name for name in FILES] + sorted(out.glob("sitemap-[0-9]*.xml"))


def check_replaceable(out: Path) -> None:
    for path in _ours(out):
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise ExportError(f"{path}: is in the way of the desk edition; nothing was written")
        if path.is_file():  # each of ours names Galley near its top (style.css: line one)
            head = path.read_bytes()[:4096]
            if MARK.encode() not in head:
                raise ExportError(
                    f"{path}: already exists and was not written by Galley; nothing was "
                    "written (move it away or export elsewhere)"
                )


def entry(
    store: Store, article: Article, page: RenderedPage, cache: RenditionCache | None = None
) -> EditionEntry:
    """The article as the edition lists it. The feed carries the body away from the bundle:
    there its images need absolute addresses (rendered again with them; the renditions are
    already made)."""
    feed_body = ""
    url = page.model.url
    if url and article.status == "published":  # only published articles reach the feed

        def absolute(key: str, rendition: Rendition) -> str:
            return url.rstrip("/") + "/" + bundle_image_url(key, rendition)

        feed_body = render_page(
            store, article, image_url=absolute, web_images=True, cache=cache
        ).body_html
    return entry_for(article, page, bundle_image_url, feed_body=feed_body)


def write(out: Path, entries: list[EditionEntry], desk: DeskSettings) -> list[Path]:
    """The edition's files in ``out``; feed and sitemaps need the desk's base URL."""
    now = reference_time()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{out}: the folder could not be made ({exc.strerror or exc})") from None
    files = {
        "index.html": index_html(entries, desk, now).encode("utf-8"),
        "style.css": resource_path("style.css").read_bytes(),
    }
    if desk.base_url:
        files["feed.xml"] = atom_feed(entries, desk, now).encode("utf-8")
        files.update({k: v.encode("utf-8") for k, v in sitemaps(entries, desk).items()})
        files["sitemap-news.xml"] = news_sitemap(entries, desk, now).encode("utf-8")
    for stale in _ours(out):  # parts of a larger sitemap an earlier export split
        numbered = re.fullmatch(r"sitemap-\d+\.xml", stale.name)
        if numbered and stale.name not in files and stale.is_file():
            stale.unlink()
    written = []
    for name, data in files.items():
        target = out / name
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=out)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise ExportError(f"{target}: could not be written ({exc.strerror or exc})") from None
        written.append(target)
    return written
