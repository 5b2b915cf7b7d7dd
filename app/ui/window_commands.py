"""The window's menus and the commands behind them (composed into the window): new, import,
export, desk settings, insert a figure or further reading, undo and redo, find, how the
window looks (the list, the side panel, the preview, focus mode, text size, appearance,
language), the keyboard sheet, about.

Every action has a shortcut or a mnemonic unique in its menu, in both languages (a test
reads them). Strings name the ``MainWindow`` translation context explicitly: at run time
``tr`` looks them up under the window's class, and lupdate must file them there too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from app import __version__

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QImage
    from PySide6.QtWidgets import QMenu

    from app.store.store import Store
    from app.ui.background import BackgroundTask, Progress
    from app.ui.host import WindowHost

TEXT_SIZE_KEY = "view/text_size"


class WindowCommands:
    """The menus and what they do. Slow commands (import, export, backup, adding a photo)
    run on a background thread; what they change reaches the window through the store's
    reports."""

    def __init__(self, main: WindowHost) -> None:
        self.main = main
        self.actions: dict[str, QAction] = {}
        self.writing_actions: list[QAction] = []
        self.focus_mode = False
        self._before_focus: dict[str, bool] = {}

    def _action(
        self,
        menu: QMenu,
        name: str,
        text: str,
        slot: Callable[..., object],
        shortcut: Any = None,
        *,
        writes: bool = False,
        checkable: bool = False,
    ) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self.main.as_widget())
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.actions[name] = action
        if writes:
            self.writing_actions.append(action)
        return action

    def build_menus(self) -> None:
        # Menu actions are built with the store (after the first paint), their Qt types too.
        from PySide6.QtGui import QActionGroup, QKeySequence

        keys = QKeySequence.StandardKey
        main = self.main
        ws = main.workspace
        act = self._action
        file_menu = main.menus["file"]
        act(
            file_menu,
            "new",
            QCoreApplication.translate("MainWindow", "&New article"),
            self.new_article,
            keys.New,
            writes=True,
        )
        act(
            file_menu,
            "import",
            QCoreApplication.translate("MainWindow", "&Import…"),
            self.import_files,
            "Ctrl+I",
            writes=True,
        )
        act(
            file_menu,
            "export",
            QCoreApplication.translate("MainWindow", "&Export…"),
            self.export_current,
            "Ctrl+E",
        )
        act(
            file_menu,
            "edition",
            QCoreApplication.translate("MainWindow", "Export the desk's &web edition…"),
            self.export_desk_edition,
        )
        file_menu.addSeparator()
        act(
            file_menu,
            "save",
            QCoreApplication.translate("MainWindow", "&Save now"),
            main.save_now,
            keys.Save,
        )
        act(
            file_menu,
            "backup",
            QCoreApplication.translate("MainWindow", "&Back up now"),
            self.back_up_now,
            writes=True,
        )
        act(
            file_menu,
            "desk",
            QCoreApplication.translate("MainWindow", "&Desk settings…"),
            self.desk_settings,
            writes=True,
        )
        act(
            file_menu,
            "identity",
            QCoreApplication.translate("MainWindow", "Your name and &role…"),
            self.identity,
        )
        act(
            file_menu,
            "sync",
            QCoreApplication.translate("MainWindow", "S&ync with desk"),
            lambda: main.desk_sync.sync_now(),
            "Ctrl+Shift+Y",
            writes=True,
        )
        file_menu.addSeparator()
        act(
            file_menu,
            "quit",
            QCoreApplication.translate("MainWindow", "&Quit"),
            main.close,
            keys.Quit,
        )
        edit = main.menus["edit"]
        act(edit, "undo", QCoreApplication.translate("MainWindow", "&Undo"), self.undo, keys.Undo)
        act(edit, "redo", QCoreApplication.translate("MainWindow", "&Redo"), self.redo, keys.Redo)
        edit.addSeparator()
        act(
            edit,
            "find",
            QCoreApplication.translate("MainWindow", "&Find…"),
            lambda: self._find(False),
            keys.Find,
        )
        act(
            edit,
            "replace",
            QCoreApplication.translate("MainWindow", "Find and re&place…"),
            lambda: self._find(True),
            keys.Replace,
        )
        edit.addSeparator()
        act(
            edit,
            "traditional",
            QCoreApplication.translate("MainWindow", "Convert to &Traditional Chinese (Taiwan)"),
            ws.to_traditional,
            "Ctrl+Shift+T",
        )
        act(
            edit,
            "punctuation",
            QCoreApplication.translate("MainWindow", "&Normalise punctuation"),
            lambda: ws.normalise_punctuation(),
            "Ctrl+Shift+U",
        )
        act(
            edit,
            "status",
            QCoreApplication.translate("MainWindow", "&Status and next steps…"),
            self.status_menu,
            "Ctrl+Shift+S",
        )
        act(
            edit,
            "approve",
            QCoreApplication.translate("MainWindow", "&Approve"),
            lambda: self.take("approved"),
            "Ctrl+Shift+A",
        )
        act(
            edit,
            "send_back",
            QCoreApplication.translate("MainWindow", "Send &back with a note…"),
            self.send_back,
            "Ctrl+Shift+B",
        )
        act(
            edit,
            "next_review",
            QCoreApplication.translate("MainWindow", "Ne&xt for review"),
            main.next_for_review,
            "Ctrl+Shift+N",
        )
        insert = main.menus["insert"]
        act(
            insert,
            "figure",
            QCoreApplication.translate("MainWindow", "&Figure…"),
            self.choose_figure,
            "Ctrl+Shift+G",
            writes=True,
        )
        act(
            insert,
            "further",
            QCoreApplication.translate("MainWindow", "Further &reading"),
            self.insert_further_reading,
            "Ctrl+Shift+R",
            writes=True,
        )
        act(
            insert,
            "sources",
            QCoreApplication.translate("MainWindow", "&Sources from the clipboard…"),
            self.paste_sources,
            "Ctrl+Shift+V",
            writes=True,
        )
        act(
            insert,
            "note",
            QCoreApplication.translate("MainWindow", "&Note on this paragraph…"),
            lambda: ws.notes.add_note(on_paragraph=True),
            "Ctrl+Alt+N",
            writes=True,
        )
        view = main.menus["view"]
        act(
            view,
            "list",
            QCoreApplication.translate("MainWindow", "Article &list"),
            self.toggle_list,
            "Ctrl+Shift+L",
            checkable=True,
        )
        act(
            view,
            "panel",
            QCoreApplication.translate("MainWindow", "Side &panel"),
            self.toggle_panel,
            "Ctrl+Shift+K",
            checkable=True,
        )
        act(
            view,
            "preview",
            QCoreApplication.translate("MainWindow", "Pre&view beside the text"),
            self.toggle_preview,
            "Ctrl+Shift+P",
            checkable=True,
        )
        act(
            view,
            "focus",
            QCoreApplication.translate("MainWindow", "&Focus mode"),
            self.toggle_focus,
            "F11",
            checkable=True,
        )
        view.addSeparator()
        act(
            view,
            "bigger",
            QCoreApplication.translate("MainWindow", "&Bigger text"),
            lambda: self.text_size(+1),
            keys.ZoomIn,
        )
        act(
            view,
            "smaller",
            QCoreApplication.translate("MainWindow", "S&maller text"),
            lambda: self.text_size(-1),
            keys.ZoomOut,
        )
        act(
            view,
            "normal",
            QCoreApplication.translate("MainWindow", "&Actual text size"),
            lambda: self.text_size(0),
            "Ctrl+0",
        )
        view.addSeparator()
        act(
            view,
            "queue",
            QCoreApplication.translate("MainWindow", "Review &queue"),
            self.show_queue,
            "Ctrl+Shift+J",
        )
        act(
            view,
            "go_list",
            QCoreApplication.translate("MainWindow", "&Go to the article list"),
            self.go_to_list,
            "Ctrl+L",
        )
        act(
            view,
            "search",
            QCoreApplication.translate("MainWindow", "Searc&h articles"),
            self.go_to_search,
            "Ctrl+Shift+F",
        )
        act(
            view,
            "go_text",
            QCoreApplication.translate("MainWindow", "Go to the &text"),
            ws.canvas.setFocus,
            "Ctrl+Shift+E",
        )
        sections = view.addMenu(
            QCoreApplication.translate("MainWindow", "S&ections of the side panel")
        )
        for n in range(ws.panel.count()):
            widget = ws.panel.widget(n)
            if widget is None:
                continue
            name = ws.panel.titles[widget]
            self._action(
                sections,
                f"section{n + 1}",
                f"&{n + 1} {name}",
                lambda _c=False, w=widget: self.show_section(w),
                f"Ctrl+{n + 1}",
            )
        view.addSeparator()
        appearance = view.addMenu(QCoreApplication.translate("MainWindow", "Appea&rance"))
        current = str(main.settings.value("appearance", "system"))
        group = QActionGroup(main.as_widget())
        for code, label in (
            ("system", QCoreApplication.translate("MainWindow", "Follow the &system")),
            ("light", QCoreApplication.translate("MainWindow", "&Light")),
            ("dark", QCoreApplication.translate("MainWindow", "&Dark")),
        ):
            action = self._action(
                appearance,
                f"appearance_{code}",
                label,
                lambda _c=False, code=code: self.set_appearance(code),
                checkable=True,
            )
            action.setChecked(code == current)
            group.addAction(action)
        languages = view.addMenu(QCoreApplication.translate("MainWindow", "La&nguage"))
        group = QActionGroup(main.as_widget())
        current = str(main.settings.value("language", "system"))
        for code, label in (
            ("system", QCoreApplication.translate("MainWindow", "Follow the &system")),
            ("zh_TW", "繁體中文 (&C)"),
            ("en", "&English"),
        ):
            action = self._action(
                languages,
                f"language_{code}",
                label,
                lambda _c=False, code=code: self.set_language(code),
                checkable=True,
            )
            action.setChecked(code == current)
            group.addAction(action)
        help_menu = main.menus["help"]
        act(
            help_menu,
            "keys",
            QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"),
            self.show_shortcuts,
            "Ctrl+/",
        )
        act(
            help_menu,
            "about",
            QCoreApplication.translate("MainWindow", "&About Galley"),
            self.about,
        )

    # -- the view -------------------------------------------------------------------------------
    def restore_view(self) -> None:
        """The view as it was left: list, panel, preview, text size."""
        settings = self.main.settings

        def flag(key: str, default: bool) -> bool:
            value = settings.value(key, default)
            return value in (True, "true", "1", 1)

        self.set_list_visible(flag("view/list", True))
        self.set_panel_visible(flag("view/panel", True))
        self.set_preview_beside(flag("view/preview_beside", False))
        try:
            size = int(str(settings.value(TEXT_SIZE_KEY, 0) or 0))
        except (TypeError, ValueError):
            size = 0
        if size:
            self.main.workspace.set_text_size(size)
        else:
            self.main.workspace.set_text_size(self.main.workspace.text_size)
        section = str(settings.value("view/section", ""))
        if section.isdigit():
            self.main.workspace.panel.setCurrentIndex(int(section))
        else:  # the first start: the page as readers will see it, beside the text
            self.main.workspace.panel.show_section(self.main.workspace.preview)

    def restore_checks(self) -> None:
        """The View menu's checks as the view is (the menus may be made after it)."""
        main = self.main
        for name, on in (
            ("list", main.lists.isVisible()),
            ("panel", main.workspace.panel.isVisible()),
            ("preview", self._preview_beside()),
            ("focus", self.focus_mode),
        ):
            if name in self.actions:
                self.actions[name].setChecked(on)

    def keep_view(self) -> None:
        settings = self.main.settings
        if self.focus_mode:
            self.toggle_focus()
        settings.setValue("view/list", self.main.lists.isVisible())
        settings.setValue("view/panel", self.main.workspace.panel.isVisible())
        settings.setValue("view/preview_beside", self._preview_beside())
        settings.setValue(TEXT_SIZE_KEY, self.main.workspace.text_size)
        settings.setValue("view/section", self.main.workspace.panel.currentIndex())

    def set_list_visible(self, visible: bool) -> None:
        self.main.lists.setVisible(visible)
        if "list" in self.actions:
            self.actions["list"].setChecked(visible)

    def set_panel_visible(self, visible: bool) -> None:
        self.main.workspace.panel.setVisible(visible)
        if "panel" in self.actions:
            self.actions["panel"].setChecked(visible)

    def toggle_list(self) -> None:
        self.set_list_visible(not self.main.lists.isVisible())

    def toggle_panel(self) -> None:
        self.set_panel_visible(not self.main.workspace.panel.isVisible())

    def _preview_beside(self) -> bool:
        ws = self.main.workspace
        return ws.split.indexOf(ws.preview) >= 0

    def set_preview_beside(self, beside: bool) -> None:
        """The preview side by side with the text, or as a section of the side panel."""
        ws = self.main.workspace
        if beside == self._preview_beside():
            if "preview" in self.actions:
                self.actions["preview"].setChecked(beside)
            return
        if beside:
            ws.panel.removeItem(ws.panel.indexOf(ws.preview))
            ws.split.insertWidget(1, ws.preview)
            ws.preview.show()
        else:
            ws.preview.setParent(None)  # out of the splitter
            ws.panel.add(ws.preview, ws.panel.titles[ws.preview])
        if "preview" in self.actions:
            self.actions["preview"].setChecked(beside)
        if ws.ctx.article is not None:
            ws.preview.request(ws.ctx.article, now=True)

    def toggle_preview(self) -> None:
        self.set_preview_beside(not self._preview_beside())

    def toggle_focus(self) -> None:
        """Focus mode: only the page (iA Writer, ghostwriter); again, all as it was."""
        main = self.main
        ws = main.workspace
        if not self.focus_mode:
            self._before_focus = {
                "list": main.lists.isVisible(),
                "panel": ws.panel.isVisible(),
                "menu": main.menuBar().isVisible(),
                "status": main.statusBar().isVisible(),
            }
            main.lists.hide()
            ws.panel.hide()
            if self._preview_beside():
                ws.preview.hide()
            main.statusBar().hide()
            ws.page.setObjectName("focusPage")
            self.focus_mode = True
            ws.canvas.setFocus()
        else:
            main.lists.setVisible(self._before_focus.get("list", True))
            ws.panel.setVisible(self._before_focus.get("panel", True))
            ws.preview.setVisible(True)
            main.statusBar().setVisible(self._before_focus.get("status", True))
            ws.page.setObjectName("page")
            self.focus_mode = False
        if "focus" in self.actions:
            self.actions["focus"].setChecked(self.focus_mode)

    def text_size(self, step: int) -> None:
        from app.ui.workspace import DEFAULT_TEXT_SIZE, TEXT_SIZES

        ws = self.main.workspace
        if step == 0:
            size = DEFAULT_TEXT_SIZE
        else:
            bigger = [s for s in TEXT_SIZES if s > ws.text_size]
            smaller = [s for s in TEXT_SIZES if s < ws.text_size]
            size = (bigger[0] if bigger else ws.text_size) if step > 0 else (
                smaller[-1] if smaller else ws.text_size
            )  # fmt: skip
        ws.set_text_size(size)
        self.main.settings.setValue(TEXT_SIZE_KEY, size)

    def show_section(self, widget: Any) -> None:
        ws = self.main.workspace
        if not ws.panel.isVisible():
            self.set_panel_visible(True)
        ws.panel.show_section(widget)
        widget.setFocus()
        focus = widget.focusWidget() or widget.nextInFocusChain()
        if focus is not None:
            focus.setFocus()

    def go_to_list(self) -> None:
        if not self.main.lists.isVisible():
            self.set_list_visible(True)
        self.main.lists.view.setFocus()

    def go_to_search(self) -> None:
        if not self.main.lists.isVisible():
            self.set_list_visible(True)
        self.main.lists.search.setFocus()
        self.main.lists.search.selectAll()

    def take(self, target: str) -> None:
        """A move from the keyboard (the status button's, with its questions)."""
        button = self.main.status_button
        if button is None or self.main.session is None:
            return
        if target not in button.moves():
            self.main.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Not a next step for this article and your role."
                ),
                6000,
            )
            return
        button.take(target)

    def send_back(self) -> None:
        self.take("draft")

    def show_queue(self) -> None:
        if not self.main.lists.isVisible():
            self.set_list_visible(True)
        self.main.lists.show_queue()
        self.main.queue.refresh()
        self.main.queue.tree.setFocus()

    def status_menu(self) -> None:
        button = self.main.status_button
        if button is not None and button.isEnabled():
            button.showMenu()

    # -- commands ----------------------------------------------------------------------------
    def new_article(self) -> None:
        if not self.main.save_now():
            return
        article = self.main.store.new_article(
            QCoreApplication.translate("MainWindow", "Untitled article"), author=self.main.author
        )
        self.main.poll_external()
        self.main.open_article(article.id)
        title = self.main.workspace.title
        title.setFocus()
        title.selectAll()

    def choose_figure(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.main.session is None:
            return
        names, _ = QFileDialog.getOpenFileNames(
            self.main.as_widget(),
            QCoreApplication.translate("MainWindow", "Add a figure"),
            "",
            QCoreApplication.translate("MainWindow", "Images (*.jpg *.jpeg *.png *.gif *.webp)"),
        )
        if names:
            position = self.main.workspace.canvas.textCursor().position()
            self.add_figures(names, position)

    def add_figures(self, names: list[str], position: int) -> BackgroundTask | None:
        """Images as figures at ``position`` of the body: each read (its caption, creator,
        credit and copyright taken from its IPTC/XMP), cleaned into the store on a thread,
        then placed as a card whose caption field has the focus."""
        from app.store.images import read_photo_metadata

        session = self.main.session
        if session is None or not names:
            return None
        files = [Path(n) for n in names]

        def work(store: Store, progress: Progress) -> list[tuple[str, str, Any]]:
            done = []
            for n, path in enumerate(files):
                progress(n, len(files), path.name)
                raw = path.read_bytes()
                meta = read_photo_metadata(raw)
                done.append((path.name, store.images.add(raw, name=path.name), meta))
            return done

        def placed(done: list[tuple[str, str, Any]]) -> None:
            for name, sha, meta in done:
                self._place_figure(name, sha, meta, position)

        return self._on_own_connection(
            QCoreApplication.translate("MainWindow", "Adding the figure"),
            work,
            placed,
            QCoreApplication.translate("MainWindow", "Cannot add"),
        )

    def add_pasted_image(self, image: QImage, position: int) -> BackgroundTask | None:
        """An image pasted from the clipboard: kept as PNG, then added like a file."""
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="galley-paste-"))
        path = folder / "pasted.png"
        if not image.save(str(path)):  # PNG, from the name
            return None
        return self.add_figures([str(path)], position)

    def _place_figure(self, name: str, sha: str, meta: Any, position: int) -> None:
        from app.core.model import Figure
        from app.core.slugs import figure_key_for

        session = self.main.session
        if session is None:
            return
        ws = self.main.workspace
        taken = {f.key for f in session.article.figures} | set(ws.cards.shelf)
        key = figure_key_for(name, taken)
        session.article.figures.append(
            Figure(
                key=key,
                image=sha,
                caption=meta.caption,
                credit=meta.credit or meta.creator,
                creator=meta.creator,
                copyright=meta.copyright,
            )
        )
        ws.canvas.insert_block(
            f"![[{key}]]", min(position, ws.canvas.document().characterCount() - 1)
        )
        ws.cards.refresh()
        card = ws.cards.card_for_key(key)
        if card is not None:
            card.focus_caption()
        self.main.ctx.touch() if self.main.ctx is not None else None

    def insert_further_reading(self) -> None:
        ws = self.main.workspace
        if self.main.session is None:
            return
        first = ws.canvas.insert_block("::: further-reading\n:::")
        ws.cards.refresh()
        card = next((c for c in ws.cards.further if c.spot and c.spot.first == first), None)
        if card is not None:
            card.search.setFocus()

    def paste_sources(self) -> None:
        from PySide6.QtGui import QGuiApplication

        ws = self.main.workspace
        if self.main.session is None:
            return
        self.show_section(ws.sources)
        ws.sources.paste_text(QGuiApplication.clipboard().text())

    def import_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            self.main.as_widget(),
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
            self.main.as_widget(), QCoreApplication.translate("MainWindow", "Export to folder")
        )
        if folder:
            self.export_to([self.main.session.article_id], Path(folder))

    def export_desk_edition(self) -> None:
        """Every published article and the desk edition (front page, feed, sitemaps)."""
        from PySide6.QtWidgets import QFileDialog

        if not self.main.save_now():
            return
        folder = QFileDialog.getExistingDirectory(
            self.main.as_widget(),
            QCoreApplication.translate("MainWindow", "Export the desk edition to"),
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
            self.main.as_widget(),
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
            self.main.as_widget(),
            title,
            on_thread,
            done,
            lambda message: self._warn(failure_title, message),
        )

    def _warn(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.main.as_widget(), title, message)

    def identity(self) -> None:
        """Change the name and role this window works as (kept in the settings)."""
        from app.ui.identity_dialog import NAME_KEY, ROLE_KEY, IdentityDialog

        dialog = IdentityDialog(self.main.author, self.main.role, self.main.as_widget())
        if not dialog.exec():
            return
        name, role = dialog.chosen()
        self.main.settings.setValue(NAME_KEY, name)
        self.main.settings.setValue(ROLE_KEY, role)
        self.main.role = role
        self.main.welcome_view.set_author(name)
        if self.main.ctx is not None:
            self.main.ctx.author, self.main.ctx.role = name, role
            if self.main.ctx.session is not None:
                self.main.ctx.session.author, self.main.ctx.session.role = name, role
            self.main.ctx.person_changed.emit()

    def desk_settings(self) -> None:
        from app.ui.desk_dialog import DeskDialog

        DeskDialog(self.main.store, self.main.as_widget(), by=self.main.author).exec()

    def undo(self) -> None:
        focus = self.main.focusWidget()
        if hasattr(focus, "undo") and focus is not None:
            focus.undo()
        else:
            self.main.workspace.undo_stack.undo()

    def redo(self) -> None:
        focus = self.main.focusWidget()
        if hasattr(focus, "redo") and focus is not None:
            focus.redo()
        else:
            self.main.workspace.undo_stack.redo()

    def _find(self, replace: bool) -> None:
        self.main.workspace.find_bar.open_bar(replace=replace)

    def set_language(self, code: str) -> None:
        self.main.settings.setValue("language", code)
        self.main.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "The new language is used from the next start of Galley."
            ),
            8000,
        )

    def set_appearance(self, code: str) -> None:
        from PySide6.QtWidgets import QApplication

        from app.ui.launch import apply_color_scheme

        self.main.settings.setValue("appearance", code)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_color_scheme(app, code)
            self.main.workspace.restyle()

    def show_shortcuts(self) -> None:
        from app.ui.shortcuts_sheet import ShortcutsSheet

        ShortcutsSheet(self.main.menuBar(), self.main.as_widget()).exec()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from app.config import log_dir

        QMessageBox.about(
            self.main.as_widget(),
            QCoreApplication.translate("MainWindow", "About Galley"),
            QCoreApplication.translate(
                "MainWindow",
                "Galley {version}\nAn offline editorial workstation for newsrooms.\n\n"
                "Store: {store}\nLogs: {logs}",
            ).format(version=__version__, store=self.main.store.path, logs=log_dir()),
        )
