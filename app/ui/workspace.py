"""The writing desk: the article as a page (title, dek, then the canvas with its figure and
further-reading cards), and beside it the side panel with everything about the text that is
not the text (Ulysses' and Scrivener's inspector, Superdesk's authoring panels).

The workspace is handed the editor context; it puts the session's working copy into its
parts and says when they changed it. It knows nothing of the window around it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QToolBox,
    QVBoxLayout,
    QWidget,
)

from app.core.text import count_article
from app.ui.body_editor import FindBar
from app.ui.canvas import Canvas
from app.ui.cards import CardLayer
from app.ui.decision_banner import DecisionBanner
from app.ui.metadata_pane import MetadataPane
from app.ui.panel_review import ChecksSection, NotesSection
from app.ui.preview import PreviewPane, ProcessRenderer
from app.ui.theme import Banner, SectionHeaderStyle, set_bold, tint

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from app.core.model import Article
    from app.store.changes import Changes
    from app.ui.context import EditorContext
    from app.ui.history_section import HistorySection
    from app.ui.related_pane import RelatedPane
    from app.ui.sources_pane import SourcesPane

TEXT_SIZES = (10, 11, 12, 13, 14, 16, 18, 20, 24)
DEFAULT_TEXT_SIZE = 13


class ListSnapshot(QUndoCommand):
    """Undo for a structural edit of the sources or related links (add, remove, move)."""

    def __init__(self, workspace: Workspace, attr: str, before: list[Any], text: str) -> None:
        import copy

        super().__init__(text)
        self.workspace = workspace
        self.attr = attr
        self.before = before
        article = workspace.ctx.article
        self.after = copy.deepcopy(getattr(article, attr)) if article is not None else []
        self._first = True

    def _apply(self, value: list[Any]) -> None:
        import copy

        article = self.workspace.ctx.article
        if article is None:
            return
        setattr(article, self.attr, copy.deepcopy(value))
        self.workspace.reload_panels()
        self.workspace.ctx.touch()

    def undo(self) -> None:
        self._apply(self.before)

    def redo(self) -> None:
        if self._first:  # already applied when pushed
            self._first = False
            return
        self._apply(self.after)


class GrowingText(QPlainTextEdit):
    """A dek: a few lines, as tall as its text (never a scrolled box on the page)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().contentsChanged.connect(self._fit)

    def _fit(self) -> None:
        lines = max(1, round(self.document().size().height()))
        height = lines * self.fontMetrics().lineSpacing() + 10
        self.setFixedHeight(min(height, 120))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()


class SidePanel(QToolBox):
    """Sections, one open at a time, each header with its count: Sources (參考新聞來源),
    Related (相關), Notes (備註), Checks (檢查), Details (資料), History (版本紀錄), and the
    preview when it is shown in the panel."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("sidePanel")
        self.setMinimumWidth(280)
        self.titles: dict[QWidget, str] = {}
        # Sections built the first time they are shown (their modules imported then): the
        # window's start pays only for what is in view.
        self._factories: dict[QWidget, Callable[[], QWidget]] = {}
        self._built: dict[QWidget, QWidget] = {}
        self.currentChanged.connect(lambda index: self._build_shown(index))
        self.currentChanged.connect(lambda _index: self._mark_current())
        self.header_style = SectionHeaderStyle()

    def _mark_current(self) -> None:
        """The open section's header in bold: which one is open reads at a glance."""
        from PySide6.QtWidgets import QAbstractButton

        current = self.currentIndex()
        headers = [
            b
            for b in self.findChildren(QAbstractButton)
            if b.objectName() == "qt_toolbox_toolboxbutton"
        ]
        for n, header in enumerate(headers):
            if header.style() is not self.header_style:
                header.setStyle(self.header_style)
            set_bold(header, n == current)

    def add(self, widget: QWidget, title: str) -> None:
        self.titles[widget] = title
        self.addItem(widget, title)
        self._mark_current()

    def add_lazy(self, title: str, build: Callable[[], QWidget]) -> QWidget:
        """A section whose widget ``build`` makes when it is first shown (or asked for)."""
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        self._factories[page] = build
        self.add(page, title)
        return page

    def is_built(self, page: QWidget) -> bool:
        return page not in self._factories or page in self._built

    def built(self, page: QWidget) -> QWidget:
        """The section's widget, made now if it was not yet."""
        if page not in self._factories:
            return page
        widget = self._built.get(page)
        if widget is None:
            widget = self._built[page] = self._factories[page]()
            layout = page.layout()
            if layout is not None:
                layout.addWidget(widget)
        return widget

    def _build_shown(self, index: int) -> None:
        if not self.isVisible():
            return  # being set up (the first section added is current for a moment): at show
        page = self.widget(index)
        if page is not None and page in self._factories:
            self.built(page)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._build_shown(self.currentIndex())

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt's name
        """A section by its widget (made or not) or its page."""
        super().setCurrentWidget(self.page_of(widget))

    def currentWidget(self) -> QWidget:  # noqa: N802 - Qt's name
        """The open section's widget (a section made when shown: its widget, not its page)."""
        page = super().currentWidget()
        return self._built.get(page, page)

    def page_of(self, widget: QWidget) -> QWidget:
        for page, built in self._built.items():
            if built is widget:
                return page
        return widget

    def count_in(self, widget: QWidget, count: str) -> None:
        widget = self.page_of(widget)
        index = self.indexOf(widget)
        if index >= 0:
            title = self.titles[widget]
            self.setItemText(index, f"{title}  ({count})" if count else title)

    def show_section(self, widget: QWidget) -> None:
        index = self.indexOf(self.page_of(widget))
        if index >= 0:
            self.setCurrentIndex(index)


class Workspace(QWidget):
    """The page and the side panel for the session's working copy."""

    counts_changed = Signal(object)  # app.core.text.Counts

    def __init__(
        self,
        ctx: EditorContext,
        *,
        save_first: Callable[[], bool],
        renderer: ProcessRenderer | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self._loading = False
        self._spelling_started = False
        self.undo_stack = QUndoStack(self)
        store = ctx.store
        # -- the page -----------------------------------------------------------------------
        self.decisions = DecisionBanner(store)
        self.hint = Banner()  # a word about what just happened to the open article
        self.hint.setObjectName("hintBanner")
        self.hint.setAccessibleName(self.tr("Notice"))
        self.hint.hide()
        self.title = QLineEdit()
        self.title.setObjectName("pageTitle")
        self.title.setPlaceholderText(self.tr("Title"))
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setFrame(False)
        self.title.setTextMargins(0, 4, 0, 4)
        self.dek = GrowingText()
        self.dek.setObjectName("pageDek")
        tint(self.dek, text="muted")
        self.dek.setPlaceholderText(self.tr("Dek: the line under the title"))
        self.dek.setAccessibleName(self.tr("Dek"))
        self.canvas = Canvas()
        self.canvas.setAccessibleName(self.tr("Article text"))
        self.canvas.setFrameShape(QFrame.Shape.NoFrame)
        self.cards = CardLayer(ctx, self.canvas)
        self.find_bar = FindBar(self.canvas)
        self.page = QWidget()
        self.page.setObjectName("page")
        # Paper: the page, its title, dek and body on the page's ground.
        tint(self.page, window="page", base="page", text="text")
        page = QVBoxLayout(self.page)
        page.setContentsMargins(24, 12, 12, 0)
        page.setSpacing(4)
        page.addWidget(self.title)
        page.addWidget(self.dek)
        page.addWidget(self.canvas, 1)
        page.addWidget(self.find_bar)
        # -- the side panel ---------------------------------------------------------------
        self.panel = SidePanel()
        self._save_first = save_first
        self._read_only = False
        self.notes = NotesSection(ctx, save_first)
        self.checks = ChecksSection(ctx)
        self.details = MetadataPane(free_slug=store.articles.free_slug)
        self.preview = PreviewPane(store.path, identity=store.file.identity, renderer=renderer)
        self.sources_page = self.panel.add_lazy(self.tr("Sources"), self._build_sources)
        self.related_page = self.panel.add_lazy(self.tr("Related"), self._build_related)
        self.panel.add(self.notes, self.tr("Notes"))
        self.panel.add(self.checks, self.tr("Checks"))
        self.panel.add(self.details, self.tr("Details"))
        self.history_page = self.panel.add_lazy(self.tr("History"), self._build_history)
        self.panel.add(self.preview, self.tr("Preview"))
        self.panel.currentChanged.connect(self._section_shown)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.page)
        self.split.addWidget(self.panel)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([700, 340])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.decisions)
        layout.addWidget(self.hint)
        from app.ui.changes_view import SinceLookedBanner

        self.since_looked = SinceLookedBanner(ctx)
        layout.addWidget(self.since_looked)
        layout.addWidget(self.split, 1)
        self.text_size = DEFAULT_TEXT_SIZE
        # -- what edits do --------------------------------------------------------------------
        self._counts = QTimer(self)
        self._counts.setSingleShot(True)
        self._counts.setInterval(150)
        self._counts.timeout.connect(self._count)
        self.canvas.textChanged.connect(self._body_changed)
        self.title.textEdited.connect(self._title_edited)
        self.dek.textChanged.connect(self._dek_edited)
        self.details.changed.connect(self._panel_changed)
        self.notes.current_line = lambda: self.canvas.textCursor().blockNumber() + 1
        self.notes.marked = self.canvas.set_notes
        self.canvas.margin.clicked.connect(self.show_notes_at)
        self.notes.counts_changed.connect(self._panel_counts)
        self.checks.counts_changed.connect(self._panel_counts)
        self.checks.finding_chosen.connect(self.jump_to_finding)
        self.checks.fix_requested.connect(lambda _f: self.normalise_punctuation(whole=True))
        ctx.jump.connect(self.jump_to_line)
        from app.ui.spelling import SpellingService

        self.spelling = SpellingService(ctx)
        self.spelling.ready.connect(self.canvas.cards_highlighter.set_speller)
        self.canvas.word_added.connect(self.spelling.add_word)
        ctx.changes.connect(self._changes)
        self.setEnabled(False)

    # -- loading ----------------------------------------------------------------------------
    def load(self, article: Article) -> None:
        """Show the session's working copy (``ctx.session.article``)."""
        self._loading = True
        self.hint.hide()
        self.undo_stack.clear()
        self.cards.clear()
        self.title.setText(article.title)
        self.dek.setPlainText(article.dek)
        self.canvas.setPlainText(article.body)
        self.canvas.document().setModified(False)
        self.details.set_sections(self.ctx.store.sections())
        self.reload_panels()
        self.cards.refresh()
        self._loading = False
        self.setEnabled(True)
        self._count()
        self.decisions.show_for(article.id)
        self.preview.request(article, now=True)
        if not self._spelling_started:  # off the start path: after the first article is shown
            self._spelling_started = True
            self.spelling.start()

    # -- sections made when first shown ------------------------------------------------------
    @property
    def sources(self) -> SourcesPane:
        return self.panel.built(self.sources_page)  # type: ignore[return-value]

    @property
    def related(self) -> RelatedPane:
        return self.panel.built(self.related_page)  # type: ignore[return-value]

    @property
    def history(self) -> HistorySection:
        return self.panel.built(self.history_page)  # type: ignore[return-value]

    def _list_pane(self, pane: SourcesPane | RelatedPane, attr: str) -> None:
        pane.changed.connect(self._panel_changed)
        pane.structural_edit.connect(
            lambda text, before: self.undo_stack.push(ListSnapshot(self, attr, before, text))
        )
        pane.setEnabled(not self._read_only)

    def _build_sources(self) -> QWidget:
        from app.ui import sources_pane  # imported when first shown, not at the start

        pane = sources_pane.SourcesPane()
        self._list_pane(pane, "sources")
        if self.ctx.article is not None:
            pane.load(self.ctx.article)
        return pane

    def _build_related(self) -> QWidget:
        from app.ui import related_pane

        pane = related_pane.RelatedPane(self.ctx.store)
        self._list_pane(pane, "related")
        if self.ctx.article is not None:
            pane.load(self.ctx.article.related, exclude_id=self.ctx.article.id)
        return pane

    def _build_history(self) -> QWidget:
        from app.ui import history_section

        pane = history_section.HistorySection(self.ctx, self._save_first)
        pane.setEnabled(not self._read_only)
        # Built because it is the open section (or asked for by it): it follows the article.
        pane.shown = self.panel.currentIndex() == self.panel.indexOf(self.history_page)
        return pane

    def reload_panels(self) -> None:
        article = self.ctx.article
        if article is None:
            return
        self.details.load(article)
        if self.panel.is_built(self.sources_page):
            self.sources.load(article)
        if self.panel.is_built(self.related_page):
            self.related.load(article.related, exclude_id=article.id)
        self._panel_counts()

    # -- edits ------------------------------------------------------------------------------
    def _body_changed(self) -> None:
        article = self.ctx.article
        if self._loading or article is None:
            return
        text = self.canvas.toPlainText()
        if text == article.body:
            return  # a format change (spelling, a card's room), not an edit
        article.body = text
        self._counts.start()
        self.preview.request(article)
        self.ctx.touch()

    def _title_edited(self, text: str) -> None:
        article = self.ctx.article
        if self._loading or article is None:
            return
        before, article.title = article.title, text
        self.details.follow_title(before, text)
        self.preview.request(article)
        self.ctx.touch()

    def _dek_edited(self) -> None:
        article = self.ctx.article
        if self._loading or article is None:
            return
        article.dek = self.dek.toPlainText()
        self.preview.request(article)
        self.ctx.touch()

    def _panel_changed(self) -> None:
        article = self.ctx.article
        if self._loading or article is None:
            return
        self.preview.request(article)
        self._panel_counts()
        self.ctx.touch()

    def _changes(self, changes: Changes) -> None:
        article = self.ctx.article
        if article is not None and article.id in changes.statuses:
            self.decisions.show_for(article.id)

    def _count(self) -> None:
        """A moment after typing stops: the counts (body apart from captions and further
        reading), and the lines the page could not be built from marked with why."""
        article = self.ctx.article
        if article is None:
            return
        counts = count_article(article.body, [f.caption for f in article.figures])
        self.counts_changed.emit(counts)
        self.canvas.highlighter.set_problem_lines(self.syntax_problems())

    def syntax_problems(self) -> dict[int, str]:
        from app.core.body_syntax import syntax_problems

        article = self.ctx.article
        if article is None:
            return {}
        keys = {f.key for f in article.figures} | set(self.cards.shelf)
        found = syntax_problems(article.body, keys, self.ctx.store.articles.refers)
        return {p.line: p.message for p in found}

    def _panel_counts(self) -> None:
        article = self.ctx.article
        if article is None:
            return
        self.panel.count_in(self.sources_page, str(len(article.sources)) if article.sources else "")
        self.panel.count_in(self.related_page, str(len(article.related)) if article.related else "")
        notes = self.notes.open_count
        self.panel.count_in(self.notes, self.tr("{n} open").format(n=notes) if notes else "")
        errors = self.checks.errors
        self.panel.count_in(self.checks, self.tr("%n errors", "", errors) if errors else "")

    def _section_shown(self, index: int) -> None:
        widget = self.panel.widget(index)
        on = widget is self.history_page
        if on or self.panel.is_built(self.history_page):
            self.history.shown = on  # building it (self.history) when it is the one shown
        if widget is self.history_page:
            self.history.refresh()
        elif widget is self.checks:
            self.checks.refresh()
        elif widget is self.preview and self.ctx.article is not None:
            self.preview.request(self.ctx.article, now=True)

    # -- going places -----------------------------------------------------------------------
    def show_notes_at(self, line: int) -> None:
        """A margin badge was clicked: the Notes section, on that paragraph's thread."""
        if not self.panel.isVisible():
            self.panel.show()
        self.panel.show_section(self.notes)
        self.notes.show_line(line)

    def jump_to_line(self, line: int, column: int = 0) -> None:
        self.canvas.jump_to_line(line, column)

    def jump_to_finding(self, finding: object) -> None:
        """Show where a check finding is: the paragraph, the figure's card, the source or
        link, or the field."""
        line = getattr(finding, "line", None)
        name = getattr(finding, "field", "")
        index = getattr(finding, "index", None)
        article = self.ctx.article
        if line:
            self.jump_to_line(line, getattr(finding, "column", 0) or 0)
        elif name == "figures" and article is not None and index is not None:
            if 0 <= index < len(article.figures):
                card = self.cards.card_for_key(article.figures[index].key)
                if card is not None and card.spot is not None:
                    self.jump_to_line(card.spot.first)
                    card.focus_caption()
        elif name in ("sources", "related"):
            pane = self.sources if name == "sources" else self.related
            self.panel.show_section(pane)
            if index is not None and hasattr(pane, "select_row"):
                pane.select_row(index)
        elif name in ("title", "dek"):
            (self.title if name == "title" else self.dek).setFocus()
        elif name:
            self.panel.show_section(self.details)
            widget = getattr(self.details, name, None)
            if isinstance(widget, QWidget):
                widget.setFocus()

    # -- copy desk --------------------------------------------------------------------------
    def normalise_punctuation(self, *, whole: bool = False) -> bool:
        from app.core.typography import full_width_punctuation

        return self.canvas.transform(full_width_punctuation, whole=whole)

    def to_traditional(self) -> bool:
        from app.core.typography import to_traditional

        return self.canvas.transform(to_traditional)

    # -- how it looks -----------------------------------------------------------------------
    def set_text_size(self, points: int) -> None:
        """The page's type size (Ctrl+= / Ctrl+-): title, dek and canvas together."""
        self.text_size = points
        body = QFont(self.canvas.font())
        body.setPointSize(points)
        self.canvas.set_text_font(body)
        title = QFont(body)
        title.setPointSize(round(points * 1.6))
        title.setBold(True)
        self.title.setFont(title)
        dek = QFont(body)
        dek.setPointSize(round(points * 1.1))
        self.dek.setFont(dek)
        self.cards.place()

    def show_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.show()

    def restyle(self) -> None:
        """The appearance changed (light, dark): the colours drawn in code follow."""
        from app.ui.preview import preview_css
        from app.ui.theme import diff_style, is_dark

        self.canvas.cards_highlighter.set_colors(is_dark())
        self.canvas.cards_highlighter.rehighlight()
        self.preview.browser.document().setDefaultStyleSheet(preview_css())
        if self.panel.is_built(self.history_page):
            self.history.diff.document().setDefaultStyleSheet(diff_style())
        if self.ctx.article is not None:
            self.preview.request(self.ctx.article, now=True)
        self.canvas.margin.update()

    def set_read_only(self, read_only: bool) -> None:
        """A read-only store: the text can be read, searched and copied, not changed."""
        self.canvas.setReadOnly(read_only)
        self.title.setReadOnly(read_only)
        self.dek.setReadOnly(read_only)
        self._read_only = read_only
        for page in (self.sources_page, self.related_page, self.history_page):
            if self.panel.is_built(page):
                self.panel.built(page).setEnabled(not read_only)
        for pane in (self.details, self.notes):
            pane.setEnabled(not read_only)

    def show_panel(self, visible: bool) -> None:
        self.panel.setVisible(visible)

    def shutdown(self) -> None:
        """Stop everything that could still touch the store after the window closes."""
        self._counts.stop()
        self.checks.timer.stop()
        if self.panel.is_built(self.related_page):
            self.related._search_timer.stop()  # noqa: SLF001
        self.preview.shutdown()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(1000, 640)


def page_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
