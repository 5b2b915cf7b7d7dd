"""Run the real ``launch`` in a child process (its event loop must not be pytest's):
    python tests/ui/launch_child.py STORE [ARTICLE]
Prints ``PAINTED store=<yes|no>`` at the window's first paint (whether the store was open
by then), ``UPGRADING`` once if the store's upgrade dialog shows, ``READY <slug>`` once the
window has an article open, ``DIALOG <text>`` for an error dialog (answered at once), and
``EXIT <code>``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QProgressDialog  # noqa: E402


class FirstPaint(QObject):
    done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.done and event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            self.done = True
            opened = bool(getattr(watched, "attached", False))
            print("PAINTED store=" + ("yes" if opened else "no"), flush=True)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    first_paint = FirstPaint()
    app.installEventFilter(first_paint)
    QMessageBox.critical = lambda *a, **k: print("DIALOG", a[2], flush=True)  # type: ignore[method-assign]
    from app.ui.launch import launch

    timer = QTimer()
    timer.setInterval(10)

    upgrading = []

    def poll() -> None:
        for widget in app.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible() and not upgrading:
                upgrading.append(widget)
                print("UPGRADING", flush=True)
            session = getattr(widget, "session", None)
            if session is not None:
                print("READY", session.article.slug, flush=True)
                timer.stop()
                app.quit()

    timer.timeout.connect(poll)
    timer.start()
    code = launch(Path(sys.argv[1]), open_ref=sys.argv[2] if len(sys.argv) > 2 else None)
    print("EXIT", code, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
