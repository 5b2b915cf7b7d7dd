"""Revision and status-record uids are time-ordered UUIDs (``app.core.ids``): valid RFC 9562
version 7, sorted as they were made, and what every path that writes such a record uses (a
random UUID there scatters an import's writes over the index keyed by it). Article ids and
note uids, whose first 8 characters people type, stay random."""

from __future__ import annotations

import uuid
from pathlib import Path

from app.core.ids import record_uid, uuid7
from app.exchange.bundles import import_paths
from app.store import Store


def test_a_version_7_uuid_has_its_time_first_and_the_rfc_bits() -> None:
    at = 1_764_460_800_123_456_789  # 2025-11-30 00:00:00.123456789 UTC
    made = uuid7(at)
    assert made.version == 7 and made.variant == uuid.RFC_4122
    assert made.int >> 80 == at // 1_000_000
    assert uuid.UUID(str(made)) == made
    assert len({uuid7(at) for _ in range(1000)}) == 1000  # the same millisecond: still unique


def test_keys_made_later_sort_later_as_text() -> None:
    ids = [str(uuid7(ms * 1_000_000)) for ms in (1, 2, 255, 256, 1 << 40, (1 << 48) - 1)]
    assert ids == sorted(ids)
    assert uuid7(5 << 20).hex < uuid7(6 << 20).hex


def _version(value: str) -> int | None:
    return uuid.UUID(value).version


def test_every_record_uid_the_store_makes_is_time_ordered(store: Store, tmp_path: Path) -> None:
    article = store.new_article("颱風整備", body="抽水站。", author="測試者")
    store.review.change_status(article.id, "in_review", who="editor", role="editor")
    note = store.review.add_note(article.id, "請補上來源", author="editor")
    (tmp_path / "a.md").write_text(
        "---\ntitle: 匯入的稿\nstatus: published\n---\n\n內文。\n", encoding="utf-8"
    )
    [imported] = import_paths(store, [tmp_path / "a.md"], author="測試者", archive_role="editor")
    revisions = [r["uid"] for r in store._db.query("SELECT uid FROM revisions")]
    statuses = [r["uid"] for r in store._db.query("SELECT uid FROM status_changes")]
    # A status move writes no revision; the archive import's status is recorded too.
    assert len(revisions) == 2 and len(statuses) == 2
    uids = revisions + statuses
    assert all(_version(uid) == 7 for uid in uids) and _version(record_uid()) == 7
    # What people type a prefix of stays random.
    assert {_version(article.id), _version(imported.id), _version(note.uid)} == {4}
