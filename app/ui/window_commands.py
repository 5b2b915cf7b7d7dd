"""The window's menus and the commands behind them (composed into MainWindow): new, import,
export, desk settings, undo/redo, find, language, about.

Strings name the ``MainWindow`` translation context explicitly: at run time ``tr`` looks them
up under the window's class, and lupdate must file them there too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from app import __version__

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from app.store.store import Store
    from app.ui.background import BackgroundTask, Progress
    from app.ui.main_window import MainWindow


class WindowCommands:
    """The menus and what they do. Slow commands (import, export, backup) run on a
    background thread; what they change reaches the window through the store's reports."""

    def __init__(self, main: MainWindow) -> None:
        self.main = main

    def _action(
        self, menu: QMenu, text: str, slot: Callable[..., object], shortcut: Any = None
    ) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self.main)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def build_menus(self) -> None:
        # Menu actions are built with the store (after the first paint), their Qt types too.
        from PySide6.QtGui import QActionGroup, QKeySequence

        keys = QKeySequence.StandardKey
        file_menu = self.main.menus["file"]
        self.writing_actions = [
            self._action(
                file_menu,
                QCoreApplication.translate("MainWindow", "&New article"),
                self.new_article,
                keys.New,
            ),
            self._action(
                file_menu,
                QCoreApplication.translate("MainWindow", "&Import…"),
                self.import_files,
                "Ctrl+I",
            ),
        ]
        self._action(
            file_menu,
            QCoreApplication.translate("MainWindow", "&Export…"),
            self.export_current,
            "Ctrl+E",
        )
        self._action(
            file_menu,
            QCoreApplication.translate("MainWindow", "Export desk &edition…"),
            self.export_desk_edition,
        )
        file_menu.addSeparator()
        self._action(
            file_menu,
            QCoreApplication.translate("MainWindow", "&Save now"),
            self.main.save_now,
            keys.Save,
        )
        self.writing_actions.append(
            self._action(
                file_menu,
                QCoreApplication.translate("MainWindow", "&Back up now"),
                self.back_up_now,
            )
        )
        self.writing_actions.append(
            self._action(
                file_menu,
                QCoreApplication.translate("MainWindow", "&Desk settings…"),
                self.desk_settings,
            )
        )
        self._action(
            file_menu,
            QCoreApplication.translate("MainWindow", "Your name and &role…"),
            self.identity,
        )
        self.writing_actions.append(
            self._action(
                file_menu,
                QCoreApplication.translate("MainWindow", "S&ync with desk"),
                lambda: self.main.desk_sync.sync_now(),
                "Ctrl+Shift+Y",
            )
        )
        file_menu.addSeparator()
        self._action(
            file_menu, QCoreApplication.translate("MainWindow", "&Quit"), self.main.close, keys.Quit
        )
        edit = self.main.menus["edit"]
        self.undo_action = self._action(
            edit, QCoreApplication.translate("MainWindow", "&Undo"), self.undo, keys.Undo
        )
        self.redo_action = self._action(
            edit, QCoreApplication.translate("MainWindow", "&Redo"), self.redo, keys.Redo
        )
        edit.addSeparator()
        self._action(
            edit,
            QCoreApplication.translate("MainWindow", "&Find…"),
            lambda: self._find(False),
            keys.Find,
        )
        self._action(
            edit,
            QCoreApplication.translate("MainWindow", "Find and &replace…"),
            lambda: self._find(True),
            keys.Replace,
        )
        edit.addSeparator()
        self._action(
            edit,
            QCoreApplication.translate("MainWindow", "Convert to &Traditional Chinese (Taiwan)"),
            self.main.editor.to_traditional,
            "Ctrl+Shift+T",
        )
        self._action(
            edit,
            QCoreApplication.translate("MainWindow", "&Normalise punctuation"),
            lambda: self.main.editor.normalise_punctuation(),
            "Ctrl+Shift+U",
        )
        view = self.main.menus["view"]
        self._action(
            view,
            QCoreApplication.translate("MainWindow", "Toggle &preview"),
            self.main.editor.toggle_preview,
            "Ctrl+Shift+P",
        )
        self._action(
            view,
            QCoreApplication.translate("MainWindow", "Go to article &list"),
            self.main.list_view.setFocus,
            "Ctrl+L",
        )
        self._action(
            view,
            QCoreApplication.translate("MainWindow", "&Search articles"),
            self.main.search.setFocus,
            "Ctrl+Shift+F",
        )
        for n in range(self.main.editor.tabs.count()):
            name = self.main.editor.tabs.tabText(n).replace("&", "")
            self._action(
                view,
                QCoreApplication.translate("MainWindow", "Pane: {name}").format(name=name),
                lambda _c=False, n=n: self.main.editor.show_pane(n),
                f"Ctrl+{n + 1}",
            )
        languages = view.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
        group = QActionGroup(self.main)
        current = str(self.main.settings.value("language", "system"))
        for code, label in (
            ("system", QCoreApplication.translate("MainWindow", "Follow the system")),
            ("zh_TW", "繁體中文"),
            ("en", "English"),
        ):
            action = self._action(
                languages, label, lambda _c=False, code=code: self.set_language(code)
            )
            action.setCheckable(True)
            action.setChecked(code == current)
            group.addAction(action)
        help_menu = self.main.menus["help"]
        self._action(
            help_menu, QCoreApplication.translate("MainWindow", "&About Galley"), self.about
        )

    # -- commands ----------------------------------------------------------------------------
    def new_article(self) -> None:
        if not self.main.save_now():
            return
        article = self.main.store.new_article(
            QCoreApplication.translate("MainWindow", "Untitled article"), author=self.main.author
        )
        self.main.open_article(article.id)  # the change report has put it in the list
        self.main.editor.show_pane(1)
        self.main.editor.metadata.title.selectAll()

    def import_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            self.main,
            QCoreApplication.translate("MainWindow", "Import articles"),
            "",
            QCoreApplication.translate(
                "MainWindow", "Articles and bundles (*.md *.zip);;All files (*)"
            ),
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def import_paths(self, paths: list[Path]) -> BackgroundTask:
        """Import on a background thread (its own store connection), all in one transaction:
        Cancel keeps nothing. The change log brings the new articles into the list."""
        from app.exchange.bundles import import_paths

        author = self.main.author

        def work(store: Store, progress: Progress) -> list[str]:
            return [a.id for a in import_paths(store, paths, author=author, progress=progress)]

        def done(ids: list[str]) -> None:
            self.main.poll_external()
            if ids:
                self.main.open_article(ids[-1])

        return self._on_own_connection(
            QCoreApplication.translate("MainWindow", "Importing"),
            work,
            done,
            QCoreApplication.translate("MainWindow", "Cannot import"),
        )

    def export_current(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.main.session is None or not self.main.save_now():
            return
        folder = QFileDialog.getExistingDirectory(
            self.main, QCoreApplication.translate("MainWindow", "Export to folder")
        )
        if folder:
            self.export_to([self.main.session.article_id], Path(folder))

    def export_desk_edition(self) -> None:
        """Every published article and the desk edition (front page, feed, sitemaps)."""
        from PySide6.QtWidgets import QFileDialog

        if not self.main.save_now():
            return
        folder = QFileDialog.getExistingDirectory(
            self.main, QCoreApplication.translate("MainWindow", "Export the desk edition to")
        )
        if folder:
            self.export_to([], Path(folder), desk_edition=True)

    def export_to(
        self, refs: list[str], folder: Path, *, desk_edition: bool = False
    ) -> BackgroundTask:
        """Export on a background thread; Cancel stops between bundles (none half-written).
        ``desk_edition``: every published article, with the edition's files."""
        from app.config import rendition_cache_path
        from app.exchange.bundles import export_articles
        from app.publish.rendition_cache import RenditionCache

        def work(store: Store, progress: Progress) -> list[Path]:
            cache = RenditionCache(rendition_cache_path())
            try:
                if desk_edition:
                    published = [a.id for a in store.list_articles(status="published")]
                    return export_articles(
                        store, published, folder, steps=progress, edition=True, cache=cache
                    )
                return export_articles(store, refs, folder, steps=progress, cache=cache)
            finally:
                cache.close()

        def done(paths: list[Path]) -> None:
            self.main.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Exported to {path}").format(
                    path=", ".join(str(p) for p in paths)
                ),
                8000,
            )

        return self._on_own_connection(
            QCoreApplication.translate("MainWindow", "Exporting"),
            work,
            done,
            QCoreApplication.translate("MainWindow", "Cannot export"),
        )

    def back_up_now(self) -> BackgroundTask:
        """A rolling backup now, with progress; Cancel removes the partial copy."""
        from app.ui.background import run_with_progress
        from app.ui.launch import backup_work

        work = backup_work(self.main.store, self.main.settings, force=True)

        def done(made: Path | None) -> None:
            self.main.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Backed up to {path}").format(path=made)
                if made is not None
                else QCoreApplication.translate(
                    "MainWindow", "No backup made: too little free disk space"
                ),
                8000,
            )

        return run_with_progress(
            self.main,
            QCoreApplication.translate("MainWindow", "Backing up"),
            work,
            done,
            lambda message: self._warn(
                QCoreApplication.translate("MainWindow", "Backup failed"), message
            ),
        )

    def _on_own_connection(
        self,
        title: str,
        work: Callable[[Store, Progress], Any],
        done: Callable[[Any], None],
        failure_title: str,
    ) -> BackgroundTask:
        """Run ``work`` on a background thread with its own connection to this same store
        file (never another file by the same name), a progress dialog and Cancel."""
        from app.store.store import Store
        from app.ui.background import run_with_progress

        store_path, identity = self.main.store.path, self.main.store.file.identity

        def on_thread(progress: Progress) -> Any:
            with Store.open(store_path, expect=identity) as store:
                return work(store, progress)

        return run_with_progress(
            self.main, title, on_thread, done, lambda message: self._warn(failure_title, message)
        )

    def _warn(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.main, title, message)

    def identity(self) -> None:
        """Change the name and role this window works as (kept in the settings)."""
        from app.ui.identity_dialog import NAME_KEY, ROLE_KEY, IdentityDialog

        dialog = IdentityDialog(self.main.author, self.main.role, self.main)
        if not dialog.exec():
            return
        name, role = dialog.chosen()
        self.main.settings.setValue(NAME_KEY, name)
        self.main.settings.setValue(ROLE_KEY, role)
        self.main.role = role
        self.main.welcome_view.set_author(name)
        if self.main.session is not None:
            self.main.editor.refresh_review()

    def desk_settings(self) -> None:
        from app.ui.desk_dialog import DeskDialog

        DeskDialog(self.main.store, self.main, by=self.main.author).exec()

    def undo(self) -> None:
        focus = self.main.focusWidget()
        if hasattr(focus, "undo") and focus is not None:
            focus.undo()
        else:
            self.main.editor.undo_stack.undo()

    def redo(self) -> None:
        focus = self.main.focusWidget()
        if hasattr(focus, "redo") and focus is not None:
            focus.redo()
        else:
            self.main.editor.undo_stack.redo()

    def _find(self, replace: bool) -> None:
        self.main.editor.show_pane(0)
        self.main.editor.find_bar.open_bar(replace=replace)

    def set_language(self, code: str) -> None:
        self.main.settings.setValue("language", code)
        self.main.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "The new language is used from the next start of Galley."
            ),
            8000,
        )

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from app.config import log_dir

        QMessageBox.about(
            self.main,
            QCoreApplication.translate("MainWindow", "About Galley"),
            QCoreApplication.translate(
                "MainWindow",
                "Galley {version}\nAn offline editorial workstation for newsrooms.\n\n"
                "Store: {store}\nLogs: {logs}",
            ).format(version=__version__, store=self.main.store.path, logs=log_dir()),
        )
