"""Images kept in the store as content-addressed blobs: the same bytes are stored once."""

from __future__ import annotations

import hashlib
import io
import warnings
from typing import TYPE_CHECKING

from app.core.errors import InputError

if TYPE_CHECKING:
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


def put_image(db: Database, data: bytes, *, name: str) -> str:
    """Store the image bytes (once) and return their SHA-256. Caller holds the transaction."""
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
