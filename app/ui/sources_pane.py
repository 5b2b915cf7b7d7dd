"""Sources (參考新聞來源): the list (date, outlet, headline) with a form for the chosen
source's every field; a pasted list is read and previewed (``app.ui.source_paste``)."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDataWidgetMapper,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.core.model import Article, Source
from app.core.sources import parse_source_line, source_problems
from app.core.values import is_web_url
from app.ui import theme

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.ui.source_paste import SourcePasteDialog

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
                return theme.color("error_bg")
            if role == Qt.ItemDataRole.ForegroundRole:
                return theme.color("text")
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.problem_text(problem)
        return None

    def problem_text(self, problem: str) -> str:
        from app.ui.source_paste import source_problem_text

        return source_problem_text(problem)

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
        self.paste_dialog: SourcePasteDialog | None = None
        self.model = SourcesModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Sources"))
        self.table.setModel(self.model)
        # The panel is narrow: date, outlet and headline in the list; every field of the
        # chosen source in the form under it.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 92)
        self.table.setColumnWidth(1, 96)
        for column in (3, 4):
            self.table.setColumnHidden(column, True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the form
        buttons = QHBoxLayout()
        for symbol, label, slot in (
            ("+", self.tr("Add a source"), self.add),
            ("−", self.tr("Remove the source"), self.remove),
            ("↑", self.tr("Move the source up"), lambda: self.move_row(-1)),
            ("↓", self.tr("Move the source down"), lambda: self.move_row(1)),
            (self.tr("Sort by date"), self.tr("Sort by date"), self.sort_by_date),
            (self.tr("Paste a list…"), self.tr("Paste a list of sources"), self.paste),
        ):
            button = QToolButton()
            button.setText(symbol)
            button.setToolTip(label)
            button.setAccessibleName(label)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        self.mapper = QDataWidgetMapper(self)
        self.mapper.setModel(self.model)
        self.mapper.setSubmitPolicy(QDataWidgetMapper.SubmitPolicy.AutoSubmit)
        self.fields: dict[str, QLineEdit] = {}
        for column, (name, label) in enumerate(
            (
                ("date", self.tr("Date")),
                ("outlet", self.tr("Outlet")),
                ("title", self.tr("Headline")),
                ("url", self.tr("URL")),
                ("note", self.tr("Note")),
            )
        ):
            edit = self.fields[name] = QLineEdit()
            edit.setAccessibleName(self.tr("Source {field}").format(field=label))
            form.addRow(label, edit)
            self.mapper.addMapping(edit, column)
        self.fields["date"].setPlaceholderText("2024-09-30")
        self.fields["url"].setPlaceholderText("https://")
        self.form.setEnabled(False)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.model.modelReset.connect(lambda: self._row_chosen(self.table.currentIndex()))
        self.model.dataChanged.connect(lambda *_: self.mapper.revert())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.form)
        self.model.edited.connect(self.changed)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self.table)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self.paste)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _row_chosen(self, index: QModelIndex | QPersistentModelIndex) -> None:
        chosen = index.isValid() and index.row() < len(self.model.sources)
        self.form.setEnabled(chosen)
        if chosen:
            self.mapper.setCurrentIndex(index.row())
        else:
            for edit in self.fields.values():
                edit.clear()

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
        self.fields["date"].setFocus()

    def add_sources(self, sources: list[Source]) -> int:
        if sources:
            self._structural(
                self.tr("Paste sources"), lambda: self._current().sources.extend(sources)
            )
            self.table.setCurrentIndex(self.model.index(len(self.model.sources) - 1, 0))
        return len(sources)

    def paste_text(self, text: str) -> SourcePasteDialog | None:
        """Read a pasted source list (any of the ways reporters write one) and show what
        was read in a preview; the rows checked there are added, as one undo step."""
        import datetime as dt

        from app.core.sources import parse_sources
        from app.ui.source_paste import SourcePasteDialog

        if self.article is None:
            return None
        known = {s.outlet for s in self.article.sources if s.outlet}
        rows = parse_sources(text, today=dt.date.today(), known_outlets=known)
        if not rows:
            QToolTip.showText(
                self.table.mapToGlobal(self.table.rect().center()),
                self.tr("The clipboard holds no text to read sources from."),
            )
            return None
        dialog = self.paste_dialog = SourcePasteDialog(rows, self)
        dialog.accepted.connect(lambda: self.add_sources(dialog.chosen()))
        dialog.open()
        return dialog

    def paste(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

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
