"""The main window. For now: the article list and a read-only view of the selected article."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QMainWindow,
    QSplitter,
    QTableView,
    QTextBrowser,
)

from app.store.store import Store
from app.ui.article_list_model import ArticleListModel


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle(self.tr("Galley — {path}").format(path=store.path.name))
        self.list_model = ArticleListModel(store, self)
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.list_view.verticalHeader().hide()
        self.list_view.horizontalHeader().setStretchLastSection(True)
        self.list_view.setColumnWidth(0, 360)
        self.viewer = QTextBrowser()
        splitter = QSplitter()
        splitter.addWidget(self.list_view)
        splitter.addWidget(self.viewer)
        splitter.setSizes([640, 560])
        self.setCentralWidget(splitter)
        self.list_view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.resize(1280, 800)
        if store.notice:
            self.statusBar().showMessage(store.notice)
        else:
            self.statusBar().showMessage(self.tr("{n} articles").format(n=store.count_articles()))

    def open_article(self, ref: str) -> None:
        article_id = self.store.resolve(ref)
        row = self.list_model.row_of(article_id)
        if row >= 0:
            self.list_view.selectRow(row)
        else:
            self._show(article_id)

    def _row_changed(self, current, _previous) -> None:  # noqa: ANN001
        if current.isValid():
            self._show(self.list_model.article_id(current.row()))

    def _show(self, article_id: str) -> None:
        article = self.store.get_article(article_id)
        self.viewer.setMarkdown(f"# {article.title}\n\n*{article.dek}*\n\n{article.body}")
