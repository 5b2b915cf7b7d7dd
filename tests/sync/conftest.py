"""The sync tests' shared fixtures: an empty desk, a laptop's store, and the window's
fixtures for the sync tests that go through the window."""

from pathlib import Path

import pygit2
import pytest

from app.store import Store
from tests.ui.conftest import articles, settings, window  # noqa: F401


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """An empty desk: a bare repository, as on a shared drive."""
    path = tmp_path / "desk.git"
    pygit2.init_repository(str(path), bare=True)
    return path


def laptop(tmp_path: Path, name: str) -> Store:
    """A laptop's store, in a folder of its own."""
    return Store.open(tmp_path / name / "galley.sqlite")
