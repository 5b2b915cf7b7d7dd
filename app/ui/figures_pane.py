"""Figures (captions pane): thumbnails, caption, credit and alt text, the focal point the web
crops keep, order, insert at cursor."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import GalleyError
from app.core.model import Article, Figure
from app.core.values import focal_point
from app.store.store import Store

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}


def thumbnail(data: bytes, box: QSize) -> QPixmap:
    """Decode straight at thumbnail size (JPEG decodes scaled): a photo costs 2 ms, not 25."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > box.width() or size.height() > box.height()):
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()


class FiguresPane(QWidget):
    changed = Signal()
    structural_edit = Signal(str, object)
    insert_requested = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.article: Article | None = None
        self._loading = False
        self._thumbs: dict[str, QIcon] = {}
        self.list = QListWidget()
        self.list.setIconSize(QSize(96, 72))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.model().rowsMoved.connect(self._reordered)
        self.key = QLineEdit()
        self.key.setReadOnly(True)
        self.caption = QLineEdit()
        self.credit = QLineEdit()
        self.credit.setPlaceholderText(self.tr("Who took or supplied the photo"))
        self.alt = QLineEdit()
        self.alt.setPlaceholderText(self.tr("What the image shows, for readers who cannot see it"))
        form = QFormLayout()
        form.addRow(self.tr("Key"), self.key)
        form.addRow(self.tr("&Caption"), self.caption)
        form.addRow(self.tr("C&redit"), self.credit)
        form.addRow(self.tr("&Alt text"), self.alt)
        self.focus = QLineEdit()
        self.focus.setPlaceholderText(self.tr("x,y from 0 to 1 (empty: the centre)"))
        self.focus.setToolTip(
            self.tr("The point the 16:9, 4:3 and 1:1 crops for search engines keep in view")
        )
        form.addRow(self.tr("Crop &focus"), self.focus)
        buttons = QHBoxLayout()
        for label, slot in (
            (self.tr("&Add image…"), self.choose_files),
            (self.tr("&Remove"), self.remove),
            (self.tr("Move &up"), lambda: self.move_row(-1)),
            (self.tr("Move &down"), lambda: self.move_row(1)),
            (self.tr("&Insert at cursor"), self.insert_at_cursor),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._show_current)
        for field in (self.caption, self.credit, self.alt, self.focus):
            field.textEdited.connect(self._edit_current)
        self.setAcceptDrops(True)

    # -- loading and showing ------------------------------------------------------------------
    def select_row(self, row: int) -> None:
        self.list.setCurrentRow(row)

    def load(self, article: Article) -> None:
        self.article = article
        self._rebuild()

    def _thumb(self, sha: str) -> QIcon:
        if sha not in self._thumbs:
            try:
                data, _ = self.store.get_image(sha)
            except GalleyError:
                data = b""
            self._thumbs[sha] = QIcon(thumbnail(data, QSize(192, 144)))
        return self._thumbs[sha]

    def problems(self, figure: Figure) -> list[str]:
        missing = []
        if not figure.caption:
            missing.append(self.tr("no caption"))
        if not figure.credit:
            missing.append(self.tr("no credit"))
        if not figure.alt:
            missing.append(self.tr("no alt text"))
        return missing

    def _label(self, figure: Figure) -> str:
        problems = self.problems(figure)
        text = f"{figure.key}\n{figure.caption or '—'}"
        return text + (f"\n⚠ {', '.join(problems)}" if problems else "")

    def _rebuild(self) -> None:
        self._loading = True
        row = self.list.currentRow()
        self.list.clear()
        shown = self.isVisible()
        for figure in self.article.figures if self.article else []:
            # Thumbnails are decoded when the tab is first shown, not with every article
            # opened behind another tab.
            item = QListWidgetItem(
                self._thumb(figure.image) if shown else QIcon(), self._label(figure)
            )
            item.setData(Qt.ItemDataRole.UserRole, figure.key)
            item.setData(Qt.ItemDataRole.UserRole + 1, figure.image)
            if self.problems(figure):
                item.setForeground(Qt.GlobalColor.darkRed)
                item.setToolTip(", ".join(self.problems(figure)))
            self.list.addItem(item)
        self._loading = False
        if self.list.count():
            self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        else:
            self._show_current(-1)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        for n in range(self.list.count()):
            item = self.list.item(n)
            if item.icon().isNull():
                item.setIcon(self._thumb(item.data(Qt.ItemDataRole.UserRole + 1)))

    def _current(self) -> Figure | None:
        row = self.list.currentRow()
        if self.article is None or not 0 <= row < len(self.article.figures):
            return None
        return self.article.figures[row]

    def _show_current(self, _row: int) -> None:
        figure = self._current()
        for field, value in (
            (self.key, figure.key if figure else ""),
            (self.caption, figure.caption if figure else ""),
            (self.credit, figure.credit if figure else ""),
            (self.alt, figure.alt if figure else ""),
            (self.focus, figure.focus if figure else ""),
        ):
            field.setText(value)
            field.setEnabled(figure is not None)
        self._flag_fields(figure)

    def _flag_fields(self, figure: Figure | None) -> None:
        for field, value in (
            (self.credit, figure.credit if figure else "x"),
            (self.alt, figure.alt if figure else "x"),
        ):
            field.setStyleSheet("" if value else "QLineEdit { background: #fff3cd; }")

    def _edit_current(self) -> None:
        figure = self._current()
        if figure is None:
            return
        figure.caption = self.caption.text()
        figure.credit = self.credit.text()
        figure.alt = self.alt.text()
        focus = self.focus.text().strip()
        valid = focal_point(focus) is not None
        if valid:  # a half-typed point is not stored; the field shows it is not valid yet
            figure.focus = focus
        self.focus.setStyleSheet("" if valid else "QLineEdit { background: #ffd6d6; }")
        item = self.list.currentItem()
        item.setText(self._label(figure))
        self._flag_fields(figure)
        self.changed.emit()

    def _loaded(self) -> Article:
        """The loaded article (edits happen only while one is loaded)."""
        assert self.article is not None
        return self.article

    # -- structural edits ---------------------------------------------------------------------
    def _structural(self, description: str, change: Callable[[], object]) -> None:
        before = copy.deepcopy(self._loaded().figures)
        change()
        self._rebuild()
        self.structural_edit.emit(description, before)
        self.changed.emit()

    def _free_key(self, stem: str) -> str:
        base = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-_").lower()[:40] or "figure"
        keys = {f.key for f in self._loaded().figures}
        key, n = base, 1
        while key in keys:
            n += 1
            key = f"{base}-{n}"
        return key

    def add_files(self, paths: list[Path]) -> list[str]:
        """Add image files as figures; returns the new keys. Bad files are reported."""
        if self.article is None:
            return []
        added: list[Figure] = []
        for path in paths:
            try:
                # The store cleans what it is given (GPS, comments, trailing bytes): one gate.
                sha = self.store.images.add(path.read_bytes(), name=str(path))
            except (GalleyError, OSError) as exc:
                QMessageBox.warning(self, self.tr("Cannot add image"), str(exc))
                continue
            figure = Figure(key=self._free_key(path.stem), image=sha)
            self.article.figures.append(figure)
            added.append(figure)
        if added:
            figures = self.article.figures
            for figure in added:
                figures.remove(figure)
            self._structural(self.tr("Add figure"), lambda: figures.extend(added))
            self.list.setCurrentRow(len(self.article.figures) - 1)
        return [f.key for f in added]

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add images"), "", self.tr("Images (*.jpg *.jpeg *.png *.gif *.webp)")
        )
        self.add_files([Path(n) for n in names])

    def remove(self) -> None:
        row = self.list.currentRow()
        if self.article is not None and 0 <= row < len(self.article.figures):
            figures = self.article.figures
            self._structural(self.tr("Remove figure"), lambda: figures.pop(row))

    def move_row(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if self.article is None or row < 0 or not 0 <= target < len(self.article.figures):
            return

        def swap() -> None:
            f = self._loaded().figures
            f[row], f[target] = f[target], f[row]

        self._structural(self.tr("Move figure"), swap)
        self.list.setCurrentRow(target)

    def _reordered(self, *_args: object) -> None:
        if self._loading or self.article is None:
            return
        order = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        by_key = {f.key: f for f in self.article.figures}
        self._structural(
            self.tr("Reorder figures"),
            lambda: self._loaded().figures.__setitem__(slice(None), [by_key[k] for k in order]),
        )

    def insert_at_cursor(self) -> None:
        figure = self._current()
        if figure is not None:
            self.insert_requested.emit(f"![[{figure.key}]]")

    # -- drag and drop of image files ---------------------------------------------------------
    def _dropped_files(self, event: QDropEvent) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [
            Path(u.toLocalFile())
            for u in urls
            if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self._dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        files = self._dropped_files(event)
        if files:
            self.add_files(files)
            event.acceptProposedAction()
