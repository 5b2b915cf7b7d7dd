"""The store's upgrade runs off the UI thread under a dialog, and its failure is reported."""

from __future__ import annotations

from pathlib import Path

from app.store import Store
from app.store.schema import SCHEMA_VERSION
from tests.test_migration_records import _version_9_store


def test_an_older_store_is_upgraded_on_a_thread_under_a_dialog(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QWidget

    from app.ui.store_opener import StoreOpener

    path = tmp_path / "old.sqlite"
    _version_9_store(path)
    assert Store.needs_upgrade(path)
    parent = QWidget()
    qtbot.addWidget(parent)
    opener = StoreOpener(parent, path)
    with qtbot.waitSignal(opener.opened, timeout=60_000) as opened:
        opener.start()
        assert opener.dialog.isVisible()  # shown before the upgrade can report back
    store = opened.args[0]
    try:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [r.number for r in store.revisions("a-1")] == [1, 2]
    finally:
        store.close()
    assert not opener.dialog.isVisible()
    assert not Store.needs_upgrade(path)


def test_a_store_that_cannot_be_opened_is_reported_not_raised(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QWidget

    from app.ui.store_opener import StoreOpener

    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    parent = QWidget()
    qtbot.addWidget(parent)
    opener = StoreOpener(parent, folder)
    with qtbot.waitSignal(opener.failed, timeout=10_000) as failed:
        opener.start()
    assert "is a folder, not a store file" in str(failed.args[0])
    assert not opener.dialog.isVisible()


def test_current_and_missing_stores_need_no_upgrade(store: Store, tmp_path: Path) -> None:
    assert not Store.needs_upgrade(store.path)
    assert not Store.needs_upgrade(tmp_path / "none.sqlite")
    (tmp_path / "junk.sqlite").write_text("not a store")
    assert not Store.needs_upgrade(tmp_path / "junk.sqlite")
