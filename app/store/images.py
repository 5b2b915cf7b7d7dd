"""Images kept in the store as content-addressed blobs: the same bytes are stored once."""

from __future__ import annotations

import hashlib
import io
import logging
import warnings
from typing import TYPE_CHECKING

from app.core.errors import InputError, NotFoundError
from app.store.clock import now_iso
from app.store.select import select
from app.store.transactions import Transactions

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 50 * 1024 * 1024
MAX_PIXELS = 80_000_000  # 80 megapixels: larger than any press camera, far below a bomb.
MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}


def inspect_image(data: bytes, *, name: str) -> tuple[str, int, int]:
    """(MIME type, width, height) of an image we accept; an InputError naming it otherwise."""
    from PIL import Image

    if len(data) > MAX_IMAGE_BYTES:
        raise InputError(f"is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB", file=name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                kind, (width, height) = img.format, img.size
                if width * height > MAX_PIXELS:
                    raise InputError(
                        f"is {width}×{height} pixels, too large to be a photo "
                        "(decompression bomb?)",
                        file=name,
                    )
                img.load()  # decodes fully: catches truncated files
    except InputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError("has absurd dimensions (decompression bomb)", file=name) from None
    except Exception as exc:  # Pillow raises many types for broken files
        raise InputError(
            f"is not a readable image ({exc.__class__.__name__}: {exc})", file=name
        ) from None
    if kind not in MIME:
        raise InputError(f"is a {kind} image; use JPEG, PNG, GIF or WebP", file=name)
    return MIME[kind], width, height


JFIF_APP0 = b"JFIF\x00"


def jpeg_length(data: bytes) -> int | None:
    """Where the first image of a JPEG file ends (just past its EOI marker), or None.

    Walks the marker segments (each says its length) and, inside entropy-coded data, the
    only bytes that can follow 0xFF are 0x00 (stuffing), RST0-7 or a marker.
    """
    pos, size = 2, len(data)
    if data[:2] != b"\xff\xd8":
        return None
    scanning = False
    while pos < size - 1:
        if data[pos] != 0xFF:
            if not scanning:
                return None
            pos = data.find(b"\xff", pos)
            if pos < 0:
                return None
            continue
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
        elif marker == 0x00 or 0xD0 <= marker <= 0xD7:
            pos += 2  # stuffed 0xFF or a restart marker, inside the scan
        elif marker == 0xD9:
            return pos + 2
        else:
            if pos + 4 > size:
                return None
            pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
            scanning = marker == 0xDA  # start of scan: entropy-coded data follows
    return None


def _jpeg_needs_cleaning(img: Image.Image, data: bytes) -> bool:
    """Whether a JPEG carries anything but pixels: any APPn but a JFIF APP0, a COM segment,
    or bytes after its end-of-image marker (where tools hide thumbnails and GPS data)."""
    for marker, payload in getattr(img, "applist", []):
        if marker != "APP0" or not payload.startswith(JFIF_APP0):
            return True
    if "comment" in img.info or b"\xff\xfe" in data[: data.find(b"\xff\xda")]:
        return True
    return jpeg_length(data) != len(data)


def _needs_cleaning(img: Image.Image, data: bytes) -> bool:
    if img.format == "PNG":
        return True  # re-encoding a PNG is lossless and drops text, time and colour chunks
    if img.format == "JPEG" and _jpeg_needs_cleaning(img, data):
        return True
    orientation = img.getexif().get(0x0112, 1)
    return orientation != 1 or bool(img.getexif())


def clean_image(data: bytes, *, name: str) -> bytes:
    """The image as the store keeps it: upright, sRGB, with nothing but its pixels.

    Photos arrive with EXIF (camera serials, GPS positions), comments and trailing data that
    must never leave the newsroom, so they are removed on the way in. A JPEG with nothing to
    remove is kept byte for byte, which makes cleaning idempotent: a cleaned image cleans to
    itself. JPEGs that need it are re-encoded once at quality 92; PNGs are re-encoded
    losslessly; GIF and WebP become PNG. No ICC profile is kept: the pixels are sRGB.
    """
    return _clean(data, name=name)[0]


def _clean(data: bytes, *, name: str) -> tuple[bytes, tuple[str, int, int] | None]:
    """``clean_image``, and what ``inspect_image`` found when the bytes are kept as they
    are (the clean image is then the one inspected: ``Images.add`` need not decode it a
    second time)."""
    from PIL import Image, ImageOps

    inspected = inspect_image(data, name=name)
    with Image.open(io.BytesIO(data)) as img:
        if img.format == "JPEG" and not _needs_cleaning(img, data):
            return data, inspected
        fmt = "JPEG" if img.format == "JPEG" else "PNG"
        icc = img.info.get("icc_profile")
        upright = ImageOps.exif_transpose(img)
        upright = _to_srgb(upright, icc)
        if fmt == "JPEG" and upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        if fmt == "PNG" and upright.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            upright = upright.convert("RGBA")
        # Pillow writes a comment and an ICC profile carried in ``info``: carry nothing.
        upright.info = {}
        out = io.BytesIO()
        if fmt == "JPEG":
            upright.save(out, "JPEG", quality=92, optimize=True)
        else:
            upright.save(out, "PNG", optimize=True)
        return out.getvalue(), None


def _to_srgb(img: Image.Image, icc: bytes | None) -> Image.Image:
    if not icc or img.mode not in ("RGB", "RGBA"):
        return img
    from PIL import ImageCms

    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return (
            ImageCms.profileToProfile(
                img, source, ImageCms.createProfile("sRGB"), outputMode=img.mode
            )
            or img
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return img


class Images:
    """The store's images: content-addressed, stored once, always clean.

    ``add`` cleans whatever it is given, so no caller (window, import, review bundle, sync)
    can store a photo with its GPS position by forgetting to clean it first.
    """

    def __init__(self, tx: Transactions) -> None:
        self.tx = tx
        self.db = tx.db

    def add(self, raw: bytes, *, name: str = "image") -> str:
        """Clean ``raw``, store it (once) and return the SHA-256 of the clean bytes."""
        data, inspected = _clean(raw, name=name)
        digest = hashlib.sha256(data).hexdigest()
        with self.tx.write() as db:
            if list(select(db, "SELECT 1 FROM images WHERE sha256 = ?", [digest])):
                return digest
            mime, width, height = inspected or inspect_image(data, name=name)
            db.execute(
                "INSERT INTO images (sha256, mime, width, height, size, data, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [digest, mime, width, height, len(data), data, now_iso()],
            )
        return digest

    def has(self, sha256: str) -> bool:
        return bool(list(select(self.db, "SELECT 1 FROM images WHERE sha256 = ?", [sha256])))

    def mime(self, sha256: str) -> str:
        """The image's type, without reading its bytes."""
        rows = list(select(self.db, "SELECT mime FROM images WHERE sha256 = ?", [sha256]))
        if not rows:
            raise NotFoundError(f"no image {sha256[:12]} in the store")
        return str(rows[0]["mime"])

    def get(self, sha256: str) -> tuple[bytes, str]:
        rows = list(select(self.db, "SELECT data, mime FROM images WHERE sha256 = ?", [sha256]))
        if not rows:
            raise NotFoundError(f"no image {sha256[:12]} in the store")
        return rows[0]["data"], rows[0]["mime"]
