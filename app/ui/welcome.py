"""The welcome view shown on an empty store: start a new article, import, open a sample, and
say who you are (the name on bylines, notes and history)."""

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

    def __init__(self, author: str, parent: QWidget | None = None) -> None:
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
        form = QFormLayout()
        form.addRow(self.tr("Your name:"), self.name)

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


class WelcomeMixin:
    """The main window's side of the welcome view (a mixin of MainWindow): shown in place of
    the editor while the store is empty, gone once an article is open."""

    def _show_welcome_if_empty(self) -> None:
        if self.session is not None or self.store.count_articles() > 0:
            return
        if getattr(self, "welcome", None) is None:
            self.welcome = WelcomeView(self.author, self)
            self.welcome.new_requested.connect(self.new_article)
            self.welcome.import_requested.connect(self.import_files)
            self.welcome.sample_requested.connect(self.open_sample)
            self.welcome.name_changed.connect(self.set_author)
            self.editor_stack.addWidget(self.welcome)
        self.editor_stack.setCurrentWidget(self.welcome)

    def _show_editor(self) -> None:
        if self.welcome is not None and self.editor_stack.currentWidget() is self.welcome:
            name = self.welcome.name.text().strip()
            if name:
                self.set_author(name)  # the name on the welcome view counts, typed or not
        self.editor_stack.setCurrentWidget(self.editor)

    def set_author(self, name: str) -> None:
        """The name on new revisions, notes and status changes, kept for the next start."""
        self.author = name
        self.settings.setValue("user/name", name)
        if self.session is not None:
            self.session.author = name

    def open_sample(self, path: Path) -> None:
        from app.core.errors import GalleyError
        from app.publish.bundle import import_path

        try:
            (article,) = import_path(self.store, path, author=self.author)
        except GalleyError as exc:
            from PySide6.QtCore import QCoreApplication
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self, QCoreApplication.translate("MainWindow", "Cannot open the sample"), str(exc)
            )
            return
        self._refresh_list(article.id)
        self.open_article(article.id)
