"""The desk corpus for ``bench_desk.py``: desks of 10,000, 30,000 and 100,000 articles
sharing 1,000 real photos, each built once by Galley itself into ``benchmarks/cache/``.

The photos are varied JPEGs made with Pillow (gradients, shapes, grain; three sizes) that
carry what a camera writes and cleaning must remove: EXIF with the camera and a GPS
position, an orientation tag on some, a comment on others. They go into the store through
``Images.add`` (cleaned), so the desk holds their clean versions, as a real desk does.

The articles are the benchmark corpus's (``corpus.make_article``), a photo each (article n
shows photo n mod 1,000); one in five was put in review, one in twenty has a note. One store
is filled in steps (10,000, then 30,000, then 100,000) and synced with one desk after each
step; each step's desk and the laptop that wrote it are copied aside:

    cache/desk-N.git                 the desk (a bare repository)
    cache/desk-N-laptop/g.sqlite     the store that wrote it, synced with it
    cache/desk-N-laptop/g.sqlite.desk.git

python benchmarks/desk_corpus.py [N …]     build (once) the desks up to the largest N
"""

from __future__ import annotations

import io
import random
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import CACHE, _clauses, make_article, vocabulary  # noqa: E402

SIZES = (10_000, 30_000, 100_000)
PHOTOS = 1_000
WHO = "測試者"


def photo(n: int) -> bytes:
    """A varied JPEG with what a camera writes: EXIF (camera, time, GPS), on some an
    orientation to apply and a comment."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(n)
    width, height = rng.choice([(800, 533), (720, 480), (533, 800)])
    top = tuple(rng.randrange(256) for _ in range(3))
    bottom = tuple(rng.randrange(256) for _ in range(3))
    img = Image.linear_gradient("L").resize((width, height))
    img = Image.composite(Image.new("RGB", img.size, bottom), Image.new("RGB", img.size, top), img)
    draw = ImageDraw.Draw(img)
    for _ in range(rng.randint(4, 12)):
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randint(20, width // 2), rng.randint(20, height // 2)
        fill = tuple(rng.randrange(256) for _ in range(3))
        shape = rng.choice([draw.ellipse, draw.rectangle])
        shape([x, y, x + w, y + h], fill=fill)
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 2.0)))
    grain = Image.effect_noise((width, height), rng.uniform(4, 12)).convert("RGB")
    img = Image.blend(img, grain, 0.12)
    exif = Image.Exif()
    exif[0x010F] = rng.choice(["Canon", "NIKON CORPORATION", "SONY", "FUJIFILM"])
    exif[0x0110] = f"Model {rng.randint(1, 99)}"
    exif[0x0132] = f"2024:{rng.randint(1, 12):02d}:{rng.randint(1, 28):02d} 10:00:00"
    exif[0xA431] = f"{rng.randrange(10**9):09d}"  # the body's serial number
    if n % 10 == 0:
        exif[0x0112] = rng.choice([3, 6, 8])  # to be turned upright
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (25.0, 2.0, 30.0), 3: "E", 4: (121.0, 33.0, float(n % 60))})
    out = io.BytesIO()
    extra = {"comment": f"shot {n} by staff".encode()} if n % 3 == 0 else {}
    img.save(out, "JPEG", quality=rng.randint(80, 90), exif=exif.tobytes(), **extra)
    return out.getvalue()


def desk_path(size: int) -> Path:
    return CACHE / f"desk-{size}.git"


def laptop_path(size: int) -> Path:
    return CACHE / f"desk-{size}-laptop"


def build(sizes: list[int]) -> None:
    """Every desk of ``sizes`` not built yet (the store is filled once up to the largest)."""
    from app.exchange.desk_sync import DeskSync
    from app.store import Store

    sizes = sorted(sizes)
    if all(desk_path(s).is_dir() and laptop_path(s).is_dir() for s in sizes):
        return
    CACHE.mkdir(exist_ok=True)
    work = CACHE / "desk-building"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    desk = work / "desk.git"
    store_path = work / "laptop" / "g.sqlite"
    store_path.parent.mkdir()
    rng = random.Random(20261205)
    clauses, vocab = _clauses(), vocabulary(rng)
    started = time.perf_counter()
    from app.exchange.desk_sync import create_desk

    create_desk(str(desk))
    with Store.open(store_path) as store:
        store._db.conn.execute("PRAGMA synchronous = OFF")
        shas = [store.images.add(photo(n), name=f"photo-{n}.jpg") for n in range(PHOTOS)]
        took = time.perf_counter() - started
        print(f"  {PHOTOS} photos cleaned in {took:.0f} s", file=sys.stderr)
        n = 0
        for size in sizes:
            while n < size:
                with store.tx.write():  # 500 articles a transaction: the build, not timed
                    for _ in range(min(500, size - n)):
                        article = make_article(rng, clauses, n, shas[n % PHOTOS], vocab)
                        article.status = "draft"
                        made = store.create_article(article, author=WHO)
                        if n % 5 == 0:
                            store.review.change_status(
                                made.id, "in_review", who=WHO, role="reporter"
                            )
                        if n % 20 == 0:
                            store.review.add_note(made.id, "數字請再確認", author="王編輯", line=1)
                        n += 1
                if n % 10_000 == 0:
                    rate = n / (time.perf_counter() - started)
                    print(f"  {n:,} articles ({rate:,.0f}/s)", file=sys.stderr)
            store._db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            t = time.perf_counter()
            DeskSync(store, by=WHO).sync(str(desk))
            print(f"  synced {size:,} in {time.perf_counter() - t:.0f} s", file=sys.stderr)
            store._db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            if desk_path(size).exists():
                continue
            shutil.copytree(desk, str(desk_path(size)) + ".tmp", symlinks=True)
            shutil.copytree(store_path.parent, str(laptop_path(size)) + ".tmp", symlinks=True)
            Path(str(desk_path(size)) + ".tmp").rename(desk_path(size))
            shutil.rmtree(laptop_path(size), ignore_errors=True)
            Path(str(laptop_path(size)) + ".tmp").rename(laptop_path(size))
    shutil.rmtree(work, ignore_errors=True)
    for size in sizes:
        conn = sqlite3.connect(laptop_path(size) / "g.sqlite")
        conn.execute("ANALYZE")
        conn.close()


if __name__ == "__main__":
    build([int(a) for a in sys.argv[1:]] or list(SIZES))
    for size in SIZES:
        print(desk_path(size))
