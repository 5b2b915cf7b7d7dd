"""Start the application: QApplication, settings, translations, logging, the exception hook."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import TracebackType

    from app.core.errors import GalleyError
    from app.store import Store

log = logging.getLogger(__name__)

# What opening an article uses apart from Qt. ``galley gui`` imports them before it forks the
# preview's renderer and before PySide6: the renderer inherits them instead of importing
# them again on a two-core laptop, and PySide6's import hook (it reads the source of every
# module imported after it) never sees them. None may import Qt (a test holds them to it).
WINDOW_MODULES = (
    "app.store.store",
    "app.store.review",
    "app.store.session",
    "app.store.images",
    "app.core.text",
    "app.core.sources",
    "app.core.anchors",
    "app.core.body_syntax",
    "app.core.validation",
    "app.core.slugs",
    "app.exchange.desk_layout",
)


def import_window_modules() -> None:
    import importlib

    for name in WINDOW_MODULES:
        importlib.import_module(name)


def _setup_logging() -> Path | None:
    from app.config import log_dir

    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    handler = logging.FileHandler(folder / "galley.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return folder / "galley.log"


def install_excepthook(window_ref: dict[str, Any]) -> None:
    """An exception in a slot is logged and shown; the open text is saved first."""
    showing = {"now": False}

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        import traceback

        log.error("unhandled exception:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        window = window_ref.get("window")
        if window is not None:
            window.saving.emergency_save()
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None or showing["now"]:
            return  # an error while the dialog is up is logged, not stacked
        showing["now"] = True
        try:
            QMessageBox.critical(
                window,
                "Galley",
                QApplication.translate(
                    "launch",
                    "Something went wrong; your text was saved and the details are in "
                    "the log.\n\n{error}",
                ).format(error=f"{kind.__name__}: {value}"),
            )
        finally:
            showing["now"] = False

    sys.excepthook = hook


def apply_style(app: Any) -> None:
    """Fusion draws light and dark palettes well everywhere (and is the default on most Linux
    desktops). Since Qt 6.5 the platform's palette follows the system's dark mode."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")


DARK_COLORS = (
    ("Window", "#202124"),
    ("WindowText", "#e8eaed"),
    ("Base", "#17181a"),
    ("AlternateBase", "#26272b"),
    ("Text", "#e8eaed"),
    ("Button", "#2b2c30"),
    ("ButtonText", "#e8eaed"),
    ("BrightText", "#ffffff"),
    ("Highlight", "#8ab4f8"),
    ("HighlightedText", "#202124"),
    ("ToolTipBase", "#2b2c30"),
    ("ToolTipText", "#e8eaed"),
    ("PlaceholderText", "#a8abb0"),
    ("Link", "#8ab4f8"),
    ("LinkVisited", "#c58af9"),
    ("Mid", "#3c3d41"),
    ("Midlight", "#35363a"),
    ("Dark", "#111214"),
    ("Shadow", "#000000"),
)
# Disabled text: still 4.5:1 on the dark window (a read-only store is read, not hidden).
DARK_DISABLED = (("WindowText", "#9aa0a6"), ("Text", "#9aa0a6"), ("ButtonText", "#9aa0a6"))


def dark_palette() -> Any:
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for name, color in DARK_COLORS:
        palette.setColor(getattr(QPalette.ColorRole, name), QColor(color))
    for name, color in DARK_DISABLED:
        palette.setColor(
            QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, name), QColor(color)
        )
    return palette


def apply_color_scheme(app: Any, appearance: str = "system") -> None:
    """Light, dark, or as the system is (``appearance``: the setting or ``--appearance``).
    Following the system, the platform's own palette is used (since Qt 6.5 it follows the
    system's dark mode; one of ours set before is taken back) and the page's colours follow
    its lightness; asking the style hints for the colour scheme instead would build every
    Qt enum type on the start path."""
    from PySide6.QtGui import QPalette

    if appearance == "dark":
        app.setPalette(dark_palette())
    elif appearance == "light":
        app.setPalette(app.style().standardPalette())
    elif app.property("galleyPalette"):
        app.setPalette(QPalette())  # the platform's again
    app.setProperty("galleyPalette", appearance in ("dark", "light"))
    follow_palette(app)


def follow_palette(app: Any) -> bool:
    """The theme's colours for the palette the application has now: light or dark by its
    lightness (the platform's, following the system, may change while Galley runs).
    Returns whether that changed anything."""
    from PySide6.QtGui import QPalette

    dark = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    if app.property("galleyDark") is dark:
        return False
    app.setProperty("galleyDark", dark)
    from app.ui.theme import retint

    retint(app)
    return True


def _login_name() -> str:
    import getpass

    return getpass.getuser()


def ask_identity(settings: Any, role: str) -> tuple[str, str]:
    """First run: who is at this laptop (the name on revisions, notes and status changes) and
    in which role (a reporter submits, an editor decides); kept in the settings."""
    from app.ui.identity_dialog import NAME_KEY, ROLE_KEY, IdentityDialog

    dialog = IdentityDialog(_login_name(), role)
    if not dialog.exec():
        return "", role
    name, role = dialog.chosen()
    settings.setValue(NAME_KEY, name)
    settings.setValue(ROLE_KEY, role)
    return name, role


def window_icon() -> Any:
    from PySide6.QtGui import QIcon

    from app.resources import resource_path

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(resource_path("icons", f"galley-{size}.png")))
    return icon


def _finish_app_setup(app: Any, appearance: str) -> None:
    """The log file, the window icon and the light or dark palette. ``launch`` runs them
    once the frame is up (until then a record goes to stderr, as logging does without a
    handler)."""
    _setup_logging()
    app.setWindowIcon(window_icon())
    apply_color_scheme(app, appearance)


def backup_work(store: Any, settings: Any, *, force: bool = False) -> Any:
    """The rolling backup of the open store as work for a background thread: the window's
    backup on open and its Back up now share it. ``backup/keep`` says how many to keep."""
    path, file = store.path, store.file
    keep = settings.value("backup/keep")

    def work(progress: Any) -> Any:
        from app.config import backup_dir
        from app.store.backup import DEFAULT_KEEP, rolling_backup

        file.check()  # never open a replaced store by name: it would meet our -wal
        count = int(str(keep)) if keep is not None else DEFAULT_KEEP
        return rolling_backup(path, backup_dir(path), keep=count, force=force, progress=progress)

    return work


def schedule_backup(store: Any, settings: Any, delay_ms: int = 2000) -> Any:
    """The rolling backup on open, after the first paint so that it never slows the start
    (its imports included), on its own thread. Returns the task (its ``ended`` signal fires
    once the backup is written and old ones pruned), or None for a read-only store."""
    from PySide6.QtCore import QTimer

    from app.ui.background import BackgroundTask

    if store.read_only:
        return None
    task = BackgroundTask(backup_work(store, settings))
    task.failed.connect(lambda message: log.warning("rolling backup failed: %s", message))
    task.succeeded.connect(lambda made: log.info("rolling backup: %s", made or "not needed"))
    QTimer.singleShot(delay_ms, task.start)
    return task


def after_first_paint(window: Any, callback: Any, fallback_ms: int = 3000) -> None:
    """Run ``callback`` once, just after ``window`` first painted (or after ``fallback_ms``
    if it never paints, e.g. started minimised)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    state = {"done": False}

    def run() -> None:
        if not state["done"]:
            state["done"] = True
            window.removeEventFilter(watcher)
            callback()

    class Watcher(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and not state["done"]:
                QTimer.singleShot(0, run)
            return False

    watcher = Watcher(window)
    window.installEventFilter(watcher)
    QTimer.singleShot(fallback_ms, run)


def _renderer(forked: tuple[int, int, int, Path] | None, store: Any) -> Any:
    """The window's end of the render server forked at start (None: render on a thread)."""
    if forked is None:
        return None
    from app.ui.preview import ProcessRenderer

    pid, write_fd, read_fd, cache = forked
    return ProcessRenderer(pid, write_fd, read_fd, cache, store.file.identity)


def launch(
    store_path: Path,
    *,
    open_ref: str | None = None,
    screenshot: str | None = None,
    language: str | None = None,
    appearance: str | None = None,
    size: tuple[int, int] | None = None,
    forked: tuple[int, int, int, Path] | None = None,
) -> int:
    """Paint the window's frame first, then (after that first paint) import the store and
    the editor, open the store and fill the window: the window is there at once."""
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from app.ui.i18n import install_translators
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Galley")
    app.setOrganizationName("Galley")
    QGuiApplication.setDesktopFileName("io.github.galleynews.Galley")
    settings = QSettings()
    install_translators(app, language or str(settings.value("language", "system")))
    apply_style(app)
    window_ref: dict[str, Any] = {}
    install_excepthook(window_ref)
    look = appearance or str(settings.value("appearance", "system") or "system")
    if screenshot:
        _finish_app_setup(app, look)
        return _screenshot(
            app, settings, store_path, open_ref, screenshot, window_ref, forked, size
        )
    # $GALLEY_USER (as for the galley command) answers the first-run question in scripts.
    author = str(settings.value("user/name", "") or "") or os.environ.get("GALLEY_USER", "")
    from app.ui.identity import saved_role

    window = MainWindow(
        None, settings, author=author, role=saved_role(settings), store_path=store_path
    )
    window_ref["window"] = window
    opened: dict[str, Any] = {}

    def refuse(exc: GalleyError) -> None:
        from PySide6.QtWidgets import QMessageBox

        log.error("cannot open the store: %s", exc)
        print(f"galley: {exc}", file=sys.stderr)
        QMessageBox.critical(
            window,
            "Galley",
            QApplication.translate("launch", "The store cannot be opened:\n\n{error}").format(
                error=exc
            ),
        )
        app.exit(exc.exit_code)

    def finish() -> None:
        from app.core.errors import GalleyError
        from app.store import Store

        _finish_app_setup(app, look)
        if Store.needs_upgrade(store_path):
            from app.ui.store_opener import StoreOpener

            opener = StoreOpener(window, store_path)
            opener.opened.connect(fill)
            opener.failed.connect(refuse)
            opener.start()
            return
        try:
            store = Store.open(store_path)
        except GalleyError as exc:
            refuse(exc)
            return
        fill(store)

    def fill(store: Store) -> None:

        opened["store"] = store
        window.renderer = _renderer(forked, store)
        # On an empty store the welcome view asks for the name instead of a dialog.
        if (
            not author
            and os.environ.get("QT_QPA_PLATFORM") != "offscreen"
            and store.count_articles() > 0
        ):
            window.author, window.role = ask_identity(settings, window.role)
        window.author = window.author or _login_name()
        window.attach_store(store, open_ref=open_ref, menus_later=True)
        schedule_backup(store, settings)

    after_first_paint(window, finish)
    window.show()
    code = app.exec()
    if "store" in opened:
        opened["store"].close()
    window_ref.clear()
    return code


def _screenshot(
    app: Any,
    settings: Any,
    store_path: Path,
    open_ref: str | None,
    screenshot: str,
    window_ref: dict[str, Any],
    forked: tuple[int, int, int, Path] | None = None,
    size: tuple[int, int] | None = None,
) -> int:
    """``gui --screenshot``: the whole window at a fixed size, grabbed the moment a person
    would see it: the article shown and its preview rendered (no fixed waits), or, with no
    article open, the first paint. Exits 1 if that never happens within 60 s."""
    from PySide6.QtCore import QTimer

    from app.store import Store
    from app.ui.main_window import MainWindow

    store = Store.open(store_path)
    author = str(settings.value("user/name", "") or "") or _login_name()
    from app.ui.identity import saved_role

    window = MainWindow(
        store,
        settings,
        author=author,
        role=saved_role(settings),
        renderer=_renderer(forked, store),
    )
    window_ref["window"] = window
    if open_ref:
        window.open_article(open_ref)
    # The same frame every time, whatever the saved geometry: a laptop's screen by default.
    window.resize(*(size or (1366, 768)))
    outcome = {"code": 1}

    def grab(_html: str = "") -> None:
        if outcome["code"] == 0:
            return
        outcome["code"] = 0 if window.grab().save(screenshot, "PNG") else 1
        if outcome["code"] == 0:
            print(screenshot, flush=True)  # like export: the file written, as it is written
        window.close()
        app.quit()

    def give_up() -> None:
        print(f"galley: {screenshot}: the window was not ready within 60 s", file=sys.stderr)
        window.close()
        app.quit()

    preview = window.workspace.preview
    if window.session is not None and preview.isVisibleTo(window):
        preview.first_render_ms = 0  # nobody is typing: render at once
        preview.shown_html.connect(grab)
    else:
        after_first_paint(window, grab)
    QTimer.singleShot(60_000, give_up)
    window.show()
    app.exec()
    store.close()
    window_ref.clear()
    return outcome["code"]
