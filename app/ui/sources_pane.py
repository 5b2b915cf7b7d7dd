"""Sources (參考新聞來源): an editable table; paste a line to fill date, outlet and title."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.core.model import Article, Source
from app.core.sources import parse_source_line, source_problems
from app.core.values import is_web_url

if TYPE_CHECKING:
    from collections.abc import Callable

Index = QModelIndex | QPersistentModelIndex
FIELDS = ("date", "outlet", "title", "url", "note")


class SourcesModel(QAbstractTableModel):
    edited = Signal()
    rejected = Signal(str)  # a value the store would refuse (a URL that is not a web address)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sources: list[Source] = []

    def set_sources(self, sources: list[Source]) -> None:
        self.beginResetModel()
        self.sources = sources
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.sources)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("Date"),
                self.tr("Outlet"),
                self.tr("Title"),
                self.tr("URL"),
                self.tr("Note"),
            ][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        source = self.sources[index.row()]
        name = FIELDS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(source, name)
        problem = source_problems(source).get(name)
        if problem and name != "note":
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor("#ffd6d6")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#1d1d1f")
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.problem_text(problem)
        return None

    def problem_text(self, problem: str) -> str:
        return {
            "date is in the future": self.tr("The date is in the future"),
            "not a date (use YYYY-MM-DD)": self.tr("Not a date (use YYYY-MM-DD)"),
            "date is missing": self.tr("The date is missing"),
            "outlet is missing": self.tr("The outlet is missing"),
            "title is missing": self.tr("The title is missing"),
            "not an http(s) URL": self.tr("Not an http(s) URL"),
        }.get(problem, problem)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        name = FIELDS[index.column()]
        text = str(value).strip()
        if name == "date":
            parsed = parse_source_line(f"{text} x y")
            text = parsed.date if parsed else text
        if name == "url" and text and not is_web_url(text):
            # The store keeps only web addresses (the page's rule): "www.cna.com.tw/…" gets
            # its https://; anything else is refused here, not at the next save.
            if is_web_url("https://" + text) and "." in text.split("/")[0]:
                text = "https://" + text
            else:
                QToolTip.showText(
                    QCursor.pos(), self.problem_text("not an http(s) URL") + f": {text}"
                )
                self.rejected.emit(text)
                return False
        setattr(self.sources[index.row()], name, text)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 4))
        self.edited.emit()
        return True


class SourcesPane(QWidget):
    """``structural_edit(description, before)`` lets the window put removals on its undo stack."""

    changed = Signal()
    structural_edit = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article: Article | None = None
        self.model = SourcesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 140)
        self.table.setColumnWidth(2, 360)
        self.table.setColumnWidth(3, 260)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        buttons = QHBoxLayout()
        for label, slot in (
            (self.tr("&Add"), self.add),
            (self.tr("&Remove"), self.remove),
            (self.tr("Move &up"), lambda: self.move_row(-1)),
            (self.tr("Move &down"), lambda: self.move_row(1)),
            (self.tr("Sort by date"), self.sort_by_date),
            (self.tr("&Paste lines"), self.paste),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.model.edited.connect(self.changed)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self.table)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self.paste)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def load(self, article: Article) -> None:
        self.article = article
        self.model.set_sources(article.sources)

    def _row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _structural(self, description: str, change: Callable[[], object]) -> None:
        if self.article is None:
            return
        before = copy.deepcopy(self._current().sources)
        change()
        self.model.set_sources(self._current().sources)
        self.structural_edit.emit(description, before)
        self.changed.emit()

    def _current(self) -> Article:
        """The loaded article (edits happen only while one is loaded)."""
        assert self.article is not None
        return self.article

    def add(self) -> None:
        self._structural(self.tr("Add source"), lambda: self._current().sources.append(Source()))
        self.table.setCurrentIndex(self.model.index(len(self.model.sources) - 1, 0))
        self.table.edit(self.table.currentIndex())

    def add_lines(self, text: str) -> int:
        parsed = [s for s in (parse_source_line(line) for line in text.splitlines()) if s]
        if parsed:
            self._structural(
                self.tr("Paste sources"), lambda: self._current().sources.extend(parsed)
            )
        return len(parsed)

    def paste(self) -> None:
        self.add_lines(QGuiApplication.clipboard().text())

    def remove(self) -> None:
        row = self._row()
        if row >= 0:
            self._structural(self.tr("Remove source"), lambda: self._current().sources.pop(row))

    def move_row(self, step: int) -> None:
        row = self._row()
        target = row + step
        if row < 0 or not 0 <= target < len(self.model.sources):
            return

        def swap() -> None:
            s = self._current().sources
            s[row], s[target] = s[target], s[row]

        self._structural(self.tr("Move source"), swap)
        self.table.setCurrentIndex(self.model.index(target, 0))

    def sort_by_date(self) -> None:
        self._structural(
            self.tr("Sort sources"),
            lambda: self._current().sources.sort(key=lambda s: s.date or "9999"),
        )
