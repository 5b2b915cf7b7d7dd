"""The article list at the window's left: search as you type, filters by status and section,
the store's articles read 200 rows at a time. Narrow by default (title and status; the rest
on hover), collapsible. Tab leaves the list: moving between articles is the arrow keys'
job, never Tab's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.statuses import STATUSES
from app.ui.i18n import status_label

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex

    from app.store.store import Store
    from app.ui.article_list_model import ArticleListModel
    from app.ui.review_queue import ReviewQueue

SEARCH_DEBOUNCE_MS = 250


class ListPanel(QWidget):
    """Search, filters and the list; ``chosen`` says which article the person picked."""

    chosen = Signal(str)
    said = Signal(str, int)  # a message for the status bar, and for how long

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("articleList")
        self.search = QLineEdit()
        # The list is narrow: a short hint that fits, the whole syntax on hover.
        self.search.setPlaceholderText(self.tr('Search: words, "a phrase", -leave out…'))
        self.search.setAccessibleName(self.tr("Search articles"))
        self.search.setToolTip(
            self.tr(
                'Words must all occur; "a phrase" as written; -word or -"a phrase" left out.\n'
                "title:政府  text in the title\n"
                "section:地方  byline:林  status:draft\n"
                "since:2015  until:2015-06-30  (a year, a month or a day)\n"
                "sort:date  newest first instead of best match"
            )
        )
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Show articles of status"))
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in STATUSES:
            self.status_filter.addItem(status_label(status), status)
        self.section_filter = QComboBox()
        self.section_filter.setAccessibleName(self.tr("Show articles of section"))
        self.section_filter.addItem(self.tr("All sections"), "")
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Articles"))
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)  # Tab leaves the list; it never opens an article
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(False)
        filters = QHBoxLayout()
        filters.setSpacing(4)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.section_filter, 1)
        # Two pages: every article (search, filters), and the review queue (待審).
        self.tabs = QTabBar()
        self.tabs.setAccessibleName(self.tr("Article list or review queue"))
        self.tabs.addTab(self.tr("Articles"))
        self.tabs.addTab(self.tr("For review"))
        self.tabs.setExpanding(False)
        self.pages = QStackedWidget()
        articles = QWidget()
        page = QVBoxLayout(articles)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(4)
        page.addWidget(self.search)
        page.addLayout(filters)
        page.addWidget(self.view)
        self.pages.addWidget(articles)
        self.tabs.currentChanged.connect(self.pages.setCurrentIndex)
        self.queue: ReviewQueue | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 4)
        layout.setSpacing(4)
        layout.addWidget(self.tabs)
        layout.addWidget(self.pages, 1)
        self.model: ArticleListModel | None = None
        self.store: Store | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.run_search)

    def attach(self, store: Store, model: ArticleListModel) -> None:
        from PySide6.QtCore import Qt

        self.store = store
        self.model = model
        self.fill_sections()
        self.view.setModel(model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        self.view.setColumnWidth(1, 64)
        for column in (2, 3, 4, 5):  # section, byline, updated, match: on hover and sorting
            self.view.setColumnHidden(column, True)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.search.textChanged.connect(self._search_timer.start)
        self.status_filter.currentIndexChanged.connect(self.apply_filters)
        self.section_filter.currentIndexChanged.connect(self.apply_filters)
        if self.search.text().strip():  # typed while the store was opening
            self.run_search()

    def add_queue(self, queue: ReviewQueue) -> None:
        self.queue = queue
        self.pages.addWidget(queue)
        queue.counted.connect(self.show_waiting)

    def show_waiting(self, count: int) -> None:
        self.tabs.setTabText(
            1, self.tr("For review ({n})").format(n=count) if count else self.tr("For review")
        )

    def show_queue(self, shown: bool = True) -> None:
        self.tabs.setCurrentIndex(1 if shown else 0)

    def fill_sections(self) -> None:
        if self.store is None:
            return
        current = self.section_filter.currentData()
        self.section_filter.blockSignals(True)
        self.section_filter.clear()
        self.section_filter.addItem(self.tr("All sections"), "")
        for section in self.store.sections():
            self.section_filter.addItem(section, section)
        self.section_filter.setCurrentIndex(max(0, self.section_filter.findData(current)))
        self.section_filter.blockSignals(False)

    def apply_filters(self) -> None:
        if self.model is not None:
            self.model.set_filter(
                status=self.status_filter.currentData(), section=self.section_filter.currentData()
            )

    def run_search(self) -> None:
        model = self.model
        if model is None:
            return
        model.set_query(self.search.text())
        self.view.setColumnHidden(5, True)
        if model.problem:
            self.said.emit(self.tr("Cannot search: {problem}").format(problem=model.problem), 8000)
        elif model.searching:
            self.said.emit(self.tr("%n matching articles", "", model.rowCount()), 4000)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.model is not None:
            self.chosen.emit(self.model.article_id(current.row()))

    def reload(self, select: str | None = None, *, recount: bool = True) -> None:
        if self.model is None:
            return
        self.fill_sections()
        self.view.selectionModel().blockSignals(True)
        self.model.reload(recount=recount)
        row = self.model.row_of(select) if select else -1
        if row >= 0:
            self.view.selectRow(row)
        self.view.selectionModel().blockSignals(False)

    def select(self, article_id: str) -> None:
        """Show ``article_id`` as the current row, without opening it again."""
        if self.model is None:
            return
        row = self.model.row_of(article_id)
        if row >= 0 and self.view.currentIndex().row() != row:
            self.view.selectionModel().blockSignals(True)
            self.view.selectRow(row)
            self.view.selectionModel().blockSignals(False)

    def keep_visible(self, article_id: str | None) -> None:
        """The open article stays in the list (pinned) even where the filter hides it."""
        if self.model is None or self.model.pinned == article_id:
            return
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        try:
            self.model.pin(article_id)
        finally:
            selection.blockSignals(False)
        if article_id is not None:
            self.select(article_id)

    def hides(self, status: str) -> bool:
        """Whether the status filter hides articles of ``status``."""
        wanted = self.status_filter.currentData()
        return bool(wanted) and wanted != status

    def shutdown(self) -> None:
        self._search_timer.stop()
