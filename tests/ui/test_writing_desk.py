"""The writing desk as a reporter uses it: one canvas with figures and further reading in
place as cards, the side panel beside it, a window that fits a laptop, the keyboard."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog

from app.ui.canvas import FIGURE_CARD_HEIGHT
from tests.conftest import FIXTURES

UI = Path(__file__).parents[2] / "app" / "ui"


def _cards(qtbot, window, keys: set[str]) -> dict:  # noqa: ANN001
    cards = window.workspace.cards
    qtbot.waitUntil(lambda: set(cards.figures) == keys, timeout=3000)
    return cards.figures


def test_figures_stand_in_the_text_as_cards_edited_in_place(qtbot, window, store, articles) -> None:  # noqa: ANN001, E501
    window.open_article(articles["zh"])
    ws = window.workspace
    figures = _cards(qtbot, window, {"pump-station", "sandbags"})
    card = figures["pump-station"]
    assert card.caption.text() == "高雄市水利局人員 30 日檢查愛河沿岸抽水站的備援發電機。"
    assert card.shown.text() == "(圖/高雄市政府)"  # the credit as the page shows it
    # The Markdown stays as typed; the card lies over the room the canvas kept for it.
    assert "![[pump-station]]" in ws.canvas.toPlainText()
    room = ws.canvas.card_rect(card.spot)
    assert room.height() >= FIGURE_CARD_HEIGHT
    # The thumbnail is decoded off the GUI thread, then shown.
    qtbot.waitUntil(lambda: not card.image.pixmap().isNull(), timeout=3000)
    card.caption.setText("抽水站的備援發電機")
    card.caption.textEdited.emit(card.caption.text())
    card.credit.setText("")
    card.credit.textEdited.emit("")
    assert "credit" in card.problem.text() or "圖片來源" in card.problem.text()
    assert window.save_now()
    stored = store.get_article(articles["zh"]).figures[0]
    assert (stored.caption, stored.credit) == ("抽水站的備援發電機", "")


def test_a_card_moves_with_alt_arrows_and_deletes_with_undo(qtbot, window, store, articles) -> None:  # noqa: ANN001, E501
    window.open_article(articles["zh"])
    ws = window.workspace
    figures = _cards(qtbot, window, {"pump-station", "sandbags"})
    body = ws.canvas.toPlainText()
    card = figures["pump-station"]
    card.caption.setFocus()
    qtbot.keyClick(card.caption, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    moved = ws.canvas.toPlainText()
    assert moved.index("![[pump-station]]") > moved.index("水利局長在演練後表示")
    ws.canvas.undo()  # one step brings it back
    assert ws.canvas.toPlainText() == body
    # Remove the card: its line goes, the figure with it; undo brings both back, caption
    # and credit too.
    card = window.workspace.cards.figures["sandbags"]
    card.remove_requested.emit()
    assert "![[sandbags]]" not in ws.canvas.toPlainText()
    assert window.save_now()
    assert [f.key for f in store.get_article(articles["zh"]).figures] == ["pump-station"]
    ws.canvas.undo()
    figures = _cards(qtbot, window, {"pump-station", "sandbags"})
    assert figures["sandbags"].credit.text() == "讀者提供"
    assert window.save_now()
    assert [f.credit for f in store.get_article(articles["zh"]).figures][1] == "讀者提供"


def test_insert_figure_takes_two_steps_and_names_it_from_the_file(
    qtbot, window, store, articles, monkeypatch, tmp_path: Path
) -> None:  # noqa: ANN001
    """Insert ▸ Figure (1), choose the file (2): the card is there with the caption field
    focused, and a Chinese file name gives a readable key."""
    window.open_article(articles["zh"])
    photo = tmp_path / "王毅.jpg"
    shutil.copy(FIXTURES / "library-night" / "images" / "reading-room.jpg", photo)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo)], ""))
    action = window.commands.actions["figure"]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+G")
    window.workspace.canvas.moveCursor(window.workspace.canvas.textCursor().MoveOperation.End)
    action.trigger()
    figures = _cards(qtbot, window, {"pump-station", "sandbags", "wang-yi"})
    card = figures["wang-yi"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is card.caption, timeout=3000)
    assert window.workspace.canvas.toPlainText().rstrip().endswith("![[wang-yi]]")
    assert window.save_now()
    assert [f.key for f in store.get_article(articles["zh"]).figures][-1] == "wang-yi"


def test_dropping_or_pasting_an_image_places_a_figure_there(qtbot, window, store, articles) -> None:  # noqa: ANN001
    window.open_article(articles["en"])
    canvas = window.workspace.canvas
    mime = QMimeData()
    image = FIXTURES / "typhoon-drill" / "images" / "sandbags.png"
    mime.setUrls([QUrl.fromLocalFile(str(image)), QUrl.fromLocalFile("/etc/hostname")])
    drop = QDropEvent(
        QPointF(40, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    canvas.dropEvent(drop)  # the text file is not an image: it is left alone
    _cards(qtbot, window, {"reading-room", "sandbags"})
    text = canvas.toPlainText()
    assert text.index("![[sandbags]]") < text.index("![[reading-room]]")  # where it fell
    pasted = QMimeData()
    picture = QImage(120, 80, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkCyan)
    pasted.setImageData(picture)
    canvas.moveCursor(canvas.textCursor().MoveOperation.End)
    canvas.insertFromMimeData(pasted)
    _cards(qtbot, window, {"reading-room", "sandbags", "pasted"})
    assert window.save_now()
    assert [f.key for f in store.get_article(articles["en"]).figures] == [
        "sandbags",
        "reading-room",
        "pasted",
    ]


def test_a_click_on_the_photo_sets_the_point_the_crops_keep(qtbot, window, store, articles) -> None:  # noqa: ANN001, E501
    window.open_article(articles["zh"])
    card = _cards(qtbot, window, {"pump-station", "sandbags"})["pump-station"]
    qtbot.waitUntil(lambda: not card.image.pixmap().isNull(), timeout=3000)
    picture = card.image._picture()  # noqa: SLF001 - where the photo is drawn in the card
    point = picture.topLeft() + (picture.bottomRight() - picture.topLeft()) * 0.25
    qtbot.mouseClick(card.image, Qt.MouseButton.LeftButton, pos=point)
    assert window.save_now()
    x, y = (float(v) for v in store.get_article(articles["zh"]).figures[0].focus.split(","))
    assert abs(x - 0.25) < 0.03 and abs(y - 0.25) < 0.03
    qtbot.mouseDClick(card.image, Qt.MouseButton.LeftButton, pos=point)  # back to the centre
    assert window.save_now()
    assert store.get_article(articles["zh"]).figures[0].focus == ""


def test_further_reading_is_a_card_with_a_picker_over_the_store(
    qtbot, window, store, articles
) -> None:  # noqa: ANN001
    """Nobody types (article:slug): the picker searches the store and writes the link."""
    window.open_article(articles["zh"])
    ws = window.workspace
    qtbot.waitUntil(lambda: len(ws.cards.further) == 1, timeout=3000)
    card = ws.cards.further[0]
    assert card.links.count() == 1
    card.search.setText("midnight")
    card._run_search()  # noqa: SLF001 - what the pause after typing does
    [shown] = list(card._choices)  # noqa: SLF001
    assert "City library tries a midnight reading room" in shown
    card.completer.activated.emit(shown)
    assert (
        "- [City library tries a midnight reading room](article:library-midnight-pilot)"
        in ws.canvas.toPlainText()
    )
    qtbot.waitUntil(lambda: ws.cards.further[0].links.count() == 2, timeout=3000)
    # Insert ▸ Further reading: a new card, its search focused.
    ws.canvas.moveCursor(ws.canvas.textCursor().MoveOperation.End)
    window.commands.actions["further"].trigger()
    qtbot.waitUntil(lambda: len(ws.cards.further) == 2, timeout=3000)
    assert QApplication.focusWidget() is ws.cards.further[1].search
    assert window.save_now()
    body = store.get_article(articles["zh"]).body
    assert body.count("::: further-reading") == 2


def test_broken_block_markup_is_marked_where_it_is(qtbot, window, articles) -> None:  # noqa: ANN001
    window.open_article(articles["en"])
    ws = window.workspace
    ws.canvas.moveCursor(ws.canvas.textCursor().MoveOperation.End)
    ws.canvas.insertPlainText("\n::: further-reading\n- [Open](https://example.org)\n")
    line = ws.canvas.document().blockCount() - 2
    qtbot.waitUntil(lambda: line in ws.canvas.highlighter.problem_lines, timeout=3000)
    assert "never closed" in ws.canvas.highlighter.problem_lines[line]


def test_the_side_panel_shows_related_articles_as_the_page_does(
    qtbot, window, store, articles
) -> None:  # noqa: ANN001, E501
    from app.ui.related_pane import CARD_ROLE

    window.open_article(articles["zh"])
    pane = window.workspace.related
    pane.query.setText("midnight")
    pane.run_search()
    pane.add_result("related")
    card = pane.list.item(pane.list.count() - 1).data(CARD_ROLE)
    assert card["title"] == "City library tries a midnight reading room"
    assert card["excerpt"].startswith("A six-week pilot")
    assert card["author"] == "Alex Chen"
    assert card["date"] == "2024-11-02"


def test_paste_reads_the_source_lines_reporters_have_and_drops_none(
    qtbot, window, store, articles
) -> None:  # noqa: ANN001
    window.open_article(articles["en"])
    pane = window.workspace.sources
    pasted = "\n".join(
        [
            "2022年5月24日 聯合報 中俄軍機聯合巡航",
            "111/05/24 中央社 日本防衛省證實",
            "民國111年5月24日 自由時報 國防部說明",
            "2022-05-24\tReuters\tJets fly near Japan\thttps://example.org/r",
            "美日峰會登場 | 聯合新聞網",
            "https://udn.com/news/story/1",
            "這一行什麼都不是",
        ]
    )
    dialog = pane.paste_text(pasted)
    qtbot.addWidget(dialog)
    rows = dialog.chosen()
    assert [r.date for r in rows][:4] == ["2022-05-24"] * 4
    assert (rows[0].outlet, rows[0].title) == ("聯合報", "中俄軍機聯合巡航")
    assert rows[3].url == "https://example.org/r"
    assert (rows[4].outlet, rows[4].url) == ("聯合新聞網", "https://udn.com/news/story/1")
    assert rows[5].title == "這一行什麼都不是"  # kept as an editable row, never dropped
    dialog.table.item(5, 1).setText("補上的媒體")  # finished here, in the preview
    before = len(store.get_article(articles["en"]).sources)
    dialog.accept()
    assert window.save_now()
    sources = store.get_article(articles["en"]).sources
    assert len(sources) == before + 6
    assert sources[-1].outlet == "補上的媒體"
    window.workspace.undo_stack.undo()  # the paste is one undo step
    assert window.save_now()
    assert len(store.get_article(articles["en"]).sources) == before


def test_word_count_is_the_body_only_captions_apart(qtbot, window, articles) -> None:  # noqa: ANN001
    window.open_article(articles["zh"])
    ws = window.workspace
    with qtbot.waitSignal(ws.counts_changed, timeout=3000) as first:
        ws._count()  # noqa: SLF001
    body_before, captions_before = first.args[0].body, first.args[0].captions
    card = _cards(qtbot, window, {"pump-station", "sandbags"})["pump-station"]
    card.caption.setText(card.caption.text() + "再加十個字的圖說內容")
    card.caption.textEdited.emit(card.caption.text())
    with qtbot.waitSignal(ws.counts_changed, timeout=3000) as after:
        ws._count()  # noqa: SLF001
    assert after.args[0].body == body_before
    assert after.args[0].captions[0] == captions_before[0] + 10
    assert window.counts_label.text().startswith("Body: ")


# -- the window on a laptop ---------------------------------------------------------------


def test_the_window_never_outgrows_the_screen(qtbot, window) -> None:  # noqa: ANN001
    window.resize(4000, 3000)
    window.fit_to_screen()
    area = window.screen().availableGeometry()
    assert area.contains(window.frameGeometry())


def test_list_panel_preview_and_text_size_are_remembered(qtbot, store, settings, articles) -> None:  # noqa: ANN001
    from app.ui.main_window import MainWindow

    first = MainWindow(store, settings, author="記者")
    qtbot.addWidget(first)
    first.show()
    assert first.lists.width() < first.width() * 0.3  # the list is narrow by default
    first.commands.actions["list"].trigger()
    first.commands.actions["panel"].trigger()
    first.commands.actions["bigger"].trigger()
    size = first.workspace.text_size
    assert first.commands.actions["bigger"].shortcut() == QKeySequence(
        QKeySequence.StandardKey.ZoomIn
    )
    assert not first.lists.isVisible() and not first.workspace.panel.isVisible()
    first.close()
    second = MainWindow(store, settings, author="記者")
    qtbot.addWidget(second)
    second.show()
    assert not second.lists.isVisible() and not second.workspace.panel.isVisible()
    assert second.workspace.text_size == size > 13
    assert second.workspace.canvas.font().pointSize() == size
    second.commands.actions["preview"].trigger()  # the preview beside the text
    assert second.workspace.split.indexOf(second.workspace.preview) >= 0
    assert second.workspace.preview.isVisible()
    second.close()


def test_focus_mode_hides_everything_but_the_page_and_gives_it_back(
    qtbot, window, articles
) -> None:  # noqa: ANN001, E501
    window.open_article(articles["zh"])
    ws = window.workspace
    window.commands.actions["focus"].trigger()
    assert not window.lists.isVisible() and not ws.panel.isVisible()
    assert not window.statusBar().isVisible()
    assert ws.canvas.isVisible() and ws.canvas.hasFocus()
    window.commands.actions["focus"].trigger()
    assert window.lists.isVisible() and ws.panel.isVisible() and window.statusBar().isVisible()


def test_tab_moves_between_list_canvas_and_panel_and_never_switches_articles(
    qtbot, window, articles
) -> None:  # noqa: ANN001
    window.open_article(articles["zh"])
    view = window.lists.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not view
    assert window.session.article_id == articles["zh"]
    ws = window.workspace
    ws.canvas.setFocus()
    qtbot.keyClick(ws.canvas, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not ws.canvas  # Tab leaves the text, never typed
    assert "\t" not in ws.canvas.toPlainText()
    assert window.session.article_id == articles["zh"]


def _mnemonic(text: str) -> str | None:
    import re

    m = re.search(r"&([^&\s])", text.replace("&&", ""))
    return m.group(1).upper() if m else None


def _menu_clashes(menubar) -> list[str]:  # noqa: ANN001
    clashes = []

    def walk(title: str, actions: list) -> None:  # noqa: ANN001
        seen: dict[str, str] = {}
        for action in actions:
            if action.isSeparator():
                continue
            letter = _mnemonic(action.text())
            if letter is None:
                clashes.append(f"{title}: '{action.text()}' has no mnemonic")
            elif letter in seen:
                clashes.append(f"{title}: '{action.text()}' and '{seen[letter]}' share {letter}")
            else:
                seen[letter] = action.text()
            if action.menu() is not None:
                walk(action.text(), action.menu().actions())

    walk("menu bar", menubar.actions())
    return clashes


def _visible_clashes(window) -> list[str]:  # noqa: ANN001
    """Alt+letter targets a person can reach at once: the menu bar, the page and the open
    side-panel section (labels with buddies, buttons)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    seen: dict[str, str] = {}
    clashes = []
    found = [(a.text(), "menu") for a in window.menuBar().actions()]
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        found.append((widget.text(), type(widget).__name__))
    for text, kind in found:
        letter = _mnemonic(text)
        if letter is None:
            continue
        if letter in seen:
            clashes.append(f"'{text}' ({kind}) and '{seen[letter]}' share Alt+{letter}")
        seen[letter] = text
    return clashes


@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_every_action_is_on_the_keyboard_with_unique_mnemonics(
    qtbot, store, settings, articles, qapp, language: str
) -> None:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication

    from app.ui.i18n import install_translators
    from app.ui.main_window import MainWindow

    install_translators(qapp, language)
    try:
        window = MainWindow(store, settings, author="記者", role="editor")
        qtbot.addWidget(window)
        window.show()
        window.open_article(articles["zh"])
        assert _menu_clashes(window.menuBar()) == []
        for n in range(window.workspace.panel.count()):
            window.workspace.panel.setCurrentIndex(n)
            assert _visible_clashes(window) == [], window.workspace.panel.itemText(n)
        keys = [
            a.shortcut().toString()
            for a in window.commands.actions.values()
            if not a.shortcut().isEmpty()
        ]
        assert len(keys) == len(set(keys)), "two actions share a shortcut"
        window.close()
    finally:
        for translator in qapp.property("galley_translators") or []:
            QCoreApplication.removeTranslator(translator)


def test_the_shortcuts_sheet_lists_the_menus_own_keys(qtbot, window) -> None:  # noqa: ANN001
    from app.ui.shortcuts_sheet import ShortcutsSheet

    assert window.commands.actions["keys"].shortcut() == QKeySequence("Ctrl+/")
    sheet = ShortcutsSheet(window.menuBar(), window)
    qtbot.addWidget(sheet)
    rows = dict(sheet.rows())
    assert rows["Figure…"] == QKeySequence("Ctrl+Shift+G").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert "Focus mode" in rows and "Bigger text" in rows
    sheet.filter.setText("focus")
    assert [name for name, _keys in sheet.rows()] == ["Focus mode"]


def test_every_control_has_an_accessible_name(qtbot, window, articles) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    window.open_article(articles["zh"])
    qtbot.waitUntil(lambda: len(window.workspace.cards.figures) == 2, timeout=3000)
    named_by_label = {
        label.buddy() for label in window.findChildren(QLabel) if label.buddy() is not None
    }
    from PySide6.QtWidgets import QFormLayout

    for form in window.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if field is not None and field.widget() and label is not None and label.widget():
                named_by_label.add(field.widget())
    nameless = []
    kinds = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit)
    for widget in (w for kind in kinds for w in window.findChildren(kind)):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isEnabled():
            continue
        if widget.window() is not window:
            continue  # a combo box's or completer's popup: named by its owner
        if (
            type(widget).__name__ in ("QLineEdit",)
            and widget.parent() is not None
            and isinstance(widget.parent(), QComboBox)
        ):
            continue  # an editable combo box's own line edit: the combo box is named
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if widget.accessibleName() or text.replace("&", "").strip() or widget in named_by_label:
            continue
        parent = widget.parent()
        nameless.append(
            f"{type(widget).__name__} {widget.objectName()} in {type(parent).__name__} "
            f"{parent.objectName() if parent else ''} {widget.toolTip()}"
        )
    assert nameless == [], "\n".join(nameless)


def test_dark_mode_follows_the_setting_and_every_pane_reads_at_4_5_to_1(
    qtbot, window, articles, qapp
) -> None:  # noqa: ANN001, E501
    from PySide6.QtGui import QPalette

    from app.ui.launch import apply_color_scheme
    from app.ui.theme import contrast, is_dark

    window.open_article(articles["zh"])
    try:
        window.commands.set_appearance("dark")
        assert is_dark()
        palette = qapp.palette()
        for text, ground in (
            (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
            (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
            (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
            (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
            (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
        ):
            assert contrast(palette.color(text).name(), palette.color(ground).name()) >= 4.5
        page = window.workspace.canvas.palette()
        assert (
            contrast(
                page.color(QPalette.ColorRole.Text).name(),
                page.color(QPalette.ColorRole.Base).name(),
            )
            >= 4.5
        )
        assert "#17181a" in window.workspace.preview.browser.document().defaultStyleSheet() or (
            "#b0b4ba" in window.workspace.preview.browser.document().defaultStyleSheet()
        )
    finally:
        apply_color_scheme(qapp, "light")
        qapp.setStyleSheet("")


def test_the_theme_is_drawn_by_palette_and_follows_light_and_dark(
    qtbot, window, articles, qapp
) -> None:  # noqa: ANN001
    """No application-wide style sheet (it makes Qt restyle every widget the window builds,
    ~60 ms of each start); the page, a failed save and a wrong slug still take the theme's
    colours, and take the other set when light turns dark."""
    from PySide6.QtGui import QPalette

    from app.ui import theme
    from app.ui.launch import apply_color_scheme

    window.open_article(articles["zh"])
    ws = window.workspace
    role = QPalette.ColorRole
    try:
        for look, colors in (("light", theme.LIGHT), ("dark", theme.DARK)):
            window.commands.set_appearance(look)
            assert qapp.styleSheet() == ""
            assert ws.page.palette().color(role.Window).name() == colors["page"]
            assert ws.canvas.palette().color(role.Base).name() == colors["page"]
            assert ws.canvas.palette().color(role.Text).name() == colors["text"]
            window.saving.save_failed("disk full")
            assert window.saved_label.palette().color(role.WindowText).name() == colors["error"]
            window.show_saved()
            assert window.saved_label.palette().color(role.WindowText).name() != colors["error"]
            ws.details.slug.setText("Not A Slug!")
            ws.details.slug.textEdited.emit("Not A Slug!")
            assert ws.details.slug.palette().color(role.Base).name() == colors["error_bg"]
            window.commands.set_appearance("dark" if look == "light" else "light")
            other = theme.DARK if look == "light" else theme.LIGHT
            assert ws.details.slug.palette().color(role.Base).name() == other["error_bg"]
            assert ws.page.palette().color(role.Window).name() == other["page"]
    finally:
        apply_color_scheme(qapp, "light")


def test_back_to_following_the_system_and_the_system_turning_dark(
    qtbot, window, articles, qapp
) -> None:  # noqa: ANN001
    """Dark, then System again: the platform's palette is back (light here). Following the
    system, the desktop turning dark while Galley runs turns the page dark, and back."""
    from PySide6.QtGui import QPalette

    from app.ui import theme
    from app.ui.launch import apply_color_scheme, dark_palette

    window.open_article(articles["zh"])
    window.show()
    page = window.workspace.page
    role = QPalette.ColorRole.Window
    try:
        window.commands.set_appearance("dark")
        window.commands.set_appearance("system")
        assert not theme.is_dark()
        assert page.palette().color(role).name() == theme.LIGHT["page"]
        qapp.setPalette(dark_palette())  # as the platform does when the desktop turns dark
        qtbot.waitUntil(lambda: theme.is_dark(), timeout=3000)
        assert page.palette().color(role).name() == theme.DARK["page"]
        qapp.setPalette(qapp.style().standardPalette())
        qtbot.waitUntil(lambda: not theme.is_dark(), timeout=3000)
        assert page.palette().color(role).name() == theme.LIGHT["page"]
    finally:
        apply_color_scheme(qapp, "light")
        apply_color_scheme(qapp, "system")


def test_the_history_section_open_at_start_follows_the_article(
    qtbot, store, settings, articles
) -> None:  # noqa: ANN001
    """History left open: at the next start it is built shown and lists the article's
    revisions (a section built lazily before the panel was visible stayed empty)."""
    from app.ui.main_window import MainWindow

    settings.setValue("view/section", "5")
    settings.setValue("last_article", articles["zh"])
    win = MainWindow(store, settings, author="測試編輯", role="editor")
    qtbot.addWidget(win)
    win.show()
    ws = win.workspace
    assert ws.panel.currentWidget() is ws.history
    qtbot.waitUntil(lambda: ws.history.revisions.topLevelItemCount() > 0, timeout=3000)
    assert ws.history.shown
    win.close()


# -- structure -----------------------------------------------------------------------------


def test_no_panel_imports_the_window_and_no_flag_stands_in_for_change_reports() -> None:
    for path in UI.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "app.ui.main_window":
                assert path.name == "launch.py", f"{path.name} imports the window"
        assert "_saving_own" not in path.read_text(encoding="utf-8")


def test_a_photos_own_caption_and_credit_fill_its_card(
    qtbot, window, store, articles, tmp_path: Path
) -> None:  # noqa: ANN001
    """IPTC (as photo desks' tools write it, in UTF-8) fills caption, credit, creator and
    copyright; the stored image keeps none of it, the exported rendition keeps the credits."""
    from tests.test_photo_metadata import iim, jpeg, with_iptc

    record = iim(
        ((1, 90), b"\x1b%G"),
        ((2, 120), "颱風過後 高雄街頭".encode()),
        ((2, 80), "王小明".encode()),
        ((2, 110), "中央社".encode()),
        ((2, 116), "© 2026 中央社".encode()),
    )
    photo = tmp_path / "typhoon.jpg"
    photo.write_bytes(with_iptc(jpeg(), record))
    window.open_article(articles["en"])
    task = window.commands.add_figures([str(photo)], 0)
    with qtbot.waitSignal(task.ended, timeout=10_000):
        pass
    card = _cards(qtbot, window, {"reading-room", "typhoon"})["typhoon"]
    assert card.caption.text() == "颱風過後 高雄街頭"
    assert card.credit.text() == "中央社" and card.shown.text() == "(圖/中央社)"
    assert "王小明" in card.name.text() and "© 2026 中央社" in card.name.text()
    assert window.save_now()
    figure = store.get_article(articles["en"]).figures[0]
    assert (figure.creator, figure.copyright) == ("王小明", "© 2026 中央社")
    data, _mime = store.images.get(figure.image)
    assert "中央社".encode() not in data  # the store keeps the picture, not its metadata


def _underlined(block) -> set[str]:  # noqa: ANN001
    from PySide6.QtGui import QTextCharFormat

    text = block.text()
    return {
        text[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    }


def test_english_spelling_underlines_suggests_and_learns_the_desks_words(
    qtbot, window, store, articles
) -> None:  # noqa: ANN001
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QMenu

    window.open_article(articles["en"])
    ws = window.workspace
    canvas = ws.canvas
    canvas.moveCursor(QTextCursor.MoveOperation.End)
    canvas.insertPlainText("\nThe mayor will recieve the Kaohsiungese delegation. 市府表示歡迎。\n")
    assert window.save_now()
    with qtbot.waitSignal(ws.spelling.ready, timeout=10_000):
        ws.spelling.start(0)
    block = canvas.document().lastBlock().previous()
    qtbot.waitUntil(lambda: "recieve" in _underlined(block), timeout=3000)
    assert _underlined(block) == {"recieve", "Kaohsiungese"}  # Chinese is left alone
    assert window.saved_label.text().startswith("Saved")  # underlining is not an edit
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.text().index("recieve") + 2)
    menu = QMenu()
    actions = canvas.spelling_actions(canvas.cursorRect(cursor).center(), menu)
    by_text = {a.text(): a for a in actions}
    assert "receive" in by_text
    by_text["receive"].trigger()  # one undo step
    assert "will receive the" in canvas.toPlainText()
    cursor.setPosition(block.position() + block.text().index("Kaohsiungese") + 3)
    actions = canvas.spelling_actions(canvas.cursorRect(cursor).center(), menu)
    [add] = [a for a in actions if "desk" in a.text()]
    add.trigger()
    assert "Kaohsiungese" in store.desk().spelling_words  # it syncs with the desk
    qtbot.waitUntil(lambda: _underlined(block) == set(), timeout=3000)
