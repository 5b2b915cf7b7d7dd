"""`galley desk` shows the desk settings and `galley desk set KEY VALUE` sets one, checked by
the store exactly as the window's dialog is: a bad key or value is one line and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.store import Store


def run(store_path: Path, *args: str) -> int:
    return main(["desk", *args, "--store", str(store_path)])


def test_desk_set_and_show(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(store_path, "set", "publication_name", "南方日報") == 0
    assert run(store_path, "set", "base_url", "https://news.example.org/") == 0
    assert run(store_path, "set", "title_max", "28") == 0
    picks = json.dumps([{"url": "https://news.example.org/a", "title": "港區轉型十年"}])
    assert run(store_path, "set", "editors_picks", picks) == 0
    capsys.readouterr()
    assert run(store_path, "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["publication_name"] == "南方日報" and shown["title_max"] == 28
    assert shown["editors_picks"][0]["title"] == "港區轉型十年"
    with Store.open(store_path) as store:
        assert store.desk().base_url == "https://news.example.org/"


@pytest.mark.parametrize(
    ("key", "value", "named"),
    [
        ("logo_colour", "red", "unknown desk setting"),
        ("base_url", "javascript:alert(1)", "not a web address"),
        ("title_max", "many", "not a whole number"),
        ("title_max", "1000", "from 5 to 200"),
        ("punctuation", "random", "use one of"),
        ("default_language", "klingon", "use one of"),
        ("editors_picks", "{not json", "JSON list"),
        ("editors_picks", '[{"url": "ftp://x", "title": "t"}]', "not a web address"),
    ],
)
def test_a_bad_key_or_value_is_one_line_and_exit_2(
    key: str, value: str, named: str, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(store_path, "set", key, value) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and named in err and key in err, err
    with Store.open(store_path) as store:
        assert store.desk().base_url == ""  # nothing was written
