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


FOLDERS = ("articles", "images", "published", "desk")


def check_entry(entry: Any, where: str, want: str | None = None) -> None:
    """A desk's tree holds files (blobs) and folders (trees) only: a submodule (a commit of
    another repository, which is not in this one) is refused with its path, and so is a
    file where a folder belongs (``want="tree"``) or a folder where a file does."""
    kind = entry.type_str
    if kind == "commit":
        raise InputError(
            "is a submodule (a link to another repository); a desk holds files and folders",
            file=f"desk:{where}",
        )
    if kind not in ("blob", "tree"):
        raise InputError(f"is a git {kind}, neither a file nor a folder", file=f"desk:{where}")
    if want == "tree" and kind != "tree":
        raise InputError("is not a folder", file=f"desk:{where}")
    if want == "blob" and kind != "blob":
        raise InputError("is not a file", file=f"desk:{where}")


def desk_format(repo: Any, tree: Any) -> str:
    """The format a desk's tree says it has; refuses a tree that is not a Galley desk, and
    one whose top holds a submodule or a file where a folder of the layout belongs."""
    if tree is None or MARKER not in tree or tree[MARKER].type_str != "blob":
        raise SyncError(f"is not a Galley desk (no {MARKER})")
    for entry in tree:
        check_entry(entry, entry.name, "tree" if entry.name in FOLDERS else None)
    marker = repo[tree[MARKER].id]
    if marker.size > MAX_MARKER:
        raise InputError(f"is too large to be a desk's marker (at most {MAX_MARKER:,} bytes)",
                         file=f"desk:{MARKER}")  # fmt: skip
    data = load_json(marker.data, limit=MAX_MARKER, file=f"desk:{MARKER}", what="a marker")
    if not isinstance(data, dict):
        raise InputError('is not {"format": …}', file=f"desk:{MARKER}")
    found = data.get("format")
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
    check_entry(folder, "desk", "tree")
    entries = repo[folder.id]
    name = SETTINGS_PATH.rpartition("/")[2]
    if name not in entries:
        return None
    check_entry(entries[name], SETTINGS_PATH, "blob")
    return entries[name].id


def _trees(repo: Any, tree: Any, where: str) -> dict[str, Any]:
    """The sub-folders of ``tree`` by name (a file where a folder belongs is refused)."""
    out = {}
    for entry in repo[tree.id] if tree is not None else ():
        check_entry(entry, f"{where}/{entry.name}", "tree")
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
        if articles is not None:
            check_entry(articles, "articles", "tree")
        self._top = _trees(repo, articles, "articles")
        self._groups: dict[str, dict[str, tuple[Any, Any]]] = {}

    def _group(self, name: str) -> dict[str, tuple[Any, Any]]:
        if name in self._groups:
            return self._groups[name]
        where = f"articles/{name}"
        files: dict[str, list[Any]] = {}
        for entry in self.repo[self._top[name]] if name in self._top else ():
            check_entry(entry, f"{where}/{entry.name}")
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
        if "history.json" not in folder:
            raise InputError("is missing", file=f"desk:{where}/history.json")
        check_entry(folder["history.json"], f"{where}/history.json", "blob")
        text = None
        if "article.md" in folder:
            check_entry(folder["article.md"], f"{where}/article.md", "blob")
            text = folder["article.md"].id
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
