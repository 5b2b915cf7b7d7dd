"""What opening an article in the window imports: only what showing it uses. Review,
merge, search, checks, diffs and desk sync load when first used (together ~50 ms of every
start); a fresh interpreter opens the window and tells which of them it loaded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import TYPHOON

LOADED_LATER = (
    "app.store.merge",
    "app.store.search",
    "app.core.checks",
    "app.core.diff",
    "app.exchange.desk_sync",
    "app.ui.identity_dialog",
    "app.ui.sources_pane",
    "app.ui.related_pane",
    "app.ui.history_section",
    "yaml",
)

OPEN_WINDOW = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from app.store import Store
from app.ui.main_window import MainWindow
store = Store.open(sys.argv[1])
window = MainWindow(store, QSettings(sys.argv[2], QSettings.Format.IniFormat), author="編輯")
window.open_article(sys.argv[3])
window.show()
app.processEvents()
assert window.workspace.canvas.toPlainText().startswith(store.get_article(sys.argv[3]).body[:20])
print(" ".join(sorted(m for m in sys.argv[4:] if m in sys.modules)) or "none")
window.close()
window.deleteLater()
app.processEvents()
store.close()
"""


def test_opening_an_article_imports_nothing_it_does_not_use(
    store: Store, store_path: Path, tmp_path: Path
) -> None:
    article = import_markdown(store, TYPHOON, author="測試者")
    store.review.add_note(article.id, "請補上消息來源。", author="編輯", line=1)
    store.close()
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            OPEN_WINDOW,
            str(store_path),
            str(tmp_path / "settings.ini"),
            article.id,
            *LOADED_LATER,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "none"


def test_what_the_window_imports_before_the_fork_holds_no_qt() -> None:
    """``galley gui`` imports these before it forks the renderer: a fork after Qt is unsafe."""
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys\n"
            "from app.ui.launch import import_window_modules\n"
            "import_window_modules()\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "[]"
