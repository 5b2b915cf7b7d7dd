"""The window as a journalist uses it: typing, Chinese input, panes, autosave, conflicts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app.store import Store
from app.store.session import EditSession


def body_of(store: Store, article_id: str) -> str:
    return store.get_article(article_id).body


def test_typing_reaches_the_store_after_the_debounce(qtbot, window, store, articles) -> None:  # noqa: ANN001
    window.open_article(articles["en"])
    body = window.workspace.canvas
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " Late edition.")
    assert "Late edition." not in body_of(store, articles["en"])  # not on every keystroke
    qtbot.waitUntil(lambda: "Late edition." in body_of(store, articles["en"]), timeout=4000)
    assert window.saved_label.text().startswith("Saved")
    assert "Body: 0 characters · " in window.counts_label.text()  # an English story


def test_chinese_input_method_commit_reaches_the_store(qtbot, window, store, articles) -> None:  # noqa: ANN001
    window.open_article(articles["zh"])
    body = window.workspace.canvas
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    preedit = QInputMethodEvent("ㄊㄞˊ", [])
    QApplication.sendEvent(body, preedit)
    commit = QInputMethodEvent()
    commit.setCommitString("颱風假明天照常上班。")
    QApplication.sendEvent(body, commit)
    assert body.toPlainText().endswith("颱風假明天照常上班。")
    qtbot.waitUntil(
        lambda: body_of(store, articles["zh"]).endswith("颱風假明天照常上班。"), timeout=4000
    )


def test_source_edits_paste_flags_and_reorder(qtbot, window, store, articles) -> None:  # noqa: ANN001
    window.open_article(articles["en"])
    pane = window.workspace.sources
    dialog = pane.paste_text("2022/05/24 Reuters China and Russia hold first military exercise")
    qtbot.addWidget(dialog)
    assert len(dialog.chosen()) == 1
    dialog.accept()
    window.save_now()
    stored = store.get_article(articles["en"]).sources
    assert (stored[1].date, stored[1].outlet, stored[1].title) == (
        "2022-05-24",
        "Reuters",
        "China and Russia hold first military exercise",
    )
    model = pane.model
    # The store keeps only web addresses: a bad one is refused as it is typed, not at the
    # next save; a bare host gets its https://.
    with qtbot.waitSignal(model.rejected):
        assert not model.setData(model.index(1, 3), "not a url")
    assert model.sources[1].url == ""
    model.sources[1].outlet = ""
    assert model.data(model.index(1, 1), Qt.ItemDataRole.ToolTipRole) == "The outlet is missing"
    assert model.data(model.index(0, 3), Qt.ItemDataRole.BackgroundRole) is None
    model.sources[1].outlet = "Reuters"
    assert model.setData(model.index(1, 3), "example.org/reuters")
    assert model.sources[1].url == "https://example.org/reuters"
    pane.sort_by_date()
    window.save_now()
    assert [s.date for s in store.get_article(articles["en"]).sources] == [
        "2022-05-24",
        "2024-10-28",
    ]
    pane.table.setCurrentIndex(model.index(0, 0))
    pane.remove()
    window.save_now()
    assert len(store.get_article(articles["en"]).sources) == 1
    window.workspace.undo_stack.undo()
    window.save_now()
    assert len(store.get_article(articles["en"]).sources) == 2


def test_related_from_search_external_and_drag_reorder(qtbot, window, store, articles) -> None:  # noqa: ANN001
    window.open_article(articles["zh"])
    pane = window.workspace.related
    pane.query.setText("midnight")
    pane.run_search()
    assert pane.results.count() == 1
    pane.results.setCurrentRow(0)
    pane.add_result("further-reading")
    pane.ext_title.setText("Typhoon explainer")
    pane.ext_url.setText("https://example.org/explainer")
    pane.ext_date.setText("2024/09/01")
    pane.add_external()
    window.save_now()
    related = store.get_article(articles["zh"]).related
    assert [(r.kind, r.article_id, r.title) for r in related[2:]] == [
        ("further-reading", articles["en"], ""),
        ("related", None, "Typhoon explainer"),
    ]
    assert related[3].date == "2024-09-01"
    # Drag the last link to the top (what InternalMove does on a drop).
    moved = pane.list.model().moveRow(QModelIndex(), 3, QModelIndex(), 0)
    assert moved
    window.save_now()
    assert store.get_article(articles["zh"]).related[0].title == "Typhoon explainer"


def test_stale_save_asks_and_loses_nothing(qtbot, window, store, articles, monkeypatch) -> None:  # noqa: ANN001
    window.open_article(articles["en"])
    with Store.open(store.path) as other_window_store:
        theirs = EditSession(other_window_store, articles["en"], author="他人")
        theirs.article.body += "\nTheir paragraph.\n"
        theirs.save()
    choices = []
    monkeypatch.setattr(window.saving, "ask_conflict", lambda: choices.append(1) or "theirs")
    body = window.workspace.canvas
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, "My paragraph.")
    qtbot.waitUntil(lambda: bool(choices), timeout=4000)
    current = store.get_article(articles["en"])
    assert "Their paragraph." in current.body and "My paragraph." not in current.body
    assert "Their paragraph." in window.workspace.canvas.toPlainText()  # the window shows theirs
    history = [
        store.revision_article(articles["en"], r.number).body
        for r in store.revisions(articles["en"])
    ]
    assert any("My paragraph." in b for b in history)  # mine is kept in the history
    monkeypatch.setattr(window.saving, "ask_conflict", lambda: "mine")
    with Store.open(store.path) as other_window_store:
        theirs = EditSession(other_window_store, articles["en"], author="他人")
        theirs.article.title = "Their new title"
        theirs.save()
    qtbot.keyClicks(body, " Mine again.")
    qtbot.waitUntil(lambda: "Mine again." in body_of(store, articles["en"]), timeout=4000)


def test_closing_with_pending_edits_saves_them(qtbot, window, store, articles) -> None:  # noqa: ANN001
    window.open_article(articles["en"])
    qtbot.keyClicks(window.workspace.canvas, "Closing words. ")
    assert "Closing words." not in body_of(store, articles["en"])
    window.close()
    assert "Closing words." in body_of(store, articles["en"])


def test_metadata_edits_and_slug_suggestion(qtbot, window, store, articles) -> None:  # noqa: ANN001
    window.open_article(articles["en"])
    pane = window.workspace.details
    window.workspace.title.setText("Night owls fill the library")
    window.workspace.title.textEdited.emit(window.workspace.title.text())
    # Published once: the address is fixed (links to it must keep working).
    assert pane.slug.isReadOnly() and not pane.suggest.isEnabled()
    pane.suggest_slug()
    # The status is shown here but moves only through the workflow (the status button).
    assert not pane.status.isEnabled()
    pane.status.setCurrentIndex(pane.status.findData("published"))
    window.save_now()
    stored = store.get_article(articles["en"])
    assert (stored.title, stored.slug, stored.status) == (
        "Night owls fill the library",
        "library-midnight-pilot",
        "draft",
    )
    # The list catches up on the next event-loop turn, with the article still selected.
    titles = window.list_model
    qtbot.waitUntil(
        lambda: (
            titles.data(titles.index(window.lists.view.currentIndex().row(), 0))
            == "Night owls fill the library"
        ),
        timeout=2000,
    )


def test_a_new_articles_slug_follows_its_chinese_title_until_typed(qtbot, window, store) -> None:  # noqa: ANN001
    """A Chinese title gives a readable address (pinyin), kept free of other articles'
    addresses; once the slug is typed by hand, the title no longer moves it."""
    window.commands.new_article()
    title = window.workspace.title
    assert title.hasFocus() or window.focusWidget() is title
    pane = window.workspace.details
    title.setText("颱風季前大演練")
    title.textEdited.emit(title.text())
    assert pane.slug.text() == "tai-feng-ji-qian-da-yan-lian"
    window.save_now()
    assert store.get_article(window.session.article_id).slug == "tai-feng-ji-qian-da-yan-lian"
    pane.english_title.setText("Typhoon drill before the season")
    pane.suggest_slug()
    assert pane.slug.text() == "typhoon-drill-before-the-season"
    pane.slug.setText("kaohsiung-drill")
    pane.slug.textEdited.emit("kaohsiung-drill")
    title.setText("颱風季前大演練 高雄")
    title.textEdited.emit(title.text())
    assert pane.slug.text() == "kaohsiung-drill"  # typed by hand: the title leaves it alone
    window.save_now()
    assert store.get_article(window.session.article_id).slug == "kaohsiung-drill"


def test_switching_articles_saves_the_one_left(qtbot, window, store, articles) -> None:  # noqa: ANN001
    window.open_article(articles["en"])
    qtbot.keyClicks(window.workspace.canvas, "Switch. ")
    window.open_article(articles["zh"])
    assert "Switch." in body_of(store, articles["en"])


def test_find_and_replace_all_is_one_undo_step(qtbot, window, articles) -> None:  # noqa: ANN001
    window.open_article(articles["zh"])
    bar = window.workspace.find_bar
    bar.open_bar(replace=True)
    bar.find_edit.setText("抽水站")
    bar.replace_edit.setText("抽水機站")
    assert bar.replace_all() == 2
    text = window.workspace.canvas.toPlainText()
    assert "抽水站" not in text and text.count("抽水機站") == 2
    window.workspace.canvas.undo()
    assert window.workspace.canvas.toPlainText().count("抽水站") == 2


def test_search_box_and_lazy_list(qtbot, window, store) -> None:  # noqa: ANN001
    for n in range(450):
        store.new_article(f"Story {n}", author="測試者")
    window.list_model.reload()
    assert window.list_model.rowCount() == 200  # one page, not 452 rows
    assert window.list_model.canFetchMore(QModelIndex())
    qtbot.keyClicks(window.lists.search, "midnight")
    qtbot.waitUntil(
        lambda: window.list_model.searching and window.list_model.rowCount() == 1, timeout=3000
    )
    assert "midnight" in window.list_model.data(window.list_model.index(0, 5))
    window.lists.search.clear()
    qtbot.waitUntil(lambda: not window.list_model.searching, timeout=3000)
    window.lists.status_filter.setCurrentIndex(window.lists.status_filter.findData("draft"))
    window.lists.section_filter.setCurrentIndex(window.lists.section_filter.findData("地方"))
    assert window.list_model.rowCount() == 1


def test_search_box_syntax_and_a_query_it_cannot_search_for(qtbot, window) -> None:  # noqa: ANN001
    qtbot.keyClicks(window.lists.search, '"midnight reading room" -typhoon status:draft')
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=3000)
    window.lists.search.clear()
    qtbot.keyClicks(window.lists.search, "library status:finished")  # said in the status bar
    qtbot.waitUntil(
        lambda: "unknown status 'finished'" in window.statusBar().currentMessage(), timeout=3000
    )
    assert window.list_model.rowCount() == 0


def test_preview_uses_the_publishing_renderer(qtbot, window, articles) -> None:  # noqa: ANN001
    window.open_article(articles["zh"])
    with qtbot.waitSignal(window.workspace.preview.shown_html, timeout=5000) as blocker:
        window.workspace.canvas.insertPlainText("預覽測試段落。\n\n")
    assert "預覽測試段落" in blocker.args[0]
    assert "(圖/高雄市政府)" in blocker.args[0]


def test_the_preview_fits_its_images_once(qtbot, window, articles, monkeypatch) -> None:  # noqa: ANN001
    """The page is shown once on opening: the scroll bar is there from the start, so its
    appearing never narrows the pane and sets the page again (a second change on screen)."""
    preview = window.workspace.preview
    window.show()
    with qtbot.waitSignal(preview.shown_html, timeout=5000):
        window.open_article(articles["zh"])
    assert preview.browser.verticalScrollBar().isVisible()
    set_again: list[str] = []
    monkeypatch.setattr(preview.browser, "setHtml", set_again.append)
    preview._refit()  # what a resize of the pane runs, its width unchanged
    assert set_again == []
    narrower = preview._usable_width() - 40
    monkeypatch.setattr(preview, "_usable_width", lambda: narrower)
    preview._refit()
    assert len(set_again) == 1  # a real change of width fits the images again


def test_exception_hook_saves_and_logs(qtbot, window, store, articles, caplog) -> None:  # noqa: ANN001
    from app.ui.launch import install_excepthook

    window.open_article(articles["en"])
    qtbot.keyClicks(window.workspace.canvas, "Before the crash. ")
    install_excepthook({"window": window})
    import sys

    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    sys.excepthook = sys.__excepthook__
    assert "Before the crash." in body_of(store, articles["en"])
    assert "boom in a slot" in caplog.text


def _child(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    """The app's own event loop runs in a child process, never inside pytest's."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
    )
    return subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)


def test_screenshot_command(store_path: Path, tmp_path: Path) -> None:
    from app.cli import main
    from tests.conftest import TYPHOON

    assert main(["--store", str(store_path), "import", str(TYPHOON)]) == 0
    shot = tmp_path / "shot.png"
    done = _child(
        [sys.executable, "-m", "app.cli", "--store", str(store_path), "gui", "--open",
         "kaohsiung-typhoon-drill", "--screenshot", str(shot)],
        tmp_path / "home",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_launch_paints_the_window_before_opening_the_store(
    store_path: Path, tmp_path: Path
) -> None:
    from app.cli import main
    from tests.conftest import TYPHOON

    assert main(["--store", str(store_path), "import", str(TYPHOON)]) == 0
    child = Path(__file__).parent / "launch_child.py"
    done = _child([sys.executable, str(child), str(store_path)], tmp_path / "home")
    lines = done.stdout.splitlines()
    assert lines[0] == "PAINTED store=no", done.stdout + done.stderr
    assert "READY kaohsiung-typhoon-drill" in lines and lines[-1] == "EXIT 0"


def test_launch_upgrades_an_older_store_under_a_dialog_then_opens_it(tmp_path: Path) -> None:
    """A store of an older schema is migrated off the UI thread: the window paints, says
    it is upgrading, then opens the article as usual."""
    from app.store import Store
    from tests.test_migration_records import _version_9_store

    old = tmp_path / "old.sqlite"
    _version_9_store(old)
    assert Store.needs_upgrade(old)
    child = Path(__file__).parent / "launch_child.py"
    done = _child([sys.executable, str(child), str(old), "a-1"], tmp_path / "home")
    lines = done.stdout.splitlines()
    assert lines[:2] == ["PAINTED store=no", "UPGRADING"], done.stdout + done.stderr
    assert "READY slug-a-1" in lines and lines[-1] == "EXIT 0"
    assert not Store.needs_upgrade(old)


def test_launch_on_a_bad_store_says_so_and_exits(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a store")
    child = Path(__file__).parent / "launch_child.py"
    done = _child([sys.executable, str(child), str(bad)], tmp_path / "home")
    assert "DIALOG The store cannot be opened" in done.stdout
    assert done.stdout.splitlines()[-1] == "EXIT 3"
    assert f"galley: {bad}: is not a Galley store" in done.stderr
    assert bad.read_text() == "not a store"


def test_desk_settings_dialog_saves_to_the_store(qtbot, window, store) -> None:  # noqa: ANN001
    from app.ui.desk_dialog import DeskDialog

    dialog = DeskDialog(store, window, by="測試編輯")
    qtbot.addWidget(dialog)
    dialog.name.setText("南方日報")
    dialog.base_url.setText("https://news.example.org/")
    dialog.picks.ext_title.setText("港區轉型十年")
    dialog.picks.ext_url.setText("https://news.example.org/harbour")
    dialog.picks.add_external()
    dialog.accept()
    desk = store.desk()
    assert (desk.publication_name, desk.base_url) == ("南方日報", "https://news.example.org/")
    assert [p.title for p in desk.editors_picks] == ["港區轉型十年"]
    bad = DeskDialog(store, window, by="測試編輯")
    qtbot.addWidget(bad)
    bad.base_url.setText("news.example.org")
    bad.accept()
    assert store.desk().base_url == "https://news.example.org/"  # refused, unchanged


def test_layout_and_last_article_are_restored(qtbot, store, settings, articles) -> None:  # noqa: ANN001
    from app.ui.main_window import MainWindow

    first = MainWindow(store, settings)
    qtbot.addWidget(first)
    first.show()
    first.open_article(articles["en"])
    first.resize(760, 700)  # the offscreen screen is 800 × 800; restore clamps to it
    first.splitter.setSizes([250, 510])
    expected = first.splitter.sizes()
    assert expected != second_default_sizes(first)
    first.close()
    second = MainWindow(store, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.session is not None and second.session.article_id == articles["en"]
    assert abs(second.splitter.sizes()[0] - expected[0]) <= 5
    assert second.size().width() == 760
    second.close()


def second_default_sizes(window) -> list[int]:  # noqa: ANN001
    """The splitter sizes a window with no saved layout would get, for comparison."""
    total = sum(window.splitter.sizes())
    return [round(total * 470 / 1280), total - round(total * 470 / 1280)]


def test_empty_store_opens_on_the_welcome_view(qtbot, store, settings, monkeypatch) -> None:  # noqa: ANN001
    from app.ui.main_window import MainWindow

    win = MainWindow(store, settings, author="")
    qtbot.addWidget(win)
    win.show()
    assert win.editor_stack.currentWidget() is win.welcome
    assert len(win.welcome.sample_buttons) == 2
    win.welcome.name.setText("林雨晴")
    win.welcome.name.editingFinished.emit()
    assert settings.value("user/name") == "林雨晴"
    win.welcome.sample_buttons[0].click()  # the Chinese sample, from resources/samples
    assert win.editor_stack.currentWidget() is win.workspace
    assert win.session.article.slug == "kaohsiung-typhoon-drill"
    assert store.count_articles() == 1
    assert win.session.author == "林雨晴"
    win.close()


def test_welcome_new_article_and_import(qtbot, store, settings, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QFileDialog

    from app.ui.main_window import MainWindow
    from tests.conftest import LIBRARY

    win = MainWindow(store, settings, author="記者")
    qtbot.addWidget(win)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(LIBRARY)], ""))
    win.welcome.import_button.click()  # imports on a background thread, then opens it
    qtbot.waitUntil(lambda: win.session is not None, timeout=10_000)
    assert win.session.article.language == "en"
    assert win.editor_stack.currentWidget() is win.workspace
    win.welcome.new_button.click()
    assert store.count_articles() == 2
    win.close()


def test_about_shows_version_store_and_logs(qtbot, window, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    from app import __version__
    from app.config import log_dir

    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, _t, text: seen.append(text))
    window.commands.about()
    assert __version__ in seen[0] and str(window.store.path) in seen[0]
    assert str(log_dir()) in seen[0]


def test_store_after_the_command_and_a_screenshot_when_usable(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`galley gui --store S …` as people type it; the grab waits for the article and its
    preview (rendered by the forked renderer), and the command prints the file it wrote."""
    from app.cli import main
    from tests.conftest import TYPHOON

    assert main(["import", str(TYPHOON), "--store", str(store_path)]) == 0
    capsys.readouterr()
    assert main(["list", "--json", "--store", str(store_path)]) == 0
    assert '"slug": "kaohsiung-typhoon-drill"' in capsys.readouterr().out
    shot = tmp_path / "usable.png"
    done = _child(
        [sys.executable, "-m", "app.cli", "gui", "--store", str(store_path), "--open",
         "kaohsiung-typhoon-drill", "--screenshot", str(shot)],
        tmp_path / "home",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(shot)
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    # The preview (the side panel, on the right) shows the rendered page: many distinct
    # colours, not a blank pane waiting for its first render.
    colours = {image.pixel(x, y) for x in range(1030, 1360, 7) for y in range(60, 700, 7)}
    assert image.width() == 1366 and len(colours) > 20


def test_desk_dialog_sets_logo_organisations_and_author_pages(qtbot, window, store) -> None:  # noqa: ANN001
    from app.ui.desk_dialog import DeskDialog

    dialog = DeskDialog(store, window, by="測試編輯")
    qtbot.addWidget(dialog)
    dialog.logo_url.setText("https://news.example.org/logo.png")
    dialog.organizations.setText("報呱特派小組、Wire Desk")
    dialog.author_urls.setPlainText("林 雨晴 = https://news.example.org/authors/lin\n")
    dialog.accept()
    desk = store.desk()
    assert desk.logo_url == "https://news.example.org/logo.png"
    assert desk.organization_bylines == ["報呱特派小組", "Wire Desk"]
    assert desk.author_urls == {"林 雨晴": "https://news.example.org/authors/lin"}
    bad = DeskDialog(store, window, by="測試編輯")
    qtbot.addWidget(bad)
    bad.author_urls.setPlainText("林 雨晴 https://news.example.org/authors/lin")  # no '='
    bad.accept()
    assert bad.result() != bad.DialogCode.Accepted
    bad.logo_url.setText("javascript:alert(1)")
    bad.author_urls.setPlainText("")
    bad.accept()  # the store refuses it, the dialog says so and stays open
    assert store.desk().logo_url == "https://news.example.org/logo.png"


def test_a_correction_typed_in_the_window_is_dated_and_saved(
    qtbot, window, store, articles
) -> None:  # noqa: ANN001
    window.open_article(articles["en"])
    pane = window.workspace.details
    before = store.get_article(articles["en"])
    pane.correction.setPlainText("An earlier version misstated the opening hours.")
    assert window.save_now()
    saved = store.get_article(articles["en"])
    assert saved.correction == "An earlier version misstated the opening hours."
    assert saved.correction_date == __import__("datetime").date.today().isoformat()
    assert saved.updated > before.updated  # a correction is a change readers see
    assert "Dated " in pane.correction_date.text()
    assert "content updated" in pane.dates.text()
    pane.correction.setPlainText("")
    assert window.save_now()
    assert store.get_article(articles["en"]).correction_date == ""


def test_saving_is_not_reported_as_a_change_from_elsewhere(qtbot, window, store, articles) -> None:  # noqa: ANN001
    """The store announces a save before the session has taken its new revision: the
    window must know the save is its own (it once said "changed elsewhere" on every save)."""
    window.open_article(articles["en"])
    window.statusBar().clearMessage()
    window.workspace.title.setText("City library tries a later reading room")
    window.workspace.title.textEdited.emit(window.workspace.title.text())
    assert window.save_now()
    assert "elsewhere" not in window.statusBar().currentMessage()
    assert store.get_article(articles["en"]).title == "City library tries a later reading room"


def test_an_autosave_does_not_count_the_archive(
    window, store, articles, qtbot, monkeypatch
) -> None:  # noqa: ANN001, E501
    """At a million articles counting them takes 15-45 ms: the list after an autosave keeps
    its length (an edit creates nothing); a new article or a filter counts again."""
    counted: list[tuple[object, object]] = []
    real = store.count_articles

    def counting(**filters: object) -> int:
        counted.append((filters.get("status"), filters.get("section")))
        return real(**filters)

    monkeypatch.setattr(store, "count_articles", counting)
    window.open_article(articles["zh"])
    window.workspace.title.setText("颱風季前大演練 全市抽水站總檢查")
    window.workspace.title.textEdited.emit(window.workspace.title.text())
    assert window.save_now()
    qtbot.waitUntil(
        lambda: any(
            "總檢查" in window.list_model.data(window.list_model.index(r, 0))
            for r in range(window.list_model.rowCount())
        ),
        timeout=4000,
    )
    assert counted == []
    assert window.list_model.rowCount() == 2
    store.new_article("新的一篇", author="測試者")
    window.poll_external()  # the same as another process creating it
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 3, timeout=4000)
    assert counted == [(None, None)]
    window.list_model.set_filter(status="draft", section=None)
    counted.clear()
    window.lists.reload(recount=False)
    assert counted == [("draft", None)]  # a status change can move an article out of a filter
