"""What the window's own helpers (menus, saving trouble, welcome, desk sync) may use of the
window: a protocol, so no file but the launcher imports the window class itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QLabel,
        QMainWindow,
        QMenuBar,
        QStackedWidget,
        QStatusBar,
        QWidget,
    )

    from app.store.session import EditSession
    from app.store.store import Store
    from app.ui.context import EditorContext
    from app.ui.desk_sync_controller import DeskSyncController
    from app.ui.list_panel import ListPanel
    from app.ui.review_queue import ReviewQueue
    from app.ui.status_button import StatusButton
    from app.ui.welcome_controller import WelcomeController
    from app.ui.welcome_view import WelcomeView
    from app.ui.window_commands import WindowCommands
    from app.ui.workspace import Workspace


class WindowHost(Protocol):
    """The window, as its helpers see it."""

    store: Store
    settings: QSettings
    author: str
    role: str
    ctx: EditorContext | None
    menus: dict[str, Any]
    lists: ListPanel
    editor_stack: QStackedWidget
    welcome: WelcomeView | None
    welcome_view: WelcomeController
    desk_sync: DeskSyncController
    status_button: StatusButton | None
    commands: WindowCommands
    saved_label: QLabel
    autosave: QTimer

    @property
    def session(self) -> EditSession | None: ...

    @property
    def workspace(self) -> Workspace: ...

    @property
    def queue(self) -> ReviewQueue: ...

    def as_widget(self) -> QMainWindow:
        """The window as a Qt parent for dialogs, timers and actions."""
        ...

    def save_now(self) -> bool: ...

    def open_article(self, ref: str) -> bool: ...

    def next_for_review(self) -> None: ...

    def poll_external(self) -> None: ...

    def show_saved(self) -> None: ...

    def close(self) -> bool: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 - Qt's name

    def focusWidget(self) -> QWidget | None: ...  # noqa: N802 - Qt's name

    def addAction(self, action: QAction) -> None: ...  # noqa: N802 - Qt's name
