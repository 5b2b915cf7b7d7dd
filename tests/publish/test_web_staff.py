"""What web staff and search engines read: the dates rule, the correction, desk settings
from the command line, Google's Article metadata, robots, and ninjs against its schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import InputError
from app.core.model import Article, RelatedLink, Source
from app.exchange.bundles import export_articles
from app.exchange.markdown import import_markdown
from app.publish.page import render_page
from app.store import Store
from tests.conftest import FIXTURES, move_to

ARCHIVE = """---
title: 2022 年的舊聞
byline: [林 雨晴]
date: 2022-05-24T09:00:00+08:00
language: zh-Hant
status: published
{extra}---

舊聞的內文。
"""


def _write(tmp_path: Path, extra: str = "", name: str = "old.md") -> Path:
    path = tmp_path / name
    path.write_text(ARCHIVE.format(extra=extra), encoding="utf-8")
    return path


def _ld(html: str) -> dict:
    """The page's JSON-LD as extruct (a metadata extractor search tools use) reads it."""
    import extruct

    [found] = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
    return found


def _meta(html: str) -> dict[str, str]:
    import lxml.html

    tree = lxml.html.fromstring(html)
    found = {m.get("name"): m.get("content") for m in tree.xpath("//meta[@name]")}
    found |= {m.get("property"): m.get("content") for m in tree.xpath("//meta[@property]")}
    return found


def _show(capsys: pytest.CaptureFixture[str], store_path: Path, ref: str) -> dict:
    capsys.readouterr()
    assert main(["show", ref, "--json", "--store", str(store_path)]) == 0
    return json.loads(capsys.readouterr().out)


# -- the dates rule ---------------------------------------------------------------------------
def test_an_archive_article_is_not_updated_by_import_or_status_changes(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = import_markdown(store, _write(tmp_path), author="測試者")
    assert _show(capsys, store_path, article.id)["updated"] == "2022-05-24T09:00:00+08:00"
    for status in ("in_review", "approved", "published"):  # a status walk moves nothing
        store.review.change_status(
            article.id, status, who="編輯", override="archive", role="editor"
        )
    html = render_page(store, store.get_article(article.id)).html
    ld, meta = _ld(html), _meta(html)
    assert ld["datePublished"] == ld["dateModified"] == "2022-05-24T09:00:00+08:00"
    assert meta["article:modified_time"] == "2022-05-24T09:00:00+08:00"
    assert "更新" not in html  # a 2022 article never says 更新 2026
    assert _show(capsys, store_path, article.id)["updated"] == "2022-05-24T09:00:00+08:00"


def test_an_edit_readers_see_moves_updated_and_a_slug_change_does_not(
    store: Store, tmp_path: Path
) -> None:
    article = import_markdown(store, _write(tmp_path), author="測試者")
    article.slug = "renamed-archive-story"
    article = store.save_article(article, author="測試者")
    assert article.updated == "2022-05-24T09:00:00+08:00"
    article.body += "\n\n補充一段。"
    article = store.save_article(article, author="測試者")
    assert article.updated > "2026" and article.updated == article.saved
    html = render_page(store, article).html
    ld = _ld(html)
    assert ld["dateModified"] > "2026" and ld["datePublished"].startswith("2022")
    assert '<span class="dateline">更新 <time datetime="' in html
    again = store.save_article(store.get_article(article.id), author="測試者")  # nothing changed
    assert again.updated == article.updated


def test_front_matter_updated_and_correction_reach_the_page_and_json_ld(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = (
        "updated: 2022-05-25T18:30:00+08:00\n"
        "correction:\n  date: 2022-05-25\n  text: 本文原誤植抽水站數量為 87 座,已更正為 78 座。\n"
    )
    article = import_markdown(store, _write(tmp_path, extra), author="測試者")
    shown = _show(capsys, store_path, article.id)
    assert shown["updated"] == "2022-05-25T18:30:00+08:00"
    assert shown["correction"].startswith("本文原誤植") and shown["correction_date"] == "2022-05-25"
    html = render_page(store, article).html
    assert '<p class="correction"><strong class="correction-label">更正</strong>' in html
    assert "已更正為 78 座" in html
    ld = _ld(html)
    assert ld["dateModified"] == "2022-05-25T18:30:00+08:00"
    assert ld["correction"] == {
        "@type": "CorrectionComment",
        "text": "本文原誤植抽水站數量為 87 座,已更正為 78 座。",
        "datePublished": "2022-05-25",
    }
    assert '<span class="dateline">更新 <time datetime="2022-05-25T18:30:00+08:00">' in html
    # Written back out, the source keeps both (a round trip through export and import).
    [bundle] = export_articles(store, [article.id], tmp_path / "out")
    source = (bundle / "article.md").read_text(encoding="utf-8")
    assert "updated: '2022-05-25T18:30:00+08:00'" in source
    assert "correction:\n  date: '2022-05-25'\n" in source


@pytest.mark.parametrize(
    ("extra", "field", "line"),
    [
        ("correction: 只有文字\n", "correction", 7),
        ("correction:\n  text: 沒有日期\n", "correction", 8),
        ("correction:\n  date: 昨天\n  text: x\n", "correction.date", 8),
        ("updated: 上週\n", "updated", 7),
    ],
)
def test_a_bad_correction_or_updated_names_field_and_line(
    store: Store, tmp_path: Path, extra: str, field: str, line: int
) -> None:
    with pytest.raises(InputError) as info:
        import_markdown(store, _write(tmp_path, extra), author="測試者")
    assert info.value.field == field
    assert info.value.line == line


def test_the_store_refuses_a_correction_without_its_date(store: Store) -> None:
    article = store.new_article("更正要有日期", author="測試者")
    article.correction = "更正內容"
    with pytest.raises(InputError) as info:
        store.save_article(article, author="測試者")
    assert info.value.field == "correction_date"


# -- desk settings from the command line ------------------------------------------------------
def test_desk_set_reaches_a_scripted_export(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = ["--store", str(store_path)]
    for key, value in (
        ("publication_name", "報呱新聞"),
        ("base_url", "https://news.example.org/"),
        ("logo_url", "https://news.example.org/logo.png"),
        ("author_urls", json.dumps({"林 雨晴": "https://news.example.org/authors/lin"})),
        ("organization_bylines", json.dumps(["報呱特派小組"])),
    ):
        assert main(["desk", "set", key, value, *desk]) == 0
    capsys.readouterr()
    assert main(["desk", "--json", *desk]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["logo_url"] == "https://news.example.org/logo.png"
    assert shown["author_urls"] == {"林 雨晴": "https://news.example.org/authors/lin"}
    path = _write(tmp_path, "byline: [林 雨晴, 報呱編輯部, Staff, 報呱特派小組]\n")
    path.write_text(path.read_text(encoding="utf-8").replace("byline: [林 雨晴]\n", ""), "utf-8")
    archive = ["--archive", "--role", "editor"]
    assert main(["import", str(path), *archive, *desk]) == 0
    assert main(["export", "--status", "published", "--out", str(tmp_path / "out"), *desk]) == 0
    [bundle] = [p for p in (tmp_path / "out").iterdir() if p.is_dir()]
    html = (bundle / "index.html").read_text(encoding="utf-8")
    ld, meta = _ld(html), _meta(html)
    assert ld["publisher"] == {
        "@type": "Organization",
        "name": "報呱新聞",
        "url": "https://news.example.org/",
        "logo": {"@type": "ImageObject", "url": "https://news.example.org/logo.png"},
    }
    assert ld["author"] == [
        {"@type": "Person", "name": "林 雨晴", "url": "https://news.example.org/authors/lin"},
        {"@type": "Organization", "name": "報呱編輯部"},
        {"@type": "Organization", "name": "Staff"},
        {"@type": "Organization", "name": "報呱特派小組"},
    ]
    assert '<link rel="canonical" href="https://news.example.org/' in html
    assert meta["robots"] == "max-image-preview:large"
    assert '<a class="author" rel="author" href="https://news.example.org/authors/lin">' in html


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("logo", "https://x.example/logo.png", "unknown desk setting"),
        ("logo_url", "javascript:alert(1)", "is not a web address"),
        ("author_urls", '["not", "a", "map"]', "give JSON such as"),
        ("author_urls", '{"王": "ftp://x"}', "is not a web address"),
        ("organization_bylines", "{", "give JSON such as"),
        ("title_max", "many", "is not a whole number"),
    ],
)
def test_desk_set_refuses_a_bad_key_or_value_in_one_line(
    store_path: Path, capsys: pytest.CaptureFixture[str], key: str, value: str, says: str
) -> None:
    assert main(["desk", "set", key, value, "--store", str(store_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err and "Traceback" not in err


# -- Google's Article guidance and robots ------------------------------------------------------
def test_drafts_carry_noindex_and_published_pages_large_image_previews(
    store: Store, published: dict[str, Article]
) -> None:
    article = published["typhoon-drill"]
    draft = _meta(render_page(store, article).html)
    assert draft["robots"] == "noindex, nofollow"
    assert draft["twitter:card"] == "summary_large_image"
    move_to(store, article.id, "published")
    live = render_page(store, store.get_article(article.id)).html
    assert _meta(live)["robots"] == "max-image-preview:large"


def test_the_lead_image_is_offered_in_three_crops(
    store: Store, published: dict[str, Article]
) -> None:
    page = render_page(store, published["typhoon-drill"], web_images=True)
    images = _ld(page.html)["image"]
    crops = [
        i for i in images if "-16x9-" in i["url"] or "-4x3-" in i["url"] or "-1x1-" in i["url"]
    ]
    assert [round(i["width"] / i["height"], 2) for i in crops] == [1.78, 1.33, 1.0]
    assert all(i["width"] * i["height"] >= 50_000 for i in crops)
    assert all(i["url"].startswith("https://news.example.org/") for i in images)
    # The lead photo is the largest thing on screen: it is not lazy; later ones are.
    assert page.html.count('loading="lazy"') == len(published["typhoon-drill"].figures) - 1
    assert '<source type="image/webp"' in page.html


# -- ninjs 2.1 ---------------------------------------------------------------------------------
def test_article_json_validates_against_the_official_ninjs_schema(
    store: Store, published: dict[str, Article], tmp_path: Path
) -> None:
    import jsonschema

    schema = json.loads(
        (FIXTURES / "standards" / "ninjs-schema_2.1.json").read_text(encoding="utf-8")
    )
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    article = published["typhoon-drill"]
    article.correction, article.correction_date = "更正一處數字。", "2024-10-01"
    article.related.append(
        RelatedLink(kind="further-reading", article_id=published["library-night"].id)
    )
    article.sources.append(Source(outlet="新華社", title="台风季节展望"))  # no URL
    store.save_article(article, author="測試者")
    paths = export_articles(store, [a.id for a in published.values()], tmp_path / "out")
    for path in paths:
        doc = json.loads((path / "article.json").read_text(encoding="utf-8"))
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(doc)]
        assert errors == [], path.name
    doc = json.loads((paths[0] / "article.json").read_text(encoding="utf-8"))
    names = [a["name"] for a in doc["associations"]]
    assert names[:2] == ["pump-station", "sandbags"]
    assert "source-4" in names and "further-reading-1" in names and "related-1" in names
    assert {"role": "galley-id", "value": article.id} in doc["altids"]
    # The schema really is strict: Galley's old top-level object is refused.
    assert not validator.is_valid({**doc, "galley:article": {"id": article.id}})


def test_restoring_old_words_is_an_update_and_a_review_merge_keeps_their_date(
    store: Store, tmp_path: Path
) -> None:
    article = import_markdown(store, _write(tmp_path), author="測試者")
    article.body = "改寫後的內文。"
    edited = store.save_article(article, author="測試者")
    restored = store.review.restore_revision(article.id, 1, who="編輯")
    assert restored.body.strip() == "舊聞的內文。"
    assert restored.updated >= edited.updated > "2026"  # readers see the words change back
    payload = store.merge.payload(article.id)
    with Store.open(tmp_path / "other.sqlite") as other:
        other.merge.apply(payload, by="測試者")
        assert other.get_article(article.id).updated == restored.updated
