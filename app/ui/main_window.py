"""The main window: the article list beside the editor, menus, autosave and conflicts."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.core.errors import ConflictError, GalleyError
from app.core.model import STATUSES
from app.store.session import EditSession
from app.store.store import Store
from app.ui.article_list_model import ArticleListModel
from app.ui.editor import ArticleEditor
from app.ui.welcome import WelcomeMixin
from app.ui.window_recovery import SaveTroubleMixin
from app.ui.window_review import ReviewActionsMixin

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1000
SEARCH_DEBOUNCE_MS = 250


class MainWindow(ReviewActionsMixin, SaveTroubleMixin, WelcomeMixin, QMainWindow):
    def __init__(self, store: Store, settings: QSettings, *, author: str = "") -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.author = author
        self.session: EditSession | None = None
        self._save_error = ""
        self.setWindowTitle(self.tr("Galley — {name}").format(name=store.path.name))
        self._build_list()
        self.editor = ArticleEditor(store)
        self.editor.add_review_panes(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_side)
        self.editor_stack = QStackedWidget()  # the editor, or the welcome view on an empty store
        self.editor_stack.addWidget(self.editor)
        self.welcome = None
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setSizes([470, 810])
        self.setCentralWidget(self.splitter)
        self.saved_label = QLabel()
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_now)
        self._list_refresh = QTimer(self)
        self._list_refresh.setSingleShot(True)
        self._list_refresh.setInterval(0)
        self._list_refresh.timeout.connect(
            lambda: self._refresh_list(self.session.article_id if self.session else None)
        )
        self.editor.changed.connect(self._edited)
        self.editor.counts_changed.connect(self._show_counts)
        self.editor.tabs.currentChanged.connect(lambda _i: self.save_now())
        self._build_menus()
        self.resize(1280, 820)
        self._restore()
        if store.notice:
            self.statusBar().showMessage(store.notice)
        if store.read_only:  # a card or share mounted read-only: read, search, export
            for action in self.writing_actions:
                action.setEnabled(False)
            self.editor.set_read_only(True)

    # -- building ---------------------------------------------------------------------------
    def _build_list(self) -> None:
        self.list_model = ArticleListModel(self.store, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search articles (Chinese or English)…"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in STATUSES:
            self.status_filter.addItem(self.list_model.status_label(status), status)
        self.section_filter = QComboBox()
        self._fill_sections()
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.list_view.setSortingEnabled(True)
        self.list_view.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.list_view.verticalHeader().hide()
        self.list_view.setWordWrap(False)
        self.list_view.horizontalHeader().setStretchLastSection(True)
        self.list_view.setColumnWidth(0, 230)
        for column, width in ((1, 70), (2, 60), (3, 80), (4, 125)):
            self.list_view.setColumnWidth(column, width)
        self.list_view.setColumnHidden(5, True)
        self.list_view.selectionModel().currentRowChanged.connect(self._row_changed)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.section_filter)
        self.list_side = QWidget()
        layout = QVBoxLayout(self.list_side)
        layout.setContentsMargins(4, 4, 0, 4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.list_view)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.status_filter.currentIndexChanged.connect(self._apply_filters)
        self.section_filter.currentIndexChanged.connect(self._apply_filters)

    def _fill_sections(self) -> None:
        current = self.section_filter.currentData()
        self.section_filter.blockSignals(True)
        self.section_filter.clear()
        self.section_filter.addItem(self.tr("All sections"), "")
        for section in self.store.sections():
            self.section_filter.addItem(section, section)
        self.section_filter.setCurrentIndex(max(0, self.section_filter.findData(current)))
        self.section_filter.blockSignals(False)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.writing_actions = [
            self._action(file_menu, self.tr("&New article"), self.new_article, keys.New),
            self._action(file_menu, self.tr("&Import…"), self.import_files, "Ctrl+I"),
        ]
        self._action(file_menu, self.tr("&Export…"), self.export_current, "Ctrl+E")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Save now"), self.save_now, keys.Save)
        self.writing_actions.append(
            self._action(file_menu, self.tr("&Desk settings…"), self.desk_settings)
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, keys.Quit)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self._action(edit, self.tr("&Undo"), self.undo, keys.Undo)
        self.redo_action = self._action(edit, self.tr("&Redo"), self.redo, keys.Redo)
        edit.addSeparator()
        self._action(edit, self.tr("&Find…"), lambda: self._find(False), keys.Find)
        self._action(edit, self.tr("Find and &replace…"), lambda: self._find(True), keys.Replace)
        edit.addSeparator()
        self._action(
            edit,
            self.tr("Convert to &Traditional Chinese (Taiwan)"),
            self.editor.to_traditional,
            "Ctrl+Shift+T",
        )
        self._action(
            edit,
            self.tr("&Normalise punctuation"),
            lambda: self.editor.normalise_punctuation(),
            "Ctrl+Shift+U",
        )
        view = self.menuBar().addMenu(self.tr("&View"))
        self._action(view, self.tr("Toggle &preview"), self.editor.toggle_preview, "Ctrl+Shift+P")
        self._action(view, self.tr("Go to article &list"), self.list_view.setFocus, "Ctrl+L")
        self._action(view, self.tr("&Search articles"), self.search.setFocus, "Ctrl+Shift+F")
        for n in range(self.editor.tabs.count()):
            name = self.editor.tabs.tabText(n).replace("&", "")
            self._action(
                view,
                self.tr("Pane: {name}").format(name=name),
                lambda _c=False, n=n: self.editor.show_pane(n),
                f"Ctrl+{n + 1}",
            )
        languages = view.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = str(self.settings.value("language", "system"))
        for code, label in (
            ("system", self.tr("Follow the system")),
            ("zh_TW", "繁體中文"),
            ("en", "English"),
        ):
            action = self._action(
                languages, label, lambda _c=False, code=code: self.set_language(code)
            )
            action.setCheckable(True)
            action.setChecked(code == current)
            group.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About Galley"), self.about)

    # -- list ---------------------------------------------------------------------------------
    def _apply_filters(self) -> None:
        self.list_model.set_filter(
            status=self.status_filter.currentData(), section=self.section_filter.currentData()
        )

    def _run_search(self) -> None:
        self.list_model.set_query(self.search.text())
        self.list_view.setColumnHidden(5, not self.list_model.searching)
        if self.list_model.searching:
            self.statusBar().showMessage(
                self.tr("{n} matching articles").format(n=self.list_model.rowCount()), 4000
            )

    def _row_changed(self, current, _previous) -> None:  # noqa: ANN001
        if current.isValid():
            self.open_article(self.list_model.article_id(current.row()))

    def _refresh_list(self, select: str | None = None) -> None:
        self._fill_sections()
        self.list_view.selectionModel().blockSignals(True)
        self.list_model.reload()
        row = self.list_model.row_of(select) if select else -1
        if row >= 0:
            self.list_view.selectRow(row)
        self.list_view.selectionModel().blockSignals(False)

    # -- opening and saving ---------------------------------------------------------------------
    def open_article(self, ref: str) -> bool:
        article_id = self.store.resolve(ref)
        if self.session is not None and self.session.article_id == article_id:
            return True
        if not self.save_now():
            return False  # the user kept the current article to sort out its save
        self.session = EditSession(self.store, article_id, author=self.author)
        self.editor.load(self.session.article)
        self.editor.refresh_review()
        self._show_editor()
        self.settings.setValue("last_article", article_id)
        self._show_saved()
        row = self.list_model.row_of(article_id)
        if row >= 0 and self.list_view.currentIndex().row() != row:
            self.list_view.selectionModel().blockSignals(True)
            self.list_view.selectRow(row)
            self.list_view.selectionModel().blockSignals(False)
        return True

    def _edited(self) -> None:
        self.saved_label.setText(self.tr("Edited"))
        self.autosave.start()

    def save_now(self) -> bool:
        """Save the open article if it changed. False when it could not be saved."""
        self.autosave.stop()
        if self.session is None or not self.session.dirty:
            return True
        try:
            self.session.save()
        except ConflictError as conflict:
            return self._resolve_conflict(conflict)
        except GalleyError as exc:
            return self._save_failed(str(exc))
        self._save_error = ""
        self._show_saved()
        # The list catches up in the next event-loop turn: typing never waits for a re-query.
        self._list_refresh.start()
        return True

    def _show_saved(self) -> None:
        self.saved_label.setStyleSheet("")
        self.saved_label.setText(
            self.tr("Saved {time}").format(time=datetime.now().strftime("%H:%M:%S"))
        )

    def _show_counts(self, cjk: int, words: int) -> None:
        self.counts_label.setText(
            self.tr("{cjk} Chinese characters · {words} words").format(
                cjk=f"{cjk:,}", words=f"{words:,}"
            )
        )

    # -- commands ----------------------------------------------------------------------------
    def new_article(self) -> None:
        if not self.save_now():
            return
        article = self.store.new_article(self.tr("Untitled article"), author=self.author)
        self._refresh_list(article.id)
        self.open_article(article.id)
        self.editor.show_pane(1)
        self.editor.metadata.title.selectAll()

    def import_files(self) -> None:
        from app.publish.bundle import import_path

        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import articles"),
            "",
            self.tr("Articles and bundles (*.md *.zip);;All files (*)"),
        )
        imported = []
        for name in names:
            try:
                imported += import_path(self.store, name, author=self.author)
            except GalleyError as exc:
                QMessageBox.warning(self, self.tr("Cannot import"), str(exc))
        if imported:
            self._refresh_list(imported[-1].id)
            self.open_article(imported[-1].id)

    def export_current(self) -> None:
        from app.publish.bundle import export_articles

        if self.session is None or not self.save_now():
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"))
        if not folder:
            return
        try:
            [path] = export_articles(self.store, [self.session.article_id], Path(folder))
        except GalleyError as exc:
            QMessageBox.warning(self, self.tr("Cannot export"), str(exc))
            return
        self.statusBar().showMessage(self.tr("Exported to {path}").format(path=path), 8000)

    def desk_settings(self) -> None:
        from app.ui.desk_dialog import DeskDialog

        DeskDialog(self.store, self).exec()

    def undo(self) -> None:
        focus = self.focusWidget()
        if hasattr(focus, "undo") and focus is not None:
            focus.undo()
        else:
            self.editor.undo_stack.undo()

    def redo(self) -> None:
        focus = self.focusWidget()
        if hasattr(focus, "redo") and focus is not None:
            focus.redo()
        else:
            self.editor.undo_stack.redo()

    def _find(self, replace: bool) -> None:
        self.editor.show_pane(0)
        self.editor.find_bar.open_bar(replace=replace)

    def set_language(self, code: str) -> None:
        self.settings.setValue("language", code)
        self.statusBar().showMessage(
            self.tr("The new language is used from the next start of Galley."), 8000
        )

    def about(self) -> None:
        from app.config import log_dir

        QMessageBox.about(
            self,
            self.tr("About Galley"),
            self.tr(
                "Galley {version}\nAn offline editorial workstation for newsrooms.\n\n"
                "Store: {store}\nLogs: {logs}"
            ).format(version=__version__, store=self.store.path, logs=log_dir()),
        )

    # -- window state --------------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        last = self.settings.value("last_article")
        if last and self.store.exists(str(last)):
            self.open_article(str(last))
        elif self.list_model.rowCount():
            self.list_view.selectRow(0)
        self._show_welcome_if_empty()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.save_now():
            answer = QMessageBox.question(
                self,
                self.tr("Not saved"),
                self.tr(
                    "The open article could not be saved. Close anyway and lose the "
                    "unsaved changes?"
                ),
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Close:
                event.ignore()
                return
            self._write_recovery_copy()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        self.autosave.stop()
        self._search_timer.stop()
        self._list_refresh.stop()
        self.editor.shutdown()
        event.accept()
