"""History (版本紀錄) in the side panel: one entry a writing session (expand it for its
saves), the status decisions among them with who, when, in which role and why; a diff
between any two revisions; restore; and when both sides edited apart, the other text waiting:
keep mine or take theirs. Every label is the window's language."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.i18n import status_label
from app.ui.panel_review import act
from app.ui.theme import Banner, diff_style

if TYPE_CHECKING:
    from app.store.changes import Changes
    from app.ui.context import EditorContext

NUMBER = Qt.ItemDataRole.UserRole  # a revision's number (0 on a decision's row)


class HistorySection(QWidget):
    def __init__(self, ctx: EditorContext, save_first: Callable[[], bool]) -> None:
        super().__init__()
        self.ctx = ctx
        self.save_first = save_first
        self.revisions = QTreeWidget()
        self.revisions.setAccessibleName(self.tr("Writing sessions and decisions"))
        self.revisions.setHeaderHidden(True)
        self.revisions.setWordWrap(True)
        self.old = QComboBox()
        self.old.setAccessibleName(self.tr("Older revision"))
        self.new = QComboBox()
        self.new.setAccessibleName(self.tr("Newer revision"))
        self.diff = QTextBrowser()
        self.diff.setAccessibleName(self.tr("Changes between the two revisions"))
        self.diff.document().setDefaultStyleSheet(diff_style())
        self.banner = Banner()
        self.banner.setObjectName("historyBanner")
        self.keep_mine = QPushButton(self.tr("Keep &mine"))
        self.take_theirs = QPushButton(self.tr("Take &theirs"))
        self.keep_mine.clicked.connect(lambda: self.settle("mine"))
        self.take_theirs.clicked.connect(lambda: self.settle("theirs"))
        self.restore_button = QPushButton(self.tr("&Restore the selected revision"))
        self.restore_button.clicked.connect(self.restore)
        self.side_by_side = QPushButton(self.tr("Side by side…"))
        self.side_by_side.setToolTip(self.tr("The two revisions paragraph by paragraph"))
        self.side_by_side.clicked.connect(self.show_side_by_side)
        self.old.currentIndexChanged.connect(self.show_diff)
        self.new.currentIndexChanged.connect(self.show_diff)
        self.revisions.currentItemChanged.connect(lambda item, _old: self._pick(item))
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Compare")))
        pick.addWidget(self.old)
        pick.addWidget(QLabel(self.tr("with")))
        pick.addWidget(self.new)
        pick.addWidget(self.side_by_side)
        pick.addStretch(1)
        choose = QHBoxLayout()
        choose.addWidget(self.keep_mine)
        choose.addWidget(self.take_theirs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addLayout(choose)
        layout.addWidget(self.revisions, 1)
        layout.addWidget(self.restore_button)
        layout.addLayout(pick)
        layout.addWidget(self.diff, 2)
        self._incoming: list[int] = []
        self.shown = False  # refreshed only while its section is open (it reads every revision)
        ctx.changes.connect(self._changes)
        ctx.opened.connect(lambda _a: self.refresh() if self.shown else None)

    def _changes(self, changes: Changes) -> None:
        article = self.ctx.article
        if self.shown and article is not None and changes.touches(article.id):
            self.refresh()

    # -- words -----------------------------------------------------------------------------
    def origin_label(self, origin: str) -> str:
        """What the store calls a revision's origin, in the window's language."""
        if not origin:
            return ""
        fixed = {
            "imported": self.tr("imported"),
            "merged both sides": self.tr("both sides' edits merged"),
            "from the desk": self.tr("from the desk"),
        }
        if origin in fixed:
            return fixed[origin]
        if m := re.fullmatch(r"restored from revision (\d+)", origin):
            return self.tr("revision {n} restored").format(n=m.group(1))
        if m := re.fullmatch(r"kept mine over revision (\d+)", origin):
            return self.tr("kept this side over revision {n}").format(n=m.group(1))
        if m := re.fullmatch(r"took revision (\d+)", origin):
            return self.tr("took the other side's revision {n}").format(n=m.group(1))
        if m := re.fullmatch(r"status (\w+) → (\w+)", origin):
            return self.tr("dated on publication ({status})").format(
                status=status_label(m.group(2))
            )
        return origin

    def role_label(self, role: str) -> str:
        return {
            "reporter": self.tr("reporter"),
            "editor": self.tr("editor"),
            "web_producer": self.tr("web producer"),
            "archive": self.tr("archive import"),
            "desk": self.tr("the desk"),
        }.get(role, role)

    # -- filling -----------------------------------------------------------------------------
    def refresh(self) -> None:
        from app.core.sessions import writing_sessions

        article = self.ctx.article
        if article is None or self.ctx.closed:
            return
        store = self.ctx.store
        history = store.revisions(article.id)
        decisions = store.review.status_history(article.id)
        self._incoming = store.merge.incoming(article.id)
        for combo in (self.old, self.new):
            combo.blockSignals(True)
            combo.clear()
        self.revisions.clear()
        entries: list[tuple[str, QTreeWidgetItem]] = []
        for session in writing_sessions(history):
            first, last = session.first, session.last
            saves = len(session.revisions)
            when = first.created[:16].replace("T", " ")
            if saves > 1:
                end = last.created[11:16]
                text = self.tr("{who} wrote · {start}–{end} · {n} saves").format(
                    who=first.author or "—", start=when, end=end, n=saves
                )
            else:
                text = self.tr("{who} · {at}").format(who=first.author or "—", at=when)
            origin = self.origin_label(session.origin)
            if origin:
                text += f" · {origin}"
            text += "  " + self.tr("(revision {n})").format(n=last.number)
            top = QTreeWidgetItem([text])
            top.setData(0, NUMBER, last.number)
            top.setToolTip(0, text)
            if saves > 1:
                for r in reversed(session.revisions):
                    child = QTreeWidgetItem(
                        [
                            self.tr("{n}. {at} · {size} characters").format(
                                n=r.number,
                                at=r.created[11:19],
                                size=f"{r.size:,}",
                            )
                        ]
                    )
                    child.setData(0, NUMBER, r.number)
                    top.addChild(child)
            entries.append((last.created, top))
        for change in decisions:
            text = self.tr("{status} — {who} ({role}) · {at}").format(
                status=status_label(change.to_status),
                who=change.who or "—",
                role=self.role_label(change.role),
                at=change.at[:16].replace("T", " "),
            )
            if change.override:
                text += "\n" + self.tr("Why: {reason}").format(reason=change.override)
            item = QTreeWidgetItem([text])
            item.setData(0, NUMBER, 0)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setToolTip(0, text)
            entries.append((change.at, item))
        for _at, item in sorted(entries, key=lambda e: e[0], reverse=True):
            self.revisions.addTopLevelItem(item)
        for r in reversed(history):
            for combo in (self.old, self.new):
                combo.addItem(str(r.number), r.number)
        head = next((r.number for r in history if r.id == article.revision), None)
        show = (
            self._incoming[-1]
            if self._incoming
            else (history[-2].number if len(history) > 1 else head)
        )
        self.old.setCurrentIndex(max(0, self.old.findData(show)))
        self.new.setCurrentIndex(max(0, self.new.findData(head)))
        for combo in (self.old, self.new):
            combo.blockSignals(False)
        waiting = bool(self._incoming)
        for widget in (self.banner, self.keep_mine, self.take_theirs):
            widget.setVisible(waiting)
        if waiting:
            self.banner.setText(
                self.tr(
                    "Both sides edited this article. Revision {n} is the other text: compare "
                    "below, then keep yours or take theirs (both stay in the history)."
                ).format(n=self._incoming[-1])
            )
        self.show_diff()

    def selected_number(self) -> int | None:
        item = self.revisions.currentItem()
        number = item.data(0, NUMBER) if item is not None else None
        return int(number) if number else None

    def select_number(self, number: int) -> None:
        """Choose the row of revision ``number`` (a session's save, expanded if need be)."""
        for n in range(self.revisions.topLevelItemCount()):
            top = self.revisions.topLevelItem(n)
            if top is None:
                continue
            for item in [top, *(top.child(m) for m in range(top.childCount()))]:
                if item is not None and item.data(0, NUMBER) == number:
                    self.revisions.setCurrentItem(item)
                    return

    def _pick(self, item: Any) -> None:
        number = item.data(0, NUMBER) if item is not None else None
        self.restore_button.setEnabled(bool(number))
        if number:
            self.old.setCurrentIndex(max(0, self.old.findData(number)))

    # -- comparing and choosing ------------------------------------------------------------
    def show_diff(self) -> None:
        from app.core.diff import diff_html, diff_stats

        article = self.ctx.article
        old, new = self.old.currentData(), self.new.currentData()
        if article is None or old is None or new is None:
            self.diff.clear()
            return
        found = self.ctx.store.review.diff(article.id, old, new)
        inserted, deleted = diff_stats(found.body)
        head = self.tr("+{ins} / −{dele} characters").format(ins=inserted, dele=deleted)
        if found.fields:
            head += " · " + self.tr("also changed: {fields}").format(fields=", ".join(found.fields))
        self.diff.setHtml(f"<p><b>{head}</b></p><p>{diff_html(found.body)}</p>")

    def show_side_by_side(self) -> None:
        from app.ui.changes_view import ChangesView

        article = self.ctx.article
        old, new = self.old.currentData(), self.new.currentData()
        if article is None or old is None or new is None:
            return
        ChangesView(self.ctx.store, article.id, old, new, self.ctx.host).exec()

    def restore(self) -> None:
        number = self.selected_number()
        article = self.ctx.article
        if number is None or article is None or not self.save_first():
            return
        act(
            self.ctx,
            self.tr("History"),
            lambda: self.ctx.store.review.restore_revision(
                article.id, number, who=self.ctx.author, role=self.ctx.role
            ),
        )

    def settle(self, keep: str) -> None:
        article = self.ctx.article
        if not self._incoming or article is None or not self.save_first():
            return
        number = self._incoming[-1]
        act(
            self.ctx,
            self.tr("History"),
            lambda: self.ctx.store.review.settle_incoming(
                article.id, number, keep=keep, who=self.ctx.author, role=self.ctx.role
            ),
        )
