"""Publishing fixtures: samples imported with fixed ids and times, so output is reproducible."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.core.model import Article, DeskSettings, RelatedLink
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import FIXTURES

FIXED = {
    "typhoon-drill": "0d6f3a52-6a8e-4c1e-9a55-3f1f2b8f7a10",
    "library-night": "7c2b9e14-1d3f-4b6a-8e2c-5a9d0f3e6b21",
}
CREATED = "2024-09-30T02:00:00.000Z"
UPDATED = "2024-10-01T03:15:00.000Z"


def fixed_sample(folder: Path, name: str) -> Path:
    """A copy of sample ``name`` whose front matter pins id, created and updated."""
    target = folder / name
    if not target.exists():
        shutil.copytree(FIXTURES / name, target)
        source = target / "article.md"
        text = source.read_text(encoding="utf-8")
        pinned = f"---\nid: {FIXED[name]}\ncreated: '{CREATED}'\nupdated: '{UPDATED}'\n"
        source.write_text(pinned + text[len("---\n") :], encoding="utf-8")
    return target / "article.md"


def configure_desk(store: Store) -> None:
    store.save_desk(
        DeskSettings(
            publication_name="南方日報",
            base_url="https://news.example.org/",
            editors_picks=[
                RelatedLink(
                    url="https://news.example.org/picks/harbour",
                    title="港區轉型十年:從貨櫃碼頭到親水公園",
                    excerpt="高雄港區的改變,從一條自行車道開始。",
                    author="編輯部",
                    date="2024-09-20",
                )
            ],
        ),
        by="測試編輯",
    )


def load_samples(store: Store, folder: Path) -> dict[str, Article]:
    configure_desk(store)
    return {
        name: import_markdown(store, fixed_sample(folder, name), author="測試者") for name in FIXED
    }


@pytest.fixture
def published(store: Store, tmp_path: Path) -> dict[str, Article]:
    """Both samples in a fresh store with a configured desk."""
    return load_samples(store, tmp_path / "fixed")
