"""Child process for bench_start.py: start a window and report when it has first painted.

python benchmarks/start_child.py bare
python benchmarks/start_child.py galley STORE

Both variants install the same application-wide event filter before any window exists and
print "PAINTED" on the first paint event of a QMainWindow. The bare one quits there; Galley
goes on until its list has rows and the newest article is open, prints "READY" and quits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def __init__(self, app: QApplication, *, wait_ready: bool) -> None:
        super().__init__()
        self.app = app
        self.done = False
        self.wait_ready = wait_ready
        self.poll = QTimer()
        self.poll.setInterval(2)
        self.poll.timeout.connect(self._check_ready)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self.done and event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            self.done = True
            print("PAINTED", flush=True)
            if self.wait_ready:
                self.window = watched
                self.poll.start()
            else:
                QTimer.singleShot(0, self.app.quit)
        return False

    def _check_ready(self) -> None:
        window = self.window
        if getattr(window, "session", None) is not None and window.list_model.rowCount():
            self.poll.stop()
            print("READY", flush=True)
            QTimer.singleShot(0, self.app.quit)


def main() -> int:
    app = QApplication(sys.argv[:1])
    watcher = FirstPaint(app, wait_ready=sys.argv[1] != "bare")
    app.installEventFilter(watcher)
    if sys.argv[1] == "bare":
        window = QMainWindow()
        window.resize(1280, 820)
        window.show()
        return app.exec()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from app.ui.launch import launch

    return launch(Path(sys.argv[2]))


if __name__ == "__main__":
    sys.exit(main())
