"""The main window's side of the welcome view (composed into MainWindow). The view itself lives
in ``welcome_view`` and is imported only when a store is empty: the window's first paint
never waits for it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.host import WindowHost


class WelcomeController:
    """Shows the welcome view in place of the editor while the store is empty; gone once an
    article is open. Also keeps the user's name (bylines, history) from the view."""

    def __init__(self, main: WindowHost) -> None:
        self.main = main

    def show_if_empty(self) -> None:
        if self.main.session is not None or self.main.store.count_articles() > 0:
            return
        welcome = self.main.welcome
        if welcome is None:
            from app.ui.welcome_view import WelcomeView

            welcome = self.main.welcome = WelcomeView(
                self.main.author, self.main.as_widget(), role=self.main.role
            )
            welcome.role_changed.connect(self.set_role)
            welcome.new_requested.connect(self.main.commands.new_article)
            welcome.import_requested.connect(self.main.commands.import_files)
            welcome.sample_requested.connect(self.open_sample)
            welcome.name_changed.connect(self.set_author)
            self.main.editor_stack.addWidget(welcome)
        self.main.editor_stack.setCurrentWidget(welcome)

    def show_editor(self) -> None:
        if (
            self.main.welcome is not None
            and self.main.editor_stack.currentWidget() is self.main.welcome
        ):
            name = self.main.welcome.name.text().strip()
            if name:
                self.set_author(name)  # the name on the welcome view counts, typed or not
        self.main.editor_stack.setCurrentWidget(self.main.workspace)

    def set_author(self, name: str) -> None:
        """The name on new revisions, notes and status changes, kept for the next start."""
        self.main.author = name
        self.main.settings.setValue("user/name", name)
        if self.main.session is not None:
            self.main.session.author = name
        if self.main.ctx is not None:
            self.main.ctx.author = name

    def set_role(self, role: str) -> None:
        """The role the workflow asks before a move, kept for the next start."""
        from app.ui.identity import ROLE_KEY

        self.main.role = role
        self.main.settings.setValue(ROLE_KEY, role)
        if self.main.ctx is not None:
            self.main.ctx.role = role
            if self.main.ctx.session is not None:
                self.main.ctx.session.role = role
            self.main.ctx.person_changed.emit()

    def open_sample(self, path: Path) -> None:
        from app.core.errors import GalleyError
        from app.exchange.bundles import import_path

        try:
            (article,) = import_path(self.main.store, path, author=self.main.author)
        except GalleyError as exc:
            from PySide6.QtCore import QCoreApplication
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self.main.as_widget(),
                QCoreApplication.translate("MainWindow", "Cannot open the sample"),
                str(exc),
            )
            return
        self.main.open_article(article.id)
