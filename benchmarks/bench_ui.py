"""The window on the 100,000-article store: list, open, keystroke, autosave (offscreen Qt).

QT_QPA_PLATFORM=offscreen python benchmarks/bench_ui.py
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import default_store  # noqa: E402


def stats(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def row(label: str, median: float, p95: float | None = None, note: str = "") -> None:
    p95_text = f"{p95:>9.1f}" if p95 is not None else f"{'':>9}"
    print(f"{label:<46}{median:>10.1f}{p95_text}  {note}")


def main() -> None:
    path = default_store(100_000)
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from app.store import Store
    from app.ui.main_window import MainWindow

    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    print(f"{'what':<46}{'median ms':>10}{'p95 ms':>9}")
    start = time.perf_counter()
    store = Store.open(path)
    window = MainWindow(store, settings)
    window.show()
    app.processEvents()
    first_rows = (time.perf_counter() - start) * 1000
    row(
        "open store + window + first list rows painted",
        first_rows,
        None,
        f"{window.list_model.rowCount()} of {store.count_articles():,} rows loaded",
    )
    ids = [a.id for a in store.list_articles(limit=25, offset=500)]
    opens = []
    for article_id in ids[1:]:
        t = time.perf_counter()
        window.open_article(article_id)
        app.processEvents()
        opens.append((time.perf_counter() - t) * 1000)
    row("open an article (editor filled, highlighted)", *stats(opens))
    # A 10,000-character article for keystrokes.
    long = store.get_article(ids[0])
    long.body = (long.body * (10_000 // max(1, len(long.body)) + 1))[:10_000]
    store.save_article(long)
    window.open_article(ids[0])
    app.processEvents()
    body = window.editor.body
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    keys = []
    for n in range(200):
        t = time.perf_counter()
        QTest.keyClick(body, Qt.Key.Key_A if n % 2 else Qt.Key.Key_B)
        app.processEvents()
        keys.append((time.perf_counter() - t) * 1000)
    row(
        "keystroke on a 10,000-character body",
        *stats(keys),
        f"body {len(body.toPlainText()):,} characters",
    )
    saves = []
    for _ in range(30):
        QTest.keyClick(body, Qt.Key.Key_C)
        t = time.perf_counter()
        window.save_now()
        saves.append((time.perf_counter() - t) * 1000)
    row("autosave of an edit (store save + list refresh)", *stats(saves))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    row("peak resident memory (MB)", rss)
    window.close()
    store.close()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown of Qt objects (PySide6 can crash there)


if __name__ == "__main__":
    main()
