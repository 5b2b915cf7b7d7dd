"""Edits after approval: nothing is published that an editor did not see. A reporter's edit
to an approved article takes it back to review (their move, on record, in the same
transaction as the edit); an editor's copy edit keeps it approved, and publishing it is a
decision on the new text."""

from __future__ import annotations

import pytest

from app.core.workflow import WorkflowError
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import LIBRARY, move_to


@pytest.fixture
def approved(store: Store) -> str:
    article = import_markdown(store, LIBRARY, author="林記者")
    move_to(store, article.id, "approved")
    return article.id


def _edit(store: Store, article_id: str, text: str, **who: str) -> str:
    article = store.get_article(article_id)
    article.body += f"\n{text}\n"
    return store.save_article(article, **who).status


def test_a_reporters_edit_takes_an_approved_article_back_to_review(store, approved) -> None:  # noqa: ANN001
    assert _edit(store, approved, "One more line.", author="林記者", role="reporter") == "in_review"
    assert store.get_article(approved).status == "in_review"
    last = store.review.status_history(approved)[-1]
    assert (last.from_status, last.to_status, last.who, last.role) == (
        "approved",
        "in_review",
        "林記者",
        "reporter",
    )
    # What the record comes to agrees: every laptop replaying it gets the same status.
    assert store.articles.decided(approved).status == "in_review"


def test_a_save_with_no_role_named_is_a_reporters(store, approved) -> None:  # noqa: ANN001
    assert _edit(store, approved, "Unnamed role.", author="某人") == "in_review"


def test_an_editors_copy_edit_keeps_it_approved_and_publishing_asks_for_the_new_text(
    store, approved
) -> None:  # noqa: ANN001
    assert _edit(store, approved, "Copy edit.", author="測試編輯", role="editor") == "approved"
    with pytest.raises(WorkflowError, match="approve the changes first"):
        store.review.change_status(approved, "published", who="測試編輯", role="editor")
    store.review.change_status(
        approved, "approved", who="測試編輯", role="editor", override="fixture"
    )
    store.review.change_status(
        approved, "published", who="測試編輯", role="editor", override="fixture"
    )
    assert "Copy edit." in store.articles.as_published(approved).body


def test_an_editor_off_the_desks_list_edits_as_a_reporter(store, approved) -> None:  # noqa: ANN001
    from app.store.desk import with_setting

    store.save_desk(with_setting(store.desk(), "editors", "王編輯"), by="王編輯")
    assert _edit(store, approved, "Off the list.", author="測試編輯", role="editor") == (
        "in_review"
    )


def test_unchanged_text_moves_nothing(store, approved) -> None:  # noqa: ANN001
    article = store.get_article(approved)
    assert store.save_article(article, author="林記者").status == "approved"
    assert store.review.status_history(approved)[-1].to_status == "approved"


def test_galley_edit_as_a_reporter_returns_it_to_review(store_path, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from app.cli import main

    with Store.open(store_path) as store:
        article = import_markdown(store, LIBRARY, author="林記者")
        move_to(store, article.id, "approved")
        text = LIBRARY.read_text(encoding="utf-8") + "\nA late paragraph.\n"
    import shutil

    shutil.copytree(LIBRARY.parent, tmp_path / "copy")
    edited = tmp_path / "copy" / "article.md"
    edited.write_text(text, encoding="utf-8")
    monkeypatch.setenv("GALLEY_USER", "林記者")
    assert main(["--store", str(store_path), "edit", article.id, "--from", str(edited)]) == 0
    with Store.open(store_path) as store:
        assert store.get_article(article.id).status == "in_review"
