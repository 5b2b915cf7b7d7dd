"""Publishing speed: page render beside pandoc, single and batch exports with cached images.

python benchmarks/bench_publish.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Result, emit, timed
from corpus import default_store

from app.exchange.bundles import export_articles
from app.exchange.markdown import import_markdown
from app.publish.page import render_page
from app.store import Store

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def _pandoc(markdown: str) -> tuple[float, float] | None:
    """pandoc converting the same Markdown, one process per run (how it is used)."""
    if shutil.which("pandoc") is None:
        return None
    return timed(
        lambda: subprocess.run(
            ["pandoc", "-f", "markdown", "-t", "html"],
            input=markdown.encode(),
            capture_output=True,
            check=True,
        ),
        runs=20,
    )


def _samples(folder: Path) -> list[Result]:
    out = []
    with Store.open(folder / "store.sqlite") as store:
        zh = import_markdown(store, SAMPLES / "typhoon-drill" / "article.md", author="測試者")
        en = import_markdown(store, SAMPLES / "library-night" / "article.md", author="測試者")
        long = store.get_article(zh.id)
        long.id, long.slug = "", "long"
        long.body = zh.body.replace("![[pump-station]]", "").replace("![[sandbags]]", "") * 30
        long = store.create_article(long, author="測試者")
        start = time.perf_counter()
        export_articles(store, [zh.id], folder / "cold")
        cold = (time.perf_counter() - start) * 1000
        out.append(Result("export: zh sample, images not cached (once)", cold))
        for label, article in (
            ("preview: render zh sample page", zh),
            ("preview: render en sample page", en),
            ("preview: render zh page, body x30", long),
        ):
            stored = store.get_article(article.id)
            median, p95 = timed(lambda a=stored: render_page(store, a))
            note = f"{len(stored.body):,} chars of body"
            pandoc = _pandoc(stored.body)
            if pandoc is not None:
                note += f"; pandoc {pandoc[0]:.1f} ms, ratio {median / pandoc[0]:.2f}"
            out.append(Result(label, median, p95, note=note))
        median, p95 = timed(lambda: export_articles(store, [zh.id], folder / "warm"))
        out.append(Result("export: zh sample, images cached", median, p95))
        median, p95 = timed(
            lambda: export_articles(store, [zh.id], folder / "zip", as_zip=True), runs=10
        )
        out.append(Result("export: zh sample as zip, images cached", median, p95))
    return out


def _batch(folder: Path, count: int = 1_000) -> list[Result]:
    """1,000 articles of the 100,000-article store, after their renditions are cached."""
    with Store.open(default_store(100_000)) as store:
        ids = [a.id for a in store.list_articles(limit=count, offset=1_000)]
        export_articles(store, ids, folder / "batch-warm")  # caches renditions once
        shutil.rmtree(folder / "batch-warm")
        start = time.perf_counter()
        export_articles(store, ids, folder / "batch")
        seconds = time.perf_counter() - start
    return [
        Result(
            f"export: batch of {count:,} articles, images cached",
            count / seconds,
            unit="art/s",
            note=f"{seconds * 1000 / count:.1f} ms an article",
        )
    ]


def results(batch: bool = True) -> list[Result]:
    folder = Path(tempfile.mkdtemp(prefix="galley-bench-"))
    try:
        out = _samples(folder)
        if batch:
            out += _batch(folder)
        return out
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    emit(results(batch="--no-batch" not in sys.argv))
