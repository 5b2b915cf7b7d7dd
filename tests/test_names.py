"""Readable names: pinyin slugs for Chinese titles, figure keys from image file names."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.slugs import (
    MAX_FIGURE_KEY,
    MAX_PINYIN_SLUG,
    figure_key_for,
    is_valid_slug,
    suggest_slug,
)
from app.core.validation import FIGURE_KEY_RE

ID = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
WHEN = "2024-09-30T10:30:00+08:00"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("颱風季前大演練", "tai-feng-ji-qian-da-yan-lian"),
        ("王毅出席聯合國大會", "wang-yi-chu-xi-lian-he-guo-da-hui"),
        # Readings by phrase, Traditional characters included: 銀行 is yin-hang, 音樂 yin-yue.
        ("台灣銀行舉辦音樂會", "tai-wan-yin-hang-ju-ban-yin-yue-hui"),
        ("重慶綠色金融論壇", "chong-qing-lv-se-jin-rong-lun-tan"),
        # Latin words and numbers stay where they are; punctuation is a word break.
        ("台積電TSMC 3奈米製程量產", "tai-ji-dian-tsmc-3-nai-mi-zhi-cheng-liang-chan"),
        ("高雄「輕軌」環狀線通車！", "gao-xiong-qing-gui-huan-zhuang-xian-tong-che"),
        ("ＣＯＶＩＤ－１９疫苗開打", "covid-19-yi-miao-kai-da"),
    ],
)
def test_a_chinese_title_gets_a_pinyin_slug(title: str, slug: str) -> None:
    assert suggest_slug(title, WHEN, ID) == slug
    assert is_valid_slug(slug)


def test_a_long_chinese_title_is_cut_between_syllables() -> None:
    title = "立法院今（24）日三讀通過《食品安全衛生管理法》部分條文修正草案，違規業者最高可罰2億元"
    slug = suggest_slug(title, WHEN, ID)
    assert slug == "li-fa-yuan-jin-24-ri-san-du-tong-guo-shi-pin-an-quan-wei"
    assert len(slug) <= MAX_PINYIN_SLUG and is_valid_slug(slug)
    assert "li-fa-yuan-jin-24-ri-san-du-tong-guo-shi-pin-an-quan-wei-sheng".startswith(slug)


def test_an_english_title_is_used_when_there_is_one() -> None:
    slug = suggest_slug("颱風季前大演練", WHEN, ID, english_title="Kaohsiung's typhoon drill")
    assert slug == "kaohsiung-s-typhoon-drill"
    # An English title with nothing to spell does not stand in the way.
    assert suggest_slug("颱風季前大演練", english_title=" — ") == "tai-feng-ji-qian-da-yan-lian"


def test_latin_titles_keep_their_words() -> None:
    assert suggest_slug("City library tries a midnight reading room") == (
        "city-library-tries-a-midnight-reading-room"
    )
    assert suggest_slug("Café scene: Taipei's 24-hour bookshops") == (
        "cafe-scene-taipei-s-24-hour-bookshops"
    )
    long = suggest_slug(" ".join(["extraordinarily"] * 12))
    assert len(long) <= 80 and is_valid_slug(long) and not long.endswith("-extraord")


def test_a_title_with_nothing_to_spell_gets_date_and_id() -> None:
    assert suggest_slug("🎉🎉！", WHEN, ID) == "2024-09-30-1a2b3c4d"
    assert suggest_slug("", "", "") == "article"


@given(st.text(max_size=120), st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_every_suggestion_is_a_valid_slug(title: str, english: str) -> None:
    assert is_valid_slug(suggest_slug(title, WHEN, ID, english_title=english))


@pytest.mark.parametrize(
    ("filename", "key"),
    [
        ("王毅.jpg", "wang-yi"),
        ("蔡英文_總統府.jpeg", "cai-ying-wen_zong-tong-fu"),
        ("高雄 港 夜景 (2).png", "gao-xiong-gang-ye-jing-2"),
        ("IMG_2034.JPG", "img_2034"),
        ("DSC-0012 copy.heic", "dsc-0012-copy"),
        ("photo.final.v2.jpg", "photo-final-v2"),
        ("Ｆｉｌｅ１２.png", "file12"),
        (r"C:\Users\reporter\Desktop\王毅.jpg", "wang-yi"),
        ("/home/reporter/照片/台灣銀行.webp", "tai-wan-yin-hang"),
        ("!!!.png", "figure"),
        ("", "figure"),
    ],
)
def test_a_figure_key_comes_from_its_file_name(filename: str, key: str) -> None:
    assert figure_key_for(filename, set()) == key
    assert FIGURE_KEY_RE.fullmatch(key)


def test_a_figure_key_is_not_one_already_taken() -> None:
    assert figure_key_for("王毅.jpg", {"wang-yi"}) == "wang-yi-2"
    assert figure_key_for("王毅.jpg", {"wang-yi", "wang-yi-2"}) == "wang-yi-3"
    assert figure_key_for("王毅.jpg", {"Wang-Yi"}) == "wang-yi-2"  # keys differing in case
    assert figure_key_for("王毅.jpg", {"figure", "img_1"}) == "wang-yi"


def test_a_long_figure_key_is_cut_between_words_with_room_for_its_number() -> None:
    name = "高雄市政府新聞局提供" * 4 + ".jpg"
    key = figure_key_for(name, set())
    assert len(key) <= MAX_FIGURE_KEY and FIGURE_KEY_RE.fullmatch(key)
    assert key.startswith("gao-xiong-shi-zheng-fu") and not key.endswith("-")
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", key)
    again = figure_key_for(name, {key})
    assert len(again) <= MAX_FIGURE_KEY and again.endswith("-2") and FIGURE_KEY_RE.fullmatch(again)
    glued = figure_key_for("x" * 100 + ".png", {"x" * 64})
    assert glued == "x" * 62 + "-2"


@given(st.text(max_size=90), st.sets(st.text(max_size=8), max_size=5))
@settings(max_examples=300, deadline=None)
def test_every_figure_key_is_valid_and_free(filename: str, taken: set[str]) -> None:
    taken = taken | {figure_key_for(filename, set())}
    key = figure_key_for(filename, taken)
    assert FIGURE_KEY_RE.fullmatch(key) and len(key) <= MAX_FIGURE_KEY
    assert key.lower() not in {t.lower() for t in taken}
