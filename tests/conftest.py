"""Shared fixtures: every test gets its own store, settings and data folders."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

# pytest-qt builds its QApplication once per session, before function fixtures run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"
TYPHOON = FIXTURES / "typhoon-drill" / "article.md"
LIBRARY = FIXTURES / "library-night" / "article.md"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point settings, data, logs and the default store at a temp folder."""
    home = tmp_path / "home"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("GALLEY_STORE", raising=False)
    return home


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store" / "galley.sqlite"


@pytest.fixture
def store(store_path: Path):
    from app.store import Store

    with Store.open(store_path) as s:
        yield s


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    """A writable copy of the sample articles (tests may break them)."""
    target = tmp_path / "samples"
    shutil.copytree(FIXTURES, target)
    return target


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


WORKFLOW_PATH = {
    "in_review": ["in_review"],
    "approved": ["in_review", "approved"],
    "published": ["in_review", "approved", "published"],
    "spiked": ["spiked"],
}


def move_to(store, ref: str, status: str):  # noqa: ANN001, ANN201
    """Walk a draft through the workflow to ``status`` (as an editor would, with a reason)."""
    article = None
    for step in WORKFLOW_PATH[status]:
        article = store.review.change_status(
            ref, step, who="測試編輯", override="test fixture", role="editor"
        )
    return article
