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
    import_review_bundle,
    is_review_bundle,
    read_review_bundle,
    review_files,
)
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON


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
    assert raw.startswith(b'{\n "') and raw.endswith(b"}\n")  # one space a level
    assert "颱風".encode() in raw  # UTF-8, not \\u escapes
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
    assert "is not valid JSON" in caught.value.message


def test_a_review_bundle_folder_comes_in_whole(bundle: Path, tmp_path: Path) -> None:
    sent = json.loads((bundle / REVIEW_FILE).read_text(encoding="utf-8"))
    with Store.open(tmp_path / "other.sqlite") as other:
        result = import_review_bundle(other, bundle, by="王編輯")
        assert (result.article_id, result.outcome) == (sent["article_id"], "created")
        article = other.get_article(result.article_id)
        assert [f.image for f in article.figures] == [
            f["image"]
            for f in next(r for r in sent["revisions"] if r["uid"] == sent["head"])["content"][
                "figures"
            ]
        ]
        assert all(other.images.get(f.image)[0] for f in article.figures)
        again = import_review_bundle(other, bundle, by="王編輯")
        assert again.outcome == "unchanged"


def test_a_refused_review_bundle_names_its_review_file(
    bundle: Path, store: Store, tmp_path: Path
) -> None:
    with Store.open(tmp_path / "other.sqlite") as other:
        mine = import_markdown(other, LIBRARY, author="測試者")
        note = other.review.add_note(mine.id, "my note", author="我")
        path = bundle / REVIEW_FILE
        payload = json.loads(path.read_text(encoding="utf-8"))
        payload["notes"] = [
            {
                "uid": note.uid,
                "body": "theirs",
                "author": "他",
                "created_at": "2026-01-01T00:00:00.000Z",
                "updated_at": "2999-01-01T00:00:00.000Z",
            }
        ]
        path.write_text(json.dumps(payload), encoding="utf-8")
        with pytest.raises(InputError) as caught:
            import_review_bundle(other, bundle, by="王編輯")
        assert (caught.value.file, caught.value.field) == (str(path), "notes[1].uid")
