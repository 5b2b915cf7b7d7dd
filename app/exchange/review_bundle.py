"""Review bundles: the web bundle plus the article's history, notes and status record.

``review.json`` holds the revisions (with their ids), notes and status changes;
``review/images/SHA`` every image any revision uses. Web bundles never carry these.
Reading one only gathers its files; the store's merge checks and writes them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.core.errors import InputError
from app.core.jsondata import load_json
from app.store.merge import ReviewImport
from app.store.review_payload import check_payload, images_of
from app.store.store import Store

REVIEW_FILE = "review.json"
IMAGE_DIR = "review/images"
MAX_REVIEW_JSON = 256 * 1024 * 1024


def review_files(store: Store, ref: str) -> dict[str, bytes]:
    payload = store.merge.payload(ref)
    files = {REVIEW_FILE: (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode()}
    for sha in sorted(images_of(payload)):
        data, _mime = store.images.get(sha)
        files[f"{IMAGE_DIR}/{sha}"] = data
    return files


def is_review_bundle(folder: Path) -> bool:
    return (folder / REVIEW_FILE).is_file()


def read_review_bundle(folder: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The payload of a review bundle folder and the raw bytes of its images, checked for
    shape (nothing is written here)."""
    path = folder / REVIEW_FILE
    if path.stat().st_size > MAX_REVIEW_JSON:
        raise InputError("is too large to be a review file", file=str(path))
    payload = load_json(
        path.read_bytes(), limit=MAX_REVIEW_JSON, file=str(path), what="a review file"
    )
    check_payload(payload, str(path))
    images: dict[str, bytes] = {}
    for sha in sorted(images_of(payload)):
        image = folder / IMAGE_DIR / sha
        if image.is_file() and not image.is_symlink():
            images[sha] = image.read_bytes()
    return payload, images


def import_review_bundle(store: Store, folder: Path, *, by: str) -> ReviewImport:
    """Bring a review bundle folder into the store (all or nothing); ``by``: who does."""
    payload, images = read_review_bundle(folder)
    return store.merge.apply(payload, by=by, file=str(folder / REVIEW_FILE), images=images)
