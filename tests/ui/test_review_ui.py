"""The Review, History and Checks panes and the copy-desk tools, offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog


def test_status_button_follows_the_workflow_and_records_the_change(
    qtbot, window, store, articles
) -> None:  # noqa: ANN001, E501
    window.open_article(articles["zh"])
    button = window.status_button
    assert button.moves() == ["in_review", "spiked"]  # an editor's next steps from a draft
    assert not window.workspace.details.status.isEnabled()  # only through the workflow
    assert button.take("in_review")
    assert store.get_article(articles["zh"]).status == "in_review"
    assert window.session.article.status == "in_review"
    assert "審" in button.text() or "review" in button.text().lower()
    [change] = store.review.status_history(articles["zh"])
    assert (change.who, change.role, change.to_status) == ("測試編輯", "editor", "in_review")


def test_a_reporter_is_offered_only_the_reporters_moves(qtbot, window, store, articles) -> None:  # noqa: ANN001, E501
    window.role = "reporter"
    window.ctx.role = "reporter"
    window.open_article(articles["zh"])
    button = window.status_button
    assert button.moves() == ["in_review"]  # spiking is an editor's decision
    assert button.take("in_review")
    assert "approved" not in button.moves()
    assert not button.take("approved")  # refused by the store, said in a dialog
    assert store.get_article(articles["zh"]).status == "in_review"
    assert "warning" in window.dialogs_shown


def test_approval_with_failing_checks_asks_for_a_reason(
    qtbot, window, store, articles, monkeypatch
) -> None:  # noqa: ANN001, E501
    window.open_article(articles["zh"])
    window.session.article.figures[0].credit = ""
    window.save_now()
    button = window.status_button
    assert button.take("in_review")
    monkeypatch.setattr(button, "confirm", lambda action, items, needs_reason: None)
    assert not button.take("approved")  # cancelled: nothing changes
    assert store.get_article(articles["zh"]).status == "in_review"
    asked: list[tuple[str, list[str], bool]] = []
    monkeypatch.setattr(
        button,
        "confirm",
        lambda action, items, needs: asked.append((action, items, needs)) or "攝影記者口頭授權",
    )
    assert button.take("approved")
    [(action, items, needs_reason)] = asked
    assert action == "Approve" and needs_reason
    assert any("credit" in item for item in items)
    assert store.review.status_history(articles["zh"])[-1].override == "攝影記者口頭授權"


def test_a_reason_of_blanks_is_refused_in_the_dialog(qtbot, window) -> None:  # noqa: ANN001
    from app.ui.status_button import PreflightDialog

    dialog = PreflightDialog("Approve", ["The photo has no credit"], True, window)
    qtbot.addWidget(dialog)
    dialog.reason.setPlainText("   ")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "blank" in dialog.problem.text()  # said in the dialog, never a silent cancel
    dialog.reason.setPlainText("攝影記者口頭授權")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.text() == "攝影記者口頭授權"


def test_note_on_a_paragraph_marks_the_margin_and_resolves(
    qtbot, window, store, articles, monkeypatch
) -> None:  # noqa: ANN001, E501
    window.open_article(articles["zh"])
    window.workspace.canvas.jump_to_line(5)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("78 座請再確認", True))
    window.workspace.notes.add_note(on_paragraph=True)
    [note] = store.review.notes(articles["zh"])
    assert note.paragraph is not None and note.paragraph.first_line == 5
    qtbot.waitUntil(lambda: window.workspace.canvas.note_lines == [5], timeout=2000)
    assert window.workspace.canvas.notes[5] == ["測試編輯: 78 座請再確認"]
    assert "1" in window.status_button.text()  # the open note shows on the status button
    # The badge in the margin opens the thread.
    margin = window.workspace.canvas.margin
    [(line, rect)] = margin.badges()
    assert line == 5 and rect.width() >= 20  # readable, not a 14 px dot
    qtbot.mouseClick(margin, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workspace.panel.currentWidget() is window.workspace.notes
    pane = window.workspace.notes
    assert pane.threads.currentItem() is not None
    pane.toggle_resolved()
    assert store.review.notes(articles["zh"])[0].resolved
    qtbot.waitUntil(lambda: window.workspace.canvas.note_lines == [], timeout=2000)


def test_history_shows_a_character_diff_and_restores(qtbot, window, store, articles) -> None:  # noqa: ANN001
    window.open_article(articles["zh"])
    body = window.workspace.canvas
    body.setPlainText(body.toPlainText().replace("78 座", "80 座"))
    window.save_now()
    pane = window.workspace.history
    window.workspace.panel.setCurrentWidget(pane)
    assert pane.revisions.topLevelItemCount() == 2
    assert "imported" in pane.revisions.topLevelItem(1).text(0)  # labels in the window's words
    html = pane.diff.toHtml()
    assert "80" in html and "+2 / −2" in pane.diff.toPlainText()
    pane.select_number(1)
    pane.restore()
    assert "78 座" in store.get_article(articles["zh"]).body
    qtbot.waitUntil(lambda: "78 座" in window.workspace.canvas.toPlainText(), timeout=2000)
    assert [r.origin for r in store.revisions(articles["zh"])][-1] == "restored from revision 1"


def test_history_is_one_entry_a_writing_session_with_the_decisions(
    qtbot, window, store, articles
) -> None:  # noqa: ANN001
    """Twelve autosaves of two minutes' typing are one entry (expandable to its saves);
    status decisions stand among them with who, role and why, in the window's words."""
    window.open_article(articles["en"])
    body = window.workspace.canvas
    for n in range(12):
        body.moveCursor(body.textCursor().MoveOperation.End)
        body.insertPlainText(f" Line {n}.")
        assert window.save_now()
    window.status_button.confirm = lambda action, items, needs: "時效優先"
    assert window.status_button.take("in_review")
    pane = window.workspace.history
    window.workspace.panel.setCurrentWidget(pane)
    tops = [pane.revisions.topLevelItem(n) for n in range(pane.revisions.topLevelItemCount())]
    texts = [t.text(0) for t in tops]
    assert len(tops) == 3, texts  # the decision, the session of twelve saves, the import
    assert texts[0].startswith("In review — 測試編輯 (editor)")
    assert "12 saves" in texts[1] and tops[1].childCount() == 12
    assert "imported" in texts[2]


def test_checks_pane_lists_and_jumps(qtbot, window, store, articles) -> None:  # noqa: ANN001
    window.open_article(articles["zh"])
    window.session.article.sources[1].outlet = ""
    pane = window.workspace.checks
    window.workspace.panel.setCurrentWidget(pane)
    pane.refresh()
    assert pane.list.count() == 1 and "has no outlet" in pane.list.item(0).text()
    pane._chosen(pane.list.item(0))
    assert window.workspace.panel.currentWidget() is window.workspace.sources
    assert window.workspace.sources.table.currentIndex().row() == 1


def test_copy_desk_tools_are_one_undo_step(qtbot, window, store, articles) -> None:  # noqa: ANN001
    window.open_article(articles["zh"])
    body = window.workspace.canvas
    original = body.toPlainText()
    body.setPlainText("市府发表声明,网络软件更新。\n")
    body.selectAll()
    assert window.workspace.to_traditional()
    assert body.toPlainText() == "市府發表宣告,網路軟體更新。\n"
    assert window.workspace.normalise_punctuation(whole=True)
    assert body.toPlainText() == "市府發表宣告，網路軟體更新。\n"
    body.undo()
    assert body.toPlainText() == "市府發表宣告,網路軟體更新。\n"
    window.save_now()
    assert store.get_article(articles["zh"]).body == "市府發表宣告,網路軟體更新。\n"
    assert original != body.toPlainText()


def test_review_pane_screenshots_in_chinese(qtbot, window, store, articles, tmp_path: Path) -> None:  # noqa: ANN001
    """Grab the three panes (the README's screenshots are made the same way, in zh_TW)."""
    window.open_article(articles["zh"])
    for pane in (window.workspace.notes, window.workspace.history, window.workspace.checks):
        window.workspace.panel.setCurrentWidget(pane)
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
    banner = window.workspace.decisions
    assert banner.isVisible()
    text = banner.text()
    assert "王編輯" in text and "林記者" in text and "2999-01-01 00:00" in text
    assert store.get_article(article_id).status == "published"
