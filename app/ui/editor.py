"""The article editor: metadata, body (with preview), figures, sources and related panes."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from app.core.model import Article
from app.core.text import count_body
from app.store.store import Store
from app.ui.body_editor import BodyEdit, FindBar
from app.ui.decision_banner import DecisionBanner
from app.ui.figures_pane import FiguresPane
from app.ui.metadata_pane import MetadataPane
from app.ui.preview import PreviewPane, ProcessRenderer
from app.ui.related_pane import RelatedPane
from app.ui.sources_pane import SourcesPane

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class ListSnapshot(QUndoCommand):
    """Undo for a structural edit (add/remove/move a figure, source or link)."""

    def __init__(self, editor: ArticleEditor, attr: str, before: list[Any], text: str) -> None:
        super().__init__(text)
        self.editor = editor
        self.attr = attr
        self.before = before
        self.after = copy.deepcopy(getattr(editor.article, attr))
        self._first = True

    def _apply(self, value: list[Any]) -> None:
        setattr(self.editor.article, self.attr, copy.deepcopy(value))
        self.editor.reload_panes()
        self.editor.changed.emit()

    def undo(self) -> None:
        self._apply(self.before)

    def redo(self) -> None:
        if self._first:  # the edit is already applied when the command is pushed
            self._first = False
            return
        self._apply(self.after)


class ArticleEditor(QWidget):
    """Edits ``article`` (the session's working copy) in place and says when it changed."""

    changed = Signal()
    counts_changed = Signal(int, int)

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        renderer: ProcessRenderer | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.article: Article | None = None
        self._loading = False
        self.undo_stack = QUndoStack(self)
        self.tabs = QTabWidget()
        self.metadata = MetadataPane()
        self.body = BodyEdit()
        self.find_bar = FindBar(self.body)
        self.preview = PreviewPane(store.path, identity=store.file.identity, renderer=renderer)
        body_side = QWidget()
        body_layout = QVBoxLayout(body_side)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.body)
        body_layout.addWidget(self.find_bar)
        self.body_split = QSplitter(Qt.Orientation.Horizontal)
        self.body_split.addWidget(body_side)
        self.body_split.addWidget(self.preview)
        self.body_split.setSizes([600, 400])
        self.figures = FiguresPane(store)
        self.sources = SourcesPane()
        self.related = RelatedPane(store)
        self.tabs.addTab(self.body_split, self.tr("&Body"))
        self.tabs.addTab(self.metadata, self.tr("&Metadata"))
        self.tabs.addTab(self.figures, self.tr("&Figures"))
        self.tabs.addTab(self.sources, self.tr("&Sources"))
        self.tabs.addTab(self.related, self.tr("&Related"))
        self.review_tabs: dict[str, QWidget] = {}
        self.decisions = DecisionBanner(store)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.decisions)
        layout.addWidget(self.tabs)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(150)
        self._count_timer.timeout.connect(self._count)
        self.body.textChanged.connect(self._body_changed)
        for pane in (self.metadata, self.figures, self.sources, self.related):
            pane.changed.connect(self._pane_changed)
        for pane, attr in (
            (self.figures, "figures"),
            (self.sources, "sources"),
            (self.related, "related"),
        ):
            pane.structural_edit.connect(
                lambda text, before, attr=attr: self.undo_stack.push(
                    ListSnapshot(self, attr, before, text)
                )
            )
        self.figures.insert_requested.connect(self._insert_figure)
        self.setEnabled(False)

    def load(self, article: Article) -> None:
        self._loading = True
        self.article = article
        self.undo_stack.clear()
        self.body.setPlainText(article.body)
        self.body.document().setModified(False)
        self.metadata.set_sections(self.store.sections())
        self.reload_panes()
        self._loading = False
        self.setEnabled(True)
        self._count()
        self.decisions.show_for(article.id)
        self.preview.request(article, now=True)

    def reload_panes(self) -> None:
        if self.article is None:
            return
        self.metadata.load(self.article)
        self.figures.load(self.article)
        self.sources.load(self.article)
        self.related.load(self.article.related, exclude_id=self.article.id)

    def _body_changed(self) -> None:
        if self._loading or self.article is None:
            return
        self.article.body = self.body.toPlainText()
        self._count_timer.start()
        self.preview.request(self.article)
        self.changed.emit()

    def _pane_changed(self) -> None:
        if self._loading or self.article is None:
            return
        self.preview.request(self.article)
        self.changed.emit()

    def _count(self) -> None:
        """A moment after typing stops: the counts, and the lines the page could not be
        built from (an unclosed ':::', a Markdown image, a link to nothing) marked."""
        cjk, words = count_body(self.article.body if self.article else "")
        self.counts_changed.emit(cjk, words)
        self.body.highlighter.set_problem_lines(self.syntax_problems())

    def syntax_problems(self) -> dict[int, str]:
        from app.core.body_syntax import syntax_problems

        if self.article is None:
            return {}
        keys = {f.key for f in self.article.figures}
        problems = syntax_problems(self.article.body, keys, self.store.articles.refers)
        return {p.line: p.message for p in problems}

    def _insert_figure(self, text: str) -> None:
        self.tabs.setCurrentWidget(self.body_split)
        self.body.insert_at_cursor(text)
        self.body.setFocus()

    def add_review_panes(self, window: MainWindow) -> None:
        """Review, History and Checks need the window (session, author, reload)."""
        from app.ui.review_panes import ChecksPane, HistoryPane, ReviewPane

        self.review = ReviewPane(window)
        self.history = HistoryPane(window)
        self.checks = ChecksPane(window)
        self.tabs.addTab(self.review, self.tr("Re&view"))
        self.tabs.addTab(self.history, self.tr("&History"))
        self.tabs.addTab(self.checks, self.tr("&Checks"))
        self.checks.fix_requested.connect(lambda _fix: self.normalise_punctuation(whole=True))
        self.tabs.currentChanged.connect(lambda _i: self.refresh_review())

    def refresh_review(self) -> None:
        """The Review pane always (it draws the note markers beside the body); History and
        Checks only while shown, since they read every revision or run every check."""
        self.review.refresh()
        if self.article is not None:
            self.decisions.show_for(self.article.id)
        current = self.tabs.currentWidget()
        if current is self.history:
            self.history.refresh()
        elif current is self.checks:
            self.checks.refresh()

    def jump_to_line(self, line: int, column: int = 0) -> None:
        self.tabs.setCurrentWidget(self.body_split)
        self.body.jump_to_line(line, column)

    def jump_to_finding(self, finding: object) -> None:
        """Show where a check finding is: the body line, the field, or the figure/source."""
        line = getattr(finding, "line", None)
        name = getattr(finding, "field", "")
        index = getattr(finding, "index", None)
        if line:
            self.jump_to_line(line, getattr(finding, "column", 0) or 0)
        elif name in ("figures", "sources", "related"):
            pane = {"figures": self.figures, "sources": self.sources, "related": self.related}[name]
            self.tabs.setCurrentWidget(pane)
            if index is not None and hasattr(pane, "select_row"):
                pane.select_row(index)
        elif name:
            self.tabs.setCurrentWidget(self.metadata)
            widget = getattr(self.metadata, name, None)
            if isinstance(widget, QWidget):
                widget.setFocus()

    def normalise_punctuation(self, *, whole: bool = False) -> bool:
        from app.core.typography import full_width_punctuation

        self.tabs.setCurrentWidget(self.body_split)
        return self.body.transform(full_width_punctuation, whole=whole)

    def to_traditional(self) -> bool:
        from app.core.typography import to_traditional

        self.tabs.setCurrentWidget(self.body_split)
        return self.body.transform(to_traditional)

    def set_read_only(self, read_only: bool) -> None:
        """A read-only store: the text can be read, searched and copied, not changed."""
        self.body.setReadOnly(read_only)
        for pane in (self.metadata, self.figures, self.sources, self.related):
            pane.setEnabled(not read_only)
        if hasattr(self, "review"):
            self.review.setEnabled(not read_only)

    def toggle_preview(self) -> None:
        self.preview.setVisible(not self.preview.isVisible())

    def show_pane(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        widget = self.tabs.currentWidget()
        (self.body if widget is self.body_split else widget).setFocus()

    def shutdown(self) -> None:
        """Stop everything that could still touch the store after the window closes."""
        self._count_timer.stop()
        self.related._search_timer.stop()
        self.preview.shutdown()
