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
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from app.core.errors import GalleyError
from app.core.model import Article

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent, QShowEvent

    from app.publish.render_server import RenderServer

log = logging.getLogger(__name__)

DEBOUNCE_MS = 300
FIRST_RENDER_MS = 150


def preview_css() -> str:
    """The preview's page in the window's light or dark colours (app/ui/theme.py)."""
    from app.ui.theme import colors

    c = colors()
    return f"""
body {{ font-family: 'Noto Sans CJK TC', 'PingFang TC', 'Microsoft JhengHei', sans-serif; }}
h1 {{ font-size: 20pt; }} .dek {{ color: {c["muted"]}; font-size: 13pt; }}
.section {{ color: {c["accent"]}; }} a {{ color: {c["link"]}; }}
.byline, figcaption, .meta, .excerpt {{ color: {c["muted"]}; font-size: 10pt; }}
.further-reading {{ background-color: {c["card"]}; }}
.further-reading-label {{ color: {c["accent"]}; }}
p {{ line-height: 160%; }}
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
        self._renderer: RenderServer | None = None  # the forked process's renderer, here

    @Slot(int, dict)
    def render(self, generation: int, data: dict[str, Any]) -> None:
        if generation < self.latest:
            return  # a newer request is queued: skip this one
        try:
            if self._renderer is None:
                from app.config import rendition_cache_path
                from app.publish.render_server import RenderServer
                from app.publish.rendition_cache import RenditionCache

                self._renderer = RenderServer(
                    self.store_path,
                    self.cache,
                    self.identity,
                    renditions=RenditionCache(rendition_cache_path()),
                )
            self.rendered.emit(generation, self._renderer.render(data))
        except GalleyError as exc:
            self.failed.emit(generation, str(exc))
        except Exception as exc:  # the preview must never take the editor down
            log.exception("preview failed")
            self.failed.emit(generation, f"{exc.__class__.__name__}: {exc}")

    @Slot()
    def close(self) -> None:
        if self._renderer is not None:
            self._renderer.close()
            self._renderer = None


class ProcessRenderer(QObject):
    """The window's end of the forked render server (``app.publish.render_server``): the
    same signals as ``PreviewWorker``, its replies read as the pipe becomes readable. If the
    server says it opened another file than the window's store, or ends, ``lost`` fires and
    the pane renders on its thread instead."""

    rendered = Signal(int, str)
    failed = Signal(int, str)
    lost = Signal()

    def __init__(
        self, pid: int, write_fd: int, read_fd: int, cache: Path, identity: tuple[int, int] | None
    ) -> None:
        super().__init__()
        import os

        self.pid = pid
        self.cache = cache
        self.identity = identity
        self.alive = True
        self._requests = os.fdopen(write_fd, "wb")
        self._read_fd = read_fd
        self._buffer = b""
        self._hello = False
        self.notifier = QSocketNotifier(read_fd, QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._readable)

    def render(self, generation: int, data: dict[str, Any]) -> None:
        import json

        if not self.alive:
            return
        try:
            line = json.dumps({"gen": generation, "article": data}, ensure_ascii=False)
            self._requests.write(line.encode("utf-8") + b"\n")
            self._requests.flush()
        except (OSError, ValueError):
            self._lose()

    def _readable(self) -> None:
        import json
        import os

        try:
            chunk = os.read(self._read_fd, 1 << 20)
        except OSError:
            chunk = b""
        if not chunk:
            self._lose()
            return
        self._buffer += chunk
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            try:
                reply = json.loads(line)
            except ValueError:
                continue
            if "hello" in reply:
                opened = tuple(reply["hello"]) if reply["hello"] else None
                if self.identity is not None and opened != self.identity:
                    log.warning("the preview renderer opened another store file; using a thread")
                    self._lose()
                    return
                self._hello = True
            elif "html" in reply:
                self.rendered.emit(int(reply["gen"]), reply["html"])
            elif "error" in reply:
                self.failed.emit(int(reply["gen"]), reply["error"])

    def _lose(self) -> None:
        if self.alive:
            self.alive = False
            self.notifier.setEnabled(False)
            self.lost.emit()

    def close(self) -> None:
        """End the server (it stops at the end of its input) and collect it."""
        import contextlib
        import os
        import shutil

        self.alive = False
        self.notifier.setEnabled(False)
        with contextlib.suppress(OSError, ValueError):
            self._requests.close()
        with contextlib.suppress(OSError):
            os.close(self._read_fd)
        import signal
        import time

        deadline = time.monotonic() + 2.0
        with contextlib.suppress(ChildProcessError, OSError):
            while os.waitpid(self.pid, os.WNOHANG) == (0, 0):
                if time.monotonic() > deadline:  # it should have ended with its input
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
                    break
                time.sleep(0.01)
        shutil.rmtree(self.cache, ignore_errors=True)


class PreviewPane(QWidget):
    """Shows the rendered page; asks the worker for a new one a moment after edits stop."""

    render_requested = Signal(int, dict)
    shown_html = Signal(str)

    def __init__(
        self,
        store_path: Path,
        parent: QWidget | None = None,
        identity: tuple[int, int] | None = None,
        renderer: ProcessRenderer | None = None,
    ) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Preview of the page"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        # A page is taller than the pane: with the scroll bar there from the start, the
        # images are fitted once, not again when it appears and the pane narrows.
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.browser.document().setDefaultStyleSheet(preview_css())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.raw_html = ""  # the last page as rendered, before its images were fitted
        self._fitted_width = 0  # the width its images were fitted to
        self._refit_timer = QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(120)
        self._refit_timer.timeout.connect(self._refit)
        self._cache = tempfile.TemporaryDirectory(prefix="galley-preview-")
        self._generation = 0
        self._pending: Article | None = None
        self._warm = False  # the worker has rendered once (its imports are done)
        self.first_render_ms = FIRST_RENDER_MS
        self.article_shown: Article | None = None  # the last one asked for
        self.error = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._send)
        self._thread = QThread(self)
        self._thread.setObjectName("galley-preview")
        self.worker = PreviewWorker(store_path, Path(self._cache.name), identity)
        self.worker.moveToThread(self._thread)
        self.worker.rendered.connect(self._show)
        self.worker.failed.connect(self._fail)
        self._thread.start()
        # A forked render server, when the window has one: renders on the other core.
        self.renderer = renderer
        if renderer is not None and renderer.alive:
            self._warm = True  # its imports happen in its own process
            self.render_requested.connect(renderer.render)
            renderer.rendered.connect(self._show)
            renderer.failed.connect(self._fail)
            renderer.lost.connect(self._use_thread)
        else:
            self.render_requested.connect(self.worker.render)

    def request(self, article: Article, *, now: bool = False) -> None:
        self._pending = article
        self.article_shown = article
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

    def _usable_width(self) -> int:
        return max(120, self.browser.viewport().width() - 24)

    def _refit(self) -> None:
        """The pane changed width: the images fitted again (never wider than the pane)."""
        if self.raw_html and self._usable_width() != self._fitted_width:
            scroll = self.browser.verticalScrollBar().value()
            self._fitted_width = self._usable_width()
            self.browser.setHtml(fit_images(self.raw_html, self._fitted_width))
            self.browser.verticalScrollBar().setValue(scroll)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._refit_timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
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
        self.raw_html = html
        self._fitted_width = self._usable_width()
        self.browser.setHtml(fit_images(html, self._fitted_width))
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

    def _use_thread(self) -> None:
        """The render server is gone: render on the thread from now on (and this request)."""
        if self.renderer is not None:
            self.render_requested.disconnect(self.renderer.render)
        self.render_requested.connect(self.worker.render)
        if self.article_shown is not None:
            self.request(self.article_shown, now=True)

    def shutdown(self) -> None:
        if self.renderer is not None:
            self.renderer.close()
        self._timer.stop()
        self._thread.quit()
        self._thread.wait(5000)
        self.worker.close()  # the thread has stopped: closing from here is safe
        self._cache.cleanup()
