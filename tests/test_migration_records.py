"""An article's records found by index. Migration 10: revisions, status records and the
touch journal re-keyed by article row number; a version-9 store's history, status records
and journal marks must come through unchanged, and the store must go on recording touches
the way a desk sync reads them. And the queries a window runs on every refresh read the
article's own records, never the whole archive's."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from app.core.model import Article, canonical_json, content_hash
from app.store import Store
from app.store.schema import migrations
from app.store.search import indexed_text

STAMP = "2026-11-01T00:00:00Z"


def _content(article_id: str, body: str) -> dict[str, object]:
    return {
        "id": article_id,
        "slug": f"slug-{article_id}",
        "title": f"標題 {article_id}",
        "dek": "",
        "byline": [],
        "section": "",
        "tags": [],
        "language": "zh-Hant",
        "status": "in_review",
        "body": body,
        "published": "",
        "canonical_url": "",
        "figures": [],
        "sources": [],
        "related": [],
    }


def _version_9_store(path: Path) -> int:
    """Two articles with two revisions and two status records each, written as version 9
    wrote them (its triggers keep the journal); returns the journal's mark after the first."""
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="0010_records_by_article_seq")
    assert old.execute("PRAGMA user_version").fetchone()[0] == 9
    mark = 0
    for n, article_id in enumerate(("a-1", "b-2")):
        old.execute(
            "INSERT INTO articles (id, slug, title, created_at, updated_at, revision, status,"
            " body) VALUES (?, ?, ?, ?, ?, ?, 'in_review', ?)",
            [article_id, f"slug-{article_id}", f"標題 {article_id}", STAMP, STAMP, 2 * n + 2, "二"],
        )
        for number, body in ((1, "一"), (2, "二")):
            content = _content(article_id, body)
            digest = content_hash(content)
            old.execute(
                "INSERT OR IGNORE INTO snapshots (hash, content) VALUES (?, ?)",
                [digest, canonical_json(content)],
            )
            old.execute(
                "INSERT INTO revisions (id, article_id, number, parent, hash, created_at,"
                " author, size, uid, origin) VALUES (?, ?, ?, ?, ?, ?, '記者', 1, ?, '')",
                [
                    2 * n + number,
                    article_id,
                    number,
                    None if number == 1 else 2 * n + 1,
                    digest,
                    STAMP,
                    f"{article_id}-rev-{number}".ljust(32, "0"),
                ],
            )
        # The search index holds the head's text, as the store wrote it (a save replaces it).
        seq = old.execute("SELECT seq FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        columns = indexed_text(Article.from_dict(_content(article_id, "二"))).columns
        old.execute(
            "INSERT INTO article_fts (rowid, title, dek, body, captions, sources)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [seq, *columns],
        )
        # Two records in the same second: read back in the order they were made.
        for uid, (before, after) in (
            ("z-first", ("draft", "in_review")),
            ("a-second", ("in_review", "draft")),
        ):
            old.execute(
                "INSERT INTO status_changes (uid, article_id, from_status, to_status, who, at)"
                " VALUES (?, ?, ?, ?, '編輯', ?)",
                [f"{uid}-{article_id}", article_id, before, after, STAMP],
            )
        if n == 0:
            mark = old.execute("SELECT max(seq) FROM article_touches").fetchone()[0]
    old.conn.commit()
    old.close()
    return int(mark)


def test_history_status_records_and_journal_marks_survive_the_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    mark = _version_9_store(path)
    with Store.open(path) as store:
        for article_id, first_id in (("a-1", 1), ("b-2", 3)):
            revisions = store.revisions(article_id)
            assert [(r.id, r.number, r.parent) for r in revisions] == [
                (first_id, 1, None),
                (first_id + 1, 2, first_id),
            ]
            assert store.revision_article(article_id, 1).body == "一"
            assert [c.uid for c in store.review.status_history(article_id)] == [
                f"z-first-{article_id}",
                f"a-second-{article_id}",
            ]
        # A desk that synced after the first article was written still sees only the second.
        assert store.touches.touched_since(mark)[1] == ["b-2"]
        assert store.touches.touched_since(0)[1] == ["a-1", "b-2"]
        columns = {r["name"] for r in store._db.query("PRAGMA table_info(revisions)")}
        assert "article_seq" in columns and "article_id" not in columns


def test_after_the_migration_every_write_moves_its_article_past_the_mark(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _version_9_store(path)
    with Store.open(path) as store:
        mark, _ = store.touches.touched_since(0)
        article = store.get_article("b-2")  # the newest entry already: moved on, not doubled
        article.body = "三"
        store.save_article(article, author="測試者")
        mark, touched = store.touches.touched_since(mark)
        assert touched == ["b-2"]
        created = store.create_article(
            Article(id="", slug="", title="新稿", body="內文。"), author="測試者"
        )
        store.review.change_status("a-1", "draft", who="編輯", role="editor")
        mark, touched = store.touches.touched_since(mark)
        assert touched == [created.id, "a-1"]
        # A status move is recorded, not a revision of the text.
        assert len(store.revisions("a-1")) == 2 and len(store.revisions(created.id)) == 1
        # One entry per article for a run of touches: a save is not three entries.
        rows = store._db.execute("SELECT count(*), count(DISTINCT article_id) FROM article_touches")
        assert rows.fetchone() == (4, 3)


def test_records_of_an_article_follow_its_row_when_it_goes(tmp_path: Path) -> None:
    """Foreign keys on the row number: an article's rows going takes its records along,
    and the journal still names it (a desk sync removes it from the desk)."""
    path = tmp_path / "old.sqlite"
    _version_9_store(path)
    with Store.open(path) as store:
        mark, _ = store.touches.touched_since(0)
        with store.tx.write() as db:
            db.execute("DELETE FROM articles WHERE id = 'a-1'")
        counts = [
            store._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("revisions", "status_changes")
        ]
        assert counts == [2, 2]
        assert store.touches.touched_since(mark)[1] == ["a-1"]


def test_tidying_the_journal_keeps_what_every_mark_sees(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles edited in turn leave an entry for each edit; tidying keeps the newest of
    each article, and a desk's mark, whatever it is, reads the same list as before."""
    from app.store import touches

    ids = [
        store.create_article(
            Article(id="", slug="", title=f"稿 {n}", body="內文。"), author="測試者"
        ).id
        for n in range(3)
    ]
    for turn in range(4):
        for article_id in ids[: 2 + turn % 2]:
            article = store.get_article(article_id)
            article.body += f"第 {turn} 次。"
            store.save_article(article, author="測試者")
    top, _ = store.touches.touched_since(0)
    before = {mark: store.touches.touched_since(mark) for mark in range(top + 1)}
    assert store.touches.compact_touches() == 0  # few entries: left as they are
    monkeypatch.setattr(touches, "TOUCHES_SLACK", 0)
    assert store.touches.compact_touches() > 0
    assert store._db.execute("SELECT count(*) FROM article_touches").fetchone()[0] == 3
    assert {mark: store.touches.touched_since(mark) for mark in range(top + 1)} == before


def test_waiting_revisions_are_found_among_the_articles_own_only(store: Store) -> None:
    """The History pane asks on every refresh which revisions from elsewhere wait: its
    query must read the article's revisions, never scan the archive's (it did, once for
    each of the article's revisions: ~40 ms at 100,000, seconds at a million)."""
    for n in range(3):
        store.create_article(
            Article(id="", slug="", title=f"別篇 {n}", body="內文。"), author="測試者"
        )
    article = store.create_article(
        Article(id="", slug="", title="本篇", body="內文。"), author="測試者"
    )
    statements: list[str] = []
    conn = store._db.conn
    conn.set_trace_callback(statements.append)
    try:
        assert store.merge.incoming(article.id) == []
    finally:
        conn.set_trace_callback(None)
    asked = [sql for sql in statements if "FROM revisions" in sql]
    assert asked
    for sql in asked:
        plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
        # A scan of a constant row or of the ancestors' CTE is not a scan of a table.
        scans = [
            s for s in plan if s.startswith("SCAN") and s not in ("SCAN CONSTANT ROW", "SCAN up")
        ]
        assert scans == [], (sql, plan)


def test_resolving_a_thread_finds_its_replies_by_index(store: Store) -> None:
    """Resolving a note resolves its replies: the notes are found by index, not by reading
    every note of the archive."""
    article = store.create_article(
        Article(id="", slug="", title="本篇", body="內文。"), author="測試者"
    )
    note = store.review.add_note(article.id, "請查證", author="編輯")
    conn = store._db.conn
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        store.review.set_resolved(note.uid, who="主編")
    finally:
        conn.set_trace_callback(None)
    asked = [sql for sql in statements if "parent_uid" in sql and "FROM notes" in sql]
    assert asked
    for sql in asked:
        plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
        assert not [step for step in plan if step.startswith("SCAN notes")], (sql, plan)
