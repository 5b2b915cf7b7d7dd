"""Cleaned images keep nothing but pixels, whoever adds them (import, window, review bundle)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from app.publish.images import renditions
from app.store import Store
from app.store.images import clean_image, jpeg_length


def jpeg(mode: str, **save: object) -> bytes:
    img = Image.new(mode, (120, 90), (40, 90, 160, 0)[: len(mode)] if mode != "L" else 128)
    out = io.BytesIO()
    img.save(out, "JPEG", **save)
    return out.getvalue()


def segments(data: bytes) -> list[int]:
    """The marker codes of a JPEG's header segments, up to its first scan."""
    pos, found = 2, []
    while pos < len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        found.append(marker)
        if marker == 0xDA:
            break
        pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
    return found


@pytest.mark.parametrize("mode", ["RGB", "L", "CMYK"])
def test_no_comment_segment_survives(mode: str) -> None:
    raw = jpeg(mode, comment=b"GPS 22.6N 120.3E by camera 1234")
    assert 0xFE in segments(raw)
    clean = clean_image(raw, name="x.jpg")
    assert 0xFE not in segments(clean) and b"GPS" not in clean
    assert clean_image(clean, name="x.jpg") == clean  # idempotent


def test_no_bytes_after_the_end_of_the_image() -> None:
    raw = jpeg("RGB") + b"\xff\xd8hidden thumbnail with GPS\xff\xd9"
    clean = clean_image(raw, name="x.jpg")
    assert b"hidden" not in clean and jpeg_length(clean) == len(clean)


def test_only_a_jfif_app0_is_kept() -> None:
    raw = jpeg("RGB")
    # Put a non-JFIF APP0 (a JFXX extension carrying data) right after SOI.
    payload = b"JFXX\x00\x10secret-thumbnail"
    app0 = b"\xff\xe0" + (len(payload) + 2).to_bytes(2, "big") + payload
    hostile = raw[:2] + app0 + raw[2:]
    clean = clean_image(hostile, name="x.jpg")
    assert b"secret" not in clean and b"JFXX" not in clean


def test_the_store_cleans_what_it_is_given(store: Store) -> None:
    raw = jpeg("RGB", comment=b"camera serial 998877")
    digest = store.images.add(raw, name="raw.jpg")
    data, _mime = store.images.get(digest)
    assert b"998877" not in data and data == clean_image(raw, name="raw.jpg")


def test_renditions_carry_no_icc_profile(store: Store) -> None:
    from PIL import ImageCms

    img = Image.new("RGB", (1200, 800), (200, 30, 30))
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    img.save(out, "JPEG", icc_profile=profile)
    digest = store.images.add(out.getvalue(), name="icc.jpg")
    assert "icc_profile" not in Image.open(io.BytesIO(store.images.get(digest)[0])).info
    for rendition in renditions(store, digest, name="icc"):
        with Image.open(io.BytesIO(rendition.data)) as made:
            assert "icc_profile" not in made.info


def test_the_window_add_image_path_cleans(qtbot, window, store, articles, tmp_path: Path) -> None:  # noqa: ANN001
    window.open_article(articles["zh"])
    photo = tmp_path / "photo.jpg"
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    exif[0x8825] = {1: "N", 2: (22.0, 37.0, 0.0)}  # a GPS block
    Image.new("RGB", (300, 200), (10, 120, 60)).save(photo, "JPEG", exif=exif, comment=b"note")
    before = {f.key for f in window.session.article.figures}
    task = window.commands.add_figures([str(photo)], 0)
    with qtbot.waitSignal(task.ended, timeout=10_000):
        pass
    [figure] = [f for f in window.session.article.figures if f.key not in before]
    assert figure.key == "photo"
    data, _mime = store.images.get(figure.image)
    assert b"SpyCam" not in data and b"note" not in data
    with Image.open(io.BytesIO(data)) as img:
        assert not img.getexif()
