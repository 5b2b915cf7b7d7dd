"""Images kept in the store as content-addressed blobs: the same bytes are stored once."""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import re
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.errors import InputError, NotFoundError
from app.store.clock import now_iso
from app.store.select import select
from app.store.transactions import Transactions

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

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


# -- the credits a photo carries in ---------------------------------------------------------

MAX_META_TEXT = 1_000  # characters of one field: a caption, not a document
MAX_XMP_BYTES = 1024 * 1024  # a JPEG's XMP segment holds 64 KB; anything far larger is not XMP

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_DC = "http://purl.org/dc/elements/1.1/"
_PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# IPTC IIM datasets (record 2, "application"), as photo desks' tools write them.
_IIM_CAPTION, _IIM_BYLINE, _IIM_CREDIT, _IIM_COPYRIGHT = (2, 120), (2, 80), (2, 110), (2, 116)
_IIM_CHARSET = (1, 90)
_IIM_UTF8 = b"\x1b%G"  # ISO 2022 escape sequence for UTF-8
# EXIF (TIFF) tags: ImageDescription, Artist, Copyright.
_EXIF_DESCRIPTION, _EXIF_ARTIST, _EXIF_COPYRIGHT = 0x010E, 0x013B, 0x8298
# Bidirectional embeddings, overrides and isolates: in a credit they only reorder what a
# reader sees (a name shown backwards), so they are dropped with the control characters.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
_SPACES = re.compile(r"[ \t\n\r\f\v\u0085\u2028\u2029]+")


@dataclass(frozen=True)
class PhotoMetadata:
    """What a photo says about itself: its caption, who took it, the credit line to print
    and the copyright notice ("" for each it does not say)."""

    caption: str = ""
    creator: str = ""
    credit: str = ""
    copyright: str = ""


def read_photo_metadata(raw: bytes) -> PhotoMetadata:
    """The caption, creator, credit and copyright an image file carries: XMP first (always
    Unicode, and never cut to IIM's 32-byte fields), then IPTC IIM, then EXIF.

    ``raw`` is hostile input (a file from anywhere): nothing here raises. A file Pillow
    cannot open, or metadata that cannot be read, gives empty fields. Every value is
    cleaned: control characters and bidirectional overrides removed, runs of spaces and
    line breaks made one space, trimmed, and cut to ``MAX_META_TEXT`` characters. The image
    itself is not decoded. Call it on the raw bytes before ``Images.add``, which strips all
    of this from what it stores.
    """
    from PIL import Image

    if not isinstance(raw, bytes | bytearray) or len(raw) > MAX_IMAGE_BYTES:
        return PhotoMetadata()
    found: dict[str, str] = {}
    try:
        with Image.open(io.BytesIO(raw)) as img:
            for source in (_xmp_fields, _iptc_fields, _exif_fields):
                try:
                    values = source(img)
                except Exception:  # noqa: BLE001 - one broken block leaves the others
                    log.debug("photo metadata not read from %s", source.__name__, exc_info=True)
                    continue
                for name, value in values.items():
                    if not found.get(name):
                        found[name] = clean_meta_text(value)
    except Exception:  # noqa: BLE001 - not an image Pillow reads: nothing to say
        return PhotoMetadata()
    return PhotoMetadata(
        caption=found.get("caption", ""),
        creator=found.get("creator", ""),
        credit=found.get("credit", ""),
        copyright=found.get("copyright", ""),
    )


def clean_meta_text(value: str, limit: int = MAX_META_TEXT) -> str:
    """``value`` fit for a figure's field: no control, format-override, surrogate or
    noncharacter code points; each run of spaces and line breaks one space; trimmed; at
    most ``limit`` characters (cut before trimming again)."""
    kept = []
    for ch in value:
        category = unicodedata.category(ch)
        if ch in _BIDI_CONTROLS or ch == "\ufeff" or category == "Cs":
            continue
        if category == "Cc":
            if ch.isspace():
                kept.append(" ")
            continue
        code = ord(ch)
        if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
            continue  # noncharacters: YAML (the front matter) refuses them
        kept.append(ch)
    text = _SPACES.sub(" ", "".join(kept)).strip()
    return text[:limit].strip()


def _xmp_fields(img: Any) -> dict[str, str]:
    packet = img.info.get("xmp") or img.info.get("XML:com.adobe.xmp")
    if isinstance(packet, str):
        packet = packet.encode("utf-8", "surrogatepass")
    if not isinstance(packet, bytes) or not packet or len(packet) > MAX_XMP_BYTES:
        return {}
    return parse_xmp(packet)


def parse_xmp(packet: bytes) -> dict[str, str]:
    """Caption (dc:description), creator (dc:creator), credit (photoshop:Credit) and
    copyright (dc:rights) from an XMP packet; language alternatives give their x-default.

    Parsed with defusedxml, DTDs refused: an XMP packet never has one, and a DTD is how
    entity expansion bombs (billion laughs) and external entities get in."""
    from defusedxml.ElementTree import fromstring

    if len(packet) > MAX_XMP_BYTES:
        return {}
    root = fromstring(packet.rstrip(b"\x00 \t\r\n"), forbid_dtd=True)
    wanted = {
        "caption": f"{{{_DC}}}description",
        "creator": f"{{{_DC}}}creator",
        "credit": f"{{{_PHOTOSHOP}}}Credit",
        "copyright": f"{{{_DC}}}rights",
    }
    out: dict[str, str] = {}
    for description in root.iter(f"{{{_RDF}}}Description"):
        for name, tag in wanted.items():
            if out.get(name):
                continue
            value = description.get(tag)  # the short form: a property as an attribute
            if value is None:
                element = description.find(tag)
                value = _xmp_value(element) if element is not None else None
            if value and value.strip():
                out[name] = value
    return out


def _xmp_value(element: Element) -> str:
    """A property's text: a language alternative's x-default (else its first item), a
    list's items joined, or the element's own text."""
    for container in element:
        items = [li for li in container if li.tag == f"{{{_RDF}}}li"]
        if container.tag == f"{{{_RDF}}}Alt":
            chosen = [li for li in items if li.get(_XML_LANG, "").lower() == "x-default"]
            for li in chosen + items:
                if li.text and li.text.strip():
                    return li.text
            return ""
        if container.tag in (f"{{{_RDF}}}Seq", f"{{{_RDF}}}Bag"):
            return ", ".join(li.text.strip() for li in items if li.text and li.text.strip())
    return element.text or ""


def _iptc_fields(img: Any) -> dict[str, str]:
    from PIL import IptcImagePlugin

    info = IptcImagePlugin.getiptcinfo(img)
    if not info:
        return {}
    charset = _iim_values(info.get(_IIM_CHARSET))
    utf8 = bool(charset) and charset[0].startswith(_IIM_UTF8)
    out = {}
    for name, dataset in (
        ("caption", _IIM_CAPTION),
        ("creator", _IIM_BYLINE),
        ("credit", _IIM_CREDIT),
        ("copyright", _IIM_COPYRIGHT),
    ):
        texts = [_iim_text(v, utf8=utf8) for v in _iim_values(info.get(dataset))]
        texts = [t.strip() for t in texts if t.strip()]
        if texts:
            # By-line repeats for each photographer; the others are given once.
            out[name] = ", ".join(texts) if dataset == _IIM_BYLINE else texts[0]
    return out


def _iim_values(value: object) -> list[bytes]:
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, bytes)]


def _iim_text(data: bytes, *, utf8: bool) -> str:
    """IIM text: UTF-8 when the file says so (1:90), and also when it decodes as UTF-8
    (many tools write UTF-8 and never say it); else Windows Latin-1, IIM's own default."""
    if utf8:
        return data.decode("utf-8", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _exif_fields(img: Any) -> dict[str, str]:
    exif = img.getexif()
    out = {}
    for name, tag in (
        ("caption", _EXIF_DESCRIPTION),
        ("creator", _EXIF_ARTIST),
        ("copyright", _EXIF_COPYRIGHT),
    ):
        value = exif.get(tag)
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        if not isinstance(value, str):
            continue
        # Pillow reads EXIF text as Latin-1; cameras and phones write UTF-8 into it.
        with contextlib.suppress(UnicodeError):
            value = value.encode("latin-1").decode("utf-8")
        # Copyright may be "photographer\0editor": both parts kept.
        parts = [p.strip() for p in value.split("\x00") if p.strip()]
        if parts:
            out[name] = " / ".join(parts)
    return out


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


class ImageReader:
    """Images read from a store file by a thread of its own (the window's thumbnails): a
    read-only connection of its own, since SQLite connections belong to one thread. It can
    change nothing; an image it cannot read is None."""

    def __init__(self, path: Path) -> None:
        import sqlite3
        from urllib.parse import quote

        uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
        self._conn = sqlite3.connect(uri, uri=True, check_same_thread=True)

    def get(self, sha256: str) -> bytes | None:
        import sqlite3

        try:
            row = self._conn.execute(
                "SELECT data FROM images WHERE sha256 = ?", [sha256]
            ).fetchone()
        except sqlite3.Error:
            return None
        return bytes(row[0]) if row is not None else None

    def close(self) -> None:
        self._conn.close()
