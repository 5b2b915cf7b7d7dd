"""The desk repository's tree, written from the store (the layout ``desk_sync`` documents).

Only articles whose fingerprint moved since the last sync are written again: the store's own
repository keeps, in ``STATE``, what its last commit was written from; every other article
keeps its entry from that commit, so writing the tree costs what changed.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from app.core.errors import GalleyError
from app.exchange.source import article_to_markdown
from app.publish.images import EXTENSIONS
from app.store.review_payload import images_of
from app.store.store import Store

log = logging.getLogger(__name__)

MARKER = "GALLEY-DESK.json"
FORMAT = "galley-desk/1"
BRANCH = "refs/heads/main"
STATE = "galley-sync-state.json"  # inside the store's own repository, never pushed


class DeskTree:
    """Writes the store as the desk's tree into the store's own repository."""

    def __init__(self, store: Store, repo: Any, path: Path) -> None:
        self.store = store
        self.repo = repo
        self.path = path

    def write(self) -> tuple[Any, dict[str, list[str]]]:
        """The desk's tree written from the store. Only articles whose fingerprint moved
        since the last sync are written again (``STATE``); the rest keep their entries from
        our last commit, so a sync costs what changed, not the size of the desk. Returns the
        tree and what it was written from (``save_state`` once it is committed)."""
        import pygit2

        repo = self.repo
        head = repo.references.get(BRANCH)
        base = repo[head.target].tree if head is not None else None
        state = self._read_state() if base is not None else {}
        articles = _builder(repo, base, "articles")
        images = _builder(repo, base, "images")
        # With no state (first sync, or a lost one) every article is written again, and the
        # published bundles with them: no bundle of an unpublished or renamed article stays.
        published = _builder(repo, base if state else None, "published")
        prints = self.store.merge.fingerprints()
        for stale in [e.name for e in articles_entries(repo, base) if e.name not in prints]:
            articles.remove(stale)
        written: dict[str, list[str]] = {}
        for article_id, mark in prints.items():
            known = state.get(article_id)
            current = articles.get(article_id)
            if known and current is not None and known[:2] == [mark, str(current.id)]:
                written[article_id] = known
                continue
            old_slug = known[2] if known and len(known) > 2 else ""
            if old_slug and published.get(old_slug) is not None:
                published.remove(old_slug)
            folder_id, slug = self._write_article(article_id, images, published)
            articles.insert(article_id, folder_id, pygit2.GIT_FILEMODE_TREE)
            written[article_id] = [mark, str(folder_id), slug]
        root = repo.TreeBuilder()
        marker = json.dumps({"format": FORMAT}) + "\n"
        root.insert(MARKER, repo.create_blob(marker.encode()), pygit2.GIT_FILEMODE_BLOB)
        root.insert("articles", articles.write(), pygit2.GIT_FILEMODE_TREE)
        root.insert("images", images.write(), pygit2.GIT_FILEMODE_TREE)
        root.insert("published", published.write(), pygit2.GIT_FILEMODE_TREE)
        return root.write(), written

    def _write_article(self, article_id: str, images: Any, published: Any) -> tuple[Any, str]:
        """One article's folder (``article.md``, ``history.json``) and its images; for a
        published article also its web bundle under ``published/SLUG/``. Returns the folder
        and the slug its bundle went under ("" when none)."""
        import pygit2

        repo = self.repo
        payload = self.store.merge.payload(article_id)
        for revision in payload["revisions"]:
            # Where a revision came from is this laptop's bookkeeping ("review bundle",
            # "restored from revision 3"): the desk's files must read the same whoever
            # wrote them, or every sync would rewrite every article.
            revision["origin"] = ""
        article = self.store.get_article(article_id)
        paths = {}
        for figure in article.figures:
            _data, mime = self.store.images.get(figure.image)
            paths[figure.key] = f"../../images/{figure.image}.{EXTENSIONS.get(mime, 'png')}"
        folder = repo.TreeBuilder()
        markdown = article_to_markdown(article, paths).encode("utf-8")
        history = (json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode(
            "utf-8"
        )
        folder.insert("article.md", repo.create_blob(markdown), pygit2.GIT_FILEMODE_BLOB)
        folder.insert("history.json", repo.create_blob(history), pygit2.GIT_FILEMODE_BLOB)
        for sha in sorted(images_of(payload)):
            data, mime = self.store.images.get(sha)
            name = f"{sha}.{EXTENSIONS.get(mime, 'png')}"
            if images.get(name) is None:
                images.insert(name, repo.create_blob(data), pygit2.GIT_FILEMODE_BLOB)
        slug = ""
        if article.status == "published":
            from app.exchange.bundles import bundle_files

            try:
                _article, files, _page = bundle_files(self.store, article)
            except GalleyError as exc:  # the article still syncs; its page waits for a fix
                log.warning("%s: no web bundle in the desk: %s", article.slug, exc)
            else:
                published.insert(article.slug, self._tree_of_files(files), pygit2.GIT_FILEMODE_TREE)
                slug = article.slug
        return folder.write(), slug

    def _tree_of_files(self, files: dict[str, bytes]) -> Any:
        """A tree of ``files`` (paths with ``/``), deepest folders first."""
        import pygit2

        repo = self.repo
        folders: dict[str, Any] = {"": repo.TreeBuilder()}
        for path in sorted(files):
            parts = path.split("/")
            for depth in range(1, len(parts)):
                folders.setdefault("/".join(parts[:depth]), repo.TreeBuilder())
            blob = repo.create_blob(files[path])
            folders["/".join(parts[:-1])].insert(parts[-1], blob, pygit2.GIT_FILEMODE_BLOB)
        for name in sorted(folders, key=lambda f: -f.count("/") - 1 if f else 0):
            if name:
                parent, _, leaf = name.rpartition("/")
                folders[parent].insert(leaf, folders[name].write(), pygit2.GIT_FILEMODE_TREE)
        return folders[""].write()

    # What the last commit was written from: article id -> [fingerprint, folder, slug].
    def _read_state(self) -> dict[str, list[str]]:
        try:
            data = json.loads((self.path / STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # no state (or a damaged one): every article is written again
        return data if isinstance(data, dict) else {}

    def save_state(self, written: dict[str, list[str]]) -> None:
        tmp = (self.path / STATE).with_suffix(".tmp")
        tmp.write_text(json.dumps(written, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path / STATE)


def _builder(repo: Any, base: Any, folder: str) -> Any:
    """A tree builder starting from ``folder`` of ``base`` (empty without one)."""
    if base is not None and folder in base:
        return repo.TreeBuilder(repo[base[folder].id])
    return repo.TreeBuilder()


def articles_entries(repo: Any, tree: Any) -> list[Any]:
    if tree is None or "articles" not in tree:
        return []
    return list(repo[tree["articles"].id])
