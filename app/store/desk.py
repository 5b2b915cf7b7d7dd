"""Desk-wide settings (publication, editor's picks, house rules), validated on every write."""

from __future__ import annotations

import json

from app.core.errors import InputError
from app.core.model import DeskSettings
from app.core.values import is_web_url
from app.store.changes import Changes
from app.store.transactions import Transactions

PUNCTUATION = ("as-written", "full-width")
CJK_LATIN_SPACE = ("any", "space", "no-space")


def validate_desk(settings: DeskSettings) -> None:
    """The desk's invariants: whoever sets them (the dialog, a script, a synced desk)."""
    if settings.base_url and not is_web_url(settings.base_url):
        raise InputError(f"'{settings.base_url}' is not a web address", field="base_url")
    if not isinstance(settings.title_max, int) or not 5 <= settings.title_max <= 200:
        raise InputError("the title limit must be a number from 5 to 200", field="title_max")
    if settings.punctuation not in PUNCTUATION:
        raise InputError(f"use one of: {', '.join(PUNCTUATION)}", field="punctuation")
    if settings.cjk_latin_space not in CJK_LATIN_SPACE:
        raise InputError(f"use one of: {', '.join(CJK_LATIN_SPACE)}", field="cjk_latin_space")
    for n, pick in enumerate(settings.editors_picks, start=1):
        if pick.url and not is_web_url(pick.url):
            raise InputError(f"'{pick.url}' is not a web address", field=f"editors_picks[{n}]")


class Desk:
    def __init__(self, tx: Transactions) -> None:
        self.tx = tx
        self.db = tx.db

    def get(self) -> DeskSettings:
        data = {r["key"]: json.loads(r["value"]) for r in self.db.query("SELECT * FROM desk")}
        return DeskSettings.from_dict(data)

    def save(self, settings: DeskSettings) -> None:
        validate_desk(settings)
        with self.tx.write() as db:
            for key, value in settings.to_dict().items():
                db.execute(
                    "INSERT INTO desk (key, value) VALUES (?, ?) ON CONFLICT (key) "
                    "DO UPDATE SET value = excluded.value",
                    [key, json.dumps(value, ensure_ascii=False)],
                )
            self.tx.record(Changes(desk=True))
