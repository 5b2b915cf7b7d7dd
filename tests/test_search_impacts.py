"""The impact lists behind exact search at scale (``app.store.impacts``): counted as FTS5
counts, kept in step with every save, and ranking exactly as bm25 over every match does."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest

from app.core.model import Article
from app.store import Store, impacts
from app.store import search as search_module
from app.store.search import _columns, index_columns


def _safe_characters() -> Iterator[str]:
    for code in itertools.chain(range(0x80), range(0x3000, 0xA000), range(0xFF00, 0xFF70)):
        char = chr(code)
        if impacts._SAFE_TEXT.fullmatch(char):
            yield char


def test_python_counts_every_safe_character_exactly_as_fts5_does() -> None:
    """Every character the fast path accepts, alone, doubled, inside and between words:
    the same tokens, the same counts and the same length as unicode61 gives."""
    chars = list(_safe_characters())
    assert len(chars) > 27_000
    for at in range(0, len(chars), 2_000):
        batch = chars[at : at + 2_000]
        text = " ".join(f"q{c}z {c}{c} 政{c}府" for c in batch)
        columns = [text, "", "Title Case WORDS " + "ab" * 499, "", ""]
        fast = impacts.term_weights(columns)
        assert fast == impacts._fts5_counts(columns), batch[0]


def test_text_outside_the_checked_set_is_counted_by_fts5() -> None:
    columns = ["Café CAFE cafe ＡＢＣ 🙂 naïve", "", "", "", ""]
    assert impacts._python_tokens(columns[0]) is None
    counted = impacts.term_weights(columns)
    assert counted.weights["cafe"] == 30.0  # three in the title, folded as FTS5 folds
    assert counted == impacts._fts5_counts(columns)


def _rows_of(store: Store, seq: int) -> set[impacts.ImpactRow]:
    return {
        (r["epoch"], r["term"], r["impact"], r["seq"], r["weight"], r["length"])
        for r in store._db.query("SELECT * FROM term_impacts WHERE seq = ?", [seq])
    }


def _seq(store: Store, article_id: str) -> int:
    return int(next(store._db.query("SELECT seq FROM articles WHERE id = ?", [article_id]))["seq"])


def test_a_save_replaces_the_articles_rows(store: Store) -> None:
    article = store.new_article("政府公布防災計畫", body="政府說明。", author="測試者")
    seq = _seq(store, article.id)
    assert (0, "政府", int(impacts.saturation(11.0, 10, 1000.0) * impacts.SCALE)) in {
        row[:3] for row in _rows_of(store, seq)
    }
    article.title = "市府公布颱風整備"
    article.body = "颱風將至。颱風假。"
    saved = store.save_article(article, author="測試者")
    expected = set(impacts.impact_rows(seq, _columns(saved)))
    assert expected and _rows_of(store, seq) == expected
    assert not any(row[1] == "政府" for row in _rows_of(store, seq))


def test_the_migration_counts_stored_articles_as_a_save_does(store: Store) -> None:
    for n in range(7):
        store.new_article(
            f"颱風 {n} 政府", body="抽水站 政府 " * n, dek="防災 Flood", author="測試者"
        )
    before = set(store._db.execute("SELECT * FROM term_impacts").fetchall())
    assert len(before) > 10
    with store._db.atomic():
        store._db.execute("DELETE FROM term_impacts")
        search_module.backfill_impacts(store._db, chunk=3)
    assert set(store._db.execute("SELECT * FROM term_impacts").fetchall()) == before


def _random_archive(store: Store, count: int, rng: random.Random, longest: int) -> None:
    words = ["政府", "颱風", "防災", "抽水", "pump", "city", "記者", "今天"]
    for n in range(count):
        body = " ".join(rng.choices(words, k=rng.randint(2, longest)))
        title = " ".join(rng.choices(words, k=rng.randint(1, 6)))
        store.create_article(
            Article(
                id="", slug=f"a-{n}", title=title, dek=rng.choice(["", "防災 政府"]), body=body
            ),
            author="測試者",
        )


@pytest.mark.parametrize(
    ("limit", "longest", "epoch_bits"),
    [(1, 400, 14), (5, 400, 14), (20, 400, 14), (5, 4000, 14), (1, 400, 3), (20, 400, 5)],
)
def test_the_impact_order_gives_the_bm25_top_k(
    store: Store, limit: int, longest: int, epoch_bits: int
) -> None:
    """Where the impact list can prove its answer, it is bm25's own top k, score for score,
    and it proves it for words with many strong matches; also when articles are on average
    longer than the reference length the impacts were stored at, and when the lists are
    spread over many epochs (8 and 32 articles an epoch here)."""
    with (
        mock.patch.object(impacts, "EPOCH_BITS", epoch_bits),
        mock.patch.object(search_module, "RANK_ALL_BELOW", 0),  # the lists, however short
    ):
        _random_archive(store, 300, random.Random(limit), longest)
        _check_impact_order(store, limit)
    if epoch_bits < 14:
        epochs = store._db.execute("SELECT count(DISTINCT epoch) FROM term_impacts").fetchone()[0]
        assert epochs == 300 // 2**epoch_bits + 1


def _check_impact_order(store: Store, limit: int) -> None:
    proven = 0
    for token in ["政府", "颱風", "防災", "抽水", "pump", "city", "記者", "今天"]:
        expression = f'"{token}"'
        fast = search_module._by_impact(store._db, token, "", [], limit)
        slow = search_module._by_bm25(store._db, expression, "", [], limit)
        if fast is not None:
            proven += 1
            assert [s for s, _ in fast] == [s for s, _ in slow]
            assert [round(x, 9) for _, x in fast] == [round(x, 9) for _, x in slow]
    assert proven >= 6


def test_the_old_title_match_ranks_first_among_12500_body_matches(tmp_path: Path) -> None:
    """An editor looking for a 2015 story: newer articles mention 政府 in passing, the old one
    has it in its title. It comes first; asked for the best one alone, the impact list
    proves it without ranking the other 12,600."""
    with Store.open(tmp_path / "archive.sqlite") as store:
        old = store.create_article(
            Article(
                id="",
                slug="disaster-review",
                title="政府公布十年防災總體檢",
                body="十年來的防災工作,逐項檢討。",
                published="2015-03-02T10:00:00+08:00",
            ),
            author="測試者",
        )
        for n in range(12_600):
            store.create_article(
                Article(
                    id="",
                    slug=f"local-{n}",
                    title=f"地方新聞第{n}則",
                    body=f"市議會今天開會,政府官員列席說明第{n}號預算案。",
                    published="2024-05-01T10:00:00+08:00",
                ),
                author="測試者",
            )
        assert store.search_index.count("政府") == 12_601
        hits = store.search("政府", limit=50)
        assert hits[0].id == old.id
        assert len(hits) == 50
        with mock.patch.object(search_module, "_by_bm25", side_effect=AssertionError("scan")):
            assert [h.id for h in store.search("政府", limit=1)] == [old.id]
        assert [h.id for h in store.search("政府 until:2015")] == [old.id]


def _version_8_store(path: Path, rows: bool) -> list[impacts.ImpactRow]:
    """A store as Galley left it before impact epochs, two articles in it, their impact rows
    in the old layout (term, impact, seq, weight, length) when ``rows``; the rows a save
    makes now."""
    import sqlite_utils

    from app.store.schema import migrations

    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="0009_impact_epochs")
    assert old.execute("PRAGMA user_version").fetchone()[0] == 8
    expected: list[impacts.ImpactRow] = []
    for seq, (title, body) in enumerate([("政府防災", "抽水站 " * 9), ("颱風", "政府")], 1):
        old.execute(
            "INSERT INTO articles (seq, id, slug, title, body, created_at, updated_at, revision)"
            " VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 1)",
            [seq << 14, f"id-{seq}", f"slug-{seq}", title, body],
        )
        columns = index_columns(title, "", body, [], [])
        old.execute(
            "INSERT INTO article_fts (rowid, title, dek, body, captions, sources)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [seq << 14, *columns],
        )
        expected += impacts.impact_rows(seq << 14, columns)
    if rows:
        old.conn.executemany(
            "INSERT INTO term_impacts VALUES (?, ?, ?, ?, ?)", [r[1:] for r in expected]
        )
    old.conn.commit()
    old.close()
    return sorted(expected)


@pytest.mark.parametrize("counted", [True, False])
def test_the_epoch_migration_keeps_the_rows_counted_and_counts_the_rest(
    tmp_path: Path, counted: bool
) -> None:
    """Migration 9: rows already counted are moved to their epoch as they are (a million
    articles are not counted again); a store without any gets them counted."""
    path = tmp_path / "v8.sqlite"
    expected = _version_8_store(path, rows=counted)
    assert {row[0] for row in expected} == {1, 2}
    with Store.open(path) as store:
        stored = [
            tuple(r) for r in store._db.execute("SELECT * FROM term_impacts ORDER BY 1, 2, 3, 4")
        ]
        assert stored == expected
        assert [hit.id for hit in store.search("抽水站")] == ["id-1"]
        assert [hit.id for hit in store.search("政府")] == ["id-1", "id-2"]


def test_columns_for_the_migration_match_an_articles_own() -> None:
    from app.core.model import Figure, Source

    article = Article(
        id="x",
        slug="x",
        title="標題",
        dek="導言",
        body="內文",
        figures=[
            Figure(key="a", image="i", caption="圖說", alt="替代"),
            Figure(key="b", image="j"),
        ],
        sources=[Source(outlet="中央社", title="來源標題", url="https://example.org")],
    )
    assert _columns(article) == index_columns(
        "標題", "導言", "內文", ["圖說 替代", " "], ["中央社 來源標題"]
    )


def _segments_written(store: Store) -> int:
    """FTS5's count of segments ever written (its structure record's write counter)."""
    block = next(store._db.query("SELECT block FROM article_fts_data WHERE id = 10"))["block"]
    return impacts._varints(block[4:16])[2]


def _drill_files(tmp_path: Path) -> list[Path]:
    from app.exchange.source import article_to_markdown

    files = []
    for n in range(40):
        article = Article(
            id="", slug=f"drill-{n}", title=f"颱風演練第{n}站", body="高雄抽水站全面檢查。"
        )
        files.append(tmp_path / f"drill-{n}.md")
        files[-1].write_text(article_to_markdown(article, {}), encoding="utf-8")
    return files


def test_an_import_of_many_files_writes_the_index_once(store: Store, tmp_path: Path) -> None:
    """Indexed article by article, FTS5 wrote a segment for each article of an import (every
    statement with a trigger flushes its pending text) and merged them again: 40 files
    wrote 40 segments. The transaction's text now goes in at its end, together."""
    from app.exchange.bundles import import_paths

    files = _drill_files(tmp_path)
    before = _segments_written(store)
    imported = import_paths(store, files, author="測試者")
    assert _segments_written(store) - before == 1
    found = {h.id for h in store.search("抽水站", limit=100)}
    assert found == {a.id for a in imported} and len(found) == 40


def test_an_article_saved_twice_in_one_write_is_indexed_as_last_saved(store: Store) -> None:
    article = store.new_article("政府公布防災計畫", body="颱風來襲。", author="測試者")
    seq = _seq(store, article.id)
    with store.tx.write():
        article.body = "抽水站演練。"
        article = store.save_article(article, author="測試者")
        article.body = "沙包站檢查。"
        article = store.save_article(article, author="測試者")
    assert [h.id for h in store.search("沙包站")] == [article.id]
    assert store.search("抽水站") == [] and store.search("颱風") == []
    assert _rows_of(store, seq) == set(impacts.impact_rows(seq, _columns(article)))
    store.save_article(
        article, author="測試者"
    )  # the index holds exactly the last text: no stale rows
    assert store.search("抽水站") == []


def test_a_write_that_fails_leaves_nothing_queued_for_the_next(store: Store) -> None:
    article = store.new_article("政府公布防災計畫", body="颱風來襲。", author="測試者")
    with pytest.raises(RuntimeError), store.tx.write():
        article.body = "抽水站演練。"
        store.save_article(article, author="測試者")
        raise RuntimeError("the import's last file was bad")
    store.new_article("另一篇", body="沙包站檢查。", author="測試者")
    assert store.search("抽水站") == []
    assert [h.title for h in store.search("颱風")] == ["政府公布防災計畫"]


def test_a_write_inside_a_read_is_indexed_when_the_write_ends(store: Store) -> None:
    with store.tx.read():
        article = store.new_article("政府公布防災計畫", body="抽水站演練。", author="測試者")
        assert [h.id for h in store.search("抽水站")] == [article.id]


def test_a_very_large_write_hands_its_text_over_in_parts(store: Store, tmp_path: Path) -> None:
    """The queue is bounded: past QUEUE_CHARACTERS it indexes what it holds, mid-transaction,
    and an article saved again after that is replaced, not indexed twice."""
    from app.exchange.bundles import import_paths

    files = _drill_files(tmp_path)
    before = _segments_written(store)
    with mock.patch.object(search_module, "QUEUE_CHARACTERS", 300), store.tx.write():
        imported = import_paths(store, files, author="測試者")
        again = imported[0]
        again.body = "沙包站檢查。"
        again = store.save_article(again, author="測試者")
    assert _segments_written(store) - before > 5
    found = {h.id for h in store.search("抽水站", limit=100)}
    assert found == {a.id for a in imported[1:]}
    assert [h.id for h in store.search("沙包站")] == [again.id]
    seq = _seq(store, again.id)
    assert _rows_of(store, seq) == set(impacts.impact_rows(seq, _columns(again)))
