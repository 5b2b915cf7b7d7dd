"""The record of backups restored into this store: who restored which file, when.

A restore replaces the store's content wholesale, beneath every other record; this one is
written right after, so the store itself says that its history was put back (a desk sync
reads it to send and take everything again, ``app.exchange.desk_sync``).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.store.changes import Changes
from app.store.clock import now_iso
from app.store.transactions import Transactions


@dataclass(frozen=True)
class Restore:
    at: str
    who: str
    source: str
    articles: int


class Restores:
    def __init__(self, tx: Transactions) -> None:
        self.tx = tx

    def record(self, *, who: str, source: str, articles: int) -> Restore:
        if not who.strip():
            from app.core.errors import InputError

            raise InputError("a restore needs the name of who makes it", field="who")
        done = Restore(now_iso(), who.strip(), source, articles)
        with self.tx.write() as db:
            db.execute(
                "INSERT INTO restores (at, who, source, articles) VALUES (?, ?, ?, ?)",
                [done.at, done.who, done.source, done.articles],
            )
            self.tx.record(Changes(desk=True))
        return done

    def all(self) -> list[Restore]:
        rows = self.tx.db.execute(
            "SELECT at, who, source, articles FROM restores ORDER BY rowid"
        ).fetchall()
        return [Restore(str(a), str(w), str(s), int(n)) for a, w, s, n in rows]
