"""The page as others read it: article extractors (newspaper4k, trafilatura) credit only the
byline, Chromium's accessibility tree names each landmark once, the stylesheet leaves a host
page alone, and Chromium's print to PDF gives pages a person would want to read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.core.model import RelatedLink, Source
from app.exchange.bundles import export_articles
from app.store import Store
from tests.publish.conftest import load_samples
from tests.publish.test_consumers import CHROMIUM_ARGS, _chromium

SHOTS = os.environ.get("GALLEY_SCREENSHOT_DIR")
# A reader scrolls before printing or looking at the whole page: lazy images load then.
LOAD_ALL_IMAGES = """async () => {
  for (const img of document.images) img.loading = 'eager';
  await Promise.all([...document.images].map(i => i.decode().catch(() => null)));
  return [...document.images].every(i => i.complete && i.naturalWidth > 0);
}"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both samples; the Chinese one with a second further-reading block, sources in English
    and Simplified Chinese, a long source URL and a related list with its own authors."""
    folder = tmp_path_factory.mktemp("pages")
    with Store.open(folder / "store.sqlite") as store:
        samples = load_samples(store, folder / "fixed")
        zh = samples["typhoon-drill"]
        zh.body += (
            "\n\n::: further-reading\n"
            "- [深夜閱覽室試辦六週](https://example.org/news/library-night)\n:::\n\n"
            "市府表示,演練結果將作為明年修訂防災計畫的依據。"
        )
        zh.sources.append(
            Source(
                date="2024-09-28",
                outlet="新华社",
                title="台风季节防汛工作部署会议召开",
                url="https://example.org/xinhua/flood-prevention-meeting-2024-09-28-typhoon",
            )
        )
        zh.related.append(
            RelatedLink(
                url="https://example.org/news/levee",
                title="堤防加高工程進度落後 議員要求說明",
                excerpt="市議會質詢時,多位議員關心工程進度。",
                author="張 家豪",
                date="2024-09-02",
            )
        )
        store.save_article(zh, author="測試者")
        paths = export_articles(store, [a.id for a in samples.values()], folder / "out")
    return {"zh": paths[0], "en": paths[1]}


# -- article extractors ------------------------------------------------------------------------
def test_extractors_credit_only_the_byline_not_the_related_articles_authors(
    pages: dict[str, Path],
) -> None:
    import newspaper
    import trafilatura

    for which, byline in (("zh", "林 雨晴"), ("en", "Alex Chen")):
        html = (pages[which] / "index.html").read_text(encoding="utf-8")
        found = json.loads(trafilatura.extract(html, output_format="json", with_metadata=True))
        assert found["author"] == byline, which
        # language="en": the byline rules are the same, and no Chinese word splitter is needed.
        article = newspaper.Article(url="https://news.example.org/story/", language="en")
        article.download(input_html=html)
        article.parse()
        assert article.authors == [byline], which
    html = (pages["zh"] / "index.html").read_text(encoding="utf-8")
    for name in ("陳 志明", "王 怡君", "張 家豪"):  # the related list's authors
        assert f'<span class="link-writer">{name}</span>' in html


def test_sources_in_another_language_or_script_carry_their_lang(pages: dict[str, Path]) -> None:
    html = (pages["zh"] / "index.html").read_text(encoding="utf-8")
    assert 'lang="en">Typhoon season forecast for East Asia</a>' in html
    assert '<span class="outlet" lang="en">Reuters</span>' in html
    assert 'lang="zh-Hans">台风季节防汛工作部署会议召开</a>' in html
    assert '<span class="outlet" lang="zh-Hans">新华社</span>' in html
    assert 'lang="zh-Hant">颱風季節降雨展望說明' not in html  # the page's own language


# -- Chromium ----------------------------------------------------------------------------------
def test_landmarks_have_distinct_names_and_headlines_keep_words_whole(
    pages: dict[str, Path],
) -> None:
    manager, chromium = _chromium()
    with manager as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto((pages["zh"] / "index.html").as_uri())
        tree = page.locator("body").aria_snapshot()
        h1_break = page.evaluate("getComputedStyle(document.querySelector('h1')).wordBreak")
        browser.close()
    complementary = [
        line.strip().rstrip(":") for line in tree.splitlines() if "complementary" in line
    ]
    assert complementary == ['- complementary "延伸閱讀"', '- complementary "延伸閱讀（2）"']
    assert h1_break == "keep-all"


HOST = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title>
<style>
body {{ margin: 30px; background: rgb(250, 240, 230); font-family: serif; font-size: 20px; }}
h1 {{ font-size: 40px; }}
a {{ color: rgb(0, 128, 0); }}
table {{ border-collapse: separate; }}
p {{ margin: 5px; }}
</style>{extra}</head>
<body><h1 id="host-h1">Host headline</h1><p id="host-p">Host <a id="host-a" href="#">link</a></p>
<table id="host-table"><tr><td id="host-td">cell</td></tr></table>
{article}
</body></html>"""
PROBE = """() => {
  const props = ['margin', 'backgroundColor', 'fontFamily', 'fontSize', 'color',
                 'borderCollapse', 'boxSizing', 'lineHeight', 'letterSpacing', 'textAlign'];
  const out = {};
  for (const id of ['host-h1', 'host-p', 'host-a', 'host-table', 'host-td']) {
    const style = getComputedStyle(document.getElementById(id));
    out[id] = Object.fromEntries(props.map(p => [p, style[p]]));
  }
  const body = getComputedStyle(document.body);
  out.body = Object.fromEntries(props.map(p => [p, body[p]]));
  const h1 = document.querySelector('.galley h1');
  out.article_h1 = h1 ? getComputedStyle(h1).fontSize : null;
  return out;
}"""


def test_the_stylesheet_styles_the_article_and_nothing_of_the_host_page(
    pages: dict[str, Path], tmp_path: Path
) -> None:
    import lxml.html

    bundle = pages["zh"]
    tree = lxml.html.fromstring((bundle / "index.html").read_bytes())
    [root] = tree.xpath("//div[@class='galley']")
    fragment = lxml.html.tostring(root, encoding="unicode")
    link = f'<link rel="stylesheet" href="{(bundle / "style.css").as_uri()}">'
    bare = tmp_path / "bare.html"
    bare.write_text(HOST.format(extra="", article=""), encoding="utf-8")
    dropped = tmp_path / "dropped.html"
    dropped.write_text(HOST.format(extra=link, article=fragment), encoding="utf-8")
    manager, chromium = _chromium()
    with manager as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(bare.as_uri())
        before = page.evaluate(PROBE)
        page.goto(dropped.as_uri())
        page.wait_for_load_state("load")
        after = page.evaluate(PROBE)
        browser.close()
    assert after["article_h1"] is not None and after["article_h1"] != before["host-h1"]["fontSize"]
    for element in ("host-h1", "host-p", "host-a", "host-table", "host-td", "body"):
        assert after[element] == before[element], element


def test_the_page_at_phone_and_desktop_widths(pages: dict[str, Path]) -> None:
    """Screenshots at 390 and 1400 px (kept with GALLEY_SCREENSHOT_DIR): the column never
    overflows a phone, and the lead photo's width matches the column on both."""
    manager, chromium = _chromium()
    with manager as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for width in (390, 1400):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto((pages["zh"] / "index.html").as_uri())
            page.wait_for_load_state("load")
            assert page.evaluate(LOAD_ALL_IMAGES)
            scroll = page.evaluate("document.documentElement.scrollWidth")
            lead = page.evaluate(
                "(() => { const i = document.images[0];"
                " return [i.getBoundingClientRect().width, i.currentSrc]; })()"
            )
            if SHOTS:
                page.screenshot(path=str(Path(SHOTS) / f"page-{width}.png"), full_page=True)
            page.close()
            assert scroll <= width, f"{width} px: the page is {scroll} px wide"
            column = min(width, 44 * 16) - 2 * 20
            assert abs(lead[0] - column) <= 2, (width, lead)
            assert lead[1].endswith(".webp"), lead  # the modern format was chosen
        browser.close()


# -- print --------------------------------------------------------------------------------------
def _pdf_pages(pdf: bytes, shots: str | None, name: str) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    texts = []
    for n in range(len(document)):
        page = document[n]
        texts.append(page.get_textpage().get_text_range())
        if shots:
            page.render(scale=1.2).to_pil().save(Path(shots) / f"{name}-print-{n + 1}.png")
    document.close()
    return texts


def test_printed_pages_read_well(pages: dict[str, Path]) -> None:
    manager, chromium = _chromium()
    with manager as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        printed = {}
        for which in ("zh", "en"):
            page.goto((pages[which] / "index.html").as_uri())
            page.wait_for_load_state("load")
            assert page.evaluate(LOAD_ALL_IMAGES)
            printed[which] = page.pdf(format="A4", print_background=True)
        browser.close()
    zh = _pdf_pages(printed["zh"], SHOTS, "zh")
    flat = ["".join(text.split()) for text in zh]
    # Page one carries the story, not just a headline above an empty half page.
    assert "汛期將至,高雄市政府30日上午" in flat[0]
    assert "水利局長在演練後表示" in flat[0]
    # No footer alone on the last page; related lists and editor's picks are not printed.
    assert len(flat[-1]) > 80, zh[-1]
    everything = "".join(flat)
    for absent in ("編輯推薦", "港區轉型十年", "堤防加高工程", "氣候變遷下的城市排水"):
        assert absent not in everything, absent
    assert everything.count("南方日報") == 1  # the masthead; the colophon is not printed
    # Every 延伸閱讀 heading is on the page of its first link.
    for n, text in enumerate(flat):
        if "延伸閱讀" in text:
            heading_at = text.rindex("延伸閱讀")
            assert len(text) - heading_at > 12, f"page {n + 1} ends with a lone 延伸閱讀"
    # Source URLs are printed after their titles.
    assert "颱風季節降雨展望說明https://example.org/cwa/outlook-2024-09" in everything
    en = _pdf_pages(printed["en"], SHOTS, "en")
    assert len(en) == 1 and "https://example.org/library/pilot" in "".join(en[0].split())
