"""`galley edit ID --from FILE.md [--base N] [--by NAME]`: an article's text and fields
replaced from a file in the import format, through the store's one save (validation, images
cleaned by the store, one transaction, a revision with its author). An edit that started
from a revision the article has moved on from is a conflict (exit 4) and changes nothing;
the status and the publication date are the workflow's, never the file's."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from app.cli import main
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON, move_to


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err and "internal error" not in err, err
    return lines[0]


@pytest.fixture
def stored(store_path: Path) -> str:
    """The typhoon sample, imported: revision 1."""
    with Store.open(store_path) as store:
        from app.exchange.markdown import import_markdown

        return import_markdown(store, TYPHOON, author="記者甲").id


def edited(tmp_path: Path, old: str = "", new: str = "", *, name: str = "typhoon") -> Path:
    """A copy of the typhoon sample's folder (its images beside it) with ``old`` replaced."""
    folder = tmp_path / name
    if not folder.exists():
        shutil.copytree(TYPHOON.parent, folder)
    path = folder / "article.md"
    text = TYPHOON.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def edit(store_path: Path, *args: str) -> int:
    return main(["edit", *args, "--store", str(store_path)])


def test_an_edit_replaces_text_and_fields_as_a_new_revision_by_its_author(
    stored: str, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = edited(tmp_path, "汛期將至,高雄市政府", "颱風將至,高雄市政府")
    file.write_text(
        file.read_text("utf-8").replace("section: 地方", "section: 生活"), encoding="utf-8"
    )
    assert edit(store_path, stored, "--from", str(file), "--by", "編輯乙") == 0
    out = capsys.readouterr()
    assert out.out.strip() == "2" and out.err == ""
    with Store.open(store_path) as store:
        article = store.get_article(stored)
        assert article.id == stored and article.slug == "kaohsiung-typhoon-drill"
        assert article.body.startswith("颱風將至") and article.section == "生活"
        assert [f.key for f in article.figures] == ["pump-station", "sandbags"]
        revisions = store.revisions(stored)
        assert [(r.number, r.author) for r in revisions] == [(1, "記者甲"), (2, "編輯乙")]
    # The same file again changes nothing and says which revision it is.
    assert edit(store_path, stored, "--from", str(file), "--base", "2") == 0
    assert capsys.readouterr().out.strip() == "2"


def test_an_edit_from_a_revision_the_article_moved_on_from_is_a_conflict(
    stored: str, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = edited(tmp_path, "汛期將至", "第一個版本", name="one")
    assert edit(store_path, stored, "--from", str(first), "--base", "1") == 0
    capsys.readouterr()
    second = edited(tmp_path, "汛期將至", "第二個版本", name="two")
    before = dump(store_path)
    assert edit(store_path, stored, "--from", str(second), "--base", "1") == 4
    line = one_line(capsys.readouterr().err)
    assert "now revision 2" in line and "started from 1" in line, line
    assert dump(store_path) == before
    assert edit(store_path, stored, "--from", str(second), "--base", "7") == 5
    assert "no revision 7" in one_line(capsys.readouterr().err)
    assert edit(store_path, stored, "--from", str(second), "--base", "2") == 0
    assert capsys.readouterr().out.strip() == "3"


def test_the_status_and_the_publication_date_are_not_taken_from_the_file(
    stored: str, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(store_path) as store:
        move_to(store, stored, "published")
        published = store.get_article(stored).published
    file = edited(tmp_path, "language: zh-Hant", "language: zh-Hant\nstatus: spiked")
    file.write_text(
        file.read_text("utf-8").replace("date: 2024-09-30T10:30:00+08:00", "date: 2020-01-01"),
        encoding="utf-8",
    )
    assert edit(store_path, stored, "--from", str(file)) == 0
    out = capsys.readouterr()
    notes = out.err.strip().splitlines()
    assert len(notes) == 2 and all(n.startswith(f"galley: {file}: ") for n in notes), notes
    assert "'status: spiked'" in notes[0] and "not taken" in notes[0]
    assert "publication date" in notes[1] and "not taken" in notes[1]
    with Store.open(store_path) as store:
        article = store.get_article(stored)
        assert article.status == "published" and article.published == published
        assert out.out.strip() == str(store.revisions(stored)[-1].number)
    # A file that says the status it has says nothing about it.
    same = edited(tmp_path, "language: zh-Hant", "language: zh-Hant\nstatus: published")
    capsys.readouterr()
    assert edit(store_path, stored, "--from", str(same)) == 0
    assert "status" not in capsys.readouterr().err


def test_the_files_id_must_be_the_articles(
    stored: str, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = "0f0e0d0c-0b0a-4908-8706-050403020100"
    file = edited(tmp_path, "title:", f"id: {other}\ntitle:")
    before = dump(store_path)
    assert edit(store_path, stored, "--from", str(file)) == 2
    line = one_line(capsys.readouterr().err)
    assert str(file) in line and "field 'id'" in line and other in line, line
    assert dump(store_path) == before
    same = edited(tmp_path, "title:", f"id: {stored}\ntitle:")
    assert edit(store_path, stored, "--from", str(same)) == 0


def test_a_slug_from_the_file_applies_unless_another_article_has_it(
    stored: str, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(store_path) as store:
        from app.exchange.markdown import import_markdown

        taken = import_markdown(store, LIBRARY, author="記者甲").slug
    file = edited(tmp_path, "slug: kaohsiung-typhoon-drill", f"slug: {taken}")
    before = dump(store_path)
    assert edit(store_path, stored, "--from", str(file)) == 2
    line = one_line(capsys.readouterr().err)
    assert str(file) in line and "field 'slug'" in line and taken in line, line
    assert dump(store_path) == before
    renamed = edited(tmp_path, "slug: kaohsiung-typhoon-drill", "slug: typhoon-drill-2024")
    assert edit(store_path, stored, "--from", str(renamed)) == 0
    with Store.open(store_path) as store:
        assert store.get_article(stored).slug == "typhoon-drill-2024"


def test_a_new_figures_photo_is_cleaned_by_the_store(
    stored: str, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = Image.new("RGB", (640, 480), (40, 90, 160))
    raw = io.BytesIO()
    photo.save(raw, "JPEG", comment=b"GPS 22.6N 120.3E camera serial 1234")
    file = edited(
        tmp_path,
        "  - key: sandbags",
        "  - key: levee\n    image: images/levee.jpg\n    caption: 堤防\n    credit: 讀者\n"
        "    alt: 堤防\n  - key: sandbags",
    )
    (file.parent / "images" / "levee.jpg").write_bytes(raw.getvalue())
    file.write_text(file.read_text("utf-8") + "\n![[levee]]\n", encoding="utf-8")
    assert edit(store_path, stored, "--from", str(file)) == 0
    with Store.open(store_path) as store:
        figure = next(f for f in store.get_article(stored).figures if f.key == "levee")
        data, mime = store.get_image(figure.image)
        assert mime == "image/jpeg" and b"GPS" not in data and b"1234" not in data


@pytest.mark.parametrize(
    ("old", "new", "code", "words"),
    [
        ("title: 颱風季前大演練 高雄抽水站與沙包站全面檢查", "title: ''", 2, "title"),
        ("image: images/sandbags.png", "image: images/missing.png", 2, "figures[2].image"),
        ("date: 2024-09-30T10:30:00+08:00", "date: yesterday", 2, "date"),
    ],
    ids=["no-title", "missing-image", "bad-date"],
)
def test_a_bad_file_changes_nothing(
    stored: str,
    store_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    code: int,
    words: str,
) -> None:
    file = edited(tmp_path, old, new)
    before = dump(store_path)
    assert edit(store_path, stored, "--from", str(file)) == code
    line = one_line(capsys.readouterr().err)
    assert str(file) in line and words in line, line
    assert dump(store_path) == before


def test_no_such_article_and_no_such_file(
    stored: str, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = edited(tmp_path)
    assert edit(store_path, "no-such-story", "--from", str(file)) == 5
    one_line(capsys.readouterr().err)
    assert edit(store_path, stored, "--from", str(tmp_path / "nowhere.md")) == 2
    assert "nowhere.md" in one_line(capsys.readouterr().err)
    assert main(["show", stored, "--json", "--store", str(store_path)]) == 0
    assert json.loads(capsys.readouterr().out)["revision"] is not None
