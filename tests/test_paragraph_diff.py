"""What an editor reads to see what changed: paragraphs side by side, parts listed."""

from __future__ import annotations

from app.core.diff import paragraph_diff, part_changes
from app.core.sessions import writing_sessions


def test_paragraphs_pair_with_what_they_became() -> None:
    old = "第一段。\n\n第二段文字很長。\n\n要刪的段落。\n\n第三段。\n"
    new = "第一段。\n\n第二段文字很長，加了一點。\n\n新的一段。\n\n第三段。\n"
    rows = [(r.kind, r.old, r.new) for r in paragraph_diff(old, new)]
    assert rows == [
        ("equal", "第一段。", "第一段。"),
        ("changed", "第二段文字很長。", "第二段文字很長，加了一點。"),
        ("removed", "要刪的段落。", ""),
        ("added", "", "新的一段。"),
        ("equal", "第三段。", "第三段。"),
    ]


def test_a_moved_paragraph_reads_as_removed_and_added() -> None:
    rows = paragraph_diff("甲。\n\n乙。\n\n丙。", "乙。\n\n丙。\n\n甲。")
    assert [(r.kind, r.old or r.new) for r in rows if r.kind != "equal"] == [
        ("removed", "甲。"),
        ("added", "甲。"),
    ]


def test_figures_sources_and_links_added_removed_changed_reordered() -> None:
    old = {
        "figures": [{"key": "a", "caption": "x"}, {"key": "b", "caption": "y"}],
        "sources": [{"title": "舊", "url": "https://a.example"}],
        "related": [{"article_id": "1", "title": "相關"}],
    }
    new = {
        "figures": [{"key": "b", "caption": "y"}, {"key": "a", "caption": "z"}],
        "sources": [{"title": "新", "url": "https://b.example"}],
        "related": [{"article_id": "1", "title": "相關"}],
    }
    found = {(c.part, c.kind, c.name, c.fields) for c in part_changes(old, new)}
    assert found == {
        ("figures", "changed", "a", ("caption",)),
        ("figures", "reordered", "", ()),
        ("sources", "removed", "舊", ()),
        ("sources", "added", "新", ()),
    }


class Rev:
    def __init__(self, author: str, created: str, origin: str = "") -> None:
        self.author, self.created, self.origin = author, created, origin


def test_writing_sessions_group_one_persons_saves_until_a_pause() -> None:
    revs = [
        Rev("林", "2026-12-04T09:00:00Z", "imported"),
        Rev("林", "2026-12-04T09:01:00Z"),
        Rev("林", "2026-12-04T09:02:00Z"),
        Rev("林", "2026-12-04T09:21:59Z"),  # 19:59 later: the same sitting
        Rev("王", "2026-12-04T09:22:00Z"),  # another person
        Rev("王", "2026-12-04T10:00:00Z"),  # after a pause
        Rev("王", "2026-12-04T10:01:00Z", "restored from revision 2"),
    ]
    sessions = writing_sessions(revs)
    assert [(s.author, len(s.revisions)) for s in sessions] == [
        ("林", 1),
        ("林", 3),
        ("王", 1),
        ("王", 1),
        ("王", 1),
    ]
