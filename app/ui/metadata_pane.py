"""Metadata: title, dek, byline, section, tags, language, slug, status, the dates readers
see and a correction."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.model import STATUSES, Article
from app.core.slugs import is_valid_slug, suggest_slug

LANGUAGES = [("zh-Hant", "中文(繁體)"), ("en", "English")]


def _today() -> str:
    import datetime as dt

    return dt.date.today().isoformat()


def split_names(text: str) -> list[str]:
    import re

    return [p.strip() for p in re.split(r"[,,、;;]", text) if p.strip()]


class MetadataPane(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article: Article | None = None
        self._loading = False
        self.title = QLineEdit()
        self.dek = QPlainTextEdit()
        self.dek.setMaximumHeight(72)
        self.dek.setTabChangesFocus(True)
        self.byline = QLineEdit()
        self.byline.setPlaceholderText(self.tr("Names separated by commas"))
        self.section = QComboBox()
        self.section.setEditable(True)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Tags separated by commas"))
        self.language = QComboBox()
        self.language.setEditable(True)
        for code, name in LANGUAGES:
            self.language.addItem(f"{name} ({code})", code)
        self.slug = QLineEdit()
        self.suggest = QPushButton(self.tr("Suggest"))
        self.suggest.setToolTip(self.tr("Suggest a slug from the title"))
        self.status = QComboBox()
        # Status moves only through the workflow (Review pane), where each change is recorded.
        self.status.setEnabled(False)
        self.status.setToolTip(self.tr("Change the status in the Review pane; it is recorded."))
        for status in STATUSES:
            self.status.addItem(self.status_label(status), status)
        # What the page's dateline shows: set by the store, never typed.
        self.dates = QLabel()
        self.dates.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.correction = QPlainTextEdit()
        self.correction.setMaximumHeight(60)
        self.correction.setTabChangesFocus(True)
        self.correction.setPlaceholderText(
            self.tr("A correction readers must see (shown on the page with its date)")
        )
        self.correction_date = QLabel()
        slug_row = QHBoxLayout()
        slug_row.addWidget(self.slug)
        slug_row.addWidget(self.suggest)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        slug_label = QLabel(self.tr("Sl&ug"))
        slug_label.setBuddy(self.slug)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Dek"), self.dek)
        form.addRow(self.tr("&Byline"), self.byline)
        form.addRow(self.tr("S&ection"), self.section)
        form.addRow(self.tr("Ta&gs"), self.tags)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(slug_label, slug_row)
        form.addRow(self.tr("Stat&us"), self.status)
        form.addRow(self.tr("Dates"), self.dates)
        correction_row = QVBoxLayout()
        correction_row.addWidget(self.correction)
        correction_row.addWidget(self.correction_date)
        correction_label = QLabel(self.tr("C&orrection"))
        correction_label.setBuddy(self.correction)
        form.addRow(correction_label, correction_row)
        for widget in (self.title, self.byline, self.tags, self.slug):
            widget.textEdited.connect(self._store)
        self.dek.textChanged.connect(self._store)
        self.correction.textChanged.connect(self._store)
        self.section.currentTextChanged.connect(self._store)
        self.language.currentTextChanged.connect(self._store)
        self.suggest.clicked.connect(self.suggest_slug)

    def status_label(self, status: str) -> str:
        from app.ui.i18n import status_label

        return status_label(status)

    def set_sections(self, sections: list[str]) -> None:
        current = self.section.currentText()
        self.section.blockSignals(True)
        self.section.clear()
        self.section.addItems(sections)
        self.section.setCurrentText(current)
        self.section.blockSignals(False)

    def load(self, article: Article) -> None:
        self._loading = True
        self.article = article
        self.title.setText(article.title)
        self.dek.setPlainText(article.dek)
        self.byline.setText("、".join(article.byline))
        self.section.setCurrentText(article.section)
        self.tags.setText(", ".join(article.tags))
        index = self.language.findData(article.language)
        if index >= 0:
            self.language.setCurrentIndex(index)
        else:
            self.language.setCurrentText(article.language)
        self.slug.setText(article.slug)
        self.show_status(article.status)
        self.correction.setPlainText(article.correction)
        self.show_dates(article)
        self._check_slug()
        self._loading = False

    def show_status(self, status: str) -> None:
        """The status moved (here or elsewhere); the fields being edited are left alone."""
        self.status.setCurrentIndex(max(0, self.status.findData(status)))

    def show_dates(self, article: Article) -> None:
        """Published and updated as the page says them (updated: the last change readers
        see; a status change does not count), and the correction's date."""
        published = article.published[:16].replace("T", " ") or self.tr("not yet published")
        updated = article.updated[:16].replace("T", " ")
        text = self.tr("Published {published}").format(published=published)
        if updated and updated != published:
            text += " · " + self.tr("content updated {updated}").format(updated=updated)
        self.dates.setText(text)
        self.correction_date.setText(
            self.tr("Dated {date}").format(date=article.correction_date)
            if article.correction_date
            else ""
        )

    def _language(self) -> str:
        data = self.language.currentData()
        text = self.language.currentText().strip()
        for code, name in LANGUAGES:
            if text == f"{name} ({code})":
                return code
        return data if data and text.endswith(f"({data})") else text

    def _store(self) -> None:
        if self._loading or self.article is None:
            return
        a = self.article
        a.title = self.title.text()
        a.dek = self.dek.toPlainText()
        a.byline = split_names(self.byline.text())
        a.section = self.section.currentText().strip()
        a.tags = split_names(self.tags.text())
        a.language = self._language() or a.language
        if is_valid_slug(self.slug.text()):
            a.slug = self.slug.text()
        correction = self.correction.toPlainText().strip()
        if correction != a.correction:
            # A correction is dated the day it is written; clearing it clears the date.
            a.correction = correction
            a.correction_date = (a.correction_date or _today()) if correction else ""
            self.show_dates(a)
        self._check_slug()
        self.changed.emit()

    def _check_slug(self) -> None:
        ok = is_valid_slug(self.slug.text())
        self.slug.setStyleSheet("" if ok else "QLineEdit { background: #ffd6d6; }")
        self.slug.setToolTip(
            "" if ok else self.tr("A slug uses a-z, 0-9 and single hyphens; this one is not saved")
        )

    def suggest_slug(self) -> None:
        if self.article is None:
            return
        self.slug.setText(suggest_slug(self.title.text(), self.article.published, self.article.id))
        self._store()
