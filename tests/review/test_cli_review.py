"""The review commands: one line per problem, exit codes scripts can rely on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import TYPHOON


def galley(store: Path, *args: str) -> int:
    return main(["--store", str(store), *args])


def test_check_status_notes_history_and_review_exchange(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:  # noqa: E501
    mine, theirs = tmp_path / "mine.sqlite", tmp_path / "theirs.sqlite"
    assert galley(mine, "import", str(TYPHOON)) == 0
    slug = "kaohsiung-typhoon-drill"
    capsys.readouterr()
    assert galley(mine, "check", slug) == 0
    assert "no problems found" in capsys.readouterr().out
    assert galley(mine, "status", slug, "approved", "--by", "王編輯") == 7  # not from draft
    assert "cannot go from 'draft' to 'approved'" in capsys.readouterr().err
    assert galley(mine, "status", slug, "in_review", "--by", "林記者") == 0
    assert galley(mine, "note", slug, "數字請再確認", "--line", "5", "--by", "王編輯") == 0
    assert galley(mine, "notes", slug, "--json") == 0
    capsys.readouterr()
    assert galley(mine, "export", slug, "--for", "review", "--zip", "--out", str(tmp_path)) == 0
    assert galley(theirs, "import", str(tmp_path / f"{slug}.zip")) == 0
    assert "new article with its history and notes" in capsys.readouterr().err
    assert galley(theirs, "notes", slug, "--json") == 0
    [note] = json.loads(capsys.readouterr().out)
    assert (note["body"], note["line"], note["author"]) == ("數字請再確認", 5, "王編輯")
    assert galley(theirs, "history", slug) == 0
    history = capsys.readouterr().out
    assert "status draft → in_review (reporter)" in history and "林記者" in history
    assert galley(theirs, "status", slug) == 0
    assert capsys.readouterr().out.startswith("now: in_review\n")


def test_check_exits_1_on_errors(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    store = tmp_path / "s.sqlite"
    broken = tmp_path / "broken.md"
    text = TYPHOON.read_text(encoding="utf-8").replace("    credit: 讀者提供\n", "")
    broken.write_text(text, encoding="utf-8")
    shutil.copytree(TYPHOON.parent / "images", tmp_path / "images")
    assert galley(store, "import", str(broken)) == 0
    capsys.readouterr()
    assert galley(store, "check", "kaohsiung-typhoon-drill", "--json") == 1
    found = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["index"]) for f in found] == [("figure-credit", 1)]
