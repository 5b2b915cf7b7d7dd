"""The review queue (待審): the articles waiting for an editor, oldest first, with who
submitted them and when, their open notes, failing checks and length. Enter opens one;
Approve, Send back and Next (Edit menu) work from here. Refreshed by the store's change
reports (a submission on another laptop arrives with the desk sync)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from app.store.changes import Changes
    from app.store.review import Waiting
    from app.ui.context import EditorContext


class ReviewQueue(QWidget):
    chosen = Signal(str)  # the article to open
    counted = Signal(int)  # how many wait

    def __init__(self, ctx: EditorContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.waiting: list[Waiting] = []
        self._stale = True
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Articles waiting for review"))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [
                self.tr("Title"),
                self.tr("Submitted by"),
                self.tr("When"),
                self.tr("Notes"),
                self.tr("Checks"),
                self.tr("Length"),
            ]
        )
        # The list is narrow: each article on two lines (title; who, when, notes, checks,
        # length); the columns stay for sorting by hand and for screen readers.
        self.tree.setHeaderHidden(True)
        for column in range(1, 6):
            self.tree.setColumnHidden(column, True)
        self.tree.setWordWrap(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        ctx.changes.connect(self._changes)

    def _changes(self, changes: Changes) -> None:
        if changes.statuses or changes.articles or changes.created or changes.notes:
            if self.isVisible():
                self.refresh()
            else:  # read again when shown: an autosave elsewhere costs the queue nothing
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        if self.ctx.closed:
            return
        self._stale = False
        current = self.current_id()
        self.waiting = self.ctx.store.review.queue()
        self.tree.clear()
        for w in self.waiting:
            facts = [w.submitted_by or "—", w.submitted_at[:16].replace("T", " ")]
            if w.open_notes:
                facts.append(self.tr("%n open notes", "", w.open_notes))
            if w.failing_checks:
                facts.append(self.tr("%n checks fail", "", w.failing_checks))
            facts.append(self.tr("{n} characters").format(n=f"{w.words:,}"))
            item = QTreeWidgetItem(
                [
                    f"{w.title}\n" + " · ".join(facts),
                    w.submitted_by,
                    w.submitted_at[:16].replace("T", " "),
                    str(w.open_notes) if w.open_notes else "",
                    self.tr("{n} failing").format(n=w.failing_checks) if w.failing_checks else "",
                    f"{w.words:,}",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, w.article_id)
            item.setToolTip(
                0,
                self.tr("{title}\nSubmitted by {who} at {when}").format(
                    title=w.title, who=w.submitted_by or "—", when=w.submitted_at[:16]
                ),
            )
            for column in (3, 4, 5):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.tree.addTopLevelItem(item)
            if w.article_id == current:
                self.tree.setCurrentItem(item)
        self.summary.setText(
            self.tr("%n articles wait for review, oldest first.", "", len(self.waiting))
            if self.waiting
            else self.tr("Nothing waits for review.")
        )
        self.counted.emit(len(self.waiting))

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _activated(self, item: QTreeWidgetItem) -> None:
        self.chosen.emit(item.data(0, Qt.ItemDataRole.UserRole))

    def next_after(self, article_id: str | None) -> str | None:
        """The article waiting after ``article_id`` (the oldest when it is not waiting)."""
        ids = [w.article_id for w in self.waiting]
        if not ids:
            return None
        if article_id in ids:
            later = ids[ids.index(article_id) + 1 :]
            return later[0] if later else None
        return ids[0]

    def select(self, article_id: str) -> None:
        for n in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(n)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == article_id:
                self.tree.setCurrentItem(item)
                return
