"""A laptop's first sync from a desk at a path copies the desk's packs (as git clone of a
path does) instead of libgit2's fetch packing every object again; a pack that is damaged,
or that lacks part of the desk's tree, is never kept, and the sync ends as it always did."""

from __future__ import annotations

from pathlib import Path

import pygit2
import pytest

from app.core.errors import GalleyError
from app.exchange.desk_sync import DeskSync, _complete
from app.exchange.markdown import import_markdown
from tests.conftest import LIBRARY, TYPHOON
from tests.sync.conftest import laptop


def _packed_desk(desk: Path, tmp_path: Path) -> list[Path]:
    with laptop(tmp_path, "a") as a:
        import_markdown(a, TYPHOON, author="測試者")
        import_markdown(a, LIBRARY, author="測試者")
        DeskSync(a, by="測試者").sync(str(desk))
    packs = sorted((desk / "objects" / "pack").glob("*.pack"))
    assert packs  # a push leaves a pack in the desk
    return packs


def test_a_join_from_a_path_keeps_the_desks_pack(desk: Path, tmp_path: Path) -> None:
    packs = _packed_desk(desk, tmp_path)
    with laptop(tmp_path, "b") as b:
        report = DeskSync(b, by="測試者").sync(str(desk))
        assert report.received == 2 and report.sent == 0
        own = b.path.with_name(b.path.name + ".desk.git") / "objects" / "pack"
        assert {p.name for p in packs} <= {p.name for p in own.glob("*.pack")}
        # Its next sync fetches as before (nothing new).
        assert DeskSync(b, by="測試者").sync().quiet


def test_a_damaged_pack_is_not_kept_and_the_sync_fails_as_before(
    desk: Path, tmp_path: Path
) -> None:
    pack = _packed_desk(desk, tmp_path)[0]
    data = bytearray(pack.read_bytes())
    for at in range(len(data) // 3, len(data) - 40, 97):  # zlib streams and ids hit
        data[at] ^= 0x5A
    pack.chmod(0o644)
    pack.write_bytes(bytes(data))
    with laptop(tmp_path, "b") as b:
        with pytest.raises(GalleyError):
            DeskSync(b, by="測試者").sync(str(desk))
        own = b.path.with_name(b.path.name + ".desk.git") / "objects" / "pack"
        assert not any(own.glob(pack.name[:-5] + ".*"))
        assert b.count_articles() == 0


def test_a_desk_commit_missing_from_its_packs_is_fetched(desk: Path, tmp_path: Path) -> None:
    """The desk's branch moved on in loose objects the copied packs lack: the fetch
    brings them, and the copy is not kept unused."""
    _packed_desk(desk, tmp_path)
    repo = pygit2.Repository(str(desk))
    head = repo.references["refs/heads/main"].peel(pygit2.Commit)
    who = pygit2.Signature("x", "x@localhost")
    commit = repo.create_commit(None, who, who, "later", head.tree_id, [head.id])
    repo.references.create("refs/heads/main", commit, force=True)
    with laptop(tmp_path, "b") as b:
        assert DeskSync(b, by="測試者").sync(str(desk)).received == 2


def test_a_tree_naming_a_missing_file_is_not_complete(tmp_path: Path) -> None:
    repo = pygit2.init_repository(str(tmp_path / "r.git"), bare=True)
    pygit2.settings.enable_strict_object_creation(False)
    try:
        builder = repo.TreeBuilder()
        builder.insert("a.txt", repo.create_blob(b"a"), pygit2.GIT_FILEMODE_BLOB)
        whole = builder.write()
        builder.insert("gone.txt", pygit2.Oid(hex="1" * 40), pygit2.GIT_FILEMODE_BLOB)
        holed = builder.write()
    finally:
        pygit2.settings.enable_strict_object_creation(True)
    who = pygit2.Signature("x", "x@localhost")
    assert _complete(repo, repo.create_commit(None, who, who, "m", whole, []))
    assert not _complete(repo, repo.create_commit(None, who, who, "m", holed, []))
    assert not _complete(repo, repo.create_blob(b"not a commit"))
