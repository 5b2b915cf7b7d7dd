"""The README's and docs' screenshots of the window, as a person sees it: the real window on
a 1366×768 screen, in Traditional Chinese, light and dark, menus and dialogs included (the
whole screen is grabbed, so a menu that is open is in the picture).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/make_screenshots.py

Writes docs/screenshots/{desk,queue,status-reporter,status-editor,changes,welcome}-zh_TW-
{light,dark}.png from a store of its own (the two samples and a few more articles).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)


def demo_store(folder: Path) -> tuple[object, dict[str, str]]:
    """The samples, and articles waiting for review from two reporters."""
    from app.exchange.markdown import import_markdown
    from app.store import Store

    store = Store.open(folder / "demo.sqlite")
    samples = ROOT / "resources" / "samples"
    zh = import_markdown(store, samples / "typhoon-drill" / "article.md", author="林雨晴")
    en = import_markdown(store, samples / "library-night" / "article.md", author="Alex Chen")
    extra = []
    for title, body in (
        ("捷運環狀線北段動工 預計 2030 年通車", "新北市捷運工程局今天舉行動工典禮。\n"),
        ("夜市攤商試辦行動支付 三成店家加入", "士林夜市今起試辦行動支付。\n"),
    ):
        article = store.new_article(title, author="陳志明")
        article.body = body * 6
        article.dek = "試辦三個月，市府將評估成效。"
        article.byline = ["陳志明"]
        article.section = "地方"
        store.save_article(article, author="陳志明")
        extra.append(article.id)
    for ref, who in ((extra[0], "陳志明"), (zh.id, "林雨晴"), (extra[1], "陳志明")):
        store.review.change_status(ref, "in_review", who=who, role="reporter")
    store.review.add_note(zh.id, "78 座抽水站的數字請再向水利局確認", author="王編輯", line=5)
    store.review.add_note(zh.id, "標題可以再短一點", author="王編輯")
    return store, {"zh": zh.id, "en": en.id, "metro": extra[0]}


def grab(app: object, name: str) -> None:
    from PySide6.QtGui import QGuiApplication

    for _ in range(20):
        app.processEvents()  # type: ignore[attr-defined]
    screen = QGuiApplication.primaryScreen()
    path = OUT / name
    screen.grabWindow(0).save(str(path))
    print(path)


def later(app: object, ms: int, step: Callable[[], None]) -> None:
    """Run ``step`` after ``ms`` of the event loop (renders, thumbnails and popups land)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    step()


def shoot(app: Any, look: str) -> None:
    """Every screenshot in one appearance (light or dark)."""
    from PySide6.QtCore import QSettings, QTimer

    from app.ui.launch import apply_color_scheme

    apply_color_scheme(app, look)
    folder = Path(tempfile.mkdtemp(prefix="galley-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    store, ids = demo_store(folder)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    from app.ui.main_window import MainWindow

    # A reporter at the writing desk.
    window = MainWindow(store, settings, author="林雨晴", role="reporter")  # type: ignore[arg-type]
    window.move(0, 0)
    window.resize(*SIZE)
    window.show()
    window.open_article(ids["zh"])
    window.workspace.canvas.setFocus()
    later(app, 1500, lambda: grab(app, f"desk-zh_TW-{look}.png"))
    button = window.status_button
    assert button is not None
    QTimer.singleShot(300, lambda: grab(app, f"status-reporter-zh_TW-{look}.png"))
    QTimer.singleShot(600, lambda: button.menu_of_moves.close())
    button.showMenu()
    window.close()
    # An editor at the review queue, then what changed since they last looked.
    window = MainWindow(store, settings, author="王編輯", role="editor")  # type: ignore[arg-type]
    window.move(0, 0)
    window.resize(*SIZE)
    window.show()
    window.commands.show_queue()
    window.open_article(ids["zh"])
    window.queue.select(ids["zh"])
    later(app, 1200, lambda: None)
    button = window.status_button
    assert button is not None
    QTimer.singleShot(300, lambda: grab(app, f"queue-zh_TW-{look}.png"))
    QTimer.singleShot(600, lambda: button.menu_of_moves.close())
    button.showMenu()
    window.open_article(ids["en"])  # the editor leaves the article: read as it is now
    article = store.get_article(ids["zh"])  # type: ignore[attr-defined]
    article.body = article.body.replace("78 座", "80 座").replace(
        "他說。", "他說。\n\n水利局也將在汛期前再做一次全面演練。"
    )
    article.figures[1].caption = "里長與志工把沙包送到獨居長者家門口。"
    store.save_article(article, author="林雨晴")  # type: ignore[attr-defined]
    window.open_article(ids["zh"])
    later(app, 600, lambda: None)
    view = window.workspace.since_looked.show_changes()
    if view is not None:
        view.resize(1200, 700)
        later(app, 600, lambda: grab(app, f"changes-zh_TW-{look}.png"))
        view.close()
    window.close()
    store.close()  # type: ignore[attr-defined]


def main() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from app.ui.i18n import install_translators
    from app.ui.launch import apply_style

    install_translators(app, "zh_TW")
    apply_style(app)
    OUT.mkdir(parents=True, exist_ok=True)
    for look in ("light", "dark"):
        shoot(app, look)
    os._exit(0)  # skip interpreter teardown of Qt objects


if __name__ == "__main__":
    raise SystemExit(main())
