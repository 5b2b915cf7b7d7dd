"""Exports compared with reviewed golden files. After an intended change, regenerate with
``GALLEY_UPDATE_GOLDEN=1 pytest tests/publish/test_golden.py`` and review the diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.model import Article
from app.exchange.bundles import export_articles
from app.store import Store

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
TEXT_FILES = ("index.html", "article.md", "article.json", "style.css")


@pytest.mark.parametrize("sample", ["typhoon-drill", "library-night"])
def test_export_matches_golden_files(
    store: Store, published: dict[str, Article], tmp_path: Path, sample: str
) -> None:
    [bundle] = export_articles(store, [published[sample].id], tmp_path / "out")
    expected_dir = GOLDEN / bundle.name
    media = sorted(
        p.relative_to(bundle).as_posix() for p in bundle.rglob("media/**/*") if p.is_file()
    )
    # Names and pixel sizes, not bytes: encoders differ between Pillow releases.
    manifest = "".join(f"{_size(bundle / m)}  {m}\n" for m in media)
    actual = {name: (bundle / name).read_text(encoding="utf-8") for name in TEXT_FILES}
    actual["media.txt"] = manifest
    if os.environ.get("GALLEY_UPDATE_GOLDEN"):
        expected_dir.mkdir(parents=True, exist_ok=True)
        for name, text in actual.items():
            (expected_dir / name).write_text(text, encoding="utf-8")
    for name, text in actual.items():
        expected = (expected_dir / name).read_text(encoding="utf-8")
        assert text == expected, f"{bundle.name}/{name} differs from tests/golden"


def _size(path: Path) -> str:
    from PIL import Image

    with Image.open(path) as img:
        return f"{img.width}x{img.height}"
