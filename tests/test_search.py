from __future__ import annotations

from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON


def _imported(store: Store) -> tuple[str, str]:
    return import_markdown(store, TYPHOON).id, import_markdown(store, LIBRARY).id


def test_chinese_substrings_of_two_characters_and_more(store: Store) -> None:
    zh, _ = _imported(store)
    for query in ("抽水", "抽水站", "水站", "防颱演練", "沙包", "颱"):
        assert [h.id for h in store.search(query)] == [zh], query
    assert store.search("水抽") == []
    assert store.search("抽水 midnight") == []


def test_english_words_any_case(store: Store) -> None:
    _, en = _imported(store)
    assert [h.id for h in store.search("midnight")] == [en]
    assert [h.id for h in store.search("MIDNIGHT Library")] == [en]


def test_captions_and_source_titles_are_searched(store: Store) -> None:
    zh, _ = _imported(store)
    assert [h.id for h in store.search("發電機")] == [zh]  # caption only
    assert [h.id for h in store.search("展望說明")] == [zh]  # source title only
    assert [h.id for h in store.search("Reuters")] == [zh]  # source outlet


def test_snippet_shows_the_match(store: Store) -> None:
    _imported(store)
    hit = store.search("抽水站")[0]
    assert hit.match is not None
    assert hit.snippet[hit.match[0] : hit.match[1]] == "抽水站"


def test_title_matches_rank_first(store: Store) -> None:
    body_only = store.new_article("Weather notes", body="the pump station was checked " * 3)
    in_title = store.new_article("Pump station upgrade", body="details follow")
    assert [h.id for h in store.search("pump")] == [in_title.id, body_only.id]


def test_query_syntax_is_never_an_error(store: Store) -> None:
    _imported(store)
    for query in ('"', "AND", "NEAR(", "*", "title:抽水", "a OR b", "-", "^"):
        store.search(query)  # must not raise


def test_edits_update_the_index(store: Store) -> None:
    zh, _ = _imported(store)
    article = store.get_article(zh)
    article.body = "全新的內容,只談防災包。"
    store.save_article(article)
    assert [h.id for h in store.search("沙包站")] == [zh]  # still in the title
    assert [h.id for h in store.search("防災包")] == [zh]
    assert store.search("獨居長者") == []


def test_very_common_words_rank_only_the_newest_matches(store: Store, monkeypatch) -> None:  # noqa: ANN001
    from app.store import search as search_module

    oldest = store.new_article("Pump pump pump", body="pump")
    newer = [store.new_article(f"Story {n}", body="a pump was mentioned") for n in range(4)]
    assert store.search("pump")[0].id == oldest.id  # best match when everything is ranked
    monkeypatch.setattr(search_module, "RANK_WINDOW", 3)
    ids = [h.id for h in store.search("pump")]
    assert oldest.id not in ids
    assert sorted(ids) == sorted(a.id for a in newer[1:])
    assert search_module.count_matches(store._db, "pump") == 5
