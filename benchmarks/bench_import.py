"""Import speed into the benchmark archive: Markdown articles through ``import_paths``, as
``galley import *.md`` runs it (all in one transaction), into a copy of the archive so the
cached one stays as built. Once text only, once with a photo each (every photo is decoded
and re-encoded to strip its metadata: that is most of the time).

Between the two, the floor under the text import on this machine and schema: the same
articles, already parsed, written by bare SQL as one transaction with only what search
needs of them (the articles row and its full-text row, the text spelled out as bigrams
beforehand): no revision, snapshot, status record, impact rows, figures, checks or Python
of ours in the timed part, and a page cache the import before it has warmed.

python benchmarks/bench_import.py        (GALLEY_BENCH_ARTICLES picks the archive size)
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path

from common import Result, emit
from corpus import SAMPLES, _clauses, archive_size, default_store, make_article, vocabulary

from app.core.frontmatter import read_article_file
from app.core.text import index_text
from app.exchange.bundles import import_paths
from app.exchange.source import article_to_markdown
from app.store import Store

COUNT = int(os.environ.get("GALLEY_BENCH_IMPORT", "1000"))


def _write_articles(folder: Path, *, photos: bool) -> list[Path]:
    """The files to import: new articles, under slugs no earlier run left in the archive (a
    taken slug costs the import a search for a free one, and a message)."""
    rng = random.Random(7)
    run = uuid.uuid4().hex[:8]
    clauses, vocab = _clauses(), vocabulary(rng)
    photo = sorted((SAMPLES / "typhoon-drill" / "images").glob("*.jpg"))[0]
    shutil.copy(photo, folder / photo.name)
    files = []
    for n in range(COUNT):
        article = make_article(rng, clauses, n, "photo", vocab)
        article.slug = f"imported-{'photo' if photos else 'text'}-{run}-{n:05d}"
        if not photos:
            article.figures = []
            article.body = article.body.replace("![[photo]]\n\n", "")
        text = article_to_markdown(article, {"photo": photo.name})
        files.append(folder / f"{article.slug}.md")
        files[-1].write_text(text, encoding="utf-8")
    return files


def _raw_floor(copy: Path, files: list[Path], size: int) -> Result:
    """The articles row and its full-text row for each file, by bare SQL (see above)."""
    stamp = "2026-11-30T00:00:00Z"
    rows, texts = [], []
    for path in files:
        parsed = read_article_file(path)
        title, dek = str(parsed.fields["title"]), str(parsed.fields.get("dek", ""))
        rows.append((str(uuid.uuid4()), f"{path.stem}-floor", title, dek, parsed.body))
        texts.append((index_text(title), index_text(dek), index_text(parsed.body), "", ""))
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous = FULL")  # as the store's connections
        conn.execute("PRAGMA cache_size = -32000")
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        seqs = [
            conn.execute(
                "INSERT INTO articles (id, slug, title, dek, body, created_at, updated_at,"
                " revision) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                [*row, stamp, stamp],
            ).lastrowid
            for row in rows
        ]
        conn.executemany(  # in one run, after the rows: one segment, as the store writes it
            "INSERT INTO article_fts (rowid, title, dek, body, captions, sources)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(seq, *text) for seq, text in zip(seqs, texts, strict=True)],
        )
        written = time.perf_counter()
        conn.execute("COMMIT")
        elapsed = time.perf_counter() - started
    finally:
        conn.close()
    return Result(
        f"import floor: {COUNT:,} rows and their text index, bare SQL",
        COUNT / elapsed,
        unit="art/s",
        note=f"{elapsed * 1000 / COUNT:.2f} ms an article into {size:,} "
        f"({(written - started) * 1000 / COUNT:.2f} written, "
        f"{(elapsed - written + started) * 1000 / COUNT:.2f} committed and checkpointed)",
    )


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
        # The copy's pages written out before the clock starts: at a million articles the
        # kernel otherwise writes 18 GB back while the import runs, and the import reads
        # and syncs behind it (an import measured 84 articles/s that way, its floor 261).
        os.sync()
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
                    imported = import_paths(store, files, author="測試者")
                    written = time.perf_counter()
                elapsed = time.perf_counter() - started
                # The WAL keeps its largest size until the store closes: this transaction's pages.
                wal_mb = wal.stat().st_size / 1e6 if wal.exists() else 0.0
                # Copied into the store file by the checkpoint thread, after the import returned.
                assert store.checkpoints is not None
                store.checkpoints.wait_idle(600)
                folded = time.perf_counter() - started - elapsed
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
                    f"WAL {wal_mb:.0f} MB, checkpointed {folded:.1f} s later on its thread); "
                    f"one transaction (archive copied first: {copied:.0f} s)",
                )
            )
            if not photos:
                out.append(_raw_floor(copy, files, size))
    return out


if __name__ == "__main__":
    emit(results())
