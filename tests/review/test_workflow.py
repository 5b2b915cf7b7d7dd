"""Statuses, their record, notes anchored through edits, history, diffs and restore."""

from __future__ import annotations

import pytest

from app.core.anchors import locate, paragraphs
from app.core.diff import diff_html, diff_stats, diff_text
from app.core.errors import ConflictError, InputError
from app.core.workflow import WorkflowError
from app.exchange.markdown import import_markdown
from tests.conftest import TYPHOON


@pytest.fixture
def article(store):  # noqa: ANN001, ANN201
    return import_markdown(store, TYPHOON, author="測試者")


def test_status_machine_records_who_and_when(store, article) -> None:  # noqa: ANN001
    store.review.change_status(article.id, "in_review", who="林記者", role="editor")
    with pytest.raises(WorkflowError, match="cannot go from 'in_review' to 'published'"):
        store.review.change_status(article.id, "published", who="王編輯", role="editor")
    store.review.change_status(article.id, "approved", who="王編輯", role="editor")
    done = store.review.change_status(article.id, "published", who="王編輯", role="editor")
    assert done.status == "published" and done.published
    record = [(c.from_status, c.to_status, c.who) for c in store.review.status_history(article.id)]
    assert record == [
        ("draft", "in_review", "林記者"),
        ("in_review", "approved", "王編輯"),
        ("approved", "published", "王編輯"),
    ]
    # A status is a decision, not text: moves write no revision, except the first
    # publication of an undated article, which dates it.
    assert [r.origin for r in store.revisions(article.id)] == ["imported"]
    with pytest.raises(InputError):
        store.review.change_status(article.id, "in_review", who=" ", role="editor")


def test_approving_with_failing_checks_needs_a_recorded_override(store, article) -> None:  # noqa: ANN001
    broken = store.get_article(article.id)
    broken.figures[0].credit = ""
    store.save_article(broken, author="測試者")
    store.review.change_status(article.id, "in_review", who="林記者", role="editor")
    with pytest.raises(WorkflowError, match="override"):
        store.review.change_status(article.id, "approved", who="王編輯", role="editor")
    assert store.get_article(article.id).status == "in_review"
    store.review.change_status(
        article.id, "approved", who="王編輯", override="credit confirmed by phone", role="editor"
    )
    assert store.review.status_history(article.id)[-1].override == "credit confirmed by phone"


def test_status_change_from_a_stale_copy_is_a_conflict(store, article) -> None:  # noqa: ANN001
    stale = article.revision
    edited = store.get_article(article.id)
    edited.body += "\n新段落。\n"
    store.save_article(edited, author="測試者")
    with pytest.raises(ConflictError):
        store.review.change_status(
            article.id, "in_review", who="王編輯", base_revision=stale, role="editor"
        )
    assert store.review.status_history(article.id) == []


def test_notes_anchor_survives_edits_around_it(store, article) -> None:  # noqa: ANN001
    body = store.get_article(article.id).body
    target = paragraphs(body)[2]  # 水利局長在演練後表示…
    note = store.review.add_note(
        article.id, "78 座請再確認", author="王編輯", line=target.first_line
    )
    reply = store.review.add_note(article.id, "已向水利局確認", author="林記者", reply_to=note.uid)
    general = store.review.add_note(article.id, "標題可再短一點", author="王編輯")
    edited = store.get_article(article.id)
    edited.body = "新的導言段落。\n\n" + edited.body.replace("今年全市 78 座", "今年全市共 78 座")
    store.save_article(edited, author="測試者")
    found = {n.uid: n for n in store.review.notes(article.id)}
    moved = found[note.uid].paragraph
    assert moved is not None and "今年全市共 78 座" in moved.text
    assert moved.first_line == target.first_line + 2
    assert found[reply.uid].parent_uid == note.uid and found[general.uid].paragraph is None
    store.review.set_resolved(note.uid, who="王編輯")
    assert all(n.resolved for n in store.review.notes(article.id) if n.uid in (note.uid, reply.uid))
    store.review.set_resolved(note.uid, who="王編輯", resolved=False)
    assert not any(n.resolved for n in store.review.notes(article.id))
    # The paragraph deleted: the note is detached, not lost.
    gone = store.get_article(article.id)
    gone.body = gone.body.replace(moved.text, "")
    store.save_article(gone, author="測試者")
    assert next(n for n in store.review.notes(article.id) if n.uid == note.uid).detached


def test_locate_prefers_exact_then_similar_then_nothing() -> None:
    body = "甲段落內容。\n\n乙段落內容很長的一段文字。\n\n丙。\n"
    assert locate(body, "乙段落內容很長的一段文字。", 0).index == 1
    assert locate(body, "乙段落內容很長的一段話。", 1).index == 1
    assert locate(body, "完全不同的東西", 1) is None


def test_diff_is_per_character_in_chinese_and_per_word_in_english() -> None:
    zh = diff_text("今年全市78座抽水站", "今年全市共78座抽水站")
    assert [(c.op, c.text) for c in zh if c.op != "equal"] == [("insert", "共")]
    en = diff_text("The library opens at night.", "The city library opens late at night.")
    assert [(c.op, c.text.strip()) for c in en if c.op != "equal"] == [
        ("insert", "city"),
        ("insert", "late"),
    ]
    changed = diff_text("reading room", "reading rooms")
    assert [(c.op, c.text) for c in changed if c.op != "equal"] == [
        ("delete", "room"),
        ("insert", "rooms"),
    ]
    assert diff_stats(zh) == (1, 0)
    html = diff_html(diff_text("a <b>", "a <i>"))
    assert '<del class="del">b</del>' in html and "&lt;" in html


def test_history_diff_and_restore_as_a_new_revision(store, article) -> None:  # noqa: ANN001
    edited = store.get_article(article.id)
    edited.body = edited.body.replace("78 座", "80 座")
    edited.title = "新標題"
    store.save_article(edited, author="王編輯")
    found = store.review.diff(article.id, 1, 2)
    assert found.fields == ["title"]
    assert [(c.op, c.text) for c in found.body if c.op != "equal"] == [
        ("delete", "78"),
        ("insert", "80"),
    ]
    store.review.change_status(article.id, "in_review", who="王編輯", role="editor")
    restored = store.review.restore_revision(article.id, 1, who="林記者")
    assert restored.body == article.body and restored.title == article.title
    assert restored.status == "in_review"  # restoring words does not change the status
    history = store.revisions(article.id)
    assert [r.number for r in history] == [1, 2, 3]
    assert history[-1].origin == "restored from revision 1" and history[-1].author == "林記者"
