"""Keystroke latency in the window while a desk sync runs on its worker thread (issue 15:
"unchanged, <= 16 ms"). A store of N articles sends itself to an empty desk (the longest
sync there is); 200 keystrokes are timed before it and 200 while it runs (offscreen Qt).
With ``--join`` the window's store instead takes in a desk of N articles another laptop
sent (the store is written while the keys are typed, a short transaction at a time).

QT_QPA_PLATFORM=offscreen python benchmarks/bench_sync_typing.py [N] [--join]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import summarise  # noqa: E402


def main() -> None:
    import subprocess

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.core.model import Article
    from app.store import Store
    from app.ui.main_window import MainWindow

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 3000
    join = "--join" in sys.argv
    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        desk = root / "desk.git"
        store = Store.open(root / "g.sqlite")
        body = "市府今天宣布防災計畫,預計明年完成。" * 60
        # The desk, made by the command line (git's library stays out of this process): empty,
        # or (--join) holding another laptop's N articles.
        other = root / "other.sqlite"
        if join:
            with Store.open(other) as sender:
                for i in range(n):
                    sender.create_article(
                        Article(id="", slug="", title=f"他 {i} 篇", body=body), author="測試者"
                    )
            store.create_article(
                Article(id="", slug="", title="我的稿子", body=body), author="測試者"
            )
        else:
            for i in range(n):
                store.create_article(
                    Article(id="", slug="", title=f"第 {i} 篇", body=body), author="測試者"
                )
        subprocess.run(
            [sys.executable, "-m", "app.cli", "sync", "--remote", str(desk), "--create"]
            + ["--store", str(other)],
            check=True,
            capture_output=True,
        )
        window = MainWindow(store, QSettings(str(root / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1280, 820)
        window.show()
        window.open_article(store.list_articles(limit=1)[0].id)
        editor = window.workspace.canvas
        editor.setFocus()

        def type_keys(count: int) -> list[float]:
            times = []
            for k in range(count):
                start = time.perf_counter()
                QTest.keyClick(editor, Qt.Key.Key_A if k % 2 else Qt.Key.Key_B)
                app.processEvents()
                times.append((time.perf_counter() - start) * 1000)
            return times

        quiet = type_keys(200)
        task = window.desk_sync._start(str(desk), quiet=True)  # the first sync: all of it
        assert task is not None
        running = {"yes": True}
        task.ended.connect(lambda: running.update(yes=False))
        busy: list[float] = []
        sync_start = time.perf_counter()
        while running["yes"] and len(busy) < 2000:
            busy += type_keys(10)
        sync_ms = (time.perf_counter() - sync_start) * 1000
        while running["yes"]:
            app.processEvents()
        print(f"{'keystroke':<34} {'median':>8} {'p95':>8} {'max':>8}  ms")
        for what, times in (("no sync", quiet), (f"while a sync runs ({len(busy)} keys)", busy)):
            median, p95 = summarise(times)
            print(f"{what:<34} {median:>8.2f} {p95:>8.2f} {max(times):>8.2f}")
        did = "took in" if join else "sent"
        print(f"the sync {did} {n:,} articles in {sync_ms / 1000:.1f} s while the keys were typed")
        window.close()
        store.close()


if __name__ == "__main__":
    main()
