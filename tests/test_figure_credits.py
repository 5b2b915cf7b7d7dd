"""A figure's creator and copyright go wherever figures go: front matter both ways, the
store (and a store from before them), revisions, review bundles and desk sync."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.errors import InputError
from app.core.frontmatter import parse_article_text
from app.core.model import Article, Figure, canonical_json, content_hash
from app.core.validation import validate_article
from app.exchange.bundles import export_articles, import_path
from app.exchange.markdown import import_markdown
from app.exchange.source import article_to_markdown
from app.store import Store
from app.store.review_payload import SCHEMA, check_payload
from tests.conftest import TYPHOON

CREATOR = "王小明"
COPYRIGHT = "© 2026 中央社"

FRONT = """---
title: 颱風過後
figures:
  - key: street
    image: images/street.jpg
    caption: 高雄街頭
    credit: 中央社
    creator: 王小明
    copyright: © 2026 中央社
---

![[street]]
"""


def test_front_matter_reads_them() -> None:
    [figure] = parse_article_text(FRONT, "a.md").figures
    assert (figure.credit, figure.creator, figure.copyright) == ("中央社", CREATOR, COPYRIGHT)


@pytest.mark.parametrize(
    ("old", "new", "message", "line"),
    [
        ("    creator: 王小明", "    creator: [王小明, 李四]", "must be text", 8),
        ("    copyright: © 2026 中央社", "    copyright: {holder: 中央社}", "must be text", 9),
        ("    creator: 王小明", "    photographer: 王小明", "allowed: alt, caption, copyright", 8),
    ],
)
def test_front_matter_refuses_what_is_not_text(old: str, new: str, message: str, line: int) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse_article_text(FRONT.replace(old, new), "a.md")
    assert caught.value.line == line


def _article(**figure: str) -> Article:
    return Article(
        id="0d6f3a52-6a8e-4c1e-9a55-3f1f2b8f7a10",
        slug="a-1",
        title="颱風過後",
        body="![[street]]",
        figures=[Figure(key="street", image="0" * 64, caption="高雄街頭", **figure)],
    )


def test_front_matter_written_and_read_back() -> None:
    article = _article(credit="中央社", creator=CREATOR, copyright=COPYRIGHT)
    text = article_to_markdown(article, {"street": "images/street.jpg"})
    assert f"  creator: {CREATOR}\n" in text and f"  copyright: {COPYRIGHT}\n" in text
    [figure] = parse_article_text(text, "a.md").figures
    assert (figure.creator, figure.copyright) == (CREATOR, COPYRIGHT)
    # Without them the file is as it was before they existed.
    plain = article_to_markdown(_article(credit="中央社"), {"street": "images/street.jpg"})
    assert "creator" not in plain and "copyright" not in plain


def test_positional_figures_keep_their_meaning() -> None:
    figure = Figure("k", "0" * 64, "caption", "credit", "alt", "0.5,0.5", "creator", "©")
    assert (figure.alt, figure.focus, figure.creator, figure.copyright) == (
        "alt",
        "0.5,0.5",
        "creator",
        "©",
    )


def test_a_revision_without_them_keeps_its_hash_and_one_with_them_differs() -> None:
    old = _article(credit="中央社")
    # Exactly what a revision held before the fields existed.
    assert old.content()["figures"] == [
        {"key": "street", "image": "0" * 64, "caption": "高雄街頭", "credit": "中央社", "alt": ""}
    ]
    credited = _article(credit="中央社", creator=CREATOR)
    assert credited.content()["figures"][0]["creator"] == CREATOR
    assert credited.content_hash() != old.content_hash()
    assert Article.from_dict(credited.to_dict()) == credited


@pytest.mark.parametrize("value", [["王小明"], 3, None])
def test_the_gate_refuses_what_is_not_text(value: object) -> None:
    article = _article(creator=value)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="must be text"):
        validate_article(article)
    with pytest.raises(InputError, match="NUL"):
        validate_article(_article(copyright="©\x00"))


def _credited(store: Store) -> Article:
    article = import_markdown(store, TYPHOON, author="測試者")
    article.figures[0] = replace(article.figures[0], creator=CREATOR, copyright=COPYRIGHT)
    return store.save_article(article, author="測試者")


def test_the_store_keeps_them(store: Store) -> None:
    saved = _credited(store)
    again = store.get_article(saved.id)
    assert (again.figures[0].creator, again.figures[0].copyright) == (CREATOR, COPYRIGHT)
    assert (again.figures[1].creator, again.figures[1].copyright) == ("", "")
    assert again.content_hash() == saved.content_hash()
    [*_, head] = store.revisions(saved.id)
    assert store.get_article(saved.id).revision == head.id


def test_a_store_from_before_them_keeps_its_figures(tmp_path: Path) -> None:
    """Migration 13 on a version-12 store: the figure is there with empty creator and
    copyright, the revision keeps its hash (an unchanged save writes nothing), and the
    fields can then be set."""
    import hashlib
    import io

    import sqlite_utils
    from PIL import Image

    from app.store.schema import migrations

    path = tmp_path / "old.sqlite"
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="0013_figure_creator_copyright")
    assert old.execute("PRAGMA user_version").fetchone()[0] == 12
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 20, 30)).save(out, "PNG")
    image = out.getvalue()
    digest = hashlib.sha256(image).hexdigest()
    old.execute(
        "INSERT INTO images (sha256, mime, width, height, size, data, created_at)"
        " VALUES (?, 'image/png', 40, 30, ?, ?, '2026-01-01T00:00:00Z')",
        [digest, len(image), image],
    )
    figure = {"key": "pic", "image": digest, "caption": "說明", "credit": "中央社", "alt": "圖"}
    content = {
        "id": "old-1",
        "slug": "old-story",
        "title": "舊聞",
        "dek": "",
        "byline": [],
        "section": "",
        "tags": [],
        "language": "zh-Hant",
        "body": "![[pic]]",
        "published": "",
        "canonical_url": "",
        "figures": [figure],
        "sources": [],
        "related": [],
    }
    revision = content_hash(content)
    old.execute(
        "INSERT INTO snapshots (hash, content) VALUES (?, ?)", [revision, canonical_json(content)]
    )
    old.execute(
        "INSERT INTO articles (seq, id, slug, title, created_at, updated_at, revision, body)"
        " VALUES (1, 'old-1', 'old-story', '舊聞', '2026-01-01T00:00:00Z',"
        " '2026-01-01T00:00:00Z', 1, '![[pic]]')"
    )
    old.execute(
        "INSERT INTO figures (article_seq, position, key, image, caption, credit, alt)"
        " VALUES (1, 0, 'pic', ?, '說明', '中央社', '圖')",
        [digest],
    )
    old.execute(
        "INSERT INTO revisions (id, article_seq, number, parent, hash, created_at, author,"
        " size, uid, origin) VALUES (1, 1, 1, NULL, ?, '2026-01-01T00:00:00Z', '', 8, ?, '')",
        [revision, "a" * 32],
    )
    old.conn.commit()
    old.close()
    with Store.open(path) as store:
        article = store.get_article("old-1")
        assert article.figures == [Figure(**figure)]
        assert article.content_hash() == revision
        again = store.save_article(article, author="測試者")
        assert again.revision == 1 and len(store.revisions("old-1")) == 1
        article.figures[0].creator = CREATOR
        saved = store.save_article(article, author="測試者")
        assert len(store.revisions("old-1")) == 2
        assert store.get_article("old-1").figures[0].creator == CREATOR
        assert saved.figures[0].copyright == ""


def test_a_review_bundle_carries_them(tmp_path: Path) -> None:
    with (
        Store.open(tmp_path / "journalist.sqlite") as journalist,
        Store.open(tmp_path / "editor.sqlite") as editor,
    ):
        article = _credited(journalist)
        [bundle] = export_articles(journalist, [article.id], tmp_path / "out", for_review=True)
        payload = json.loads((bundle / "review.json").read_text(encoding="utf-8"))
        [*_, head] = payload["revisions"]
        assert head["content"]["figures"][0]["creator"] == CREATOR
        import_path(editor, bundle, report=lambda _line: None, author="王編輯")
        received = editor.get_article(article.id).figures[0]
        assert (received.creator, received.copyright) == (CREATOR, COPYRIGHT)


def test_a_review_payload_whose_creator_is_not_text_is_refused(tmp_path: Path) -> None:
    properties = SCHEMA["properties"]["revisions"]["items"]["properties"]["content"]
    figure = properties["properties"]["figures"]["items"]["properties"]
    assert figure["creator"] == figure["copyright"] == {"type": "string"}
    with Store.open(tmp_path / "s.sqlite") as store:
        article = _credited(store)
        [bundle] = export_articles(store, [article.id], tmp_path / "out", for_review=True)
    payload = json.loads((bundle / "review.json").read_text(encoding="utf-8"))
    payload["revisions"][-1]["content"]["figures"][0]["creator"] = ["王小明"]
    with pytest.raises(InputError, match="creator"):
        check_payload(payload, "review.json")


def test_desk_sync_carries_them(tmp_path: Path) -> None:
    import pygit2

    from app.exchange.desk_sync import DeskSync

    desk = tmp_path / "desk.git"
    pygit2.init_repository(str(desk), bare=True)
    with (
        Store.open(tmp_path / "a" / "galley.sqlite") as a,
        Store.open(tmp_path / "b" / "galley.sqlite") as b,
    ):
        article = _credited(a)
        DeskSync(a, by="測試者").sync(str(desk))
        DeskSync(b, by="測試者").sync(str(desk))
        received = b.get_article(article.id).figures[0]
        assert (received.creator, received.copyright) == (CREATOR, COPYRIGHT)
        # The desk's Markdown copy says them too, for whoever reads the desk without Galley.
        repo = pygit2.Repository(str(desk))
        tree = repo.revparse_single("refs/heads/main").peel(pygit2.Tree)
        texts = [
            repo[entry.id].data.decode()
            for folder in tree["articles"]
            for entry in repo[folder.id]
            if entry.name.endswith(".md")
        ]
        assert any(f"creator: {CREATOR}" in text for text in texts)
