"""One writer of article content: every path that writes an article (window, import, CLI,
review bundles, desk merges, restore) goes through ``Articles``, which validates, checks
images, applies the workflow by role, records who wrote, and never changes what it is
handed. Publishing writes nothing into the store."""

from __future__ import annotations

import copy
import hashlib
import re
import time
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import InputError
from app.core.workflow import WorkflowError
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import TYPHOON, move_to

APP = Path(__file__).resolve().parents[2] / "app"
CONTENT_TABLES = ("articles", "figures", "sources", "related", "revisions", "snapshots")
WRITE = re.compile(
    r"(INSERT(\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"
    rf"({'|'.join(CONTENT_TABLES)})\b|DELETE FROM \{{table\}}",
    re.IGNORECASE,
)
# The writer, the layout of its rows, and the schema's migrations.
ALLOWED = {"store/articles.py", "store/content_rows.py", "store/schema.py"}


def test_no_module_but_the_writer_writes_article_content() -> None:
    found = []
    for path in sorted(APP.rglob("*.py")):
        where = path.relative_to(APP).as_posix()
        if where in ALLOWED:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if WRITE.search(line):
                found.append(f"{where}:{n}: {line.strip()}")
    assert found == []


def test_the_rows_are_laid_out_for_the_writer_alone() -> None:
    reach = re.compile(r"ContentRows|articles\._rows")
    users = [
        path.relative_to(APP).as_posix()
        for path in APP.rglob("*.py")
        if reach.search(path.read_text(encoding="utf-8"))
    ]
    assert sorted(users) == ["store/articles.py", "store/content_rows.py"]


def test_the_store_file_is_opened_by_the_store_alone() -> None:
    """No SQL against the article store outside app/store (the preview renderer asked
    ``PRAGMA user_version`` itself); the rendition cache is a database of its own."""
    found = [
        path.relative_to(APP).as_posix()
        for path in APP.rglob("*.py")
        if re.search(r"sqlite3\.connect|PRAGMA", path.read_text(encoding="utf-8"))
    ]
    outside = [p for p in found if not p.startswith("store/")]
    assert outside == ["publish/rendition_cache.py"]


def test_the_gate_never_changes_the_article_it_is_handed(store: Store) -> None:
    article = import_markdown(store, TYPHOON, author="林記者")
    handed = store.get_article(article.id)
    handed.body += "\n新的一段。\n"
    kept = copy.deepcopy(handed)
    saved = store.save_article(handed, author="林記者")
    assert handed == kept and saved.revision != handed.revision
    fresh = copy.deepcopy(article)
    fresh.id, fresh.slug, fresh.revision = "", "", None
    kept = copy.deepcopy(fresh)
    created = store.create_article(fresh, author="林記者")
    assert fresh == kept and created.id and created.slug and created.revision
    kept = copy.deepcopy(saved)
    store.review.change_status(saved.id, "in_review", who="林記者", role="reporter")
    assert saved == kept


def test_a_reporter_submits_and_withdraws_and_only_an_editor_decides(store: Store) -> None:
    article = import_markdown(store, TYPHOON, author="林記者")
    store.review.change_status(article.id, "in_review", who="林記者", role="reporter")
    for target in ("approved", "spiked"):
        with pytest.raises(WorkflowError, match="editor's decision"):
            store.review.change_status(article.id, target, who="林記者", role="reporter")
    with pytest.raises(WorkflowError, match="not a role"):
        store.review.change_status(article.id, "approved", who="林記者", role="boss")
    store.review.change_status(article.id, "approved", who="王編輯", role="editor")
    with pytest.raises(WorkflowError, match="editor's decision"):
        store.review.change_status(article.id, "published", who="網編", role="web_producer")
    store.review.change_status(article.id, "published", who="王編輯", role="editor")
    moves = store.review.status_history(article.id)
    assert [(m.to_status, m.who, m.role) for m in moves] == [
        ("in_review", "林記者", "reporter"),
        ("approved", "王編輯", "editor"),
        ("published", "王編輯", "editor"),
    ]


def test_an_imported_status_is_kept_only_by_an_editors_archive_import(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = TYPHOON.read_text(encoding="utf-8").replace(
        "slug: kaohsiung-typhoon-drill\n", "slug: kaohsiung-typhoon-drill\nstatus: published\n"
    )
    path = TYPHOON.parent / "published.md"
    path.write_text(text, encoding="utf-8")
    try:
        by = ["--store", str(store_path), "--by", "匯入者"]
        assert main(["import", str(path), *by]) == 0
        err = capsys.readouterr().err
        assert f"{path}: its front matter says 'status: published'; imported as a draft" in err
        with Store.open(store_path) as store:
            [article] = store.list_articles()
            assert article.status == "draft" and store.review.status_history(article.id) == []
            assert [r.author for r in store.revisions(article.id)] == ["匯入者"]
        assert main(["import", str(path), "--archive", "--role", "reporter", *by]) == 7
        assert "editor's decision" in capsys.readouterr().err
        assert main(["import", str(path), "--archive", "--role", "editor", *by]) == 0
        with Store.open(store_path) as store:
            archived = next(a for a in store.list_articles() if a.status == "published")
            [move] = store.review.status_history(archived.id)
            assert (move.from_status, move.to_status, move.who, move.role, move.override) == (
                "",
                "published",
                "匯入者",
                "archive",
                "archive import",
            )
        assert main(["history", archived.id, *by[:2]]) == 0
        history = capsys.readouterr().out
        assert "匯入者" in history and " - " not in history
        assert "status (new) → published" in history and "archive import" in history
    finally:
        path.unlink()


def test_a_write_without_a_name_is_refused(store: Store) -> None:
    article = import_markdown(store, TYPHOON, author="林記者")
    edited = store.get_article(article.id)
    edited.body += "\n新的一段。\n"
    with pytest.raises(InputError, match="who makes it"):
        store.save_article(edited, author="  ")
    with pytest.raises(InputError, match="who makes it"):
        import_markdown(store, TYPHOON, author="")


def _pair(tmp_path: Path) -> tuple[Store, Store]:
    return Store.open(tmp_path / "a.sqlite"), Store.open(tmp_path / "b.sqlite")


def _send(source: Store, target: Store, article_id: str, *, by: str, payload=None):  # noqa: ANN001, ANN202
    """A review exchange as a bundle carries it: the payload and its images' bytes."""
    from app.store.review_payload import images_of

    payload = payload or source.merge.payload(article_id)
    images = {sha: source.images.get(sha)[0] for sha in images_of(payload)}
    return target.merge.apply(payload, by=by, images=images)


def test_a_merge_of_both_sides_is_a_revision_by_who_merged_through_the_gate(
    tmp_path: Path,
) -> None:
    mine, theirs = _pair(tmp_path)
    with mine, theirs:
        article = import_markdown(mine, TYPHOON, author="林記者")
        _send(mine, theirs, article.id, by="王編輯")
        a = mine.get_article(article.id)
        a.body = a.body.replace("抽水站", "抽水站（編按）", 1)
        mine.save_article(a, author="林記者")
        b = theirs.get_article(article.id)
        b.title = "颱風季前大演練"
        b = theirs.save_article(b, author="王編輯")
        result = _send(theirs, mine, article.id, by="林記者")
        assert result.outcome == "merged"
        head = mine.revisions(article.id)[-1]
        assert (head.author, head.origin) == ("林記者", "merged both sides")
        merged = mine.get_article(article.id)
        assert merged.title == "颱風季前大演練" and "（編按）" in merged.body
        # Readers last saw a change at the later of the two edits.
        assert merged.updated == b.updated


def test_a_status_from_another_store_is_what_its_record_justifies(tmp_path: Path) -> None:
    """A payload whose revisions say 'published' (as stores before this one wrote them) but
    whose record holds no such decision is put in review, and the claim named; a move the
    role could not make is set aside."""
    mine, theirs = _pair(tmp_path)
    with mine, theirs:
        article = import_markdown(theirs, TYPHOON, author="林記者")
        payload = theirs.merge.payload(article.id)
        for revision in payload["revisions"]:
            revision["content"]["status"] = "published"
        result = _send(theirs, mine, article.id, by="王編輯", payload=payload)
        assert result.status == "in_review"
        assert mine.get_article(article.id).status == "in_review"
        assert "its history says 'published' but no decision on record" in result.set_aside[-1]
        [desk] = mine.review.status_history(article.id)
        assert (desk.who, desk.role, desk.to_status) == ("(the desk)", "desk", "in_review")
        time.sleep(0.002)
        payload = theirs.merge.payload(article.id)
        payload["status_changes"].append(
            {
                "uid": "f" * 32,
                "from_status": "in_review",
                "to_status": "published",
                "who": "林記者",
                "role": "reporter",
                "at": "2999-01-01T00:00:00.000Z",
                "override": "",
            }
        )
        result = _send(theirs, mine, article.id, by="王編輯", payload=payload)
        assert mine.get_article(article.id).status == "in_review"
        assert result.status == "in_review" and len(result.set_aside) == 1
        assert "林記者: in_review → published" in result.set_aside[0]


def test_publishing_writes_nothing_into_the_store(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(store_path) as store:
        article = import_markdown(store, TYPHOON, author="林記者")
        move_to(store, article.id, "published")
    files = [store_path, Path(f"{store_path}-wal")]

    def state() -> list[str]:
        return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "-" for p in files]

    before = state()
    out = ["--out", str(tmp_path / "site"), "--store", str(store_path)]
    assert main(["export", article.id, *out]) == 0
    assert main(["export", "--desk", *out[:1], str(tmp_path / "desk"), *out[2:]]) == 0
    assert state() == before
    assert (tmp_path / "site" / "kaohsiung-typhoon-drill" / "index.html").is_file()
