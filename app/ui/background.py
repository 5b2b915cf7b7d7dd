"""Slow work off the UI thread: import, export and backup, with progress and Cancel.

The work runs on a plain Python thread with its own store connection (SQLite connections are
per thread); it reports through ``progress(done, total, what)``, which raises ``Cancelled``
once the user pressed Cancel, so an import rolls back and an export or backup removes what
it had started. Results and errors come back to the UI thread as queued Qt signals.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.core.errors import Cancelled, GalleyError

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Work = Callable[[Progress], Any]


class BackgroundTask(QObject):
    """One piece of work on its own thread. Signals arrive on the UI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal(str)
    ended = Signal()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = threading.Event()
        self.worker: threading.Thread | None = None

    def start(self) -> None:
        self.worker = threading.Thread(target=self._run, name="galley-task", daemon=True)
        self.worker.start()

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int, what: str) -> None:
        if self._stop.is_set():
            raise Cancelled(
                QCoreApplication.translate("MainWindow", "Cancelled; nothing of it was kept.")
            )
        self.progressed.emit(done, total, what)

    def _run(self) -> None:
        try:
            result = self._work(self._progress)
        except Cancelled as exc:
            self.cancelled.emit(str(exc))
        except GalleyError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - reported, never a dead thread and a hung dialog
            log.exception("background task failed")
            self.failed.emit(
                QCoreApplication.translate("MainWindow", "Internal error: {error}").format(
                    error=f"{exc.__class__.__name__}: {exc}"
                )
            )
        else:
            self.succeeded.emit(result)
        self.ended.emit()


def run_with_progress(
    parent: QWidget,
    title: str,
    work: Work,
    on_success: Callable[[Any], None],
    on_failure: Callable[[str], None],
) -> BackgroundTask:
    """Start ``work`` with a progress dialog (shown after 400 ms) whose Cancel stops it."""
    task = BackgroundTask(work, parent)
    dialog = QProgressDialog(
        title, QCoreApplication.translate("MainWindow", "Cancel"), 0, 0, parent
    )
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(task.cancel)

    def progressed(done: int, total: int, what: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        dialog.setLabelText(f"{title}\n{what}")

    def ended() -> None:
        dialog.canceled.disconnect(task.cancel)
        dialog.close()
        dialog.deleteLater()

    task.progressed.connect(progressed)
    task.succeeded.connect(on_success)
    task.failed.connect(on_failure)
    task.cancelled.connect(on_failure)
    task.ended.connect(ended)
    task.dialog = dialog  # type: ignore[attr-defined]
    # Started from the event loop: whoever called can still connect to its signals first.
    QTimer.singleShot(0, task.start)
    return task
