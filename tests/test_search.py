from __future__ import annotations

import pytest

from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON


def _imported(store: Store) -> tuple[str, str]:
    return import_markdown(store, TYPHOON, author="測試者").id, import_markdown(
        store, LIBRARY, author="測試者"
    ).id


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
    body_only = store.new_article(
        "Weather notes", body="the pump station was checked " * 3, author="測試者"
    )
    in_title = store.new_article("Pump station upgrade", body="details follow", author="測試者")
    assert [h.id for h in store.search("pump")] == [in_title.id, body_only.id]


def test_query_syntax_is_never_an_error(store: Store) -> None:
    _imported(store)
    for query in ('"', "AND", "NEAR(", "*", "title:抽水", "a OR b", "-", "^"):
        store.search(query)  # must not raise


def test_edits_update_the_index(store: Store) -> None:
    zh, _ = _imported(store)
    article = store.get_article(zh)
    article.body = "全新的內容,只談防災包。"
    store.save_article(article, author="測試者")
    assert [h.id for h in store.search("沙包站")] == [zh]  # still in the title
    assert [h.id for h in store.search("防災包")] == [zh]
    assert store.search("獨居長者") == []


def _article(store: Store, title: str, body: str, **fields: object) -> str:
    from app.core.model import Article

    return store.create_article(
        Article(id="", slug="", title=title, body=body, **fields), author="測試者"
    ).id  # type: ignore[arg-type]


def test_phrases_exclusions_and_title_searches(store: Store) -> None:
    together = _article(store, "Opening hours", "The city library opens at midnight.")
    apart = _article(store, "Budget", "The library asked the city for money at midnight.")
    titled = _article(store, "City library plans", "Plans were shown.")
    assert {h.id for h in store.search("city library")} == {together, apart, titled}
    assert {h.id for h in store.search('"city library"')} == {together, titled}
    assert {h.id for h in store.search("library -midnight")} == {titled}
    assert {h.id for h in store.search('library -"at midnight"')} == {titled}
    assert [h.id for h in store.search("title:library")] == [titled]
    zh = _article(store, "市府公布防災計畫", "抽水站更新。")
    assert [h.id for h in store.search('"防災計畫"')] == [zh]
    assert store.search('"防災 更新"') == []  # not next to each other


def test_section_byline_and_status_filters(store: Store) -> None:
    local = _article(store, "颱風逼近", "抽水站待命。", section="地方", byline=["林 雨晴"])
    world = _article(store, "颱風過境日本", "抽水站。", section="國際", byline=["Alex Chen"])
    store.review.change_status(world, "in_review", who="記者", role="editor")
    assert {h.id for h in store.search("颱風 section:地方")} == {local}
    assert {h.id for h in store.search("颱風 byline:雨晴")} == {local}
    assert {h.id for h in store.search("颱風 byline:alex")} == {world}  # any case
    assert {h.id for h in store.search("抽水站 status:in_review")} == {world}
    # Filters alone list their articles, newest first.
    assert [h.id for h in store.search("status:draft")] == [local]
    from app.store.search import count_matches

    assert count_matches(store._db, "section:國際") == 1
    assert count_matches(store._db, "颱風 -日本") == 1


def test_what_cannot_be_searched_for_is_said_in_one_line(store: Store) -> None:
    import pytest

    from app.core.errors import InputError

    _article(store, "颱風", "內文。")
    with pytest.raises(InputError, match="unknown status 'finished'"):
        store.search("颱風 status:finished")
    with pytest.raises(InputError, match="add a word to look for"):
        store.search("-颱風")


def test_date_range_and_newest_first(store: Store) -> None:
    old = _article(store, "政府公布十年防災總體檢", "政府。", published="2015-03-02T10:00:00+08:00")
    mid = _article(store, "選舉", "政府說明。", published="2019-06-30T10:00:00+08:00")
    new = _article(store, "颱風", "政府宣布停班。", published="2024-09-01T10:00:00+08:00")
    assert [h.id for h in store.search("政府")][0] == old  # the title match ranks first
    assert [h.id for h in store.search("政府 sort:date")] == [new, mid, old]
    assert [h.id for h in store.search("政府 since:2019 until:2019-06")] == [mid]
    assert [h.id for h in store.search("政府 until:2015")] == [old]
    assert [h.id for h in store.search("since:2020")] == [new]


@pytest.mark.parametrize("walk_after", [0, 2_000])
def test_newest_first_walks_the_date_index_or_sorts_the_matches(
    store: Store, monkeypatch: pytest.MonkeyPatch, walk_after: int
) -> None:
    """Both ways of listing matches newest first give the same order (ties: last written
    first), with filters; an article's date is its publication, else when it was written."""
    from app.store import search as search_module

    monkeypatch.setattr(search_module, "DATE_WALK_AFTER", walk_after)
    ids = []
    for n, day in enumerate(["2019-01-05", "", "2024-03-01", "2019-01-05", "2016-07-07"]):
        published = f"{day}T10:00:00+08:00" if day else ""
        ids.append(_article(store, f"颱風 {n}", "政府說明。", published=published))
    _article(store, "無關", "地方新聞。", published="2030-01-01T10:00:00+08:00")
    unpublished, newest = ids[1], ids[2]
    order = [unpublished, newest, ids[3], ids[0], ids[4]]  # written today, so newest
    assert [h.id for h in store.search("政府 sort:date")] == order
    assert [h.id for h in store.search("政府 sort:date", limit=2)] == order[:2]
    assert [h.id for h in store.search("颱風 sort:date until:2019")] == [ids[3], ids[0], ids[4]]


def test_the_command_line_spells_sort_and_dates_as_options(store_path, capsys) -> None:  # noqa: ANN001
    from app.cli import main

    with Store.open(store_path) as store:
        _article(store, "舊聞", "政府。", published="2015-03-02T10:00:00+08:00")
        _article(store, "新聞", "政府。", published="2024-03-02T10:00:00+08:00")
    assert main(["--store", str(store_path), "search", "政府", "--sort", "date"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "新聞" in lines[0] and "舊聞" in lines[2]
    assert main(["--store", str(store_path), "search", "政府", "--since", "2016"]) == 0
    assert "舊聞" not in capsys.readouterr().out
    assert main(["--store", str(store_path), "search", "政府", "--since", "2016-13"]) == 2
    assert "since:2016-13 is not a date" in capsys.readouterr().err
