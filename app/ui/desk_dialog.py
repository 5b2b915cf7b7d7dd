"""Desk settings: the publication's name, base URL and logo, default language, who the
bylines are (author pages, organisation bylines) and the editor's picks. ``galley desk set``
sets the same, through the same validation in the store."""

from __future__ import annotations

import copy

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.model import DeskSettings
from app.core.values import is_web_url
from app.store.store import Store
from app.ui.metadata_pane import LANGUAGES, split_names
from app.ui.related_pane import RelatedPane


class DeskDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None, *, by: str) -> None:
        super().__init__(parent)
        self.by = by  # who sets the desk's settings (recorded with each)
        self.setWindowTitle(self.tr("Desk settings"))
        self.store = store
        self.settings: DeskSettings = copy.deepcopy(store.desk())
        self.name = QLineEdit(self.settings.publication_name)
        self.base_url = QLineEdit(self.settings.base_url)
        self.base_url.setPlaceholderText("https://news.example.org/")
        self.logo_url = QLineEdit(self.settings.logo_url)
        self.logo_url.setPlaceholderText("https://news.example.org/logo.png")
        self.organizations = QLineEdit("、".join(self.settings.organization_bylines))
        self.organizations.setPlaceholderText(
            self.tr("Bylines that are the newsroom, not a person")
        )
        self.author_urls = QPlainTextEdit(
            "\n".join(f"{name} = {url}" for name, url in self.settings.author_urls.items())
        )
        self.author_urls.setPlaceholderText(self.tr("One per line: name = https://…"))
        self.author_urls.setMaximumHeight(90)
        self.author_urls.setTabChangesFocus(True)
        self.language = QComboBox()
        for code, label in LANGUAGES:
            self.language.addItem(f"{label} ({code})", code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(self.settings.default_language))
        )
        form = QFormLayout()
        form.addRow(self.tr("Publication &name"), self.name)
        form.addRow(self.tr("&Base URL"), self.base_url)
        form.addRow(self.tr("&Logo URL"), self.logo_url)
        form.addRow(self.tr("Default &language"), self.language)
        form.addRow(self.tr("&Organisation bylines"), self.organizations)
        form.addRow(self.tr("&Author pages"), self.author_urls)
        self.picks = RelatedPane(store, with_kinds=False)
        self.picks.load(self.settings.editors_picks)
        picks_box = QGroupBox(self.tr("Editor's picks (shown on every article page)"))
        QVBoxLayout(picks_box).addWidget(self.picks)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(picks_box, 1)
        layout.addWidget(buttons)
        self.resize(820, 640)

    def accept(self) -> None:
        from app.core.errors import GalleyError

        url = self.base_url.text().strip()
        if url and not is_web_url(url):
            QMessageBox.warning(
                self,
                self.tr("Desk settings"),
                self.tr("The base URL must start with http:// or https://"),
            )
            return
        authors = self._author_urls()
        if authors is None:
            return
        self.settings.publication_name = self.name.text().strip()
        self.settings.base_url = url
        self.settings.logo_url = self.logo_url.text().strip()
        self.settings.organization_bylines = split_names(self.organizations.text())
        self.settings.author_urls = authors
        self.settings.default_language = self.language.currentData()
        try:  # the store checks desk settings the same way for the dialog and `galley desk`
            self.store.save_desk(self.settings, by=self.by)
        except GalleyError as exc:
            QMessageBox.warning(self, self.tr("Desk settings"), str(exc))
            return
        super().accept()

    def _author_urls(self) -> dict[str, str] | None:
        """The author pages typed as ``name = URL`` lines; None (after saying which line)
        when one is not."""
        found: dict[str, str] = {}
        for number, line in enumerate(self.author_urls.toPlainText().splitlines(), start=1):
            if not line.strip():
                continue
            name, sep, url = line.partition("=")
            if not sep or not name.strip() or not is_web_url(url.strip()):
                QMessageBox.warning(
                    self,
                    self.tr("Desk settings"),
                    self.tr("Author pages, line {n}: write name = https://…").format(n=number),
                )
                return None
            found[name.strip()] = url.strip()
        return found
