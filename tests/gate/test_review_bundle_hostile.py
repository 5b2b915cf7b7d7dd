"""Review bundles from another laptop are hostile input: every field goes through the gate.

Each case edits a real review bundle's ``review.json`` and imports it with ``galley import``:
exit 2, one line naming the file and the field, and the store exactly as it was.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.exchange.bundles import export_articles
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON


def dump(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    rows = []
    for table in ("articles", "revisions", "notes", "status_changes", "figures", "images"):
        rows += [(table, *r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
    conn.close()
    return rows


@pytest.fixture
def review_bundle(tmp_path: Path) -> Path:
    """A real review bundle of the typhoon sample, with one note, from another store."""
    with Store.open(tmp_path / "other.sqlite") as other:
        article = import_markdown(other, TYPHOON, author="林記者")
        other.review.add_note(article.id, "請查證數字", author="王編輯", line=5)
        return export_articles(other, [article.id], tmp_path / "sent", for_review=True)[0]


def edit(bundle: Path, change: Callable[[dict[str, Any]], None]) -> None:
    path = bundle / "review.json"
    payload = json.loads(path.read_text(encoding="utf-8"))
    change(payload)
    path.write_text(json.dumps(payload), encoding="utf-8")  # \\ud800 stays an escape


def head(payload: dict[str, Any]) -> dict[str, Any]:
    return next(r for r in payload["revisions"] if r["uid"] == payload["head"])["content"]


def set_head(name: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda p: head(p).__setitem__(name, value)


def set_figure_key(key: str) -> Callable[[dict[str, Any]], None]:
    def change(p: dict[str, Any]) -> None:
        head(p)["figures"][0]["key"] = key

    return change


CASES: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("slug_dotdot", set_head("slug", "../victim"), "slug"),
    ("slug_absolute", set_head("slug", "/tmp/victim"), "slug"),
    ("figure_key_dotdot", set_figure_key(".."), "figures[1].key"),
    ("figure_key_slash", set_figure_key("a/b"), "figures[1].key"),
    ("canonical_javascript", set_head("canonical_url", "javascript:alert(1)"), "canonical_url"),
    (
        "source_javascript",
        lambda p: head(p)["sources"][0].__setitem__("url", "javascript:x"),
        "sources[1].url",
    ),
    ("status_bogus", set_head("status", "laundered"), "status"),
    ("missing_revisions", lambda p: p.pop("revisions"), "revisions"),
    ("title_not_text", set_head("title", 5), "title"),
    ("note_without_body", lambda p: p["notes"][0].pop("body"), "notes[1]"),
    ("lone_surrogate", set_head("title", "颱風\ud800"), "surrogate"),
    ("article_id_path", lambda p: p.__setitem__("article_id", "../../x"), "article_id"),
]


@pytest.mark.parametrize(("case", "change", "named"), CASES, ids=[c[0] for c in CASES])
def test_hostile_review_json_is_refused_with_file_and_field(
    case: str,
    change: Callable[[dict[str, Any]], None],
    named: str,
    review_bundle: Path,
    store_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with Store.open(store_path) as store:
        import_markdown(store, LIBRARY, author="測試者")
    before = dump(store_path)
    edit(review_bundle, change)
    code = main(["--store", str(store_path), "import", str(review_bundle)])
    err = capsys.readouterr().err.strip()
    assert code == 2, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "review.json" in err and named in err, err
    assert dump(store_path) == before


def test_a_note_of_another_article_is_never_overwritten(
    review_bundle: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(store_path) as store:
        mine = import_markdown(store, LIBRARY, author="測試者")
        note = store.review.add_note(mine.id, "my note", author="我")
    edit(review_bundle, lambda p: p["notes"][0].update(uid=note.uid, updated_at="2999-01-01"))
    code = main(["--store", str(store_path), "import", str(review_bundle)])
    err = capsys.readouterr().err
    assert code == 2 and "notes[1].uid" in err and "another article" in err
    with Store.open(store_path) as store:
        assert [n.body for n in store.review.notes(mine.id)] == ["my note"]


def test_notes_keep_their_history_through_a_merge(review_bundle: Path, tmp_path: Path) -> None:
    """A newer edit of a note that came in wins, and the earlier text stays in its history."""
    from app.exchange.bundles import import_path

    with Store.open(tmp_path / "editor.sqlite") as editor:
        import_path(editor, review_bundle, author="測試者")
        payload = json.loads((review_bundle / "review.json").read_text(encoding="utf-8"))
        uid = payload["notes"][0]["uid"]
        edit(
            review_bundle,
            lambda p: p["notes"][0].update(
                body="請查證數字(已改)", updated_at="2999-01-01T00:00:00Z"
            ),
        )
        import_path(editor, review_bundle, author="測試者")
        article_id = payload["article_id"]
        assert [n.body for n in editor.review.notes(article_id)] == ["請查證數字(已改)"]
        assert [v.body for v in editor.review.note_history(uid)] == ["請查證數字"]
        editor.review.set_resolved(uid, who="王編輯")
        assert [v.body for v in editor.review.note_history(uid)][-1] == "請查證數字(已改)"
