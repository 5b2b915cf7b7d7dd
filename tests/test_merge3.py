"""Three-way merge by paragraph (Qt-free)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from app.core.merge3 import merge_articles, merge_lists
from app.core.model import Article

BASE = Article(
    id="a1",
    slug="drill",
    title="颱風演練",
    body="第一段。\n\n第二段。\n\n第三段。\n",
    updated="2026-11-30T01:00:00Z",
)


def test_edits_in_different_paragraphs_merge() -> None:
    ours = replace(
        BASE, body="第一段,我改的。\n\n第二段。\n\n第三段。\n", updated="2026-11-30T02:00:00Z"
    )
    theirs = replace(BASE, body="第一段。\n\n第二段。\n\n第三段,他改的。\n\n新的第四段。\n")
    merged = merge_articles(BASE, ours, theirs)
    assert merged is not None
    assert merged.body == "第一段,我改的。\n\n第二段。\n\n第三段,他改的。\n\n新的第四段。\n"
    assert merged.updated == "2026-11-30T02:00:00Z"


def test_the_same_paragraph_changed_differently_is_a_conflict() -> None:
    ours = replace(BASE, body="第一段。\n\n第二段(甲)。\n\n第三段。\n")
    theirs = replace(BASE, body="第一段。\n\n第二段(乙)。\n\n第三段。\n")
    assert merge_articles(BASE, ours, theirs) is None
    same = replace(BASE, body="第一段。\n\n第二段(甲)。\n\n第三段。\n")
    assert merge_articles(BASE, ours, same).body == ours.body  # the same change, once


def test_fields_merge_whole_and_status_is_never_decided_here() -> None:
    ours = replace(BASE, title="颱風演練登場", status="in_review")
    theirs = replace(BASE, dek="市府動員三局處。", status="approved")
    merged = merge_articles(BASE, ours, theirs)
    assert merged is not None
    assert (merged.title, merged.dek, merged.status) == (
        "颱風演練登場",
        "市府動員三局處。",
        "in_review",
    )
    assert merge_articles(BASE, replace(BASE, title="甲"), replace(BASE, title="乙")) is None


PARAS = st.lists(st.sampled_from(["甲", "乙", "丙", "丁", "戊", "己"]), max_size=8)


@given(PARAS, PARAS)
def test_one_sided_change_is_taken_whole(base: list[str], changed: list[str]) -> None:
    assert merge_lists(base, changed, base) == changed
    assert merge_lists(base, base, changed) == changed
    assert merge_lists(base, changed, changed) == changed
