"""Figure thumbnails decoded off the GUI thread: an article with twenty photos opens at once,
and each card shows its image when it is ready.

One worker thread reads each image from the store file through the store's own read-only
``ImageReader`` (SQLite connections are per thread) and decodes it straight at thumbnail
size (a JPEG decodes scaled: ~2 ms a photo); the ``QImage`` comes back to the GUI thread,
where it becomes a pixmap.
"""

from __future__ import annotations

import atexit
import queue
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

Ready = Callable[[str, QPixmap], None]


def decode(data: bytes, box: QSize) -> QImage:
    """An image's bytes decoded to fit ``box`` (JPEGs decode scaled)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > box.width() or size.height() > box.height()):
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


class _Decoder(QObject):
    decoded = Signal(str, QImage, object)

    def __init__(self) -> None:
        super().__init__()
        self.jobs: queue.Queue[tuple[Path, str, QSize, Ready] | None] = queue.Queue()
        self.decoded.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.worker = threading.Thread(target=self._run, name="galley-thumbnails", daemon=True)
        self.worker.start()
        # Qt's image plugins unload when the application object goes; a decode still running
        # then crashes the process on its way out. Finish (or drop) the work before that.
        atexit.register(self.stop)

    def stop(self) -> None:
        """Drop the jobs not started, let the one in hand finish, end the thread."""
        try:
            while True:
                self.jobs.get_nowait()
        except queue.Empty:
            pass
        self.jobs.put(None)
        self.worker.join(timeout=5)

    def _run(self) -> None:
        from app.store.images import ImageReader

        readers: dict[Path, ImageReader] = {}
        while True:
            job = self.jobs.get()
            if job is None:
                for open_reader in readers.values():
                    open_reader.close()
                return
            path, sha, box, ready = job
            image = QImage()
            try:
                reader = readers.get(path)
                if reader is None:
                    reader = readers[path] = ImageReader(path)
                data = reader.get(sha)
                if data is not None:
                    image = decode(data, box)
            except Exception:  # noqa: BLE001 - the card says the image could not be read
                image = QImage()
            self.decoded.emit(sha, image, ready)

    def _deliver(self, sha: str, image: QImage, ready: Ready) -> None:
        ready(sha, QPixmap.fromImage(image) if not image.isNull() else QPixmap())


_decoder: list[_Decoder] = []  # made on first use (never at import), on the GUI thread


def decode_later(store_path: Path, sha: str, box: QSize, ready: Ready) -> None:
    if not _decoder:
        _decoder.append(_Decoder())
    _decoder[0].jobs.put((Path(store_path), sha, box, ready))
