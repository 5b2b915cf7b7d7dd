"""Who is at this laptop: the name that goes on revisions, notes and status moves, and the
role the workflow asks before a move (a reporter submits and withdraws; an editor decides).
Kept in the window's settings; ``$GALLEY_USER`` and ``$GALLEY_ROLE`` answer for scripts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.core.workflow import EDITOR, REPORTER, ROLES, WEB_PRODUCER
from app.ui.identity import NAME_KEY, ROLE_KEY, saved_role

__all__ = ["NAME_KEY", "ROLE_KEY", "IdentityDialog", "role_box", "saved_role"]


def role_box(role: str) -> QComboBox:
    """The roles, in the window's language, ``role`` chosen."""
    from PySide6.QtCore import QCoreApplication

    box = QComboBox()
    box.setAccessibleName(QCoreApplication.translate("IdentityDialog", "Your role"))
    labels = {
        REPORTER: QCoreApplication.translate("IdentityDialog", "Reporter"),
        EDITOR: QCoreApplication.translate("IdentityDialog", "Editor"),
        WEB_PRODUCER: QCoreApplication.translate("IdentityDialog", "Web producer"),
    }
    for code in ROLES:
        box.addItem(labels[code], code)
    box.setCurrentIndex(max(0, box.findData(role)))
    return box


class IdentityDialog(QDialog):
    """Name and role, both required: a blank name is refused in the dialog, with a word."""

    def __init__(self, name: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your name and role"))
        self.name = QLineEdit(name)
        self.name.setAccessibleName(self.tr("Your name"))
        self.role = role_box(role)
        self.problem = QLabel()
        self.problem.setObjectName("dialogProblem")  # the theme's error colour
        from app.ui.theme import tint

        tint(self.problem, window_text="error")  # the theme's error colour
        self.problem.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(
            QLabel(
                self.tr(
                    "Your name goes on revisions, notes and status changes. Reporters submit "
                    "articles for review; editors approve, publish and spike them."
                )
            )
        )
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> tuple[str, str]:
        return self.name.text().strip(), str(self.role.currentData())

    def accept(self) -> None:
        if not self.name.text().strip():
            self.problem.setText(self.tr("Give your name: it goes on everything you change."))
            self.problem.show()
            self.name.setFocus()
            return
        super().accept()
