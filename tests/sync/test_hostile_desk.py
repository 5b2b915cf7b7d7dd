"""A desk is hostile input, and so is every JSON or YAML file Galley reads: a history file,
marker or settings value nested past any real one, a tree entry of the wrong kind (a file
for a folder, a folder for a file, a submodule), a branch pointing at something that is no
commit, a lock that is a folder. Each is refused in one line naming where it is
(``desk:articles/3f/ID.history.json: …``), never a traceback; the store is exactly as it
was, and the next sync of a good desk completes."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygit2
import pytest

from app.cli import main
from app.exchange.desk_layout import default_repository, fanout
from app.exchange.desk_sync import DeskSync, create_desk
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON, move_to
from tests.sync.conftest import laptop

DEEP = 100_000  # far past Python's recursion limit: what a hostile file would hold


def deep_json(depth: int = DEEP) -> bytes:
    return b"[" * depth + b"]" * depth


def dump(path: Path) -> list[str]:
    """Everything the store file holds, read by another connection."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err and "internal error" not in err, err
    return lines[0]


def last_line(err: str) -> str:
    """The line a sync ends with, after its progress lines (each one line of its own)."""
    lines = err.strip().splitlines()
    assert "Traceback" not in err and "internal error" not in err, err
    assert all(line.startswith("galley: ") for line in lines), err
    return lines[-1]


@dataclass
class Desk:
    """A desk laptop a wrote to (a published article with photos), its good commit, and
    laptop b, which synced with it once and has an article of its own since; a has sent
    another article with photos b has not seen."""

    path: Path
    repo: pygit2.Repository
    good: pygit2.Oid
    a: Store
    b: Store
    article_id: str  # the published one, both laptops have it

    @property
    def tree(self) -> Any:
        return self.repo[self.good].tree

    def commit(self, tree: Any) -> None:
        who = pygit2.Signature("x", "x@example.org")
        self.repo.create_commit("refs/heads/main", who, who, "hostile", tree, [self.good])

    def put(self, path: str, oid: Any, mode: int) -> None:
        """Commit the good tree with ``path`` made ``oid`` (of ``mode``)."""
        self.commit(_put(self.repo, self.tree, path.split("/"), oid, mode))

    def restore(self) -> None:
        self.repo.references.create("refs/heads/main", self.good, force=True)


def _put(repo: pygit2.Repository, tree: Any, parts: list[str], oid: Any, mode: int) -> Any:
    builder = repo.TreeBuilder(tree) if tree is not None else repo.TreeBuilder()
    if len(parts) == 1:
        if builder.get(parts[0]) is not None:
            builder.remove(parts[0])
        builder.insert(parts[0], oid, mode)
    else:
        entry = tree[parts[0]] if tree is not None and parts[0] in tree else None
        sub = repo[entry.id] if entry is not None and entry.type_str == "tree" else None
        builder.insert(parts[0], _put(repo, sub, parts[1:], oid, mode), pygit2.GIT_FILEMODE_TREE)
    return builder.write()


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    path = create_desk(str(tmp_path / "usb" / "desk.git"))
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        zh = import_markdown(a, TYPHOON, author="測試者")
        move_to(a, zh.id, "published")
        DeskSync(a, by="測試者").sync(str(path))
        DeskSync(b, by="測試者").sync(str(path))
        b.new_article("乙的稿子", author="測試者")
        import_markdown(a, LIBRARY, author="測試者")
        DeskSync(a, by="測試者").sync()
        repo = pygit2.Repository(str(path))
        yield Desk(path, repo, repo.references["refs/heads/main"].target, a, b, zh.id)


def refused(
    desk: Desk,
    capsys: pytest.CaptureFixture[str],
    where: str,
    words: str,
    *,
    received: bool = True,
) -> None:
    """b's sync (through the command) stops in one line naming ``where``; b's store is as it
    was; once the desk is good again, b's next sync completes."""
    store = desk.b.path
    before = dump(store)
    capsys.readouterr()
    assert main(["sync", "--store", str(store), "--by", "測試者"]) == 2
    line = last_line(capsys.readouterr().err)
    assert line.startswith(f"galley: {where}: ") and words in line, line
    assert dump(store) == before
    desk.restore()
    report = DeskSync(desk.b, by="測試者").sync()
    assert report.pushed and report.received >= received  # a's second article, at last
    assert desk.b.count_articles() == 3
    desk.good = desk.repo.references["refs/heads/main"].target


def history(desk: Desk) -> str:
    return f"articles/{fanout(desk.article_id)}/{desk.article_id}.history.json"


# -- JSON nested past any real file ---------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [deep_json(), b'{"article_id": "x", "revisions": ' + deep_json() + b"}", deep_json(65)],
    ids=["array", "inside-a-payload", "just-past-the-limit"],
)
def test_a_history_file_nested_too_deeply(
    desk: Desk, capsys: pytest.CaptureFixture[str], text: bytes
) -> None:
    desk.put(history(desk), desk.repo.create_blob(text), pygit2.GIT_FILEMODE_BLOB)
    refused(desk, capsys, f"desk:{history(desk)}", "nested more than 64 levels")


def test_a_desk_marker_nested_too_deeply_or_too_large(
    desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = deep_json(20_000)  # 40 KB: under the marker's size limit, far past the recursion's
    desk.put("GALLEY-DESK.json", desk.repo.create_blob(deep), pygit2.GIT_FILEMODE_BLOB)
    refused(desk, capsys, "desk:GALLEY-DESK.json", "nested more than 64 levels")
    huge = b'{"format": "galley-desk/2", "x": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    desk.put("GALLEY-DESK.json", desk.repo.create_blob(huge), pygit2.GIT_FILEMODE_BLOB)
    refused(desk, capsys, "desk:GALLEY-DESK.json", "too large", received=False)


def _settings(picks: Any) -> bytes:
    entry = {"value": picks, "changed_at": "2099-01-01T00:00:00Z", "changed_by": "x"}
    return json.dumps({"settings": {"editors_picks": entry}, "editors": []}).encode()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (deep_json(), "nested more than 64 levels"),
        (b'{"settings": ' + deep_json() + b"}", "nested more than 64 levels"),
        (_settings([{"url": 5}]), "must be text, not 5"),
        (_settings([{"url": "https://e.org/", "title": ["a"]}]), 'must be text, not ["a"]'),
        (_settings([7]), "must be a link"),
    ],
    ids=["deep", "deep-inside", "a-pick-url-a-number", "a-pick-title-a-list", "a-pick-a-number"],
)
def test_the_desks_settings_file_nested_too_deeply_or_of_the_wrong_types(
    desk: Desk, capsys: pytest.CaptureFixture[str], text: bytes, words: str
) -> None:
    desk.put("desk/settings.json", desk.repo.create_blob(text), pygit2.GIT_FILEMODE_BLOB)
    refused(desk, capsys, "desk:desk/settings.json", words)


def test_brackets_inside_text_are_no_nesting(desk: Desk) -> None:
    """A body full of brackets (a transcript of code, a list of citations) is text, not
    nesting: the depth is counted outside JSON strings only."""
    article = desk.a.get_article(desk.article_id)
    article.body += "\n\n" + "[" * 500 + '"\\"{' * 100 + "]" * 500 + "\n"
    desk.a.save_article(article, author="測試者")
    DeskSync(desk.a, by="測試者").sync()
    DeskSync(desk.b, by="測試者").sync()
    assert desk.b.get_article(desk.article_id).body == article.body


# -- tree entries of the wrong kind ----------------------------------------------------------
def _image(desk: Desk) -> str:
    """An image of the article b has not seen: b must read it from the desk."""
    library = next(a for a in desk.a.list_articles() if a.id != desk.article_id)
    sha = desk.a.get_article(library.id).figures[0].image
    return next(e.name for e in desk.repo[desk.tree["images"].id] if e.name.startswith(sha))


def _gitlink() -> pygit2.Oid:
    return pygit2.Oid(hex="1" * 40)  # a submodule's commit, in another repository


@pytest.mark.parametrize(
    ("where", "make", "words"),
    [
        ("images", lambda d: (d.repo.create_blob(b"x"), pygit2.GIT_FILEMODE_BLOB), "not a folder"),
        ("images", lambda d: (_gitlink(), pygit2.GIT_FILEMODE_COMMIT), "submodule"),
        (
            "images/IMAGE",
            lambda d: (d.repo[d.tree["articles"].id].id, pygit2.GIT_FILEMODE_TREE),
            "not a file",
        ),
        ("images/IMAGE", lambda d: (_gitlink(), pygit2.GIT_FILEMODE_COMMIT), "submodule"),
        ("articles", lambda d: (_gitlink(), pygit2.GIT_FILEMODE_COMMIT), "submodule"),
        ("articles/XX", lambda d: (_gitlink(), pygit2.GIT_FILEMODE_COMMIT), "submodule"),
        ("HISTORY", lambda d: (_gitlink(), pygit2.GIT_FILEMODE_COMMIT), "submodule"),
        ("published", lambda d: (_gitlink(), pygit2.GIT_FILEMODE_COMMIT), "submodule"),
        ("published/SLUG", lambda d: (_gitlink(), pygit2.GIT_FILEMODE_COMMIT), "submodule"),
        ("published/SLUG", lambda d: (d.repo.create_blob(b"x"), pygit2.GIT_FILEMODE_BLOB),
         "not a folder"),
        ("published/SLUG/media", lambda d: (_gitlink(), pygit2.GIT_FILEMODE_COMMIT), "submodule"),
        ("vendor", lambda d: (_gitlink(), pygit2.GIT_FILEMODE_COMMIT), "submodule"),
        ("desk", lambda d: (_gitlink(), pygit2.GIT_FILEMODE_COMMIT), "submodule"),
        ("desk/settings.json", lambda d: (_gitlink(), pygit2.GIT_FILEMODE_COMMIT), "submodule"),
    ],
    ids=[
        "images-a-file",
        "images-a-submodule",
        "an-image-a-folder",
        "an-image-a-submodule",
        "articles-a-submodule",
        "a-fanout-a-submodule",
        "a-history-a-submodule",
        "published-a-submodule",
        "a-bundle-a-submodule",
        "a-bundle-a-file",
        "inside-a-bundle-a-submodule",
        "a-submodule-beside",
        "the-desk-folder-a-submodule",
        "its-settings-a-submodule",
    ],
)  # fmt: skip
def test_a_tree_entry_of_the_wrong_kind(
    desk: Desk,
    capsys: pytest.CaptureFixture[str],
    where: str,
    make: Callable[[Desk], tuple[Any, int]],
    words: str,
) -> None:
    slug = desk.a.get_article(desk.article_id).slug
    where = (
        where.replace("IMAGE", _image(desk))
        .replace("XX", fanout(desk.article_id))
        .replace("HISTORY", history(desk))
        .replace("SLUG", slug)
    )
    oid, mode = make(desk)
    # The article b has not seen yet is edited on the desk too: b must read its files.
    article = desk.a.get_article(desk.article_id)
    article.dek = "桌上改過的導言。"
    desk.a.save_article(article, author="測試者")
    DeskSync(desk.a, by="測試者").sync()
    desk.good = desk.repo.references["refs/heads/main"].target
    desk.put(where, oid, mode)
    refused(desk, capsys, f"desk:{where}", words)


# -- a branch that is no commit ---------------------------------------------------------------
@pytest.mark.parametrize("kind", ["blob", "tree"])
def test_a_desk_branch_pointing_at_a_blob_or_a_tree(
    desk: Desk, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    oid = desk.repo.create_blob(b"not a commit") if kind == "blob" else desk.tree.id
    (desk.path / "refs" / "heads" / "main").write_text(f"{oid}\n", encoding="ascii")
    refused(desk, capsys, "desk:refs/heads/main", "not a commit")


def test_a_desk_branch_at_an_annotated_tag_is_refused_naming_what_it_tags(
    desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    """Even a tag of a commit: the merge could be made, but no push moves the branch on
    from a tag, and the sync would fail at the end every time."""
    who = pygit2.Signature("x", "x@example.org")
    tag = desk.repo.create_tag("v1", desk.good, pygit2.enums.ObjectType.COMMIT, who, "tagged")
    (desk.path / "refs" / "heads" / "main").write_text(f"{tag}\n", encoding="ascii")
    refused(desk, capsys, "desk:refs/heads/main", "points at a tag of a commit, not a commit")


def test_a_branch_at_a_blob_on_a_git_host_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over HTTP the fetch itself takes such a branch: the sync peels it and refuses it."""
    from app.core.errors import InputError
    from tests.sync.git_http import GitHTTPServer

    root = tmp_path / "host"
    repo = pygit2.init_repository(str(root / "desk.git"), bare=True, initial_head="main")
    blob = repo.create_blob(b"not a commit")
    (root / "desk.git" / "refs" / "heads" / "main").write_text(f"{blob}\n", encoding="ascii")
    server = GitHTTPServer(root, "reporter", "s3cret-token")
    monkeypatch.setenv("GALLEY_DESK_USER", "reporter")
    monkeypatch.setenv("GALLEY_DESK_TOKEN", "s3cret-token")
    try:
        with laptop(tmp_path, "a") as a:
            import_markdown(a, TYPHOON, author="測試者")
            before = dump(a.path)
            with pytest.raises(InputError) as info:
                DeskSync(a, by="測試者").sync(server.url("desk.git"))
            assert info.value.file == "desk:refs/heads/main"
            assert "points at a blob, not a commit" in str(info.value)
            assert dump(a.path) == before
    finally:
        server.stop()


# -- this laptop's own files ------------------------------------------------------------------
def test_a_lock_that_is_a_folder(desk: Desk, capsys: pytest.CaptureFixture[str]) -> None:
    lock = default_repository(desk.b.path) / "galley-sync.lock"
    lock.unlink(missing_ok=True)
    lock.mkdir()
    before = dump(desk.b.path)
    assert main(["sync", "--store", str(desk.b.path), "--by", "測試者"]) == 9
    line = last_line(capsys.readouterr().err)
    assert str(lock) in line and "is a folder" in line, line
    assert dump(desk.b.path) == before
    lock.rmdir()
    assert DeskSync(desk.b, by="測試者").sync().pushed


@pytest.mark.parametrize("text", [deep_json(), b"\xff\xfe", b"[" * 10])
def test_a_damaged_sync_state_only_costs_a_full_write(desk: Desk, text: bytes) -> None:
    state = default_repository(desk.b.path) / "galley-sync-state.json"
    state.write_bytes(text)
    report = DeskSync(desk.b, by="測試者").sync()
    assert report.pushed and desk.b.count_articles() == 3


def test_a_desk_address_file_nested_too_deeply_is_no_desk(tmp_path: Path) -> None:
    from app.ui.desk_sync_controller import configured_desk

    store = tmp_path / "s" / "galley.sqlite"
    folder = default_repository(store)
    folder.mkdir(parents=True)
    (folder / "galley-desk.json").write_bytes(b'{"remote": ' + deep_json() + b"}")
    assert configured_desk(store) is None


# -- desk settings: typed, and never nested past any real one --------------------------------
@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("editors_picks", '[{"url": 5}]', "editors_picks[1].url"),
        ("editors_picks", '[{"title": ["a"]}]', "editors_picks[1].title"),
        ("editors_picks", '[{"url": "https://e.org/", "article_id": 7}]', "article_id"),
        ("editors_picks", "[5]", "editors_picks[1]"),
        ("editors_picks", deep_json().decode(), "nested more than 64 levels"),
        ("author_urls", '{"a": ' * DEEP + "1" + "}" * DEEP, "nested more than 64 levels"),
        ("organization_bylines", deep_json().decode(), "nested more than 64 levels"),
    ],
)
def test_a_desk_setting_of_the_wrong_type_or_nested_too_deeply(
    store_path: Path, capsys: pytest.CaptureFixture[str], key: str, value: str, words: str
) -> None:
    with Store.open(store_path):
        pass
    before = dump(store_path)
    assert main(["desk", "set", key, value, "--store", str(store_path)]) == 2
    line = one_line(capsys.readouterr().err)
    assert key in line and words in line, line
    assert dump(store_path) == before


def test_an_old_store_with_a_setting_nested_too_deeply(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(store_path) as store:
        import_markdown(store, TYPHOON, author="測試者")
    conn = sqlite3.connect(store_path)
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO desk (key, value) VALUES ('author_urls', ?)",
            [deep_json().decode()],
        )
        conn.execute(
            "INSERT OR REPLACE INTO desk (key, value) VALUES ('editors_picks', ?)",
            [json.dumps([{"url": 5}])],
        )
    conn.close()
    before = dump(store_path)
    assert main(["desk", "--store", str(store_path)]) == 3
    line = one_line(capsys.readouterr().err)
    assert "editors_picks[1].url" in line and "galley desk set editors_picks" in line, line
    assert dump(store_path) == before
    # Setting one mends the store: the other damaged one is its default again, and says so.
    assert main(["desk", "set", "editors_picks", "[]", "--store", str(store_path)]) == 0
    line = one_line(capsys.readouterr().err)
    assert "author_urls" in line and "nested more than 64 levels" in line, line
    assert main(["desk", "--json", "--store", str(store_path)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["author_urls"] == {} and shown["editors_picks"] == []
    with Store.open(store_path) as store:
        assert store.count_articles() == 1


# -- files: a review bundle, an article's front matter ----------------------------------------
def test_a_review_file_and_front_matter_nested_too_deeply(
    tmp_path: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "article.md").write_text("---\ntitle: t\n---\n正文\n", encoding="utf-8")
    (bundle / "review.json").write_bytes(deep_json())
    article = tmp_path / "deep.md"
    flow = "[" * DEEP + "]" * DEEP
    block = "".join(" " * n + "- \n" for n in range(2000))
    for path, text in (
        (article, f"---\ntitle: t\ntags: {flow}\n---\n正文\n"),
        (article, f"---\ntitle: t\ntags:\n{block}---\n正文\n"),
        (article, "---\ntitle: t\ntags: " + "- " * 200 + "x\n---\n正文\n"),
    ):
        path.write_text(text, encoding="utf-8")
        assert main(["import", str(article), "--store", str(store_path)]) == 2
        line = one_line(capsys.readouterr().err)
        assert str(article) in line, line
    assert main(["import", str(bundle), "--store", str(store_path)]) == 2
    line = one_line(capsys.readouterr().err)
    assert "review.json" in line and "nested more than 64 levels" in line, line
