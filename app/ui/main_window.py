"""The main window: the article list beside the editor, menus, autosave and conflicts."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ConflictError, GalleyError
from app.core.statuses import STATUSES
from app.ui.desk_sync_controller import DeskSyncController
from app.ui.i18n import status_label
from app.ui.review_actions import ReviewActions
from app.ui.save_trouble import SaveTrouble
from app.ui.welcome_controller import WelcomeController
from app.ui.window_commands import WindowCommands

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtGui import QCloseEvent

    from app.store.changes import Changes
    from app.store.session import EditSession
    from app.store.store import Store
    from app.ui.article_list_model import ArticleListModel
    from app.ui.editor import ArticleEditor
    from app.ui.preview import ProcessRenderer
    from app.ui.welcome_view import WelcomeView

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1000
EXTERNAL_POLL_MS = 1000
SEARCH_DEBOUNCE_MS = 250


class MainWindow(QMainWindow):
    """The list beside the editor. The window composes its controllers, each with one job:
    ``saving`` (failed saves, conflicts, recovery copies), ``review_actions`` (status moves
    and store actions), ``commands`` (menus and what they do), ``welcome`` (the empty-store
    view); the store's change reports drive what is refreshed (``on_changes``)."""

    def __init__(
        self,
        store: Store | None,
        settings: QSettings,
        *,
        author: str = "",
        role: str = "reporter",
        store_path: Path | None = None,
        renderer: ProcessRenderer | None = None,
    ) -> None:
        """With a store, the whole window. With ``store=None`` (and ``store_path``) only its
        frame: menus, list and editor area, painted at once while ``attach_store`` (called
        after the first paint) imports the rest, opens the store and fills everything in."""
        super().__init__()
        self._saving_own = False
        self.attached = False  # store, editor and panes are there (``attach_store``)
        self.renderer = renderer  # the forked preview renderer, if the start made one
        self.settings = settings
        self.author = author
        self.role = role  # what the workflow asks before a status move (reporter, editor, …)
        self.session: EditSession | None = None
        path = store.path if store is not None else Path(store_path or "")
        self.setWindowTitle(self.tr("Galley — {name}").format(name=path.name))
        self._build_list_frame()
        self.editor_stack = QStackedWidget()  # the editor, or the welcome view on an empty store
        self.welcome: WelcomeView | None = None  # built only for an empty store
        self.saving = SaveTrouble(self)
        self.review_actions = ReviewActions(self)
        self.commands = WindowCommands(self)
        self.welcome_view = WelcomeController(self)
        self.desk_sync = DeskSyncController(self)
        # Horizontal by default. Qt's own enums (Qt.Orientation, …) are not named before the
        # first paint: the first use of ``Qt`` builds all of them, 15 ms.
        self.splitter = QSplitter()
        self.splitter.addWidget(self.list_side)
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
        self.list_refresh = QTimer(self)
        self.list_refresh.setSingleShot(True)
        self.list_refresh.setInterval(0)
        self.list_refresh.timeout.connect(  # articles changed, none created: same length
            lambda: self.refresh_list(
                self.session.article_id if self.session else None, recount=False
            )
        )
        self.menus = {
            "file": self.menuBar().addMenu(self.tr("&File")),
            "edit": self.menuBar().addMenu(self.tr("&Edit")),
            "view": self.menuBar().addMenu(self.tr("&View")),
            "help": self.menuBar().addMenu(self.tr("&Help")),
        }
        self.resize(1280, 820)
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if store is not None:
            self.attach_store(store)
        else:
            self.statusBar().showMessage(self.tr("Opening {name}…").format(name=path.name))

    def attach_store(self, store: Store) -> None:
        """Fill the frame: the list model, the editor and its panes, the menus' actions, the
        last article."""
        from app.ui.article_list_model import ArticleListModel
        from app.ui.editor import ArticleEditor

        self.store: Store = store
        self.attached = True
        self.statusBar().clearMessage()
        self.list_model: ArticleListModel = ArticleListModel(store, self)
        self._attach_list()
        if self.search.text().strip():  # typed while the store was opening
            self._run_search()
        self.editor: ArticleEditor = ArticleEditor(store, renderer=self.renderer)
        self.editor.add_review_panes(self)
        self.editor_stack.addWidget(self.editor)
        self.editor_stack.setCurrentWidget(self.editor)
        self.editor.changed.connect(self._edited)
        self.editor.counts_changed.connect(self._show_counts)
        self.editor.tabs.currentChanged.connect(lambda _i: self.save_now())
        self.commands.build_menus()
        self.desk_sync.attach()
        if store.notice:
            self.statusBar().showMessage(store.notice)
        if store.read_only:  # a card or share mounted read-only: read, search, export
            for action in self.commands.writing_actions:
                action.setEnabled(False)
            self.editor.set_read_only(True)
        self._restore()
        # The window hears every change report: its own operations' at once, those of other
        # windows and of the command line through the change log, polled every second.
        self._unsubscribe = store.changes.subscribe(self.on_changes)
        self.external_poll = QTimer(self)
        self.external_poll.setInterval(EXTERNAL_POLL_MS)
        self.external_poll.timeout.connect(self.poll_external)
        self.external_poll.start()

    # -- change reports ----------------------------------------------------------------------
    def poll_external(self) -> None:
        try:
            self.store.poll_external()
        except GalleyError as exc:  # the store went away: saving says so, polling need not
            log.warning("polling the store failed: %s", exc)

    def on_changes(self, changes: Changes) -> None:
        """Refresh what a change report touched, and nothing else."""
        if changes.created:
            self.refresh_list(self.session.article_id if self.session else None)
            if self.session is None:
                self.welcome_view.show_if_empty()
        elif changes.list_changed:
            self.list_refresh.start()
        if changes.desk:
            self._fill_sections()
        session = self.session
        if session is None or (self._saving_own and not changes.external):
            return
        article_id = session.article_id
        if article_id in changes.articles or article_id in changes.statuses:
            stored = self.store.articles.head_revision(article_id)
            if stored is not None and stored != session.article.revision:
                if not session.dirty:
                    self.load_session(article_id)  # theirs, or our own store action's result
                    if changes.external:
                        self.statusBar().showMessage(
                            self.tr("This article was changed elsewhere; showing the new version."),
                            8000,
                        )
                else:  # the next save meets the conflict dialog: nothing typed is lost
                    self.statusBar().showMessage(
                        self.tr(
                            "This article was changed elsewhere; saving will ask what to keep."
                        ),
                        8000,
                    )
                return
        if article_id in changes.statuses:
            # A status is a decision, not text: the words typed meanwhile stay as they are.
            status = self.store.get_article(article_id).status
            session.article.status = status
            self.editor.metadata.show_status(status)
            self.editor.refresh_review()
            return
        if article_id in changes.notes or changes.desk:
            self.editor.refresh_review()

    # -- building ---------------------------------------------------------------------------
    def _build_list_frame(self) -> None:
        self.search = QLineEdit()
        # The list pane is narrow: a short hint that fits, the whole syntax on hover.
        self.search.setPlaceholderText(self.tr('Search: words, "a phrase", -leave out…'))
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
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in STATUSES:
            self.status_filter.addItem(status_label(status), status)
        self.section_filter = QComboBox()
        self.section_filter.addItem(self.tr("All sections"), "")
        self.list_view = QTableView()
        self.list_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.list_view.verticalHeader().hide()
        self.list_view.setWordWrap(False)
        self.list_view.horizontalHeader().setStretchLastSection(True)
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

    def _attach_list(self) -> None:
        from PySide6.QtCore import Qt

        self._fill_sections()
        self.list_view.setModel(self.list_model)
        self.list_view.setSortingEnabled(True)
        self.list_view.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.list_view.setColumnWidth(0, 230)
        for column, width in ((1, 70), (2, 60), (3, 80), (4, 125)):
            self.list_view.setColumnWidth(column, width)
        self.list_view.setColumnHidden(5, True)
        self.list_view.selectionModel().currentRowChanged.connect(self._row_changed)
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

    # -- list ---------------------------------------------------------------------------------
    def _apply_filters(self) -> None:
        self.list_model.set_filter(
            status=self.status_filter.currentData(), section=self.section_filter.currentData()
        )

    def _run_search(self) -> None:
        self.list_model.set_query(self.search.text())
        self.list_view.setColumnHidden(5, not self.list_model.searching)
        if self.list_model.problem:
            self.statusBar().showMessage(
                self.tr("Cannot search: {problem}").format(problem=self.list_model.problem), 8000
            )
        elif self.list_model.searching:
            self.statusBar().showMessage(
                self.tr("{n} matching articles").format(n=self.list_model.rowCount()), 4000
            )

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.open_article(self.list_model.article_id(current.row()))

    def refresh_list(self, select: str | None = None, *, recount: bool = True) -> None:
        self._fill_sections()
        self.list_view.selectionModel().blockSignals(True)
        self.list_model.reload(recount=recount)
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
        self.load_session(article_id)
        self.welcome_view.show_editor()
        self.settings.setValue("last_article", article_id)
        row = self.list_model.row_of(article_id)
        if row >= 0 and self.list_view.currentIndex().row() != row:
            self.list_view.selectionModel().blockSignals(True)
            self.list_view.selectRow(row)
            self.list_view.selectionModel().blockSignals(False)
        return True

    def load_session(self, article_id: str) -> None:
        """Start editing the stored article: a new session, the editor and review filled."""
        from app.store.session import EditSession

        self.session = EditSession(self.store, article_id, author=self.author)
        self.editor.load(self.session.article)
        self.editor.refresh_review()
        self.show_saved()

    def _edited(self) -> None:
        self.saved_label.setText(self.tr("Edited"))
        self.autosave.start()

    def save_now(self) -> bool:
        """Save the open article if it changed. False when it could not be saved."""
        self.autosave.stop()
        if self.session is None or not self.session.dirty:
            return True
        try:
            with self.own_save():
                self.session.save()
        except ConflictError as conflict:
            return self.saving.resolve_conflict(conflict)
        except GalleyError as exc:
            return self.saving.save_failed(str(exc))
        self.saving.error = ""
        self.show_saved()
        self.editor.metadata.show_dates(self.session.article)  # the store moved ``updated``
        # The list catches up in the next event-loop turn: typing never waits for a re-query.
        self.list_refresh.start()
        return True

    @contextmanager
    def own_save(self) -> Iterator[None]:
        """While the open article's session writes: the store announces the write before
        the session has taken its new revision, and that is not a change from elsewhere."""
        self._saving_own = True
        try:
            yield
        finally:
            self._saving_own = False

    def show_saved(self) -> None:
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

    # -- window state --------------------------------------------------------------------------
    def _restore(self) -> None:
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        last = self.settings.value("last_article")
        if last and self.store.exists(str(last)):
            self.open_article(str(last))
        elif self.list_model.rowCount():
            self.list_view.selectRow(0)
        self.welcome_view.show_if_empty()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        from PySide6.QtWidgets import QMessageBox

        if not self.attached:  # closed before the store was open: nothing to save
            event.accept()
            return
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
            self.saving.write_recovery_copy()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        self.autosave.stop()
        self._search_timer.stop()
        self.list_refresh.stop()
        self.external_poll.stop()
        self._unsubscribe()
        self.desk_sync.shutdown()
        self.editor.shutdown()
        event.accept()
