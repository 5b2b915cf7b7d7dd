"""Details (資料) in the side panel: byline, section, tags, language, slug (the address: it
can change until the article is first published), status, the dates readers see and a
correction. The title and dek are on the page itself."""

from __future__ import annotations

from collections.abc import Callable

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
    """``free_slug(slug, article_id)``: the store's answer to "is this address taken?" (a
    taken one gets a suffix), so a suggested slug never fails the next save."""

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        free_slug: Callable[[str, str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.article: Article | None = None
        self.free_slug = free_slug or (lambda slug, _id: slug)
        self._loading = False
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
        self.slug.setAccessibleName(self.tr("Slug: the article's web address"))
        self.suggest = QPushButton(self.tr("Suggest"))
        self.suggest.setToolTip(self.tr("Suggest a slug from the title (or the English title)"))
        self.english_title = QLineEdit()
        self.english_title.setAccessibleName(self.tr("English title for the address"))
        self.english_title.setPlaceholderText(self.tr("Optional: an English title for the address"))
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
        slug_box = QVBoxLayout()
        slug_box.addLayout(slug_row)
        slug_box.addWidget(self.english_title)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        slug_label = QLabel(self.tr("Sl&ug"))
        slug_label.setBuddy(self.slug)
        form.addRow(self.tr("&Byline"), self.byline)
        form.addRow(self.tr("Se&ction"), self.section)
        form.addRow(self.tr("Ta&gs"), self.tags)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(slug_label, slug_box)
        form.addRow(self.tr("S&tatus"), self.status)
        form.addRow(self.tr("Dates"), self.dates)
        correction_row = QVBoxLayout()
        correction_row.addWidget(self.correction)
        correction_row.addWidget(self.correction_date)
        correction_label = QLabel(self.tr("C&orrection"))
        correction_label.setBuddy(self.correction)
        form.addRow(correction_label, correction_row)
        for widget in (self.byline, self.tags, self.slug):
            widget.textEdited.connect(self._store)
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
        self.byline.setText("、".join(article.byline))
        self.section.setCurrentText(article.section)
        self.tags.setText(", ".join(article.tags))
        index = self.language.findData(article.language)
        if index >= 0:
            self.language.setCurrentIndex(index)
        else:
            self.language.setCurrentText(article.language)
        self.slug.setText(article.slug)
        # The address is fixed once the article was published: links to it must keep working.
        fixed = bool(article.published)
        self.slug.setReadOnly(fixed)
        self.suggest.setEnabled(not fixed)
        self.english_title.setEnabled(not fixed)
        self.slug.setToolTip(
            self.tr("Published: the address stays as it is, so links to it keep working")
            if fixed
            else ""
        )
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
        from app.ui.theme import tint, untint

        if ok:
            untint(self.slug)
        else:
            tint(self.slug, base="error_bg", text="text")  # the theme's problem ground
        self.slug.setToolTip(
            "" if ok else self.tr("A slug uses a-z, 0-9 and single hyphens; this one is not saved")
        )

    def _suggested(self, title: str) -> str:
        a = self.article
        assert a is not None
        return suggest_slug(title, a.published, a.id, english_title=self.english_title.text())

    def suggest_slug(self) -> None:
        if self.article is None or self.article.published:
            return
        self.slug.setText(self.free_slug(self._suggested(self.article.title), self.article.id))
        self._store()

    def follow_title(self, old_title: str, new_title: str) -> None:
        """While the slug is still the one made from the title (never typed by hand) and
        the article unpublished, it follows the title."""
        import re

        a = self.article
        if a is None or a.published:
            return
        made = re.escape(self._suggested(old_title)) + r"(-[0-9a-z]+)?"
        if not re.fullmatch(made, a.slug):
            return
        slug = self.free_slug(self._suggested(new_title), a.id)
        if slug != a.slug and is_valid_slug(slug):
            a.slug = slug
            self.slug.setText(slug)
            self._check_slug()
