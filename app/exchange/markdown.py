"""Import an article from Markdown with YAML front matter, all or nothing.

Everything is read and checked before the article's write (front matter, the body's syntax,
every image, related-article references); the article and its images then go in one
transaction, through the store's gate (which cleans the images and validates the article
again). What needs no store can be done ahead in another process (``app.exchange.ahead``).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Container
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from app.core.body_syntax import syntax_problems
from app.core.errors import ConflictError, InputError, NotFoundError
from app.core.frontmatter import ParsedArticle, read_article_file
from app.core.model import Article, Figure, RelatedLink, Source
from app.core.validation import validate_article
from app.store.images import inspect_image
from app.store.store import Store

if TYPE_CHECKING:
    from app.store.search import IndexedText

log = logging.getLogger(__name__)


class StoreQuestions(Protocol):
    """What preparing a file asks of the store: whether an ``article:`` link's target is
    stored, the id a related article's reference names, whether an id is taken."""

    def refers(self, ref: str) -> bool: ...

    def resolve(self, ref: str) -> str: ...

    def exists(self, article_id: str) -> bool: ...


class AskStore:
    """The questions answered by the store itself (``taken``: ids an import is writing
    now, which its own duplicate check names, so they count as free here)."""

    def __init__(self, store: Store, taken: Container[str] = ()) -> None:
        self.store = store
        self.taken = taken

    def refers(self, ref: str) -> bool:
        return self.store.articles.refers(ref)

    def resolve(self, ref: str) -> str:
        return self.store.resolve(ref)

    def exists(self, article_id: str) -> bool:
        return article_id not in self.taken and self.store.exists(article_id)


def check_body(questions: StoreQuestions, parsed: ParsedArticle, file: str) -> None:
    """Whatever import accepts, export can write: the body's first syntax problem (an
    undefined figure, an unclosed or unknown ``:::`` block, a Markdown image, a link to an
    article that is not in the store) is refused with its file and line."""

    keys = {f.key for f in parsed.figures}
    problems = syntax_problems(parsed.body, keys, questions.refers)
    if problems:
        first = problems[0]
        raise InputError(
            first.message, file=file, field="body", line=parsed.body_line + first.line - 1
        )


@dataclass
class PreparedImport:
    """An article read and checked from a file, with its images (raw, as read), not stored.

    ``placed`` maps each figure key to its image's index in ``images``; ``indexed`` is its
    text as the search index takes it, when worked out ahead (``app.exchange.ahead``);
    ``given``: the front matter's fields the file has, each with its line.
    """

    file: str
    article: Article
    images: list[tuple[bytes, str]]
    placed: dict[str, int]
    indexed: IndexedText | None = None
    given: dict[str, int] = field(default_factory=dict)


def import_markdown(
    store: Store, path: str | Path, *, author: str, archive_role: str | None = None
) -> Article:
    """Import ``path``; returns the stored article. Raises InputError, storing nothing."""
    return store_prepared(
        store, prepare_markdown(store, path), author=author, archive_role=archive_role
    )


def store_prepared(
    store: Store,
    prepared: PreparedImport,
    *,
    author: str,
    archive_role: str | None = None,
    report: Callable[[str], None] | None = None,
) -> Article:
    """Write a prepared article and its images in one transaction (the store cleans them).

    The article arrives as a draft, whatever its front matter says, unless this is an
    archive import (``archive_role``: the importer's role, an editor's); ``report`` hears
    when a status was not kept, and when the slug was taken."""
    article = prepared.article
    requested_slug = article.slug
    with store.tx.write():
        digests = [store.images.add(data, name=name) for data, name in prepared.images]
        for figure in article.figures:
            figure.image = digests[prepared.placed[figure.key]]
        stored = store.articles.create(
            article,
            author=author,
            origin="imported",
            archive_role=archive_role,
            indexed=prepared.indexed,
        )
    tell = report or log.warning
    if stored.status != article.status:
        tell(
            f"{prepared.file}: its front matter says 'status: {article.status}'; imported as "
            "a draft (an editor's archive import keeps it: galley import --archive)"
        )
    if requested_slug and stored.slug != requested_slug:
        tell(f"{prepared.file}: slug '{requested_slug}' was taken; stored as '{stored.slug}'")
    return stored


def prepare_markdown(store: Store, path: str | Path) -> PreparedImport:
    """Read and check everything (front matter, figures, images, references); write nothing."""
    return prepare_with(AskStore(store), path)


def prepare_with(questions: StoreQuestions, path: str | Path) -> PreparedImport:
    """``prepare_markdown`` with the store's answers given by ``questions``."""
    path = Path(path)
    file = str(path)
    parsed = read_article_file(path)
    check_body(questions, parsed, file)
    base = path.parent.resolve()
    images: list[tuple[bytes, str]] = []
    figures: list[Figure] = []
    read: dict[Path, int] = {}  # one image placed by several figures is read (and cleaned) once
    placed: dict[str, int] = {}
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
        if image_path not in read:
            data = image_path.read_bytes()
            try:
                inspect_image(data, name=str(image_path))
            except InputError as exc:
                raise InputError(
                    f"image '{fig.image_path}' {exc.message}", file=file, field=where, line=fig.line
                ) from None
            read[image_path] = len(images)
            images.append((data, str(image_path)))
        placed[fig.key] = read[image_path]
        figures.append(
            Figure(
                key=fig.key,
                image="0" * 64,  # the clean image's SHA-256, known once the store has it
                caption=fig.caption,
                credit=fig.credit,
                alt=fig.alt,
                focus=fig.focus,
                creator=fig.creator,
                copyright=fig.copyright,
            )
        )
    related: list[RelatedLink] = []
    for n, item in enumerate(parsed.related, start=1):
        target = None
        if item["article_ref"]:
            try:
                target = questions.resolve(item["article_ref"])
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
    if questions.exists(article.id):
        raise InputError(f"article {article.id} is already in the store", file=file, field="id")
    # The store checks again when it writes; checking now names the file before any write.
    validate_article(replace(article, slug=article.slug or "a"), file=file)
    return PreparedImport(file, article, images, placed, given=parsed.lines)


class _EditQuestions(AskStore):
    """An edit's file may name its own article's id (checked by the edit itself)."""

    def exists(self, article_id: str) -> bool:
        return False


@dataclass
class Edited:
    """What ``edit_markdown`` stored: the article, its head's revision number, and what of
    the file was not taken (one line each)."""

    article: Article
    number: int
    notes: list[str]


def edit_markdown(
    store: Store,
    ref: str,
    path: str | Path,
    *,
    author: str,
    role: str = "reporter",
    base: int | None = None,
) -> Edited:
    """Replace the text and fields of the article ``ref`` from a file in the import format,
    through the store's save (as the window's): validated, its images added (and cleaned)
    by the store, one transaction, a revision by ``author``. ``base`` is the revision
    number the edit started from (as ``galley history`` shows it; default: the current
    one): if the article moved on since, ConflictError and nothing is changed.

    The article keeps its id (a file's ``id:`` must be it), its status and its
    publication date, which are the workflow's (a file saying otherwise is told in
    ``notes``); a file without ``slug:`` keeps the slug, one with a slug another article
    has is refused. Raises InputError (the file), NotFoundError, ConflictError."""
    article_id = store.resolve(ref)
    current = store.get_article(article_id)
    numbers = {r.id: r.number for r in store.revisions(article_id)}
    head = numbers.get(current.revision or 0, 0)
    base_id = current.revision
    if base is not None:
        found = [rid for rid, number in numbers.items() if number == base]
        if not found:
            raise NotFoundError(f"article {article_id} has no revision {base}")
        base_id = found[0]
        if base_id != current.revision:
            raise ConflictError(article_id, base, head)
    prepared = prepare_with(_EditQuestions(store), path)
    file, given, new = prepared.file, prepared.given, prepared.article
    if "id" in given and new.id != article_id:
        raise InputError(
            f"'{new.id}' is another article's id than the one edited ({article_id})",
            file=file,
            field="id",
            line=given["id"],
        )
    notes = []
    if "status" in given and new.status != current.status:
        notes.append(
            f"{file}: its front matter says 'status: {new.status}'; not taken: the status "
            f"stays '{current.status}' (a status is a decision: galley status {article_id} "
            f"{new.status})"
        )
    if "date" in given and new.published != current.published:
        notes.append(
            f"{file}: its front matter says 'date: {new.published}'; not taken: the "
            f"publication date stays '{current.published or 'none yet'}' (it is set when the "
            "article is first published)"
        )
    slug = new.slug or current.slug
    if slug != current.slug and store.articles.refers(slug):
        other = store.resolve(slug)
        if other != article_id:
            raise InputError(
                f"slug '{slug}' is already used by article {other}",
                file=file,
                field="slug",
                line=given.get("slug"),
            )
    article = replace(
        new,
        id=article_id,
        slug=slug,
        status=current.status,
        published=current.published,
        created=current.created,
        updated=new.updated if "updated" in given else current.updated,
        revision=base_id,
    )
    with store.tx.write():
        digests = [store.images.add(data, name=name) for data, name in prepared.images]
        for figure in article.figures:
            figure.image = digests[prepared.placed[figure.key]]
        try:
            stored = store.save_article(article, author=author, role=role, base_revision=base_id)
        except ConflictError as exc:  # moved on since it was read: said in numbers
            numbers = {r.id: r.number for r in store.revisions(article_id)}
            raise ConflictError(
                article_id, numbers.get(base_id or 0), numbers.get(exc.current_revision, 0)
            ) from None
        numbers = {r.id: r.number for r in store.revisions(article_id)}
    return Edited(stored, numbers[stored.revision or 0], notes)
