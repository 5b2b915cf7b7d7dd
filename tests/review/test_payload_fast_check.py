"""The payload's fast shape check (``conforms``) never lets through what jsonschema refuses:
whatever it takes, jsonschema finds no error in; whatever it refuses goes to jsonschema."""

from __future__ import annotations

import copy
import random
from typing import Any

import jsonschema
import pytest

from app.exchange.markdown import import_markdown
from app.store.review_payload import KEYWORDS, SCHEMA, check_payload, conforms
from tests.conftest import TYPHOON

ODD_VALUES: list[Any] = [None, 0, 1, 1.0, True, "", "x" * 33, "a" * 32, [], {}, [1], {"a": 1}]


def _keywords(schema: Any) -> set[str]:
    if isinstance(schema, list):
        return set().union(*map(_keywords, schema)) if schema else set()
    if not isinstance(schema, dict):
        return set()
    found = set(schema)
    for key, value in schema.items():
        if key == "properties":
            found |= set().union(*map(_keywords, value.values()))
        elif key in ("items", "additionalProperties"):
            found |= _keywords(value)
    return found


def test_the_schema_uses_only_keywords_the_fast_check_knows() -> None:
    assert _keywords(SCHEMA) <= KEYWORDS


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _places(item, (*path, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            out += _places(item, (*path, n))
    return out


def _mutated(payload: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    out = copy.deepcopy(payload)
    path = rng.choice(_places(out)[1:])
    parent = out
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    action = rng.random()
    if action < 0.5:
        parent[last] = copy.deepcopy(rng.choice(ODD_VALUES))
    elif action < 0.75 and isinstance(parent, dict):
        del parent[last]
    elif isinstance(parent, dict):
        parent[rng.choice(["extra", "notes", "format", "uid"])] = rng.choice(ODD_VALUES)
    else:
        parent.clear()
    return out


def test_the_fast_check_takes_only_what_jsonschema_takes(store) -> None:  # noqa: ANN001
    article = import_markdown(store, TYPHOON, author="測試者")
    store.review.add_note(article.id, "一則註記", author="編輯", line=1)
    store.review.change_status(article.id, "in_review", who="測試者", role="reporter")
    payload = store.merge.payload(article.id)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    assert conforms(payload, SCHEMA) and not list(validator.iter_errors(payload))
    rng = random.Random(5)
    refused = 0
    for _ in range(3000):
        bad = _mutated(payload, rng)
        errors = list(validator.iter_errors(bad))
        if conforms(bad, SCHEMA):
            assert not errors, (bad, errors[0].message)
        refused += bool(errors)
    assert refused > 1000


def test_a_refused_payload_is_named_as_jsonschema_names_it(store) -> None:  # noqa: ANN001
    from app.core.errors import InputError

    article = import_markdown(store, TYPHOON, author="測試者")
    payload = store.merge.payload(article.id)
    payload["revisions"][0]["content"]["figures"][0]["width"] = "12"
    with pytest.raises(InputError) as caught:
        check_payload(payload, "review.json")
    assert "width" in caught.value.message
    assert caught.value.field == "revisions[1].content.figures[1]"
