"""The floor for bench_screenshot.py: a bare PySide6 window with a QPlainTextEdit that shows a
text, grabs itself once painted, saves the PNG and quits (what ``galley gui --screenshot``
does, minus Galley).

python benchmarks/grab_child.py OUT.png
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit, QWidget


def show_and_grab(app: QApplication, window: QWidget, out: str) -> int:
    """Show ``window``; once it has painted, save it as a PNG at ``out``, print ``out`` (the
    harness times that line) and quit. The exit code of the event loop."""

    class Grab(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                QTimer.singleShot(0, self.grab)
            return False

        def grab(self) -> None:
            window.grab().save(out, "PNG")
            print(out, flush=True)
            app.quit()

    grabber = Grab()
    window.installEventFilter(grabber)
    window.show()
    return app.exec()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    editor = QPlainTextEdit()
    editor.setPlainText("颱風季前大演練 高雄抽水站與沙包站全面檢查\n\n" * 40)
    window.setCentralWidget(editor)
    window.resize(1280, 820)
    return show_and_grab(app, window, sys.argv[1])


if __name__ == "__main__":
    sys.exit(main())
