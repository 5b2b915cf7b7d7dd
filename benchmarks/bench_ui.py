"""The window on the benchmark archive (GALLEY_BENCH_ARTICLES, else 100,000): list, open,
keystroke, autosave, memory (offscreen).

QT_QPA_PLATFORM=offscreen python benchmarks/bench_ui.py
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import Result, emit, summarise  # noqa: E402
from corpus import archive_size, default_store  # noqa: E402


def rss_mb() -> float:
    """Resident memory now (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def results() -> list[Result]:
    path = default_store()
    size = archive_size()
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication([])
    from app.store import Store
    from app.ui.article_list_model import ArticleListModel
    from app.ui.main_window import MainWindow

    out = []
    # The list alone: model over the store, first rows painted in a table.
    base = rss_mb()
    lists = []
    for _ in range(10):
        start = time.perf_counter()
        store = Store.open(path)
        model = ArticleListModel(store)
        view = QTableView()
        view.setModel(model)
        view.resize(900, 700)
        view.show()
        app.processEvents()
        lists.append((time.perf_counter() - start) * 1000)
        rows = model.rowCount()
        view.close()
        view.deleteLater()
        store.close()
    out.append(
        Result(
            "list: first rows painted (store open + model)",
            *summarise(lists),
            note=f"{rows} of {size:,} rows fetched, +{rss_mb() - base:.1f} MB",
        )
    )
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    start = time.perf_counter()
    store = Store.open(path)
    window = MainWindow(store, settings)
    window.show()
    app.processEvents()
    out.append(
        Result(
            "list: window built, first rows and article shown",
            (time.perf_counter() - start) * 1000,
            note=f"{window.list_model.rowCount()} of {store.count_articles():,} rows fetched",
        )
    )
    ids = [a.id for a in store.list_articles(limit=31, offset=500)]
    opens = []
    for article_id in ids[1:]:
        t = time.perf_counter()
        window.open_article(article_id)
        app.processEvents()
        opens.append((time.perf_counter() - t) * 1000)
    out.append(Result("open: an article (editor filled, highlighted)", *summarise(opens)))
    long = store.get_article(ids[0])
    long.body = (long.body * (10_000 // max(1, len(long.body)) + 1))[:10_000]
    store.save_article(long, author="測試者")
    window.open_article(ids[0])
    app.processEvents()
    body = window.workspace.canvas
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    keys = []
    for n in range(200):
        t = time.perf_counter()
        QTest.keyClick(body, Qt.Key.Key_A if n % 2 else Qt.Key.Key_B)
        app.processEvents()
        keys.append((time.perf_counter() - t) * 1000)
    out.append(
        Result(
            "keystroke: 10,000-character body",
            *summarise(keys),
            note=f"body {len(body.toPlainText()):,} characters",
        )
    )
    saves, refreshes = [], []
    for _ in range(30):
        QTest.keyClick(body, Qt.Key.Key_C)
        t = time.perf_counter()
        window.save_now()
        saves.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        app.processEvents()  # the list's deferred re-query
        refreshes.append((time.perf_counter() - t) * 1000)
    out.append(
        Result(
            "save: an edit (autosave path)",
            *summarise(saves),
            note=f"next event-loop turn (list re-query, repaint): {summarise(refreshes)[0]:.1f} ms",
        )
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.append(Result("memory: peak resident, archive open", peak, unit="MB"))
    window.close()
    store.close()
    return out


if __name__ == "__main__":
    emit(results())
    os._exit(0)  # skip interpreter teardown of Qt objects (PySide6 can crash there)
