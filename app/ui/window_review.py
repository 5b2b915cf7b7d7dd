"""The window's review actions: status changes and store actions that reload the article.

Strings use the ``MainWindow`` translation context explicitly: at run time ``tr`` looks
them up under the window's class, and lupdate must file them there too.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from app.core.errors import GalleyError

if TYPE_CHECKING:
    from app.store.session import EditSession

log = logging.getLogger(__name__)


class ReviewActionsMixin:
    """Status changes and store actions that reload the article.

    Uses the window's ``store``, ``session``, ``author``, ``editor``, ``save_now`` and
    ``_show_saved``/``_list_refresh``.
    """

    store: Any
    session: EditSession | None
    author: str
    editor: Any

    def reload_from_store(self) -> None:
        """After a store operation changed the article: the store's copy is the truth."""
        if self.session is None:
            return
        self._load_session(self.session.article_id)
        self._list_refresh.start()

    def run_store_action(self, action) -> bool:  # noqa: ANN001
        from PySide6.QtWidgets import QMessageBox

        try:
            action()
        except GalleyError as exc:
            QMessageBox.warning(
                self, QCoreApplication.translate("MainWindow", "Not done"), str(exc)
            )
            return False
        self.reload_from_store()
        return True

    def ask_override(self, problems: list[str]) -> str:
        """Approving with failing checks: the reason is recorded. Empty means cancelled."""
        from PySide6.QtWidgets import QInputDialog

        listed = "\n".join(f"• {p}" for p in problems[:8])
        reason, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("MainWindow", "Checks fail"),
            QCoreApplication.translate(
                "MainWindow",
                "These checks fail:\n{problems}\n\nApprove anyway? Give the reason "
                "(it is recorded):",
            ).format(problems=listed),
        )
        return reason.strip() if ok else ""

    def change_status(self, target: str) -> bool:
        from app.core.checks import errors

        if self.session is None or not self.save_now():
            return False
        override = ""
        if target in ("approved", "published"):
            failing = errors(self.store.review.check(self.session.article))
            if failing:
                from app.ui.check_messages import check_message

                override = self.ask_override([check_message(f) for f in failing])
                if not override:
                    return False
        article_id, base = self.session.article_id, self.session.article.revision
        return self.run_store_action(
            lambda: self.store.review.change_status(
                article_id,
                target,
                who=self.author,
                override=override,
                base_revision=base,
            )
        )
