"""The side panel's review sections: Notes (threads anchored to paragraphs), Checks (live,
click jumps to the place), History (revisions, diffs, restore, both sides' texts).

Each is its own widget, handed the editor context: it reads the session's working copy and
the store, acts through the store, and refreshes from the store's change reports.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import GalleyError
from app.ui.check_messages import check_message

if TYPE_CHECKING:
    from app.store.changes import Changes
    from app.ui.context import EditorContext

log = logging.getLogger(__name__)

CHECK_DELAY_MS = 600  # checks run again this long after typing stops


def act(ctx: EditorContext, title: str, action: Callable[[], object]) -> bool:
    """Run a store action; a refusal is said in a dialog (the change report refreshes)."""
    try:
        action()
    except GalleyError as exc:
        QMessageBox.warning(ctx.host, title, str(exc))
        return False
    return True


class NotesSection(QWidget):
    """Review notes as threads: on the article or anchored to a paragraph (a marker in the
    canvas's margin); click a thread to go to its paragraph; reply, resolve, reopen."""

    counts_changed = Signal()

    def __init__(self, ctx: EditorContext, save_first: Callable[[], bool]) -> None:
        super().__init__()
        self.ctx = ctx
        self.save_first = save_first
        self.open_count = 0
        self.threads = QTreeWidget()
        self.threads.setHeaderHidden(True)
        self.threads.setAccessibleName(self.tr("Review notes"))
        self.threads.setWordWrap(True)
        self.threads.itemClicked.connect(self._jump)
        self.threads.itemActivated.connect(self._jump)
        self.on_paragraph = QPushButton(self.tr("Note on this &paragraph…"))
        self.on_article = QPushButton(self.tr("Note on the &article…"))
        self.reply = QPushButton(self.tr("&Reply…"))
        self.resolve = QPushButton(self.tr("Re&solve / reopen"))
        self.on_paragraph.clicked.connect(lambda: self.add_note(on_paragraph=True))
        self.on_article.clicked.connect(lambda: self.add_note(on_paragraph=False))
        self.reply.clicked.connect(self.answer)
        self.resolve.clicked.connect(self.toggle_resolved)
        buttons = QHBoxLayout()
        buttons.addWidget(self.on_paragraph)
        buttons.addWidget(self.on_article)
        more = QHBoxLayout()
        more.addWidget(self.reply)
        more.addWidget(self.resolve)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(QLabel(self.tr("Notes are never published.")))
        layout.addWidget(self.threads, 1)
        layout.addLayout(buttons)
        layout.addLayout(more)
        self.current_line: Callable[[], int] = lambda: 1
        self.marked: Callable[[dict[int, list[str]]], None] = lambda _notes: None
        ctx.changes.connect(self._changes)
        ctx.opened.connect(lambda _a: self.refresh())

    def _changes(self, changes: Changes) -> None:
        article = self.ctx.article
        if article is not None and changes.touches(article.id):
            self.refresh()

    def refresh(self) -> None:
        article = self.ctx.article
        self.threads.clear()
        if article is None:
            return
        found = self.ctx.store.review.notes(article.id, body=article.body)
        items: dict[str, QTreeWidgetItem] = {}
        for note in found:
            if note.paragraph is not None:
                where = self.tr("paragraph at line {n}").format(n=note.paragraph.first_line)
            elif note.detached:
                where = self.tr("its paragraph is gone")
            else:
                where = self.tr("the article")
            state = self.tr("resolved") if note.resolved else self.tr("open")
            when = note.created[:16].replace("T", " ")
            text = f"{note.author}: {note.body}\n{where} · {state} · {when}"
            item = QTreeWidgetItem([text])
            item.setData(0, Qt.ItemDataRole.UserRole, note.uid)
            item.setData(
                0,
                Qt.ItemDataRole.UserRole + 1,
                note.paragraph.first_line if note.paragraph else 0,
            )
            item.setData(0, Qt.ItemDataRole.UserRole + 2, note.resolved)
            item.setToolTip(0, note.body)
            parent = items.get(note.parent_uid or "")
            (parent.addChild(item) if parent else self.threads.addTopLevelItem(item))
            items[note.uid] = item
        self.threads.expandAll()
        self.open_count = sum(1 for n in found if not n.resolved and not n.parent_uid)
        marks: dict[int, list[str]] = {}
        for n in found:
            if n.paragraph and not n.resolved:
                marks.setdefault(n.paragraph.first_line, []).append(f"{n.author}: {n.body}")
        self.marked(marks)
        self.counts_changed.emit()

    def _selected(self) -> str | None:
        item = self.threads.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def add_note(self, *, on_paragraph: bool) -> None:
        if self.ctx.article is None or not self.save_first():
            return
        line = self.current_line() if on_paragraph else None
        self._ask(self.tr("New note"), self.tr("Note:"), line=line)

    def answer(self) -> None:
        uid = self._selected()
        if uid is not None:
            self._ask(self.tr("Reply"), self.tr("Reply:"), reply_to=uid)

    def _ask(self, title: str, label: str, **where: Any) -> None:
        text, ok = QInputDialog.getMultiLineText(self.ctx.host, title, label)
        article = self.ctx.article
        if ok and text.strip() and article is not None:
            act(
                self.ctx,
                title,
                lambda: self.ctx.store.review.add_note(
                    article.id, text, author=self.ctx.author, **where
                ),
            )

    def toggle_resolved(self) -> None:
        item = self.threads.currentItem()
        if item is None:
            return
        while (parent := item.parent()) is not None:
            item = parent
        uid = item.data(0, Qt.ItemDataRole.UserRole)
        resolved = bool(item.data(0, Qt.ItemDataRole.UserRole + 2))
        act(
            self.ctx,
            self.tr("Notes"),
            lambda: self.ctx.store.review.set_resolved(
                uid, who=self.ctx.author, resolved=not resolved
            ),
        )

    def show_line(self, line: int) -> None:
        """The first thread anchored at body ``line`` chosen (a margin badge was clicked)."""
        for n in range(self.threads.topLevelItemCount()):
            item = self.threads.topLevelItem(n)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole + 1) == line:
                self.threads.setCurrentItem(item)
                self.threads.scrollToItem(item)
                self.threads.setFocus()
                return

    def _jump(self, item: QTreeWidgetItem) -> None:
        line = item.data(0, Qt.ItemDataRole.UserRole + 1)
        if line:
            self.ctx.jump.emit(int(line), 0)


class ChecksSection(QWidget):
    """The pre-publication checks, live: run again a moment after typing stops; a click
    jumps to the paragraph (or the field, figure or source)."""

    counts_changed = Signal()
    finding_chosen = Signal(object)
    fix_requested = Signal(str)

    def __init__(self, ctx: EditorContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.findings: list[Any] = []
        self.errors = 0
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Check findings"))
        self.list.itemClicked.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)
        self.fix = QPushButton(self.tr("Fi&x punctuation in the whole body"))
        self.fix.clicked.connect(lambda: self.fix_requested.emit("full-width-punctuation"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.fix)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CHECK_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        ctx.edited.connect(self.timer.start)
        ctx.opened.connect(lambda _a: self.timer.start())
        ctx.changes.connect(lambda _c: self.timer.start())

    def refresh(self) -> None:
        article = self.ctx.article
        if self.ctx.closed:
            return
        self.list.clear()
        if article is None:
            self.findings = []
            return
        self.findings = self.ctx.store.review.check(article)
        self.errors = sum(1 for f in self.findings if f.severity == "error")
        if not self.findings:
            self.summary.setText(self.tr("No problems found."))
        else:
            self.summary.setText(
                self.tr("{errors} errors, {warnings} warnings").format(
                    errors=self.errors, warnings=len(self.findings) - self.errors
                )
            )
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        for n, f in enumerate(self.findings):
            where = self.tr("line {n}: ").format(n=f.line) if f.line else ""
            item = QListWidgetItem(icons[f.severity], where + check_message(f))
            item.setData(Qt.ItemDataRole.UserRole, n)
            self.list.addItem(item)
        self.fix.setVisible(any(f.fix for f in self.findings))
        self.counts_changed.emit()

    def _chosen(self, item: QListWidgetItem) -> None:
        self.finding_chosen.emit(self.findings[item.data(Qt.ItemDataRole.UserRole)])
