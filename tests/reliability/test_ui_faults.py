"""The window under faults: a full disk, the store deleted, an exception in a slot. The text
stays in the window, a copy goes to the recovery folder, the app stays up."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from app.store import Store
from tests.reliability.conftest import SmallDisk

PARAGRAPH = "法院今天下午宣判,被告當庭表示將上訴。"


def _window(qtbot, store: Store, settings, monkeypatch) -> tuple:  # noqa: ANN001
    from app.ui.main_window import MainWindow

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a: shown.append("asked") or QMessageBox.StandardButton.Close,
    )
    window = MainWindow(store, settings, author="記者")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, shown


def _type(window, text: str) -> None:  # noqa: ANN001
    # insertPlainText goes through the same signals as typing, Chinese included
    window.workspace.canvas.moveCursor(window.workspace.canvas.textCursor().MoveOperation.End)
    window.workspace.canvas.insertPlainText(text)


def _recovered(home: Path) -> list[Path]:
    return sorted(home.rglob("recovered/*.md"))


def test_full_disk_in_the_window(
    qtbot, small_disk: SmallDisk, settings, monkeypatch, isolated_dirs
) -> None:  # noqa: ANN001, E501
    store = Store.open(small_disk.root / "galley.sqlite")
    article = store.new_article("庭審紀錄", body="開庭。", author="測試者")
    window, shown = _window(qtbot, store, settings, monkeypatch)
    window.open_article(article.id)
    small_disk.fill()
    _type(window, "\n\n" + PARAGRAPH * 20_000)
    assert window.save_now() is False
    assert window.saved_label.text() == "NOT SAVED"
    assert "disk is full" in shown[0]
    assert PARAGRAPH in window.workspace.canvas.toPlainText()  # still in the window
    (copy,) = _recovered(isolated_dirs)  # and on another disk, as Markdown
    assert PARAGRAPH in copy.read_text(encoding="utf-8")
    small_disk.free()
    assert window.save_now() is True
    assert store.get_article(article.id).body.endswith(PARAGRAPH)
    window.close()
    store.close()


def test_store_deleted_under_the_window(
    qtbot, tmp_path: Path, settings, monkeypatch, isolated_dirs
) -> None:  # noqa: ANN001, E501
    path = tmp_path / "galley.sqlite"
    store = Store.open(path)
    article = store.new_article("火車上的稿子", body="第一段。", author="測試者")
    window, shown = _window(qtbot, store, settings, monkeypatch)
    window.open_article(article.id)
    for p in tmp_path.glob("galley.sqlite*"):
        p.unlink()
    _type(window, PARAGRAPH)
    assert window.save_now() is False
    assert "deleted, moved or replaced" in shown[0]
    assert PARAGRAPH in window.workspace.canvas.toPlainText()
    (copy,) = _recovered(isolated_dirs)
    assert PARAGRAPH in copy.read_text(encoding="utf-8")
    assert window.isVisible()
    window.close()  # closing asks, and keeps another copy
    assert "asked" in shown and len(_recovered(isolated_dirs)) >= 1
    store.close()


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_is_logged_shown_and_the_text_saved(
    qtbot,
    store: Store,
    settings,
    monkeypatch,
    caplog,  # noqa: ANN001
) -> None:
    from app.ui.launch import install_excepthook

    article = store.new_article("English story", body="First paragraph.", author="測試者")
    window, shown = _window(qtbot, store, settings, monkeypatch)
    window.open_article(article.id)
    _type(window, " Typed before the crash.")
    broken = {"fired": 0}

    def broken_slot() -> None:
        broken["fired"] += 1
        raise RuntimeError("boom in a slot")

    previous = sys.excepthook
    install_excepthook({"window": window})
    try:
        with caplog.at_level(logging.ERROR):
            QTimer.singleShot(0, broken_slot)  # raised from the event loop, as a real slot
            qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    finally:
        sys.excepthook = previous
    assert broken["fired"] == 1
    assert "boom in a slot" in shown[0] and "boom in a slot" in caplog.text
    assert store.get_article(article.id).body.endswith("Typed before the crash.")
    assert window.isVisible()
    _type(window, " And after.")  # the app is still up and still saves
    assert window.save_now() and store.get_article(article.id).body.endswith("And after.")


def test_opening_the_window_makes_a_rolling_backup(qtbot, store: Store, settings) -> None:  # noqa: ANN001
    from app.config import backup_dir
    from app.store.backup import integrity_errors, list_backups
    from app.ui.launch import schedule_backup

    store.new_article("備份測試", body="內容", author="測試者")
    settings.setValue("backup/keep", 2)
    folder = backup_dir(store.path)
    made = []
    for _ in range(3):
        store.new_article("又一篇", body="x", author="測試者")  # a change since the last backup
        task = schedule_backup(store, settings, delay_ms=0)
        # The task ends after the backup is written and the old ones pruned: no race.
        with qtbot.waitSignal(task.succeeded, timeout=10_000) as done:
            pass
        made.append(done.args[0])
    backups = list_backups(folder)
    assert backups == made[-2:] and integrity_errors(backups[-1]) == []


def test_store_on_a_read_only_medium_opens_for_reading(
    qtbot, read_only_medium: Path, settings, monkeypatch
) -> None:  # noqa: ANN001, E501
    from tests.reliability.conftest import remount_read_only

    path = read_only_medium / "galley.sqlite"
    with Store.open(path) as writable:
        article = writable.new_article("唯讀的稿子", body="第一段。", author="測試者")
    remount_read_only(read_only_medium)
    store = Store.open(path)
    window, shown = _window(qtbot, store, settings, monkeypatch)
    window.open_article(article.id)
    assert "read-only" in window.statusBar().currentMessage()
    assert window.workspace.canvas.isReadOnly() and not window.workspace.details.isEnabled()
    assert not any(action.isEnabled() for action in window.commands.writing_actions)
    assert window.workspace.canvas.toPlainText() == "第一段。"
    assert window.save_now() is True and shown == []  # nothing to save, no error shown
    window.close()
    store.close()
