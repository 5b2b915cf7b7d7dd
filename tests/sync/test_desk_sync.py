"""Desk sync through git (pygit2) with bare repositories made here: joining an empty desk, a
second laptop cloning it, edits on both sides, everyone converging, and hostile desks."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pygit2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.core.errors import InputError, SyncError
from app.exchange.desk_layout import fanout
from app.exchange.desk_sync import DeskSync
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON, move_to
from tests.sync.conftest import laptop


def test_join_clone_edit_on_both_sides_and_converge(desk: Path, tmp_path: Path) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        zh = import_markdown(a, TYPHOON, author="測試者")
        draft = a.new_article(
            "從空白開始的稿子", author="測試者"
        )  # a revision with no origin of its own
        first = DeskSync(a, by="測試者").sync(str(desk))
        assert first.pushed and first.sent == 2 and first.received == 0
        joined = DeskSync(b, by="測試者").sync(
            str(desk)
        )  # an empty laptop joins: the desk comes in
        assert joined.received == 2
        # The desk's files read the same whoever writes them: joining sends nothing back.
        assert joined.sent == 0
        assert DeskSync(b, by="測試者").repo.references["refs/heads/main"].target == (
            pygit2.Repository(str(desk)).references["refs/heads/main"].target
        )
        assert b.get_article(zh.id).body == a.get_article(zh.id).body
        assert [f.key for f in b.get_article(zh.id).figures] == ["pump-station", "sandbags"]
        # Both edit: a the same article's body, b adds another article and a note.
        mine = a.get_article(zh.id)
        mine.body = mine.body.replace("78 座", "80 座")
        a.save_article(mine, author="測試者")
        en = import_markdown(b, LIBRARY, author="測試者")
        b.review.add_note(zh.id, "請再確認抽水站數量", author="編輯")
        DeskSync(a, by="測試者").sync()
        DeskSync(b, by="測試者").sync()
        DeskSync(a, by="測試者").sync()
        for store in (a, b):
            assert {s.id for s in store.list_articles()} == {zh.id, en.id, draft.id}
            assert "80 座" in store.get_article(zh.id).body
            assert [n.body for n in store.review.notes(zh.id)] == ["請再確認抽水站數量"]
        uids = [{r.uid for r in s.revisions(zh.id)} for s in (a, b)]
        assert uids[0] == uids[1]  # every revision saved anywhere is everywhere


def test_edits_of_one_article_on_two_laptops_keep_both(desk: Path, tmp_path: Path) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        zh = import_markdown(a, TYPHOON, author="測試者")
        DeskSync(a, by="測試者").sync(str(desk))
        DeskSync(b, by="測試者").sync(str(desk))
        for store, text in ((a, "甲方版本。"), (b, "乙方版本。")):
            article = store.get_article(zh.id)
            article.body = text
            store.save_article(article, author="測試者")
        DeskSync(a, by="測試者").sync()
        report = DeskSync(b, by="測試者").sync()
        assert report.diverged == ["kaohsiung-typhoon-drill"]
        assert b.get_article(zh.id).body == "乙方版本。"  # ours stays current
        assert b.merge.incoming(zh.id)  # theirs waits in History
        bodies = {b.revision_article(zh.id, r.number).body for r in b.revisions(zh.id)}
        assert {"甲方版本。", "乙方版本。"} <= bodies


def test_a_desk_someone_else_pushed_to_first_is_merged_then_pushed(
    desk: Path, tmp_path: Path
) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        import_markdown(a, TYPHOON, author="測試者")
        DeskSync(a, by="測試者").sync(str(desk))
        DeskSync(b, by="測試者").sync(str(desk))
        import_markdown(a, LIBRARY, author="測試者")
        move_to(b, b.list_articles()[0].id, "in_review")
        DeskSync(a, by="測試者").sync()  # a pushes first; b's next sync meets a moved desk
        report = DeskSync(b, by="測試者").sync()
        assert report.pushed and report.received == 1
        DeskSync(a, by="測試者").sync()
        assert {x.status for x in a.list_articles()} == {"draft", "in_review"}
        desk_head = pygit2.Repository(str(desk)).references["refs/heads/main"].target
        assert desk_head == DeskSync(a, by="測試者").repo.references["refs/heads/main"].target


def test_a_hostile_desk_is_refused_through_the_gate(desk: Path, tmp_path: Path) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        zh = import_markdown(a, TYPHOON, author="測試者")
        DeskSync(a, by="測試者").sync(str(desk))
        # Someone rewrites the desk's history.json by hand: a slug that names a path.
        repo = pygit2.Repository(str(desk))
        head = repo.references["refs/heads/main"].target
        tree = repo[head].tree
        group = f"articles/{fanout(zh.id)}"
        where = f"{group}/{zh.id}.history.json"
        payload = json.loads(repo[tree[where].id].data)
        for revision in payload["revisions"]:
            revision["content"]["slug"] = "../victim"
        blob = repo.create_blob(json.dumps(payload).encode())
        fan = repo.TreeBuilder(repo[tree[group].id])
        fan.insert(f"{zh.id}.history.json", blob, pygit2.GIT_FILEMODE_BLOB)
        articles = repo.TreeBuilder(repo[tree["articles"].id])
        articles.insert(fanout(zh.id), fan.write(), pygit2.GIT_FILEMODE_TREE)
        root = repo.TreeBuilder(tree)
        root.insert("articles", articles.write(), pygit2.GIT_FILEMODE_TREE)
        who = pygit2.Signature("x", "x@example.org")
        repo.create_commit("refs/heads/main", who, who, "hostile", root.write(), [head])
        with pytest.raises(InputError) as info:
            DeskSync(b, by="測試者").sync(str(desk))
        assert info.value.file == f"desk:{where}"
        assert b.list_articles() == []  # nothing of it came in


def test_a_repository_that_is_not_a_desk_and_an_unreachable_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.git"
    repo = pygit2.init_repository(str(other), bare=True)
    who = pygit2.Signature("x", "x@example.org")
    blob = repo.create_blob(b"hello")
    builder = repo.TreeBuilder()
    builder.insert("README", blob, pygit2.GIT_FILEMODE_BLOB)
    repo.create_commit("refs/heads/main", who, who, "not a desk", builder.write(), [])
    with laptop(tmp_path, "a") as a:
        import_markdown(a, TYPHOON, author="測試者")
        with pytest.raises(SyncError, match="is not a Galley desk"):
            DeskSync(a, by="測試者").sync(str(other))
        assert len(a.list_articles()) == 1
    store = str(tmp_path / "a" / "galley.sqlite")
    assert main(["sync", "--remote", str(tmp_path / "nowhere.git"), "--store", store]) == 9
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("galley: ") and "cannot be reached" in err[-1]
    assert main(["sync", "--store", str(tmp_path / "c" / "galley.sqlite")]) == 9
    assert "no desk yet" in capsys.readouterr().err


def test_the_command_creates_a_desk_and_never_takes_over_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ["--store", str(tmp_path / "a" / "galley.sqlite")]
    assert main(["import", str(TYPHOON), *store]) == 0
    capsys.readouterr()
    new = tmp_path / "usb" / "desk.git"
    assert main(["sync", "--remote", str(new), "--create", *store]) == 0
    out = capsys.readouterr()
    assert (
        "created a new desk" in out.err and out.out.strip() == "in: 0 article(s); out: 1 article(s)"
    )
    assert (new / "HEAD").is_file()
    taken = tmp_path / "photos"
    taken.mkdir()
    (taken / "holiday.jpg").write_bytes(b"x")
    assert main(["sync", "--remote", str(taken), "--create", *store]) == 9
    assert "is not empty" in capsys.readouterr().err
    assert sorted(p.name for p in taken.iterdir()) == ["holiday.jpg"]


STEPS = st.lists(
    st.tuples(
        st.sampled_from(["edit", "note", "status", "create", "sync"]),
        st.integers(min_value=0, max_value=4),  # which laptop (modulo how many)
        st.integers(min_value=0, max_value=9),  # which article (modulo how many it has)
    ),
    min_size=1,
    max_size=25,
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.integers(min_value=3, max_value=5), STEPS)
def test_any_order_of_edits_notes_moves_and_syncs_converges(laptops: int, steps: list) -> None:
    """Three to five laptops, random edits, notes and status moves, synced in a random
    order; after everyone syncs twice, all hold the same articles, every revision saved
    anywhere is everywhere, and no note is lost."""
    import tempfile

    from app.core.workflow import next_statuses

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        desk = root / "desk.git"
        pygit2.init_repository(str(desk), bare=True)
        stores = [Store.open(root / f"l{n}" / "g.sqlite") for n in range(laptops)]
        syncs = [DeskSync(s, by="測試者") for s in stores]
        for sync in syncs:
            sync.set_remote(str(desk))
        seen_revisions: set[str] = set()
        seen_notes: set[str] = set()
        try:
            stores[0].new_article("第一篇", author="測試者")
            for op, who, which in steps:
                store = stores[who % laptops]
                ids = [s.id for s in store.list_articles()]
                if op == "create" or not ids:
                    store.new_article(f"新稿 {len(seen_revisions)}", author="測試者")
                elif op == "edit":
                    article = store.get_article(ids[which % len(ids)])
                    article.body += f"\n\n第 {len(seen_revisions)} 次修改,在 {who} 號筆電。"
                    store.save_article(article, author="測試者")
                elif op == "note":
                    store.review.add_note(ids[which % len(ids)], f"備註 {which}", author="編輯")
                elif op == "status":
                    article = store.get_article(ids[which % len(ids)])
                    moves = next_statuses(article.status)
                    if moves:
                        store.review.change_status(
                            article.id,
                            moves[which % len(moves)],
                            who="編輯",
                            override="測試",
                            role="editor",
                        )
                else:
                    syncs[who % laptops].sync()
                for s in stores:
                    for summary in s.list_articles():
                        seen_revisions |= {r.uid for r in s.revisions(summary.id)}
                        seen_notes |= {n.uid for n in s.review.notes(summary.id)}
            for _round in range(2):
                for sync in syncs:
                    sync.sync()
            articles = [{s.id for s in store.list_articles()} for store in stores]
            assert all(found == articles[0] for found in articles)
            for store in stores:
                revisions = {r.uid for a in articles[0] for r in store.revisions(a)}
                notes = {n.uid for a in articles[0] for n in store.review.notes(a)}
                assert seen_revisions <= revisions
                assert seen_notes <= notes
        finally:
            for store in stores:
                store.close()


def test_a_sync_writes_only_what_changed_and_survives_a_lost_state(
    desk: Path, tmp_path: Path
) -> None:
    with laptop(tmp_path, "a") as a:
        ids = [a.new_article(f"稿 {n}", author="測試者").id for n in range(5)]
        assert DeskSync(a, by="測試者").sync(str(desk)).sent == 5
        article = a.get_article(ids[2])
        article.body = "只改這一篇。"
        a.save_article(article, author="測試者")
        a.review.add_note(ids[4], "備註也算", author="編輯")
        sync = DeskSync(a, by="測試者")
        report = sync.sync()
        assert (report.sent, report.notes_out) == (1, 1)
        again = sync.sync()
        assert again.quiet and again.summary().startswith("nothing new")
        (sync.path / "galley-sync-state.json").write_text("{damaged", encoding="utf-8")
        assert (
            DeskSync(a, by="測試者").sync().sent == 0
        )  # written again from the store: the same files
        repo = pygit2.Repository(str(desk))
        tree = repo[repo.references["refs/heads/main"].target].tree
        history = json.loads(repo[tree[f"articles/{fanout(ids[2])}/{ids[2]}.history.json"].id].data)
        assert history["revisions"][-1]["content"]["body"] == "只改這一篇。"


def test_published_articles_appear_as_web_bundles_a_site_build_can_pull(
    desk: Path, tmp_path: Path
) -> None:
    def tree_names(folder: str) -> list[str]:
        repo = pygit2.Repository(str(desk))
        tree = repo[repo.references["refs/heads/main"].target].tree
        return sorted(e.name for e in repo[tree[folder].id]) if folder in tree else []

    with laptop(tmp_path, "a") as a:
        zh = import_markdown(a, TYPHOON, author="測試者")
        import_markdown(a, LIBRARY, author="測試者")  # a draft: no bundle
        DeskSync(a, by="測試者").sync(str(desk))
        assert tree_names("published") == []
        move_to(a, zh.id, "published")
        DeskSync(a, by="測試者").sync()
        assert tree_names("published") == ["kaohsiung-typhoon-drill"]
        files = tree_names("published/kaohsiung-typhoon-drill")
        assert {"index.html", "article.json", "style.css", "media"} <= set(files)
        renamed = a.get_article(zh.id)
        renamed.slug = "typhoon-drill-2024"
        with pytest.raises(InputError, match="address since it was published"):
            a.save_article(renamed, author="測試者")
        edited = a.get_article(zh.id)
        edited.title = "颱風演練延期"
        a.save_article(edited, author="測試者")
        DeskSync(a, by="測試者").sync()

        def live_title() -> str:
            repo = pygit2.Repository(str(desk))
            tree = repo[repo.references["refs/heads/main"].target].tree
            blob = tree["published/kaohsiung-typhoon-drill/article.json"]
            return str(json.loads(repo[blob.id].data)["headlines"][0]["value"])

        assert live_title() == "颱風季前大演練 高雄抽水站與沙包站全面檢查"  # not decided yet
        a.review.change_status(zh.id, "published", who="主編", role="editor")  # the changes
        DeskSync(a, by="測試者").sync()
        assert tree_names("published") == ["kaohsiung-typhoon-drill"]  # the address stays
        assert live_title() == "颱風演練延期"


def test_edits_of_different_paragraphs_merge_on_everylaptop(desk: Path, tmp_path: Path) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        zh = import_markdown(a, TYPHOON, author="測試者")
        DeskSync(a, by="測試者").sync(str(desk))
        DeskSync(b, by="測試者").sync(str(desk))
        mine = a.get_article(zh.id)
        mine.body = mine.body.replace("78 座", "七十八座")
        a.save_article(mine, author="測試者")
        theirs = b.get_article(zh.id)
        theirs.body += "\n\n乙方補充的段落。\n"
        b.save_article(theirs, author="測試者")
        DeskSync(a, by="測試者").sync()
        assert DeskSync(b, by="測試者").sync().diverged == []  # merged, nothing to settle
        DeskSync(a, by="測試者").sync()
        for store in (a, b):
            body = store.get_article(zh.id).body
            assert "七十八座" in body and "乙方補充的段落。" in body
            assert store.merge.incoming(zh.id) == []


def test_a_push_refused_because_someone_pushed_first_is_merged_and_sent_again(
    desk: Path, tmp_path: Path
) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        import_markdown(a, TYPHOON, author="測試者")
        DeskSync(a, by="測試者").sync(str(desk))
        DeskSync(b, by="測試者").sync(str(desk))
        import_markdown(a, LIBRARY, author="測試者")
        b.new_article("乙方同時寫的稿子", author="測試者")
        raced: list[str] = []

        def meanwhile(step: str) -> None:
            # Between a's fetch and a's push, b sends its article: a's push is refused.
            if step == "sending to the desk" and not raced:
                raced.append(step)
                DeskSync(b, by="測試者").sync()

        report = DeskSync(a, by="測試者").sync(progress=meanwhile)
        assert raced and report.pushed and report.received == 1
        DeskSync(b, by="測試者").sync()
        assert {x.title for x in a.list_articles()} == {x.title for x in b.list_articles()}
        assert len(a.list_articles()) == 3


def test_notes_travel_with_their_history(desk: Path, tmp_path: Path) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        zh = import_markdown(a, TYPHOON, author="測試者")
        note = a.review.add_note(zh.id, "數字請再確認", author="王編輯")
        time.sleep(0.002)  # a note's versions are told apart by their millisecond
        a.review.set_resolved(note.uid, who="林記者")
        time.sleep(0.002)
        a.review.set_resolved(note.uid, who="王編輯", resolved=False)  # reopened
        versions = a.review.note_history(note.uid)
        assert len(versions) == 2
        DeskSync(a, by="測試者").sync(str(desk))
        DeskSync(b, by="測試者").sync(str(desk))
        assert b.review.note_history(note.uid) == versions
        assert not next(n for n in b.review.notes(zh.id) if n.uid == note.uid).resolved


def test_a_status_moved_apart_on_two_laptops_settles_the_same_everywhere_and_is_shown(
    desk: Path, tmp_path: Path
) -> None:
    """Two decisions made apart: the record of both is replayed under the workflow on each
    laptop, so both end in the same status, and the move that could not follow is named."""
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        zh = import_markdown(a, TYPHOON, author="測試者")
        move_to(a, zh.id, "in_review")
        DeskSync(a, by="測試者").sync(str(desk))
        DeskSync(b, by="測試者").sync(str(desk))
        a.review.change_status(zh.id, "approved", who="王編輯", override="測試", role="editor")
        time.sleep(0.002)  # the withdrawal comes after the approval
        b.review.change_status(zh.id, "draft", who="林記者", role="reporter")
        DeskSync(a, by="測試者").sync()
        report = DeskSync(b, by="測試者").sync()
        [conflict] = report.status_conflicts
        assert conflict.startswith("kaohsiung-typhoon-drill (approved; set aside: 林記者:")
        assert "in_review → draft" in conflict
        assert "moved to different statuses apart" in report.summary()
        DeskSync(a, by="測試者").sync()
        assert a.get_article(zh.id).status == b.get_article(zh.id).status == "approved"
        for store in (a, b):  # both moves are on record everywhere
            moves = [c.to_status for c in store.review.status_history(zh.id)]
            assert "approved" in moves and "draft" in moves
