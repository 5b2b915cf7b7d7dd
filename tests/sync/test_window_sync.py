"""Desk sync from the window: File › Sync with desk asks for the desk once, syncs on a
worker thread, shows what came in, and an unreachable desk only changes the indicator."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygit2
import pytest

from app.exchange.desk_sync import DeskSync
from app.store import Store


def test_sync_from_the_window_brings_the_desk_in_and_says_so(
    qtbot,
    window,
    store,
    articles,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    from PySide6.QtWidgets import QFileDialog

    desk = tmp_path / "desk.git"
    pygit2.init_repository(str(desk), bare=True)
    with Store.open(tmp_path / "other" / "g.sqlite") as other:
        theirs = other.new_article("另一台筆電寫的稿子")
        DeskSync(other).sync(str(desk))
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *a: asked.append("desk") or str(desk)
    )
    task = window.desk_sync.sync_now()
    assert task is not None and asked == ["desk"]
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    assert "Desk: synced" in window.desk_sync.label.text()
    qtbot.waitUntil(lambda: window.list_model.row_of(theirs.id) >= 0, timeout=10_000)
    # Mine went out: the other laptop gets both of this window's articles.
    with Store.open(tmp_path / "other" / "g.sqlite") as other:
        DeskSync(other).sync()
        assert {articles["zh"], articles["en"]} <= {s.id for s in other.list_articles()}
    # Typing while a sync runs: the editor keeps every character and saves as usual.
    window.open_article(articles["en"])
    task = window.desk_sync.sync_now()
    assert task is not None and asked == ["desk"]  # the desk is remembered
    window.editor.body.insertPlainText("打字不等同步。")
    with qtbot.waitSignal(task.ended, timeout=30_000):
        pass
    assert window.save_now()
    assert "打字不等同步。" in store.get_article(articles["en"]).body


def test_an_unreachable_desk_in_the_background_only_changes_the_indicator(
    qtbot,
    window,
    store,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    desk = tmp_path / "usb" / "desk.git"
    pygit2.init_repository(str(desk), bare=True)
    DeskSync(store).sync(str(desk))
    shutil.rmtree(tmp_path / "usb")  # the stick was pulled out
    task = window.desk_sync.sync_in_background()
    assert task is not None
    with qtbot.waitSignal(task.failed, timeout=30_000):
        pass
    assert window.desk_sync.label.text().startswith("Desk: offline since")
    assert "cannot be reached" in window.desk_sync.label.toolTip()
