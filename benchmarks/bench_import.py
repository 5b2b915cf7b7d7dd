"""Import speed into the benchmark archive: Markdown articles through ``import_paths``, as
``galley import *.md`` runs it (all in one transaction), into a copy of the archive so the
cached one stays as built. Once text only, once with a photo each (every photo is decoded
and re-encoded to strip its metadata: that is most of the time).

python benchmarks/bench_import.py        (GALLEY_BENCH_ARTICLES picks the archive size)
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from pathlib import Path

from common import Result, emit
from corpus import SAMPLES, _clauses, archive_size, default_store, make_article, vocabulary

from app.exchange.bundles import import_paths
from app.exchange.source import article_to_markdown
from app.store import Store

COUNT = int(os.environ.get("GALLEY_BENCH_IMPORT", "1000"))


def _write_articles(folder: Path, *, photos: bool) -> list[Path]:
    rng = random.Random(7)
    clauses, vocab = _clauses(), vocabulary(rng)
    photo = sorted((SAMPLES / "typhoon-drill" / "images").glob("*.jpg"))[0]
    shutil.copy(photo, folder / photo.name)
    files = []
    for n in range(COUNT):
        article = make_article(rng, clauses, n, "photo", vocab)
        article.slug = f"imported-{'photo' if photos else 'text'}-{n:05d}"
        if not photos:
            article.figures = []
            article.body = article.body.replace("![[photo]]\n\n", "")
        text = article_to_markdown(article, {"photo": photo.name})
        files.append(folder / f"{article.slug}.md")
        files[-1].write_text(text, encoding="utf-8")
    return files


def results() -> list[Result]:
    size = archive_size()
    source = default_store()
    with Store.open(source):  # brought to the current schema once, not in every copy
        pass
    out = []
    with tempfile.TemporaryDirectory(dir=source.parent) as tmp:
        copy = Path(tmp) / "archive.sqlite"
        started = time.perf_counter()
        shutil.copyfile(source, copy)
        copied = time.perf_counter() - started
        for photos in (False, True):
            folder = Path(tmp) / ("photos" if photos else "text")
            folder.mkdir()
            files = _write_articles(folder, photos=photos)
            wal = Path(f"{copy}-wal")
            with Store.open(copy) as store:
                # The import's own transaction, held open here so that its end can be timed
                # apart: the search index's queued work, the COMMIT and its checkpoint.
                started = time.perf_counter()
                with store.tx.write():
                    imported = import_paths(store, files)
                    written = time.perf_counter()
                elapsed = time.perf_counter() - started
                # The WAL keeps its largest size until the store closes: this transaction's pages.
                wal_mb = wal.stat().st_size / 1e6 if wal.exists() else 0.0
            assert len(imported) == COUNT
            what = "with a photo each" if photos else "text only"
            out.append(
                Result(
                    f"import: {COUNT:,} Markdown articles, {what}",
                    COUNT / elapsed,
                    unit="art/s",
                    note=f"{elapsed * 1000 / COUNT:.2f} ms an article into {size:,} "
                    f"({(written - started) * 1000 / COUNT:.2f} read and written, "
                    f"{(elapsed - written + started) * 1000 / COUNT:.2f} indexed and committed; "
                    f"WAL {wal_mb:.0f} MB); one transaction (archive copied first: {copied:.0f} s)",
                )
            )
    return out


if __name__ == "__main__":
    emit(results())
