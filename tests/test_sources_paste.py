"""Pasting a reporter's source list: every way a Taiwanese newsroom writes one."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.model import Source
from app.core.sources import PastedRow, parse_source_line, parse_sources

TODAY = dt.date(2024, 10, 1)


def one(text: str, known_outlets: list[str] | None = None) -> PastedRow:
    rows = parse_sources(text, today=TODAY, known_outlets=known_outlets or [])
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize(
    "line",
    [
        "2024-09-29 中央社 颱風山陀兒逼近 高雄停班停課",
        "2024/09/29 中央社 颱風山陀兒逼近 高雄停班停課",
        "2024.9.29 中央社 颱風山陀兒逼近 高雄停班停課",
        "2024年9月29日 中央社 颱風山陀兒逼近 高雄停班停課",
        "2024 年 9 月 29 日 中央社 颱風山陀兒逼近 高雄停班停課",
        "113/09/29 中央社 颱風山陀兒逼近 高雄停班停課",
        "113.09.29 中央社 颱風山陀兒逼近 高雄停班停課",
        "民國113年9月29日 中央社 颱風山陀兒逼近 高雄停班停課",
        "113年9月29日 中央社 颱風山陀兒逼近 高雄停班停課",
        "１１３/０９/２９ 中央社 颱風山陀兒逼近 高雄停班停課",
        "２０２４／０９／２９　中央社　颱風山陀兒逼近 高雄停班停課",
        "2024/09/29 14:05 中央社 颱風山陀兒逼近 高雄停班停課",
        "2024-09-29T14:05:00+08:00 中央社 颱風山陀兒逼近 高雄停班停課",
        "2024/09/29（日）中央社 颱風山陀兒逼近 高雄停班停課",
        "2024年9月29日下午2:05 中央社 颱風山陀兒逼近 高雄停班停課",
        "9月29日 中央社 颱風山陀兒逼近 高雄停班停課",
        "- 2024/09/29 中央社 颱風山陀兒逼近 高雄停班停課",
        "3. 2024/09/29 中央社 颱風山陀兒逼近 高雄停班停課",
        "中央社 2024/09/29 颱風山陀兒逼近 高雄停班停課",
        "颱風山陀兒逼近 高雄停班停課（中央社 2024/09/29）",
    ],
)
def test_every_way_of_writing_the_date(line: str) -> None:
    row = one(line)
    assert row.source == Source("2024-09-29", "中央社", "颱風山陀兒逼近 高雄停班停課")
    assert row.problems == {} and row.ok
    assert row.lines == (line,)


def test_a_day_without_its_year_is_the_latest_one_not_in_the_future() -> None:
    assert one("9月30日 中央社 昨天的新聞").source.date == "2024-09-30"
    assert one("10月1日 中央社 今天的新聞").source.date == "2024-10-01"
    assert one("10月2日 中央社 去年的新聞").source.date == "2023-10-02"
    assert one("12月31日 中央社 去年底").source.date == "2023-12-31"
    leap = parse_sources("2月29日 中央社 閏日", today=dt.date(2025, 3, 1))[0]
    assert leap.source.date == "2024-02-29" and leap.ok


def test_a_date_in_the_title_stays_in_the_title() -> None:
    row = one("國境5月24日起有條件開放")
    assert row.source == Source(title="國境5月24日起有條件開放")
    assert row.problems == {"date": "date is missing", "outlet": "outlet is missing"}
    dated = one("2022/05/24 中央社 國境6月1日起有條件開放")
    assert dated.source == Source("2022-05-24", "中央社", "國境6月1日起有條件開放")


def test_a_wrong_date_is_kept_and_named() -> None:
    row = one("2022/13/40 中央社 月份寫錯的一則")
    assert row.source == Source("2022/13/40", "中央社", "月份寫錯的一則")
    assert row.problems == {"date": "'2022/13/40' is not a real date"}
    roc = one("111/02/30 中央社 沒有這一天")
    assert roc.problems == {"date": "'111/02/30' is not a real date"}
    assert one("2月30日 中央社 沒有這一天").problems == {"date": "'2月30日' is not a real date"}


def test_a_date_after_today_is_a_problem() -> None:
    row = one("2024/10/05 中央社 還沒發生的事")
    assert row.source.date == "2024-10-05"
    assert row.problems == {"date": "date is in the future"}


def test_the_outlet_however_it_is_glued_to_the_title() -> None:
    expected = Source("2022-05-24", "聯合報", "立法院三讀通過食安法修正案")
    for line in (
        "2022/05/24 聯合報 立法院三讀通過食安法修正案",
        "2022/05/24 聯合報／立法院三讀通過食安法修正案",
        "2022/05/24 聯合報/立法院三讀通過食安法修正案",
        "2022/05/24 聯合報:立法院三讀通過食安法修正案",
        "2022/05/24 聯合報：立法院三讀通過食安法修正案",
        "2022/05/24 聯合報｜立法院三讀通過食安法修正案",
        "2022/05/24 【聯合報】立法院三讀通過食安法修正案",
        "2022/05/24 [聯合報] 立法院三讀通過食安法修正案",
        "2022/05/24 《聯合報》立法院三讀通過食安法修正案",
        "2022/05/24 立法院三讀通過食安法修正案 | 聯合報",
        "2022/05/24 立法院三讀通過食安法修正案（聯合報）",
    ):
        assert one(line).source == expected, line


def test_without_a_date_the_outlet_is_still_read_and_the_date_asked_for() -> None:
    for line in ("報呱日報 高雄捷運延長線動工", "報呱日報／高雄捷運延長線動工"):
        row = one(line)
        assert row.source == Source(outlet="報呱日報", title="高雄捷運延長線動工"), line
        assert row.problems == {"date": "date is missing"}
    browser = one("高雄捷運延長線動工 居民盼通車 | 報呱新聞網")
    assert browser.source == Source(outlet="報呱新聞網", title="高雄捷運延長線動工 居民盼通車")
    english = one("Kaohsiung metro extension breaks ground - Formosa Daily")
    assert english.source.outlet == "Formosa Daily"
    assert english.source.title == "Kaohsiung metro extension breaks ground"


def test_a_title_is_not_cut_at_its_first_word_without_a_reason() -> None:
    row = one("颱風來襲 全台停班停課")
    assert row.source == Source(title="颱風來襲 全台停班停課")
    assert row.problems == {"date": "date is missing", "outlet": "outlet is missing"}
    assert one("2022/05/24 中央社 颱風來襲（影）").source.title == "颱風來襲（影）"
    assert one("2022/05/24 中央社 颱風來襲 - 全台停班").source.outlet == "中央社"


def test_outlets_the_desk_knows_are_found_even_glued() -> None:
    row = one("報呱日報高雄捷運延長線動工", known_outlets=["報呱日報"])
    assert row.source == Source(outlet="報呱日報", title="高雄捷運延長線動工")
    nyt = one("2022/05/24 Formosa Times Metro opens", known_outlets=["Formosa Times"])
    assert nyt.source == Source("2022-05-24", "Formosa Times", "Metro opens")
    assert one("APEC summit opens", known_outlets=["AP"]).source.outlet == ""


def test_outlets_read_on_one_line_help_the_others() -> None:
    rows = parse_sources("2022/05/24 報呱日報 第一則\n報呱日報第二則", today=TODAY)
    assert rows[1].source == Source(outlet="報呱日報", title="第二則")


def test_a_url_anywhere_in_the_line() -> None:
    for line in (
        "2022/05/24 中央社 颱風季節降雨展望 https://www.cna.example.tw/news/aipl/202205240123",
        "https://www.cna.example.tw/news/aipl/202205240123 2022/05/24 中央社 颱風季節降雨展望",
        "2022/05/24 中央社 https://www.cna.example.tw/news/aipl/202205240123 颱風季節降雨展望",
        "2022/05/24 中央社 颱風季節降雨展望（https://www.cna.example.tw/news/aipl/202205240123）",
        "2022/05/24 中央社 颱風季節降雨展望 <https://www.cna.example.tw/news/aipl/202205240123>",
    ):
        assert one(line).source == Source(
            "2022-05-24",
            "中央社",
            "颱風季節降雨展望",
            "https://www.cna.example.tw/news/aipl/202205240123",
        ), line
    www = one("2022/05/24 中央社 颱風 www.cna.example.tw/a?id=1&x=(2)")
    assert www.source.url == "https://www.cna.example.tw/a?id=1&x=(2)"
    two = one("2022/05/24 中央社 颱風 https://a.example.org/1 https://b.example.org/2")
    assert (two.source.url, two.source.note) == (
        "https://a.example.org/1",
        "https://b.example.org/2",
    )


def test_a_title_then_its_url_on_the_next_line_is_one_row() -> None:
    text = (
        "2022/05/24 中央社 颱風季節降雨展望\n"
        "https://www.cna.example.tw/news/1\n"
        "\n"
        "高雄捷運延長線動工 居民盼通車 | 報呱新聞網\n"
        "https://news.example.org/2\n"
        "https://news.example.org/3\n"
    )
    rows = parse_sources(text, today=TODAY)
    assert [r.lines for r in rows] == [
        ("2022/05/24 中央社 颱風季節降雨展望", "https://www.cna.example.tw/news/1"),
        ("高雄捷運延長線動工 居民盼通車 | 報呱新聞網", "https://news.example.org/2"),
        ("https://news.example.org/3",),
    ]
    assert rows[0].source.url == "https://www.cna.example.tw/news/1" and rows[0].ok
    assert rows[1].source.url == "https://news.example.org/2"
    assert rows[2].source == Source(url="https://news.example.org/3")
    assert rows[2].problems == {
        "date": "date is missing",
        "outlet": "outlet is missing",
        "title": "title is missing",
    }
    assert rows[0].text == "2022/05/24 中央社 颱風季節降雨展望\nhttps://www.cna.example.tw/news/1"


def test_spreadsheet_rows_in_any_column_order() -> None:
    text = (
        "https://news.example.org/a\t颱風季節降雨展望說明會\t2022/05/24\t中央社\n"
        "https://news.example.org/b\t立法院三讀通過食安法修正案\t111/05/25\t聯合報\n"
        "\t高雄捷運延長線動工\t2022年5月26日\t報呱日報\n"
    )
    rows = parse_sources(text, today=TODAY)
    assert [r.source for r in rows] == [
        Source("2022-05-24", "中央社", "颱風季節降雨展望說明會", "https://news.example.org/a"),
        Source("2022-05-25", "聯合報", "立法院三讀通過食安法修正案", "https://news.example.org/b"),
        Source("2022-05-26", "報呱日報", "高雄捷運延長線動工"),
    ]
    assert all(r.ok for r in rows)


def test_spreadsheet_with_headings_reads_its_columns_by_them() -> None:
    text = (
        "標題\t媒體\t日期\t網址\t備註\n"
        "颱風\t中央社\t2022-05-24\thttps://news.example.org/a\t記者會\n"
        "地震\t公視\t不明\t\t\n"
    )
    rows = parse_sources(text, today=TODAY)
    assert rows[0].source == Source() and set(rows[0].problems) == {"row"}
    assert rows[1].source == Source(
        "2022-05-24", "中央社", "颱風", "https://news.example.org/a", "記者會"
    )
    assert rows[2].source == Source("不明", "公視", "地震")
    assert rows[2].problems == {"date": "'不明' is not a date"}


def test_spreadsheet_title_column_with_the_outlet_in_it() -> None:
    row = one("2022/5/24\t中央社／颱風季節降雨展望\thttps://news.example.org/a")
    assert row.source == Source(
        "2022-05-24", "中央社", "颱風季節降雨展望", "https://news.example.org/a"
    )
    alone = one("2022/5/24\t颱風季節降雨展望\thttps://news.example.org/a")
    assert alone.problems == {"outlet": "outlet is missing"}
    short_title = one("2022/05/24\t中央社\t颱風")
    assert (short_title.source.outlet, short_title.source.title) == ("中央社", "颱風")
    english = one("2022/05/24\tAnalysts see a cut\tReuters")
    assert (english.source.outlet, english.source.title) == ("Reuters", "Analysts see a cut")


def test_no_line_is_dropped_and_blank_lines_are_skipped() -> None:
    text = "\n\n只有標題一行\n   \n\t\n???\n2022/05/24\n中央社\n"
    rows = parse_sources(text, today=TODAY)
    assert [r.lines for r in rows] == [("只有標題一行",), ("???",), ("2022/05/24",), ("中央社",)]
    assert rows[0].source == Source(title="只有標題一行")
    assert rows[2].source == Source(date="2022-05-24")
    assert rows[2].problems == {"outlet": "outlet is missing", "title": "title is missing"}
    assert not any(r.ok for r in rows)
    assert parse_sources("", today=TODAY) == []


def test_full_width_title_text_is_kept_as_pasted() -> None:
    row = one("２０２２／０５／２４　公視　颱風（更新）：全台１２縣市停班")
    assert row.source == Source("2022-05-24", "公視", "颱風（更新）：全台１２縣市停班")


def test_a_bad_url_is_a_problem_not_a_crash() -> None:
    row = one("2022/05/24\t中央社\t颱風季節降雨展望\tftp://files.example.org/a")
    assert row.source.url == "ftp://files.example.org/a"
    assert row.problems == {"url": "not an http(s) URL"}


def test_the_one_line_reader_still_works_for_its_callers() -> None:
    assert parse_source_line("2022/05/24 Reuters China and Russia hold drills") == Source(
        "2022-05-24", "Reuters", "China and Russia hold drills"
    )
    assert parse_source_line("no date here") is None


_PIECES = st.sampled_from(
    [*"0123456789０１２/.-年月日民國 \t:：|｜／【】()（）<>報社中央颱風ABCab\u3000"]
    + ["https://e.org/x", "www.e.org", "2022/05/24", "111年", "5月24日", "聯合報"]
)


@given(st.lists(st.lists(_PIECES, max_size=12).map("".join), max_size=8))
@settings(max_examples=300, deadline=None)
def test_any_paste_gives_each_line_one_row_and_never_fails(lines: list[str]) -> None:
    rows = parse_sources("\n".join(lines), today=TODAY)
    assert [line for r in rows for line in r.lines] == [
        line for line in "\n".join(lines).splitlines() if line.strip()
    ]
    for r in rows:
        assert isinstance(r.source, Source) and all(
            isinstance(v, str) for v in vars(r.source).values()
        )
