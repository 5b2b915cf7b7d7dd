"""Publishing speed: HTML render of the sample articles and a bundle export with cached images.

python benchmarks/bench_publish.py
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.publish.bundle import export_articles  # noqa: E402
from app.publish.page import render_page  # noqa: E402
from app.store import Store  # noqa: E402
from app.store.importing import import_markdown  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def timed(fn, runs: int = 30) -> tuple[float, float]:  # noqa: ANN001
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="galley-bench-"))
    try:
        with Store.open(folder / "store.sqlite") as store:
            zh = import_markdown(store, SAMPLES / "typhoon-drill" / "article.md")
            en = import_markdown(store, SAMPLES / "library-night" / "article.md")
            long = store.get_article(zh.id)
            long.id, long.slug = "", "long"
            long.body = zh.body.replace("![[pump-station]]", "").replace("![[sandbags]]", "") * 30
            long = store.create_article(long)
            print(f"{'what':<44}{'median ms':>10}{'p95 ms':>9}")
            start = time.perf_counter()
            export_articles(store, [zh.id], folder / "cold")
            print(
                f"{'export zh sample, images not cached (once)':<44}"
                f"{(time.perf_counter() - start) * 1000:>10.1f}{'':>9}"
            )
            for label, article in (
                ("render zh sample (3,000 B body)", zh),
                ("render en sample", en),
                ("render zh body x30", long),
            ):
                stored = store.get_article(article.id)
                median, p95 = timed(lambda a=stored: render_page(store, a))
                print(f"{label:<44}{median:>10.1f}{p95:>9.1f}")
            median, p95 = timed(lambda: export_articles(store, [zh.id], folder / "warm"))
            print(f"{'export zh sample, images cached':<44}{median:>10.1f}{p95:>9.1f}")
            median, p95 = timed(
                lambda: export_articles(store, [zh.id], folder / "zip", as_zip=True), runs=10
            )
            print(f"{'export zh sample as zip, images cached':<44}{median:>10.1f}{p95:>9.1f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
