"""Hostile and broken input: every case gets a clear message naming the problem (or works),
never a traceback, a hang or a half import.

Each case builds its input from the typhoon sample; the store must be exactly as before a
refused import (no article, no image, no revision).
"""

from __future__ import annotations

import io
import os
import shutil
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.errors import GalleyError, InputError
from app.exchange.bundles import import_path
from app.store import Store
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "typhoon-drill"


def _copy(tmp: Path) -> Path:
    target = tmp / "typhoon-drill"
    shutil.copytree(SAMPLE, target)
    return target


def _edit(tmp: Path, old: str, new: str, count: int = 1) -> Path:
    folder = _copy(tmp)
    md = folder / "article.md"
    text = md.read_text(encoding="utf-8")
    assert old in text, old
    md.write_text(text.replace(old, new, count), encoding="utf-8")
    return md


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png(width: int, height: int, body: bytes = b"") -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + body


# -- the cases: each returns the path to import ---------------------------------------------


def malformed_yaml(tmp: Path) -> Path:
    return _edit(tmp, "section: 地方", "section: [地方, 未閉合")


def alias_bomb(tmp: Path) -> Path:
    bomb = "\n".join(
        ['lol0: &a0 ["lol"]']
        + [f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    )
    return _edit(tmp, "section: 地方", "section: 地方\n" + bomb)


def big5_text(tmp: Path) -> Path:
    md = _copy(tmp) / "article.md"
    text = md.read_text(encoding="utf-8").replace("(", "(").replace(")", ")")
    md.write_bytes(text.replace(",", ",").replace("。", ".").encode("big5", "replace"))
    return md


def binary_file(tmp: Path) -> Path:
    md = tmp / "article.md"
    md.write_bytes(bytes(range(256)) * 64)
    return md


def png_named_markdown(tmp: Path) -> Path:
    md = tmp / "story.md"
    md.write_bytes((SAMPLE / "images" / "sandbags.png").read_bytes())
    return md


def huge_body(tmp: Path) -> Path:
    md = _copy(tmp) / "article.md"
    paragraph = "汛期將至,高雄市政府在前鎮區舉行跨局處防颱演練。" * 40 + "\n\n"
    text = md.read_text(encoding="utf-8")
    md.write_text(text + paragraph * (10_000_000 // len(paragraph.encode())), encoding="utf-8")
    return md


def many_sources(tmp: Path) -> Path:
    items = "".join(
        f"  - date: 2024-09-{1 + n % 28:02d}\n    outlet: 中央社\n    title: 消息 {n}\n"
        f"    url: https://example.org/cna/{n}\n"
        for n in range(5000)
    )
    return _edit(tmp, "sources:\n", "sources:\n" + items)


def many_figures(tmp: Path) -> Path:
    folder = _copy(tmp)
    md = folder / "article.md"
    items = "".join(
        f"  - key: f{n}\n    image: images/sandbags.png\n"
        f"    caption: 第 {n} 張\n    credit: 讀者提供\n"
        for n in range(200)
    )
    text = md.read_text(encoding="utf-8").replace("figures:\n", "figures:\n" + items, 1)
    md.write_text(text + "".join(f"\n![[f{n}]]\n" for n in range(200)), encoding="utf-8")
    return md


def fake_jpeg(tmp: Path) -> Path:
    folder = _copy(tmp)
    (folder / "images" / "pump-station.jpg").write_text("<html>not a photo</html>")
    return folder / "article.md"


def truncated_png(tmp: Path) -> Path:
    folder = _copy(tmp)
    png = folder / "images" / "sandbags.png"
    png.write_bytes(png.read_bytes()[: png.stat().st_size // 2])
    return folder / "article.md"


def decompression_bomb(tmp: Path) -> Path:
    folder = _copy(tmp)
    rows = zlib.compress(b"\x00" * (1 + 3 * 30_000) * 200)  # a few rows; IHDR claims 900 MP
    data = _png(30_000, 30_000, _png_chunk(b"IDAT", rows) + _png_chunk(b"IEND", b""))
    (folder / "images" / "sandbags.png").write_bytes(data)
    return folder / "article.md"


def _zip(tmp: Path, extra: Callable[[zipfile.ZipFile], None]) -> Path:
    folder = _copy(tmp)
    target = tmp / "bundle.zip"
    with zipfile.ZipFile(target, "w") as zf:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                zf.write(p, "typhoon-drill/" + p.relative_to(folder).as_posix())
        extra(zf)
    return target


def zip_slip(tmp: Path) -> Path:
    return _zip(tmp, lambda zf: zf.writestr("typhoon-drill/../../../evil.sh", "rm -rf ~"))


def zip_symlink(tmp: Path) -> Path:
    def add(zf: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo("typhoon-drill/images/passwd.png")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")

    return _zip(tmp, add)


def zip_bomb(tmp: Path) -> Path:
    def add(zf: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo("typhoon-drill/images/zeros.png")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w") as fh:
            block = b"\x00" * (1 << 20)
            for _ in range(100):
                fh.write(block)

    return _zip(tmp, add)


def slug_dotdot(tmp: Path) -> Path:
    return _edit(tmp, "slug: kaohsiung-typhoon-drill", "slug: ../../etc/passwd")


def key_dotdot(tmp: Path) -> Path:
    md = _edit(tmp, "key: pump-station", "key: ../pump-station")
    text = md.read_text(encoding="utf-8").replace("![[pump-station]]", "![[../pump-station]]")
    md.write_text(text, encoding="utf-8")
    return md


def image_dotdot(tmp: Path) -> Path:
    md = _edit(tmp, "image: images/pump-station.jpg", "image: ../../../etc/hostname")
    return md


def image_symlink(tmp: Path) -> Path:
    folder = _copy(tmp)
    image = folder / "images" / "pump-station.jpg"
    image.unlink()
    os.symlink("/etc/hostname", image)
    return folder / "article.md"


def duplicate_keys(tmp: Path) -> Path:
    return _edit(tmp, "key: sandbags", "key: pump-station")


def empty_file(tmp: Path) -> Path:
    md = tmp / "article.md"
    md.write_bytes(b"")
    return md


def not_a_zip_but_named_one(tmp: Path) -> Path:
    target = tmp / "bundle.zip"
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as zf:
        zf.writestr("typhoon-drill/article.md", "x" * 1000)
    target.write_bytes(data.getvalue()[:-30])  # cut: the central directory is gone
    return target


# (case, what the message must mention, or None when the import must work)
CASES: list[tuple[Callable[[Path], Path], str | None]] = [
    (malformed_yaml, "article.md:7:5: front matter is not valid YAML"),
    (alias_bomb, "alias"),
    (big5_text, "UTF-8"),
    (binary_file, "binary file"),
    (png_named_markdown, "binary file"),
    (huge_body, None),
    (many_sources, None),
    (many_figures, None),
    (fake_jpeg, "pump-station.jpg"),
    (truncated_png, "sandbags.png"),
    (decompression_bomb, "bomb"),
    (zip_slip, "zip-slip"),
    (zip_symlink, "symbolic link"),
    (zip_bomb, "too large"),
    (slug_dotdot, "slug"),
    (key_dotdot, "key"),
    (image_dotdot, "inside the article's folder"),
    (image_symlink, "pump-station.jpg"),
    (duplicate_keys, "pump-station"),
    (empty_file, "empty"),
    (not_a_zip_but_named_one, "zip"),
]


def _counts(store: Store) -> tuple[int, ...]:
    return tuple(
        next(store._db.query(f"SELECT count(*) AS n FROM {table}"))["n"]
        for table in ("articles", "revisions", "images", "figures", "sources", "snapshots")
    )


@pytest.mark.parametrize(("build", "mention"), CASES, ids=[c[0].__name__ for c in CASES])
def test_hostile_import(
    build: Callable[[Path], Path], mention: str | None, store: Store, tmp_path: Path
) -> None:
    work = tmp_path / "in"
    work.mkdir()
    path = build(work)
    before = _counts(store)
    if mention is None:
        (article,) = import_path(store, path, author="測試者")
        again = store.get_article(article.id)
        assert again.body == article.body and len(again.sources) == len(article.sources)
        return
    with pytest.raises(GalleyError) as caught:
        import_path(store, path, author="測試者")
    message = str(caught.value)
    assert isinstance(caught.value, InputError), message
    assert mention.lower() in message.lower(), message
    assert "Traceback" not in message
    assert _counts(store) == before, "a refused import left something in the store"
    assert not (tmp_path.parent / "evil.sh").exists()


def test_cli_reports_one_line(tmp_path: Path, store_path: Path, capsys) -> None:
    from app.cli import main

    path = alias_bomb(tmp_path)
    code = main(["--store", str(store_path), "import", str(path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == InputError.exit_code
    assert len(err) == 1 and "alias" in err[0] and str(path) in err[0]


def test_folder_with_one_bad_bundle_imports_nothing(store: Store, tmp_path: Path) -> None:
    """A folder of bundles is one import: the good one must not go in alone."""
    folder = tmp_path / "desk"
    shutil.copytree(FIXTURES / "library-night", folder / "a-library-night")
    shutil.copytree(SAMPLE, folder / "b-typhoon")
    (folder / "b-typhoon" / "images" / "sandbags.png").write_bytes(b"\x89PNG\r\n\x1a\nbroken")
    before = _counts(store)
    with pytest.raises(InputError, match="sandbags.png"):
        import_path(store, folder, author="測試者")
    assert _counts(store) == before
    assert len(import_path(store, folder / "a-library-night", author="測試者")) == 1
