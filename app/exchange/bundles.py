"""Bundles: the folder (or zip) web staff receive, and reading one back into a store.

A bundle is ``SLUG/index.html``, ``SLUG/style.css``, ``SLUG/media/…`` (web renditions and, under
``media/source/``, the clean master images), ``SLUG/article.md`` (the import format) and
``SLUG/article.json`` (ninjs). Exports are deterministic: the same article gives the same bytes,
zip included (fixed timestamps, sorted entries).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from app.core.body_syntax import syntax_problems
from app.core.errors import Cancelled, ExportError, InputError
from app.core.jsondata import load_json
from app.core.model import Article
from app.core.validation import validate_article
from app.exchange.source import article_to_markdown
from app.publish.image_credits import ImageCredits
from app.publish.images import EXTENSIONS, renditions
from app.publish.ninjs import article_json, bundle_article_id
from app.publish.page import RenderedPage, bundle_image_url, render_page
from app.publish.rendition_cache import RenditionCache
from app.resources import resource_path
from app.store.store import Store

log = logging.getLogger(__name__)

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MAX_ZIP_FILES = 5_000
MAX_ZIP_BYTES = 512 * 1024 * 1024
MAX_ZIP_MEMBER = 64 * 1024 * 1024
MAX_ARTICLE_JSON = 64 * 1024 * 1024  # a bundle's article.json, read to know whose it is

Progress = Callable[[int, int, Article], None]


def bundle_files(
    store: Store, article: Article, cache: RenditionCache | None = None
) -> tuple[Article, dict[str, bytes], RenderedPage]:
    """Every file of the article's bundle, by path inside the bundle folder (and the page,
    for the desk edition); ``cache`` keeps its renditions for the next export."""
    page = render_page(store, article, web_images=True, cache=cache)
    files: dict[str, bytes] = {}
    media: dict[str, dict[str, Any]] = {}
    for figure in article.figures:
        made = page.renditions.get(figure.key) or renditions(
            store,
            figure.image,
            name=f"figure '{figure.key}'",
            cache=cache,
            credits=ImageCredits.of(figure),
        )
        data, mime = store.images.get(figure.image)
        master = f"media/source/{figure.key}.{EXTENSIONS.get(mime, 'png')}"
        files[master] = data
        paths = []
        for r in made:
            path = bundle_image_url(figure.key, r)
            files[path] = r.data
            paths.append((path, r))
        media[figure.key] = {"master": master, "renditions": paths}
    files["index.html"] = page.html.encode("utf-8")
    files["style.css"] = resource_path("style.css").read_bytes()
    source = article_to_markdown(article, {k: v["master"] for k, v in media.items()})
    files["article.md"] = source.encode("utf-8")
    doc = article_json(article, page, media)
    files["article.json"] = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode()
    return article, files, page


def _bundle_id(folder: Path) -> str | None:
    """The article id of a bundle folder Galley wrote (its ``article.json``), else None."""
    try:
        doc = load_json((folder / "article.json").read_bytes(), limit=MAX_ARTICLE_JSON)
    except (OSError, InputError):
        return None
    return bundle_article_id(doc) if isinstance(doc, dict) else None


def _check_replaceable(target: Path, article: Article) -> None:
    """Export replaces only what it wrote: a bundle of the same article. Anything else at
    ``target`` (someone's folder, another article's bundle) is an error naming it."""
    if not target.exists() and not target.is_symlink():
        return
    if target.is_symlink() or not target.is_dir():
        raise ExportError(
            f"{target}: is in the way and is not a Galley bundle; nothing was "
            "written (move it away or export elsewhere)"
        )
    found = _bundle_id(target)
    if found != article.id:
        what = "another article's bundle" if found else "not a Galley bundle"
        raise ExportError(
            f"{target}: already exists and is {what}; nothing was written "
            "(move it away or export elsewhere)"
        )


def _write_folder(target: Path, files: dict[str, bytes]) -> None:
    """Write the bundle next to ``target`` and swap it in, so a failure leaves no half bundle."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for name, data in sorted(files.items()):
            path = partial / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        os.chmod(partial, 0o755)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            target.rename(old / target.name)
            partial.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            partial.rename(target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise


def preflight(store: Store, refs: list[str]) -> list[Article]:
    """Check every article of an export before the first file is written, so a batch never
    stops half-way: the first problem is an error naming the article and the line. A
    published article is exported as it was published (``Articles.as_published``): an edit
    made since reaches readers only through a new decision."""

    articles = []
    for ref in refs:
        article = store.articles.as_published(ref)
        validate_article(article, file=article.slug)
        keys = {f.key for f in article.figures}
        problems = syntax_problems(article.body, keys, store.articles.refers)
        if problems:
            first = problems[0]
            raise InputError(first.message, file=article.slug, field="body", line=first.line)
        articles.append(article)
    return articles


def _write_zip(target: Path, slug: str, files: dict[str, bytes]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh, zipfile.ZipFile(fh, "w") as zf:
            for name, data in sorted(files.items()):
                info = zipfile.ZipInfo(f"{slug}/{name}", date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3
                info.external_attr = (stat.S_IFREG | 0o644) << 16
                zf.writestr(info, data, compresslevel=9)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_articles(
    store: Store,
    refs: Iterable[str],
    out: Path,
    *,
    as_zip: bool = False,
    progress: Progress | None = None,
    for_review: bool = False,
    steps: Callable[[int, int, str], None] | None = None,
    edition: bool = False,
    cache: RenditionCache | None = None,
) -> list[Path]:
    """Export each article to ``out/SLUG`` (or ``out/SLUG.zip``); returns what was written.
    The store is only read; ``cache`` keeps the renditions made, for the next export.

    ``for_review`` adds the history, notes and status record (``review.json``), for an
    editor on another machine; a web bundle never carries them. ``edition`` (folders only)
    also writes the desk edition: ``index.html``, ``feed.xml`` and the sitemaps in ``out``.
    """
    from app.exchange import edition as desk_edition

    articles = preflight(store, list(refs))
    targets = {a.id: out / (f"{a.slug}.zip" if as_zip else a.slug) for a in articles}
    for article in articles:
        if not as_zip:
            _check_replaceable(targets[article.id], article)
    if edition:
        if as_zip:
            raise InputError("a desk edition links to bundle folders: export without --zip")
        desk_edition.check_replaceable(out)
    entries = []
    written: list[Path] = []
    for n, checked in enumerate(articles, start=1):
        if steps is not None:
            try:
                steps(n - 1, len(articles), checked.slug)
            except Cancelled:
                raise Cancelled(
                    f"stopped after {len(written)} of {len(articles)} bundle(s); "
                    "those are complete, none is half-written"
                ) from None
        article, files, page = bundle_files(store, checked, cache)  # read once, by the preflight
        if edition:
            entries.append(desk_edition.entry(store, article, page, cache))
        if for_review:
            from app.exchange.review_bundle import review_files

            files.update(review_files(store, article.id))
        target = targets[article.id]
        try:
            if as_zip:
                _write_zip(target, article.slug, files)
            else:
                _write_folder(target, files)
        except OSError as exc:
            done = f"; {len(written)} bundle(s) before it were written" if written else ""
            raise ExportError(
                f"{target}: could not be written ({exc.strerror or exc}); nothing of it was "
                f"left half-written{done}"
            ) from None
        written.append(target)
        if progress:
            progress(n, len(articles), article)
    if edition:
        written += desk_edition.write(out, entries, store.desk())
    return written


# -- reading bundles back ------------------------------------------------------------------


def _safe_members(zf: zipfile.ZipFile, name: str) -> list[zipfile.ZipInfo]:
    members = zf.infolist()
    if len(members) > MAX_ZIP_FILES:
        raise InputError(f"holds {len(members):,} files; a bundle has far fewer", file=name)
    total = 0
    for info in members:
        path = PurePosixPath(info.filename)
        if (
            info.filename.startswith(("/", "\\"))
            or ".." in path.parts
            or ":" in info.filename
            or "\\" in info.filename
        ):
            raise InputError(
                f"entry '{info.filename}' would be written outside the bundle "
                "(zip-slip); refusing the whole file",
                file=name,
            )
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise InputError(
                f"entry '{info.filename}' is a symbolic link; bundles hold none", file=name
            )
        if info.file_size > MAX_ZIP_MEMBER:
            raise InputError(
                f"entry '{info.filename}' unpacks to {info.file_size:,} bytes; too large", file=name
            )
        total += info.file_size
        if total > MAX_ZIP_BYTES:
            raise InputError("unpacks to more than 512 MB; refusing it (zip bomb?)", file=name)
    return members


def _unpack(zip_path: Path, into: Path) -> None:
    name = str(zip_path)
    try:
        with zipfile.ZipFile(zip_path) as zf:
            for info in _safe_members(zf, name):
                if info.is_dir():
                    continue
                target = into / info.filename
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, open(target, "wb") as dst:
                    copied = 0
                    while chunk := src.read(1 << 20):
                        copied += len(chunk)
                        if copied > MAX_ZIP_MEMBER:
                            raise InputError(
                                f"entry '{info.filename}' is larger than it says", file=name
                            )
                        dst.write(chunk)
    except (zipfile.BadZipFile, EOFError, zlib_error()) as exc:
        raise InputError(f"is not a readable zip file ({exc})", file=name) from None
    except RuntimeError as exc:  # zipfile: "File … is encrypted, password required"
        raise InputError(
            f"is encrypted; export the bundle again without a password ({exc})", file=name
        ) from None
    except NotImplementedError as exc:  # zstd, LZMA variants zipfile cannot read
        raise InputError(
            f"uses a compression Galley cannot read ({exc}); zip it again with "
            "the usual (deflate) compression",
            file=name,
        ) from None


def zlib_error() -> type[Exception]:
    import zlib

    return zlib.error


def _article_files(folder: Path) -> list[Path]:
    if (folder / "article.md").is_file():
        return [folder / "article.md"]
    found = sorted(
        p / "article.md"
        for p in folder.iterdir()
        if p.is_dir() and not p.is_symlink() and (p / "article.md").is_file()
    )
    return found


def _import_files(
    store: Store,
    files: list[Path],
    author: str,
    report: Callable[[str], None] | None,
    progress: Callable[[int, int, str], None] | None = None,
    archive_role: str | None = None,
) -> list[Article]:
    """All or nothing: the writes are one transaction, and a file that cannot be read or
    checked ends it with nothing kept (several folders or zips with one bad file import
    none). Each file is read and checked just before its write; the Markdown ones of a
    large import are prepared ahead by worker processes (``app.exchange.ahead``)."""
    from app.exchange.ahead import AheadFiles, confirmed, worker_count
    from app.exchange.markdown import AskStore, prepare_with, store_prepared
    from app.exchange.review_bundle import is_review_bundle, read_review_bundle

    step = progress or (lambda _done, _total, _what: None)
    total = 2 * len(files)  # read and check each, and write each
    reviews = {f for f in files if is_review_bundle(f.parent)}
    markdown = [f for f in files if f not in reviews]
    taken: dict[str, Path] = {}  # ids this import writes, and their files
    questions = AskStore(store, taken)
    stored: list[Article] = []
    messages: list[str] = []
    with (
        AheadFiles(markdown, worker_count(len(markdown))) as ahead,
        store.tx.write(),  # a Cancelled from ``step`` rolls every write back
    ):
        for n, f in enumerate(files):
            name = f.parent.name if f.name == "article.md" else f.name
            step(2 * n, total, name)
            if f in reviews:
                payload, images = read_review_bundle(f.parent)
                step(2 * n + 1, total, name)
                result = store.merge.apply(
                    payload, by=author, file=str(f.parent / "review.json"), images=images
                )
                stored.append(store.get_article(result.article_id))
                messages.append(result.message(stored[-1].slug))
                continue
            early = ahead.take(f)
            prepared = (early and confirmed(questions, early)) or prepare_with(questions, f)
            article_id = prepared.article.id
            if article_id in taken:
                raise InputError(
                    f"two of its articles have the same id {article_id} (also {taken[article_id]})",
                    file=str(f),
                    field="id",
                )
            taken[article_id] = f
            step(2 * n + 1, total, name)
            stored.append(
                store_prepared(
                    store,
                    prepared,
                    author=author,
                    archive_role=archive_role,
                    report=messages.append,
                )
            )
    for message in messages:
        if report is not None:
            report(message)
        else:
            log.warning("%s", message)
    return stored


def _files_of(path: Path, unpack_into: Path) -> list[Path]:
    """The article files a path holds: itself, a bundle folder's, a folder of bundles', or
    a zip's (unpacked into ``unpack_into``)."""
    if not path.exists():
        raise InputError("does not exist", file=str(path))
    if path.is_dir():
        files = _article_files(path)
        if not files:
            raise InputError("holds no article.md (not a Galley bundle)", file=str(path))
        return files
    if zipfile.is_zipfile(path):
        into = Path(tempfile.mkdtemp(dir=unpack_into))
        try:
            _unpack(path, into)
        except OSError as exc:
            raise ExportError(
                f"{path}: could not be unpacked ({exc.strerror or exc}); nothing was imported"
            ) from None
        files = _article_files(into)
        if not files:
            raise InputError("holds no article.md (not a Galley bundle)", file=str(path))
        return files
    return [path]


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    author: str,
    report: Callable[[str], None] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    archive_role: str | None = None,
) -> list[Article]:
    """Import Markdown files, bundle folders, folders of bundles and bundle zips: all of
    them in one transaction, or nothing. ``progress(done, total, what)`` hears each step
    and may raise ``Cancelled`` to stop (nothing is then kept). ``author`` is who imports
    (revision 1 and any status record name them).

    New articles arrive as drafts; ``archive_role`` (an editor's archive import) keeps the
    status their front matter gives, recorded as such. Review bundles (with
    ``review.json``) merge into an existing article; ``report`` hears what each did
    (brought up to date, both sides edited, …) and any status or slug not kept.
    """
    with tempfile.TemporaryDirectory(prefix="galley-import-") as tmp:
        files = [f for path in paths for f in _files_of(Path(path), Path(tmp))]
        return _import_files(store, _once(files), author, report, progress, archive_role)


def _once(files: list[Path]) -> list[Path]:
    """``files`` in order, a file named twice (``a.md ./a.md``) kept the first time."""
    seen: set[Path] = set()
    out = []
    for f in files:
        where = f.resolve()
        if where not in seen:
            seen.add(where)
            out.append(f)
    return out


def import_path(
    store: Store,
    path: str | Path,
    *,
    author: str,
    report: Callable[[str], None] | None = None,
    archive_role: str | None = None,
) -> list[Article]:
    """Import one Markdown file, bundle folder, folder of bundles or bundle zip."""
    return import_paths(store, [path], author=author, report=report, archive_role=archive_role)
