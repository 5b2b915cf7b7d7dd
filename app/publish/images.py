"""Web renditions of figure images: a few widths, never upscaled, cached apart from the store
(``app.publish.rendition_cache``: publishing never writes into the article store).

The store keeps images already clean (upright, sRGB, no metadata: ``app.store.images``); the
renditions are re-encoded from that clean master, so they carry no metadata either, except
what an export asks for: the figure's credits (creator, credit line, copyright, caption) as
XMP, and IPTC IIM in JPEGs (``app.publish.image_credits``). Renditions with credits are
cached under a recipe that names them, so a changed credit makes new files.

Three kinds, all from the master:
- the fallback widths in the master's own family (JPEG for photos, PNG for graphics), which
  every browser shows; a width that would weigh more than a wider one is left out;
- WebP and AVIF at the same widths, offered through ``<picture>`` only when they are smaller
  than the fallback (and AVIF only when smaller than WebP, since every browser with AVIF
  has WebP too);
- crops at 16:9, 4:3 and 1:1 around the figure's focal point, for search engines' article
  images (each at least 50,000 pixels, or left out).
"""

from __future__ import annotations

import io
import warnings
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from app.core.errors import InputError
from app.core.values import focal_point
from app.publish.image_credits import ImageCredits, iptc_segment, jpeg_with_segments, xmp_packet
from app.publish.rendition_cache import RenditionCache
from app.store.images import MAX_PIXELS
from app.store.store import Store

RECIPE = "v2"
# 720 and 1200 between the old steps: a phone at 2x asks for ~780 px, and the jump from 480
# straight to 960 sent it twice the bytes it needed.
WIDTHS = (480, 720, 960, 1200, 1600)
JPEG_QUALITY = 82
WEBP_QUALITY = 80
AVIF_QUALITY = 60
MODERN = ("image/avif", "image/webp")
EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "image/avif": "avif",
}
# Google's article images: three aspect ratios, each at least 50,000 pixels.
CROPS = {"16x9": (16, 9), "4x3": (4, 3), "1x1": (1, 1)}
CROP_WIDTH = 1200
MIN_CROP_PIXELS = 50_000
# Renditions encoded in this process, by (image, recipe): the rendition cache keeps them
# across runs; this saves encoding one image again for another store (a test suite, several
# desks) or where no cache file is used.
_MEMO: OrderedDict[tuple[str, str], Rendition] = OrderedDict()
_MEMO_SIZE = 256


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    mime: str
    data: bytes
    crop: str = ""  # "" for the whole frame, else a key of CROPS

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.mime]


@dataclass(frozen=True)
class ImageSet:
    """Everything made of one figure: ``fallback`` narrowest first; ``modern`` by MIME type
    (only the formats smaller in total than the fallback); ``crops`` for metadata."""

    fallback: list[Rendition]
    modern: dict[str, list[Rendition]]
    crops: list[Rendition]

    def all(self) -> list[Rendition]:
        out = list(self.fallback)
        for mime in MODERN:
            out += self.modern.get(mime, [])
        return out + list(self.crops)


def target_widths(width: int) -> list[int]:
    """The standard widths below the original's width, plus the original (at most 1600)."""
    return sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])})


def crop_box(
    width: int, height: int, ratio: tuple[int, int], focus: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The largest ``ratio`` rectangle inside the frame, centred on ``focus`` as far as the
    frame's edges allow."""
    rw, rh = ratio
    crop_w = min(width, width if width * rh <= height * rw else height * rw // rh)
    crop_h = min(height, crop_w * rh // rw)
    crop_w = crop_h * rw // rh
    left = round(focus[0] * width - crop_w / 2)
    top = round(focus[1] * height - crop_h / 2)
    left = max(0, min(width - crop_w, left))
    top = max(0, min(height - crop_h, top))
    return left, top, left + crop_w, top + crop_h


def _open(master: bytes, name: str, *, draft_width: int | None = None) -> Any:
    """The master, decoded; a JPEG headed for ``draft_width`` is decoded at the smallest
    DCT scale still at least that wide (a 2400 px photo for a 480 px rendition decodes at
    600 px: five times less to decode and to resample)."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        img = Image.open(io.BytesIO(master))
        if img.width * img.height > MAX_PIXELS:
            raise InputError(f"{name}: image is {img.width}×{img.height} pixels, too large")
        if draft_width and img.format == "JPEG" and draft_width < img.width:
            height = max(1, round(img.height * draft_width / img.width))
            img.draft("RGB", (draft_width, height))
        img.load()
    return img


def _encode(
    master: bytes,
    width: int,
    name: str,
    *,
    mime: str | None = None,
    box: tuple[int, int, int, int] | None = None,
    crop: str = "",
    credits: ImageCredits | None = None,
) -> Rendition:
    """One rendition ``width`` pixels wide of ``master`` (or of its ``box``), as ``mime``
    (default: the master's own family), carrying ``credits`` in its metadata if given."""
    from PIL import Image, PngImagePlugin

    try:
        with _open(master, name, draft_width=None if box else width) as img:
            family = "image/jpeg" if img.format == "JPEG" else "image/png"
            mime = mime or family
            few_colours = family == "image/png" and img.getcolors(256) is not None
            frame = img.crop(box) if box else img
            if frame.mode == "P":
                frame = frame.convert("RGBA")
            elif mime == "image/jpeg" and frame.mode not in ("RGB", "L"):
                frame = frame.convert("RGB")
            height = max(1, round(frame.height * width / frame.width))
            if frame.width != width:
                frame = frame.resize((width, height), Image.Resampling.LANCZOS)
            if mime == "image/png" and few_colours and frame.mode in ("RGB", "RGBA"):
                # A graphic of few colours stays few: resampling's blends would make the
                # smaller PNG weigh more than the original.
                method = Image.Quantize.FASTOCTREE if frame.mode == "RGBA" else None
                frame = frame.quantize(256, method=method)
            frame.info = {}  # no comment, no ICC profile: renditions are plain sRGB pixels
            # Nothing but the credits: no EXIF, no GPS, no ICC profile, no comment.
            meta: dict[str, Any] = {}
            xmp = xmp_packet(credits) if credits else b""
            if xmp and mime == "image/png":
                info = PngImagePlugin.PngInfo()
                info.add_itxt("XML:com.adobe.xmp", xmp.decode("utf-8"))  # XMP's own PNG form
                meta["pnginfo"] = info
            elif xmp:
                meta["xmp"] = xmp
            out = io.BytesIO()
            if mime == "image/jpeg":
                frame.save(
                    out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, **meta
                )
            elif mime == "image/png":
                frame.save(out, "PNG", optimize=True, **meta)
            elif mime == "image/webp":
                frame.save(out, "WEBP", quality=WEBP_QUALITY, method=4, **meta)
            else:
                frame.save(out, "AVIF", quality=AVIF_QUALITY, speed=8, **meta)
            data = out.getvalue()
            if credits and mime == "image/jpeg":
                # Pillow writes no IIM: its APP13 segment goes in beside the XMP.
                data = jpeg_with_segments(data, iptc_segment(credits))
    except InputError:
        raise
    except Exception as exc:  # Pillow raises many types for broken data
        raise InputError(
            f"{name}: image cannot be decoded ({exc.__class__.__name__}: {exc})", field="figures"
        ) from None
    return Rendition(width=width, height=height, mime=mime, data=data, crop=crop)


class _Maker:
    """Renditions of one image, each from the rendition cache, this process's memo, or made
    (and then kept in both); with ``credits``, renditions carrying them, kept apart."""

    def __init__(
        self,
        store: Store,
        sha256: str,
        name: str,
        cache: RenditionCache | None,
        credits: ImageCredits | None = None,
    ) -> None:
        self.cache = cache
        self.sha256 = sha256
        self.name = name
        self.credits = credits or None
        # The recipe names the credits a rendition carries: another credit, another file.
        self.suffix = f"-m{self.credits.digest()}" if self.credits else ""
        self.master, _mime = store.images.get(sha256)
        self.size: tuple[int, int]
        try:
            from PIL import Image

            # The header alone: renditions usually come from the cache, and decoding a
            # 2400 px photo just to learn its size would cost the preview 20 ms.
            with Image.open(io.BytesIO(self.master)) as img:
                self.size = img.size
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - reported to the user with the figure's name
            raise InputError(f"{name}: image cannot be read ({exc})", field="figures") from None

    def get(
        self,
        recipe: str,
        width: int,
        *,
        mime: str | None = None,
        box: tuple[int, int, int, int] | None = None,
        crop: str = "",
    ) -> Rendition:
        recipe += self.suffix
        cached = self.cache.get(self.sha256, recipe) if self.cache is not None else None
        if cached is not None:
            data, stored_mime, rw, rh = cached
            return Rendition(width=rw, height=rh, mime=stored_mime, data=data, crop=crop)
        key = (self.sha256, recipe)
        made = _MEMO.get(key)
        if made is None:
            made = _encode(
                self.master, width, self.name, mime=mime, box=box, crop=crop, credits=self.credits
            )
            _MEMO[key] = made
            if len(_MEMO) > _MEMO_SIZE:
                _MEMO.popitem(last=False)
        if self.cache is not None:
            self.cache.put(self.sha256, recipe, made.data, made.mime, made.width, made.height)
        return made


def renditions(
    store: Store,
    sha256: str,
    *,
    name: str,
    cache: RenditionCache | None = None,
    credits: ImageCredits | None = None,
) -> list[Rendition]:
    """The fallback renditions of image ``sha256``, narrowest first. A width that weighs as
    much as a wider one is left out: the browser takes the wider, lighter file instead.
    ``credits`` (exports) go into each file's metadata."""
    return _fallback(_Maker(store, sha256, name, cache, credits))


def _fallback(maker: _Maker) -> list[Rendition]:
    made = [maker.get(f"{RECIPE}-w{w}", w) for w in target_widths(maker.size[0])]
    kept: list[Rendition] = []
    for r in reversed(made):
        if kept and r.mime == "image/png" and len(r.data) >= len(kept[-1].data):
            continue
        kept.append(r)
    return list(reversed(kept))


def image_set(
    store: Store,
    sha256: str,
    *,
    name: str,
    focus: str = "",
    cache: RenditionCache | None = None,
    credits: ImageCredits | None = None,
) -> ImageSet:
    """The fallback, the modern formats that pay for themselves, and the three crops; each
    carrying ``credits`` (exports) in its metadata."""
    maker = _Maker(store, sha256, name, cache, credits)
    fallback = _fallback(maker)
    modern: dict[str, list[Rendition]] = {}
    fallback_bytes = sum(len(r.data) for r in fallback)
    for mime in MODERN:
        ext = EXTENSIONS[mime]
        made = [maker.get(f"{RECIPE}-{ext}-w{r.width}", r.width, mime=mime) for r in fallback]
        if sum(len(r.data) for r in made) < fallback_bytes:
            modern[mime] = made
    avif, webp = modern.get("image/avif"), modern.get("image/webp")
    if avif and webp and sum(len(r.data) for r in avif) >= sum(len(r.data) for r in webp):
        # Every browser that shows AVIF shows WebP: a larger AVIF would only cost bytes.
        del modern["image/avif"]
    point = focal_point(focus)
    if point is None:
        raise InputError(f"{name}: '{focus}' is not a focal point (x,y from 0 to 1)")
    crops = []
    for label, ratio in CROPS.items():
        box = crop_box(maker.size[0], maker.size[1], ratio, point)
        box_w, box_h = box[2] - box[0], box[3] - box[1]
        width = min(CROP_WIDTH, box_w)
        height = round(box_h * width / box_w)
        if width * height < MIN_CROP_PIXELS:
            continue
        where = f"{point[0]:.3f},{point[1]:.3f}"
        crops.append(maker.get(f"{RECIPE}-{label}-w{width}-at{where}", width, box=box, crop=label))
    return ImageSet(fallback=fallback, modern=modern, crops=crops)
