"""Start the application: QApplication, logging, the exception hook, the window."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path

log = logging.getLogger(__name__)


def _setup_logging() -> Path | None:
    from app.config import log_dir

    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    handler = logging.FileHandler(folder / "galley.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    return folder / "galley.log"


def _install_excepthook() -> None:
    """An exception in a slot is logged and shown; it never takes the application down."""

    def hook(kind, value, tb) -> None:  # noqa: ANN001
        log.error("unhandled exception:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            QMessageBox.critical(None, "Galley", f"{kind.__name__}: {value}")

    sys.excepthook = hook


def launch(store_path: Path, *, open_ref: str | None = None, screenshot: str | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.store import Store
    from app.ui.main_window import MainWindow

    _setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Galley")
    app.setOrganizationName("Galley")
    _install_excepthook()
    store = Store.open(store_path)
    window = MainWindow(store)
    if open_ref:
        window.open_article(open_ref)
    window.show()
    if screenshot:

        def grab() -> None:
            window.grab().save(screenshot, "PNG")
            app.quit()

        QTimer.singleShot(300, grab)
    code = app.exec()
    store.close()
    return code


def main() -> int:
    """Entry point of the ``galley-gui`` launcher."""
    from app.cli import main as cli_main

    return cli_main(sys.argv[1:] if len(sys.argv) > 1 else [])
