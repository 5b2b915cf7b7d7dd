"""The least a Galley-shaped first screen costs, with no Galley code: the floor for
bench_screenshot.py's start-to-usable ratio on this stack.

sqlite-utils (the design card's storage layer) opens the store and reads the article and
50 titles; Python-Markdown (its renderer) turns the body into HTML; a window with a list,
a plain-text editor and a rich-text preview shows them, grabs itself once painted, saves
the PNG and quits, as grab_child.py does (its ``show_and_grab``). With
GALLEY_FLOOR_PANES_ONLY=1: the same window read through the sqlite3 module and with the
body's paragraphs escaped by hand, which leaves only the window's own shape.

python benchmarks/stack_floor_child.py STORE ARTICLE_ID_PREFIX OUT.png
"""

from __future__ import annotations

import html
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any

from grab_child import show_and_grab
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
)


def _reader(path: str, panes_only: bool) -> Callable[[str, list[Any]], Iterable[Any]]:
    if panes_only:
        import sqlite3

        conn = sqlite3.connect(path)
        conn.row_factory = sqlite3.Row
        return lambda sql, params: conn.execute(sql, params)
    import sqlite_utils

    return sqlite_utils.Database(path).query


def _html(body: str, panes_only: bool) -> str:
    if panes_only:
        return "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
    import markdown

    return str(markdown.markdown(body))


def main() -> int:
    store, prefix, out = sys.argv[1:4]
    panes_only = bool(os.environ.get("GALLEY_FLOOR_PANES_ONLY"))
    app = QApplication(sys.argv[:1])
    query = _reader(store, panes_only)
    # An id prefix as Galley resolves it: a range on the unique index (LIKE would scan).
    by_prefix = "SELECT title, body FROM articles WHERE id >= ? AND id < ?"
    article = next(iter(query(by_prefix, [prefix, prefix + "~"])))
    titles = [
        r["title"]
        for r in query("SELECT title FROM articles ORDER BY updated_at DESC LIMIT 50", [])
    ]
    window = QMainWindow()
    panes = QSplitter(Qt.Orientation.Horizontal)
    listing = QListWidget()
    listing.addItems(titles)
    editor = QPlainTextEdit()
    editor.setPlainText(article["body"])
    preview = QTextBrowser()
    title = html.escape(article["title"])
    preview.setHtml(f"<h1>{title}</h1>{_html(article['body'], panes_only)}")
    for pane in (listing, editor, preview):
        panes.addWidget(pane)
    window.setCentralWidget(panes)
    window.resize(1280, 820)

    return show_and_grab(app, window, out)


if __name__ == "__main__":
    sys.exit(main())
