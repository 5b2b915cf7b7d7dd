"""The article list as a Qt model that reads the store a page at a time (``fetchMore``).

Two modes: browsing (filtered by status and section, sortable by any column) and searching
(the store's ranked full-text results, with a snippet column).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.core.errors import InputError
from app.store.store import ArticleSummary, Store

if TYPE_CHECKING:
    from app.store.search import SearchHit

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractTableModel):
    COLUMNS = ("title", "status", "section", "byline", "updated", "snippet")
    SORT_KEYS = ("title", "status", "section", "byline", "updated")

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows: list[ArticleSummary | SearchHit] = []
        self._total = 0
        self._all_count: int | None = None  # articles in the unfiltered list, when counted
        self.status: str | None = None
        # An article kept in the list while it is open, though the filter would hide it
        # (its status just changed): it does not vanish under the person's eyes.
        self.pinned: str | None = None
        self.section: str | None = None
        self.query = ""
        self.problem = ""  # why the last search found nothing it could look for
        self.sort_key = "updated"
        self.descending = True
        self.reload()

    def headers(self) -> list[str]:
        return [
            self.tr("Title"),
            self.tr("Status"),
            self.tr("Section"),
            self.tr("Byline"),
            self.tr("Updated"),
            self.tr("Match"),
        ]

    def status_label(self, status: str) -> str:
        from app.ui.i18n import status_label

        return status_label(status)

    @property
    def searching(self) -> bool:
        return bool(self.query.strip())

    def set_filter(self, *, status: str | None, section: str | None) -> None:
        self.status, self.section = status or None, section or None
        self.reload()

    def set_query(self, query: str) -> None:
        self.query = query
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column >= len(self.SORT_KEYS) or self.searching:
            return
        key, descending = self.SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending) and self._rows:
            return  # the view re-applies its sort when set up: nothing to read again
        self.sort_key, self.descending = key, descending
        self.reload()

    def _page(self, offset: int) -> list[ArticleSummary]:
        return self._store.list_articles(
            status=self.status,
            section=self.section,
            limit=PAGE,
            offset=offset,
            sort=self.sort_key,
            descending=self.descending,
        )

    def reload(self, *, recount: bool = True) -> None:
        """Read the list again. ``recount=False`` after articles were only changed (none
        created): the unfiltered list keeps its length, and counting a million articles
        takes 15-45 ms of the window's time after every autosave."""
        self.beginResetModel()
        self.problem = ""
        if self.searching:
            try:
                hits = self._store.search(self.query, limit=PAGE)
            except InputError as exc:  # "status:finished": said in the status bar, not raised
                hits, self.problem = [], exc.message
            self._rows = [h for h in hits if self._passes(h)]
            self._total = len(self._rows)
        else:
            filtered = self.status is not None or self.section is not None
            if recount or filtered or self._all_count is None:
                self._total = self._store.count_articles(status=self.status, section=self.section)
                self._all_count = None if filtered else self._total
            else:
                self._total = self._all_count
            rows: list[ArticleSummary | SearchHit] = list(self._page(0))
            self._rows = rows
        self._keep_pinned()
        self.endResetModel()

    def pin(self, article_id: str | None) -> None:
        """Keep ``article_id`` in the list while it is open, whatever the filter (None: no
        longer)."""
        if article_id == self.pinned:
            return
        self.pinned = article_id
        self.reload(recount=False)

    def hidden_by_filter(self, row: int) -> bool:
        """Whether the row is there only because it is pinned."""
        summary = self._rows[row]
        return summary.id == self.pinned and not self._passes_filter(summary)

    def _passes_filter(self, summary: ArticleSummary | SearchHit) -> bool:
        if self.status is not None and summary.status != self.status:
            return False
        section = getattr(summary, "section", None)
        return self.section is None or section is None or section == self.section

    def _keep_pinned(self) -> None:
        if self.pinned is None or any(r.id == self.pinned for r in self._rows):
            return
        from app.core.errors import GalleyError
        from app.store.listing import ArticleSummary

        try:
            a = self._store.get_article(self.pinned)
        except GalleyError:
            self.pinned = None
            return
        self._rows.insert(
            0,
            ArticleSummary(
                a.id, a.slug, a.title, a.status, a.section, a.byline, a.updated, a.published
            ),
        )
        self._total += 1

    def _passes(self, hit: SearchHit) -> bool:
        return self.status is None or hit.status == self.status

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
        return not parent.isValid() and not self.searching and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        more = self._page(len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and not isinstance(row, ArticleSummary):
            return row.snippet
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(row, ArticleSummary):
            # The narrow list: the rest on hover.
            parts = [
                self.status_label(row.status),
                row.section,
                "、".join(row.byline),
                row.updated[:16].replace("T", " "),
            ]
            tip = f"{row.title}\n" + " · ".join(p for p in parts if p)
            if self.hidden_by_filter(index.row()):
                tip += "\n" + self.tr("Shown while it is open: the list's filter hides it.")
            return tip
        if role == Qt.ItemDataRole.FontRole and self.hidden_by_filter(index.row()):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == "status":
            return self.status_label(row.status)
        if column == "byline":
            return "、".join(getattr(row, "byline", []))
        if column == "section":
            return getattr(row, "section", "")
        if column == "updated":
            return row.updated[:16].replace("T", " ")
        if column == "snippet":
            return "" if isinstance(row, ArticleSummary) else row.snippet
        return getattr(row, column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None
