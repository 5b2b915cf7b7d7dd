"""Images kept in the store as content-addressed blobs: the same bytes are stored once."""

from __future__ import annotations

import hashlib
import io
import warnings
from typing import TYPE_CHECKING

from app.core.errors import InputError

if TYPE_CHECKING:
    from PIL import Image
    from sqlite_utils import Database

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


def _has_metadata(img: Image.Image) -> bool:
    if img.format == "JPEG":
        markers = {marker for marker, _ in getattr(img, "applist", [])}
        if markers - {"APP0"} or "comment" in img.info:
            return True
    elif img.format == "PNG":
        return True  # re-encoding a PNG is lossless and drops text, time and colour chunks
    orientation = img.getexif().get(0x0112, 1)
    return orientation != 1 or bool(img.getexif())


def clean_image(data: bytes, *, name: str) -> bytes:
    """The image as the store keeps it: upright, sRGB, with no metadata at all.

    Photos arrive with EXIF (camera serials, GPS positions) that must never leave the newsroom,
    so they are removed on the way in. A file with nothing to remove is kept byte for byte,
    which makes cleaning idempotent: a cleaned image cleans to itself. JPEGs that need it are
    re-encoded once at quality 92; PNGs are re-encoded losslessly; GIF and WebP become PNG.
    """
    from PIL import Image, ImageOps

    inspect_image(data, name=name)
    with Image.open(io.BytesIO(data)) as img:
        if img.format in ("JPEG", "PNG") and not _has_metadata(img):
            return data
        fmt = "JPEG" if img.format == "JPEG" else "PNG"
        icc = img.info.get("icc_profile")
        upright = ImageOps.exif_transpose(img)
        upright = _to_srgb(upright, icc)
        if fmt == "JPEG" and upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        if fmt == "PNG" and upright.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            upright = upright.convert("RGBA")
        out = io.BytesIO()
        if fmt == "JPEG":
            upright.save(out, "JPEG", quality=92, optimize=True)
        else:
            upright.save(out, "PNG", optimize=True)
        return out.getvalue()


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


def put_image(db: Database, data: bytes, *, name: str) -> str:
    """Store the image bytes (once) and return their SHA-256. Caller holds the transaction.

    ``data`` must already be clean (``clean_image``).
    """
    from app.store.store import now_iso

    digest = hashlib.sha256(data).hexdigest()
    if list(db.query("SELECT 1 FROM images WHERE sha256 = ?", [digest])):
        return digest
    mime, width, height = inspect_image(data, name=name)
    db.execute(
        "INSERT INTO images (sha256, mime, width, height, size, data, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [digest, mime, width, height, len(data), data, now_iso()],
    )
    return digest
