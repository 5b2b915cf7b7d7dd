"""The window's menus and the commands behind them (composed into MainWindow): new, import,
export, desk settings, undo/redo, find, language, about.

Strings name the ``MainWindow`` translation context explicitly: at run time ``tr`` looks them
up under the window's class, and lupdate must file them there too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app import __version__
from app.core.errors import GalleyError

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from app.ui.main_window import MainWindow


class WindowCommands:
    """Uses the window's ``store``, ``session``, ``editor``, ``settings``, ``list_view``,
    ``search``, ``menus``, ``save_now``, ``open_article`` and ``_refresh_list``."""

    def __init__(self, main: MainWindow) -> None:
        self.main = main

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:  # noqa: ANN001
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
                QCoreApplication.translate("MainWindow", "&Desk settings…"),
                self.desk_settings,
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
        self.main.refresh_list(article.id)
        self.main.open_article(article.id)
        self.main.editor.show_pane(1)
        self.main.editor.metadata.title.selectAll()

    def import_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from app.exchange.bundles import import_path

        names, _ = QFileDialog.getOpenFileNames(
            self.main,
            QCoreApplication.translate("MainWindow", "Import articles"),
            "",
            QCoreApplication.translate(
                "MainWindow", "Articles and bundles (*.md *.zip);;All files (*)"
            ),
        )
        imported = []
        for name in names:
            try:
                imported += import_path(self.main.store, name, author=self.main.author)
            except GalleyError as exc:
                QMessageBox.warning(
                    self.main, QCoreApplication.translate("MainWindow", "Cannot import"), str(exc)
                )
        if imported:
            self.main.refresh_list(imported[-1].id)
            self.main.open_article(imported[-1].id)

    def export_current(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from app.exchange.bundles import export_articles

        if self.main.session is None or not self.main.save_now():
            return
        folder = QFileDialog.getExistingDirectory(
            self.main, QCoreApplication.translate("MainWindow", "Export to folder")
        )
        if not folder:
            return
        try:
            [path] = export_articles(self.main.store, [self.main.session.article_id], Path(folder))
        except GalleyError as exc:
            QMessageBox.warning(
                self.main, QCoreApplication.translate("MainWindow", "Cannot export"), str(exc)
            )
            return
        self.main.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Exported to {path}").format(path=path), 8000
        )

    def desk_settings(self) -> None:
        from app.ui.desk_dialog import DeskDialog

        DeskDialog(self.main.store, self.main).exec()

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
