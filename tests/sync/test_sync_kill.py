"""A sync killed at a random moment (SIGKILL: no cleanup runs) leaves the store whole and the
desk usable: the next sync completes the work and both laptops converge."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pygit2

from app.core.model import Article
from app.exchange.desk_sync import DeskSync
from app.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_a_sync_killed_at_any_moment_is_completed_by_the_next(tmp_path: Path) -> None:
    desk = tmp_path / "desk.git"
    pygit2.init_repository(str(desk), bare=True)
    store_a = tmp_path / "a" / "g.sqlite"
    with Store.open(store_a) as a, Store.open(tmp_path / "b" / "g.sqlite") as b:
        for n in range(60):
            a.create_article(
                Article(id="", slug="", title=f"甲方第 {n} 篇", body="內文。" * 200),
                author="測試者",
            )
        for n in range(60):
            b.create_article(
                Article(id="", slug="", title=f"乙方第 {n} 篇", body="內文。" * 200),
                author="測試者",
            )
        DeskSync(b, by="測試者").sync(str(desk))
        DeskSync(a, by="測試者").set_remote(str(desk))
    rng = random.Random(15)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed_while_running = 0
    for trial in range(4):
        # Work for every trial: articles the desk has and a lacks, edits a has not sent.
        with Store.open(store_a) as a, Store.open(tmp_path / "b" / "g.sqlite") as b:
            for n in range(40):
                title = f"乙方第 {trial} 輪第 {n} 篇"
                b.create_article(
                    Article(id="", slug="", title=title, body="內文。" * 200), author="測試者"
                )
            DeskSync(b, by="測試者").sync()
            for summary in a.list_articles()[:40]:
                article = a.get_article(summary.id)
                article.body += f"\n\n第 {trial} 輪補充。"
                a.save_article(article, author="測試者")
        child = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "sync", "--store", str(store_a)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.15, 0.7))  # a sync of this work takes ~0.6-1 s
        killed_while_running += child.poll() is None
        child.send_signal(signal.SIGKILL)
        child.wait()
        conn = sqlite3.connect(store_a)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    assert killed_while_running >= 2  # most kills landed on a sync at work
    with Store.open(store_a) as a, Store.open(tmp_path / "b" / "g.sqlite") as b:
        assert DeskSync(a, by="測試者").sync().pushed
        DeskSync(b, by="測試者").sync()
        titles = [{x.title for x in s.list_articles()} for s in (a, b)]
        assert titles[0] == titles[1] and len(titles[0]) == 120 + 4 * 40
