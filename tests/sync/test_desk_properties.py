"""What a desk must hold, whatever happens on its laptops (hypothesis chooses): random edits,
notes, status decisions by people in their roles (one of them not on the desk's list of
editors), same-slug articles, backups and restores, syncs killed mid-way, over a path desk
and an HTTP desk. After every laptop syncs, not only do the copies agree; they are right:

- every store holds the same articles, texts, addresses, notes and decisions;
- every status is what the merged record of decisions comes to under the workflow;
- no revision or note that reached the desk, or was written after a restore, is missing;
- no spiked story is in the desk's published edition, and only published ones are;
- once converged, more syncs add no commit and say there was nothing new.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pygit2
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from app.core.workflow import WorkflowError, next_statuses
from app.exchange.desk_sync import DeskSync
from app.store import Store
from app.store.backup import backup_store, restore_backup

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = [
    ("林記者", "reporter"),
    ("王編輯", "editor"),
    ("陳記者", "editor"),
    ("網編", "web_producer"),
]
EDITORS = ["王編輯"]  # 陳記者 claims the editor's role but is not on the desk's list

STEPS = st.lists(
    st.tuples(
        st.sampled_from(
            ["edit", "edit", "note", "status", "status", "create", "same-slug", "sync", "sync",
             "backup", "restore", "kill"]
        ),
        st.integers(min_value=0, max_value=4),  # which laptop (modulo how many)
        st.integers(min_value=0, max_value=9),  # which article, person or move
    ),
    min_size=1,
    max_size=24,
)  # fmt: skip


class Laptop:
    def __init__(self, root: Path, n: int, desk: str) -> None:
        self.path = root / f"l{n}" / "g.sqlite"
        self.backups = root / f"l{n}-backups"
        self.made: list[Path] = []
        self.store = Store.open(self.path)
        self.desk = desk
        DeskSync(self.store, by=f"筆電{n}").set_remote(desk)

    def sync(self) -> Any:
        return DeskSync(self.store, by="同步者").sync()

    def restore(self) -> None:
        if not self.made:
            return
        self.store.close()
        restore_backup(self.made[-1], self.path, self.backups, who="還原者")
        self.store = Store.open(self.path)

    def kill_a_sync(self, after: float) -> None:
        """A sync in its own process, killed (SIGKILL) ``after`` seconds in."""
        self.store.close()
        child = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "sync", "--store", str(self.path), "--by", "x"],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(after)
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
        child.wait()
        self.store = Store.open(self.path)


def uids(store: Store) -> set[str]:
    found: set[str] = set()
    for summary in store.list_articles():
        found |= {r.uid for r in store.revisions(summary.id)}
        found |= {n.uid for n in store.review.notes(summary.id)}
    return found


def state(store: Store) -> dict[str, Any]:
    out = {}
    for summary in store.list_articles():
        article = store.get_article(summary.id)
        moves = store.review.status_history(summary.id)
        out[summary.id] = (
            article.status,
            article.slug,
            article.content_hash(),
            sorted((n.uid, n.updated, n.resolved_at) for n in store.review.notes(summary.id)),
            sorted(m.uid for m in moves),
        )
    return out


def desk_edition(desk: Path) -> set[str]:
    repo = pygit2.Repository(str(desk))
    ref = repo.references.get("refs/heads/main")
    if ref is None:
        return set()
    tree = repo[ref.target].tree
    return {e.name for e in repo[tree["published"].id]} if "published" in tree else set()


def desk_head(desk: Path) -> Any:
    ref = pygit2.Repository(str(desk)).references.get("refs/heads/main")
    return None if ref is None else ref.target


def run(steps: list[tuple[str, int, int]], laptops: int, desk_url: str, desk: Path) -> None:
    root = Path(tempfile.mkdtemp(dir=desk.parent))
    machines = [Laptop(root, n, desk_url) for n in range(laptops)]
    must: set[str] = set()  # reached the desk, or written after a restore: never to be lost
    try:
        first = machines[0].store
        settings_now = first.desk()
        settings_now.editors = EDITORS
        first.save_desk(settings_now, by="王編輯")
        first.new_article("第一篇", author="林記者")
        must |= uids(first) if machines[0].sync() else set()
        for op, which_laptop, n in steps:
            laptop = machines[which_laptop % laptops]
            store = laptop.store
            ids = [s.id for s in store.list_articles()]
            if op == "create" or (not ids and op in ("edit", "note", "status")):
                store.new_article(f"新稿 {len(ids)}-{n}", author="林記者")
            elif op == "same-slug":
                store.new_article(f"同名稿 {which_laptop}-{n}", author="林記者", slug="same-slug")
            elif op == "edit":
                article = store.get_article(ids[n % len(ids)])
                article.body += f"\n\n{which_laptop} 號筆電的第 {n} 次修改。"
                store.save_article(article, author="林記者")
            elif op == "note":
                store.review.add_note(ids[n % len(ids)], f"備註 {n}", author="王編輯")
            elif op == "status":
                who, role = PEOPLE[n % len(PEOPLE)]
                article = store.get_article(ids[n % len(ids)])
                targets = next_statuses(article.status, role)
                # Refused here when this laptop already has the desk's list of editors.
                with contextlib.suppress(WorkflowError):
                    if targets:
                        store.review.change_status(
                            article.id, targets[n % len(targets)], who=who, role=role,
                            override="測試",
                        )  # fmt: skip
            elif op == "backup":
                laptop.backups.mkdir(exist_ok=True)
                made = backup_store(laptop.path, laptop.backups / f"b{len(laptop.made)}.sqlite")
                laptop.made.append(made)
            elif op == "restore":
                laptop.restore()
            elif op == "kill":
                laptop.kill_a_sync(0.05 + (n % 5) * 0.08)
            else:
                laptop.sync()
                must |= uids(laptop.store)
        before_final = set().union(*(uids(m.store) for m in machines))
        for _round in range(2):
            for laptop in machines:
                laptop.sync()
        states = [state(m.store) for m in machines]
        assert all(s == states[0] for s in states), "the laptops disagree"
        for laptop in machines:
            store = laptop.store
            assert (must | before_final) <= uids(store), "something written was lost"
            for article_id, (status, *_rest) in states[0].items():
                assert status == store.articles.decided(article_id).status
        slugs = {
            status: {slug for (s, slug, *_r) in states[0].values() if s == status}
            for status in ("published", "spiked")
        }
        edition = desk_edition(desk)
        assert not edition & slugs["spiked"], "a spiked story is in the published edition"
        assert edition <= slugs["published"]
        head = desk_head(desk)
        for _round in range(3):
            for laptop in machines:
                report = laptop.sync()
                assert report.quiet and not report.committed, report
        assert desk_head(desk) == head, "a converged desk still took commits"
    finally:
        for laptop in machines:
            laptop.store.close()


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.integers(min_value=3, max_value=5), STEPS)
def test_a_path_desk_holds_every_decision_and_loses_nothing(laptops: int, steps: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        desk = Path(tmp) / "desk.git"
        pygit2.init_repository(str(desk), bare=True)
        run(steps, laptops, str(desk), desk)


@pytest.fixture
def http_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    from tests.sync.git_http import GitHTTPServer

    root = tmp_path / "host"
    root.mkdir()
    server = GitHTTPServer(root, "reporter", "s3cret-token")
    monkeypatch.setenv("GALLEY_DESK_USER", "reporter")
    monkeypatch.setenv("GALLEY_DESK_TOKEN", "s3cret-token")
    yield server, root
    server.stop()


@settings(
    max_examples=4,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(steps=STEPS)
def test_an_http_desk_holds_every_decision_and_loses_nothing(http_desk, steps: list) -> None:  # noqa: ANN001
    import uuid

    server, root = http_desk
    name = f"desk-{uuid.uuid4().hex[:8]}.git"  # a desk of its own for each example
    pygit2.init_repository(str(root / name), bare=True)
    run(steps, 3, server.url(name), root / name)
