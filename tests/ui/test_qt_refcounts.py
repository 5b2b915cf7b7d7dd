"""PySide6 6.12.0 dropped a reference on every signal emission into Python: the interpreter
aborted after about a thousand ("deallocating True or False"), and the window after about
1,500 keystrokes. These run in their own process, so a regression fails the test instead of
killing the suite."""

from __future__ import annotations

import os
import subprocess
import sys

EMISSIONS = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Source(QObject):
    number = Signal(int)
    nothing = Signal()
source = Source()
source.number.connect(lambda n: None)
source.nothing.connect(lambda: None)
before = [sys.getrefcount(x) for x in (None, True, False)]
for n in range(5000):
    source.number.emit(n)
    source.nothing.emit()
after = [sys.getrefcount(x) for x in (None, True, False)]
print(max(abs(a - b) for a, b in zip(after, before)))
"""

TYPING = """
import os, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from app.store import Store
from app.ui.main_window import MainWindow
app = QApplication([])
root = Path(tempfile.mkdtemp())
store = Store.open(root / "g.sqlite")
article = store.new_article("標題", body="市府今天宣布防災計畫。" * 60, author="記者")
settings = QSettings(str(root / "s.ini"), QSettings.Format.IniFormat)
window = MainWindow(store, settings, author="記者")
window.show()
window.open_article(article.id)
body = window.workspace.canvas
body.setFocus()
for n in range(2500):
    QTest.keyClick(body, Qt.Key.Key_A if n % 2 else Qt.Key.Key_B)
    app.processEvents()
assert window.save_now()
print(store.get_article(article.id).body.count("a"))
window.close()
store.close()
"""


def _run(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )


def test_signal_emission_keeps_reference_counts() -> None:
    run = _run(EMISSIONS)
    assert run.returncode == 0, run.stderr[-2000:]
    assert int(run.stdout.strip()) < 50  # 6.12.0: thousands, then an abort


def test_thousands_of_keystrokes_in_the_window_and_every_one_saved() -> None:
    run = _run(TYPING)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "1250"
