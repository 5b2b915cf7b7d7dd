"""What each image rendition costs on the sample photos: bytes per width and format, what a
phone (390 px at 2x: the 960 rendition) and a desktop column (44 rem at 2x: the 1600
rendition... or what the browser picks) download, and the time to encode each.

python benchmarks/bench_renditions.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from app.publish import images as web_images  # noqa: E402
from app.store import Store  # noqa: E402

SAMPLES = HERE.parent / "resources" / "samples"


def _encode_times(master: bytes, width: int, mime: str | None) -> float:
    start = time.perf_counter()
    web_images._encode(master, width, "bench", mime=mime)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    photos = sorted(SAMPLES.glob("*/images/*"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "s.sqlite") as store:
        for photo in photos:
            raw = photo.read_bytes()
            sha = store.images.add(raw, name=photo.name)
            master, _mime = store.images.get(sha)
            made = web_images.image_set(store, sha, name=photo.name)
            offered = {r.width for r in made.fallback}
            for width in web_images.target_widths(web_images._Maker(store, sha, "x").size[0]):
                fallback = next((r for r in made.fallback if r.width == width), None)
                family = web_images._encode(master, width, "bench")
                cells = {
                    "fallback": len(family.data),
                    "offered": "yes" if width in offered else "no (heavier than wider)",
                    "family": family.extension,
                }
                for mime in web_images.MODERN:
                    ext = web_images.EXTENSIONS[mime]
                    data = web_images._encode(master, width, "bench", mime=mime).data
                    cells[ext] = len(data)
                    cells[f"{ext}_ms"] = _encode_times(master, width, mime)
                cells["family_ms"] = _encode_times(master, width, None)
                rows.append((photo.name, len(raw), width, cells, fallback is not None))
            crops = ", ".join(
                f"{r.crop} {r.width}×{r.height} {len(r.data):,} B" for r in made.crops
            )
            modern = ", ".join(sorted(web_images.EXTENSIONS[m] for m in made.modern)) or "none"
            rows.append((photo.name, len(raw), 0, {"crops": crops, "modern": modern}, False))
    print(
        f"{'image':<18} {'original':>9} {'width':>5}  {'fallback':>16} {'webp':>8} "
        f"{'avif':>8}  {'encode ms (fallback/webp/avif)':>31}  offered"
    )
    for name, size, width, cells, _ in rows:
        if width == 0:
            print(f"{'':<18} {'':>9} crops: {cells['crops']}; <picture> offers: {cells['modern']}")
            continue
        fallback = f"{cells['fallback']:,} {cells['family']}"
        timing = f"{cells['family_ms']:.0f} / {cells['webp_ms']:.0f} / {cells['avif_ms']:.0f}"
        print(
            f"{name:<18} {size:>9,} {width:>5}  {fallback:>16} {cells['webp']:>8,} "
            f"{cells['avif']:>8,}  {timing:>31}  {cells['offered']}"
        )


if __name__ == "__main__":
    main()
