"""The main window's side of the welcome view (a mixin of MainWindow). The view itself lives
in ``welcome_view`` and is imported only when a store is empty: the window's first paint
never waits for it."""

from __future__ import annotations

from pathlib import Path


class WelcomeMixin:
    """The main window's side of the welcome view (a mixin of MainWindow): shown in place of
    the editor while the store is empty, gone once an article is open."""

    def _show_welcome_if_empty(self) -> None:
        if self.session is not None or self.store.count_articles() > 0:
            return
        if getattr(self, "welcome", None) is None:
            from app.ui.welcome_view import WelcomeView

            self.welcome = WelcomeView(self.author, self)
            self.welcome.new_requested.connect(self.new_article)
            self.welcome.import_requested.connect(self.import_files)
            self.welcome.sample_requested.connect(self.open_sample)
            self.welcome.name_changed.connect(self.set_author)
            self.editor_stack.addWidget(self.welcome)
        self.editor_stack.setCurrentWidget(self.welcome)

    def _show_editor(self) -> None:
        if self.welcome is not None and self.editor_stack.currentWidget() is self.welcome:
            name = self.welcome.name.text().strip()
            if name:
                self.set_author(name)  # the name on the welcome view counts, typed or not
        self.editor_stack.setCurrentWidget(self.editor)

    def set_author(self, name: str) -> None:
        """The name on new revisions, notes and status changes, kept for the next start."""
        self.author = name
        self.settings.setValue("user/name", name)
        if self.session is not None:
            self.session.author = name

    def open_sample(self, path: Path) -> None:
        from app.core.errors import GalleyError
        from app.exchange.bundles import import_path

        try:
            (article,) = import_path(self.store, path, author=self.author)
        except GalleyError as exc:
            from PySide6.QtCore import QCoreApplication
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self, QCoreApplication.translate("MainWindow", "Cannot open the sample"), str(exc)
            )
            return
        self._refresh_list(article.id)
        self.open_article(article.id)
