"""Desk-wide settings (publication, editor's picks, house rules), validated on every write."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

from app.core.errors import InputError, StoreError
from app.core.ids import record_uid
from app.core.jsondata import load_json
from app.core.model import DeskSettings, RelatedLink
from app.core.values import is_web_url
from app.store.changes import Changes
from app.store.clock import now_iso
from app.store.transactions import Transactions

PUNCTUATION = ("as-written", "full-width")
LANGUAGES = ("zh-Hant", "en")  # what the window offers as the desk's default
CJK_LATIN_SPACE = ("any", "space", "no-space")
MAX_SETTING = 1024 * 1024  # one setting's value as JSON (a list of editor's picks is the largest)
PICK_FIELDS = tuple(f.name for f in dataclasses.fields(RelatedLink))


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
        if not isinstance(pick, RelatedLink):
            raise InputError('must be a link {"url": …, "title": …}', field=f"editors_picks[{n}]")
        _check_pick_types(dataclasses.asdict(pick), f"editors_picks[{n}]")
        if pick.url and not is_web_url(pick.url):
            raise InputError(f"'{pick.url}' is not a web address", field=f"editors_picks[{n}]")
    if not isinstance(settings.editors, list) or not all(
        isinstance(n, str) and n.strip() and n == n.strip() for n in settings.editors
    ):
        raise InputError("give the editors' names, e.g. 王編輯, 李主編", field="editors")
    if len(set(settings.editors)) != len(settings.editors):
        raise InputError("a name is listed twice", field="editors")
    words = settings.spelling_words
    if not isinstance(words, list) or not all(
        isinstance(w, str) and w.strip() and w == w.strip() and "\n" not in w for w in words
    ):
        raise InputError("give the desk's words, e.g. Kaohsiung, Galley", field="spelling_words")
    if len(set(words)) != len(words):
        raise InputError("a word is listed twice", field="spelling_words")


def _check_pick_types(item: dict[str, Any], where: str) -> None:
    for name, value in item.items():
        if name not in PICK_FIELDS:
            raise InputError(
                f"has no field '{name}' (a link has {', '.join(PICK_FIELDS)})", field=where
            )
        if not isinstance(value, str) and not (name == "article_id" and value is None):
            shown = json.dumps(value, ensure_ascii=False)
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            raise InputError(f"must be text, not {shown}", field=f"{where}.{name}")


def check_picks(items: Any, key: str = "editors_picks") -> list[dict[str, Any]]:
    """A JSON list of editor's picks, each an object of text fields (``article_id`` may be
    null), as typed after ``galley desk set editors_picks`` or read from the store."""
    if not isinstance(items, list):
        raise InputError('give a JSON list of links ({"url": …, "title": …})', field=key)
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise InputError('must be a link {"url": …, "title": …}', field=f"{key}[{n}]")
        _check_pick_types(item, f"{key}[{n}]")
    return items


# Every desk setting can be set from the command line (``galley desk set``).
SETTABLE = tuple(f.name for f in dataclasses.fields(DeskSettings))
_DEFAULTS = DeskSettings().to_dict()


def _typed(key: str, value: Any) -> Any:
    """A stored setting's value if it has its setting's type (what the store could hold
    was written by any Galley, or by hand); else an InputError naming it."""
    if key == "editors_picks":
        return check_picks(value, key)
    default = _DEFAULTS[key]
    if isinstance(value, bool) or type(value) is not type(default):
        kinds = {str: "text", int: "a whole number", list: "a list", dict: "a JSON object"}
        raise InputError(f"must be {kinds.get(type(default), type(default).__name__)}", field=key)
    if isinstance(value, dict) and not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InputError("holds something other than text", field=key)
    if isinstance(value, list) and not all(isinstance(v, str) for v in value):
        raise InputError("holds something other than text", field=key)
    return value


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
            items = load_json(value, limit=MAX_SETTING, field=key)
        except InputError as exc:
            raise InputError(
                f'give a JSON list of links ({{"url": …, "title": …}}): the value {exc.message}',
                field=key,
            ) from None
        parsed = [RelatedLink(**{**item, "kind": "related"}) for item in check_picks(items, key)]
    elif key in ("editors", "spelling_words"):
        parsed = _names(value, key)
    elif key in ("author_urls", "organization_bylines"):
        want = dict if key == "author_urls" else list
        example = '{"王小明": "https://…/authors/wang"}' if want is dict else '["報呱編輯部"]'
        try:
            parsed = load_json(value, limit=MAX_SETTING, field=key)
        except InputError as exc:
            raise InputError(
                f"give JSON such as {example}: the value {exc.message}", field=key
            ) from None
        if not isinstance(parsed, want):
            raise InputError(f"give JSON such as {example}", field=key)
    changed = dataclasses.replace(settings, **{key: parsed})
    validate_desk(changed)
    return changed


def _names(value: str, key: str = "editors") -> list[str]:
    """Names (editors', or the desk's spelling words) as typed: a JSON list, or names
    separated by commas (, 、 ，). A spelling word given twice is kept once."""
    text = value.strip()
    example = '["王編輯"]' if key == "editors" else '["Kaohsiung", "Galley"]'
    if text.startswith("["):
        try:
            names = load_json(text, limit=MAX_SETTING, field=key)
        except InputError as exc:
            raise InputError(
                f"give a JSON list of names: the value {exc.message}", field=key
            ) from None
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise InputError(f"give a JSON list of names, e.g. {example}", field=key)
        listed = [n.strip() for n in names if n.strip()]
    else:
        listed = [n.strip() for n in re.split(r"[,、，]", text) if n.strip()]
    return listed if key == "editors" else list(dict.fromkeys(listed))


@dataclasses.dataclass(frozen=True)
class EditorList:
    """One version of the desk's list of editors: from ``changed_at`` on, until the next."""

    uid: str
    changed_at: str
    changed_by: str
    names: tuple[str, ...]


class Desk:
    """The desk settings, each with when and by whom it was last set, and every version of
    the list of the desk's editors (a desk sync unites both: ``export`` / ``unite``)."""

    def __init__(self, tx: Transactions) -> None:
        self.tx = tx
        self.db = tx.db

    def get(self) -> DeskSettings:
        """The desk settings; a stored value that is damaged (not JSON, nested past any
        real one, of the wrong type: a store written by hand or by a broken Galley) is a
        StoreError naming it and how to mend it."""
        settings, damaged = self.read()
        if damaged:
            key, why = next(iter(damaged.items()))
            raise StoreError(
                f"the store's desk setting '{key}' is damaged ({why}); set it again: "
                f"galley desk set {key} VALUE"
            )
        return settings

    def read(self) -> tuple[DeskSettings, dict[str, str]]:
        """The desk settings with each damaged value replaced by its default, and what was
        wrong with each damaged one (by key, in the settings' order): what ``galley desk
        set`` starts from, so that a damaged store can be mended."""
        data: dict[str, Any] = {}
        damaged: dict[str, str] = {}
        for key, text in self.db.execute("SELECT key, value FROM desk WHERE key != 'editors'"):
            if key not in SETTABLE:
                continue  # a setting of a newer Galley: kept, not read
            try:
                value = load_json(text, limit=MAX_SETTING, field=key)
                data[key] = _typed(key, value)
            except InputError as exc:
                damaged[key] = exc.describe().removeprefix(f"field '{key}': ")
        try:
            lists = self.editor_lists()
            data["editors"] = list(lists[-1].names) if lists else []
        except InputError as exc:
            damaged["editors"] = exc.describe().removeprefix("field 'editors': ")
        order = {key: n for n, key in enumerate(SETTABLE)}
        return DeskSettings.from_dict(data), dict(
            sorted(damaged.items(), key=lambda i: order[i[0]])
        )

    def save(self, settings: DeskSettings, *, by: str) -> None:
        """Store ``settings``: each changed setting is stamped with now and ``by``; a changed
        list of editors becomes its next version."""
        validate_desk(settings)
        if not by.strip():
            raise InputError("a desk setting needs the name of who sets it", field="who")
        stamp = now_iso()
        with self.tx.write() as db:
            before, damaged = self.read()  # a damaged setting is written anew, mended
            for key, value in settings.to_dict().items():
                if key == "editors" or (
                    key not in damaged and getattr(before, key) == getattr(settings, key)
                ):
                    continue
                db.execute(
                    "INSERT INTO desk (key, value, changed_at, changed_by) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                    " changed_at = excluded.changed_at, changed_by = excluded.changed_by",
                    [key, json.dumps(value, ensure_ascii=False), stamp, by.strip()],
                )
            if settings.editors != before.editors or "editors" in damaged:
                db.execute(
                    "INSERT INTO desk_editors (uid, changed_at, changed_by, names)"
                    " VALUES (?, ?, ?, ?)",
                    [record_uid(), stamp, by.strip(), _list_json(settings.editors)],
                )
            self.tx.record(Changes(desk=True))

    # -- the desk's editors over time --------------------------------------------------------
    def editor_lists(self) -> list[EditorList]:
        """Every version of the list, oldest first (a handful: read whole each time)."""
        rows = self.db.execute(
            "SELECT uid, changed_at, changed_by, names FROM desk_editors ORDER BY changed_at, uid"
        ).fetchall()
        return [EditorList(u, a, b, tuple(_stored_names(n))) for u, a, b, n in rows]

    def editors_at(self, at: str) -> frozenset[str] | None:
        """Who the desk listed as its editors at ``at`` (None: no list then, or an empty
        one; an editor's role is then enough)."""
        names: tuple[str, ...] = ()
        for version in self.editor_lists():
            if version.changed_at > at:
                break
            names = version.names
        return frozenset(names) if names else None

    # -- travelling with the desk -----------------------------------------------------------
    def export(self) -> dict[str, Any]:
        """The settings as a desk carries them, in one canonical order (the same settings
        give the same bytes on every laptop): each with when and by whom it was set, and
        every version of the list of editors."""
        self.get()  # a damaged setting stops here, named, before the desk would carry it
        rows = self.db.execute(
            "SELECT key, value, changed_at, changed_by FROM desk WHERE key != 'editors'"
            " ORDER BY key"
        ).fetchall()
        return {
            "settings": {
                k: {"value": load_json(v, limit=MAX_SETTING, field=k), "changed_at": a,
                    "changed_by": b}
                for k, v, a, b in rows
                if k in SETTABLE
            },
            "editors": [
                {"uid": e.uid, "changed_at": e.changed_at, "changed_by": e.changed_by,
                 "names": list(e.names)}
                for e in self.editor_lists()
            ],
        }  # fmt: skip

    def unite(self, data: Any, *, file: str) -> tuple[bool, str | None]:
        """Take in a desk's settings: a setting the desk set later than this store wins (ties
        go the same way everywhere), versions of the editors' list are united. The result is
        validated like any desk write; a bad file changes nothing. Returns whether anything
        changed, and the time of the earliest new list of editors (the statuses decided
        since then are settled again under it), or None."""
        settings, lists = _checked_export(data, file)
        self.get()  # a damaged setting of this store stops here, named
        stamp_of = {
            r[0]: (r[2], r[3], r[1])
            for r in self.db.execute("SELECT key, value, changed_at, changed_by FROM desk")
        }
        taken: dict[str, tuple[str, str, str]] = {}
        for key, entry in settings.items():
            theirs = (entry["changed_at"], entry["changed_by"], _canonical(entry["value"]))
            ours = stamp_of.get(key, ("", "", ""))
            mine = _canonical(load_json(ours[2], limit=MAX_SETTING, field=key)) if ours[2] else ""
            if theirs > (ours[0], ours[1], mine):
                taken[key] = theirs
        merged = self.get().to_dict()
        for key in taken:
            merged[key] = settings[key]["value"]
        try:
            for key in taken:  # each of the type its setting has, before it is built
                _typed(key, merged[key])
            candidate = DeskSettings.from_dict(merged)
            validate_desk(candidate)
        except (InputError, TypeError, ValueError) as exc:
            reason = exc.message if isinstance(exc, InputError) else str(exc)
            raise InputError(f"the desk's settings cannot be used: {reason}", file=file) from None
        known = {e.uid for e in self.editor_lists()}
        new_lists = [e for e in lists if e["uid"] not in known]
        if not taken and not new_lists:
            return False, None
        with self.tx.write() as db:
            for key, (at, by, value) in taken.items():
                db.execute(
                    "INSERT INTO desk (key, value, changed_at, changed_by) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                    " changed_at = excluded.changed_at, changed_by = excluded.changed_by",
                    [key, value, at, by],
                )
            for e in new_lists:
                db.execute(
                    "INSERT OR IGNORE INTO desk_editors (uid, changed_at, changed_by, names)"
                    " VALUES (?, ?, ?, ?)",
                    [e["uid"], e["changed_at"], e["changed_by"], _list_json(e["names"])],
                )
            self.tx.record(Changes(desk=True))
        earliest = min((e["changed_at"] for e in new_lists), default=None)
        return True, earliest


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _checked_export(data: Any, file: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The shape of a desk's settings file, refused with the first bad field."""

    def fail(message: str, field: str) -> InputError:
        return InputError(message, file=file, field=field)

    if not isinstance(data, dict):
        raise fail("must be a JSON object", "(top level)")
    settings = data.get("settings", {})
    lists = data.get("editors", [])
    if not isinstance(settings, dict):
        raise fail("must be an object of settings", "settings")
    for key, entry in settings.items():
        if key not in SETTABLE or key == "editors":
            raise fail("is not a desk setting", f"settings.{key}")
        if not isinstance(entry, dict) or set(entry) != {"value", "changed_at", "changed_by"}:
            raise fail("must hold value, changed_at and changed_by", f"settings.{key}")
        if not isinstance(entry["changed_at"], str) or not isinstance(entry["changed_by"], str):
            raise fail("changed_at and changed_by must be text", f"settings.{key}")
    if not isinstance(lists, list):
        raise fail("must be a list of versions", "editors")
    for n, e in enumerate(lists, start=1):
        where = f"editors[{n}]"
        if not isinstance(e, dict) or set(e) != {"uid", "changed_at", "changed_by", "names"}:
            raise fail("must hold uid, changed_at, changed_by and names", where)
        if not all(isinstance(e[k], str) for k in ("uid", "changed_at", "changed_by")):
            raise fail("uid, changed_at and changed_by must be text", where)
        names = e["names"]
        if not isinstance(names, list) or not all(
            isinstance(x, str) and x.strip() and x == x.strip() for x in names
        ):
            raise fail("names must be a list of names", where)
    return settings, lists


def _stored_names(text: str) -> list[str]:
    names = load_json(text, limit=MAX_SETTING, field="editors")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise InputError("is not a list of names", field="editors")
    return names


def _list_json(names: list[str]) -> str:
    return json.dumps(names, ensure_ascii=False)
