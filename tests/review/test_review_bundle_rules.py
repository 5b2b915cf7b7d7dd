"""Reading a review bundle folder: its size limit, which image files it takes, and what the
files of one hold (found by mutation testing: docs/testing.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import app.exchange.review_bundle as review_bundle
from app.core.errors import InputError
from app.exchange.markdown import import_markdown
from app.exchange.review_bundle import (
    IMAGE_DIR,
    REVIEW_FILE,
    is_review_bundle,
    read_review_bundle,
    review_files,
)
from app.store import Store
from tests.conftest import TYPHOON


@pytest.fixture
def bundle(store: Store, tmp_path: Path) -> Path:
    """The typhoon sample's review files, written out as a folder."""
    article = import_markdown(store, TYPHOON, author="林記者")
    folder = tmp_path / "bundle"
    for name, data in review_files(store, article.id).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def test_the_files_are_the_payload_and_every_image_by_its_hash(bundle: Path, store: Store) -> None:
    raw = (bundle / REVIEW_FILE).read_bytes()
    assert raw.endswith(b"}\n") and "颱風".encode() in raw  # UTF-8, not \\u escapes
    payload = json.loads(raw)
    images = sorted(p.name for p in (bundle / IMAGE_DIR).iterdir())
    assert images and all(len(name) == 64 for name in images)
    assert is_review_bundle(bundle) and not is_review_bundle(bundle / IMAGE_DIR)
    read, taken = read_review_bundle(bundle)
    assert read == payload
    assert sorted(taken) == images
    assert all(taken[sha] == store.images.get(sha)[0] for sha in images)


def test_a_missing_or_symlinked_image_is_left_out(bundle: Path, tmp_path: Path) -> None:
    first, second = sorted((bundle / IMAGE_DIR).iterdir())[:2]
    first.unlink()
    outside = tmp_path / "outside"
    outside.write_bytes(second.read_bytes())
    second.unlink()
    second.symlink_to(outside)
    _payload, taken = read_review_bundle(bundle)
    assert first.name not in taken and second.name not in taken


def test_a_review_file_over_the_limit_is_refused_by_name(
    bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = bundle / REVIEW_FILE
    size = path.stat().st_size
    monkeypatch.setattr(review_bundle, "MAX_REVIEW_JSON", size)  # exactly at the limit: fine
    read_review_bundle(bundle)
    monkeypatch.setattr(review_bundle, "MAX_REVIEW_JSON", size - 1)
    with pytest.raises(InputError) as caught:
        read_review_bundle(bundle)
    assert str(caught.value) == f"{path}: is too large to be a review file"


def test_a_review_file_that_is_not_json_is_named(bundle: Path) -> None:
    path = bundle / REVIEW_FILE
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_review_bundle(bundle)
    assert caught.value.file == str(path)
