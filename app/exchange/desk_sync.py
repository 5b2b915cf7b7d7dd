"""Desk sync through git: every laptop's store stays the working copy; a git repository any
laptop can reach (a bare repository on a shared drive or USB stick, a path or ``file://``)
is the desk they meet in.

The desk repository's layout (readable without Galley; written by ``desk_tree``):

    GALLEY-DESK.json                 {"format": "galley-desk/2"}: this is a Galley desk
    articles/XX/ID.md                the article as Markdown, front matter + body (figures
                                     point at ../../images/); XX: the first two hex
                                     digits of SHA-1 of the id
    articles/XX/ID.history.json      its revisions, notes and status record (review payload)
    images/SHA256.EXT                its clean source images, content-addressed, once each
    published/SLUG/                  the web bundle of each published article
    desk/settings.json               the desk settings and every list of its editors

The branch is ``refs/heads/main`` and HEAD names it (``git clone`` checks the desk out).

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

import functools
import json
import logging
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import InputError, SyncError
from app.core.jsondata import load_json
from app.core.workflow import set_aside_text
from app.exchange.desk_credentials import is_url, mask_url, remote_callbacks
from app.exchange.desk_layout import (
    BRANCH,
    DESK_FILE,
    SETTINGS_PATH,
    DeskArticles,
    check_entry,
    default_repository,
    desk_settings_blob,
    read_json,
)
from app.exchange.desk_tree import DeskTree, check_new_bundles
from app.publish.rendition_cache import RenditionCache
from app.store.store import Store

log = logging.getLogger(__name__)

THEIRS = "refs/remotes/desk/main"
REMOTE = "desk"
MAX_HISTORY = 256 * 1024 * 1024
PUSH_TRIES = 5
LOCK_FILE = "galley-sync.lock"  # held for a sync's whole run, in the store's own repository
LOCK_WAIT = 120.0
# Loose objects (a file each) in the laptop's repository: past this many, a sync packs them.
# Small syncs add a few dozen each; without a threshold a small store's never packed (4,856
# loose objects after a few weeks), and libgit2 reads them one file at a time.
PACK_AFTER = 1_000
BATCH_SECONDS = 0.05  # the longest a transaction taking the desk in holds the store


@dataclass
class SyncReport:
    """What a sync did, for one line on the command line and the window's status."""

    pushed: bool = False
    received: int = 0  # articles whose text came in new or changed
    diverged: list[str] = field(default_factory=list)  # slugs both sides edited
    sent: int = 0  # articles whose text went to the desk new or changed
    notes_in: int = 0  # notes (or their earlier versions) that came in
    statuses_in: int = 0  # status decisions that came in (and statuses settled again)
    notes_out: int = 0
    statuses_out: int = 0
    settings_in: bool = False  # the desk's settings came in changed
    committed: bool = False  # this sync wrote a commit of its own
    # Status moves made apart on two laptops, which the workflow could not both take:
    # "slug (approved; set aside: 林記者: in_review → draft (…))".
    status_conflicts: list[str] = field(default_factory=list)
    # Articles whose address the desk settled: "slug-1a2b3c4d (kaohsiung… was taken …)".
    renamed: list[str] = field(default_factory=list)

    @property
    def quiet(self) -> bool:
        return not (
            self.received
            or self.sent
            or self.notes_in
            or self.statuses_in
            or self.notes_out
            or self.statuses_out
            or self.settings_in
            or self.committed
        )

    def summary(self) -> str:
        if self.quiet and not self.status_conflicts:
            return "nothing new: this store and the desk hold the same"

        def counted(articles: int, notes: int, statuses: int) -> str:
            told = [f"{articles} article(s)"]
            told += [f"{notes} note(s)"] if notes else []
            told += [f"{statuses} status decision(s)"] if statuses else []
            return ", ".join(told)

        parts = [
            f"in: {counted(self.received, self.notes_in, self.statuses_in)}"
            + ("; the desk's settings" if self.settings_in else ""),
            f"out: {counted(self.sent, self.notes_out, self.statuses_out)}",
        ]
        if self.renamed:
            parts.append("addresses settled by the desk: " + ", ".join(self.renamed[:5]))
        if self.status_conflicts:
            parts.append(
                f"{len(self.status_conflicts)} moved to different statuses apart (the first "
                "decision stands, the other is set aside): " + ", ".join(self.status_conflicts[:5])
            )
        if self.diverged:
            parts.append(
                f"{len(self.diverged)} edited on both sides (compare in History): "
                + ", ".join(self.diverged[:5])
            )
        return "; ".join(parts)


def create_desk(location: str) -> Path:
    """A new, empty desk: a bare repository at a local path (a shared drive, a USB stick).
    An existing folder with anything in it is never taken over. A desk at a URL (http(s)://,
    ssh://, user@host:path) lives on its host and is made there: never a local folder named
    after the URL."""
    import pygit2

    if is_url(location):
        shown = mask_url(location)
        raise SyncError(
            f"{shown}: a desk at a URL is created on its host (git init --bare there); "
            f"then galley sync --remote {shown}"
        )
    path = Path(location.removeprefix("file://")).expanduser()
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise SyncError(f"{path}: already exists and is not empty; a new desk needs a new folder")
    try:
        # HEAD names the branch sync writes: git clone DESK checks the articles out.
        pygit2.init_repository(str(path), bare=True, initial_head="main")
    except (pygit2.GitError, OSError) as exc:
        raise SyncError(f"{path}: a desk cannot be made there ({exc})") from None
    return path


class DeskSync:
    """Sync one store with one desk repository."""

    def __init__(
        self,
        store: Store,
        repository: Path | None = None,
        *,
        by: str,
        cache: RenditionCache | None = None,
    ) -> None:
        import pygit2

        _bound_mapped_packs(pygit2)
        self.store = store
        self.by = by  # who syncs: a merge of both sides' edits is their revision
        self.path = repository or default_repository(store.path)
        self.repo: Any  # pygit2's Repository: its objects are typed loosely
        if store.read_only:
            raise SyncError(f"{store.path}: the store is read-only; it cannot take the desk in")
        try:
            if (self.path / "HEAD").is_file():
                self.repo = pygit2.Repository(str(self.path))
                mend_head(self.repo)
            else:
                self.repo = pygit2.init_repository(str(self.path), bare=True, initial_head="main")
        except (pygit2.GitError, OSError) as exc:
            raise SyncError(
                f"{self.path}: the store's desk repository cannot be used ({exc})"
            ) from None
        self.tree = DeskTree(store, self.repo, self.path, cache)

    # -- the remote ------------------------------------------------------------------------
    @property
    def remote_url(self) -> str | None:
        names = [r.name for r in self.repo.remotes]
        return self.repo.remotes[REMOTE].url if REMOTE in names else None

    def _shown(self, text: str) -> str:
        """``text`` as it may be printed: the desk address's secret, if it has one, masked
        (in the address and wherever git's library repeated it)."""
        return mask_url(text, self.remote_url)

    def _fail(self, text: str) -> SyncError:
        return SyncError(self._shown(f"{self.remote_url}: {text}"))

    def set_remote(self, url: str) -> None:
        if self.remote_url is None:
            self.repo.remotes.create(REMOTE, url)
        elif self.remote_url != url:
            self.repo.remotes.set_url(REMOTE, url)
        # Also as plain JSON: the window learns its desk without loading git's library.
        text = json.dumps({"remote": url}) + "\n"
        where = self.path / DESK_FILE
        if not where.is_file() or where.read_text(encoding="utf-8") != text:
            where.write_text(text, encoding="utf-8")

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
    def _commit_of(self, oid: Any) -> Any:
        """The commit the desk's branch names. A branch pointing at anything else is
        refused: a blob or a tree (no history to merge), or an annotated tag, even of a
        commit (no push could move the branch on from it: it is no commit to descend from);
        the message names what it is, peeled through the tags."""
        import pygit2

        obj = self.repo.get(oid)
        if isinstance(obj, pygit2.Commit):
            return obj.id
        self._drop_tracking_ref()
        kind = obj.type_str if obj is not None else "missing object"
        for _ in range(16):  # a tag of a tag of …: a hostile desk could chain them
            if not isinstance(obj, pygit2.Tag):
                break
            obj = self.repo.get(obj.target)
            kind += f" of a {obj.type_str if obj is not None else 'missing object'}"
        raise InputError(
            f"points at a {kind}, not a commit; a desk's branch is a commit (set it there "
            "with git update-ref)",
            file="desk:refs/heads/main",
        )

    def _drop_tracking_ref(self) -> None:
        """Forget where the desk's branch was when that is no commit: git's library offers
        what it has to the desk when fetching, and would fail on it every sync after."""
        import pygit2

        ref = self.repo.references.get(THEIRS)
        if ref is not None and not isinstance(self.repo.get(ref.target), pygit2.Commit):
            ref.delete()

    def _copy_local_packs(self, location: str) -> None:
        """A first fetch from a desk on this machine's disks (a shared drive, a USB stick)
        copies the desk's pack files as they are, as ``git clone`` of a path does: libgit2's
        fetch from a path packs every object again, with a delta search (28 s for a
        10,000-article desk where the copy takes 0.2 s and git clone 2.7 s). The copy only
        spares the fetch its work: the desk's branch is taken as ours to fetch from only
        when its commit and every folder and file of its tree are in what was copied; the
        fetch that follows brings whatever is not, and checks the branch as before. What
        it copies is read through libgit2 like anything fetched (every object's id is
        checked against its content when read)."""
        import pygit2

        if (
            self.repo.references.get(THEIRS) is not None
            or self.repo.references.get(BRANCH) is not None
        ):
            return  # not a first fetch: libgit2 sends only what is new
        desk = Path(location.removeprefix("file://")).expanduser()
        packs = desk / "objects" / "pack"
        try:
            head = pygit2.Repository(str(desk)).references.get(BRANCH)
            target = head.resolve().target if head is not None else None
            names = sorted(os.listdir(packs))
        except (pygit2.GitError, OSError, ValueError, KeyError):
            return  # the fetch says what is wrong with the desk
        if target is None:
            return
        mine = self.path / "objects" / "pack"
        copied: list[Path] = []
        for name in names:
            if not _PACK_NAME.fullmatch(name) or name.endswith(".idx"):
                continue
            index = name[: -len(".pack")] + ".idx"
            source, source_index = packs / name, packs / index
            if (mine / name).exists() or not (
                source.is_file() and not source.is_symlink() and source_index.is_file()
                and not source_index.is_symlink()
            ):  # fmt: skip
                continue
            try:
                # The index last: a pack is used only once its index is there.
                for src, dst in ((source, mine / name), (source_index, mine / index)):
                    tmp = dst.with_name(dst.name + ".tmp")
                    shutil.copyfile(src, tmp)
                    tmp.replace(dst)
                    copied.append(dst)
            except OSError as exc:
                log.info("%s: pack not copied (%s)", source, exc)
                for leftover in (mine / name, mine / index):
                    leftover.unlink(missing_ok=True)
        if not copied:
            return
        try:
            reopened = pygit2.Repository(str(self.path))
            if _complete(reopened, target) and _sound(reopened):
                self.repo = reopened
                self.tree.repo = reopened
                self.repo.references.create(THEIRS, target, force=True)
                return
        except (pygit2.GitError, KeyError, ValueError, OSError) as exc:
            log.info("%s: copied packs not used (%s)", desk, exc)
        # Not whole, or not sound: nothing of the copy stays (the fetch judges the desk).
        for file in copied:
            file.unlink(missing_ok=True)

    def _apply(self, their_commit: Any, report: SyncReport, *, everything: bool = False) -> None:
        """Every article of their tree that differs from what we last had (``everything``:
        every article of their tree), through the store's gate. Hostile or damaged entries
        stop the sync with the entry's path."""
        repo = self.repo
        theirs = repo[their_commit].tree
        try:
            their_articles = DeskArticles(repo, theirs)
        except SyncError as exc:
            raise self._fail(str(exc)) from None
        head = repo.references.get(BRANCH)
        our_tree = repo[head.target].tree if head is not None else None
        ours = DeskArticles(repo, None if everything else our_tree)
        # What the desk holds is checked before anything of it is taken in: their web
        # bundles we do not have (kept in ours as they are), the images folder, the files
        # of every article that changed.
        check_new_bundles(repo, theirs, our_tree)
        images = _DeskImages(repo, theirs)
        changed = [(a, f) for a, f in sorted(their_articles.changed_since(ours).items()) if f]
        self._apply_settings(theirs, None if everything else our_tree, report)
        # Worker processes read, check and index each history file ahead of the writer
        # (``prepare_histories``); what they could not do, the writer does itself.
        keys = [
            _task_key(self.path, history, article_id, their_articles.path(article_id))
            for article_id, (history, _text) in changed
        ]
        if not changed:
            return
        from app.exchange.ahead import AheadFiles, worker_count  # multiprocessing: ~12 ms

        done = 0
        with AheadFiles(keys, worker_count(len(keys)), prepare_histories, _worker_ready) as ahead:
            while done < len(changed):  # a gone article (None) is skipped: sync never deletes
                # Articles go in by the short batch, one transaction each: a commit (and its
                # fsync) an article would cost 40% of a join, a long one would keep the
                # window's saves waiting.
                started = time.monotonic()
                with self.store.tx.write():
                    while done < len(changed) and time.monotonic() - started < BATCH_SECONDS:
                        article_id, (history, _text) = changed[done]
                        self._apply_one(article_id, history, their_articles.path(article_id),
                                        images, report, ahead.take(keys[done]))  # fmt: skip
                        done += 1

    def _apply_settings(self, theirs: Any, ours: Any, report: SyncReport) -> None:
        """The desk's settings (publication, house rules, editor's picks, the list of
        editors), when they differ from what we last had: united through the store's
        checks; a new list of editors settles again every status decided since it."""
        found = desk_settings_blob(self.repo, theirs)
        if found is None or found == desk_settings_blob(self.repo, ours):
            return
        data = read_json(self.repo[found].data, file=f"desk:{SETTINGS_PATH}")
        changed, editors_since = self.store.desk_settings.unite(data, file=f"desk:{SETTINGS_PATH}")
        if changed:
            report.settings_in = True
        if editors_since is not None:
            moved = self.store.articles.settle_moved_since(editors_since)
            for article_id, settled in moved.items():
                report.statuses_in += 1
                slug = self.store.get_article(article_id).slug
                aside = "; ".join(set_aside_text(m, why) for m, why in settled.set_aside)
                report.status_conflicts.append(f"{slug} ({settled.status}; set aside: {aside})")

    def _apply_one(
        self,
        article_id: str,
        history: Any,
        where: str,
        images: Any,
        report: SyncReport,
        prepared: tuple[dict[str, Any], Any] | None = None,
    ) -> None:
        """One history file through the store's gate. ``prepared``: a worker read and
        checked it already (``prepare_histories``: the same reading and checks as here)."""
        if prepared is not None:
            payload, indexed = prepared
        else:
            payload, indexed = read_history(self.repo, history, article_id, where), None
        result = self.store.merge.apply(
            payload,
            by=self.by,
            file=f"desk:{where}",
            images=images,
            origin="from the desk",
            checked=prepared is not None,
            indexed=indexed,
        )
        if result.outcome in ("created", "updated", "diverged", "merged"):
            report.received += 1
        report.notes_in += result.notes_in
        report.statuses_in += result.moves_in
        report.renamed += result.renamed
        if result.outcome == "diverged" or result.status_conflict:
            slug = self.store.get_article(result.article_id).slug
            if result.outcome == "diverged":
                report.diverged.append(slug)
            if result.status_conflict:
                report.status_conflicts.append(
                    f"{slug} ({result.status}; set aside: {'; '.join(result.set_aside)})"
                )

    # -- the exchange ------------------------------------------------------------------------
    def sync(
        self,
        remote: str | None = None,
        *,
        progress: Callable[[str], None] | None = None,
        wait: float = LOCK_WAIT,
    ) -> SyncReport:
        """Fetch, merge through the gate, commit and push; retried when someone pushed first.
        One sync of a store at a time (the window's and the command line's): a second one
        waits up to ``wait`` seconds for the first to end."""
        tell = progress or (lambda _text: None)

        def say(text: str) -> None:
            tell(self._shown(text))

        if remote:
            self.set_remote(remote)
        if self.remote_url is None:
            raise SyncError("no desk yet: give its address once (galley sync --remote PATH)")
        with _SyncLock(self.path / LOCK_FILE, wait, say):
            try:
                return self._sync(say)
            except SyncError as exc:  # git's library's words may repeat the address
                raise SyncError(self._shown(str(exc))) from None

    def _sync(self, say: Callable[[str], None]) -> SyncReport:
        import pygit2

        url = self.remote_url or ""
        if not is_url(url):
            _mend_local_desk(url)
        report = SyncReport()
        theirs = None
        before = self.repo.references.get(BRANCH)
        head_before = before.target if before is not None else None
        # After a backup was restored, the store's history is not what our last sync left:
        # everything the desk has is taken in again, and everything the store has is
        # written out again, so nothing written on either side of the restore is lost.
        restored = self.tree.restored_since_last_sync()
        for attempt in range(1, PUSH_TRIES + 1):
            say(f"fetching {self.remote_url}")
            self._drop_tracking_ref()
            if attempt == 1 and not is_url(url):
                self._copy_local_packs(url)
            try:
                self.repo.remotes[REMOTE].fetch(
                    ["+refs/heads/main:" + THEIRS], callbacks=remote_callbacks(url)
                )
            except pygit2.GitError as exc:
                if "committish" in str(exc).lower():  # a local desk's branch at a blob, a tree
                    raise InputError(
                        "points at something that is not a commit; a desk's branch is a "
                        "commit (set it there with git update-ref)",
                        file="desk:refs/heads/main",
                    ) from None
                raise self._fail(f"cannot be reached ({exc})") from None
            their_ref = self.repo.references.get(THEIRS)
            theirs = self._commit_of(their_ref.target) if their_ref is not None else None
            if theirs is not None:
                say("merging the desk into the store")
                self._apply(theirs, report, everything=restored)
                if self.repo.references.get(BRANCH) is None:
                    # Joining: start from the desk's commit, so what came in unchanged
                    # keeps the desk's files and there is nothing to send back for it.
                    self.repo.references.create(BRANCH, theirs)
            say("writing this laptop's articles")
            tree, mark = self.tree.write(
                self.repo[theirs].tree if theirs else None, everything=restored
            )
            if theirs is not None and tree == self.repo[theirs].tree_id:
                # Only the desk's changes came in: our tree is the desk's, so is our head
                # (no commit of ours, nothing to send back).
                self.repo.references.create(BRANCH, theirs, force=True)
            mine = self._commit(tree, [], "Galley: this laptop's articles")
            ours = mine
            if theirs is not None and ours != theirs and not self.repo.descendant_of(ours, theirs):
                tree = self.repo[ours].tree_id
                ours = self._commit(tree, [ours, theirs], "Galley: merged with the desk")
            report.committed = ours not in (head_before, theirs)
            self.tree.save_state(mark, ours)
            self.store.touches.compact_touches()
            if theirs is not None and ours == theirs:
                report.pushed = True
                break
            say("sending to the desk")
            try:
                self.repo.remotes[REMOTE].push(
                    [f"{BRANCH}:refs/heads/main"],
                    callbacks=remote_callbacks(url),
                    threads=0,  # the pack's delta search on every core: a first sync sends all
                )
            except pygit2.GitError as exc:
                # libgit2's words for "someone pushed first" (local and smart-HTTP desks)
                moved = any(
                    words in str(exc).lower()
                    for words in ("fastforward", "fast-forward", "not present locally")
                )
                if not moved:  # not someone else's push: the desk or the connection failed
                    raise self._fail(f"cannot send to the desk ({exc})") from None
                if attempt == PUSH_TRIES:
                    raise self._fail(f"the desk kept moving; try again ({exc})") from None
                log.info("push refused (%s), fetching again", self._shown(str(exc)))
                continue
            report.pushed = True
            break
        report.sent, report.notes_out, report.statuses_out = _sent(self.repo, theirs)
        if _loose_objects(self.path) > PACK_AFTER:
            say("packing this laptop's repository")
            _pack_loose_objects(self.repo, self.path)
        return report


# libgit2 maps pack files in windows of 1 GB, up to 8 GB, and keeps what it mapped: every
# page of a desk's pack that a join read stayed resident (a 30,000-article desk's pack is
# 184 MB). Smaller windows, fewer kept: memory follows the work, not the desk.
PACK_WINDOW = 16 * 1024 * 1024
PACK_MAPPED = 64 * 1024 * 1024


def _bound_mapped_packs(pygit2: Any) -> None:
    settings = pygit2.settings
    if settings.mwindow_size > PACK_WINDOW:
        settings.mwindow_size = PACK_WINDOW
    if settings.mwindow_mapped_limit > PACK_MAPPED:
        settings.mwindow_mapped_limit = PACK_MAPPED


def read_history(repo: Any, history: Any, article_id: str, where: str) -> dict[str, Any]:
    """An article's history file from the desk, as JSON within its limits, naming the
    article its file is named after (hostile input: ``merge.apply`` checks the rest)."""
    obj = repo[history]
    if obj.size > MAX_HISTORY:  # before its bytes are read
        raise InputError("is too large to be a history file", file=f"desk:{where}")
    payload = load_json(obj.data, limit=MAX_HISTORY, file=f"desk:{where}", what="a history file")
    if not isinstance(payload, dict) or payload.get("article_id") != article_id:
        raise InputError(
            "names another article than its file",
            file=f"desk:{where}",
            field="article_id",
        )
    return payload


def _task_key(repo_path: Path, history: Any, article_id: str, where: str) -> str:
    return "\0".join((str(repo_path), str(history), article_id, where))


_WORKER_REPOS: dict[str, Any] = {}


def _worker_ready() -> bool:
    """A desk worker's first task: its modules imported."""
    import pygit2  # noqa: F401

    import app.store.merge  # noqa: F401
    import app.store.search  # noqa: F401

    return True


def prepare_histories(keys: list[str]) -> list[tuple[dict[str, Any], Any] | None]:
    """In a worker process: each history file read from the store's repository (where
    the fetch put it), checked as ``merge.apply`` checks a payload, and its head's text
    indexed for search; None where anything failed (the writer reads that one again and
    says what is wrong with it)."""
    import pygit2

    from app.store.review_payload import article_at, check_payload
    from app.store.search import indexed_text

    out: list[tuple[dict[str, Any], Any] | None] = []
    for key in keys:
        try:
            repo_path, blob, article_id, where = key.split("\0")
            repo = _WORKER_REPOS.get(repo_path)
            if repo is None:
                _bound_mapped_packs(pygit2)
                repo = _WORKER_REPOS[repo_path] = pygit2.Repository(repo_path)
            payload = read_history(repo, pygit2.Oid(hex=blob), article_id, where)
            check_payload(payload, f"desk:{where}")
            out.append((payload, indexed_text(article_at(payload, payload["head"]))))
        except Exception:  # noqa: BLE001 - any failure is the writer's to report
            out.append(None)
    return out


_PACK_NAME = re.compile(r"pack-[0-9a-f]{40}(?:[0-9a-f]{24})?\.(?:pack|idx)")
MAX_OBJECTS_CHECKED = 5_000_000


def _complete(repo: Any, commit: Any) -> bool:
    """Whether ``commit`` and every folder and file of its tree are in ``repo`` (its
    parents are not needed: a sync reads the tree, and libgit2 asks for no parent it has
    no ref to)."""
    import pygit2

    obj = repo.get(commit)
    if not isinstance(obj, pygit2.Commit):
        return False
    odb, seen = repo.odb, 0
    folders = [obj.tree_id]
    while folders:
        tree = repo.get(folders.pop())
        if not isinstance(tree, pygit2.Tree):
            return False
        for entry in tree:
            seen += 1
            if seen > MAX_OBJECTS_CHECKED:
                return False
            if entry.filemode == pygit2.GIT_FILEMODE_TREE:
                folders.append(entry.id)
            elif entry.filemode != pygit2.GIT_FILEMODE_COMMIT and not odb.exists(entry.id):
                return False
    return True


def _sound(repo: Any) -> bool:
    """Every object of the repository read back whole: libgit2 checks each one's id
    against its content as it reads (as a fetch's indexer does for what it receives),
    so a damaged or doctored pack is never kept (~1 s for a 10,000-article desk)."""
    odb = repo.odb
    for oid in odb:
        odb.read(oid)
    return True


def mend_head(repo: Any) -> None:
    """A repository whose HEAD names a branch that does not exist (pygit2's default,
    ``master``, in desks made before) has its HEAD point at the branch sync writes, so that
    ``git clone`` checks the desk out. A HEAD naming a branch that exists is left alone."""
    head = repo.references.get("HEAD")
    target = getattr(head, "target", None) if head is not None else None
    if isinstance(target, str) and target != BRANCH and repo.references.get(target) is None:
        repo.set_head(BRANCH)


def _mend_local_desk(location: str) -> None:
    """``mend_head`` for a desk at a local path (a desk at a URL is its host's to mend).
    A desk that cannot be opened here is left to the fetch, which says why."""
    import pygit2

    path = Path(location.removeprefix("file://")).expanduser()
    try:
        if (path / "HEAD").is_file():
            mend_head(pygit2.Repository(str(path)))
    except (pygit2.GitError, OSError, ValueError) as exc:
        log.info("%s: HEAD not mended (%s)", path, exc)


def _sent(repo: Any, desk_before: Any) -> tuple[int, int, int]:
    """What our head gives the desk that it did not have: articles whose text is new or
    changed, notes (and versions of notes), and status decisions (only the articles whose
    files changed are read)."""
    head = repo.references.get(BRANCH)
    if head is None or head.target == desk_before:
        return 0, 0, 0
    before = DeskArticles(repo, repo[desk_before].tree if desk_before is not None else None)
    now = DeskArticles(repo, repo[head.target].tree)
    articles = notes = statuses = 0
    for article_id, files in now.changed_since(before).items():
        if files is None:
            continue
        old = before.get(article_id)
        was = _records(repo, old[0]) if old is not None else (None, set(), set())
        new = _records(repo, files[0])
        articles += new[0] != was[0]
        notes += len(new[1] - was[1])
        statuses += len(new[2] - was[2])
    return articles, notes, statuses


def _records(repo: Any, history: Any) -> tuple[Any, set[tuple[str, str]], set[str]]:
    """A history file's head, its notes (with the version of each) and its decisions."""
    payload = read_json(repo[history].data, file="desk:history")
    head = next((r["content"] for r in payload["revisions"] if r["uid"] == payload["head"]), None)
    notes = {(n["uid"], n["updated_at"]) for n in payload.get("notes", [])}
    notes |= {(h["note_uid"], h["updated_at"]) for h in payload.get("note_history", [])}
    return head, notes, {c["uid"] for c in payload.get("status_changes", [])}


def _loose_objects(path: Path) -> int:
    """How many loose objects the repository holds (its 256 fan-out folders, listed)."""
    objects = path / "objects"
    try:
        return sum(len(os.listdir(d)) for d in objects.iterdir() if len(d.name) == 2 and d.is_dir())
    except OSError:
        return 0


def _pack_loose_objects(repo: Any, path: Path) -> None:
    """Put the repository's loose objects (a file each) into one pack, then remove them.
    After a laptop's first sync there are hundreds of thousands; libgit2 reads every folder
    of the desk's last commit before each push, and from loose files that took 18.6 s at
    100,000 articles (1.0 s from a pack). Only this sync's lock holder writes here, so every
    file listed is in the pack before any is removed. A failure leaves the loose files: the
    repository stays whole, only slower."""
    import pygit2

    objects = path / "objects"
    loose = [f for d in objects.iterdir() if len(d.name) == 2 and d.is_dir() for f in d.iterdir()]
    if not loose:
        return
    try:
        ids = [pygit2.Oid(hex=f.parent.name + f.name) for f in loose]
        repo.pack(pack_delegate=lambda builder: [builder.add(oid) for oid in ids], n_threads=0)
    except (pygit2.GitError, OSError, ValueError) as exc:
        log.warning("%s: loose objects not packed (%s)", path, exc)
        return
    for file in loose:
        file.unlink(missing_ok=True)
    for folder in objects.iterdir():
        if len(folder.name) == 2 and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


class _SyncLock:
    """An exclusive lock on a store's repository for one sync (``flock``: released by the
    system when the process ends, however it ends, so a killed sync never leaves it held)."""

    def __init__(self, path: Path, wait: float, say: Callable[[str], None]) -> None:
        self.path = path
        self.wait = wait
        self.say = say
        self.file: Any = None

    def __enter__(self) -> _SyncLock:
        try:
            import fcntl
        except ImportError:  # no flock on this system: one sync at a time is up to the user
            return self
        if self.path.is_dir() and not self.path.is_symlink():
            raise SyncError(
                f"{self.path}: is a folder where the sync's lock file belongs; remove it"
            )
        try:
            self.file = open(self.path, "a+b")  # noqa: SIM115 - closed in __exit__
        except OSError as exc:
            raise SyncError(
                f"{self.path}: the sync's lock file cannot be opened ({exc.strerror or exc})"
            ) from None
        deadline = time.monotonic() + self.wait
        told = False
        while True:
            try:
                fcntl.flock(self.file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except OSError:
                if time.monotonic() >= deadline:
                    self.file.close()
                    raise SyncError(
                        f"{self.path.parent}: another sync of this store is still running; "
                        "try again when it ends"
                    ) from None
                if not told:
                    self.say("waiting for another sync of this store to end")
                    told = True
                time.sleep(0.1)

    def __exit__(self, *exc: object) -> None:
        if self.file is not None:
            self.file.close()  # closing releases the lock


@functools.cache
def _image_extensions() -> list[str]:
    """The images folder's file extensions (publish's images module is imported only when
    an image is looked for: a sync with nothing to take in never does)."""
    from app.publish.images import EXTENSIONS

    return sorted(set(EXTENSIONS.values()))


class _DeskImages(Mapping[str, bytes]):
    """The desk's images by SHA-256, read only when the store lacks one: a desk's articles
    mostly share photos the store already has."""

    def __init__(self, repo: Any, tree: Any) -> None:
        self.repo = repo
        self.folder = None
        if "images" in tree:
            check_entry(tree["images"], "images", "tree")
            self.folder = repo[tree["images"].id]

    def _entry(self, sha: str) -> Any:
        if self.folder is not None:
            for ext in _image_extensions():
                if f"{sha}.{ext}" in self.folder:
                    entry = self.folder[f"{sha}.{ext}"]
                    check_entry(entry, f"images/{entry.name}", "blob")
                    return entry
        return None

    def __contains__(self, sha: object) -> bool:
        return isinstance(sha, str) and self._entry(sha) is not None

    def __getitem__(self, sha: str) -> bytes:
        entry = self._entry(sha)
        if entry is None:
            raise KeyError(sha)
        return bytes(self.repo[entry.id].data)

    def __iter__(self) -> Iterator[str]:
        for entry in self.folder or ():
            yield entry.name.rpartition(".")[0]

    def __len__(self) -> int:
        return len(self.folder) if self.folder is not None else 0
