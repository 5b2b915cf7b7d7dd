from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from app.core.errors import InputError
from app.exchange.bundles import export_articles
from app.exchange.markdown import import_markdown
from app.publish import images as web_images
from app.store import Store
from app.store.images import clean_image
from tests.conftest import FIXTURES

PUMP = FIXTURES / "typhoon-drill" / "images" / "pump-station.jpg"


def assert_no_metadata(data: bytes, name: str) -> None:
    with Image.open(io.BytesIO(data)) as img:
        assert not img.getexif(), name
        assert not {"exif", "xmp", "icc_profile", "comment"} & set(img.info), name
        assert not [m for m, _ in getattr(img, "applist", []) if m != "APP0"], name
    assert b"Exif\x00\x00" not in data and b"GPS" not in data, name


# What an exported rendition may say about itself: the figure's credits (XMP, and IPTC IIM
# in a JPEG's Photoshop APP13), nothing else.
CREDIT_PROPERTIES = {
    "{http://purl.org/dc/elements/1.1/}creator",
    "{http://purl.org/dc/elements/1.1/}rights",
    "{http://purl.org/dc/elements/1.1/}description",
    "{http://ns.adobe.com/photoshop/1.0/}Credit",
}


def assert_only_credits(data: bytes, name: str) -> None:
    """An exported rendition: no EXIF, GPS, ICC profile or comment; its XMP holds the
    credits and nothing more; its APPn segments are JFIF, that XMP and the IIM block."""
    from defusedxml.ElementTree import fromstring

    with Image.open(io.BytesIO(data)) as img:
        assert not img.getexif(), name
        assert not {"exif", "icc_profile", "comment"} & set(img.info), name
        for marker, payload in getattr(img, "applist", []):
            assert (marker, payload[:4]) in (
                ("APP0", b"JFIF"),
                ("APP1", b"http"),
                ("APP13", b"Phot"),
            ), (name, marker)
        if img.format == "JPEG":
            assert set(img.info.get("photoshop", {})) <= {0x0404, 0x0425}, name
        packet = img.info.get("xmp") or img.info.get("XML:com.adobe.xmp")
        assert packet, f"{name}: no XMP credits"
        root = fromstring(packet.encode() if isinstance(packet, str) else packet)
        rdf = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
        [description] = root.iter(f"{rdf}Description")
        assert {child.tag for child in description} <= CREDIT_PROPERTIES, name
        assert set(description.attrib) == {f"{rdf}about"}, name
    assert b"Exif\x00\x00" not in data and b"GPS" not in data, name


def test_the_sample_really_carries_gps() -> None:
    with Image.open(PUMP) as img:
        assert 0x8825 in img.getexif()  # GPSInfo: the test below proves it is removed


def test_no_exported_image_carries_exif_or_gps(store: Store, tmp_path: Path) -> None:
    """Renditions carry their figure's credits (every sample figure has a credit line) and
    nothing else; the clean masters under media/source carry nothing at all."""
    for name in ("typhoon-drill", "library-night"):
        import_markdown(store, FIXTURES / name / "article.md", author="測試者")
    out = tmp_path / "out"
    export_articles(store, [a.id for a in store.list_articles()], out)
    media = [p for p in out.rglob("*") if p.suffix in (".jpg", ".png", ".webp", ".avif")]
    assert len(media) >= 10
    for path in media:
        if path.parent.name == "source":
            assert_no_metadata(path.read_bytes(), str(path))
        else:
            assert_only_credits(path.read_bytes(), str(path))
    # The store itself never keeps the GPS position either.
    for row in store._db.query("SELECT data FROM images"):
        assert_no_metadata(row["data"], "stored image")


def _jpeg_with_orientation(width: int, height: int, orientation: int) -> bytes:
    img = Image.new("RGB", (width, height), "red")
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_orientation_is_applied() -> None:
    cleaned = clean_image(_jpeg_with_orientation(200, 100, 6), name="rotated.jpg")
    with Image.open(io.BytesIO(cleaned)) as img:
        assert img.size == (100, 200)
    assert_no_metadata(cleaned, "rotated")


def test_cleaning_is_idempotent() -> None:
    for path in (
        PUMP,
        FIXTURES / "typhoon-drill" / "images" / "sandbags.png",
        FIXTURES / "library-night" / "images" / "reading-room.jpg",
    ):
        once = clean_image(path.read_bytes(), name=path.name)
        assert clean_image(once, name=path.name) == once, path.name


def test_widths_are_never_upscaled() -> None:
    assert web_images.target_widths(2400) == [480, 720, 960, 1200, 1600]
    assert web_images.target_widths(1000) == [480, 720, 960, 1000]
    assert web_images.target_widths(300) == [300]


def test_renditions_are_cached_apart_and_publishing_writes_nothing_to_the_store(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.publish.rendition_cache import RenditionCache

    article = import_markdown(store, FIXTURES / "typhoon-drill" / "article.md", author="測試者")
    sha = article.figures[0].image
    version = store._db.execute("PRAGMA data_version").fetchone()[0]
    changes = store._db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    cache = RenditionCache(tmp_path / "cache" / "renditions.sqlite")
    first = web_images.renditions(store, sha, name="pump", cache=cache)
    assert [r.width for r in first] == [480, 720, 960, 1200, 1600]
    web_images._MEMO.clear()  # this process's memo aside: the cache file has them
    calls = []
    monkeypatch.setattr(web_images, "_encode", lambda *a, **k: calls.append(a))
    again = web_images.renditions(store, sha, name="pump", cache=RenditionCache(cache.path))
    assert calls == []
    assert [r.data for r in again] == [r.data for r in first]
    # The store is read, never written: no transaction, no change-log entry, no table.
    assert store._db.execute("SELECT count(*) FROM change_log").fetchone()[0] == changes
    assert store._db.execute("PRAGMA data_version").fetchone()[0] == version
    assert "renditions" not in store._db.table_names()


def test_a_damaged_or_unwritable_rendition_cache_is_no_failure(
    store: Store, tmp_path: Path
) -> None:
    from app.publish.rendition_cache import RenditionCache

    article = import_markdown(store, FIXTURES / "typhoon-drill" / "article.md", author="測試者")
    sha = article.figures[0].image
    damaged = tmp_path / "renditions.sqlite"
    damaged.write_bytes(b"not a database at all" * 100)
    web_images._MEMO.clear()
    made = web_images.renditions(store, sha, name="pump", cache=RenditionCache(damaged))
    assert made and RenditionCache(damaged).get(sha, f"{web_images.RECIPE}-w480") is not None
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    web_images._MEMO.clear()
    cache = RenditionCache(blocked / "renditions.sqlite")
    assert web_images.renditions(store, sha, name="pump", cache=cache) == made
    assert cache.get(sha, f"{web_images.RECIPE}-w480") is None


def _png_header_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        (b"\xff\xd8\xff\xe0 not really a jpeg", "is not a readable image"),
        (PUMP.read_bytes()[:20000], "is not a readable image"),
        (_png_header_claiming(60000, 60000), "decompression bomb"),
        (b"GIF89a" + b"\x00" * 10, "is not a readable image"),
    ],
)
def test_broken_images_name_the_figure(
    samples: Path, store: Store, payload: bytes, words: str
) -> None:
    (samples / "typhoon-drill" / "images" / "sandbags.png").write_bytes(payload)
    with pytest.raises(InputError) as info:
        import_markdown(store, samples / "typhoon-drill" / "article.md", author="測試者")
    assert info.value.field == "figures[2].image"
    assert words in str(info.value)
    assert store.count_articles() == 0


def test_a_graphic_is_never_offered_heavier_than_a_wider_rendition(store: Store) -> None:
    """Downscaling a PNG of few colours blends them into many: such a rendition would
    weigh more than the original. It stays few-coloured, and a width that still weighs more
    than a wider one is not offered at all."""
    article = import_markdown(store, FIXTURES / "typhoon-drill" / "article.md", author="測試者")
    png = next(f for f in article.figures if f.key == "sandbags")
    master, _mime = store.images.get(png.image)
    made = web_images.renditions(store, png.image, name="sandbags")
    assert all(r.mime == "image/png" for r in made)
    sizes = [len(r.data) for r in made]
    assert sizes == sorted(sizes) and sizes[-1] <= len(master)


def test_modern_formats_only_where_smaller_and_crops_keep_the_focus(store: Store) -> None:
    article = import_markdown(store, FIXTURES / "typhoon-drill" / "article.md", author="測試者")
    photo = next(f for f in article.figures if f.key == "pump-station")
    made = web_images.image_set(store, photo.image, name="pump")
    fallback = sum(len(r.data) for r in made.fallback)
    # On this photo AVIF comes out larger than WebP: every browser with AVIF has WebP, so
    # only WebP is offered.
    assert set(made.modern) == {"image/webp"}
    avif = [
        web_images._encode(store.images.get(photo.image)[0], r.width, "x", mime="image/avif")
        for r in made.fallback
    ]
    assert sum(len(r.data) for r in avif) >= sum(len(r.data) for r in made.modern["image/webp"])
    for found in made.modern.values():
        assert sum(len(r.data) for r in found) < fallback
        assert [r.width for r in found] == [r.width for r in made.fallback]
    ratios = {r.crop: r.width / r.height for r in made.crops}
    assert ratios == pytest.approx({"16x9": 16 / 9, "4x3": 4 / 3, "1x1": 1.0}, abs=0.01)
    assert all(r.width * r.height >= 50_000 for r in made.crops)
    # 2400x1600 master: a 1:1 crop is 1600 wide, so the focal point moves it sideways.
    assert web_images.crop_box(2400, 1600, (1, 1), (0.5, 0.5)) == (400, 0, 2000, 1600)
    assert web_images.crop_box(2400, 1600, (1, 1), (0.0, 0.5)) == (0, 0, 1600, 1600)
    assert web_images.crop_box(2400, 1600, (1, 1), (0.9, 0.5)) == (800, 0, 2400, 1600)
    assert web_images.crop_box(2400, 1600, (16, 9), (0.5, 1.0)) == (0, 250, 2400, 1600)
    left = web_images.image_set(store, photo.image, name="pump", focus="0,0.5")
    square = next(r for r in left.crops if r.crop == "1x1")
    assert square.data != next(r for r in made.crops if r.crop == "1x1").data
    graphic = next(f for f in article.figures if f.key == "sandbags")
    small = web_images.image_set(store, graphic.image, name="sandbags")
    assert small.modern == {}  # the WebP/AVIF would not be smaller than the PNG


def test_a_tiny_image_gets_no_crop_under_50000_pixels(store: Store) -> None:
    import io

    from PIL import Image

    raw = io.BytesIO()
    Image.new("RGB", (300, 150), "navy").save(raw, "JPEG")
    sha = store.images.add(raw.getvalue(), name="tiny.jpg")
    made = web_images.image_set(store, sha, name="tiny")
    assert [r.width for r in made.fallback] == [300]
    assert made.crops == []  # 150x150 and 200x150 are under 50,000 pixels; 16:9 too
