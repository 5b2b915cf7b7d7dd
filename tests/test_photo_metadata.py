"""What a photo says about itself (IPTC IIM, XMP, EXIF), read to fill a figure's card:
real files made here with Pillow, Chinese credits, and hostile metadata that must neither
raise nor expand nor leak."""

from __future__ import annotations

import io
import struct
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, PngImagePlugin

from app.store.images import (
    MAX_META_TEXT,
    PhotoMetadata,
    clean_image,
    read_photo_metadata,
)

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def jpeg(**save: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(out, "JPEG", **save)
    return out.getvalue()


def iim(*datasets: tuple[tuple[int, int], bytes]) -> bytes:
    """An IPTC IIM record: 0x1C, record, dataset, length, value for each dataset."""
    return b"".join(
        bytes([0x1C, record, number]) + struct.pack(">H", len(value)) + value
        for (record, number), value in datasets
    )


def with_iptc(data: bytes, record: bytes) -> bytes:
    """``data`` (a JPEG) with an APP13 segment holding ``record`` as Photoshop resource
    0x0404, written by hand as Photoshop writes it."""
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00"
    resource += struct.pack(">I", len(record)) + record + b"\x00" * (len(record) % 2)
    payload = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    return data[:2] + segment + data[2:]


def xmp(description: str) -> bytes:
    """An XMP packet whose rdf:Description holds ``description`` (its properties)."""
    return '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'.encode() + xmp_body(
        description
    )


def xmp_body(description: str) -> bytes:
    """The packet's XML without its wrapper, for a prolog of a test's own in front."""
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        f'<rdf:RDF xmlns:rdf="{RDF}">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
        f"{description}"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()


FULL_XMP = xmp(
    ' photoshop:Credit="中央社">'
    "<dc:creator><rdf:Seq><rdf:li>王小明</rdf:li><rdf:li>Jane Doe</rdf:li></rdf:Seq></dc:creator>"
    "<dc:rights><rdf:Alt>"
    '<rdf:li xml:lang="en">(c) CNA, English</rdf:li>'
    '<rdf:li xml:lang="x-default">© 2026 中央社</rdf:li>'
    "</rdf:Alt></dc:rights>"
    '<dc:description><rdf:Alt><rdf:li xml:lang="zh-TW">颱風過後 高雄街頭</rdf:li>'
    "</rdf:Alt></dc:description>"
)


def test_iptc_in_utf8_as_the_file_declares_it() -> None:
    record = iim(
        ((1, 90), b"\x1b%G"),
        ((2, 120), "颱風過後,高雄市區積水。".encode()),
        ((2, 80), "王小明".encode()),
        ((2, 80), b"Jane Doe"),
        ((2, 110), "中央社".encode()),
        ((2, 116), "© 2026 中央社".encode()),
    )
    assert read_photo_metadata(with_iptc(jpeg(), record)) == PhotoMetadata(
        caption="颱風過後,高雄市區積水。",
        creator="王小明, Jane Doe",
        credit="中央社",
        copyright="© 2026 中央社",
    )


def test_iptc_in_utf8_undeclared_and_in_latin1() -> None:
    undeclared = iim(((2, 110), "中央社".encode()))
    assert read_photo_metadata(with_iptc(jpeg(), undeclared)).credit == "中央社"
    latin = iim(((2, 80), "José Müller".encode("cp1252")), ((2, 116), b"\xa9 2026 Agence"))
    found = read_photo_metadata(with_iptc(jpeg(), latin))
    assert (found.creator, found.copyright) == ("José Müller", "© 2026 Agence")


def test_xmp_in_jpeg_png_and_webp() -> None:
    expected = PhotoMetadata(
        caption="颱風過後 高雄街頭",
        creator="王小明, Jane Doe",
        credit="中央社",
        copyright="© 2026 中央社",  # the x-default of the language alternatives
    )
    assert read_photo_metadata(jpeg(xmp=FULL_XMP)) == expected
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", FULL_XMP.decode())
    out = io.BytesIO()
    Image.new("RGB", (32, 32)).save(out, "PNG", pnginfo=info)
    assert read_photo_metadata(out.getvalue()) == expected
    out = io.BytesIO()
    Image.new("RGB", (32, 32)).save(out, "WEBP", xmp=FULL_XMP)
    assert read_photo_metadata(out.getvalue()) == expected


def test_xmp_first_then_iptc_then_exif() -> None:
    """XMP is Unicode and never cut to IIM's 32 bytes: it wins; IIM and EXIF fill in what
    it does not say."""
    exif = Image.Exif()
    exif[0x010E] = "EXIF description"
    exif[0x013B] = "EXIF artist"
    exif[0x8298] = "EXIF copyright"
    data = jpeg(xmp=xmp("><photoshop:Credit>XMP 提供</photoshop:Credit>"), exif=exif)
    data = with_iptc(data, iim(((2, 110), b"IIM credit"), ((2, 80), b"IIM by-line")))
    assert read_photo_metadata(data) == PhotoMetadata(
        caption="EXIF description",
        creator="IIM by-line",
        credit="XMP 提供",
        copyright="EXIF copyright",
    )


def test_exif_written_by_a_phone_in_utf8_and_a_two_part_copyright() -> None:
    exif = Image.Exif()
    exif[0x013B] = "陳攝影".encode()  # phones write UTF-8 into EXIF's ASCII fields
    exif[0x8298] = "Photographer Ltd\x00Editor Co"
    found = read_photo_metadata(jpeg(exif=exif))
    assert (found.creator, found.copyright) == ("陳攝影", "Photographer Ltd / Editor Co")


def test_an_image_without_metadata_and_what_the_store_keeps_say_nothing() -> None:
    data = with_iptc(jpeg(xmp=FULL_XMP), iim(((2, 110), "中央社".encode())))
    assert read_photo_metadata(data).credit == "中央社"
    # The store's cleaning is not touched: what it keeps says nothing at all.
    assert read_photo_metadata(clean_image(data, name="x.jpg")) == PhotoMetadata()
    assert read_photo_metadata(jpeg()) == PhotoMetadata()


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"not an image at all",
        b"\xff\xd8\xff\xed\x00\x10Photoshop 3.0\x00",  # a JPEG that ends in its first segment
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
        "中央社".encode(),
    ],
)
def test_what_is_not_an_image_gives_empty_fields(raw: bytes) -> None:
    assert read_photo_metadata(raw) == PhotoMetadata()


def test_broken_blocks_leave_the_others() -> None:
    """A truncated XMP packet, and an IIM block whose second dataset is garbage, are
    skipped; EXIF still speaks."""
    exif = Image.Exif()
    exif[0x013B] = "EXIF artist"
    data = jpeg(xmp=FULL_XMP[:150], exif=exif)
    data = with_iptc(data, iim(((2, 110), b"ok")) + b"\x1c\xff\xff\xff\xff garbage")
    found = read_photo_metadata(data)
    assert found.creator == "EXIF artist"
    assert found.caption == "" and found.copyright == ""


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE x:xmpmeta [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">\n'
        for n in range(1, 10)
    )
    + "]>\n"
)


@pytest.mark.parametrize("entity", ["&lol1;", "&lol9;"])
def test_entities_are_never_expanded(entity: str) -> None:
    """A DTD in XMP is refused outright: neither a small entity (which the XML parser's own
    amplification limit lets through) nor a billion laughs comes out as text."""
    packet = BILLION_LAUGHS.encode() + xmp_body(
        f"><dc:description><rdf:Alt><rdf:li>{entity}</rdf:li></rdf:Alt></dc:description>"
    )
    started = time.monotonic()
    found = read_photo_metadata(jpeg(xmp=packet))
    assert time.monotonic() - started < 2
    assert found == PhotoMetadata()


def test_external_entities_are_never_read(tmp_path) -> None:  # noqa: ANN001
    secret = tmp_path / "secret.txt"
    secret.write_text("the desk's password")
    prolog = f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    packet = prolog.encode() + xmp_body("><photoshop:Credit>&xxe;</photoshop:Credit>")
    assert read_photo_metadata(jpeg(xmp=packet)) == PhotoMetadata()


def test_text_is_cleaned_and_capped() -> None:
    record = iim(
        ((1, 90), b"\x1b%G"),
        ((2, 80), "  王\x00小\x07明\u202e \r\n\t Jr.\ufeff  ".encode()),
        ((2, 120), ("長" * 1500).encode()),  # 4,500 bytes: an extended dataset length
        ((2, 110), "\x1b[31mred\x1b[0m\x85line".encode()),
    )
    data = with_iptc(jpeg(), record)
    found = read_photo_metadata(data)
    assert found.creator == "王小明 Jr."
    assert found.caption == "長" * MAX_META_TEXT
    assert found.credit == "[31mred[0m line"  # escape codes lose their ESC: inert text


def test_a_huge_xmp_packet_is_not_parsed() -> None:
    """XMP of 2 MB (a WebP's XMP chunk has no 64 KB limit) is not XMP any tool wrote."""
    padding = "<dc:title>" + "x" * (2 * 1024 * 1024) + "</dc:title>"
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "WEBP", xmp=xmp(f' photoshop:Credit="big">{padding}'))
    started = time.monotonic()
    assert read_photo_metadata(out.getvalue()) == PhotoMetadata()
    assert time.monotonic() - started < 2


def test_deeply_nested_xmp_neither_crashes_nor_hangs() -> None:
    packet = b"<a>" * 8_000 + b"</a>" * 8_000
    assert read_photo_metadata(jpeg(xmp=packet)) == PhotoMetadata()


SEED = with_iptc(
    jpeg(xmp=FULL_XMP),
    iim(((1, 90), b"\x1b%G"), ((2, 110), "中央社".encode()), ((2, 80), b"by-line")),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_damaged_files_never_raise(data: st.DataObject) -> None:
    """Bytes of a real photo with metadata, overwritten or cut anywhere in its header:
    fields are text, capped, without control characters; nothing raises."""
    raw = bytearray(SEED)
    cuts = data.draw(st.lists(st.integers(0, len(SEED) - 1), max_size=6))
    for at in cuts:
        raw[at] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    found = read_photo_metadata(bytes(raw))
    for value in (found.caption, found.creator, found.credit, found.copyright):
        assert isinstance(value, str) and len(value) <= MAX_META_TEXT
        assert value == value.strip()
        assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in value)
