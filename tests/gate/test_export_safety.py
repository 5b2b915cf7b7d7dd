"""Exports write only inside --out, never delete what they did not write, never stop half-way,
and write exactly the article's figures, in order, however many there are."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from app.cli import main
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON


def run(store_path: Path, *args: str) -> int:
    return main(["--store", str(store_path), *args])


def test_export_never_replaces_a_folder_it_did_not_write(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(store_path) as store:
        article = import_markdown(store, TYPHOON, author="測試者")
    out = tmp_path / "site"
    theirs = out / article.slug
    theirs.mkdir(parents=True)
    (theirs / "notes.txt").write_text("someone's work", encoding="utf-8")
    code = run(store_path, "export", article.id, "--out", str(out))
    err = capsys.readouterr().err
    assert code == 8 and str(theirs) in err and "not a Galley bundle" in err
    assert (theirs / "notes.txt").read_text(encoding="utf-8") == "someone's work"
    assert sorted(p.name for p in out.iterdir()) == [article.slug]  # nothing else was left


def test_export_replaces_its_own_bundle_of_the_same_article_only(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(store_path) as store:
        zh = import_markdown(store, TYPHOON, author="測試者")
        en = import_markdown(store, LIBRARY, author="測試者")
    out = tmp_path / "site"
    assert run(store_path, "export", zh.id, "--out", str(out)) == 0
    assert run(store_path, "export", zh.id, "--out", str(out)) == 0  # its own: replaced
    # Another article's bundle sitting where this one would go is not ours to delete.
    (out / zh.slug).rename(out / en.slug)
    capsys.readouterr()
    assert run(store_path, "export", en.id, "--out", str(out)) == 8
    assert "another article's bundle" in capsys.readouterr().err
    assert (out / en.slug / "index.html").is_file()


def test_an_export_with_one_bad_article_writes_nothing(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A draft may be saved mid-sentence with an open ::: block; export checks every
    article first, so --status never stops half-way with some bundles written."""
    with Store.open(store_path) as store:
        good = import_markdown(store, LIBRARY, author="測試者")
        bad = import_markdown(store, TYPHOON, author="測試者")
        draft = store.get_article(bad.id)
        draft.body += "\n::: further-reading\n- 還沒寫完\n"
        store.save_article(draft, author="測試者")
    out = tmp_path / "site"
    code = run(store_path, "export", "--status", "draft", "--out", str(out))
    err = capsys.readouterr().err
    assert code == 2 and f"{bad.slug}:19: field 'body'" in err and "never closed" in err
    assert not out.exists() or not any(out.iterdir())
    assert good.slug  # the good one was not written either: all or nothing


def test_eleven_and_more_figures_export_in_order(store_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    (folder / "images").mkdir(parents=True)
    figures, placed = [], []
    for n in range(1, 14):
        img = Image.new("RGB", (40 + n, 30), (n * 15, 80, 120))
        buffer = io.BytesIO()
        img.save(buffer, "PNG")
        (folder / "images" / f"f{n}.png").write_bytes(buffer.getvalue())
        figures.append(f"  - key: f{n}\n    image: images/f{n}.png\n    caption: 圖說{n}\n")
        placed.append(f"第{n}段。\n\n![[f{n}]]\n")
    (folder / "article.md").write_text(
        "---\ntitle: 十三張圖\nfigures:\n" + "".join(figures) + "---\n\n" + "\n".join(placed),
        encoding="utf-8",
    )
    with Store.open(store_path) as store:
        article = import_markdown(store, folder / "article.md", author="測試者")
    assert run(store_path, "export", article.id, "--out", str(tmp_path / "out")) == 0
    page = (tmp_path / "out" / article.slug / "index.html").read_text(encoding="utf-8")
    order = [page.index(f"圖說{n}<") for n in range(1, 14)]
    assert order == sorted(order)
    assert "GALLEYBLOCK" not in page
    for n in range(1, 14):
        assert page.count(f"圖說{n}<") == 1
        assert f"media/f{n}-" in page


def test_a_zip_export_does_not_depend_on_the_clock(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(store_path) as store:
        article = import_markdown(store, LIBRARY, author="測試者")
    assert run(store_path, "export", article.id, "--zip", "--out", str(tmp_path / "a")) == 0
    with zipfile.ZipFile(tmp_path / "a" / f"{article.slug}.zip") as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
