"""The writing desk with a photo-heavy feature: a 10,000-character body with twenty figure
cards. Opening it (the cards laid out; thumbnails arrive off the GUI thread), a keystroke,
a page of scrolling, and the thumbnails' arrival (offscreen, a store of its own).

QT_QPA_PLATFORM=offscreen python benchmarks/bench_canvas.py
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import Result, emit, summarise  # noqa: E402

FIGURES = 20
BODY_CHARS = 10_000


def photo(n: int) -> bytes:
    """A 1600×1067 JPEG, different for each n (a camera's photo, not a thumbnail)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (1600, 1067), (20 + 9 * n, 90, 160 - 5 * n))
    draw = ImageDraw.Draw(img)
    for x in range(0, 1600, 40):
        draw.rectangle([x, 500 + (x * n) % 300, x + 20, 1067], fill=(230, 200 - 4 * n, 40))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


def feature(store: object) -> str:
    """A 10,000-character article with twenty figures spread through it."""
    from app.core.model import Figure

    paragraph = (
        "颱風季前，高雄市政府在前鎮區舉行跨局處防颱演練，水利局、消防局與社會局共同參與，"
        "模擬強颱來襲時低窪地區的預防性撤離與抽水作業。"
    )
    per = BODY_CHARS // FIGURES
    parts = []
    figures = []
    for n in range(FIGURES):
        text = (paragraph * (per // len(paragraph) + 1))[:per]
        parts.append(text)
        key = f"photo-{n + 1}"
        parts.append(f"![[{key}]]")
        sha = store.images.add(photo(n), name=f"{key}.jpg")  # type: ignore[attr-defined]
        figures.append(
            Figure(key=key, image=sha, caption=f"第 {n + 1} 張圖", credit="本報", alt="演練")
        )
    article = store.new_article("二十張照片的專題", author="測試者")  # type: ignore[attr-defined]
    article.body = "\n\n".join(parts) + "\n"
    article.figures = figures
    store.save_article(article, author="測試者")  # type: ignore[attr-defined]
    return str(article.id)


def results() -> list[Result]:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from app.store import Store
    from app.ui.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="galley-bench-canvas-"))
    store = Store.open(folder / "canvas.sqlite")
    heavy = feature(store)
    light = store.new_article("短稿", author="測試者").id
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, settings, author="測試者")
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    ws = window.workspace
    opens, arrivals = [], []
    for _ in range(10):
        window.open_article(light)
        app.processEvents()
        ws.cards.thumbs._done.clear()  # noqa: SLF001 - every open decodes again
        start = time.perf_counter()
        window.open_article(heavy)
        app.processEvents()
        opens.append((time.perf_counter() - start) * 1000)
        cards = list(ws.cards.figures.values())
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            visible = [c for c in cards if c.isVisible()]
            if visible and all(not c.image.pixmap().isNull() for c in visible):
                break
            app.processEvents()
            time.sleep(0.001)
        arrivals.append((time.perf_counter() - start) * 1000)
    assert len(ws.cards.figures) == FIGURES, len(ws.cards.figures)
    out = [
        Result(
            f"open: an article with {FIGURES} figure cards",
            *summarise(opens),
            note=f"{len(ws.canvas.toPlainText()):,}-character body; cards laid out",
        ),
        Result(
            "open: figure thumbnails in view shown",
            *summarise(arrivals),
            note="decoded off the GUI thread; the text is usable before",
        ),
    ]
    canvas = ws.canvas
    canvas.setFocus()
    cursor = canvas.textCursor()
    cursor.setPosition(BODY_CHARS // 2)
    canvas.setTextCursor(cursor)
    app.processEvents()
    keys = []
    for n in range(200):
        start = time.perf_counter()
        QTest.keyClick(canvas, Qt.Key.Key_A if n % 2 else Qt.Key.Key_B)
        app.processEvents()
        keys.append((time.perf_counter() - start) * 1000)
    out.append(
        Result(
            f"keystroke: 10,000 characters, {FIGURES} figure cards",
            *summarise(keys),
            note="typing mid-body, cards below move",
        )
    )
    bar = canvas.verticalScrollBar()
    frames = []
    for step in range(120):
        start = time.perf_counter()
        bar.setValue((bar.value() + bar.pageStep() // 3) % max(1, bar.maximum()))
        app.processEvents()
        frames.append((time.perf_counter() - start) * 1000)
        del step
    out.append(
        Result(
            f"scroll: a third of a page, {FIGURES} figure cards",
            *summarise(frames),
            note="cards placed and painted; one frame is 16.7 ms",
        )
    )
    window.close()
    store.close()
    return out


if __name__ == "__main__":
    emit(results())
    os._exit(0)  # skip interpreter teardown of Qt objects (PySide6 can crash there)
