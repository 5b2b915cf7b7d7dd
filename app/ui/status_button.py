"""One status button in the status bar: the article's status, and in its menu the next steps
this person's role may take (a reporter submits for review and withdraws; an editor
approves, sends back, publishes, spikes, unpublishes). The store decides (workflow, role,
checks); the button asks for the reason an approval with failing checks needs, and refuses a
reason of blanks with a word, never a silent cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import GalleyError
from app.ui.i18n import status_label

if TYPE_CHECKING:
    from app.store.changes import Changes
    from app.ui.context import EditorContext


def move_label(current: str, target: str) -> str:
    """What a move is called on the button, in the window's language."""
    from PySide6.QtCore import QCoreApplication

    names = {
        ("draft", "in_review"): QCoreApplication.translate("StatusButton", "Submit for review"),
        ("in_review", "draft"): QCoreApplication.translate("StatusButton", "Withdraw to draft"),
        ("in_review", "approved"): QCoreApplication.translate("StatusButton", "Approve"),
        ("approved", "in_review"): QCoreApplication.translate(
            "StatusButton", "Send back for review"
        ),
        ("approved", "published"): QCoreApplication.translate("StatusButton", "Publish"),
        ("approved", "approved"): QCoreApplication.translate("StatusButton", "Approve the changes"),
        ("published", "published"): QCoreApplication.translate(
            "StatusButton", "Publish the changes"
        ),
        ("published", "in_review"): QCoreApplication.translate(
            "StatusButton", "Unpublish for a correction"
        ),
        ("spiked", "draft"): QCoreApplication.translate("StatusButton", "Bring back as a draft"),
    }
    if target == "spiked":
        return QCoreApplication.translate("StatusButton", "Spike")
    return names.get((current, target), status_label(target))


class PreflightDialog(QDialog):
    """Before an approval or a publication: what is still open (unresolved notes, failing
    checks: missing credits and alt text among them, warnings), and the question. Where
    checks fail a reason is required and recorded; a reason of blanks is refused here, with
    a word, never a silent cancel."""

    def __init__(
        self,
        action: str,
        items: list[str],
        needs_reason: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.needs_reason = needs_reason
        self.setWindowTitle(action)
        listed = "\n".join(f"• {p}" for p in items[:12])
        if len(items) > 12:
            listed += "\n" + self.tr("… and {n} more").format(n=len(items) - 12)
        question = (
            self.tr("{action} anyway? Give the reason; it is recorded.")
            if needs_reason
            else self.tr("{action} anyway?")
        ).format(action=action)
        intro = QLabel(
            self.tr("Still open:\n{items}\n\n{question}").format(items=listed, question=question)
        )
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        self.reason.setVisible(needs_reason)
        self.problem = QLabel()
        self.problem.setObjectName("dialogProblem")
        from app.ui.theme import tint

        tint(self.problem, window_text="error")  # the theme's error colour
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.needs_reason and not self.reason.toPlainText().strip():
            self.problem.setText(self.tr("Give a reason: a blank one cannot be recorded."))
            self.problem.show()
            self.reason.setFocus()
            return
        super().accept()

    def text(self) -> str:
        return self.reason.toPlainText().strip()


class StatusButton(QToolButton):
    """The open article's status, with this person's next steps in its menu."""

    moved = Signal(str)  # the new status, after a move the store made

    def __init__(self, ctx: EditorContext, *, save_first: Callable[[], bool]) -> None:
        super().__init__()
        self.ctx = ctx
        self.save_first = save_first
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAccessibleName(self.tr("Status and next steps"))
        self.setToolTip(self.tr("The article's status; click for the next steps (Ctrl+Shift+S)"))
        self.menu_of_moves = QMenu(self)
        self.setMenu(self.menu_of_moves)
        self.menu_of_moves.aboutToShow.connect(self._fill)
        # Asked before an approval or publication: (action, what is open, reason needed) ->
        # the reason ("" when none is needed), or None when the person stops.
        self.confirm: Callable[[str, list[str], bool], str | None] = self._confirm
        # Asked when an editor sends an article back: the note for the reporter, or None.
        self.ask_note: Callable[[], str | None] = self._ask_note
        ctx.opened.connect(lambda _a: self.refresh())
        ctx.changes.connect(self._changes)
        ctx.person_changed.connect(self.refresh)
        self.refresh()

    def _changes(self, changes: Changes) -> None:
        article = self.ctx.article
        if article is not None and changes.touches(article.id):
            self.refresh()

    def open_notes(self) -> list[str]:
        """The unresolved notes' first lines (threads, not replies)."""
        article = self.ctx.article
        if article is None:
            return []
        return [
            f"{n.author}: {n.body.splitlines()[0] if n.body else ''}"
            for n in self.ctx.store.review.notes(article.id, body=article.body)
            if not n.resolved and not n.parent_uid
        ]

    def refresh(self) -> None:
        article = self.ctx.article
        if article is None:
            self.setText(self.tr("No article"))
            self.setEnabled(False)
            return
        self.setEnabled(True)
        text = status_label(article.status)
        notes = len(self.open_notes())
        if notes:
            text += "  " + self.tr("· %n open notes", "", notes)
        self.setText(text + "  ▾")

    def decides(self) -> bool:
        """Whether the person takes an editor's decisions (the role, and the desk's list of
        editors when it keeps one)."""
        return self.ctx.store.review.decides(self.ctx.role, self.ctx.author)

    def edited_since_approval(self) -> bool:
        article = self.ctx.article
        if article is None or article.status != "approved" or not article.revision:
            return False
        decided = self.ctx.store.articles.decided(article.id)
        head = self.ctx.store.revisions(article.id)[-1].uid
        return bool(decided.approved) and decided.approved != head

    def moves(self) -> list[str]:
        """This person's next statuses (and the same status again when the text changed
        since it was approved or published). Someone not on the desk's list of editors is
        offered a reporter's moves, whatever role they chose."""
        from app.core.workflow import AGAIN, REPORTER, next_statuses

        article = self.ctx.article
        if article is None:
            return []
        deciding = self.decides()
        targets = list(next_statuses(article.status, self.ctx.role if deciding else REPORTER))
        if article.status in AGAIN and deciding:
            decided = self.ctx.store.articles.decided(article.id)
            done = decided.approved if article.status == "approved" else decided.published
            head = self.ctx.store.revisions(article.id)[-1].uid if article.revision else ""
            if done and head and done != head:
                targets.insert(0, article.status)
        return targets

    def _fill(self) -> None:
        self.menu_of_moves.clear()
        article = self.ctx.article
        if article is None:
            return
        targets = self.moves()
        if not targets:
            none = self.menu_of_moves.addAction(self.tr("No next step for your role"))
            none.setEnabled(False)
        for target in targets:
            label = move_label(article.status, target)
            if target == "published" and self.edited_since_approval():
                label = self.tr("Approve the changes and publish")
            elif self.sends_back(target):
                label = self.tr("Send back with a note…")
            action = self.menu_of_moves.addAction(label)
            action.triggered.connect(lambda _c=False, t=target: self.take(t))

    def sends_back(self, target: str) -> bool:
        """An editor returning an article in review to its reporter (with a note)."""
        article = self.ctx.article
        return (
            article is not None
            and article.status == "in_review"
            and target == "draft"
            and self.decides()
        )

    def _ask_note(self) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getMultiLineText(
            self.ctx.host,
            self.tr("Send back"),
            self.tr("What should the reporter do? (a note on the article)"),
        )
        return text.strip() if ok else None

    def _confirm(self, action: str, items: list[str], needs_reason: bool) -> str | None:
        dialog = PreflightDialog(action, items, needs_reason, self.ctx.host)
        return dialog.text() if dialog.exec() else None

    def preflight(self, target: str) -> tuple[list[str], bool]:
        """What is open before ``target`` (approved or published): unresolved notes, the
        checks that fail (a reason needed), and the warnings."""
        from app.core.checks import errors
        from app.core.workflow import needs_override
        from app.ui.check_messages import check_message

        article = self.ctx.article
        if article is None or not needs_override(target):
            return [], False
        items = [self.tr("Open note — {note}").format(note=n) for n in self.open_notes()]
        failing = self.ctx.store.review.blocking_checks(article, target)
        items += [check_message(f) for f in failing]
        found = self.ctx.store.review.check(article)
        blocking = {id(f) for f in errors(found)}
        items += [
            self.tr("Warning — {check}").format(check=check_message(f))
            for f in found
            if id(f) not in blocking and f.severity != "error"
        ]
        return items, bool(failing)

    def take(self, target: str) -> bool:
        """Move the open article to ``target`` through the store (which decides); before an
        approval or a publication, say what is open and ask."""
        article = self.ctx.article
        if article is None or not self.save_first():
            return False
        article = self.ctx.article
        assert article is not None
        steps = [target]
        if self.sends_back(target):
            note = self.ask_note()
            if note is None:
                return False
            if note:
                try:
                    self.ctx.store.review.add_note(article.id, note, author=self.ctx.author)
                except GalleyError as exc:
                    QMessageBox.warning(self.ctx.host, self.tr("Not done"), str(exc))
                    return False
        if target == "published" and self.edited_since_approval():
            steps = ["approved", "published"]  # the editor's own copy edit, approved first
        items, needs_reason = self.preflight(target)
        override = ""
        if items:
            reason = self.confirm(move_label(article.status, target), items, needs_reason)
            if reason is None:
                return False
            override = reason
        try:
            for step in steps:
                moved = self.ctx.store.review.change_status(
                    article.id,
                    step,
                    who=self.ctx.author,
                    role=self.ctx.role,
                    override=override,
                    base_revision=article.revision,
                )
                article.status = moved.status
                article.revision = moved.revision
        except GalleyError as exc:
            QMessageBox.warning(self.ctx.host, self.tr("Not done"), str(exc))
            self.refresh()
            return False
        self.refresh()
        self.moved.emit(article.status)
        return True
