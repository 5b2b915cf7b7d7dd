"""Rules that were right in the code but that no test held: each test here fails when its rule
is broken by a plausible one-line slip (a missing case, a lost escape, a dropped condition).

Each is checked through what a user counts on (the store, the CLI, the page and the edition as
exported), with the smallest article that shows the rule."""

from __future__ import annotations

import datetime as dt
import json
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import html5lib  # type: ignore[import-untyped]  # no stubs; installed with extruct
import pytest

from app.cli import main
from app.core.checks import CheckContext, HouseRules, run_checks
from app.core.errors import InputError
from app.core.model import Article, DeskSettings
from app.core.search_query import parse_query
from app.core.typography import full_width_punctuation
from app.core.workflow import WorkflowError, check_transition, next_statuses
from app.exchange.markdown import import_markdown
from app.publish.edition import EditionEntry, news_sitemap
from app.publish.page import render_page
from app.store import Store
from app.store.review import NoteVersion
from tests.conftest import TYPHOON, move_to

# -- 1. the workflow: a spiked story is not published ------------------------------------------


def test_a_spiked_story_cannot_be_published(store: Store) -> None:
    with pytest.raises(WorkflowError, match="cannot go from 'spiked' to 'published'"):
        check_transition("spiked", "published", role="editor", blocking=[])
    assert "published" not in next_statuses("spiked", "editor")

    article = import_markdown(store, TYPHOON, author="測試者")
    move_to(store, article.id, "spiked")
    with pytest.raises(WorkflowError, match="cannot go from 'spiked' to 'published'"):
        store.review.change_status(
            article.id, "published", who="王編輯", role="editor", override="breaking news"
        )
    assert store.get_article(article.id).status == "spiked"
    assert [c.to_status for c in store.review.status_history(article.id)] == ["spiked"]


# -- 2. approving with failing checks needs a reason, and blanks are no reason -----------------


def test_a_blank_override_does_not_approve_failing_checks(store: Store) -> None:
    with pytest.raises(WorkflowError, match="override reason"):
        check_transition(
            "in_review", "approved", role="editor", blocking=["no credit"], override=" \t\n "
        )

    article = import_markdown(store, TYPHOON, author="測試者")
    broken = store.get_article(article.id)
    broken.figures[0].credit = ""
    store.save_article(broken, author="測試者")
    store.review.change_status(article.id, "in_review", who="林記者", role="reporter")
    with pytest.raises(WorkflowError, match="override reason"):
        store.review.change_status(
            article.id, "approved", who="王編輯", role="editor", override="   "
        )
    assert store.get_article(article.id).status == "in_review"
    assert [c.to_status for c in store.review.status_history(article.id)] == ["in_review"]

    # A real reason approves it, and is what the record keeps.
    store.review.change_status(
        article.id, "approved", who="王編輯", role="editor", override="  credit by phone  "
    )
    assert store.get_article(article.id).status == "approved"
    assert store.review.status_history(article.id)[-1].override == "credit by phone"


# -- 3. a save does not rewrite the publication date -------------------------------------------


def test_saving_a_published_article_cannot_rewrite_its_date(store: Store) -> None:
    article = import_markdown(store, TYPHOON, author="測試者")
    move_to(store, article.id, "published")
    published = store.get_article(article.id)
    assert published.published

    backdated = replace(published, published="2020-01-01T08:00:00+08:00")
    with pytest.raises(InputError, match="publication date") as refused:
        store.save_article(backdated, author="測試者")
    assert refused.value.field == "published"
    assert store.get_article(article.id).published == published.published
    assert store.get_article(article.id).revision == published.revision

    # Editing the words of a published story keeps its date.
    edited = replace(published, body=published.body + "\n更正:抽水站共 12 座。\n")
    saved = store.save_article(edited, author="測試者")
    assert saved.revision != published.revision
    assert store.get_article(article.id).published == published.published


# -- 4. a note's history survives a merge between stores ---------------------------------------


def _pause() -> None:
    """Note times have millisecond resolution: the next edit is later."""
    time.sleep(0.01)


@pytest.fixture
def shared_note(tmp_path: Path) -> Iterator[tuple[Store, Store, str, str]]:
    """Two stores, ``ours`` and ``theirs``: ours has an article with one note, and theirs
    received both by a merge. Yields (ours, theirs, article id, note uid)."""
    with (
        Store.open(tmp_path / "ours.sqlite") as ours,
        Store.open(tmp_path / "theirs.sqlite") as theirs,
    ):
        article = ours.new_article(
            "颱風季前大演練",
            author="林記者",
            dek="汛期將至,市府進行跨局處演練。",
            byline=["林 雨晴"],
            section="地方",
            body="高雄市政府今天進行防汛演練。\n\n各區抽水站全面檢查。\n",
        )
        note = ours.review.add_note(article.id, "請查證抽水站數量", author="王編輯", line=1)
        theirs.merge.apply(ours.merge.payload(article.id), by="李編輯")
        assert [n.uid for n in theirs.review.notes(article.id)] == [note.uid]
        yield ours, theirs, article.id, note.uid


def _versions(history: list[NoteVersion]) -> list[tuple[str, str, str]]:
    return [(v.updated, v.resolved_at, v.resolved_by) for v in history]


def test_merging_a_newer_note_keeps_our_older_edit_in_its_history(
    shared_note: tuple[Store, Store, str, str],
) -> None:
    ours, theirs, article_id, uid = shared_note
    created = ours.review.notes(article_id)[0]
    _pause()
    ours.review.set_resolved(uid, who="王編輯")
    our_edit = ours.review.notes(article_id)[0]
    _pause()
    theirs.review.set_resolved(uid, who="李編輯")
    their_edit = theirs.review.notes(article_id)[0]
    assert created.updated < our_edit.updated < their_edit.updated

    ours.merge.apply(theirs.merge.payload(article_id), by="王編輯")

    now = ours.review.notes(article_id)[0]
    assert (now.updated, now.resolved_by) == (their_edit.updated, "李編輯")
    assert _versions(ours.review.note_history(uid)) == [
        (created.updated, "", ""),
        (our_edit.updated, our_edit.resolved_at, "王編輯"),
    ]


def test_merging_an_older_note_keeps_their_edit_in_its_history(
    shared_note: tuple[Store, Store, str, str],
) -> None:
    ours, theirs, article_id, uid = shared_note
    created = ours.review.notes(article_id)[0]
    _pause()
    theirs.review.set_resolved(uid, who="李編輯")
    their_edit = theirs.review.notes(article_id)[0]
    _pause()
    ours.review.set_resolved(uid, who="王編輯")
    our_edit = ours.review.notes(article_id)[0]
    assert created.updated < their_edit.updated < our_edit.updated

    ours.merge.apply(theirs.merge.payload(article_id), by="王編輯")

    now = ours.review.notes(article_id)[0]
    assert (now.updated, now.resolved_by) == (our_edit.updated, "王編輯")
    assert _versions(ours.review.note_history(uid)) == [
        (created.updated, "", ""),
        (their_edit.updated, their_edit.resolved_at, "李編輯"),
    ]


# -- 5. a title cannot break out of the JSON-LD script ---------------------------------------


def _parsed(html: str) -> ET.Element:
    """The page as a browser's HTML parser builds it (html5lib follows the HTML standard's
    tokenizer, which decides where a script element ends)."""
    page: ET.Element = html5lib.parse(html, namespaceHTMLElements=False)
    return page


def _scripts(page: ET.Element) -> list[tuple[str, str]]:
    return [(s.get("type", ""), s.text or "") for s in page.iter("script")]


@pytest.mark.parametrize(
    "hostile_title",
    [
        "演練</script><script>alert(1)</script>",
        "演練</script ><script>alert(1)</script >",  # an end tag closed later, by any '>'
        "演練<!--<script>",  # would swallow the page's own </script>
    ],
)
def test_a_title_holding_a_script_end_tag_stays_inside_the_json_ld(
    store: Store, hostile_title: str
) -> None:
    article = import_markdown(store, TYPHOON, author="測試者")
    plain = _scripts(_parsed(render_page(store, store.get_article(article.id)).html))
    assert [kind for kind, _ in plain].count("application/ld+json") == 1

    stored = store.save_article(
        replace(store.get_article(article.id), title=hostile_title), author="測試者"
    )
    assert stored.title == hostile_title
    html = render_page(store, stored).html

    page = _parsed(html)
    scripts = _scripts(page)
    assert [kind for kind, _ in scripts] == [kind for kind, _ in plain]
    assert not any(text.strip() == "alert(1)" for _, text in scripts)
    [ld] = [text for kind, text in scripts if kind == "application/ld+json"]
    assert json.loads(ld)["headline"] == hostile_title
    assert "<" not in ld
    [h1] = page.iter("h1")
    assert "".join(h1.itertext()) == hostile_title


# -- 6. the news sitemap lists published stories only ----------------------------------------


def _entry(slug: str, status: str, published: dt.datetime) -> EditionEntry:
    return EditionEntry(
        slug=slug,
        id=f"id-{slug}",
        title=f"標題 {slug}",
        dek="",
        authors=["林 雨晴"],
        section="地方",
        language="zh-Hant",
        status=status,
        url=f"https://news.example.tw/{slug}/",
        published=published.isoformat(timespec="seconds"),
        modified=published.isoformat(timespec="seconds"),
        body_html="<p>內文</p>",
    )


def test_the_news_sitemap_never_lists_an_unpublished_story() -> None:
    now = dt.datetime(2024, 10, 1, 12, 0, tzinfo=dt.UTC)
    entries = [
        _entry("typhoon-drill", "published", now - dt.timedelta(hours=5)),
        _entry("draft-flood-map", "draft", now - dt.timedelta(hours=3)),
    ]
    desk = DeskSettings(publication_name="港都日報", base_url="https://news.example.tw/")

    xml = news_sitemap(entries, desk, now)

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in ET.fromstring(xml).findall("s:url/s:loc", ns)]
    assert locs == ["https://news.example.tw/typhoon-drill/"]
    assert "draft-flood-map" not in xml


# -- 7. a negated title filter is not a title requirement --------------------------------------


def test_a_negated_title_filter_is_reported_not_required(store: Store) -> None:
    query = parse_query("高雄 -title:演練")
    assert query.title == ()
    assert query.include == ("高雄",)
    assert len(query.problems) == 1 and "-title:" in query.problems[0]

    import_markdown(store, TYPHOON, author="測試者")  # its title holds 演練
    with pytest.raises(InputError, match="-title:"):
        store.search("-title:演練")


# -- 8. LIKE's wildcards in a byline filter are literal ----------------------------------------


@pytest.mark.parametrize("mark", ["_", "%"])
def test_byline_filter_takes_wildcards_literally(store: Store, mark: str) -> None:
    fields = {"dek": "導言", "section": "地方", "body": "內文。\n"}
    literal = store.new_article("颱風一", author="測試者", byline=[f"林{mark}雨"], **fields)
    store.new_article("颱風二", author="測試者", byline=["林A雨"], **fields)
    store.new_article("颱風三", author="測試者", byline=["林AB雨"], **fields)

    assert [h.id for h in store.search(f"byline:林{mark}雨")] == [literal.id]
    assert [h.id for h in store.search(f"颱風 byline:林{mark}雨")] == [literal.id]


# -- 9. a half-width ! between Chinese characters breaks the full-width house rule -----------


def test_a_half_width_exclamation_mark_is_flagged_under_full_width_rules() -> None:
    article = Article(
        id="a",
        slug="a",
        title="颱風來了",
        dek="導言",
        byline=["林 雨晴"],
        section="地方",
        language="zh-Hant",
        body="颱風來了!快去避難。\n",
    )
    full_width = CheckContext(rules=HouseRules(punctuation="full-width"))
    [finding] = [f for f in run_checks(article, full_width) if f.code == "half-width-punctuation"]
    assert finding.severity == "warning"
    assert (finding.line, finding.column) == (1, 4)
    assert finding.params["marks"] == "!"
    assert finding.fix == "full-width-punctuation"
    assert full_width_punctuation(article.body) == "颱風來了！快去避難。\n"

    as_written = CheckContext(rules=HouseRules(punctuation="as-written"))
    assert not [f for f in run_checks(article, as_written) if f.code == "half-width-punctuation"]


# -- 10. galley check: warnings alone pass, an error fails -------------------------------------


def test_galley_check_exits_0_on_warnings_and_1_on_an_error(
    store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = import_markdown(store, TYPHOON, author="測試者")
    long_title = "颱風季前大演練 高雄抽水站與沙包站全面檢查 里長與志工跨局處合作首次公開即時水位"
    warned = store.save_article(
        replace(store.get_article(article.id), title=long_title), author="測試者"
    )
    capsys.readouterr()

    assert main(["--store", str(store_path), "check", warned.slug]) == 0
    out = capsys.readouterr().out
    assert out.startswith("warning") and "title" in out
    assert "error" not in out

    broken = store.get_article(article.id)
    broken.figures[0].credit = ""
    store.save_article(broken, author="測試者")
    assert main(["--store", str(store_path), "check", warned.slug]) == 1
    out = capsys.readouterr().out
    assert "photo credit" in out and "warning" in out
