from __future__ import annotations

from pathlib import Path

from app.store import Store
from app.store.importing import import_markdown
from tests.conftest import LIBRARY, TYPHOON


def test_window_lists_articles_and_shows_the_selected_one(qtbot, store: Store) -> None:  # noqa: ANN001
    from app.ui.main_window import MainWindow

    zh = import_markdown(store, TYPHOON)
    import_markdown(store, LIBRARY)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert window.list_model.rowCount() == 2
    window.open_article(zh.slug)
    assert "颱風季前大演練" in window.viewer.toPlainText()


def test_screenshot_command(store_path: Path, tmp_path: Path, qapp) -> None:  # noqa: ANN001
    from app.cli import main

    assert main(["--store", str(store_path), "import", str(TYPHOON)]) == 0
    shot = tmp_path / "shot.png"
    code = main(
        [
            "--store",
            str(store_path),
            "gui",
            "--open",
            "kaohsiung-typhoon-drill",
            "--screenshot",
            str(shot),
        ]
    )
    assert code == 0
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
