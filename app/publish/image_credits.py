"""The credits an exported rendition carries in its own metadata: who took the photo, the
credit line, the copyright notice and the caption, as XMP (every format) and, in JPEGs, as
IPTC IIM too (the older block many newsroom systems and photo agencies still read first).

Nothing else is written: the store's images carry no metadata (``app.store.images``) and
renditions are encoded from them, so GPS positions, camera serials and EXIF stay out.

XMP is the IPTC Photo Metadata standard's own mapping: ``dc:creator`` (Creator),
``photoshop:Credit`` (Credit Line), ``dc:rights`` (Copyright Notice) and ``dc:description``
(Description, the caption). The caption is already public on the page, and a photo copied
from it keeps what it shows. Values are cleaned (``clean_meta_text``: no control
characters, which XML cannot hold) and cut to ``MAX_EMBEDDED_TEXT`` characters, so four
fields fit in the 64 KB a JPEG segment holds.
"""

from __future__ import annotations

import hashlib
import json
import struct
from dataclasses import astuple, dataclass

from app.core.model import Figure
from app.store.images import clean_meta_text

__all__ = ["ImageCredits", "iptc_segment", "jpeg_with_segments", "xmp_packet"]

MAX_EMBEDDED_TEXT = 2_000  # characters: IIM's longest field (the caption) holds 2,000 bytes
# IIM's own limits, in bytes (IPTC IIM 4.2, record 2): longer values are cut (at a
# character's boundary) as Photoshop and ExifTool cut them; the XMP keeps the whole text.
IIM_LIMITS = {80: 32, 110: 32, 116: 128, 120: 2_000}
_PACKET_ID = "W5M0MpCehiHzreSzNTczkc9d"  # the XMP packet wrapper's fixed id


@dataclass(frozen=True)
class ImageCredits:
    """What a figure's renditions say about the photo; all empty: nothing is embedded."""

    creator: str = ""
    credit: str = ""
    copyright: str = ""
    caption: str = ""

    @classmethod
    def of(cls, figure: Figure) -> ImageCredits:
        return cls(
            creator=clean_meta_text(figure.creator, MAX_EMBEDDED_TEXT),
            credit=clean_meta_text(figure.credit, MAX_EMBEDDED_TEXT),
            copyright=clean_meta_text(figure.copyright, MAX_EMBEDDED_TEXT),
            caption=clean_meta_text(figure.caption, MAX_EMBEDDED_TEXT),
        )

    def __bool__(self) -> bool:
        return any(astuple(self))

    def digest(self) -> str:
        """A short fingerprint for the rendition cache's key: other credits, other bytes."""
        text = json.dumps(astuple(self), ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def xmp_packet(credits: ImageCredits) -> bytes:
    """The XMP packet (UTF-8) of ``credits``: only the properties that have a value."""
    # Here, not at the top: xml.sax.saxutils imports urllib.request, http.client, email and
    # ssl (~20 ms), which a sync that has nothing to exchange never needs.
    from xml.sax.saxutils import escape, quoteattr

    properties = []
    if credits.creator:
        properties.append(
            f"<dc:creator><rdf:Seq><rdf:li>{escape(credits.creator)}</rdf:li></rdf:Seq>"
            "</dc:creator>"
        )
    if credits.credit:
        properties.append(f"<photoshop:Credit>{escape(credits.credit)}</photoshop:Credit>")
    for tag, value in (("dc:rights", credits.copyright), ("dc:description", credits.caption)):
        if value:
            properties.append(
                f'<{tag}><rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li>'
                f"</rdf:Alt></{tag}>"
            )
    body = "\n    ".join(properties)
    text = (
        f"<?xpacket begin={quoteattr(chr(0xFEFF))} id={quoteattr(_PACKET_ID)}?>\n"
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">\n'
        f"    {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="r"?>'
    )
    return text.encode("utf-8")


def _iim_dataset(dataset: int, value: bytes, record: int = 2) -> bytes:
    return bytes([0x1C, record, dataset]) + struct.pack(">H", len(value)) + value


def _cut_utf8(text: str, limit: int) -> bytes:
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore").encode("utf-8")


def iptc_segment(credits: ImageCredits) -> bytes:
    """A JPEG APP13 segment (Photoshop 3.0 image resources) holding the IPTC IIM record of
    ``credits``, in UTF-8 (said by 1:90), with the IPTC digest (resource 0x0425) that tells
    a reader following the Metadata Working Group's rules the IIM and XMP agree."""
    iim = _iim_dataset(90, b"\x1b%G", record=1)  # coded character set: UTF-8
    iim += _iim_dataset(0, struct.pack(">H", 4))  # record version 4
    for dataset, value in (
        (80, credits.creator),
        (110, credits.credit),
        (116, credits.copyright),
        (120, credits.caption),
    ):
        if value:
            iim += _iim_dataset(dataset, _cut_utf8(value, IIM_LIMITS[dataset]))
    payload = b"Photoshop 3.0\x00"
    payload += _resource(0x0404, iim)
    payload += _resource(0x0425, hashlib.md5(iim, usedforsecurity=False).digest())
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def _resource(resource_id: int, data: bytes) -> bytes:
    """One Photoshop image resource block: signature, id, an empty (padded) name, size,
    data padded to an even length."""
    block = b"8BIM" + struct.pack(">H", resource_id) + b"\x00\x00"
    block += struct.pack(">I", len(data)) + data
    return block + (b"\x00" if len(data) % 2 else b"")


def jpeg_with_segments(jpeg: bytes, segments: bytes) -> bytes:
    """``jpeg`` with ``segments`` (whole marker segments) after its leading APPn segments
    (JFIF's APP0 stays first, as JFIF requires), before its tables and frame."""
    if jpeg[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    pos = 2
    while pos + 4 <= len(jpeg) and jpeg[pos] == 0xFF and 0xE0 <= jpeg[pos + 1] <= 0xEF:
        pos += 2 + int.from_bytes(jpeg[pos + 2 : pos + 4], "big")
    if pos > len(jpeg):
        raise ValueError("a JPEG segment runs past the end of the file")
    return jpeg[:pos] + segments + jpeg[pos:]
