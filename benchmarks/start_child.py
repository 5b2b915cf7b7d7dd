"""Child process for bench_start.py: start a window and report when it has first painted.

python benchmarks/start_child.py bare
python benchmarks/start_child.py galley STORE

Both variants install the same application-wide event filter before any window exists, print
"PAINTED" on the first paint event of a QMainWindow, and quit.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self.done and event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            self.done = True
            print("PAINTED", flush=True)
            QTimer.singleShot(0, self.app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    watcher = FirstPaint(app)
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
