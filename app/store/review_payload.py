"""What a review payload is: its JSON Schema, the checks a payload from another laptop must
pass before anything of it is written, and reading an article out of it.

Kept apart from the merge (``app.store.merge``), which decides what the payload changes.
"""

from __future__ import annotations

import functools
import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.core.workflow import Settled

from app.core.errors import InputError
from app.core.model import Article
from app.core.validation import ARTICLE_ID_RE, validate_article

__all__ = ["FORMAT", "SCHEMA", "article_at", "check_payload", "images_of", "their_ancestors"]

FORMAT = "galley-review/1"

_TEXT = {"type": "string"}
_OPT_TEXT = {"type": ["string", "null"]}
_REVISION = {
    "type": "object",
    "required": ["uid", "parent", "created", "author", "origin", "content"],
    "properties": {
        "uid": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
        "parent": {"type": ["string", "null"]},
        "created": _TEXT,
        "author": _TEXT,
        "origin": _TEXT,
        "merged": _OPT_TEXT,
        "content": {
            "type": "object",
            # A revision's ``status`` (written by earlier versions) is read and ignored: the
            # status is what the status record comes to (``workflow.settle``).
            "required": ["slug", "title", "body"],
            "properties": {
                "slug": _TEXT,
                "title": _TEXT,
                "status": _TEXT,
                "body": _TEXT,
                "dek": _TEXT,
                "section": _TEXT,
                "language": _TEXT,
                "published": _TEXT,
                "canonical_url": _TEXT,
                "updated": _TEXT,
                "correction": _TEXT,
                "correction_date": _TEXT,
                "byline": {"type": "array", "items": _TEXT},
                "tags": {"type": "array", "items": _TEXT},
                "figures": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["key", "image"],
                        "additionalProperties": False,
                        "properties": {
                            k: _TEXT
                            for k in (
                                "key",
                                "image",
                                "caption",
                                "credit",
                                "alt",
                                "focus",
                                "creator",
                                "copyright",
                            )
                        },
                    },
                },
                "sources": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            k: _TEXT for k in ("date", "outlet", "title", "url", "note")
                        },
                    },
                },
                "related": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            **{
                                k: _TEXT
                                for k in ("kind", "url", "title", "excerpt", "author", "date")
                            },
                            "article_id": _OPT_TEXT,
                        },
                    },
                },
            },
        },
    },
}
_NOTE = {
    "type": "object",
    "required": ["uid", "body", "author", "created_at", "updated_at"],
    "properties": {
        "uid": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
        "parent_uid": _OPT_TEXT,
        "anchor_text": _TEXT,
        "anchor_index": {"type": ["integer", "null"]},
        "body": _TEXT,
        "author": _TEXT,
        "created_at": _TEXT,
        "updated_at": _TEXT,
        "resolved_at": _TEXT,
        "resolved_by": _TEXT,
    },
}
# An earlier state of a note: its history travels with it (optional: older files lack it).
_NOTE_VERSION = {
    "type": "object",
    "required": ["note_uid", "body", "author", "updated_at"],
    "properties": {
        "note_uid": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
        **{k: _TEXT for k in ("body", "author", "updated_at", "resolved_at", "resolved_by")},
    },
}
_STATUS_CHANGE = {
    "type": "object",
    "required": ["uid", "from_status", "to_status", "who", "at"],
    "properties": {
        **{
            k: _TEXT
            for k in (
                "uid",
                "from_status",
                "to_status",
                "who",
                "role",
                "at",
                "override",
                "revision",
            )
        },
    },
}
SCHEMA = {
    "type": "object",
    "required": ["format", "article_id", "head", "revisions"],
    "properties": {
        "format": {"const": FORMAT},
        "article_id": {"type": "string"},
        "created": _TEXT,
        "head": _TEXT,
        "revisions": {"type": "array", "minItems": 1, "items": _REVISION},
        "notes": {"type": "array", "items": _NOTE},
        "note_history": {"type": "array", "items": _NOTE_VERSION},
        "status_changes": {"type": "array", "items": _STATUS_CHANGE},
    },
}


def _where(path: Any) -> str:
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


# The keywords ``conforms`` knows; a schema using any other is never taken as met by it.
KEYWORDS = frozenset(
    {"type", "required", "properties", "additionalProperties", "items", "minItems", "const",
     "pattern"}
)  # fmt: skip
_TYPES: dict[str, Any] = {
    "string": lambda v: isinstance(v, str),
    "null": lambda v: v is None,
    "object": lambda v: type(v) is dict,
    "array": lambda v: type(v) is list,
    "integer": lambda v: type(v) is int,
}


@functools.lru_cache(maxsize=64)
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


def conforms(value: Any, schema: dict[str, Any]) -> bool:
    """Whether ``value`` surely meets ``schema`` (the keywords above, read as JSON Schema
    reads them: ``properties``, ``required`` of objects only, ``items`` of arrays, a
    ``pattern`` searched in strings). True only when jsonschema would find no error; False
    sends the payload to jsonschema, which names the first bad field. A payload is checked
    in ~2 % of the time jsonschema takes, and jsonschema (whose import builds a grammar,
    ~0.3 s) is loaded only for a payload that fails here."""
    if not KEYWORDS.issuperset(schema):
        return False
    kind = schema.get("type")
    if kind is not None:
        kinds = (kind,) if isinstance(kind, str) else kind
        if not any(k in _TYPES and _TYPES[k](value) for k in kinds):
            return False
    if "const" in schema:
        want = schema["const"]
        if type(value) is not type(want) or value != want:
            return False
    if type(value) is dict:
        if any(name not in value for name in schema.get("required", ())):
            return False
        properties = schema.get("properties", {})
        open_ = schema.get("additionalProperties", True) is True  # a schema there: not known
        for name, item in value.items():
            sub = properties.get(name)
            if sub is None:
                if not open_:
                    return False
            elif not conforms(item, sub):
                return False
    elif type(value) is list:
        if len(value) < schema.get("minItems", 0):
            return False
        items = schema.get("items")
        if items is not None and not all(conforms(item, items) for item in value):
            return False
    elif (
        isinstance(value, str)
        and "pattern" in schema
        and _pattern(schema["pattern"]).search(value) is None
    ):
        return False
    return True


def check_payload(payload: Any, file: str) -> None:
    """Refuse a payload of the wrong shape, naming the file and the first bad field."""
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise InputError(f"is not a Galley review file (expected format '{FORMAT}')", file=file)
    if not conforms(payload, SCHEMA):
        import jsonschema

        error = jsonschema.exceptions.best_match(
            jsonschema.Draft202012Validator(SCHEMA).iter_errors(payload)
        )
        if error is not None:
            raise InputError(error.message, file=file, field=_where(error.absolute_path))
    try:  # lone surrogates (\ud800) are valid JSON but not text: SQLite and pages choke
        json.dumps(payload, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            "holds text that is not valid Unicode (a lone surrogate)", file=file
        ) from None
    if not ARTICLE_ID_RE.fullmatch(payload["article_id"]):
        raise InputError(
            f"'{payload['article_id']}' is not an article id", file=file, field="article_id"
        )
    uids = [r["uid"] for r in payload["revisions"]]
    if len(set(uids)) != len(uids) or payload["head"] not in uids:
        raise InputError(
            "its revision list is damaged (head or ids missing)", file=file, field="head"
        )
    for n, rev in enumerate(payload["revisions"], start=1):
        if rev["parent"] is not None and rev["parent"] not in uids:
            raise InputError(
                "names a parent that is not in the file", file=file, field=f"revisions[{n}].parent"
            )
        article = Article.from_dict({**rev["content"], "id": payload["article_id"]})
        try:
            validate_article(article, file=file)
        except InputError as exc:
            raise InputError(
                exc.message, file=file, field=f"revisions[{n}].content.{exc.field}"
            ) from None


def images_of(payload: dict[str, Any]) -> set[str]:
    """Every image any revision uses (old revisions may use images the current one does not)."""
    return {f["image"] for r in payload["revisions"] for f in r["content"].get("figures", [])}


def their_ancestors(payload: dict[str, Any], uid: str) -> set[str]:
    """The revision and everything it descends from, through parents and merges."""
    parents = {r["uid"]: (r["parent"], r.get("merged")) for r in payload["revisions"]}
    out: set[str] = set()
    todo: list[str | None] = [uid]
    while todo:
        current = todo.pop()
        if current is None or current in out:
            continue
        out.add(current)
        todo += list(parents.get(current, (None, None)))
    return out


def decided(payload: dict[str, Any]) -> Settled:
    """What the payload's status record comes to under the workflow (never a revision's
    ``status`` field: a status is a decision, see ``app.core.workflow.settle``)."""
    from app.core.workflow import Move, settle

    return settle(
        Move(
            uid=c["uid"],
            from_status=c["from_status"],
            to_status=c["to_status"],
            who=c["who"],
            at=c["at"],
            role=c.get("role", ""),
            override=c.get("override", ""),
            revision=c.get("revision", ""),
        )
        for c in payload.get("status_changes", [])
    )


def status_of(payload: dict[str, Any]) -> str:
    return decided(payload).status


def published_slug(payload: dict[str, Any]) -> str:
    """The slug readers find the article under ("" when it is not published): the slug of
    the revision that was published."""
    settled = decided(payload)
    if settled.status != "published":
        return ""
    uids = {r["uid"] for r in payload["revisions"]}
    return article_at(
        payload, settled.published if settled.published in uids else payload["head"]
    ).slug


def article_at(payload: dict[str, Any], uid: str) -> Article:
    rev = next(r for r in payload["revisions"] if r["uid"] == uid)
    article = Article.from_dict(rev["content"])
    article.id = payload["article_id"]
    article.saved = rev["created"]
    article.created = payload.get("created", "")
    return article
