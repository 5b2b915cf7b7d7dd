"""Groundwork for desk sync (issue 15): dulwich beside pygit2 on the work sync will do.

A desk of N articles is two text files an article (``article.md`` ~2 KB, ``history.json``
~5 KB) under ``articles/ID/``. For each engine, in bare repositories on this disk:
commit the whole desk, push it to an empty desk repository (a path, as on a shared drive),
clone it on a second laptop, then 10 articles changed on each side: commit, fetch, push.
Each step is one fresh measurement (no warm-up): it is what a person waits for.

python benchmarks/bench_git_engines.py [N]      (needs: pip install dulwich pygit2)
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

N_DEFAULT = 10_000


def desk_files(n: int, *, seed: str = "", changed: set[int] | None = None) -> dict[str, bytes]:
    """Deterministic article files; ``changed`` articles get ``seed`` in their text."""
    files = {}
    for i in range(n):
        aid = hashlib.sha256(f"article-{i}".encode()).hexdigest()[:32]
        mark = seed if changed and i in changed else ""
        body = f"第 {i} 篇。{mark}\n\n" + "市府今天宣布防災計畫,預計明年完成。" * 40
        md = f"---\nid: {aid}\ntitle: 標題 {i}{mark}\nstatus: published\n---\n\n{body}\n"
        history = {
            "format": "galley-review/1",
            "article_id": aid,
            "revisions": [
                {"uid": hashlib.md5(f"{aid}{r}".encode()).hexdigest(), "content": body[:800]}
                for r in range(3)
            ]
            + (
                [{"uid": hashlib.md5(f"{aid}{mark}".encode()).hexdigest(), "content": mark}]
                if mark
                else []
            ),
        }
        files[f"articles/{aid}/article.md"] = md.encode()
        files[f"articles/{aid}/history.json"] = json.dumps(history, ensure_ascii=False).encode()
    return files


def timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return (time.perf_counter() - start) * 1000


# -- dulwich ------------------------------------------------------------------------------------
class Dulwich:
    name = "dulwich"

    def __init__(self) -> None:
        import dulwich

        self.version = ".".join(map(str, dulwich.__version__))

    def init(self, path: Path):  # noqa: ANN201
        from dulwich.repo import Repo

        return Repo.init_bare(str(path), mkdir=True)

    def commit(self, repo, files: dict[str, bytes], message: str) -> bytes:  # noqa: ANN001
        from dulwich.objects import Blob, Commit, Tree

        objects = []
        trees: dict[str, Tree] = {"": Tree()}
        for path in sorted(files):
            blob = Blob.from_string(files[path])
            objects.append(blob)
            parts = path.split("/")
            for depth in range(1, len(parts)):
                folder = "/".join(parts[:depth])
                if folder not in trees:
                    trees[folder] = Tree()
            trees["/".join(parts[:-1])].add(parts[-1].encode(), 0o100644, blob.id)
        for folder in sorted(trees, key=lambda f: -f.count("/") if f else 1):
            if not folder:
                continue
            parent, _, name = folder.rpartition("/")
            objects.append(trees[folder])
            trees[parent].add(name.encode(), 0o040000, trees[folder].id)
        objects.append(trees[""])
        # dulwich's refs container has no .get()
        head = repo.refs[b"refs/heads/main"] if b"refs/heads/main" in repo.refs else None  # noqa: SIM401
        commit = Commit()
        commit.tree = trees[""].id
        commit.parents = [head] if head else []
        commit.author = commit.committer = b"bench <bench@example.org>"
        commit.commit_time = commit.author_time = 1_700_000_000
        commit.commit_timezone = commit.author_timezone = 0
        commit.message = message.encode()
        objects.append(commit)
        # One pack, not tens of thousands of loose objects.
        repo.object_store.add_objects([(o, None) for o in objects if o.id not in repo.object_store])
        repo.refs[b"refs/heads/main"] = commit.id
        return commit.id

    def push(self, repo, remote: Path) -> None:  # noqa: ANN001
        from dulwich import porcelain

        porcelain.push(repo, str(remote), b"refs/heads/main:refs/heads/main", errstream=_Null())

    def fetch(self, repo, remote: Path) -> None:  # noqa: ANN001
        from dulwich import porcelain

        result = porcelain.fetch(repo, str(remote), errstream=_Null())
        # A fast-forward, as sync does when only the desk moved: the next fetch has a head.
        repo.refs[b"refs/heads/main"] = result.refs[b"refs/heads/main"]


class _Null:
    def write(self, _data: bytes) -> None:
        pass

    def flush(self) -> None:
        pass


# -- pygit2 -------------------------------------------------------------------------------------
class Pygit2:
    name = "pygit2"

    def __init__(self) -> None:
        import pygit2

        self.version = f"{pygit2.__version__} (libgit2 {pygit2.LIBGIT2_VERSION})"

    def init(self, path: Path):  # noqa: ANN201
        import pygit2

        return pygit2.init_repository(str(path), bare=True)

    def commit(self, repo, files: dict[str, bytes], message: str) -> bytes:  # noqa: ANN001
        import pygit2

        # Build nested trees bottom-up with the ODB's tree builders.
        folders: dict[str, dict[str, tuple[object, int]]] = {"": {}}
        for path in sorted(files):
            oid = repo.create_blob(files[path])
            parts = path.split("/")
            for depth in range(1, len(parts)):
                folders.setdefault("/".join(parts[:depth]), {})
            folders["/".join(parts[:-1])][parts[-1]] = (oid, pygit2.GIT_FILEMODE_BLOB)
        for folder in sorted(folders, key=lambda f: -f.count("/") if f else 1):
            if not folder:
                continue
            builder = repo.TreeBuilder()
            for name, (oid, mode) in folders[folder].items():
                builder.insert(name, oid, mode)
            parent, _, name = folder.rpartition("/")
            folders[parent][name] = (builder.write(), pygit2.GIT_FILEMODE_TREE)
        root = repo.TreeBuilder()
        for name, (oid, mode) in folders[""].items():
            root.insert(name, oid, mode)
        tree = root.write()
        signature = pygit2.Signature("bench", "bench@example.org", 1_700_000_000, 0)
        parents = (
            [repo.references["refs/heads/main"].target]
            if "refs/heads/main" in repo.references
            else []
        )
        return repo.create_commit("refs/heads/main", signature, signature, message, tree, parents)

    def push(self, repo, remote: Path) -> None:  # noqa: ANN001
        if "desk" not in [r.name for r in repo.remotes]:
            repo.remotes.create("desk", str(remote))
        repo.remotes["desk"].push(["refs/heads/main:refs/heads/main"])

    def fetch(self, repo, remote: Path) -> None:  # noqa: ANN001
        if "desk" not in [r.name for r in repo.remotes]:
            repo.remotes.create("desk", str(remote))
        repo.remotes["desk"].fetch()
        target = repo.references["refs/remotes/desk/main"].target
        repo.references.create("refs/heads/main", target, force=True)


def run(engine, n: int, tmp: Path) -> list[tuple[str, float, str]]:  # noqa: ANN001
    rows = []
    files = desk_files(n)
    a = engine.init(tmp / "a.git")
    engine.init(tmp / "desk.git")
    b = engine.init(tmp / "b.git")
    rows.append(("commit the whole desk", timed(lambda: engine.commit(a, files, "desk")), ""))
    rows.append(
        ("push it to an empty desk (path)", timed(lambda: engine.push(a, tmp / "desk.git")), "")
    )
    rows.append(
        ("a second laptop fetches it all", timed(lambda: engine.fetch(b, tmp / "desk.git")), "")
    )
    mine = desk_files(n, seed="(甲)", changed=set(range(10)))
    rows.append(("10 articles changed: commit", timed(lambda: engine.commit(a, mine, "ten")), ""))
    rows.append(("10 articles changed: push", timed(lambda: engine.push(a, tmp / "desk.git")), ""))
    rows.append(
        ("the other laptop fetches the 10", timed(lambda: engine.fetch(b, tmp / "desk.git")), "")
    )
    size = sum(p.stat().st_size for p in (tmp / "desk.git").rglob("*") if p.is_file())
    raw = sum(len(v) for v in files.values())
    rows.append(
        ("desk repository on disk", size / 1e6, f"MB; the files themselves {raw / 1e6:.1f} MB")
    )
    return rows


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else N_DEFAULT
    print(f"{'engine':<9} {'step':<36} {'value':>10}  note")
    for engine_class in (Dulwich, Pygit2):
        try:
            engine = engine_class()
        except ImportError as exc:
            print(f"{engine_class.name:<9} not installed ({exc})")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            for step, value, note in run(engine, n, Path(tmp)):
                unit = note or "ms"
                print(f"{engine.name:<9} {step:<36} {value:>10,.1f}  {unit}")
        print(f"{engine.name:<9} version {engine.version}")


if __name__ == "__main__":
    main()
