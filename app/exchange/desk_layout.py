"""Reading a desk repository's tree: where each article's files are, and which articles
differ between two trees (what a sync must take in, what it sent).

An article is two files, fanned out by the first two hex digits of the SHA-1 of its id:
``articles/3f/ID.md`` and ``articles/3f/ID.history.json``. No folder lists every article
(a flat ``articles`` tree was 6 MB at 100,000 and went into every commit), and an article
is no folder of its own: git's library reads every folder of the commit the other side
already has before it sends anything, so 100,000 folders cost a second a push. A desk of
the first format (``articles/ID/article.md`` and ``history.json``) is still read; it is
written anew in this one. Everything here is read from trees another laptop wrote: an
entry that is not what the layout says stops the sync with its path.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from app.core.errors import InputError, SyncError
from app.core.jsondata import load_json
from app.core.validation import ARTICLE_ID_RE

MARKER = "GALLEY-DESK.json"
FORMAT = "galley-desk/2"
FLAT_FORMAT = "galley-desk/1"  # articles/ID/: read, never written
BRANCH = "refs/heads/main"
DESK_FILE = "galley-desk.json"  # the desk's address, for readers without pygit2
SETTINGS_PATH = "desk/settings.json"  # the desk's settings and its editors, as the store keeps
MAX_JSON = 256 * 1024 * 1024
MAX_MARKER = 64 * 1024  # GALLEY-DESK.json, galley-desk.json, the sync state: a line each


def default_repository(store_path: Path) -> Path:
    """The store's own git repository: beside the store file, ``NAME.desk.git``."""
    return store_path.with_name(store_path.name + ".desk.git")


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


def read_json(data: bytes, *, file: str, limit: int = MAX_JSON) -> Any:
    """JSON from a desk (hostile input): too large, not UTF-8, nested past any real file
    or not JSON is one line naming the file (``app.core.jsondata``, the one reader)."""
    return load_json(data, limit=limit, file=file)


def desk_settings_blob(repo: Any, tree: Any) -> Any:
    """The id of a desk tree's settings file, or None (a desk from before they travelled)."""
    if tree is None or "desk" not in tree:
        return None
    folder = tree["desk"]
    if folder.type_str != "tree":
        raise InputError("is not a folder", file="desk:desk")
    entries = repo[folder.id]
    name = SETTINGS_PATH.rpartition("/")[2]
    if name not in entries:
        return None
    if entries[name].type_str != "blob":
        raise InputError("is not a file", file=f"desk:{SETTINGS_PATH}")
    return entries[name].id


def _trees(repo: Any, tree: Any, where: str) -> dict[str, Any]:
    """The sub-folders of ``tree`` by name (a file where a folder belongs is refused)."""
    out = {}
    for entry in repo[tree.id] if tree is not None else ():
        if entry.type_str != "tree":
            raise InputError("is not a folder", file=f"desk:{where}/{entry.name}")
        out[entry.name] = entry.id
    return out


TEXT = ".md"
HISTORY = ".history.json"


class DeskArticles:
    """The articles of one desk tree: for each id, its history file's and its text's blob
    ids, read a fan-out folder at a time."""

    def __init__(self, repo: Any, tree: Any) -> None:
        self.repo = repo
        self.tree = tree
        self.flat = tree is not None and desk_format(repo, tree) == FLAT_FORMAT
        articles = tree["articles"] if tree is not None and "articles" in tree else None
        if articles is not None and articles.type_str != "tree":
            raise InputError("is not a folder", file="desk:articles")
        self._top = _trees(repo, articles, "articles")
        self._groups: dict[str, dict[str, tuple[Any, Any]]] = {}

    def _group(self, name: str) -> dict[str, tuple[Any, Any]]:
        if name in self._groups:
            return self._groups[name]
        where = f"articles/{name}"
        files: dict[str, list[Any]] = {}
        for entry in self.repo[self._top[name]] if name in self._top else ():
            article_id, kind = _split(entry.name)
            if (
                entry.type_str != "blob"
                or kind is None
                or not ARTICLE_ID_RE.fullmatch(article_id)
                or fanout(article_id) != name
            ):
                raise InputError(
                    "is not where an article's file belongs", file=f"desk:{where}/{entry.name}"
                )
            files.setdefault(article_id, [None, None])[kind] = entry.id
        for article_id, (history, _text) in files.items():
            if history is None:
                raise InputError("is missing", file=f"desk:{where}/{article_id}{HISTORY}")
        self._groups[name] = {k: (v[0], v[1]) for k, v in files.items()}
        return self._groups[name]

    def _flat_folder(self, article_id: str) -> tuple[Any, Any]:
        """A first-format article folder's two files."""
        where = f"articles/{article_id}"
        if not ARTICLE_ID_RE.fullmatch(article_id):
            raise InputError("is not an article folder", file=f"desk:{where}")
        folder = self.repo[self._top[article_id]]
        if "history.json" not in folder or folder["history.json"].type_str != "blob":
            raise InputError("is missing", file=f"desk:{where}/history.json")
        text = folder["article.md"].id if "article.md" in folder else None
        return folder["history.json"].id, text

    def get(self, article_id: str) -> tuple[Any, Any] | None:
        """(history blob, text blob) of the article, or None when the tree has none."""
        if self.flat:
            return self._flat_folder(article_id) if article_id in self._top else None
        return self._group(fanout(article_id)).get(article_id)

    def path(self, article_id: str) -> str:
        """Where the article's history file is, for messages."""
        if self.flat:
            return f"articles/{article_id}/history.json"
        return f"articles/{fanout(article_id)}/{article_id}{HISTORY}"

    def all(self) -> dict[str, tuple[Any, Any]]:
        if self.flat:
            return {article_id: self._flat_folder(article_id) for article_id in self._top}
        out: dict[str, tuple[Any, Any]] = {}
        for name in self._top:
            out.update(self._group(name))
        return out

    def changed_since(self, earlier: DeskArticles) -> dict[str, tuple[Any, Any] | None]:
        """Articles whose files differ from ``earlier``'s (gone ones as None). Fan-out
        folders with the same id are not opened: the cost is what changed, not the desk."""
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
        out: dict[str, tuple[Any, Any] | None] = {
            k: v for k, v in now.items() if before.get(k) != v
        }
        out.update({k: None for k in before if k not in now})
        return out


def _split(name: str) -> tuple[str, int | None]:
    """An article file's id and kind (0 history, 1 text; None for anything else)."""
    if name.endswith(HISTORY):
        return name[: -len(HISTORY)], 0
    if name.endswith(TEXT):
        return name[: -len(TEXT)], 1
    return name, None
