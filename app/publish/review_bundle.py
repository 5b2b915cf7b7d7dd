"""Review bundles: the web bundle plus the article's history, notes and status record.

``review.json`` holds the revisions (with their ids), notes and status changes;
``review/images/SHA`` every image any revision uses. Web bundles never carry these.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from app.core.errors import InputError
from app.store.exchange import ReviewImport, apply_review, images_of, review_payload
from app.store.images import clean_image
from app.store.store import Store

REVIEW_FILE = "review.json"
IMAGE_DIR = "review/images"
MAX_REVIEW_JSON = 256 * 1024 * 1024


def review_files(store: Store, ref: str) -> dict[str, bytes]:
    payload = review_payload(store, ref)
    files = {REVIEW_FILE: (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode()}
    for sha in sorted(images_of(payload)):
        data, _mime = store.get_image(sha)
        files[f"{IMAGE_DIR}/{sha}"] = data
    return files


def is_review_bundle(folder: Path) -> bool:
    return (folder / REVIEW_FILE).is_file()


def import_review_bundle(store: Store, folder: Path) -> ReviewImport:
    """Bring a review bundle folder into the store (all or nothing)."""
    path = folder / REVIEW_FILE
    if path.stat().st_size > MAX_REVIEW_JSON:
        raise InputError("is too large to be a review file", file=str(path))
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"is not valid JSON ({exc})", file=str(path)) from None
    needed = images_of(payload) if isinstance(payload, dict) and "revisions" in payload else set()
    images: list[tuple[str, bytes]] = []
    for sha in sorted(needed):
        image = folder / IMAGE_DIR / sha
        if not image.is_file() or image.is_symlink():
            raise InputError(f"image {sha[:12]}… is missing", file=str(folder / IMAGE_DIR))
        data = clean_image(image.read_bytes(), name=str(image))
        if hashlib.sha256(data).hexdigest() != sha:
            raise InputError("does not match its name (damaged or not cleaned)", file=str(image))
        images.append((sha, data))
    for sha, data in images:  # content-addressed: harmless if the import below is refused
        store.put_image(data, name=sha)
    return apply_review(store, payload, file=str(path))
