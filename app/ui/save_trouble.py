"""When saving goes wrong: failed saves, edit conflicts, the emergency save and the recovery
copy (composed into MainWindow). Nothing the user typed is dropped on any of these paths.

Strings use the ``MainWindow`` translation context explicitly: at run time ``tr`` looks
them up under the window's class, and lupdate must file them there too.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.core.errors import ConflictError, GalleyError

if TYPE_CHECKING:
    from app.ui.host import WindowHost

log = logging.getLogger(__name__)


class SaveTrouble:
    """What the window does when a save fails or conflicts: says so, keeps a recovery copy,
    retries, asks Keep mine / Reload theirs. Uses the window's session, saved label and
    autosave timer."""

    def __init__(self, main: WindowHost) -> None:
        self.main = main
        self.error = ""  # the last failure shown, so it is not shown again each retry

    def save_failed(self, message: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        log.error("save failed: %s", message)
        self.main.saved_label.setText(QCoreApplication.translate("MainWindow", "NOT SAVED"))
        from app.ui.theme import set_bold, tint

        self.main.saved_label.setObjectName("savedTrouble")
        tint(self.main.saved_label, window_text="error")  # the theme's error colour
        set_bold(self.main.saved_label, True)
        if message != self.error:
            self.error = message
            text = QCoreApplication.translate(
                "MainWindow",
                "Your text is safe in this window but is not in the store yet:\n\n{error}\n\n"
                "Galley keeps trying every few seconds.",
            ).format(error=message)
            copy = self.recovery_copy()
            if copy is not None:
                text += "\n\n" + QCoreApplication.translate(
                    "MainWindow", "A copy of the article was also written to\n{path}"
                ).format(path=copy)
            QMessageBox.critical(
                self.main.as_widget(),
                QCoreApplication.translate("MainWindow", "Could not save"),
                text,
            )
        self.main.autosave.start(5000)
        return False

    def ask_conflict(self) -> str:
        """Ask how to resolve an edit conflict: 'mine' or 'theirs'. Nothing is lost either way."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.main.as_widget())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "Changed elsewhere"))
        box.setText(
            QCoreApplication.translate(
                "MainWindow",
                "This article was changed in another window or by another "
                "program since you opened it.",
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "MainWindow",
                "Keep mine: your version becomes the current one; "
                "theirs stays in the history.\nReload theirs: their "
                "version becomes current; yours stays in the history.",
            )
        )
        keep = box.addButton(
            QCoreApplication.translate("MainWindow", "Keep mine"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(
            QCoreApplication.translate("MainWindow", "Reload theirs"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(keep)
        box.exec()
        return "mine" if box.clickedButton() is keep else "theirs"

    def resolve_conflict(self, conflict: ConflictError) -> bool:
        session = self.main.session
        assert session is not None  # a conflict comes from saving the open article
        choice = self.ask_conflict()
        try:
            if choice == "mine":
                session.keep_mine(conflict)
            else:
                session.take_theirs(conflict)
            if choice != "mine":
                self.main.workspace.load(session.article)
        except GalleyError as exc:
            return self.save_failed(str(exc))
        self.main.show_saved()
        return True  # the store's change report brings the list up to date

    def emergency_save(self) -> None:
        """Called before an error is shown: whatever happens next, the text is in the store."""
        try:
            self.main.save_now()
        except Exception:  # noqa: BLE001 - we are already handling an error
            log.exception("emergency save failed")

    def recovery_copy(self) -> Path | None:
        """A Markdown copy of the open article in the data folder, for when the store cannot
        take the text (full disk, store gone). None if even that cannot be written."""
        from app.config import recovery_dir
        from app.exchange.source import article_to_markdown

        if self.main.session is None:
            return None
        article = self.main.session.article
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = recovery_dir() / f"{article.slug}-{stamp}.md"
        images = {f.key: f"missing/{f.key}" for f in article.figures}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(article_to_markdown(article, images), encoding="utf-8")
        except OSError as exc:
            log.error("recovery copy %s not written: %s", path, exc)
            return None
        log.warning("unsaved article written to %s", path)
        return path

    def write_recovery_copy(self) -> None:
        """Last resort on closing with unsaved text: the copy, and where it went."""
        from PySide6.QtWidgets import QMessageBox

        path = self.recovery_copy()
        QMessageBox.information(
            self.main.as_widget(),
            QCoreApplication.translate("MainWindow", "Copy kept"),
            QCoreApplication.translate(
                "MainWindow", "A copy of the unsaved article was written to\n{path}"
            ).format(path=path)
            if path is not None
            else QCoreApplication.translate(
                "MainWindow", "No copy could be written either; the unsaved changes are lost."
            ),
        )
