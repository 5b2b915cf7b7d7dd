"""The editor's review panes: Review (status and notes), History (diffs, restore), Checks.

They change data only through app.store.review / app.store.exchange and then ask the window
to reload the article from the store (the store is the truth).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import GalleyError
from app.ui.check_messages import check_message

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

DIFF_CSS = (
    "ins { background-color: #c8f0c8; text-decoration: none; } del { background-color: #f8c8c8; }"
)


class ReviewPane(QWidget):
    """Status with its allowed next steps and record; notes with replies, resolve, reopen."""

    def __init__(self, main: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main = main
        self.status_label = QLabel()
        self.status_buttons = QHBoxLayout()
        self.record = QListWidget()
        self.record.setMaximumHeight(110)
        self.notes = QTreeWidget()
        self.notes.setHeaderLabels(
            [self.tr("Note"), self.tr("Where"), self.tr("By"), self.tr("State")]
        )
        self.notes.setColumnWidth(0, 320)
        self.notes.itemDoubleClicked.connect(self._jump)
        add_article = QPushButton(self.tr("Note on the &article…"))
        add_paragraph = QPushButton(self.tr("Note on this &paragraph…"))
        reply = QPushButton(self.tr("Re&ply…"))
        self.resolve_button = QPushButton(self.tr("Resol&ve / reopen"))
        add_article.clicked.connect(lambda: self.add_note(on_paragraph=False))
        add_paragraph.clicked.connect(lambda: self.add_note(on_paragraph=True))
        reply.clicked.connect(self.reply)
        self.resolve_button.clicked.connect(self.toggle_resolved)
        buttons = QHBoxLayout()
        for b in (add_article, add_paragraph, reply, self.resolve_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.status_label)
        top.addLayout(self.status_buttons)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.record)
        layout.addWidget(QLabel(self.tr("Review notes (never published):")))
        layout.addWidget(self.notes, 1)
        layout.addLayout(buttons)

    def status_name(self, status: str) -> str:
        return self.main.editor.metadata.status_label(status)

    def refresh(self) -> None:
        from app.core.workflow import next_statuses

        session = self.main.session
        if session is None:
            return
        article = session.article
        self.status_label.setText(
            self.tr("Status: <b>{status}</b>").format(status=self.status_name(article.status))
        )
        while self.status_buttons.count():
            taken = self.status_buttons.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for target in next_statuses(article.status, self.main.role):
            button = QPushButton(self.tr("→ {status}").format(status=self.status_name(target)))
            button.clicked.connect(
                lambda _c=False, t=target: self.main.review_actions.change_status(t)
            )
            self.status_buttons.addWidget(button)
        self.record.clear()
        for c in self.main.store.review.status_history(article.id):
            text = self.tr("{at}  {before} → {after}  by {who}").format(
                at=c.at[:16].replace("T", " "),
                before=self.status_name(c.from_status),
                after=self.status_name(c.to_status),
                who=c.who,
            )
            if c.override:
                text += self.tr("  (override: {why})").format(why=c.override)
            self.record.addItem(text)
        self.notes.clear()
        items: dict[str, QTreeWidgetItem] = {}
        found = self.main.store.review.notes(article.id, body=article.body)
        for note in found:
            if note.paragraph is not None:
                where = self.tr("line {n}").format(n=note.paragraph.first_line)
            elif note.detached:
                where = self.tr("paragraph gone")
            else:
                where = self.tr("article")
            state = self.tr("resolved") if note.resolved else self.tr("open")
            item = QTreeWidgetItem([note.body, where, note.author, state])
            item.setData(0, Qt.ItemDataRole.UserRole, note.uid)
            item.setData(
                1, Qt.ItemDataRole.UserRole, note.paragraph.first_line if note.paragraph else 0
            )
            item.setToolTip(0, note.body)
            parent = items.get(note.parent_uid or "")
            (parent.addChild(item) if parent else self.notes.addTopLevelItem(item))
            items[note.uid] = item
        self.notes.expandAll()
        self.main.editor.body.set_note_lines(
            sorted({n.paragraph.first_line for n in found if n.paragraph and not n.resolved})
        )

    def _selected_uid(self) -> str | None:
        item = self.notes.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def add_note(self, *, on_paragraph: bool) -> None:
        if not self.main.save_now():
            return
        line = self.main.editor.body.textCursor().blockNumber() + 1 if on_paragraph else None
        self._ask_and_add(self.tr("New note"), self.tr("Note:"), line=line)

    def reply(self) -> None:
        uid = self._selected_uid()
        if uid is not None:
            self._ask_and_add(self.tr("Reply"), self.tr("Reply:"), reply_to=uid)

    def _ask_and_add(self, title: str, label: str, **where: Any) -> None:
        """Ask for the note's text, then store it on the article, a paragraph or a note."""

        text, ok = QInputDialog.getMultiLineText(self, title, label)
        session = self.main.session
        if ok and text.strip() and session is not None:
            article_id = session.article_id
            self._do(
                lambda: self.main.store.review.add_note(
                    article_id,
                    text,
                    author=self.main.author,
                    **where,
                )
            )

    def toggle_resolved(self) -> None:

        item = self.notes.currentItem()
        if item is None:
            return
        while (parent := item.parent()) is not None:
            item = parent
        uid = item.data(0, Qt.ItemDataRole.UserRole)
        resolved = item.text(3) == self.tr("resolved")
        self._do(
            lambda: self.main.store.review.set_resolved(
                uid, who=self.main.author, resolved=not resolved
            )
        )

    def _do(self, action: Any) -> None:
        try:
            action()
        except GalleyError as exc:
            QMessageBox.warning(self, self.tr("Review"), str(exc))
        self.refresh()

    def _jump(self, item: QTreeWidgetItem) -> None:
        line = item.data(1, Qt.ItemDataRole.UserRole)
        if line:
            self.main.editor.jump_to_line(int(line))


class HistoryPane(QWidget):
    """Every revision with time, author and size; a diff between any two; restore."""

    def __init__(self, main: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main = main
        self.revisions = QListWidget()
        self.old = QComboBox()
        self.new = QComboBox()
        self.diff = QTextBrowser()
        self.diff.document().setDefaultStyleSheet(DIFF_CSS)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background-color: #fff3cd; padding: 6px;")
        self.keep_mine = QPushButton(self.tr("Keep &mine"))
        self.take_theirs = QPushButton(self.tr("Take &theirs"))
        self.keep_mine.clicked.connect(lambda: self.settle("mine"))
        self.take_theirs.clicked.connect(lambda: self.settle("theirs"))
        restore = QPushButton(self.tr("&Restore the selected revision"))
        restore.clicked.connect(self.restore)
        self.old.currentIndexChanged.connect(self.show_diff)
        self.new.currentIndexChanged.connect(self.show_diff)
        self.revisions.currentRowChanged.connect(self._pick)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Compare")))
        pick.addWidget(self.old)
        pick.addWidget(QLabel(self.tr("with")))
        pick.addWidget(self.new)
        pick.addStretch(1)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.keep_mine)
        banner_row.addWidget(self.take_theirs)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.revisions)
        left_layout.addWidget(restore)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(pick)
        right_layout.addWidget(self.diff)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([260, 540])
        layout = QVBoxLayout(self)
        layout.addLayout(banner_row)
        layout.addWidget(split)
        self._incoming: list[int] = []

    def refresh(self) -> None:

        session = self.main.session
        if session is None:
            return
        store = self.main.store
        history = store.revisions(session.article_id)
        self._incoming = store.merge.incoming(session.article_id)
        for combo in (self.old, self.new):
            combo.blockSignals(True)
            combo.clear()
        self.revisions.clear()
        for r in reversed(history):
            label = self.tr("{n}. {at}  {who}  {size} characters").format(
                n=r.number,
                at=r.created[:16].replace("T", " "),
                who=r.author or "—",
                size=f"{r.size:,}",
            )
            item = QListWidgetItem(label + (f" · {r.origin}" if r.origin else ""))
            item.setToolTip(item.text())
            item.setData(Qt.ItemDataRole.UserRole, r.number)
            self.revisions.addItem(item)
            for combo in (self.old, self.new):
                combo.addItem(str(r.number), r.number)
        head = next((r.number for r in history if r.id == session.article.revision), None)
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
        self.banner.setVisible(waiting)
        self.keep_mine.setVisible(waiting)
        self.take_theirs.setVisible(waiting)
        if waiting:
            self.banner.setText(
                self.tr(
                    "Both sides edited this article. Revision {n} came from another store and is "
                    "not in your text: compare below, then keep yours or take theirs (both stay "
                    "in the history)."
                ).format(n=self._incoming[-1])
            )
        self.show_diff()

    def _pick(self, row: int) -> None:
        item = self.revisions.item(row)
        if item is not None:
            self.old.setCurrentIndex(max(0, self.old.findData(item.data(Qt.ItemDataRole.UserRole))))

    def show_diff(self) -> None:
        from app.core.diff import diff_html, diff_stats

        session = self.main.session
        old, new = self.old.currentData(), self.new.currentData()
        if session is None or old is None or new is None:
            self.diff.clear()
            return
        found = self.main.store.review.diff(session.article_id, old, new)
        inserted, deleted = diff_stats(found.body)
        head = self.tr("+{ins} / −{dele} characters").format(ins=inserted, dele=deleted)
        if found.fields:
            head += " · " + self.tr("also changed: {fields}").format(fields=", ".join(found.fields))
        self.diff.setHtml(f"<p><b>{head}</b></p><p>{diff_html(found.body)}</p>")

    def restore(self) -> None:

        item = self.revisions.currentItem()
        session = self.main.session
        if item is None or session is None or not self.main.save_now():
            return
        number = item.data(Qt.ItemDataRole.UserRole)
        article_id = session.article_id
        self.main.review_actions.run_store_action(
            lambda: self.main.store.review.restore_revision(
                article_id, number, who=self.main.author
            )
        )

    def settle(self, keep: str) -> None:

        session = self.main.session
        if not self._incoming or session is None or not self.main.save_now():
            return
        number = self._incoming[-1]
        article_id = session.article_id
        self.main.review_actions.run_store_action(
            lambda: self.main.store.review.settle_incoming(
                article_id,
                number,
                keep=keep,
                who=self.main.author,
            )
        )


class ChecksPane(QWidget):
    """The pre-publication checks of the open text; double-click jumps, Fix applies a fix."""

    fix_requested = Signal(str)

    def __init__(self, main: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main = main
        self.summary = QLabel()
        self.list = QListWidget()
        self.list.itemActivated.connect(self._jump)
        self.list.itemDoubleClicked.connect(self._jump)
        self.fix_button = QPushButton(self.tr("&Fix punctuation in the whole body"))
        self.fix_button.clicked.connect(lambda: self.fix_requested.emit("full-width-punctuation"))
        recheck = QPushButton(self.tr("Check &again"))
        recheck.clicked.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.fix_button)
        row.addWidget(recheck)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self.findings: list[Any] = []

    def refresh(self) -> None:

        session = self.main.session
        if session is None:
            return
        self.findings = self.main.store.review.check(session.article)
        self.list.clear()
        n_errors = sum(1 for f in self.findings if f.severity == "error")
        if not self.findings:
            self.summary.setText(self.tr("No problems found."))
        else:
            self.summary.setText(
                self.tr("{errors} errors, {warnings} warnings").format(
                    errors=n_errors, warnings=len(self.findings) - n_errors
                )
            )
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        for n, f in enumerate(self.findings):
            item = QListWidgetItem(icons[f.severity], check_message(f))
            item.setData(Qt.ItemDataRole.UserRole, n)
            self.list.addItem(item)
        self.fix_button.setVisible(any(f.fix for f in self.findings))

    def _jump(self, item: QListWidgetItem) -> None:
        self.main.editor.jump_to_finding(self.findings[item.data(Qt.ItemDataRole.UserRole)])
