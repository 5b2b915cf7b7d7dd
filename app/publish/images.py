"""Web renditions of figure images: a few widths, never upscaled, cached in the store.

The store keeps images already clean (upright, sRGB, no metadata: ``app.store.images``); the
renditions are re-encoded from that clean master, so they carry no metadata either.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from app.core.errors import InputError
from app.store.images import MAX_PIXELS
from app.store.store import Store

RECIPE = "v1"
WIDTHS = (480, 960, 1600)
JPEG_QUALITY = 82
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png"}


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    mime: str
    data: bytes

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.mime]


def target_widths(width: int) -> list[int]:
    """480/960/1600 below the original's width, plus the original (at most 1600)."""
    return sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])})


def _encode(master: bytes, width: int, name: str) -> Rendition:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(master)) as img:
                if img.width * img.height > MAX_PIXELS:
                    raise InputError(f"{name}: image is {img.width}×{img.height} pixels, too large")
                fmt = "JPEG" if img.format == "JPEG" else "PNG"
                height = max(1, round(img.height * width / img.width))
                if fmt == "JPEG":
                    img.draft("RGB", (width, height))
                    frame = img.convert("RGB") if img.mode not in ("RGB", "L") else img
                else:
                    frame = img.convert("RGBA") if img.mode == "P" else img
                if frame.width != width:
                    frame = frame.resize((width, height), Image.Resampling.LANCZOS)
                frame.info = {}  # no comment, no ICC profile: renditions are plain sRGB pixels
                out = io.BytesIO()
                if fmt == "JPEG":
                    frame.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
                else:
                    frame.save(out, "PNG", optimize=True)
    except InputError:
        raise
    except Exception as exc:  # Pillow raises many types for broken data
        raise InputError(
            f"{name}: image cannot be decoded ({exc.__class__.__name__}: {exc})", field="figures"
        ) from None
    mime = "image/jpeg" if fmt == "JPEG" else "image/png"
    return Rendition(width=width, height=height, mime=mime, data=out.getvalue())


def renditions(store: Store, sha256: str, *, name: str) -> list[Rendition]:
    """The web renditions of image ``sha256``, from the store's cache or made (and cached)."""
    from PIL import Image

    master, _mime = store.images.get(sha256)
    try:
        with Image.open(io.BytesIO(master)) as img:
            width = img.width
    except Exception as exc:  # noqa: BLE001 - reported to the user with the figure's name
        raise InputError(f"{name}: image cannot be read ({exc})", field="figures") from None
    out = []
    for w in target_widths(width):
        recipe = f"{RECIPE}-w{w}"
        cached = store.images.rendition(sha256, recipe)
        if cached is not None:
            data, mime, rw, rh = cached
            out.append(Rendition(width=rw, height=rh, mime=mime, data=data))
            continue
        rendition = _encode(master, w, name)
        store.images.keep_rendition(
            sha256, recipe, rendition.data, rendition.mime, rendition.width, rendition.height
        )
        out.append(rendition)
    return out
