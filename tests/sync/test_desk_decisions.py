"""Decisions survive the desk: a spike made on one laptop holds against an edit made on
another, what readers get is what an editor approved, the desk's editors travel with the
desk, and a status no decision justifies arrives in review with a warning."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pygit2
import pytest

from app.core.workflow import WorkflowError
from app.exchange.desk_sync import DeskSync
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON, move_to
from tests.sync.conftest import laptop

TITLE = "颱風季前大演練 高雄抽水站與沙包站全面檢查"


def sync(store: Store, desk: Path | None = None, by: str = "測試者"):  # noqa: ANN201
    return DeskSync(store, by=by).sync(str(desk) if desk else None)


def published(desk: Path) -> dict[str, dict]:
    """The desk's published edition: each bundle's article.json, by folder name."""
    repo = pygit2.Repository(str(desk))
    tree = repo[repo.references["refs/heads/main"].target].tree
    if "published" not in tree:
        return {}
    out = {}
    for entry in repo[tree["published"].id]:
        blob = repo[entry.id]["article.json"]
        out[entry.name] = json.loads(repo[blob.id].data)
    return out


def edit_body(store: Store, article_id: str, old: str, new: str, who: str) -> None:
    article = store.get_article(article_id)
    article.body = article.body.replace(old, new, 1)
    store.save_article(article, author=who)


def test_a_spike_holds_against_an_edit_made_elsewhere(desk: Path, tmp_path: Path) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        story = import_markdown(a, TYPHOON, author="林記者")
        move_to(a, story.id, "published")
        sync(a, desk)
        sync(b, desk)
        assert list(published(desk)) == ["kaohsiung-typhoon-drill"]
        a.review.change_status(story.id, "spiked", who="王編輯", role="editor")
        edit_body(b, story.id, "78 座", "七十八座", "林記者")  # the reporter fixes a paragraph
        sync(a)
        sync(b)
        sync(a)
        for store in (a, b):
            assert store.get_article(story.id).status == "spiked"
            assert "七十八座" in store.get_article(story.id).body  # the fix is kept, too
        assert published(desk) == {}  # a spiked story leaves the edition


@pytest.mark.parametrize("publish_first", [True, False])
def test_readers_get_what_was_approved_whatever_order_the_syncs_come_in(
    desk: Path, tmp_path: Path, publish_first: bool
) -> None:
    """A approves; B takes the approval back and edits the body while A publishes. Either
    decision may come first; B's unapproved edit never reaches readers, and B hears of it."""
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        story = import_markdown(a, TYPHOON, author="林記者")
        move_to(a, story.id, "approved")
        sync(a, desk)
        sync(b, desk)
        if publish_first:
            a.review.change_status(story.id, "published", who="王編輯", role="editor")
            time.sleep(0.002)
        b.review.change_status(story.id, "in_review", who="林記者", role="reporter")
        edit_body(b, story.id, "78 座", "80 座（未核稿）", "林記者")
        if not publish_first:
            time.sleep(0.002)
            a.review.change_status(story.id, "published", who="王編輯", role="editor")
        sync(a)
        report = sync(b)
        sync(a)
        statuses = {a.get_article(story.id).status, b.get_article(story.id).status}
        assert len(statuses) == 1  # the same answer on both laptops
        [status] = statuses
        assert report.status_conflicts and "set aside" in report.status_conflicts[0]
        edition = published(desk)
        if publish_first:
            assert status == "published"
            body = json.dumps(edition["kaohsiung-typhoon-drill"], ensure_ascii=False)
            assert "78 座" in body and "未核稿" not in body
            assert "未核稿" in b.get_article(story.id).body  # kept, waiting for a decision
        else:
            assert status == "in_review" and edition == {}


def test_the_desks_editors_travel_and_only_they_decide(desk: Path, tmp_path: Path) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        story = import_markdown(a, TYPHOON, author="林記者")
        a.review.change_status(story.id, "in_review", who="林記者", role="reporter")
        settings = a.desk()
        settings.editors = ["王編輯"]
        settings.publication_name = "南方日報"
        a.save_desk(settings, by="王編輯")
        sync(a, desk)
        sync(b, desk)
        assert b.desk().editors == ["王編輯"] and b.desk().publication_name == "南方日報"
        with pytest.raises(WorkflowError, match="not one of the desk's editors"):
            b.review.change_status(story.id, "approved", who="陳記者", role="editor")
        # A later setting wins on every laptop.
        later = b.desk()
        later.publication_name = "南方日報網"
        b.save_desk(later, by="王編輯")
        sync(b)
        sync(a)
        assert a.desk().publication_name == b.desk().publication_name == "南方日報網"


def test_an_approval_by_someone_not_listed_arrives_in_review_with_a_warning(
    desk: Path, tmp_path: Path
) -> None:
    """C's store does not know the desk's list yet when C approves; once the records meet,
    every laptop sets the approval aside, and says which article."""
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "c") as c:
        story = import_markdown(a, TYPHOON, author="林記者")
        a.review.change_status(story.id, "in_review", who="林記者", role="reporter")
        sync(a, desk)
        sync(c, desk)
        settings = a.desk()
        settings.editors = ["王編輯"]
        a.save_desk(settings, by="王編輯")
        sync(a)
        time.sleep(0.002)
        c.review.change_status(story.id, "approved", who="陳記者", role="editor")
        report = sync(c)
        assert c.get_article(story.id).status == "in_review"
        [warning] = report.status_conflicts
        assert warning.startswith("kaohsiung-typhoon-drill (in_review; set aside: 陳記者:")
        assert "not one of the desk's editors" in warning
        sync(a)
        assert a.get_article(story.id).status == "in_review"


def test_a_desk_settings_file_that_cannot_be_used_changes_nothing(
    desk: Path, tmp_path: Path
) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        import_markdown(a, TYPHOON, author="林記者")
        sync(a, desk)
        repo = pygit2.Repository(str(desk))
        head = repo.references["refs/heads/main"]
        tree = repo[head.target].tree
        bad = {
            "settings": {
                "base_url": {
                    "value": "javascript:alert(1)",
                    "changed_at": "2999",
                    "changed_by": "x",
                }
            },
            "editors": [],
        }
        folder = repo.TreeBuilder()
        folder.insert(
            "settings.json", repo.create_blob(json.dumps(bad).encode()), pygit2.GIT_FILEMODE_BLOB
        )
        root = repo.TreeBuilder(tree)
        root.insert("desk", folder.write(), pygit2.GIT_FILEMODE_TREE)
        who = pygit2.Signature("x", "x@example.org")
        repo.create_commit(head.name, who, who, "bad settings", root.write(), [head.target])
        from app.core.errors import InputError

        with pytest.raises(InputError, match="desk:desk/settings.json"):
            sync(b, desk)
        assert b.desk().base_url == "" and b.count_articles() == 0


def test_restore_is_part_of_sync_nothing_on_either_side_is_lost(desk: Path, tmp_path: Path) -> None:
    """A laptop restores a backup older than its last sync: the next sync takes back what
    the desk has (a note and an edit made before the restore) and sends what was written
    after it."""
    from app.store.backup import backup_store, restore_backup

    path = tmp_path / "a" / "galley.sqlite"
    a = Store.open(path)
    story = import_markdown(a, TYPHOON, author="林記者")
    sync(a, desk)
    backup = backup_store(path, tmp_path / "before.sqlite")
    note = a.review.add_note(story.id, "數字請再確認", author="王編輯")
    edit_body(a, story.id, "78 座", "七十八座", "林記者")
    sync(a)
    a.close()
    restore_backup(backup, path, tmp_path / "backups", who="林記者")
    with Store.open(path) as a:
        assert "七十八座" not in a.get_article(story.id).body  # the backup's text
        later = import_markdown(a, LIBRARY, author="林記者")  # written after the restore
        report = sync(a)
        assert report.sent >= 1 and report.notes_in >= 1
        assert "七十八座" in a.get_article(story.id).body
        assert note.uid in {n.uid for n in a.review.notes(story.id)}
    with laptop(tmp_path, "b") as b:
        sync(b, desk)
        assert b.get_article(later.id).title == later.title
        assert note.uid in {n.uid for n in b.review.notes(story.id)}
        assert "七十八座" in b.get_article(story.id).body
