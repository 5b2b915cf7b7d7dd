"""Desk-wide settings (publication, editor's picks, house rules), validated on every write."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from app.core.errors import InputError
from app.core.model import DeskSettings
from app.core.values import is_web_url
from app.store.changes import Changes
from app.store.transactions import Transactions

PUNCTUATION = ("as-written", "full-width")
LANGUAGES = ("zh-Hant", "en")  # what the window offers as the desk's default
CJK_LATIN_SPACE = ("any", "space", "no-space")


def validate_desk(settings: DeskSettings) -> None:
    """The desk's invariants: whoever sets them (the dialog, a script, a synced desk)."""
    if settings.base_url and not is_web_url(settings.base_url):
        raise InputError(f"'{settings.base_url}' is not a web address", field="base_url")
    if settings.logo_url and not is_web_url(settings.logo_url):
        raise InputError(f"'{settings.logo_url}' is not a web address", field="logo_url")
    if not isinstance(settings.author_urls, dict):
        raise InputError('give a JSON object {"name": "https://…"}', field="author_urls")
    for name, url in settings.author_urls.items():
        if not isinstance(name, str) or not name.strip():
            raise InputError("an author's name must not be empty", field="author_urls")
        if not isinstance(url, str) or not is_web_url(url):
            raise InputError(f"'{url}' ({name}) is not a web address", field="author_urls")
    if not isinstance(settings.organization_bylines, list) or not all(
        isinstance(n, str) and n.strip() for n in settings.organization_bylines
    ):
        raise InputError("give a JSON list of names", field="organization_bylines")
    if settings.default_language not in LANGUAGES:
        raise InputError(f"use one of: {', '.join(LANGUAGES)}", field="default_language")
    if not isinstance(settings.title_max, int) or not 5 <= settings.title_max <= 200:
        raise InputError("the title limit must be a number from 5 to 200", field="title_max")
    if settings.punctuation not in PUNCTUATION:
        raise InputError(f"use one of: {', '.join(PUNCTUATION)}", field="punctuation")
    if settings.cjk_latin_space not in CJK_LATIN_SPACE:
        raise InputError(f"use one of: {', '.join(CJK_LATIN_SPACE)}", field="cjk_latin_space")
    for n, pick in enumerate(settings.editors_picks, start=1):
        if pick.url and not is_web_url(pick.url):
            raise InputError(f"'{pick.url}' is not a web address", field=f"editors_picks[{n}]")


# Every desk setting can be set from the command line (``galley desk set``).
SETTABLE = tuple(f.name for f in dataclasses.fields(DeskSettings))


def with_setting(settings: DeskSettings, key: str, value: str) -> DeskSettings:
    """``settings`` with ``key`` set from its text form (as typed on a command line):
    numbers for ``title_max``, a JSON list of links for ``editors_picks``. The result is
    validated like every desk write."""

    from app.core.model import RelatedLink

    if key not in SETTABLE:
        raise InputError(f"unknown desk setting (known: {', '.join(SETTABLE)})", field=key)
    parsed: Any = value.strip()
    if key == "title_max":
        try:
            parsed = int(value)
        except ValueError:
            raise InputError(f"'{value}' is not a whole number", field=key) from None
    elif key == "editors_picks":
        try:
            items = json.loads(value)
            if not isinstance(items, list):
                raise TypeError("not a list")
            parsed = [RelatedLink(**{**item, "kind": "related"}) for item in items]
        except (ValueError, TypeError) as exc:
            raise InputError(
                f'give a JSON list of links ({{"url": …, "title": …}}): {exc}', field=key
            ) from None
    elif key in ("author_urls", "organization_bylines"):
        want = dict if key == "author_urls" else list
        example = '{"王小明": "https://…/authors/wang"}' if want is dict else '["報呱編輯部"]'
        try:
            parsed = json.loads(value)
        except ValueError as exc:
            raise InputError(f"give JSON such as {example}: {exc}", field=key) from None
        if not isinstance(parsed, want):
            raise InputError(f"give JSON such as {example}", field=key)
    changed = dataclasses.replace(settings, **{key: parsed})
    validate_desk(changed)
    return changed


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
