from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.core.errors import ConflictError, InputError
from app.core.model import Figure, Source
from app.exchange.markdown import import_markdown
from app.store import Store
from app.store.schema import SCHEMA_VERSION
from tests.conftest import LIBRARY, TYPHOON, move_to


def test_migrates_a_new_file_from_empty(store_path: Path) -> None:
    assert not store_path.exists()
    with Store.open(store_path) as store:
        assert store.count_articles() == 0
    conn = sqlite3.connect(store_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "articles",
        "images",
        "figures",
        "sources",
        "related",
        "revisions",
        "snapshots",
        "desk",
        "article_fts",
        "status_changes",
        "notes",
        "term_impacts",
    } <= tables
    conn.close()
    with Store.open(store_path) as store:  # reopening applies nothing twice
        assert [m["name"] for m in store._db.query("SELECT name FROM _sqlite_migrations")] == [
            "0001_initial",
            "0002_renditions",
            "0003_list_sort_indexes",
            "0004_review",
            "0005_change_log_note_history",
            "0006_reader_dates",
            "0007_touch_journal",
            "0008_term_impacts",
            "0009_impact_epochs",
            "0010_records_by_article_seq",
            "0011_note_replies_index",
            "0012_moves_by_role_rendition_cache_apart",
            "0013_figure_creator_copyright",
            "0014_last_looked",
        ]


def test_connection_settings(store: Store) -> None:
    conn = store._db.conn
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == -32000  # 32 MB: see db.py


def test_new_article_defaults(store: Store) -> None:
    article = store.new_article("City library tries a midnight reading room", author="測試者")
    assert len(article.id) == 36
    assert article.slug == "city-library-tries-a-midnight-reading-room"
    assert article.language == "zh-Hant"
    assert article.status == "draft"
    assert article.revision is not None
    stored = store.get_article(article.id)
    assert stored.title == article.title
    assert stored.created and stored.updated


def test_chinese_title_gets_a_pinyin_slug(store: Store) -> None:
    article = store.new_article(
        "颱風季前大演練", published="2024-09-30T10:30:00+08:00", author="測試者"
    )
    assert article.slug == "tai-feng-ji-qian-da-yan-lian"
    again = store.new_article("颱風季前大演練", author="測試者")
    assert again.slug == "tai-feng-ji-qian-da-yan-lian-2"


def test_stale_save_raises_conflict_and_keeps_theirs(store: Store) -> None:
    mine = store.new_article("Draft", author="測試者")
    theirs = store.get_article(mine.id)
    theirs.body = "their edit"
    theirs = store.save_article(theirs, author="測試者")
    mine.body = "my edit"
    with pytest.raises(ConflictError) as info:
        store.save_article(mine, author="測試者")
    assert info.value.current_revision == theirs.revision
    assert store.get_article(mine.id).body == "their edit"
    # Keeping mine is an explicit save on top of theirs: both are in the history.
    kept = store.save_article(mine, base_revision=info.value.current_revision, author="測試者")
    assert store.get_article(mine.id).body == "my edit"
    bodies = [store.revision_article(mine.id, r.number).body for r in store.revisions(mine.id)]
    assert bodies == ["", "their edit", "my edit"]
    assert kept.revision == store.get_article(mine.id).revision


def test_every_save_keeps_a_revision_and_unchanged_content_is_not_stored_twice(
    store: Store,
) -> None:
    article = store.new_article("Revisions", author="測試者")
    first = article.revision
    again = store.save_article(article, author="測試者")  # nothing changed
    assert again.revision == first
    assert len(store.revisions(article.id)) == 1
    slug = article.slug
    article.slug = "revisions-b"  # not what readers see: ``updated`` stays, so A, B, A
    article = store.save_article(article, author="測試者")
    article.slug = slug
    store.save_article(article, author="測試者")  # back to the first content
    revisions = store.revisions(article.id)
    assert [r.number for r in revisions] == [1, 2, 3]
    assert revisions[0].hash == revisions[2].hash
    assert store.history.snapshot_count() == 2  # A, B, A: two distinct contents stored
    assert store.revision_article(article.id, 2).slug == "revisions-b"


def test_children_round_trip_in_order(store: Store) -> None:
    article = import_markdown(store, TYPHOON, author="測試者")
    stored = store.get_article(article.id)
    assert [f.key for f in stored.figures] == ["pump-station", "sandbags"]
    assert [s.outlet for s in stored.sources] == ["中央氣象署", "高雄市政府水利局", "Reuters"]
    stored.sources.reverse()
    stored.figures[0] = Figure(**{**stored.figures[0].__dict__, "caption": "新說明"})
    stored.sources.append(Source(date="2024-10-01", outlet="中央社", title="新來源"))
    store.save_article(stored, author="測試者")
    again = store.get_article(article.id)
    assert [s.outlet for s in again.sources] == [
        "Reuters",
        "高雄市政府水利局",
        "中央氣象署",
        "中央社",
    ]
    assert again.figures[0].caption == "新說明"


def test_images_are_stored_once(store: Store, samples: Path) -> None:
    import_markdown(store, samples / "typhoon-drill" / "article.md", author="測試者")
    second = samples / "typhoon-drill" / "article.md"
    text = second.read_text(encoding="utf-8").replace(
        "slug: kaohsiung-typhoon-drill", "slug: second-copy"
    )
    second.write_text(text, encoding="utf-8")
    import_markdown(store, second, author="測試者")
    count = next(store._db.query("SELECT count(*) AS n FROM images"))["n"]
    assert count == 2


def test_slug_taken_on_save_is_an_input_error(store: Store) -> None:
    a = store.new_article("First one", author="測試者")
    b = store.new_article("Second one", author="測試者")
    b.slug = a.slug
    with pytest.raises(InputError, match="already used"):
        store.save_article(b, author="測試者")


def test_list_filters_and_sections(store: Store) -> None:
    import_markdown(store, TYPHOON, author="測試者")
    english = import_markdown(store, LIBRARY, author="測試者")
    move_to(store, english.id, "approved")
    assert [a.slug for a in store.list_articles(status="approved")] == ["library-midnight-pilot"]
    assert [a.slug for a in store.list_articles(section="地方")] == ["kaohsiung-typhoon-drill"]
    assert store.sections() == ["City", "地方"]
    assert store.count_articles() == 2
    with pytest.raises(InputError, match="not a status"):
        store.list_articles(status="bogus")


def test_desk_settings_round_trip(store: Store) -> None:
    from app.core.model import RelatedLink

    desk = store.desk()
    assert desk.default_language == "zh-Hant"
    desk.publication_name = "南方日報"
    desk.base_url = "https://news.example.org/"
    desk.editors_picks = [RelatedLink(url="https://example.org/a", title="精選")]
    store.save_desk(desk, by="測試編輯")
    assert store.desk() == desk


def test_the_bare_schema_version_constant_matches_the_migrations() -> None:
    from app.store.schema import SCHEMA_VERSION
    from app.store.version import SCHEMA_VERSION as BARE

    assert BARE == SCHEMA_VERSION


def test_a_store_from_before_reader_dates_keeps_its_articles_unchanged_since_publication(
    tmp_path: Path,
) -> None:
    """Migration 6 on a version-5 store: an article published in 2022 and re-saved in 2026
    (status changes) reads as updated at its publication, and its revisions keep their
    hashes (an unchanged save writes nothing)."""
    import sqlite_utils

    from app.store.schema import migrations

    path = tmp_path / "old.sqlite"
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="0006_reader_dates")
    assert old.execute("PRAGMA user_version").fetchone()[0] == 5
    content = {
        "id": "old-1",
        "slug": "old-story",
        "title": "舊聞",
        "dek": "",
        "byline": [],
        "section": "",
        "tags": [],
        "language": "zh-Hant",
        "status": "published",
        "body": "內文",
        "published": "2022-05-24T09:00:00+08:00",
        "canonical_url": "",
        "figures": [],
        "sources": [],
        "related": [],
    }
    from app.core.model import canonical_json, content_hash

    digest = content_hash(content)
    old.execute(
        "INSERT INTO snapshots (hash, content) VALUES (?, ?)", [digest, canonical_json(content)]
    )
    old.execute(
        "INSERT INTO articles (id, slug, title, created_at, updated_at, revision, status,"
        " published_at, body) VALUES ('old-1', 'old-story', '舊聞', '2022-05-24T01:00:00Z',"
        " '2026-11-01T00:00:00Z', 1, 'published', '2022-05-24T09:00:00+08:00', '內文')"
    )
    old.execute(
        "INSERT INTO revisions (id, article_id, number, parent, hash, created_at, author, size,"
        " uid, origin) VALUES (1, 'old-1', 1, NULL, ?, '2026-11-01T00:00:00Z', '', 2, ?, '')",
        [digest, "a" * 32],
    )
    old.conn.commit()
    old.close()
    with Store.open(path) as store:
        article = store.get_article("old-1")
        assert article.updated == "2022-05-24T09:00:00+08:00"
        assert article.saved == "2026-11-01T00:00:00Z"
        # The new, empty fields change no hash; only the status, which left the content.
        without_status = {k: v for k, v in content.items() if k != "status"}
        assert article.content_hash() == content_hash(without_status)
        again = store.save_article(article, author="測試者")
        assert again.revision == 1 and len(store.revisions("old-1")) == 1
