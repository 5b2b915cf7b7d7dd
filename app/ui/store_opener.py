"""Opening a store that needs an upgrade, off the UI thread.

A store written by an older Galley is migrated when it is opened: seconds for most, a few
minutes, once, for an archive of a million articles. The window keeps painting and says
what is happening instead of hanging with no word.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.core.errors import GalleyError, StoreError
from app.store import Store

log = logging.getLogger(__name__)


class StoreOpener(QObject):
    """Opens the store at ``path`` on a thread under a busy dialog; ``opened`` carries the
    Store, ``failed`` the error to show (both delivered on the UI thread)."""

    opened = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QWidget, path: Path) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.dialog = QProgressDialog(
            self.tr(
                "Upgrading the store for this version of Galley…\n{path}\n\n"
                "A large archive takes a few minutes, once. Closing Galley meanwhile "
                "loses nothing: the upgrade starts again next time."
            ).format(path=self.path),
            "",
            0,
            0,
            parent,
        )
        self.dialog.setWindowTitle(self.tr("Upgrading the store"))
        self.dialog.setCancelButton(None)  # one transaction: nothing to stop half-way
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.opened.connect(self._done)
        self.failed.connect(self._done)

    def start(self) -> None:
        self.dialog.show()
        threading.Thread(target=self._open, name="galley-upgrade", daemon=True).start()

    def _open(self) -> None:
        try:
            store = Store.open(self.path)
        except GalleyError as exc:
            self.failed.emit(exc)
            return
        except Exception as exc:  # noqa: BLE001 - reported to the window, never lost
            log.exception("upgrading %s failed", self.path)
            self.failed.emit(StoreError(f"{self.path}: the upgrade failed ({exc})"))
            return
        self.opened.emit(store)

    def _done(self, _result: object) -> None:
        self.dialog.close()
