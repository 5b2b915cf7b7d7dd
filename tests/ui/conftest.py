"""Window fixtures: a fresh store with both samples, settings in a temp INI file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON


@pytest.fixture(scope="session", autouse=True)
def english_plurals(qapp):  # noqa: ANN001, ANN201
    """The window in English as it starts (``install_translators``): its plural forms."""
    from app.ui.i18n import install_translators

    install_translators(qapp, "en")


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def articles(store: Store) -> dict[str, str]:
    return {
        "zh": import_markdown(store, TYPHOON, author="測試者").id,
        "en": import_markdown(store, LIBRARY, author="測試者").id,
    }


@pytest.fixture
def window(qtbot, store: Store, settings: QSettings, articles: dict[str, str], monkeypatch):  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    from app.ui.main_window import MainWindow

    shown: list[str] = []
    for name in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: shown.append(_n))
    # A modal box nobody answers would hang the suite: recorded and closed at once.
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append("exec") or 0)
    # A question nobody answers would hang the suite: it is recorded and answered "Cancel".
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: (
            shown.append(f"question: {a[2] if len(a) > 2 else ''}")
            or QMessageBox.StandardButton.Cancel
        ),
    )
    win = MainWindow(store, settings, author="測試編輯", role="editor")
    win.dialogs_shown = shown
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.isVisible():
        win.close()
