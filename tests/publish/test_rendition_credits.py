"""Exported renditions keep the figure's creator, credit and copyright (and its caption) in
their own metadata, read back by a real third-party reader (ExifTool): XMP in every format,
IPTC IIM too in JPEGs. GPS, EXIF and everything else stay stripped; a changed credit shows
in the next export, cache or not; the preview's renditions carry nothing."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from PIL import Image

from app.core.model import Article, Figure
from app.exchange.bundles import export_articles
from app.exchange.markdown import import_markdown
from app.publish import images as web_images
from app.publish.image_credits import ImageCredits, iptc_segment, jpeg_with_segments
from app.publish.page import render_page
from app.publish.rendition_cache import RenditionCache
from app.store import Store
from app.store.images import read_photo_metadata
from tests.conftest import FIXTURES, TYPHOON
from tests.publish.conftest import configure_desk
from tests.publish.test_images import assert_no_metadata, assert_only_credits

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(
    EXIFTOOL is None, reason="ExifTool (Debian: libimage-exiftool-perl) is not installed"
)
CREATOR = "王小明 <Jr.> & \"Co\" 'x'"  # XML's special characters, escaped in the XMP
COPYRIGHT = "© 2026 中央社 版權所有"


def exiftool(*paths: Path) -> list[dict[str, Any]]:
    """ExifTool's reading of ``paths``: every tag, named by group (XMP:Credit, IPTC:By-line,
    GPS:GPSLatitude …), duplicates included."""
    assert EXIFTOOL is not None
    done = subprocess.run(
        [EXIFTOOL, "-j", "-a", "-G0", "-s", "-charset", "iptc=UTF8", *map(str, paths)],
        capture_output=True,
        check=True,
        timeout=120,
    )
    found: list[dict[str, Any]] = json.loads(done.stdout.decode("utf-8"))
    return found


def _credited(store: Store) -> Article:
    article = import_markdown(store, TYPHOON, author="測試者")
    article.figures[0] = replace(article.figures[0], creator=CREATOR, copyright=COPYRIGHT)
    return store.save_article(article, author="測試者")


def _media(bundle: Path, key: str) -> list[Path]:
    return sorted(p for p in (bundle / "media").glob(f"{key}-*") if p.is_file())


@needs_exiftool
def test_exported_renditions_carry_the_credits_and_no_gps(store: Store, tmp_path: Path) -> None:
    article = _credited(store)
    figure = article.figures[0]
    [bundle] = export_articles(store, [article.id], tmp_path / "out")
    made = _media(bundle, "pump-station")
    assert {p.suffix for p in made} >= {".jpg", ".webp"} and len(made) >= 8
    for path, tags in zip(made, exiftool(*made), strict=True):
        where = path.name
        assert tags["XMP:Creator"] == CREATOR, where
        assert tags["XMP:Credit"] == figure.credit == "高雄市政府", where
        assert tags["XMP:Rights"] == COPYRIGHT, where
        assert tags["XMP:Description"] == figure.caption, where
        if path.suffix == ".jpg":
            # IIM's own limits: By-line 32 bytes (cut at a character), the others whole.
            assert tags["IPTC:By-line"] == CREATOR.encode()[:32].decode("utf-8", "ignore")
            assert tags["IPTC:Credit"] == "高雄市政府", where
            assert tags["IPTC:CopyrightNotice"] == COPYRIGHT, where
            assert tags["IPTC:Caption-Abstract"] == figure.caption, where
            assert tags["Photoshop:IPTCDigest"] != "", where
        assert not [t for t in tags if t.startswith(("GPS:", "EXIF:", "MakerNotes:", "ICC"))]
        assert not [t for t in tags if "GPS" in t or "Serial" in t], (where, tags)
        assert_only_credits(path.read_bytes(), where)
    # The sandbags figure has a credit line and a caption but no creator: only those.
    [png] = exiftool(*_media(bundle, "sandbags")[:1])
    assert png["XMP:Credit"] == "讀者提供" and "XMP:Creator" not in png
    # The clean masters are the store's own bytes (shared with the desk's images/): bare.
    for master in (bundle / "media" / "source").iterdir():
        assert_no_metadata(master.read_bytes(), master.name)


@needs_exiftool
def test_the_iim_digest_tells_readers_iim_and_xmp_agree(tmp_path: Path) -> None:
    credits = ImageCredits(creator="王小明", credit="中央社", copyright="© 中央社", caption="說明")
    out = io.BytesIO()
    Image.new("RGB", (40, 30)).save(out, "JPEG")
    path = tmp_path / "x.jpg"
    path.write_bytes(jpeg_with_segments(out.getvalue(), iptc_segment(credits)))
    done = subprocess.run(
        [str(EXIFTOOL), "-j", "-IPTCDigest", "-CurrentIPTCDigest", "-validate", str(path)],
        capture_output=True,
        check=True,
    )
    [tags] = json.loads(done.stdout)
    assert tags["IPTCDigest"] == tags["CurrentIPTCDigest"]
    assert tags["Validate"] == "OK"


@needs_exiftool
@pytest.mark.parametrize("mime", ["image/jpeg", "image/png", "image/webp", "image/avif"])
def test_every_format_carries_xmp(mime: str, tmp_path: Path) -> None:
    master = io.BytesIO()
    Image.new("RGB", (300, 200), (30, 90, 150)).save(master, "PNG")
    credits = ImageCredits(creator="陳攝影", credit="中央社", copyright="© 2026 中央社")
    made = web_images._encode(master.getvalue(), 200, "x", mime=mime, credits=credits)
    path = tmp_path / f"x.{made.extension}"
    path.write_bytes(made.data)
    [tags] = exiftool(path)
    assert (tags["XMP:Creator"], tags["XMP:Credit"], tags["XMP:Rights"]) == (
        "陳攝影",
        "中央社",
        "© 2026 中央社",
    )
    assert ("IPTC:Credit" in tags) == (mime == "image/jpeg")
    # Galley reads its own renditions back the same way.
    assert read_photo_metadata(made.data).creator == "陳攝影"


@needs_exiftool
def test_a_photo_with_gps_in_has_no_gps_out(store: Store, tmp_path: Path) -> None:
    """A photo straight from a phone: GPS, camera make and serial, with IPTC credits; the
    renditions keep the credits (as the figure says them) and nothing of the rest."""
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    exif[0xA431] = "SN-998877"  # BodySerialNumber
    exif[0x8825] = {1: "N", 2: (22.0, 37.0, 0.0), 3: "E", 4: (120.0, 18.0, 0.0)}
    out = io.BytesIO()
    Image.new("RGB", (1000, 700), (10, 120, 60)).save(out, "JPEG", exif=exif)
    raw = out.getvalue()
    photo = tmp_path / "phone.jpg"
    photo.write_bytes(raw)
    assert "EXIF:GPSLatitude" in exiftool(photo)[0]  # what goes in has a position
    meta = read_photo_metadata(raw)
    assert meta.creator == "" and meta.credit == ""
    article = store.new_article("有定位的照片", author="測試者")
    digest = store.images.add(raw, name="phone.jpg")
    article.body = "![[phone]]"
    article.figures = [
        Figure(key="phone", image=digest, credit="讀者提供", creator="李讀者", copyright="© 李讀者")
    ]
    article = store.save_article(article, author="測試者")
    [bundle] = export_articles(store, [article.id], tmp_path / "out")
    made = _media(bundle, "phone")
    assert made
    for path, tags in zip(made, exiftool(*made), strict=True):
        assert tags["XMP:Credit"] == "讀者提供" and tags["XMP:Creator"] == "李讀者"
        assert not [t for t in tags if "GPS" in t], (path.name, tags)
        assert "SpyCam" not in json.dumps(tags) and "998877" not in json.dumps(tags)
        data = path.read_bytes()
        assert b"SpyCam" not in data and b"998877" not in data


def test_a_changed_credit_shows_in_the_next_export_through_the_cache(
    store: Store, tmp_path: Path
) -> None:
    """The renditions are cached by image and recipe; the credits are part of the recipe,
    so the next export makes files with the new credit instead of reusing the old ones."""
    cache_path = tmp_path / "renditions.sqlite"
    article = _credited(store)
    cache = RenditionCache(cache_path)
    [bundle] = export_articles(store, [article.id], tmp_path / "first", cache=cache)
    first = (bundle / "media" / "pump-station-480.jpg").read_bytes()
    assert read_photo_metadata(first).credit == "高雄市政府"
    cache.close()
    article = store.get_article(article.id)
    article.figures[0] = replace(article.figures[0], credit="中央社", copyright="© 中央社")
    article = store.save_article(article, author="測試者")
    web_images._MEMO.clear()  # a later run of Galley: only the cache file remembers
    cache = RenditionCache(cache_path)
    [bundle] = export_articles(store, [article.id], tmp_path / "second", cache=cache)
    again = read_photo_metadata((bundle / "media" / "pump-station-480.jpg").read_bytes())
    assert (again.credit, again.copyright, again.creator) == ("中央社", "© 中央社", CREATOR)
    # Unchanged credits come from the cache: the sandbags figure's files are the same.
    sandbags = "media/sandbags-1600.png"
    assert (bundle / sandbags).read_bytes() == (
        tmp_path / "first" / bundle.name / sandbags
    ).read_bytes()
    cache.close()


def test_the_preview_renditions_carry_nothing(store: Store) -> None:
    """The preview re-renders while a credit is typed: its renditions stay bare (and so
    shared with every other article placing the same photo)."""
    article = _credited(store)
    page = render_page(store, article)
    for made in page.renditions.values():
        for rendition in made:
            assert_no_metadata(rendition.data, "preview")


def test_hostile_and_huge_credits_still_export(store: Store, tmp_path: Path) -> None:
    """Control characters (XML cannot hold them) are dropped; a 20,000-character caption is
    cut so the XMP fits a JPEG segment; the export does not fail."""
    article = _credited(store)
    article.figures[0] = replace(
        article.figures[0],
        caption="長" * 20_000,
        credit="中央社\x01\x0b\u202e",
        creator="]]><x:bad/>&amp;",
    )
    article = store.save_article(article, author="測試者")
    [bundle] = export_articles(store, [article.id], tmp_path / "out")
    found = read_photo_metadata((bundle / "media" / "pump-station-1600.jpg").read_bytes())
    assert found.credit == "中央社" and found.creator == "]]><x:bad/>&amp;"


def test_article_json_and_json_ld_name_them(store: Store, tmp_path: Path) -> None:
    configure_desk(store)  # a base URL: ninjs wants absolute addresses
    article = _credited(store)
    [bundle] = export_articles(store, [article.id], tmp_path / "out")
    doc = json.loads((bundle / "article.json").read_text(encoding="utf-8"))
    schema = json.loads(
        (FIXTURES / "standards" / "ninjs-schema_2.1.json").read_text(encoding="utf-8")
    )
    jsonschema.validate(doc, schema, format_checker=jsonschema.FormatChecker())
    pump, sandbags = (a for a in doc["associations"] if a["type"] == "picture")
    assert pump["by"] == "高雄市政府" and pump["copyrightnotice"] == COPYRIGHT
    assert pump["infosources"] == [{"name": CREATOR, "role": "creator"}]
    assert sandbags["by"] == "讀者提供" and "copyrightnotice" not in sandbags
    images = _json_ld(bundle)["image"]
    lead = [i for i in images if i["creditText"] == "高雄市政府"]
    assert lead and all(
        i["creator"] == {"@type": "Person", "name": CREATOR} and i["copyrightNotice"] == COPYRIGHT
        for i in lead
    )
    assert all("creator" not in i for i in images if i["creditText"] == "讀者提供")


def test_an_agency_creator_is_an_organization_and_creator_alone_is_the_by(
    store: Store, tmp_path: Path
) -> None:
    article = import_markdown(store, TYPHOON, author="測試者")
    article.figures[0] = replace(article.figures[0], credit="", creator="南方日報編輯部")
    article = store.save_article(article, author="測試者")
    [bundle] = export_articles(store, [article.id], tmp_path / "out")
    doc = json.loads((bundle / "article.json").read_text(encoding="utf-8"))
    pump = next(a for a in doc["associations"] if a["name"] == "pump-station")
    assert pump["by"] == "南方日報編輯部" and "infosources" not in pump
    lead = [i for i in _json_ld(bundle)["image"] if "creator" in i]
    assert lead and all(
        i["creator"] == {"@type": "Organization", "name": "南方日報編輯部"} for i in lead
    )


def _json_ld(bundle: Path) -> dict[str, Any]:
    html = (bundle / "index.html").read_text(encoding="utf-8")
    opening = '<script type="application/ld+json">'
    start = html.index(opening) + len(opening)
    data: dict[str, Any] = json.loads(html[start : html.index("</script>", start)])
    return data
