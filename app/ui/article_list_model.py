"""The article list as a Qt model that reads the store page by page (``fetchMore``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.store.store import ArticleSummary, Store

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractTableModel):
    """Title, status, section, byline, updated: newest first, never every row at once."""

    COLUMNS = ("title", "status", "section", "byline", "updated")

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows: list[ArticleSummary] = []
        self._total = 0
        self._status: str | None = None
        self._section: str | None = None
        self.reload()

    def headers(self) -> list[str]:
        return [
            self.tr("Title"),
            self.tr("Status"),
            self.tr("Section"),
            self.tr("Byline"),
            self.tr("Updated"),
        ]

    def set_filter(self, *, status: str | None, section: str | None) -> None:
        self._status, self._section = status or None, section or None
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = self._store.count_articles(status=self._status, section=self._section)
        self._rows = self._store.list_articles(
            status=self._status, section=self._section, limit=PAGE, offset=0
        )
        self.endResetModel()

    def article_id(self, row: int) -> str:
        return self._rows[row].id

    def row_of(self, article_id: str) -> int:
        for n, r in enumerate(self._rows):
            if r.id == article_id:
                return n
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        more = self._store.list_articles(
            status=self._status, section=self._section, limit=PAGE, offset=len(self._rows)
        )
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "byline":
            return ", ".join(row.byline)
        if column == "updated":
            return row.updated[:16].replace("T", " ")
        return getattr(row, column)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None
