"""The main window: the article list, the writing desk (page and side panel), the menus and
the status bar; autosave and conflicts. Only the launcher knows this class: the panels and
cards are handed the editor context, the window's helpers a ``WindowHost``."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
)

from app.core.errors import ConflictError, GalleyError
from app.ui.desk_sync_controller import DeskSyncController
from app.ui.list_panel import ListPanel
from app.ui.save_trouble import SaveTrouble
from app.ui.welcome_controller import WelcomeController
from app.ui.window_commands import WindowCommands

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from app.core.text import Counts
    from app.store.changes import Changes
    from app.store.session import EditSession
    from app.store.store import Store
    from app.ui.context import EditorContext
    from app.ui.preview import ProcessRenderer
    from app.ui.review_queue import ReviewQueue
    from app.ui.status_button import StatusButton
    from app.ui.welcome_view import WelcomeView
    from app.ui.workspace import Workspace

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1000
EXTERNAL_POLL_MS = 1000
# The window's first size: what fits a laptop's screen (1366×768 leaves about 1366×740).
START_SIZE = (1280, 720)


class MainWindow(QMainWindow):
    """The list beside the writing desk. Composed of parts with one job each: ``lists``
    (search and list), ``workspace`` (page, cards, side panel), ``saving`` (failed saves,
    conflicts, recovery copies), ``commands`` (menus), ``welcome`` (the empty-store view),
    ``desk_sync``; the store's change reports (queued through the editor context) drive
    what is refreshed."""

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
        self.attached = False  # store, workspace and panels are there (``attach_store``)
        self.renderer = renderer  # the forked preview renderer, if the start made one
        self.settings = settings
        self.author = author
        self.role = role  # what the workflow asks before a status move (reporter, editor, …)
        self.ctx: EditorContext | None = None
        path = store.path if store is not None else Path(store_path or "")
        self.setWindowTitle(self.tr("Galley — {name}").format(name=path.name))
        self.lists = ListPanel()
        self.lists.said.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.editor_stack = QStackedWidget()  # the desk, or the welcome view on an empty store
        self.welcome: WelcomeView | None = None  # built only for an empty store
        self.saving = SaveTrouble(self)
        self.commands = WindowCommands(self)
        self.welcome_view = WelcomeController(self)
        self.desk_sync = DeskSyncController(self)
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.lists)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setSizes([280, 1000])  # the list narrow: the text is what matters
        self.setCentralWidget(self.splitter)
        self.status_button: StatusButton | None = None
        self.saved_label = QLabel()
        self.counts_label = QLabel()
        self.counts_label.setAccessibleName(self.tr("Length"))
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
            lambda: self.lists.reload(
                self.session.article_id if self.session else None, recount=False
            )
        )
        self.menus = {
            "file": self.menuBar().addMenu(self.tr("&File")),
            "edit": self.menuBar().addMenu(self.tr("&Edit")),
            "insert": self.menuBar().addMenu(self.tr("&Insert")),
            "view": self.menuBar().addMenu(self.tr("&View")),
            "help": self.menuBar().addMenu(self.tr("&Help")),
        }
        self.resize(*START_SIZE)
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.fit_to_screen()
        if store is not None:
            self.attach_store(store)
        else:
            self.statusBar().showMessage(self.tr("Opening {name}…").format(name=path.name))

    # -- the person's session -----------------------------------------------------------------
    @property
    def session(self) -> EditSession | None:
        return self.ctx.session if self.ctx is not None else None

    @property
    def workspace(self) -> Workspace:
        return self._workspace

    def as_widget(self) -> QMainWindow:
        return self

    def attach_store(
        self, store: Store, *, open_ref: str | None = None, menus_later: bool = False
    ) -> None:
        """Fill the frame: the list model, the workspace and its panels, the menus' actions,
        ``open_ref`` (else the last article). ``menus_later``: the menus' actions are made
        in the next turn of the event loop, after the article is on screen (the launch)."""
        from app.ui.article_list_model import ArticleListModel
        from app.ui.context import EditorContext
        from app.ui.status_button import StatusButton
        from app.ui.workspace import Workspace

        self.store: Store = store
        self.attached = True
        self.statusBar().clearMessage()
        ctx = self.ctx = EditorContext(store, author=self.author, role=self.role, host=self)
        self.list_model = ArticleListModel(store, self)
        self.lists.attach(store, self.list_model)
        self.lists.chosen.connect(self.open_article)
        self._queue: ReviewQueue | None = None  # made when its tab is first shown
        self.lists.tabs.currentChanged.connect(lambda n: self.queue if n == 1 else None)
        self.lists.show_waiting(store.count_articles(status="in_review"))
        self._workspace = Workspace(ctx, save_first=self.save_now, renderer=self.renderer)
        self.editor_stack.addWidget(self._workspace)
        self.editor_stack.setCurrentWidget(self._workspace)
        self._workspace.counts_changed.connect(self._show_counts)
        self._workspace.canvas.images_dropped.connect(self.commands.add_figures)
        self._workspace.canvas.image_pasted.connect(self.commands.add_pasted_image)
        self.status_button = StatusButton(ctx, save_first=self.save_now)
        self.status_button.moved.connect(self._status_moved)
        self.statusBar().insertPermanentWidget(0, self.status_button)
        ctx.edited.connect(self._edited)
        ctx.changes.connect(self.on_changes)
        self.desk_sync.attach()
        if store.notice:
            self.statusBar().showMessage(store.notice)
        if store.read_only:  # a card or share mounted read-only: read, search, export
            self._workspace.set_read_only(True)
        if menus_later:
            QTimer.singleShot(0, self._build_menus)
        else:
            self._build_menus()
        self._restore(open_ref)
        # Other windows' and the command line's writes come through the change log, polled.
        self.external_poll = QTimer(self)
        self.external_poll.setInterval(EXTERNAL_POLL_MS)
        self.external_poll.timeout.connect(self.poll_external)
        self.external_poll.start()

    def _build_menus(self) -> None:
        self.commands.build_menus()
        if self.store.read_only:
            for action in self.commands.writing_actions:
                action.setEnabled(False)
        self.commands.restore_checks()

    @property
    def queue(self) -> ReviewQueue:
        """The review queue (the list's second tab), made the first time it is wanted."""
        if self._queue is None:
            from app.ui.review_queue import ReviewQueue

            assert self.ctx is not None
            self._queue = ReviewQueue(self.ctx)
            self._queue.chosen.connect(self._open_from_queue)
            self.lists.add_queue(self._queue)
            self.lists.pages.setCurrentIndex(self.lists.tabs.currentIndex())
            self._queue.refresh()
        return self._queue

    # -- change reports ----------------------------------------------------------------------
    def poll_external(self) -> None:
        try:
            self.store.poll_external()
        except GalleyError as exc:  # the store went away: saving says so, polling need not
            log.warning("polling the store failed: %s", exc)

    def on_changes(self, changes: Changes) -> None:
        """Refresh what a change report touched, and nothing else. Reports arrive after the
        operation that made them returned: the session's own save has already taken its
        new revision, so it is never taken for a change from elsewhere."""
        session = self.session
        if changes.created:
            self.lists.reload(session.article_id if session else None)
            if session is None:
                self.welcome_view.show_if_empty()
        elif changes.list_changed:
            self.list_refresh.start()
        if changes.desk:
            self.lists.fill_sections()
        if session is None:
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
            session.article.status = self.store.get_article(article_id).status
            self._workspace.details.show_status(session.article.status)
            # The button heard the same report first, with the status before it.
            if self.status_button is not None:
                self.status_button.refresh()

    # -- opening and saving ---------------------------------------------------------------------
    def open_article(self, ref: str) -> bool:
        article_id = self.store.resolve(ref)
        if self.session is not None and self.session.article_id == article_id:
            return True
        if not self.save_now():
            return False  # the user kept the current article to sort out its save
        if self.list_model.pinned not in (None, article_id):
            # The article kept in view is left: the filter rules again (after this turn, not
            # inside the list's own selection change).
            QTimer.singleShot(0, lambda: self.lists.keep_visible(None))
        self.load_session(article_id)
        self.welcome_view.show_editor()
        self.settings.setValue("last_article", article_id)
        self.lists.select(article_id)
        return True

    def _open_from_queue(self, article_id: str) -> None:
        if self.open_article(article_id):
            self._workspace.canvas.setFocus()

    def next_for_review(self) -> None:
        """The next article waiting for review (after the open one), opened."""
        self.queue.refresh()
        current = self.session.article_id if self.session is not None else None
        following = self.queue.next_after(current)
        if following is None:
            self.statusBar().showMessage(self.tr("Nothing else waits for review."), 6000)
            return
        self.queue.select(following)
        self._open_from_queue(following)

    def load_session(self, article_id: str) -> None:
        """Start editing the stored article: a new session, the workspace filled."""
        from app.store.session import EditSession

        assert self.ctx is not None
        self.mark_looked()
        self.ctx.session = EditSession(
            self.store, article_id, author=self.author, role=self.ctx.role
        )
        self._workspace.load(self.ctx.session.article)
        self.ctx.opened.emit(self.ctx.session.article)
        self.show_saved()

    def mark_looked(self) -> None:
        """An editor leaving an article has read it as it is: the next time they open it,
        the window offers what changed since."""
        ctx, session = self.ctx, self.session
        if ctx is None or session is None or self.store.read_only:
            return
        if ctx.store.review.decides(ctx.role, ctx.author):
            try:
                ctx.store.review.looked(session.article_id, ctx.author)
            except GalleyError as exc:  # never in the way of leaving the article
                log.warning("could not note what was read: %s", exc)

    def _edited(self) -> None:
        self.saved_label.setText(self.tr("Edited"))
        self.autosave.start()

    def save_now(self) -> bool:
        """Save the open article if it changed. False when it could not be saved."""
        self.autosave.stop()
        session = self.session
        if session is not None:
            self._workspace.cards.flush()  # figures in step with the body before saving
        if session is None or not session.dirty:
            return True
        before = session.article.status
        try:
            session.save()
        except ConflictError as conflict:
            return self.saving.resolve_conflict(conflict)
        except GalleyError as exc:
            return self.saving.save_failed(str(exc))
        self.saving.error = ""
        self.show_saved()
        if before == "approved" and session.article.status == "in_review":
            self._workspace.show_hint(
                self.tr(
                    "Your edit took this approved article back to review: an editor approves "
                    "it again before it is published."
                )
            )
            self._workspace.details.show_status(session.article.status)
        self._workspace.details.show_dates(session.article)  # the store moved ``updated``
        # The list catches up in the next event-loop turn: typing never waits for a re-query.
        self.list_refresh.start()
        return True

    def _status_moved(self, status: str) -> None:
        """After a status change the article stays selected and in view; if the list's
        filter would hide it, the status bar says so."""
        session = self.session
        if session is None:
            return
        if self.lists.hides(status):
            self.lists.keep_visible(session.article_id)
        self.lists.select(session.article_id)
        if self.lists.hides(status):
            self.statusBar().showMessage(
                self.tr("The list's filter hides articles with this status; it stays open here."),
                8000,
            )

    def show_saved(self) -> None:
        if self.saved_label.objectName():
            from app.ui.theme import set_bold, untint

            self.saved_label.setObjectName("")
            untint(self.saved_label)
            set_bold(self.saved_label, False)
        self.saved_label.setText(
            self.tr("Saved {time}").format(time=datetime.now().strftime("%H:%M:%S"))
        )

    def _show_counts(self, counts: Counts) -> None:
        cjk, words = counts.body
        text = self.tr("Body: {cjk} characters · {words} words").format(
            cjk=f"{cjk:,}", words=f"{words:,}"
        )
        extra = counts.captions[0] + counts.further[0]
        extra_words = counts.captions[1] + counts.further[1]
        if extra or extra_words:
            text += self.tr(" (captions and further reading apart: {cjk} · {words})").format(
                cjk=f"{extra:,}", words=f"{extra_words:,}"
            )
        self.counts_label.setText(text)

    # -- window state --------------------------------------------------------------------------
    def fit_to_screen(self) -> None:
        """Never larger than the screen's available area (a 1366×768 laptop, or 4K)."""
        screen = self.screen()
        if screen is None:
            return
        area = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()
        width = min(self.width(), area.width() - frame.width())
        height = min(self.height(), area.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, 640), max(height, 480))
        if not area.contains(self.frameGeometry()):
            self.move(area.topLeft())

    def _restore(self, open_ref: str | None = None) -> None:
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.commands.restore_view()
        if open_ref:  # asked for on the command line: opened once, not after the last one
            try:
                self.open_article(open_ref)
                self._workspace.canvas.setFocus()
            except GalleyError as exc:
                self.statusBar().showMessage(str(exc), 8000)
            else:
                return
        last = self.settings.value("last_article")
        if last and self.store.exists(str(last)):
            self.open_article(str(last))
            self._workspace.canvas.setFocus()  # where the person left off: writing
        elif self.list_model.rowCount():
            self.lists.view.selectRow(0)
        self.welcome_view.show_if_empty()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Following the system, the desktop turned dark or light while Galley runs: the
        theme's colours follow (the palette is the platform's; none of ours is set)."""
        super().changeEvent(event)
        # The application's palette reaches the window as its own palette's change.
        if event.type() == QEvent.Type.PaletteChange:
            from PySide6.QtWidgets import QApplication

            from app.ui.launch import follow_palette

            app = QApplication.instance()
            if (
                isinstance(app, QApplication)
                and not app.property("galleyPalette")
                and app.property("galleyDark") is not None
                and follow_palette(app)
                and self.attached
            ):
                self._workspace.restyle()

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
        self.mark_looked()
        self.commands.keep_view()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        self.autosave.stop()
        self.lists.shutdown()
        self.list_refresh.stop()
        self.external_poll.stop()
        if self.ctx is not None:
            self.ctx.close()
        self.desk_sync.shutdown()
        self._workspace.shutdown()
        event.accept()
