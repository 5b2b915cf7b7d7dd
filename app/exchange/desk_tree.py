"""The desk repository's tree, written from the store (the layout ``desk_sync`` documents).

Only the articles the store's touch journal says moved since the last sync are written
again: the store's own repository keeps, in ``STATE``, the journal's mark and the commit
that sync wrote; every other article keeps its folder from that commit, so writing the tree
costs what changed, not the size of the desk.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from app.core.errors import GalleyError, InputError
from app.core.jsondata import load_json
from app.exchange.desk_layout import (
    BRANCH,
    FORMAT,
    HISTORY,
    MARKER,
    MAX_MARKER,
    SETTINGS_PATH,
    TEXT,
    DeskArticles,
    check_entry,
    desk_format,
    fanout,
)
from app.publish.rendition_cache import RenditionCache
from app.store.review_payload import images_of, published_slug
from app.store.store import Store

log = logging.getLogger(__name__)

STATE = "galley-sync-state.json"  # inside the store's own repository, never pushed
MAX_HISTORY_READ = 256 * 1024 * 1024  # as desk_sync.MAX_HISTORY


class DeskTree:
    """Writes the store as the desk's tree into the store's own repository."""

    def __init__(
        self, store: Store, repo: Any, path: Path, cache: RenditionCache | None = None
    ) -> None:
        self.store = store
        self.cache = cache  # renditions of the published bundles, kept for the next sync
        self.repo = repo
        self.path = path
        # Large blobs written this run, by content: every published bundle of a desk whose
        # articles share a photo carries the same renditions; hashing them again is the cost.
        self._blobs: dict[bytes, Any] = {}
        self._image_names: dict[str, str] = {}
        self.rendered = 0  # articles written from the store (not kept from the desk) so far
        self._theirs: DeskArticles | None = None
        self._their_bundles: Any = None

    def write(self, theirs: Any = None, *, everything: bool = False) -> tuple[Any, int]:
        """The desk's tree written from the store, and the touch journal's mark it was
        written at (``save_state`` with it once committed). Incremental when ``STATE`` says
        our head is what the last sync wrote: only articles touched since are written again.
        Otherwise (a first sync, a join, a lost state) every article is, and no file or
        bundle of an article the store no longer has stays. An article the store holds
        exactly as the desk's tree ``theirs`` has it (what a sync just took in) keeps the
        desk's files and bundle instead of being rendered again."""
        import pygit2

        repo = self.repo
        head = repo.references.get(BRANCH)
        base = repo[head.target].tree if head is not None else None
        state = self._read_state()
        incremental = (
            not everything
            and base is not None
            and state.get("commit") == str(head.target)
            and isinstance(state.get("seq"), int)
            and desk_format(repo, base) == FORMAT
        )
        mark, touched = self.store.touches.touched_since(state["seq"] if incremental else 0)
        self._theirs = DeskArticles(repo, theirs) if theirs is not None else None
        self._their_bundles = _subtree(repo, theirs, "published")
        keep = base if incremental else None
        ours = DeskArticles(repo, keep)
        top = _builder(repo, keep, "articles")
        kept_articles = _subtree(repo, keep, "articles")
        groups: dict[str, Any] = {}
        images = _builder(repo, base, "images")  # content-addressed: a stale one harms nobody
        published = _builder(repo, keep, "published")
        for article_id in touched:  # first every old bundle, then the new ones: slugs swap
            old = ours.get(article_id)
            old_slug = _published_slug(repo, old[0]) if old is not None else ""
            if old_slug and published.get(old_slug) is not None:
                published.remove(old_slug)
        for article_id in touched:
            name = fanout(article_id)
            if name not in groups:
                groups[name] = _builder(repo, kept_articles, name)
            for file in (article_id + HISTORY, article_id + TEXT):
                if groups[name].get(file) is not None:
                    groups[name].remove(file)
            if self.store.exists(article_id):
                history, text = self._write_article(article_id, images, published)
                groups[name].insert(article_id + HISTORY, history, pygit2.GIT_FILEMODE_BLOB)
                groups[name].insert(article_id + TEXT, text, pygit2.GIT_FILEMODE_BLOB)
        for name, group in sorted(groups.items()):
            if len(group):
                top.insert(name, group.write(), pygit2.GIT_FILEMODE_TREE)
            elif top.get(name) is not None:
                top.remove(name)
        root = repo.TreeBuilder()
        marker = json.dumps({"format": FORMAT}) + "\n"
        root.insert(MARKER, repo.create_blob(marker.encode()), pygit2.GIT_FILEMODE_BLOB)
        root.insert("articles", top.write(), pygit2.GIT_FILEMODE_TREE)
        root.insert("images", images.write(), pygit2.GIT_FILEMODE_TREE)
        root.insert("published", published.write(), pygit2.GIT_FILEMODE_TREE)
        settings = repo.TreeBuilder()
        text = json.dumps(self.store.desk_settings.export(), ensure_ascii=False, indent=1)
        settings.insert(
            SETTINGS_PATH.rpartition("/")[2],
            repo.create_blob((text + "\n").encode("utf-8")),
            pygit2.GIT_FILEMODE_BLOB,
        )
        root.insert(SETTINGS_PATH.partition("/")[0], settings.write(), pygit2.GIT_FILEMODE_TREE)
        return root.write(), mark

    def _write_article(self, article_id: str, images: Any, published: Any) -> tuple[Any, Any]:
        """One article's history file and text (their blobs) and its images; for a
        published article also its web bundle under ``published/SLUG/``."""
        import pygit2

        repo = self.repo
        payload = self.store.merge.payload(article_id)
        for revision in payload["revisions"]:
            # Where a revision came from is this laptop's bookkeeping ("review bundle",
            # "restored from revision 3"): the desk's files must read the same whoever
            # wrote them, or every sync would rewrite every article.
            revision["origin"] = ""
        history = (json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode(
            "utf-8"
        )
        for sha in sorted(images_of(payload)):
            name = self._image_name(sha)
            if images.get(name) is None:
                data, _mime = self.store.images.get(sha)
                images.insert(name, self._blob(data), pygit2.GIT_FILEMODE_BLOB)
        kept = self._theirs_if_same(article_id, payload, history, published)
        if kept is not None:
            return kept
        self.rendered += 1
        article = self.store.get_article(article_id)
        live = self.store.articles.as_published(article_id)
        paths = {}
        for figure in article.figures:
            paths[figure.key] = f"../../images/{self._image_name(figure.image)}"
        from app.exchange.source import article_to_markdown  # PyYAML: only when writing

        markdown = article_to_markdown(article, paths).encode("utf-8")
        files = repo.create_blob(history), repo.create_blob(markdown)
        if article.status == "published":
            from app.exchange.bundles import bundle_files

            try:
                _article, bundle, _page = bundle_files(self.store, live, self.cache)
            except GalleyError as exc:  # the article still syncs; its page waits for a fix
                log.warning("%s: no web bundle in the desk: %s", article.slug, exc)
            else:
                published.insert(live.slug, self._tree_of_files(bundle), pygit2.GIT_FILEMODE_TREE)
        return files

    def _theirs_if_same(
        self, article_id: str, payload: dict[str, Any], history: bytes, published: Any
    ) -> tuple[Any, Any] | None:
        """The desk's own files (and web bundle) for an article whose history the store now
        holds byte for byte as the desk has it: what a sync just took in is not rendered and
        written again (a laptop joining a desk would otherwise write the whole desk twice)."""
        import pygit2

        found = self._theirs.get(article_id) if self._theirs is not None else None
        if found is None or found[1] is None or found[0] != pygit2.hash(history):
            return None
        live = self.store.articles.as_published(article_id)  # what this store decided
        if live.status != "published":
            return found
        slug = live.slug
        bundles = self._their_bundles
        if bundles is None or slug not in bundles or slug != published_slug(payload):
            return None  # their bundle is missing or under another name: ours is written
        _check_bundle(self.repo, bundles[slug], f"published/{slug}")
        published.insert(slug, bundles[slug].id, pygit2.GIT_FILEMODE_TREE)
        return found

    def _image_name(self, sha: str) -> str:
        """An image's file name in the desk (``SHA256.EXT``), its type read once a run (an
        image is stored once and never changes; its bytes are read only when written)."""
        name = self._image_names.get(sha)
        if name is None:
            from app.publish.images import EXTENSIONS

            name = self._image_names[sha] = (
                f"{sha}.{EXTENSIONS.get(self.store.images.mime(sha), 'png')}"
            )
        return name

    def _blob(self, data: bytes) -> Any:
        if len(data) < 4096:
            return self.repo.create_blob(data)
        oid = self._blobs.get(data)
        if oid is None:
            oid = self._blobs[data] = self.repo.create_blob(data)
        return oid

    def _tree_of_files(self, files: dict[str, bytes]) -> Any:
        """A tree of ``files`` (paths with ``/``), deepest folders first."""
        import pygit2

        repo = self.repo
        folders: dict[str, Any] = {"": repo.TreeBuilder()}
        for path in sorted(files):
            parts = path.split("/")
            for depth in range(1, len(parts)):
                folders.setdefault("/".join(parts[:depth]), repo.TreeBuilder())
            blob = self._blob(files[path])
            folders["/".join(parts[:-1])].insert(parts[-1], blob, pygit2.GIT_FILEMODE_BLOB)
        for name in sorted(folders, key=lambda f: -f.count("/") - 1 if f else 0):
            if name:
                parent, _, leaf = name.rpartition("/")
                folders[parent].insert(leaf, folders[name].write(), pygit2.GIT_FILEMODE_TREE)
        return folders[""].write()

    # What the last sync wrote: the touch journal's mark and the commit it went into.
    def _read_state(self) -> dict[str, Any]:
        try:
            data = load_json((self.path / STATE).read_bytes(), limit=MAX_MARKER, file=STATE)
        except (OSError, InputError):
            return {}  # no state (or a damaged one): every article is written again
        return data if isinstance(data, dict) else {}

    def restored_since_last_sync(self) -> bool:
        """Whether a backup was restored into the store since the last sync wrote ``STATE``
        (a store that never synced has nothing to catch up with)."""
        state = self._read_state()
        if not state:
            return False
        return bool(state.get("restores", 0) != len(self.store.restores.all()))

    def save_state(self, mark: int, commit: Any) -> None:
        """Remember what this sync wrote; nothing is written when that is what the last
        one remembered (a sync with nothing new writes nothing)."""
        state = {"seq": mark, "commit": str(commit), "restores": len(self.store.restores.all())}
        if self._read_state() == state:
            return
        tmp = (self.path / STATE).with_suffix(".tmp")
        tmp.write_text(json.dumps(state), encoding="utf-8")
        tmp.replace(self.path / STATE)


MAX_BUNDLE_ENTRIES = 10_000  # a bundle holds its page, a stylesheet and ~30 images a figure


def _check_bundle(repo: Any, entry: Any, where: str) -> None:
    """A web bundle the desk has, before it is kept in ours: folders and files only."""
    check_entry(entry, where, "tree")
    folders = [(repo[entry.id], where)]
    seen = 0
    while folders:
        tree, path = folders.pop()
        for item in tree:
            seen += 1
            if seen > MAX_BUNDLE_ENTRIES:
                raise InputError("holds more files than any web bundle", file=f"desk:{where}")
            check_entry(item, f"{path}/{item.name}")
            if item.type_str == "tree":
                folders.append((repo[item.id], f"{path}/{item.name}"))


def check_new_bundles(repo: Any, theirs: Any, ours: Any) -> None:
    """Every web bundle of the desk's tree ``theirs`` that ours lacks or has otherwise:
    folders and files only (a sync keeps the desk's bundles as they are)."""
    bundles = _subtree(repo, theirs, "published")
    mine = _subtree(repo, ours, "published")
    if bundles is None or (mine is not None and mine.id == bundles.id):
        return
    for entry in bundles:
        if mine is None or entry.name not in mine or mine[entry.name].id != entry.id:
            _check_bundle(repo, entry, f"published/{entry.name}")


def _builder(repo: Any, base: Any, folder: str) -> Any:
    """A tree builder starting from ``folder`` of ``base`` (empty without one)."""
    if base is not None and folder in base:
        return repo.TreeBuilder(repo[base[folder].id])
    return repo.TreeBuilder()


def _subtree(repo: Any, tree: Any, folder: str) -> Any:
    if tree is None or folder not in tree or tree[folder].type_str != "tree":
        return None
    return repo[tree[folder].id]


def _published_slug(repo: Any, history: Any) -> str:
    """The slug an article (its history file as our last sync wrote it) was published under."""
    try:
        return published_slug(load_json(repo[history].data, limit=MAX_HISTORY_READ))
    except (ValueError, KeyError, TypeError, StopIteration, GalleyError):
        return ""
