from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import InputError
from app.core.model import Article
from app.exchange import bundles as bundle
from app.exchange.bundles import export_articles, import_path
from app.store import Store
from tests.conftest import move_to
from tests.publish.conftest import configure_desk


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_bundle_layout(store: Store, published: dict[str, Article], tmp_path: Path) -> None:
    [path] = export_articles(store, [published["typhoon-drill"].id], tmp_path / "out")
    assert path == tmp_path / "out" / "kaohsiung-typhoon-drill"
    files = set(tree(path))
    assert not any(name.endswith(".avif") for name in files)  # larger than WebP here
    assert {
        "index.html",
        "style.css",
        "article.md",
        "article.json",
        "media/pump-station-480.jpg",
        "media/pump-station-720.jpg",
        "media/pump-station-960.jpg",
        "media/pump-station-1200.jpg",
        "media/pump-station-1600.jpg",
        "media/pump-station-960.webp",
        "media/pump-station-16x9-1200.jpg",
        "media/pump-station-4x3-1200.jpg",
        "media/pump-station-1x1-1200.jpg",
        "media/sandbags-1600.png",
        "media/source/pump-station.jpg",
        "media/source/sandbags.png",
    } <= files
    doc = json.loads((path / "article.json").read_text(encoding="utf-8"))
    assert doc["uri"] == f"urn:uuid:{published['typhoon-drill'].id}"
    assert doc["headlines"][0]["value"].startswith("颱風季前大演練")
    assert doc["pubstatus"] == "withheld"
    assert doc["associations"][0]["by"] == "高雄市政府"
    assert doc["associations"][0]["renditions"][0]["href"] == (
        "https://news.example.org/kaohsiung-typhoon-drill/media/pump-station-480.jpg"
    )
    sources = [a for a in doc["associations"] if a["name"].startswith("source-")]
    assert sources[2]["infosources"] == [{"name": "Reuters", "role": "publisher"}]
    assert "(圖/高雄市政府)" in doc["bodies"][0]["value"]


def test_exports_are_byte_identical(
    store: Store, published: dict[str, Article], tmp_path: Path
) -> None:
    ids = [a.id for a in published.values()]
    first = export_articles(store, ids, tmp_path / "a")
    second = export_articles(store, ids, tmp_path / "b")
    for one, two in zip(first, second, strict=True):
        assert tree(one) == tree(two)
    zip_a = export_articles(store, ids, tmp_path / "za", as_zip=True)
    zip_b = export_articles(store, ids, tmp_path / "zb", as_zip=True)
    for one, two in zip(zip_a, zip_b, strict=True):
        assert one.read_bytes() == two.read_bytes()
    # Exporting over an existing bundle replaces it with the same bytes.
    again = export_articles(store, ids, tmp_path / "a")
    assert [tree(p) for p in again] == [tree(p) for p in second]


@pytest.mark.parametrize("as_zip", [False, True])
def test_import_of_an_export_is_the_same_article(
    store: Store, published: dict[str, Article], tmp_path: Path, as_zip: bool
) -> None:
    exported = export_articles(
        store, [a.id for a in published.values()], tmp_path / "out", as_zip=as_zip
    )
    with Store.open(tmp_path / "other.sqlite") as other:
        configure_desk(other)
        for path in exported:
            [copy] = import_path(other, path, author="測試者")
            original = store.get_article(copy.id)
            assert copy.content() == original.content()
            assert (copy.created, copy.updated) == (original.created, original.updated)
        again = export_articles(
            other, [a.id for a in published.values()], tmp_path / "again", as_zip=as_zip
        )
    for one, two in zip(exported, again, strict=True):
        if as_zip:
            assert one.read_bytes() == two.read_bytes()
        else:
            assert tree(one) == tree(two)


def test_a_folder_of_bundles_imports_every_one(
    store: Store, published: dict[str, Article], tmp_path: Path
) -> None:
    export_articles(store, [a.id for a in published.values()], tmp_path / "out")
    with Store.open(tmp_path / "other.sqlite") as other:
        assert len(import_path(other, tmp_path / "out", author="測試者")) == 2


def _zip(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for info, data in entries:
            zf.writestr(info, data)
    return path


def test_zip_slip_is_refused(store: Store, tmp_path: Path) -> None:
    evil = _zip(
        tmp_path / "evil.zip",
        [("b/article.md", b"---\ntitle: t\n---\n"), ("../../escaped.txt", b"gotcha")],
    )
    with pytest.raises(InputError, match="zip-slip"):
        import_path(store, evil, author="測試者")
    assert not (tmp_path.parent / "escaped.txt").exists()
    assert store.count_articles() == 0


def test_absolute_and_backslash_paths_are_refused(store: Store, tmp_path: Path) -> None:
    for name in ("/etc/cron.d/x", "..\\..\\x.txt", "C:/x.txt"):
        evil = _zip(tmp_path / "evil.zip", [(name, b"x")])
        with pytest.raises(InputError, match="outside the bundle"):
            import_path(store, evil, author="測試者")


def test_symlink_entries_are_refused(store: Store, tmp_path: Path) -> None:
    link = zipfile.ZipInfo("b/media/source/x.jpg")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    evil = _zip(
        tmp_path / "link.zip", [("b/article.md", b"---\ntitle: t\n---\n"), (link, b"/etc/passwd")]
    )
    with pytest.raises(InputError, match="symbolic link"):
        import_path(store, evil, author="測試者")


def test_oversized_entries_are_refused(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle, "MAX_ZIP_MEMBER", 1000)
    big = _zip(tmp_path / "big.zip", [("b/article.md", b"---\ntitle: t\n---\n" + b"x" * 5000)])
    with pytest.raises(InputError, match="too large"):
        import_path(store, big, author="測試者")


def test_symlinked_image_in_a_bundle_folder_is_refused(
    store: Store, published: dict[str, Article], tmp_path: Path
) -> None:
    [path] = export_articles(store, [published["library-night"].id], tmp_path / "out")
    image = path / "media" / "source" / "reading-room.jpg"
    image.unlink()
    os.symlink("/etc/hostname", image)
    with (
        Store.open(tmp_path / "other.sqlite") as other,
        pytest.raises(InputError, match="points outside|not a file"),
    ):
        import_path(other, path, author="測試者")


def test_not_a_zip_or_bundle(store: Store, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no article.md"):
        import_path(store, tmp_path / "empty", author="測試者")
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(InputError):
        import_path(store, broken, author="測試者")


def test_cli_batch_export_by_status(
    capsys: pytest.CaptureFixture[str],
    store_path: Path,
    published: dict[str, Article],
    store: Store,
    tmp_path: Path,
) -> None:
    move_to(store, published["library-night"].id, "approved")
    for a in published.values():
        if a.slug == "kaohsiung-typhoon-drill":
            move_to(store, a.id, "approved")
    code = main(
        [
            "--store",
            str(store_path),
            "export",
            "--status",
            "approved",
            "--out",
            str(tmp_path / "web"),
            "--zip",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0
    assert sorted(Path(p).name for p in out.split()) == [
        "kaohsiung-typhoon-drill.zip",
        "library-midnight-pilot.zip",
    ]
    assert "[1/2]" in err and "[2/2]" in err
    code = main(["--store", str(store_path), "export", "--out", str(tmp_path / "web")])
    assert code == 2
