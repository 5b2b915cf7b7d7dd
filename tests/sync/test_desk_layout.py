"""The desk's layout and what a sync costs: folders fanned out by the id's SHA-1, only the
articles the store's touch journal names are written again, a joining laptop renders none
of what the desk already has, and a desk of the first (flat) format is still read."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pygit2
import pytest

from app.core.errors import InputError
from app.core.model import Article
from app.exchange import source
from app.exchange.desk_layout import fanout
from app.exchange.desk_sync import DeskSync
from app.exchange.desk_tree import DeskTree
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON
from tests.sync.conftest import laptop


def _edit(store: Store, article_id: str, **changes: Any) -> None:
    store.save_article(
        dataclasses.replace(store.get_article(article_id), **changes), author="測試者"
    )


def _written(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records the ids of the articles a sync writes."""
    seen: list[str] = []
    original = DeskTree._write_article

    def counting(self: DeskTree, article_id: str, *args: Any) -> Any:
        seen.append(article_id)
        return original(self, article_id, *args)

    monkeypatch.setattr(DeskTree, "_write_article", counting)
    return seen


def _head_tree(desk: Path) -> tuple[pygit2.Repository, Any]:
    repo = pygit2.Repository(str(desk))
    return repo, repo[repo.references["refs/heads/main"].target].tree


def test_every_kind_of_write_moves_the_article_in_the_touch_journal(store: Store) -> None:
    ids = [
        store.create_article(
            Article(id="", slug="", title=f"第{n}篇", body="內文。"), author="測試者"
        ).id
        for n in range(5)
    ]
    mark, touched = store.touches.touched_since(0)
    assert set(touched) == set(ids)
    steps = [
        lambda: _edit(store, ids[0], body="改過。"),
        lambda: store.review.add_note(ids[1], "請查證", author="編輯"),
        lambda: store.review.change_status(ids[2], "in_review", who="記者", role="editor"),
    ]
    for article_id, step in zip(ids, steps, strict=False):
        step()
        mark, touched = store.touches.touched_since(mark)
        assert touched == [article_id]
    note = store.review.notes(ids[3])  # none yet
    assert note == []
    added = store.review.add_note(ids[3], "第二則", author="編輯")
    mark, _ = store.touches.touched_since(mark)
    store.review.set_resolved(added.uid, who="主編")  # the note's history moves it too
    mark, touched = store.touches.touched_since(mark)
    assert touched == [ids[3]]
    assert store.touches.touched_since(mark) == (mark, [])


def test_a_sync_writes_only_the_articles_touched_since_the_last(
    desk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with laptop(tmp_path, "a") as a:
        ids = [a.new_article(f"稿子 {n}", author="測試者").id for n in range(40)]
        written = _written(monkeypatch)
        assert DeskSync(a, by="測試者").sync(str(desk)).sent == 40
        assert len(written) == 40
        written.clear()
        _edit(a, ids[3], body="新的一段。")
        a.review.add_note(ids[17], "請補來源", author="編輯")
        report = DeskSync(a, by="測試者").sync()
        assert sorted(written) == sorted([ids[3], ids[17]])
        assert (report.sent, report.notes_out) == (1, 1)  # a text and a note, as they are
        written.clear()
        assert DeskSync(a, by="測試者").sync().sent == 0 and written == []
        # The desk fans folders out: each sits under the first two hex digits of its id's SHA-1.
        repo, tree = _head_tree(desk)
        assert json.loads(repo[tree["GALLEY-DESK.json"].id].data) == {"format": "galley-desk/2"}
        for article_id in ids:
            assert f"articles/{fanout(article_id)}/{article_id}.history.json" in tree
            assert f"articles/{fanout(article_id)}/{article_id}.md" in tree
        assert len(repo[tree["articles"].id]) == len({fanout(i) for i in ids})


def test_joining_renders_nothing_the_desk_already_has(
    desk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        zh = import_markdown(a, TYPHOON, author="測試者")
        a.review.change_status(zh.id, "in_review", who="記者", role="editor")
        a.review.change_status(zh.id, "approved", who="主編", role="editor")
        a.review.change_status(zh.id, "published", who="主編", role="editor")
        import_markdown(a, LIBRARY, author="測試者")
        DeskSync(a, by="測試者").sync(str(desk))
        rendered: list[str] = []
        original = source.article_to_markdown
        monkeypatch.setattr(
            source,  # desk_tree imports it when it writes an article
            "article_to_markdown",
            lambda article, paths: rendered.append(article.id) or original(article, paths),
        )
        joined = DeskSync(b, by="測試者").sync(str(desk))
        assert joined.received == 2 and joined.sent == 0 and rendered == []
        repo, tree = _head_tree(desk)
        assert (
            DeskSync(b, by="測試者").repo.references["refs/heads/main"].target
            == repo.references["refs/heads/main"].target
        )  # nothing was sent back: the laptop's head is the desk's
        assert f"published/{b.get_article(zh.id).slug}/index.html" in tree
        # Once b edits, it writes that one article itself, and its bundle with it.
        _edit(b, zh.id, title="演練延期")
        assert DeskSync(b, by="測試者").sync().sent == 1 and rendered == [zh.id]


def _commit_articles(repo: pygit2.Repository, articles: Any, message: str) -> None:
    """Commit on the desk's main branch its head's tree with ``articles`` (a tree builder)
    as its articles folder: someone changing the desk by hand."""
    head = repo.references["refs/heads/main"].target
    root = repo.TreeBuilder(repo[head].tree)
    root.insert("articles", articles.write(), pygit2.GIT_FILEMODE_TREE)
    who = pygit2.Signature("x", "x@example.org")
    repo.create_commit("refs/heads/main", who, who, message, root.write(), [head])


def _flatten(desk: Path) -> None:
    """Rewrite the desk's head in the first format: articles/ID/{article.md,history.json},
    marker galley-desk/1."""
    repo, tree = _head_tree(desk)
    flat = repo.TreeBuilder()
    for group in repo[tree["articles"].id]:
        for name in {f.name.split(".", 1)[0] for f in repo[group.id]}:
            folder = repo.TreeBuilder()
            for kind, file in (("history.json", ".history.json"), ("article.md", ".md")):
                blob = repo[group.id][name + file].id
                folder.insert(kind, blob, pygit2.GIT_FILEMODE_BLOB)
            flat.insert(name, folder.write(), pygit2.GIT_FILEMODE_TREE)
    root = repo.TreeBuilder(tree)
    root.insert("articles", flat.write(), pygit2.GIT_FILEMODE_TREE)
    marker = repo.create_blob(json.dumps({"format": "galley-desk/1"}).encode())
    root.insert("GALLEY-DESK.json", marker, pygit2.GIT_FILEMODE_BLOB)
    who = pygit2.Signature("x", "x@example.org")
    head = repo.references["refs/heads/main"].target
    repo.create_commit("refs/heads/main", who, who, "flat", root.write(), [head])


def test_a_desk_of_the_first_flat_format_is_read_and_written_anew(
    desk: Path, tmp_path: Path
) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        zh = import_markdown(a, TYPHOON, author="測試者")
        en = import_markdown(a, LIBRARY, author="測試者")
        DeskSync(a, by="測試者").sync(str(desk))
        _flatten(desk)
        assert DeskSync(b, by="測試者").sync(str(desk)).received == 2
        assert b.get_article(en.id).body == a.get_article(en.id).body
        _edit(b, zh.id, body=b.get_article(zh.id).body + "\n\n補充。")
        DeskSync(b, by="測試者").sync()
        repo, tree = _head_tree(desk)
        assert json.loads(repo[tree["GALLEY-DESK.json"].id].data)["format"] == "galley-desk/2"
        assert f"articles/{fanout(zh.id)}/{zh.id}.md" in tree
        assert DeskSync(a, by="測試者").sync().received == 1
        assert a.get_article(zh.id).body.endswith("補充。")


def test_a_file_out_of_its_place_or_a_file_for_a_folder_is_refused_with_its_path(
    desk: Path, tmp_path: Path
) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        zh = import_markdown(a, TYPHOON, author="測試者")
        DeskSync(a, by="測試者").sync(str(desk))
        repo, tree = _head_tree(desk)
        group = fanout(zh.id)
        wrong = "00" if group != "00" else "01"
        articles = repo.TreeBuilder(repo[tree["articles"].id])
        articles.insert(wrong, tree[f"articles/{group}"].id, pygit2.GIT_FILEMODE_TREE)
        _commit_articles(repo, articles, "moved")
        with pytest.raises(InputError) as info:
            DeskSync(b, by="測試者").sync(str(desk))
        assert info.value.file == f"desk:articles/{wrong}/{zh.id}.history.json"
        assert b.count_articles() == 0
        articles.insert(wrong, repo.create_blob(b"not a folder"), pygit2.GIT_FILEMODE_BLOB)
        _commit_articles(repo, articles, "a file")
        with pytest.raises(InputError) as info:
            DeskSync(b, by="測試者").sync(str(desk))
        assert info.value.file == f"desk:articles/{wrong}"


def test_an_article_without_its_history_or_a_stray_file_is_refused_with_its_path(
    desk: Path, tmp_path: Path
) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        zh = import_markdown(a, TYPHOON, author="測試者")
        DeskSync(a, by="測試者").sync(str(desk))
        repo, tree = _head_tree(desk)
        name = fanout(zh.id)
        for change, refused in (
            (lambda g: g.remove(f"{zh.id}.history.json"), f"{zh.id}.history.json"),
            (lambda g: g.insert("notes.txt", repo.create_blob(b"x"), pygit2.GIT_FILEMODE_BLOB),
             "notes.txt"),
        ):  # fmt: skip
            group = repo.TreeBuilder(repo[tree[f"articles/{name}"].id])
            change(group)
            articles = repo.TreeBuilder(repo[tree["articles"].id])
            articles.insert(name, group.write(), pygit2.GIT_FILEMODE_TREE)
            _commit_articles(repo, articles, "damaged")
            with pytest.raises(InputError) as info:
                DeskSync(b, by="測試者").sync(str(desk))
            assert info.value.file == f"desk:articles/{name}/{refused}"
            assert b.count_articles() == 0


def test_a_sync_packs_the_laptops_repository_once_loose_objects_pile_up(
    desk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.exchange import desk_sync

    monkeypatch.setattr(desk_sync, "PACK_AFTER", 10)
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        ids = [a.new_article(f"稿子 {n}", author="測試者").id for n in range(8)]
        sync = DeskSync(a, by="測試者")
        said: list[str] = []
        sync.sync(str(desk), progress=said.append)  # a few objects an article: over 10
        assert "packing this laptop's repository" in said
        objects = sync.path / "objects"
        assert not [d for d in objects.iterdir() if len(d.name) == 2]  # no loose object left
        assert list((objects / "pack").glob("*.idx"))
        _edit(a, ids[0], body="改過。")
        assert DeskSync(a, by="測試者").sync().sent == 1  # the packed repository keeps working
        assert DeskSync(b, by="測試者").sync(str(desk)).received == 8
        assert b.get_article(ids[0]).body == "改過。"


def test_history_that_comes_in_alone_moves_the_article_in_the_touch_journal(
    store: Store,
) -> None:
    """A review bundle or a desk can bring revisions the article's text never moved for (a
    side branch someone kept): the store must send them on at its next sync."""
    import copy
    import uuid

    article = store.create_article(
        Article(id="", slug="", title="稿子", body="第一版。"), author="測試者"
    )
    payload = store.merge.payload(article.id)
    side = copy.deepcopy(payload["revisions"][-1])
    side.update(uid=uuid.uuid4().hex, parent=payload["head"], origin="")
    side["content"]["body"] = "另一個版本。"
    payload["revisions"].append(side)  # the head stays ours: only history comes in
    mark, _ = store.touches.touched_since(0)
    result = store.merge.apply(payload, by="測試者")
    assert result.outcome == "ours-newer"
    assert store.touches.touched_since(mark)[1] == [article.id]
    assert store.get_article(article.id).body == "第一版。"
