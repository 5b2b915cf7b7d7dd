"""The window follows the store's change reports: its own operations, other windows and the
command line (within 2 s); long operations run off the UI thread with progress and Cancel."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.cli import main
from app.store import Store
from tests.conftest import FIXTURES, LIBRARY


def test_a_write_from_the_command_line_shows_up_within_two_seconds(
    qtbot,
    window,
    store,
    articles,  # noqa: ANN001
) -> None:
    window.open_article(articles["zh"])
    rows = window.list_model.rowCount()
    started = time.monotonic()
    assert main(["--store", str(store.path), "import", str(LIBRARY)]) == 0  # the CLI
    other = Store.open(store.path)
    try:
        other.new_article("另一個視窗的新稿", author="測試者")
        theirs = other.get_article(articles["zh"])
        theirs.title = "標題在另一個視窗改了"
        other.save_article(theirs, author="測試者")
    finally:
        other.close()
    qtbot.waitUntil(
        lambda: (
            window.list_model.rowCount() == rows + 2
            and window.workspace.title.text() == "標題在另一個視窗改了"
        ),
        timeout=2000,
    )
    assert time.monotonic() - started < 2.5
    assert "changed elsewhere" in window.statusBar().currentMessage()


def test_an_unsaved_edit_meets_the_conflict_dialog_not_a_silent_reload(
    qtbot,
    window,
    store,
    articles,
    monkeypatch,  # noqa: ANN001
) -> None:
    asked: list[int] = []
    monkeypatch.setattr(window.saving, "ask_conflict", lambda: asked.append(1) or "mine")
    window.open_article(articles["zh"])
    window.workspace.canvas.setPlainText("我正在寫的字。\n")
    # The other writer's change arrives through the poll before this window saves: no
    # autosave racing the poll (its 1 s would otherwise meet the conflict first).
    window.autosave.stop()
    with Store.open(store.path) as other:
        theirs = other.get_article(articles["zh"])
        theirs.dek = "別人改的導言"
        other.save_article(theirs, author="測試者")
    qtbot.waitUntil(lambda: "saving will ask" in window.statusBar().currentMessage(), timeout=2000)
    assert window.workspace.canvas.toPlainText() == "我正在寫的字。\n"  # nothing replaced
    assert asked == []
    assert window.save_now() and asked == [1]
    stored = store.get_article(articles["zh"])
    assert stored.body == "我正在寫的字。\n"


def test_import_runs_in_the_background_and_cancel_keeps_nothing(
    qtbot,
    window,
    store,
    articles,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    import shutil

    from app.core.errors import Cancelled

    folder = tmp_path / "batch"
    for n in range(3):
        target = folder / f"story-{n}"
        shutil.copytree(FIXTURES / "library-night", target)
        text = (target / "article.md").read_text(encoding="utf-8")
        (target / "article.md").write_text(
            text.replace("title: ", f"id: 00000000-0000-4000-8000-00000000000{n}\ntitle: ", 1),
            encoding="utf-8",
        )
    before = store.count_articles()
    task = window.commands.import_paths([folder])
    steps: list[int] = []
    # A direct connection runs in the worker as it reports step 4: Cancel lands mid-write.
    task.progressed.connect(
        lambda done, total, what: steps.append(done) or (done >= 4 and task.cancel()),
        Qt.ConnectionType.DirectConnection,
    )
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        pass
    assert max(steps) >= 4  # cancelled while writing, inside the one transaction
    assert store.count_articles() == before
    assert window.dialogs_shown == ["warning"]
    task = window.commands.import_paths([folder])
    failures: list[str] = []
    task.failed.connect(failures.append)
    with qtbot.waitSignal(task.ended, timeout=10_000):
        pass
    assert failures == []
    assert store.count_articles() == before + 3
    qtbot.waitUntil(lambda: window.list_model.rowCount() == before + 3, timeout=2000)
    assert Cancelled.exit_code == 130


def test_an_import_with_worker_processes_runs_and_cancels_from_the_window(
    qtbot,
    window,
    store,
    articles,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    """The window imports on a thread of its own; a large import there also starts worker
    processes (spawned, never forked from the window). Cancel stops them and keeps
    nothing; the same import then completes."""
    import multiprocessing

    from app.core.model import Article
    from app.exchange import ahead
    from app.exchange.source import article_to_markdown

    monkeypatch.setattr(ahead, "AHEAD_FROM", 1)
    monkeypatch.setattr(ahead, "CHUNK", 4)
    started: list[int] = []
    opened = ahead.AheadFiles.__init__

    def counting(self: ahead.AheadFiles, paths: list[Path], workers: int) -> None:
        started.append(workers)
        opened(self, paths, workers)

    monkeypatch.setattr(ahead.AheadFiles, "__init__", counting)
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(40):
        article = Article(id="", slug=f"drill-{n}", title=f"颱風演練第{n}站", body="抽水站檢查。")
        (folder / f"drill-{n}.md").write_text(article_to_markdown(article, {}), encoding="utf-8")
    files = sorted(folder.glob("*.md"))
    before = store.count_articles()
    task = window.commands.import_paths(files)
    task.progressed.connect(
        lambda done, _total, _what: done >= 30 and task.cancel(),
        Qt.ConnectionType.DirectConnection,
    )
    with qtbot.waitSignal(task.cancelled, timeout=60_000):
        pass
    assert store.count_articles() == before
    qtbot.waitUntil(lambda: not multiprocessing.active_children(), timeout=20_000)  # stopped
    task = window.commands.import_paths(files)
    failures: list[str] = []
    task.failed.connect(failures.append)
    with qtbot.waitSignal(task.ended, timeout=60_000):
        pass
    assert failures == [] and store.count_articles() == before + 40
    assert started and all(workers >= 1 for workers in started)
    qtbot.waitUntil(lambda: not multiprocessing.active_children(), timeout=20_000)


def test_export_and_backup_run_in_the_background(
    qtbot,
    window,
    store,
    articles,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    task = window.commands.export_to([articles["zh"], articles["en"]], tmp_path / "out")
    with qtbot.waitSignal(task.succeeded, timeout=20_000) as done:
        pass
    assert len(done.args[0]) == 2 and all((p / "index.html").is_file() for p in done.args[0])
    task = window.commands.back_up_now()
    with qtbot.waitSignal(task.succeeded, timeout=20_000) as made:
        pass
    assert made.args[0] is not None and Path(made.args[0]).stat().st_size > 0


@pytest.mark.parametrize("kind", ["export", "backup"])
def test_cancel_leaves_nothing_half_written(
    kind: str,
    qtbot,
    window,
    store,
    articles,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    from app.config import backup_dir

    if kind == "export":
        task = window.commands.export_to([articles["zh"], articles["en"]], tmp_path / "out")
    else:
        task = window.commands.back_up_now()
    task.cancel()  # before its first step
    with qtbot.waitSignal(task.cancelled, timeout=20_000):
        pass
    if kind == "export":
        assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    else:
        folder = backup_dir(store.path)
        assert not folder.exists() or not list(folder.iterdir())


def test_a_body_the_page_cannot_be_built_from_is_marked_as_you_type(
    qtbot,
    window,
    store,
    articles,  # noqa: ANN001
) -> None:
    window.open_article(articles["zh"])
    body = window.workspace.canvas
    highlighter = body.highlighter
    assert highlighter.problem_lines == {}
    lines = body.toPlainText().count("\n")
    body.appendPlainText("::: further-reading\n- 還沒寫完")
    qtbot.waitUntil(lambda: bool(highlighter.problem_lines), timeout=2000)
    assert list(highlighter.problem_lines) == [lines + 2]
    assert "never closed" in highlighter.problem_lines[lines + 2]
    window.workspace.panel.setCurrentWidget(window.workspace.checks)
    window.workspace.checks.refresh()
    texts = [
        window.workspace.checks.list.item(n).text()
        for n in range(window.workspace.checks.list.count())
    ]
    assert any("never closed" in t for t in texts)
    body.appendPlainText(":::")
    qtbot.waitUntil(lambda: highlighter.problem_lines == {}, timeout=2000)


def test_the_window_exports_the_desk_edition(
    qtbot,
    window,
    store,
    articles,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from tests.conftest import move_to

    store.save_desk(replace(store.desk(), base_url="https://news.example.org/"), by="測試編輯")
    move_to(store, articles["en"], "published")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(tmp_path / "site"))
    (tmp_path / "site").mkdir()
    window.commands.export_desk_edition()
    qtbot.waitUntil(lambda: (tmp_path / "site" / "sitemap-news.xml").is_file(), timeout=20_000)
    names = sorted(p.name for p in (tmp_path / "site").iterdir())
    assert "index.html" in names and "sitemap-news.xml" in names
    assert len([n for n in names if not n.count(".")]) == 1  # the one published article
