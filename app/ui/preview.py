"""The live preview: the publishing renderer, run off the UI thread, debounced.

The worker has its own store connection (SQLite connections are not shared across threads)
and renders only the newest request; the pane shows the page in a ``QTextBrowser``, a text
preview of the real page (it does not lay out figures or asides the way a browser does).
"""

from __future__ import annotations

import logging
import re
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, QUrl, Signal, Slot
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from app.core.errors import GalleyError
from app.core.model import Article

log = logging.getLogger(__name__)

DEBOUNCE_MS = 300
FIRST_RENDER_MS = 150
PREVIEW_CSS = """
body { font-family: 'Noto Sans CJK TC', 'PingFang TC', 'Microsoft JhengHei', sans-serif; }
h1 { font-size: 20pt; } .dek { color: #5f6368; font-size: 13pt; } .section { color: #a4161a; }
.byline, figcaption, .meta, .excerpt { color: #5f6368; font-size: 10pt; }
.further-reading { background-color: #f1f1f4; } .further-reading-label { color: #a4161a; }
p { line-height: 160%; }
"""


_IMG_SIZE = re.compile(r'(<img [^>]*?)width="(\d+)" height="(\d+)"')


def fit_images(html: str, width: int) -> str:
    """QTextBrowser draws images at their width attribute: scale ours to the pane."""

    def scale(m: re.Match[str]) -> str:
        w, h = int(m.group(2)), int(m.group(3))
        if w <= width:
            return m.group(0)
        return f'{m.group(1)}width="{width}" height="{round(h * width / w)}"'

    return _IMG_SIZE.sub(scale, html)


class PreviewWorker(QObject):
    """Lives in its own thread; renders article dicts into HTML."""

    rendered = Signal(int, str)
    failed = Signal(int, str)

    def __init__(self, store_path: Path, cache: Path, identity: tuple[int, int] | None) -> None:
        super().__init__()
        self.store_path = store_path
        self.identity = identity  # the window's store file: never open another by this name
        self.cache = cache
        self.latest = 0
        self.width = 480  # set from the UI thread: the pane's usable width
        self._store: Any = None

    def _image_url(self, key: str, rendition: Any) -> str:
        import hashlib

        name = hashlib.sha256(rendition.data).hexdigest()[:24] + "." + rendition.extension
        path = self.cache / name
        if not path.exists():
            path.write_bytes(rendition.data)
        return QUrl.fromLocalFile(str(path)).toString()

    @Slot(int, dict)
    def render(self, generation: int, data: dict) -> None:
        if generation < self.latest:
            return  # a newer request is queued: skip this one
        try:
            from app.publish.page import render_page
            from app.store import Store

            if self._store is None:
                self._store = Store.open(self.store_path, expect=self.identity)
            page = render_page(
                self._store, Article.from_dict(data), image_url=self._image_url, display_width=480
            )
            self.rendered.emit(generation, page.html)
        except GalleyError as exc:
            self.failed.emit(generation, str(exc))
        except Exception as exc:  # the preview must never take the editor down
            log.exception("preview failed")
            self.failed.emit(generation, f"{exc.__class__.__name__}: {exc}")

    @Slot()
    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class PreviewPane(QWidget):
    """Shows the rendered page; asks the worker for a new one a moment after edits stop."""

    render_requested = Signal(int, dict)
    shown_html = Signal(str)

    def __init__(
        self,
        store_path: Path,
        parent: QWidget | None = None,
        identity: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.document().setDefaultStyleSheet(PREVIEW_CSS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self._cache = tempfile.TemporaryDirectory(prefix="galley-preview-")
        self._generation = 0
        self._pending: Article | None = None
        self._warm = False  # the worker has rendered once (its imports are done)
        self.first_render_ms = FIRST_RENDER_MS
        self.error = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._send)
        self._thread = QThread(self)
        self._thread.setObjectName("galley-preview")
        self.worker = PreviewWorker(store_path, Path(self._cache.name), identity)
        self.worker.moveToThread(self._thread)
        self.render_requested.connect(self.worker.render)
        self.worker.rendered.connect(self._show)
        self.worker.failed.connect(self._fail)
        self._thread.start()

    def request(self, article: Article, *, now: bool = False) -> None:
        self._pending = article
        if not self._warm:
            # The worker's first render imports the publishing modules, which competes with
            # the UI thread for the interpreter: let the window paint the article first.
            self._timer.start(self.first_render_ms)
        elif now:
            self._send()
        else:
            self._timer.start(DEBOUNCE_MS)

    def _send(self) -> None:
        if self._pending is None or not self.isVisible():
            return
        self._generation += 1
        self.worker.latest = self._generation
        self.worker.width = max(160, self.browser.viewport().width() - 24)
        self.render_requested.emit(self._generation, self._pending.to_dict())
        self._pending = None

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        if self._pending is not None:
            # Let the window paint first: the worker's first render imports the publishing
            # modules, which competes with the UI thread for the interpreter.
            self._timer.start(self.first_render_ms)

    @Slot(int, str)
    def _show(self, generation: int, html: str) -> None:
        self._warm = True
        if generation != self._generation:
            return
        scroll = self.browser.verticalScrollBar().value()
        self.error = ""
        self.browser.setHtml(html)
        self.browser.verticalScrollBar().setValue(scroll)
        self.shown_html.emit(html)

    @Slot(int, str)
    def _fail(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.error = message
        from html import escape

        label = self.tr("Cannot preview:")
        self.browser.setHtml(
            f"<p style='color:#b00020'><b>{escape(label)}</b> {escape(message)}</p>"
        )
        self.shown_html.emit("")

    def shutdown(self) -> None:
        self._timer.stop()
        self._thread.quit()
        self._thread.wait(5000)
        self.worker.close()  # the thread has stopped: closing from here is safe
        self._cache.cleanup()
