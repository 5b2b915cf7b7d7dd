"""Uids for the records a save writes by the thousand: time-ordered UUIDs.

A random (version 4) UUID puts each new key on a random page of the index keyed by it; in a
million-article store those pages are spread over gigabytes, so an import of 1,000 articles
dirtied ~1,200 scattered pages in each of the revisions' and the status records' uid
indexes. A version 7 UUID (RFC 9562) starts with the time in milliseconds: new keys go to
the end of the index, where the previous ones are. It is as unique (74 random bits) and
parses as any UUID. Python 3.14's ``uuid.uuid7`` makes the same layout.

Article ids and note uids stay random: people type their first 8 characters (``galley show
1f3a9c2e``), and version 7 uids made within the same minute share those.
"""

from __future__ import annotations

import os
import time
import uuid

_MILLISECONDS = (1 << 48) - 1


def uuid7(now_ns: int | None = None) -> uuid.UUID:
    """Version 7: 48 bits of Unix time in ms, version 7, 12 random bits, variant 10, 62
    random bits."""
    ms = (time.time_ns() if now_ns is None else now_ns) // 1_000_000 & _MILLISECONDS
    rand = int.from_bytes(os.urandom(10), "big")
    rand_a, rand_b = rand >> 68 & 0xFFF, rand & ((1 << 62) - 1)
    return uuid.UUID(int=ms << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b)


_last = [0]


def record_uid() -> str:
    """A revision's or status record's uid (32 hex digits), never typed by anyone.

    Increasing within a process even for records made in the same millisecond: status moves
    are replayed in (time, uid) order, so two moves made in one millisecond keep theirs."""
    value = uuid7().int
    if value <= _last[0]:
        value = _last[0] + 1
    _last[0] = value
    return f"{value:032x}"
