"""Roles and review in the window: each person sees their next step, editors see what waits
and what changed, nothing is approved by accident."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from app.store import Store
from app.store.session import EditSession
from app.ui.i18n import status_label
from tests.conftest import move_to


def _as(window, role: str, name: str | None = None) -> None:  # noqa: ANN001
    window.role = window.ctx.role = role
    if name is not None:
        window.author = window.ctx.author = name
    if window.session is not None:
        window.session.role = role
        window.session.author = window.author
    window.ctx.person_changed.emit()


def test_the_first_run_asks_name_and_role_and_keeps_them(qtbot, store, settings) -> None:  # noqa: ANN001
    from app.ui.identity_dialog import IdentityDialog
    from app.ui.main_window import MainWindow

    win = MainWindow(store, settings, author="")
    qtbot.addWidget(win)
    win.show()
    welcome = win.welcome
    welcome.name.setText("王編輯")
    welcome.name.editingFinished.emit()
    welcome.role.setCurrentIndex(welcome.role.findData("editor"))
    assert settings.value("user/name") == "王編輯" and settings.value("user/role") == "editor"
    assert win.ctx.role == "editor"
    dialog = IdentityDialog("   ", "reporter", win)
    qtbot.addWidget(dialog)
    dialog.accept()  # a name of blanks is refused, with a word
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.problem.text()
    win.close()


def test_only_the_desks_editors_are_offered_approve_and_publish(
    qtbot, window, store, articles
) -> None:  # noqa: ANN001, E501
    from app.store.desk import with_setting

    move_to(store, articles["zh"], "in_review")
    window.open_article(articles["zh"])
    assert "approved" in window.status_button.moves()
    store.save_desk(with_setting(store.desk(), "editors", "王編輯, 李主編"), by="王編輯")
    # The window's editor is not on the desk's list: a reporter's moves only.
    assert window.status_button.moves() == ["draft"]
    _as(window, "editor", "王編輯")
    assert "approved" in window.status_button.moves()


def test_before_approving_the_open_notes_and_checks_are_listed(
    qtbot, window, store, articles
) -> None:  # noqa: ANN001, E501
    move_to(store, articles["zh"], "in_review")
    window.open_article(articles["zh"])
    store.review.add_note(articles["zh"], "請查證 78 座", author="王編輯", line=5)
    window.session.article.figures[1].alt = ""
    window.save_now()
    asked = []
    window.status_button.confirm = lambda action, items, needs: asked.append((items, needs))
    assert not window.status_button.take("approved")  # the person stopped: nothing moved
    [(items, needs_reason)] = asked
    assert needs_reason
    assert any("請查證 78 座" in i for i in items)
    assert any("alt text" in i for i in items)
    assert store.get_article(articles["zh"]).status == "in_review"


def test_after_a_status_change_the_article_stays_in_a_filtered_list(
    qtbot, window, store, articles
) -> None:  # noqa: ANN001, E501
    window.open_article(articles["zh"])
    lists = window.lists
    lists.status_filter.setCurrentIndex(lists.status_filter.findData("draft"))
    assert window.list_model.row_of(articles["zh"]) >= 0
    assert window.status_button.take("in_review")
    row = window.list_model.row_of(articles["zh"])
    assert row >= 0 and lists.view.currentIndex().row() == row  # still there, selected
    assert "filter" in window.statusBar().currentMessage()
    window.open_article(articles["en"])  # left: the filter rules again
    qtbot.waitUntil(lambda: window.list_model.row_of(articles["zh"]) < 0, timeout=2000)


def test_a_reporters_edit_after_approval_goes_back_to_review_with_a_banner(
    qtbot, window, store, articles
) -> None:  # noqa: ANN001
    move_to(store, articles["en"], "approved")
    _as(window, "reporter", "林記者")
    window.open_article(articles["en"])
    qtbot.waitUntil(lambda: window.session.article.status == "approved", timeout=2000)
    qtbot.keyClicks(window.workspace.canvas, "Late fix. ")
    assert window.save_now()
    assert store.get_article(articles["en"]).status == "in_review"
    assert window.workspace.hint.isVisibleTo(window), (
        window.session.article.status,
        window.workspace.hint.text(),
    )
    assert "back to review" in window.workspace.hint.text()


def test_an_editors_copy_edit_keeps_it_approved_and_publish_takes_the_changes(
    qtbot, window, store, articles
) -> None:  # noqa: ANN001
    move_to(store, articles["en"], "approved")
    window.open_article(articles["en"])
    qtbot.waitUntil(lambda: window.session.article.status == "approved", timeout=2000)
    qtbot.keyClicks(window.workspace.canvas, "Copy edit. ")
    assert window.save_now()
    assert store.get_article(articles["en"]).status == "approved"
    assert window.status_button.edited_since_approval()
    window.status_button.confirm = lambda action, items, needs: "已確認"
    assert window.status_button.take("published")
    assert store.get_article(articles["en"]).status == "published"
    assert "Copy edit." in store.articles.as_published(articles["en"]).body


def test_the_review_queue_lists_oldest_first_and_opens_approves_and_moves_on(
    qtbot, window, store, articles, monkeypatch
) -> None:  # noqa: ANN001
    for ref in ("en", "zh"):
        store.review.change_status(articles[ref], "in_review", who="林記者", role="reporter")
    store.review.add_note(articles["zh"], "標題太長", author="王編輯")
    window.commands.actions["queue"].trigger()
    queue = window.queue
    assert queue.isVisible()
    rows = [queue.tree.topLevelItem(n) for n in range(queue.tree.topLevelItemCount())]
    assert [r.data(0, Qt.ItemDataRole.UserRole) for r in rows] == [articles["en"], articles["zh"]]
    assert rows[0].text(1) == "林記者" and rows[0].text(2).startswith("20")
    assert "林記者" in rows[0].text(0)  # shown on the row's second line
    assert rows[1].text(3) == "1"  # one open note
    assert int(rows[1].text(5).replace(",", "")) > 100  # its length
    assert "(2)" in window.lists.tabs.tabText(1)
    queue.tree.setCurrentItem(rows[0])
    qtbot.keyClick(queue.tree, Qt.Key.Key_Return)
    assert window.session.article_id == articles["en"]
    qtbot.waitUntil(lambda: window.session.article.status == "in_review", timeout=2000)
    window.status_button.confirm = lambda action, items, needs: "ok"
    window.commands.actions["approve"].trigger()  # Ctrl+Shift+A
    assert store.get_article(articles["en"]).status == "approved", (
        window.dialogs_shown,
        window.statusBar().currentMessage(),
        window.status_button.moves(),
    )
    window.commands.actions["next_review"].trigger()  # Ctrl+Shift+N
    assert window.session.article_id == articles["zh"]
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("請縮短標題", True))
    window.commands.actions["send_back"].trigger()  # Ctrl+Shift+B, with a note
    assert store.get_article(articles["zh"]).status == "draft"
    assert [n.body for n in store.review.notes(articles["zh"])][-1] == "請縮短標題"
    qtbot.waitUntil(lambda: queue.tree.topLevelItemCount() == 0, timeout=3000)


def test_notes_are_threads_reply_resolve_reopen_counted_on_the_button(
    qtbot, window, store, articles, monkeypatch
) -> None:  # noqa: ANN001
    window.open_article(articles["zh"])
    pane = window.workspace.notes
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("數字要查", True))
    pane.add_note(on_paragraph=False)
    qtbot.waitUntil(lambda: pane.threads.topLevelItemCount() == 1, timeout=2000)
    pane.threads.setCurrentItem(pane.threads.topLevelItem(0))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("已查：78 座", True))
    pane.answer()
    qtbot.waitUntil(lambda: pane.threads.topLevelItem(0).childCount() == 1, timeout=2000)
    qtbot.waitUntil(lambda: "1" in window.status_button.text(), timeout=2000)
    pane.threads.setCurrentItem(pane.threads.topLevelItem(0).child(0))
    pane.toggle_resolved()  # a reply resolves its thread
    qtbot.waitUntil(lambda: "note" not in window.status_button.text(), timeout=2000)
    pane.threads.setCurrentItem(pane.threads.topLevelItem(0))
    pane.toggle_resolved()  # and reopens it
    qtbot.waitUntil(lambda: "1 open note" in window.status_button.text(), timeout=2000)


def test_a_status_moved_on_another_laptop_arrives_in_the_queue(
    qtbot, window, store, articles
) -> None:  # noqa: ANN001, E501
    window.commands.actions["queue"].trigger()
    assert window.queue.tree.topLevelItemCount() == 0
    with Store.open(store.path) as other:
        session = EditSession(other, articles["zh"], author="林記者")
        other.review.change_status(session.article_id, "in_review", who="林記者", role="reporter")
    window.poll_external()
    qtbot.waitUntil(lambda: window.queue.tree.topLevelItemCount() == 1, timeout=3000)
    assert QApplication.focusWidget() is not None


def test_a_status_moved_elsewhere_shows_on_the_open_articles_button(
    qtbot, window, store, articles
) -> None:  # noqa: ANN001
    """Another laptop's decision arrives while the article is open: the button says it."""
    window.open_article(articles["zh"])
    assert window.status_button.text().startswith(status_label("draft"))
    with Store.open(store.path) as other:
        other.review.change_status(articles["zh"], "in_review", who="林記者", role="reporter")
    window.poll_external()
    qtbot.waitUntil(
        lambda: window.status_button.text().startswith(status_label("in_review")), timeout=3000
    )


def test_changes_since_the_editor_last_looked_side_by_side(qtbot, window, store, articles) -> None:  # noqa: ANN001, E501
    window.open_article(articles["zh"])
    window.open_article(articles["en"])  # the editor read the Chinese article and left it
    article = store.get_article(articles["zh"])
    article.body = article.body.replace("78 座", "80 座") + "\n新的一段。\n"
    article.figures[1].caption = "新的圖說"
    store.save_article(article, author="林記者")
    window.open_article(articles["zh"])
    banner = window.workspace.since_looked
    assert banner.isVisibleTo(window)
    assert "林記者" in banner.text.text() and "1 new revision " in banner.text.text()
    view = banner.show_changes()
    qtbot.addWidget(view)
    kinds = [r.kind for r in view.rows if r.kind != "equal"]
    assert kinds == ["changed", "added"]
    [part] = view.parts
    assert (part.part, part.kind, part.name, part.fields) == (
        "figures",
        "changed",
        "sandbags",
        ("caption",),
    )
    page = view.browser.toHtml()
    assert "80" in page and "新的一段" in page and "caption" in page
    view.close()
    window.open_article(articles["en"])
    window.open_article(articles["zh"])  # looked at it now: nothing new to offer
    assert not banner.isVisibleTo(window)


def test_a_reporter_gets_no_since_last_look_banner(qtbot, window, store, articles) -> None:  # noqa: ANN001
    _as(window, "reporter", "林記者")
    window.open_article(articles["zh"])
    window.open_article(articles["en"])
    article = store.get_article(articles["zh"])
    article.body += "\n又一段。\n"
    store.save_article(article, author="王編輯", role="editor")
    window.open_article(articles["zh"])
    assert not window.workspace.since_looked.isVisibleTo(window)
