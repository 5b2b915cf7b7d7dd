"""The least a Galley-shaped first screen costs on this stack, with no Galley code: the
stack floor of bench_usable.py.

sqlite-utils (the design card's storage layer) opens the store and reads the article and
the 50 newest titles; Python-Markdown (its renderer) turns the body into HTML; one window
shows a list, a plain-text editor and a rich-text preview, all filled before the window is
first shown, at the size of Galley's first window. It stays open like any editor (the
harness closes it as a window manager would); bench_usable.py's observer watches the
screen until it settles.

python benchmarks/stack_floor_child.py STORE ARTICLE_ID_PREFIX
"""

from __future__ import annotations

import html
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
)

SIZE = (1280, 720)  # Galley's first window (app/ui/main_window.py START_SIZE)


def main() -> int:
    store, prefix = sys.argv[1:3]
    app = QApplication(sys.argv[:1])
    import markdown
    import sqlite_utils

    db = sqlite_utils.Database(store)
    # An id prefix as Galley resolves it: a range on the unique index (LIKE would scan).
    by_prefix = "SELECT title, dek, body FROM articles WHERE id >= ? AND id < ?"
    article = next(iter(db.query(by_prefix, [prefix, prefix + "~"])))
    newest = "SELECT title FROM articles ORDER BY updated_at DESC, seq DESC LIMIT 50"
    titles = [r["title"] for r in db.query(newest)]
    window = QMainWindow()
    window.setWindowTitle(article["title"])
    panes = QSplitter(Qt.Orientation.Horizontal)
    listing = QListWidget()
    listing.addItems(titles)
    listing.setCurrentRow(0)
    editor = QPlainTextEdit()
    editor.setPlainText(article["body"])
    preview = QTextBrowser()
    title = html.escape(article["title"])
    dek = html.escape(article["dek"])
    body = markdown.markdown(article["body"])
    preview.setHtml(f"<h1>{title}</h1><p><i>{dek}</i></p>{body}")
    for pane in (listing, editor, preview):
        panes.addWidget(pane)
    panes.setSizes([300, 490, 490])
    window.setCentralWidget(panes)
    window.resize(*SIZE)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
