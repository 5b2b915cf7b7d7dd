"""Contender (a) of bench_usable.py: a bare PySide6 QMainWindow with a QPlainTextEdit that shows
the article's Markdown, at the size of Galley's first window; it stays open like any editor.

python benchmarks/usable_bare_child.py FILE.md
"""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

app = QApplication(sys.argv[:1])
window = QMainWindow()
editor = QPlainTextEdit()
with open(sys.argv[1], encoding="utf-8") as f:
    editor.setPlainText(f.read())
window.setCentralWidget(editor)
window.resize(1280, 720)  # Galley's first window (app/ui/main_window.py START_SIZE)
window.show()
sys.exit(app.exec())
