"""Reading a desk repository's tree: where each article's folder is, and which folders
differ between two trees (what a sync must take in, what it sent).

Folders fan out by the first two hex digits of the SHA-1 of the article id
(``articles/3f/ID/``): a sync that changed ten articles writes ten small trees and the
``articles`` tree of 256 names, not one tree naming every article (6 MB at 100,000). A
desk of the first format (``articles/ID/``, flat) is still read; it is written anew in
this one. Everything here is read from trees another laptop wrote: an entry that is not
what the layout says stops the sync with its path.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from app.core.errors import InputError, SyncError
from app.core.validation import ARTICLE_ID_RE

MARKER = "GALLEY-DESK.json"
FORMAT = "galley-desk/2"
FLAT_FORMAT = "galley-desk/1"  # articles/ID/: read, never written
BRANCH = "refs/heads/main"


def fanout(article_id: str) -> str:
    """The folder under ``articles/`` that holds the article's folder."""
    return hashlib.sha1(article_id.encode("utf-8"), usedforsecurity=False).hexdigest()[:2]


def desk_format(repo: Any, tree: Any) -> str:
    """The format a desk's tree says it has; refuses a tree that is not a Galley desk."""
    if tree is None or MARKER not in tree or tree[MARKER].type_str != "blob":
        raise SyncError(f"is not a Galley desk (no {MARKER})")
    try:
        found = json.loads(repo[tree[MARKER].id].data.decode("utf-8")).get("format")
    except (UnicodeDecodeError, ValueError, AttributeError):
        raise InputError("is not valid JSON", file=f"desk:{MARKER}") from None
    if found not in (FORMAT, FLAT_FORMAT):
        raise SyncError(
            f"is a Galley desk of another format ({found!r}); update Galley to sync with it"
        )
    return str(found)


def _trees(repo: Any, tree: Any, where: str) -> dict[str, Any]:
    """The sub-folders of ``tree`` by name (a file where a folder belongs is refused)."""
    out = {}
    for entry in repo[tree.id] if tree is not None else ():
        if entry.type_str != "tree":
            raise InputError("is not a folder", file=f"desk:{where}/{entry.name}")
        out[entry.name] = entry.id
    return out


class DeskFolders:
    """The article folders of one desk tree, read a fan-out folder at a time."""

    def __init__(self, repo: Any, tree: Any) -> None:
        self.repo = repo
        self.tree = tree
        self.flat = tree is not None and desk_format(repo, tree) == FLAT_FORMAT
        articles = tree["articles"] if tree is not None and "articles" in tree else None
        if articles is not None and articles.type_str != "tree":
            raise InputError("is not a folder", file="desk:articles")
        self._top = _trees(repo, articles, "articles")
        self._groups: dict[str, dict[str, Any]] = {}

    def _group(self, name: str) -> dict[str, Any]:
        if name not in self._groups:
            where = f"articles/{name}"
            folders = (
                _trees(self.repo, self.repo[self._top[name]], where) if name in self._top else {}
            )
            for article_id in folders:
                if not ARTICLE_ID_RE.fullmatch(article_id) or fanout(article_id) != name:
                    raise InputError(
                        "is not where an article folder belongs", file=f"desk:{where}/{article_id}"
                    )
            self._groups[name] = folders
        return self._groups[name]

    def get(self, article_id: str) -> Any:
        """The folder's id, or None when the tree has no such article."""
        if self.flat:
            return self._top.get(article_id)
        return self._group(fanout(article_id)).get(article_id)

    def path(self, article_id: str) -> str:
        if self.flat:
            return f"articles/{article_id}"
        return f"articles/{fanout(article_id)}/{article_id}"

    def all(self) -> dict[str, Any]:
        if self.flat:
            for article_id in self._top:
                if not ARTICLE_ID_RE.fullmatch(article_id):
                    raise InputError("is not an article folder", file=f"desk:articles/{article_id}")
            return dict(self._top)
        out: dict[str, Any] = {}
        for name in self._top:
            out.update(self._group(name))
        return out

    def changed_since(self, earlier: DeskFolders) -> dict[str, Any]:
        """Folders that differ from ``earlier``'s (gone ones as None). Fan-out folders with
        the same id are not opened: the cost is what changed, not the desk's size."""
        if self.flat or earlier.flat:
            now, before = self.all(), earlier.all()
        else:
            names = {
                n
                for n in self._top.keys() | earlier._top.keys()
                if self._top.get(n) != earlier._top.get(n)
            }
            now, before = {}, {}
            for name in names:
                now.update(self._group(name))
                before.update(earlier._group(name))
        out: dict[str, Any] = {k: v for k, v in now.items() if before.get(k) != v}
        out.update({k: None for k in before if k not in now})
        return out


def empty_folders(repo: Any) -> DeskFolders:
    return DeskFolders(repo, None)
