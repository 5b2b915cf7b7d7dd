from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import LIBRARY, TYPHOON, file_hash


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_list_show_search(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    store = ["--store", str(store_path)]
    code, out, _ = run(capsys, *store, "import", str(TYPHOON), str(LIBRARY))
    assert code == 0
    zh_id, en_id = out.split()
    code, out, _ = run(capsys, *store, "list", "--json")
    rows = json.loads(out)
    assert {r["id"] for r in rows} == {zh_id, en_id}
    assert set(rows[0]) == {
        "id",
        "slug",
        "title",
        "status",
        "section",
        "byline",
        "updated",
        "published",
    }
    code, out, _ = run(capsys, *store, "show", "kaohsiung-typhoon-drill", "--json")
    article = json.loads(out)
    assert article["id"] == zh_id
    assert article["figures"][0]["caption"].startswith("高雄市水利局")
    assert article["related"][1]["author"] == "王 怡君"
    for query, expected in (("抽水", zh_id), ("抽水站", zh_id), ("midnight", en_id)):
        code, out, _ = run(capsys, *store, "search", query, "--json")
        hits = json.loads(out)
        assert [h["id"] for h in hits] == [expected], query
        assert set(hits[0]) == {
            "id",
            "slug",
            "title",
            "status",
            "updated",
            "snippet",
            "match",
            "rank",
        }
    code, out, _ = run(capsys, *store, "search", "抽水站")
    assert code == 0 and "颱風季前大演練" in out and "抽水站" in out
    code, out, _ = run(capsys, *store, "show", zh_id[:8])
    assert code == 0 and out.startswith("颱風季前大演練")


def test_store_from_environment(
    capsys: pytest.CaptureFixture[str], store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GALLEY_STORE", str(store_path))
    assert run(capsys, "import", str(LIBRARY))[0] == 0
    assert store_path.exists()


def test_default_store_is_in_the_data_folder(
    capsys: pytest.CaptureFixture[str], isolated_dirs: Path
) -> None:
    assert run(capsys, "import", str(LIBRARY))[0] == 0
    assert (isolated_dirs / "xdg_data_home" / "Galley" / "galley.sqlite").exists()


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda t: t.replace("date: 2024-09-29", "date: 2024-02-30"),
            "article.md:22: field 'sources[1].date': '2024-02-30' is not a date",
        ),
        (
            lambda t: t.replace("image: images/sandbags.png", "image: images/missing.png"),
            "article.md:17: field 'figures[2].image': 'images/missing.png' is not a file",
        ),
        (
            lambda t: t.replace("![[sandbags]]", "![[sandbag]]"),
            "field 'body': figure 'sandbag' is placed here but not defined",
        ),
        (
            lambda t: t.replace("title: 颱風季前", "titel: 颱風季前"),
            "article.md:2: field 'front matter': unknown field 'titel'",
        ),
    ],
)
def test_invalid_import_exits_2_and_imports_nothing(
    capsys: pytest.CaptureFixture[str], samples: Path, store_path: Path, edit, expected: str
) -> None:  # noqa: ANN001
    source = samples / "typhoon-drill" / "article.md"
    source.write_text(edit(source.read_text(encoding="utf-8")), encoding="utf-8")
    code, out, err = run(capsys, "--store", str(store_path), "import", str(source))
    assert code == 2
    assert out == ""
    assert expected in err
    assert err.count("\n") == 1 and "Traceback" not in err
    for table in ("articles", "images", "revisions"):
        assert _count(store_path, table) == 0


def test_fake_image_names_the_figure(
    capsys: pytest.CaptureFixture[str], samples: Path, store_path: Path
) -> None:
    (samples / "typhoon-drill" / "images" / "sandbags.png").write_bytes(b"not a png at all")
    code, _, err = run(
        capsys, "--store", str(store_path), "import", str(samples / "typhoon-drill" / "article.md")
    )
    assert code == 2
    assert "field 'figures[2].image': image 'images/sandbags.png' is not a readable image" in err
    assert _count(store_path, "articles") == 0


def test_bad_store_is_one_line_and_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_text("hello", encoding="utf-8")
    before = file_hash(bad)
    code, _, err = run(capsys, "--store", str(bad), "list")
    assert code == 3
    assert (
        err == f"galley: {bad}: is not a Galley store (not an SQLite database); "
        "choose another store path\n"
    )
    assert file_hash(bad) == before


def test_unknown_article(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    code, _, err = run(capsys, "--store", str(store_path), "show", "nope")
    assert code == 5
    assert err == "galley: no article with id or slug 'nope'\n"


def test_a_file_named_twice_is_imported_once(
    capsys: pytest.CaptureFixture[str], store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(TYPHOON.parent.parent)
    named = [str(TYPHOON), f"./{TYPHOON.parent.name}/{TYPHOON.name}", str(TYPHOON)]
    assert main(["--store", str(store_path), "import", *named]) == 0
    assert len(capsys.readouterr().out.split()) == 1
    assert main(["--store", str(store_path), "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
