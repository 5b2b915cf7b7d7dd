"""The store's timestamps: UTC, milliseconds, ``Z``: sortable as text and equal everywhere."""

from __future__ import annotations

from datetime import UTC, datetime


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
