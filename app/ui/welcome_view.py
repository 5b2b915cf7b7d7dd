"""The welcome view shown on an empty store: start a new article, import, open a sample, and
say who you are (the name on bylines, notes and history). Imported only for an empty store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.resources import resource_path

SAMPLES = (
    ("typhoon-drill", "颱風季前大演練（繁體中文）"),
    ("library-night", "Library night pilot (English)"),
)


def sample_paths() -> list[tuple[Path, str]]:
    """The sample articles that ship in ``resources/samples``, with their button labels."""
    return [
        (resource_path("samples", folder, "article.md"), label)
        for folder, label in SAMPLES
        if resource_path("samples", folder, "article.md").is_file()
    ]


class WelcomeView(QWidget):
    new_requested = Signal()
    import_requested = Signal()
    sample_requested = Signal(Path)
    name_changed = Signal(str)
    role_changed = Signal(str)

    def __init__(
        self, author: str, parent: QWidget | None = None, *, role: str = "reporter"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        icon = QLabel()
        icon.setPixmap(QPixmap(str(resource_path("icons", "galley-128.png"))))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Welcome to Galley"))
        title.setStyleSheet("font-size: 22px; font-weight: 600;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro = QLabel(
            self.tr(
                "This store has no articles yet. Everything you write is saved as you type, "
                "with its full history, on this computer; no network is needed."
            )
        )
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.name = QLineEdit(author)
        self.name.setPlaceholderText(self.tr("Your name"))
        self.name.setToolTip(self.tr("Shown on bylines, review notes, status changes and history"))
        self.name.editingFinished.connect(self._name_done)
        from app.ui.identity_dialog import role_box

        self.role = role_box(role)
        self.role.setToolTip(
            self.tr("Reporters submit articles for review; editors approve, publish and spike.")
        )
        self.role.currentIndexChanged.connect(
            lambda _n: self.role_changed.emit(str(self.role.currentData()))
        )
        form = QFormLayout()
        form.addRow(self.tr("Your name:"), self.name)
        form.addRow(self.tr("Your role:"), self.role)

        self.new_button = QPushButton(self.tr("New article"))
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(self.new_requested)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Markdown files, bundle folders or bundle zips"))
        self.import_button.clicked.connect(self.import_requested)
        actions = QHBoxLayout()
        actions.addStretch()
        actions.addWidget(self.new_button)
        actions.addWidget(self.import_button)
        actions.addStretch()

        samples = QHBoxLayout()
        samples.addStretch()
        samples.addWidget(QLabel(self.tr("Or open a sample article:")))
        self.sample_buttons: list[QPushButton] = []
        for path, label in sample_paths():
            button = QPushButton(label)
            button.setFlat(True)
            button.setStyleSheet("color: palette(link); text-decoration: underline;")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _c=False, p=path: self.sample_requested.emit(p))
            samples.addWidget(button)
            self.sample_buttons.append(button)
        samples.addStretch()

        column = QVBoxLayout()
        column.addStretch(2)
        column.addWidget(icon)
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(16)
        column.addLayout(form)
        column.addSpacing(8)
        column.addLayout(actions)
        column.addSpacing(8)
        column.addLayout(samples)
        column.addStretch(3)
        box = QWidget()
        box.setMaximumWidth(560)
        box.setLayout(column)
        outer = QHBoxLayout(self)
        outer.addStretch()
        outer.addWidget(box, 1)
        outer.addStretch()

    def _name_done(self) -> None:
        name = self.name.text().strip()
        if name:
            self.name_changed.emit(name)
