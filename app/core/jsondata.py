"""The one reader of JSON that comes from outside this process: a desk's files (history
files, ``GALLEY-DESK.json``), review bundles, the desk address and sync state files, desk
settings values. Each is hostile input until read: it is refused when larger than its
limit, or nested deeper than ``MAX_DEPTH`` levels, before ``json.loads`` (whose parser
recurses once a level) is given it; every refusal is an ``InputError`` naming the file or
field. No file Galley writes comes near the limit: a history file is six levels deep.
"""

from __future__ import annotations

import json
import re
from typing import Any

from app.core.errors import InputError

MAX_DEPTH = 64

# A JSON string (what json.loads reads as one: up to the first quote no backslash escapes).
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_INNERMOST = re.compile(r"\[\]|\{\}")


def too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """Whether ``text`` opens more than ``limit`` arrays or objects inside one another
    (brackets inside strings are text, not nesting). Runs at the regular-expression
    engine's speed: a string of brackets loses its innermost pairs once a pass, so one of
    depth d is gone after d passes; only a deep or unbalanced one is counted bracket by
    bracket."""
    if text.count("[") + text.count("{") <= limit:
        return False
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    rest = brackets
    for _ in range(limit):
        rest, removed = _INNERMOST.subn("", rest)
        if not rest:
            return False
        if not removed:
            break
    depth = 0
    for ch in brackets:  # json.loads goes as deep as the deepest run of openers
        depth += 1 if ch in "[{" else -1
        if depth > limit:
            return True
    return False


def load_json(
    data: bytes | str,
    *,
    limit: int,
    file: str | None = None,
    field: str | None = None,
    what: str = "JSON",
) -> Any:
    """``data`` read as JSON, or an InputError naming ``file``/``field``: larger than
    ``limit`` bytes, not UTF-8, nested deeper than ``MAX_DEPTH``, or not JSON."""
    size = len(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    if size > limit:
        raise InputError(
            f"is too large to be {what} ({size:,} bytes; at most {limit:,})", file=file, field=field
        )
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"is not UTF-8 text (bad byte at offset {exc.start})", file=file, field=field
            ) from None
    else:
        text = data
    if too_deep(text):
        raise InputError(
            f"is nested more than {MAX_DEPTH} levels deep (lists and objects inside one "
            "another); refused",
            file=file,
            field=field,
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"is not valid JSON ({exc.msg})", file=file, field=field, line=exc.lineno
        ) from None
    except (ValueError, RecursionError) as exc:  # a number too long to convert, …
        raise InputError(f"is not valid JSON ({exc})", file=file, field=field) from None
