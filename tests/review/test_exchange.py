"""Review bundles: journalist → editor → journalist, with edits on both sides."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.core.errors import InputError
from app.exchange.bundles import export_articles, import_path
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import TYPHOON


def dump(path: Path) -> list[tuple]:
    """Every row of the tables an import may touch, to prove a re-import changes nothing."""
    conn = sqlite3.connect(path)
    rows = []
    for table in ("articles", "revisions", "snapshots", "notes", "status_changes", "figures"):
        rows += [(table, *r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
    conn.close()
    return rows


def send(source: Store, article_id: str, folder: Path, *, as_zip: bool = False) -> Path:
    return export_articles(source, [article_id], folder, as_zip=as_zip, for_review=True)[0]


def test_round_trip_with_a_concurrent_edit_on_both_sides(tmp_path: Path) -> None:
    journalist = Store.open(tmp_path / "journalist.sqlite")
    editor = Store.open(tmp_path / "editor.sqlite")
    article = import_markdown(journalist, TYPHOON, author="林記者")
    journalist.review.change_status(article.id, "in_review", who="林記者", role="editor")
    web = export_articles(journalist, [article.id], tmp_path / "web")[0]
    assert not (web / "review.json").exists()  # a web bundle never carries history

    # 1. journalist → editor: a new article with its history.
    reports: list[str] = []
    bundle = send(journalist, article.id, tmp_path / "out1", as_zip=True)
    import_path(editor, bundle, report=reports.append, author="測試者")
    assert "new article" in reports[-1]
    assert [r.uid for r in editor.revisions(article.id)] == [
        r.uid for r in journalist.revisions(article.id)
    ]
    assert editor.get_article(article.id).content() == journalist.get_article(article.id).content()
    assert editor.search("抽水站")[0].id == article.id
    before = dump(tmp_path / "editor.sqlite")
    import_path(editor, bundle, report=reports.append, author="測試者")
    assert "nothing changed" in reports[-1]
    assert dump(tmp_path / "editor.sqlite") == before  # re-importing changes nothing

    # 2. The editor edits and notes; meanwhile the journalist edits too.
    on_editor = editor.get_article(article.id)
    on_editor.body = on_editor.body.replace("78 座", "七十八座")
    editor.save_article(on_editor, author="王編輯")
    note = editor.review.add_note(article.id, "數字請用國字?", author="王編輯", line=5)
    on_journalist = journalist.get_article(article.id)
    # The same paragraph as the editor's edit: the two cannot both be right.
    on_journalist.body = on_journalist.body.replace("78 座", "78 座(含新設 2 座)")
    on_journalist.body += "\n記者補充:明天再測試一次。\n"
    journalist.save_article(on_journalist, author="林記者")

    # 3. editor → journalist: both edited the same paragraph; both versions kept, ours
    #    stays current.
    import_path(
        journalist,
        send(editor, article.id, tmp_path / "out2"),
        report=reports.append,
        author="測試者",
    )
    assert "both sides edited the same part; the later text is current" in reports[-1]
    current = journalist.get_article(article.id)
    assert "記者補充" in current.body and "七十八座" not in current.body
    theirs = [r for r in journalist.revisions(article.id) if r.author == "王編輯"]
    assert len(theirs) == 1
    kept = journalist.revision_article(article.id, theirs[0].number)
    assert "七十八座" in kept.body
    assert [n.body for n in journalist.review.notes(article.id)] == ["數字請用國字?"]
    again = dump(tmp_path / "journalist.sqlite")
    import_path(journalist, send(editor, article.id, tmp_path / "out3"), author="測試者")
    assert dump(tmp_path / "journalist.sqlite") == again

    assert journalist.merge.incoming(article.id) == [theirs[0].number]
    # 4. The journalist takes the editor's wording after reading the diff, adds the
    #    paragraph again and resolves the note; the editor, who did not edit since, updates.
    journalist.review.settle_incoming(article.id, theirs[0].number, keep="theirs", who="林記者")
    assert journalist.merge.incoming(article.id) == []
    merged = journalist.get_article(article.id)
    merged.body += "\n\n記者補充:明天再測試一次。\n"
    journalist.save_article(merged, author="林記者")
    journalist.review.set_resolved(note.uid, who="林記者")
    import_path(
        editor,
        send(journalist, article.id, tmp_path / "out4"),
        report=reports.append,
        author="測試者",
    )
    assert "brought up to" in reports[-1]
    final = editor.get_article(article.id)
    assert "記者補充" in final.body and "七十八座" in final.body
    assert all(n.resolved for n in editor.review.notes(article.id))
    assert [c.to_status for c in editor.review.status_history(article.id)] == ["in_review"]
    journalist.close()
    editor.close()


def test_a_damaged_review_file_is_refused_whole(store, tmp_path: Path) -> None:  # noqa: ANN001
    article = import_markdown(store, TYPHOON, author="測試者")
    folder = send(store, article.id, tmp_path / "out")
    (folder / "review.json").write_text('{"format": "galley-review/1", "revisions": []}')
    other = Store.open(tmp_path / "other.sqlite")
    with pytest.raises(InputError, match="review.json"):
        import_path(other, folder, author="測試者")
    assert other.count_articles() == 0
    other.close()


def test_edits_of_different_paragraphs_on_two_laptops_merge(tmp_path: Path) -> None:
    """Both edited apart, but not the same paragraph or field: the text merges by
    paragraph into a new revision that has seen theirs, with nothing left to settle."""
    journalist = Store.open(tmp_path / "journalist.sqlite")
    editor = Store.open(tmp_path / "editor.sqlite")
    article = import_markdown(journalist, TYPHOON, author="林記者")
    import_path(
        editor, send(journalist, article.id, tmp_path / "out1", as_zip=True), author="測試者"
    )
    on_editor = editor.get_article(article.id)
    on_editor.body = on_editor.body.replace("78 座", "七十八座")
    on_editor.title = "颱風季前大演練 高雄七十八座抽水站全面檢查"
    editor.save_article(on_editor, author="王編輯")
    on_journalist = journalist.get_article(article.id)
    on_journalist.body += "\n\n記者補充:明天再測試一次。\n"
    journalist.save_article(on_journalist, author="林記者")
    reports: list[str] = []
    import_path(
        journalist,
        send(editor, article.id, tmp_path / "out2"),
        report=reports.append,
        author="測試者",
    )
    assert "both sides edited different parts; merged" in reports[-1]
    current = journalist.get_article(article.id)
    assert "記者補充" in current.body and "七十八座" in current.body
    assert current.title == "颱風季前大演練 高雄七十八座抽水站全面檢查"
    assert journalist.merge.incoming(article.id) == []  # nothing waits in History
    import_path(
        editor,
        send(journalist, article.id, tmp_path / "out3"),
        report=reports.append,
        author="測試者",
    )
    assert "brought up to" in reports[-1]  # the merge travels back as a plain update
    assert editor.get_article(article.id).body == current.body
    journalist.close()
    editor.close()
