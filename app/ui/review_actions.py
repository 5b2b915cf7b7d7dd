"""The window's review actions: status changes and store actions that reload the article.

Strings use the ``MainWindow`` translation context explicitly: at run time ``tr`` looks
them up under the window's class, and lupdate must file them there too.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.core.errors import GalleyError

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class ReviewActions:
    """Status changes (asking for the override reason the store says is needed) and other
    review actions; what to refresh afterwards is not decided here: the store's report says."""

    def __init__(self, main: MainWindow) -> None:
        self.main = main

    def run_store_action(self, action: Callable[[], object]) -> bool:
        from PySide6.QtWidgets import QMessageBox

        try:
            action()
        except GalleyError as exc:
            QMessageBox.warning(
                self.main, QCoreApplication.translate("MainWindow", "Not done"), str(exc)
            )
            return False
        return True  # the store's change report refreshes the editor, panes and list

    def ask_override(self, problems: list[str]) -> str:
        """Approving with failing checks: the reason is recorded. Empty means cancelled."""
        from PySide6.QtWidgets import QInputDialog

        listed = "\n".join(f"• {p}" for p in problems[:8])
        reason, ok = QInputDialog.getText(
            self.main,
            QCoreApplication.translate("MainWindow", "Checks fail"),
            QCoreApplication.translate(
                "MainWindow",
                "These checks fail:\n{problems}\n\nApprove anyway? Give the reason "
                "(it is recorded):",
            ).format(problems=listed),
        )
        return reason.strip() if ok else ""

    def change_status(self, target: str) -> bool:
        if self.main.session is None or not self.main.save_now():
            return False
        override = ""
        # The store says whether this move needs a reason (its one rule); the window asks.
        failing = self.main.store.review.blocking_checks(self.main.session.article, target)
        if failing:
            from app.ui.check_messages import check_message

            override = self.ask_override([check_message(f) for f in failing])
            if not override:
                return False
        article_id, base = self.main.session.article_id, self.main.session.article.revision
        return self.run_store_action(
            lambda: self.main.store.review.change_status(
                article_id,
                target,
                who=self.main.author,
                role=self.main.role,
                override=override,
                base_revision=base,
            )
        )
