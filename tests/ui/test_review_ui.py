"""The Review, History and Checks panes and the copy-desk tools, offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog


def test_status_buttons_follow_the_workflow_and_record_the_change(
    qtbot, window, store, articles
) -> None:  # noqa: ANN001, E501
    window.open_article(articles["zh"])
    pane = window.editor.review
    window.editor.tabs.setCurrentWidget(pane)
    labels = [
        pane.status_buttons.itemAt(i).widget().text() for i in range(pane.status_buttons.count())
    ]
    assert len(labels) == 2  # draft → in review, spiked
    assert not window.editor.metadata.status.isEnabled()  # only through the workflow
    assert window.review_actions.change_status("in_review")
    assert store.get_article(articles["zh"]).status == "in_review"
    assert window.session.article.status == "in_review"
    assert pane.record.count() == 1 and "測試編輯" in pane.record.item(0).text()


def test_a_reporter_is_offered_only_the_reporters_moves(qtbot, window, store, articles) -> None:  # noqa: ANN001, E501
    window.role = "reporter"
    window.open_article(articles["zh"])
    pane = window.editor.review
    pane.refresh()
    labels = [
        pane.status_buttons.itemAt(i).widget().text() for i in range(pane.status_buttons.count())
    ]
    assert len(labels) == 1  # submit for review; spiking is an editor's decision
    assert window.review_actions.change_status("in_review")
    assert not window.review_actions.change_status("approved")  # refused by the store
    assert store.get_article(articles["zh"]).status == "in_review"
    assert "warning" in window.dialogs_shown


def test_approval_with_failing_checks_asks_for_a_reason(
    qtbot, window, store, articles, monkeypatch
) -> None:  # noqa: ANN001, E501
    window.open_article(articles["zh"])
    window.session.article.figures[0].credit = ""
    window.save_now()
    assert window.review_actions.change_status("in_review")
    monkeypatch.setattr(window.review_actions, "ask_override", lambda problems: "")
    assert not window.review_actions.change_status("approved")  # cancelled: nothing changes
    assert store.get_article(articles["zh"]).status == "in_review"
    monkeypatch.setattr(window.review_actions, "ask_override", lambda problems: "攝影記者口頭授權")
    assert window.review_actions.change_status("approved")
    assert store.review.status_history(articles["zh"])[-1].override == "攝影記者口頭授權"


def test_note_on_a_paragraph_marks_the_margin_and_resolves(
    qtbot, window, store, articles, monkeypatch
) -> None:  # noqa: ANN001, E501
    window.open_article(articles["zh"])
    window.editor.body.jump_to_line(5)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("78 座請再確認", True))
    window.editor.review.add_note(on_paragraph=True)
    [note] = store.review.notes(articles["zh"])
    assert note.paragraph is not None and note.paragraph.first_line == 5
    assert window.editor.body.note_lines == [5]
    pane = window.editor.review
    pane.notes.setCurrentItem(pane.notes.topLevelItem(0))
    pane.toggle_resolved()
    assert store.review.notes(articles["zh"])[0].resolved
    assert window.editor.body.note_lines == []


def test_history_shows_a_character_diff_and_restores(qtbot, window, store, articles) -> None:  # noqa: ANN001
    window.open_article(articles["zh"])
    body = window.editor.body
    body.setPlainText(body.toPlainText().replace("78 座", "80 座"))
    window.save_now()
    pane = window.editor.history
    window.editor.tabs.setCurrentWidget(pane)
    assert pane.revisions.count() == 2
    html = pane.diff.toHtml()
    assert "80" in html and "+2 / −2" in pane.diff.toPlainText()
    pane.revisions.setCurrentRow(1)  # revision 1 (the list is newest first)
    pane.restore()
    assert "78 座" in store.get_article(articles["zh"]).body
    assert "78 座" in window.editor.body.toPlainText()
    assert [r.origin for r in store.revisions(articles["zh"])][-1] == "restored from revision 1"


def test_checks_pane_lists_and_jumps(qtbot, window, store, articles) -> None:  # noqa: ANN001
    window.open_article(articles["zh"])
    window.session.article.sources[1].outlet = ""
    pane = window.editor.checks
    window.editor.tabs.setCurrentWidget(pane)
    pane.refresh()
    assert pane.list.count() == 1 and "has no outlet" in pane.list.item(0).text()
    pane._jump(pane.list.item(0))
    assert window.editor.tabs.currentWidget() is window.editor.sources
    assert window.editor.sources.table.currentIndex().row() == 1


def test_copy_desk_tools_are_one_undo_step(qtbot, window, store, articles) -> None:  # noqa: ANN001
    window.open_article(articles["zh"])
    body = window.editor.body
    original = body.toPlainText()
    body.setPlainText("市府发表声明,网络软件更新。\n")
    body.selectAll()
    assert window.editor.to_traditional()
    assert body.toPlainText() == "市府發表宣告,網路軟體更新。\n"
    assert window.editor.normalise_punctuation(whole=True)
    assert body.toPlainText() == "市府發表宣告，網路軟體更新。\n"
    body.undo()
    assert body.toPlainText() == "市府發表宣告,網路軟體更新。\n"
    window.save_now()
    assert store.get_article(articles["zh"]).body == "市府發表宣告,網路軟體更新。\n"
    assert original != body.toPlainText()


def test_review_pane_screenshots_in_chinese(qtbot, window, store, articles, tmp_path: Path) -> None:  # noqa: ANN001
    """Grab the three panes (the README's screenshots are made the same way, in zh_TW)."""
    window.open_article(articles["zh"])
    for pane in (window.editor.review, window.editor.history, window.editor.checks):
        window.editor.tabs.setCurrentWidget(pane)
        shot = tmp_path / f"{type(pane).__name__}.png"
        assert window.grab().save(str(shot)) and shot.stat().st_size > 10_000


def test_decisions_made_apart_show_a_banner_naming_both(qtbot, window, store, articles) -> None:  # noqa: ANN001
    """The record holds two decisions made apart (here: a withdrawal that came in from
    another laptop after the publication): the window names the one that stands and the
    one set aside, with who and when."""
    from app.store.review_payload import images_of

    article_id = articles["zh"]
    for step in ("in_review", "approved", "published"):
        store.review.change_status(article_id, step, who="王編輯", role="editor")
    payload = store.merge.payload(article_id)
    payload["status_changes"].append(
        {
            "uid": "e" * 32,
            "from_status": "approved",
            "to_status": "in_review",
            "who": "林記者",
            "role": "reporter",
            "at": "2999-01-01T00:00:00.000Z",
            "override": "",
            "revision": "",
        }
    )

    images = {sha: store.images.get(sha)[0] for sha in images_of(payload)}
    store.merge.apply(payload, by="王編輯", images=images)
    window.open_article(article_id)
    banner = window.editor.decisions
    assert banner.isVisible()
    text = banner.text()
    assert "王編輯" in text and "林記者" in text and "2999-01-01 00:00" in text
    assert store.get_article(article_id).status == "published"
