"""Tests that kill the mutants the suite used to let live: each pins one rule exactly where a
plausible slip (off by one, a missing case, a lost transaction) would change the answer."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from app.core.checks import CheckContext, HouseRules, run_checks, title_length
from app.core.errors import InputError
from app.core.model import Article
from app.core.text import count_body, count_text
from app.core.workflow import WorkflowError
from app.exchange.bundles import import_path
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import FIXTURES, LIBRARY, TYPHOON, move_to


def independent_cjk_count(text: str) -> int:
    """An oracle that shares no code with Galley: Unicode names of the characters."""
    return sum(
        1 for ch in text if unicodedata.name(ch, "").startswith(("CJK UNIFIED", "CJK COMPAT"))
    )


def test_character_count_is_exact_on_the_sample() -> None:
    body = TYPHOON.read_text(encoding="utf-8").split("---\n", 2)[2]
    prose = "\n".join(line for line in body.split("\n") if not line.startswith(("![[", ":::")))
    expected = independent_cjk_count(prose)
    assert count_body(body)[0] == expected
    assert count_text("一二三")[0] == 3 and count_text("a")[0] == 0 and count_text("")[0] == 0


def test_title_length_at_exactly_the_limit_is_fine_and_one_more_is_not() -> None:
    rules = HouseRules(title_max=10)
    base = Article(
        id="a", slug="a", title="一二三四五六七八九十", dek="d", byline=["x"], section="s"
    )
    codes = {f.code for f in run_checks(base, CheckContext(rules=rules))}
    assert title_length(base.title) == 10 and "title-long" not in codes
    base.title += "一"
    codes = {f.code for f in run_checks(base, CheckContext(rules=rules))}
    assert "title-long" in codes


def test_latin_letters_count_half_rounded_up() -> None:
    assert title_length("高雄 abc") == 4  # two Chinese + three letters (1.5, rounded up)
    assert title_length("a") == 1
    assert title_length("ab") == 1


def test_publishing_with_failing_checks_needs_the_reason_too(store: Store) -> None:
    article = import_markdown(store, TYPHOON, author="測試者")
    move_to(store, article.id, "approved")  # with a reason, checks clean
    broken = store.get_article(article.id)
    broken.figures[0].credit = ""
    store.save_article(broken, author="測試編輯", role="editor")  # a copy edit: still approved
    with pytest.raises(WorkflowError, match="approve the changes first"):
        store.review.change_status(article.id, "published", who="王編輯", role="editor")
    with pytest.raises(WorkflowError, match="override"):  # approving the changes needs it too
        store.review.change_status(article.id, "approved", who="王編輯", role="editor")
    store.review.change_status(
        article.id, "approved", who="王編輯", override="credit by phone", role="editor"
    )
    with pytest.raises(WorkflowError, match="override"):
        store.review.change_status(article.id, "published", who="王編輯", role="editor")
    assert store.get_article(article.id).status == "approved"
    store.review.change_status(
        article.id, "published", who="王編輯", override="credit by phone", role="editor"
    )
    assert store.review.status_history(article.id)[-1].override == "credit by phone"


def test_saving_a_new_status_does_not_move_it(store: Store) -> None:
    article = import_markdown(store, TYPHOON, author="測試者")
    article.status = "published"
    article.body += "\n新段落。\n"
    saved = store.save_article(article, author="測試者")
    assert saved.status == "draft" and store.get_article(article.id).status == "draft"
    assert store.review.status_history(article.id) == []


def test_duplicate_figure_keys_are_refused_by_the_store(store: Store) -> None:
    article = import_markdown(store, TYPHOON, author="測試者")
    article.figures.append(article.figures[0])
    with pytest.raises(InputError, match="share the key"):
        store.save_article(article, author="測試者")


def test_a_folder_import_is_one_transaction(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second article's write fails (after the checks passed): the first one is undone."""
    import shutil

    folder = tmp_path / "two"
    shutil.copytree(FIXTURES / "typhoon-drill", folder / "a")
    shutil.copytree(FIXTURES / "library-night", folder / "b")
    real = store.articles.create
    calls: list[str] = []

    def fail_second(article: Article, **kwargs: object) -> Article:
        calls.append(article.title)
        if len(calls) == 2:
            raise InputError("injected failure on the second write")
        return real(article, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store.articles, "create", fail_second)
    with pytest.raises(InputError, match="injected"):
        import_path(store, folder, author="測試者")
    assert len(calls) == 2
    assert store.count_articles() == 0
    assert store.images.db.execute("SELECT count(*) FROM images").fetchone()[0] == 0


def test_several_files_on_one_command_are_one_transaction(
    store_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    bad = samples / "typhoon-drill" / "article.md"
    bad.write_text(bad.read_text(encoding="utf-8") + "\n::: oops\n", encoding="utf-8")
    code = main(["--store", str(store_path), "import", str(LIBRARY), str(bad)])
    assert code == 2
    with Store.open(store_path) as store:
        assert store.count_articles() == 0
