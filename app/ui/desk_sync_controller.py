"""The window's side of desk sync: File › Sync with desk, a status-bar indicator (last sync,
offline, articles edited on both sides) and a quiet sync in the background every few minutes
while a desk is set.

The sync itself runs in its own process (``galley sync --json``), watched from a worker
thread: typing never waits for it, and git's native library (libgit2 through pygit2) never
shares a process with the editor; with Qt in the same process a long sync crashed the
interpreter ("deallocating None", a pygit2 refcount error seen only there). What it brings in
reaches the editor and the list through the store's change log, like any other process's
write. Cancel ends that process; an interrupted sync leaves the store whole and the next one
completes the work.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from app.ui.background import BackgroundTask
    from app.ui.host import WindowHost

log = logging.getLogger(__name__)

BACKGROUND_MS = 5 * 60 * 1000  # a quiet sync every five minutes while a desk is set


def configured_desk(store_path: Path) -> str | None:
    """The desk this store syncs with (None: no desk yet). Read from the small JSON file the
    sync keeps beside git's own config: the window never loads git's library."""
    from app.core.errors import InputError
    from app.core.jsondata import load_json
    from app.exchange.desk_layout import DESK_FILE, MAX_MARKER, default_repository

    try:
        data = load_json((default_repository(store_path) / DESK_FILE).read_bytes(),
                         limit=MAX_MARKER)  # fmt: skip
    except (OSError, InputError):
        return None
    remote = data.get("remote") if isinstance(data, dict) else None
    return remote if isinstance(remote, str) and remote else None


def sync_command(store_path: Path, remote: str | None, by: str) -> list[str]:
    """``galley sync --json`` for this store, as this Galley runs (installed or frozen)."""
    import sys

    if getattr(sys, "frozen", False):
        command = [sys.executable]
    else:
        command = [sys.executable, "-m", "app.cli"]
    command += ["sync", "--json", "--store", str(store_path), "--by", by]
    return command + (["--remote", remote] if remote else [])


def run_sync_process(store_path: Path, remote: str | None, by: str, progress: Any) -> Any:
    """Run one sync in its own process; its progress lines feed ``progress`` (whose Cancel
    ends the process). Returns the report; a failure is a ``SyncError`` with its line."""
    import json
    import subprocess
    from types import SimpleNamespace

    from app.core.errors import Cancelled, SyncError

    child = subprocess.Popen(
        sync_command(store_path, remote, by),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    last = ""
    try:
        assert child.stderr is not None
        for line in child.stderr:
            last = line.strip().removeprefix("galley: ") or last
            progress(0, 0, last)
        out, _ = child.communicate(timeout=60)
    except Cancelled:
        child.kill()
        child.wait()
        raise
    if child.returncode != 0:
        raise SyncError(last or f"the sync stopped (exit {child.returncode})")
    return SimpleNamespace(**json.loads(out))


class DeskSyncController:
    """Sync with the desk from the window: on demand (with progress and Cancel) and in the
    background (silently; a failure only changes the indicator)."""

    def __init__(self, main: WindowHost) -> None:
        self.main = main
        self.label = QLabel()
        self.running: BackgroundTask | None = None
        self.timer = QTimer(main.as_widget())
        self.timer.setInterval(BACKGROUND_MS)
        self.timer.timeout.connect(self.sync_in_background)

    def attach(self) -> None:
        """After the store is open: the indicator, and the background sync if a desk is set."""
        self.main.statusBar().addPermanentWidget(self.label)
        desk = configured_desk(self.main.store.path)
        self.label.setVisible(desk is not None)
        if desk is not None:
            self.label.setText(QCoreApplication.translate("DeskSync", "Desk: not synced yet"))
            from app.exchange.desk_credentials import mask_url

            self.label.setToolTip(mask_url(desk))  # a token in the address is never shown
            self.timer.start()

    def sync_now(self, remote: str | None = None) -> BackgroundTask | None:
        """File › Sync with desk. With no desk set yet, ask for its folder first."""
        if self.running is not None:
            return self.running
        if not self.main.save_now():
            return None
        if remote is None and configured_desk(self.main.store.path) is None:
            remote = self._ask_for_desk()
            if remote is None:
                return None
        return self._start(remote, quiet=False)

    def sync_in_background(self) -> BackgroundTask | None:
        if self.running is not None or self.main.store.read_only:
            return None
        return self._start(None, quiet=True)

    def _ask_for_desk(self) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(
            self.main.as_widget(),
            QCoreApplication.translate(
                "DeskSync", "The desk repository (a folder on a shared drive or USB stick)"
            ),
        )
        return folder or None

    def _start(self, remote: str | None, *, quiet: bool) -> BackgroundTask:
        from app.ui.background import BackgroundTask, run_with_progress

        store_path, by = self.main.store.path, self.main.author

        def work(progress: Any) -> Any:
            return run_sync_process(store_path, remote, by, progress)

        if quiet:
            task = BackgroundTask(work, self.main.as_widget())
            task.succeeded.connect(self._synced)
            task.failed.connect(self._offline)
            QTimer.singleShot(0, task.start)
        else:
            task = run_with_progress(
                self.main.as_widget(),
                QCoreApplication.translate("DeskSync", "Syncing with the desk"),
                work,
                self._synced,
                self._failed,
            )
        task.ended.connect(self._ended)
        self.running = task
        return task

    def _ended(self) -> None:
        self.running = None

    def _synced(self, report: Any) -> None:
        when = datetime.now().strftime("%H:%M")
        self.label.setVisible(True)
        self.label.setObjectName("")
        if report.status_conflicts:
            self.label.setToolTip("\n".join(report.status_conflicts))
        if report.diverged or report.status_conflicts:
            self.label.setText(
                QCoreApplication.translate(
                    "DeskSync", "Desk: synced {time}; {n} edited on both sides"
                ).format(time=when, n=len(report.diverged))
            )
            self.label.setObjectName("syncTrouble")
        else:
            self.label.setText(
                QCoreApplication.translate("DeskSync", "Desk: synced {time}").format(time=when)
            )
        from app.ui.theme import tint, untint

        if self.label.objectName() == "syncTrouble":
            tint(self.label, window_text="warning")  # the theme's warning colour
        else:
            untint(self.label)
        self.main.statusBar().showMessage(
            QCoreApplication.translate("DeskSync", "Desk sync: {received} in, {sent} out").format(
                received=report.received, sent=report.sent
            ),
            8000,
        )
        if not self.timer.isActive():
            self.timer.start()
        self.main.poll_external()  # what came in shows now, not at the next poll

    def _offline(self, message: str) -> None:
        log.info("background sync failed: %s", message)
        self.label.setText(
            QCoreApplication.translate("DeskSync", "Desk: offline since {time}").format(
                time=datetime.now().strftime("%H:%M")
            )
        )
        self.label.setToolTip(message)

    def _failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._offline(message)
        QMessageBox.warning(
            self.main.as_widget(), QCoreApplication.translate("DeskSync", "Desk sync"), message
        )

    def shutdown(self) -> None:
        self.timer.stop()
