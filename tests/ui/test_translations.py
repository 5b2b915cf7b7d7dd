"""The zh_TW translation is complete and really used by the window."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from app.resources import resource_path

TS = resource_path("translations", "galley_zh_TW.ts")


def _sources(ts: Path) -> set[tuple[str, str]]:
    tree = ET.parse(ts)
    return {
        (ctx.findtext("name"), msg.findtext("source"))
        for ctx in tree.iter("context")
        for msg in ctx.iter("message")
    }


def test_every_entry_is_translated() -> None:
    unfinished = []
    for ctx in ET.parse(TS).iter("context"):
        for msg in ctx.iter("message"):
            translation = msg.find("translation")
            if (
                translation is None
                or translation.get("type") in ("unfinished", "obsolete")
                or not (translation.text or "").strip()
            ):
                unfinished.append((ctx.findtext("name"), msg.findtext("source")))
    assert unfinished == []


def test_every_string_in_the_code_is_in_the_ts(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate comes with PySide6"
    fresh = tmp_path / "fresh.ts"
    ui = sorted(str(p) for p in (Path(__file__).parents[2] / "app" / "ui").glob("*.py"))
    subprocess.run([lupdate, *ui, "-ts", str(fresh)], check=True, capture_output=True)
    missing = _sources(fresh) - _sources(TS)
    assert missing == set(), "run packaging/build-translations.sh and translate: " + repr(missing)


def test_qm_is_newer_than_or_built_from_ts() -> None:
    assert resource_path("translations", "galley_zh_TW.qm").stat().st_size > 5000


def test_window_speaks_traditional_chinese(qtbot, store, settings, qapp) -> None:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication

    from app.ui.i18n import install_translators
    from app.ui.main_window import MainWindow

    assert install_translators(qapp, "zh_TW") == "zh_TW"
    try:
        window = MainWindow(store, settings)
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["檔案(&F)", "編輯(&E)", "檢視(&V)", "說明(&H)"]
        assert window.editor.tabs.tabText(0) == "內文(&B)"
        window.close()
    finally:
        for translator in qapp.property("galley_translators") or []:
            QCoreApplication.removeTranslator(translator)
