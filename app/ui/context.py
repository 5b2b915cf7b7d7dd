"""What every panel and card of the window is handed: the store, who is at the laptop, the
open article's editing session, and the store's change reports.

Panels do not know the window. They read the session's working copy, change it, and say so
(``edited``); they refresh from the store's change reports (``changes``, delivered in the
next turn of the event loop, after the operation that made them has returned, so a session's
own save is never mistaken for a change from elsewhere); long store work goes through
``run`` (a thread, progress and Cancel).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.core.model import Article
    from app.store.session import EditSession
    from app.store.store import Store


class EditorContext(QObject):
    """The window's shared state, as signals and a few plain attributes."""

    # A change report from the store (ours or another process's), queued.
    changes = Signal(object)
    _report = Signal(object)
    # The session's working copy was replaced (another article, or reloaded).
    opened = Signal(object)
    # A panel changed the working copy (the autosave waits for a pause).
    edited = Signal()
    # Someone wants a place in the body shown: (line, column).
    jump = Signal(int, int)
    # The person at the laptop changed (name, role).
    person_changed = Signal()

    def __init__(self, store: Store, *, author: str, role: str, host: QWidget) -> None:
        super().__init__()
        self.store = store
        self.author = author
        self.role = role
        self.host = host  # the parent of dialogs the panels open
        self.session: EditSession | None = None
        self.closed = False
        self._report.connect(self.changes.emit, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = store.changes.subscribe(self._report.emit)

    @property
    def article(self) -> Article | None:
        return self.session.article if self.session is not None else None

    def touch(self) -> None:
        """A panel changed the working copy."""
        self.edited.emit()

    def run(
        self,
        title: str,
        work: Callable[[Any], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None] | None = None,
    ) -> Any:
        """Store work that may take more than a moment, on a thread with progress and
        Cancel (``work(progress)``; ``done(result)`` back on the GUI thread)."""
        from app.ui.background import run_with_progress

        def warn(message: str) -> None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self.host, title, message)

        return run_with_progress(self.host, title, work, done, failed or warn)

    def close(self) -> None:
        """The window closed: no more reports, no more signals to the panels (a queued
        report must not wake a panel that would read the closed store)."""
        self.closed = True
        self._unsubscribe()
        self.blockSignals(True)
