"""An article's address (its slug) is unique desk-wide and settled the same way on every
laptop: the story published first keeps it for good, and the other is told its new one."""

from __future__ import annotations

from pathlib import Path

from app.exchange.desk_sync import DeskSync
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON, move_to
from tests.sync.conftest import laptop


def same_slug_on(store: Store, path: Path, slug: str, title: str) -> str:
    text = path.read_text(encoding="utf-8")
    start = text.index("\nslug: ") + 1
    end = text.index("\n", start)
    text = text[:start] + f"slug: {slug}" + text[end:]
    text = text.replace(text.split("\n")[1], f"title: {title}", 1)
    copy = path.parent / f"same-{title}.md"
    copy.write_text(text, encoding="utf-8")
    try:
        return import_markdown(store, copy, author="林記者").id
    finally:
        copy.unlink()


def test_two_stories_with_one_address_settle_it_the_same_on_every_laptop(
    desk: Path, tmp_path: Path
) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b, laptop(tmp_path, "c") as c:
        first = same_slug_on(b, LIBRARY, "city-night", "後來發布的稿")
        second = same_slug_on(a, TYPHOON, "city-night", "先發布的稿")
        move_to(a, second, "published")  # published first: keeps the address
        DeskSync(a, by="甲").sync(str(desk))
        report = DeskSync(b, by="乙").sync(str(desk))
        assert report.renamed == [f"city-night-{first[:8]} (was city-night: '先發布的稿' has it)"]
        assert "addresses settled by the desk" in report.summary()
        DeskSync(a, by="甲").sync()
        DeskSync(c, by="丙").sync(str(desk))
        for store in (a, b, c):
            assert store.get_article(second).slug == "city-night"
            assert store.get_article(first).slug == f"city-night-{first[:8]}"
        move_to(b, first, "published")  # published later: its address is its own
        DeskSync(b, by="乙").sync()
        DeskSync(a, by="甲").sync()
        assert a.get_article(second).slug == "city-night"
        assert a.get_article(first).slug == f"city-night-{first[:8]}"


def test_a_published_story_keeps_its_address_against_an_older_draft(
    desk: Path, tmp_path: Path
) -> None:
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        draft = same_slug_on(a, LIBRARY, "harbour", "早寫的草稿")  # created first, never published
        published = same_slug_on(b, TYPHOON, "harbour", "已發布的稿")
        move_to(b, published, "published")
        DeskSync(a, by="甲").sync(str(desk))
        DeskSync(b, by="乙").sync(str(desk))
        DeskSync(a, by="甲").sync()
        for store in (a, b):
            assert store.get_article(published).slug == "harbour"
            assert store.get_article(draft).slug == f"harbour-{draft[:8]}"
