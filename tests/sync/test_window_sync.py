"""Desk sync from the window: File › Sync with desk asks for the desk once, syncs in its own
process (git's library never loads in the editor's process), shows what came in, and an
unreachable desk only changes the indicator."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.store import Store


def _galley(*args: str) -> None:
    """The command line, as another laptop (or the user) runs it: its own process."""
    subprocess.run([sys.executable, "-m", "app.cli", *args], check=True, capture_output=True)


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
    other = tmp_path / "other" / "g.sqlite"
    with Store.open(other) as laptop:
        theirs = laptop.new_article("另一台筆電寫的稿子", author="測試者")
    _galley("sync", "--remote", str(desk), "--create", "--store", str(other))
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *a: asked.append("desk") or str(desk)
    )
    task = window.desk_sync.sync_now()
    assert task is not None and asked == ["desk"]
    with qtbot.waitSignal(task.succeeded, timeout=60_000):
        pass
    assert "Desk: synced" in window.desk_sync.label.text()
    qtbot.waitUntil(lambda: window.list_model.row_of(theirs.id) >= 0, timeout=10_000)
    # Mine went out: the other laptop gets both of this window's articles.
    _galley("sync", "--store", str(other))
    with Store.open(other) as laptop:
        assert {articles["zh"], articles["en"]} <= {s.id for s in laptop.list_articles()}
    # Typing while a sync runs: the editor keeps every character and saves as usual.
    window.open_article(articles["en"])
    task = window.desk_sync.sync_now()
    assert task is not None and asked == ["desk"]  # the desk is remembered
    window.workspace.canvas.insertPlainText("打字不等同步。")
    with qtbot.waitSignal(task.ended, timeout=60_000):
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
    store_path = str(store.path)
    _galley("sync", "--remote", str(desk), "--create", "--store", store_path)
    shutil.rmtree(tmp_path / "usb")  # the stick was pulled out
    task = window.desk_sync.sync_in_background()
    assert task is not None
    with qtbot.waitSignal(task.failed, timeout=60_000):
        pass
    assert window.desk_sync.label.text().startswith("Desk: offline since")
    assert "cannot be reached" in window.desk_sync.label.toolTip()


def test_the_windows_process_never_loads_gits_library(tmp_path: Path) -> None:
    """libgit2 with Qt in one process crashed the interpreter under a long sync: the window
    learns its desk from a JSON file and runs every sync as its own process."""
    desk = tmp_path / "desk.git"
    store_path = tmp_path / "g.sqlite"
    _galley("sync", "--remote", str(desk), "--create", "--store", str(store_path))
    probe = (
        "import sys; from pathlib import Path;"
        "from app.ui.main_window import MainWindow;"
        "from app.ui.desk_sync_controller import configured_desk, sync_command;"
        f"print(configured_desk(Path({str(store_path)!r})));"
        "print('pygit2' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout.split()
    assert out == [str(desk), "False"]
