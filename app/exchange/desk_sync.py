"""Desk sync through git: every laptop's store stays the working copy; a git repository any
laptop can reach (a bare repository on a shared drive or USB stick, a path or ``file://``)
is the desk they meet in.

The desk repository's layout (readable without Galley; written by ``desk_tree``):

    GALLEY-DESK.json                 {"format": "galley-desk/1"}: this is a Galley desk
    articles/ID/article.md           the article in the import format (front matter + body)
    articles/ID/history.json         its revisions, notes and status record (review payload)
    images/SHA256.EXT                its clean source images, content-addressed, once each
    published/SLUG/                  the web bundle of each published article

Sync never merges files as text: it brings every ``history.json`` of the desk into the
store through the store's own gate (``store.merge.apply``: validation, image cleaning,
workflow, one transaction an article), then writes the desk's tree again from the store
and commits it with both heads as parents. Revisions, notes and status records are united;
an article both sides edited keeps ours as the text and theirs as a revision (History:
Keep mine / Take theirs), exactly as a review bundle does. A push the desk refuses (someone
pushed first) is fetched, merged and pushed again.

git through pygit2 (libgit2): on a 10,000-article desk it sends and fetches ten changed
articles in 72 and 118 ms where dulwich takes 0.7-0.9 s (``benchmarks/bench_git_engines.py``).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import InputError, SyncError
from app.exchange.desk_credentials import remote_callbacks
from app.exchange.desk_tree import BRANCH, MARKER, DeskTree, articles_entries
from app.publish.images import EXTENSIONS
from app.store.review_payload import images_of
from app.store.store import Store

log = logging.getLogger(__name__)

THEIRS = "refs/remotes/desk/main"
REMOTE = "desk"
MAX_HISTORY = 256 * 1024 * 1024
DESK_FILE = "galley-desk.json"  # the desk's address, for readers without pygit2
PUSH_TRIES = 5


@dataclass
class SyncReport:
    """What a sync did, for one line on the command line and the window's status."""

    pushed: bool = False
    received: int = 0  # articles that came in new or changed
    diverged: list[str] = field(default_factory=list)  # slugs both sides edited
    sent: int = 0  # articles written to the desk that were new or changed there
    # Moved to different statuses on two laptops: "slug (here X, on the desk Y)".
    status_conflicts: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.received} article(s) in", f"{self.sent} out"]
        if self.status_conflicts:
            parts.append(
                f"{len(self.status_conflicts)} moved to different statuses (not decided; "
                "an editor moves it): " + ", ".join(self.status_conflicts[:5])
            )
        if self.diverged:
            parts.append(
                f"{len(self.diverged)} edited on both sides (compare in History): "
                + ", ".join(self.diverged[:5])
            )
        return "; ".join(parts)


def create_desk(location: str) -> Path:
    """A new, empty desk: a bare repository at a local path (a shared drive, a USB stick).
    An existing folder with anything in it is never taken over."""
    import pygit2

    path = Path(location.removeprefix("file://")).expanduser()
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise SyncError(f"{path}: already exists and is not empty; a new desk needs a new folder")
    try:
        pygit2.init_repository(str(path), bare=True)
    except (pygit2.GitError, OSError) as exc:
        raise SyncError(f"{path}: a desk cannot be made there ({exc})") from None
    return path


def default_repository(store_path: Path) -> Path:
    """The store's own git repository: beside the store file, ``NAME.desk.git``."""
    return store_path.with_name(store_path.name + ".desk.git")


class DeskSync:
    """Sync one store with one desk repository."""

    def __init__(self, store: Store, repository: Path | None = None) -> None:
        import pygit2

        self.store = store
        self.path = repository or default_repository(store.path)
        self.repo: Any  # pygit2's Repository: its objects are typed loosely
        if store.read_only:
            raise SyncError(f"{store.path}: the store is read-only; it cannot take the desk in")
        try:
            if (self.path / "HEAD").is_file():
                self.repo = pygit2.Repository(str(self.path))
            else:
                self.repo = pygit2.init_repository(str(self.path), bare=True)
        except (pygit2.GitError, OSError) as exc:
            raise SyncError(
                f"{self.path}: the store's desk repository cannot be used ({exc})"
            ) from None
        self.tree = DeskTree(store, self.repo, self.path)

    # -- the remote ------------------------------------------------------------------------
    @property
    def remote_url(self) -> str | None:
        names = [r.name for r in self.repo.remotes]
        return self.repo.remotes[REMOTE].url if REMOTE in names else None

    def set_remote(self, url: str) -> None:
        if self.remote_url is None:
            self.repo.remotes.create(REMOTE, url)
        elif self.remote_url != url:
            self.repo.remotes.set_url(REMOTE, url)
        # Also as plain JSON: the window learns its desk without loading git's library.
        (self.path / DESK_FILE).write_text(json.dumps({"remote": url}) + "\n", encoding="utf-8")

    def _commit(self, tree: Any, parents: list[Any], message: str) -> Any:
        import pygit2

        who = pygit2.Signature("Galley", "galley@localhost", int(time.time()), 0)
        head = self.repo.references.get(BRANCH)
        if head is not None and not parents:
            parents = [head.target]
        if head is not None and parents == [head.target] and self.repo[head.target].tree_id == tree:
            return head.target  # nothing changed since the last commit
        oid = self.repo.create_commit(None, who, who, message, tree, parents)
        self.repo.references.create(BRANCH, oid, force=True)
        return oid

    # -- bringing the desk in ----------------------------------------------------------------
    def _apply(self, their_commit: Any, report: SyncReport) -> None:
        """Every article of their tree that differs from what we last had, through the
        store's gate. Hostile or damaged entries stop the sync with the entry's path."""
        repo = self.repo
        theirs = repo[their_commit].tree
        if MARKER not in theirs:
            raise SyncError(f"{self.remote_url}: is not a Galley desk (no {MARKER})")
        head = repo.references.get(BRANCH)
        ours = (
            {e.name: e.id for e in articles_entries(repo, repo[head.target].tree)} if head else {}
        )
        for entry in articles_entries(repo, theirs):
            if ours.get(entry.name) == entry.id:
                continue  # the same folder as in our last commit: nothing new in it
            where = f"articles/{entry.name}/history.json"
            folder = repo[entry.id]
            if "history.json" not in folder:
                raise InputError("is missing", file=f"desk:{where}")
            data = repo[folder["history.json"].id].data
            if len(data) > MAX_HISTORY:
                raise InputError("is too large to be a history file", file=f"desk:{where}")
            try:
                payload = json.loads(data.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                raise InputError(f"is not valid JSON ({exc})", file=f"desk:{where}") from None
            if not isinstance(payload, dict) or payload.get("article_id") != entry.name:
                raise InputError(
                    "names another article than its folder",
                    file=f"desk:{where}",
                    field="article_id",
                )
            images = {}
            for sha in images_of(payload) if isinstance(payload.get("revisions"), list) else ():
                found = _image_blob(repo, theirs, sha)
                if found is not None:
                    images[sha] = found
            result = self.store.merge.apply(payload, file=f"desk:{where}", images=images)
            if result.outcome in ("created", "updated", "diverged"):
                report.received += 1
            slug = self.store.get_article(result.article_id).slug
            if result.outcome == "diverged":
                report.diverged.append(slug)
            if result.status_conflict is not None:
                here, there = result.status_conflict
                report.status_conflicts.append(f"{slug} (here {here}, on the desk {there})")

    # -- the exchange ------------------------------------------------------------------------
    def sync(
        self, remote: str | None = None, *, progress: Callable[[str], None] | None = None
    ) -> SyncReport:
        """Fetch, merge through the gate, commit and push; retried when someone pushed first."""
        import pygit2

        say = progress or (lambda _text: None)
        if remote:
            self.set_remote(remote)
        if self.remote_url is None:
            raise SyncError("no desk yet: give its address once (galley sync --remote PATH)")
        report = SyncReport()
        theirs = None
        for attempt in range(1, PUSH_TRIES + 1):
            say(f"fetching {self.remote_url}")
            try:
                self.repo.remotes[REMOTE].fetch(
                    ["+refs/heads/main:" + THEIRS], callbacks=remote_callbacks(self.remote_url)
                )
            except pygit2.GitError as exc:
                raise SyncError(f"{self.remote_url}: cannot be reached ({exc})") from None
            their_ref = self.repo.references.get(THEIRS)
            theirs = their_ref.target if their_ref is not None else None
            if theirs is not None:
                say("merging the desk into the store")
                self._apply(theirs, report)
            tree, written_from = self.tree.write()
            ours = self._commit(tree, [], "Galley: this laptop's articles")
            self.tree.save_state(written_from)
            if theirs is not None and ours != theirs and not self.repo.descendant_of(ours, theirs):
                tree = self.repo[ours].tree_id
                ours = self._commit(tree, [ours, theirs], "Galley: merged with the desk")
            if theirs is not None and ours == theirs:
                report.pushed = True
                break
            say("sending to the desk")
            try:
                self.repo.remotes[REMOTE].push(
                    [f"{BRANCH}:refs/heads/main"], callbacks=remote_callbacks(self.remote_url)
                )
            except pygit2.GitError as exc:
                # libgit2's words for "someone pushed first" (local and smart-HTTP desks)
                moved = any(
                    words in str(exc).lower()
                    for words in ("fastforward", "fast-forward", "not present locally")
                )
                if not moved:  # not someone else's push: the desk or the connection failed
                    raise SyncError(f"{self.remote_url}: cannot send to the desk ({exc})") from None
                if attempt == PUSH_TRIES:
                    raise SyncError(
                        f"{self.remote_url}: the desk kept moving; try again ({exc})"
                    ) from None
                log.info("push refused (%s), fetching again", exc)
                continue
            report.pushed = True
            break
        report.sent = _changed_articles(self.repo, theirs)
        return report


def _changed_articles(repo: Any, desk_before: Any) -> int:
    """How many article folders our head has that the desk did not have as they are (tree
    entries compared by id: no article is read)."""
    head = repo.references.get(BRANCH)
    if head is None:
        return 0
    before = repo[desk_before].tree if desk_before is not None else None
    old = {e.name: e.id for e in articles_entries(repo, before)}
    return sum(1 for e in articles_entries(repo, repo[head.target].tree) if old.get(e.name) != e.id)


def _image_blob(repo: Any, tree: Any, sha: str) -> bytes | None:
    if "images" not in tree:
        return None
    folder = repo[tree["images"].id]
    for ext in set(EXTENSIONS.values()):
        name = f"{sha}.{ext}"
        if name in folder:
            return bytes(repo[folder[name].id].data)
    return None
