"""An import's files prepared ahead in worker processes store exactly what the writer
alone stores, and every bad file still gets the writer's own message."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from app.core.errors import InputError
from app.core.model import Article, RelatedLink, Source
from app.exchange import ahead as ahead_module
from app.exchange import markdown as markdown_module
from app.exchange.ahead import AheadFiles
from app.exchange.bundles import import_paths
from app.exchange.source import article_to_markdown
from app.store import Store
from app.store.search import indexed_text

TARGET_ID = "0d9c1f3e-5b7a-4c2e-9f10-2a3b4c5d6e7f"
LINES = [
    "高雄市政府今天公布抽水站總體檢結果，全市七十座抽水站均完成測試。",
    "The drill covered all 70 pumping stations before the typhoon season.",
    "氣象署預估今年颱風數量與往年相當，防災演練須提前完成。",
    "市議員質詢時指出，部分沙包站的存量不足，要求加速補足。",
]


def _files(folder: Path, count: int) -> list[Path]:
    """Articles of the project's shape: sources, a related article in the store, an
    ``article:`` link to it in some bodies, English and Chinese."""
    folder.mkdir()
    files = []
    for n in range(count):
        body = "\n\n".join(LINES[(n + k) % len(LINES)] + f"第{n}段。" for k in range(3))
        body += "\n\n" + "颱風警報。" * (n % 4)  # words at every weight near an impact row's
        if n % 5 == 0:
            body += f"\n\n延伸閱讀：[防災總體檢](article:{TARGET_ID[:8]})"
        article = Article(
            id="",
            slug=f"drill-{n:03d}",
            title=f"颱風演練第{n}站：抽水站檢查",
            dek="防災演練" if n % 2 else "",
            body=body,
            sources=[Source(date="2026-06-01", outlet="中央社", title=f"演練{n}", url="")],
            related=[RelatedLink(kind="related", article_id=TARGET_ID, title="防災總體檢")]
            if n % 3 == 0
            else [],
        )
        files.append(folder / f"drill-{n:03d}.md")
        files[-1].write_text(article_to_markdown(article, {}), encoding="utf-8")
    return files


def _with_target(path: Path) -> Store:
    store = Store.open(path)
    store.create_article(
        Article(id=TARGET_ID, slug="target", title="政府公布十年防災總體檢"), author="測試者"
    )
    return store


@pytest.fixture
def prepared_ahead(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Workers for any import, in small tasks, started before the writer's first file and
    kept ahead of it (a writer 10 ms an article slower), so that they prepare most files
    of a small test import; counts what they prepared."""
    counts = {"ahead": 0, "writer": 0}
    store_prepared = markdown_module.store_prepared

    def slower(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.01)
        return store_prepared(*args, **kwargs)

    monkeypatch.setattr(markdown_module, "store_prepared", slower)
    monkeypatch.setattr(ahead_module, "worker_count", lambda _files: 1)
    monkeypatch.setattr(ahead_module, "CHUNK", 4)
    start, take = AheadFiles.__init__, AheadFiles.take

    def started(self: AheadFiles, *args: Any) -> None:
        start(self, *args)
        if self._started is not None:
            self._started.result(timeout=120)

    def counted(self: AheadFiles, path: Path) -> Any:
        found = take(self, path)
        counts["ahead" if found else "writer"] += 1
        return found

    monkeypatch.setattr(AheadFiles, "__init__", started)
    monkeypatch.setattr(AheadFiles, "take", counted)
    return counts


def _stored(store: Store) -> dict[str, Any]:
    """Per slug: the article as stored, its impact rows and the searches that find it."""
    out: dict[str, Any] = {}
    for row in store._db.query("SELECT seq, id, slug FROM articles WHERE slug != 'target'"):
        article = store.get_article(row["id"])
        rows = {
            (r["term"], r["impact"], r["weight"], r["length"])
            for r in store._db.query("SELECT * FROM term_impacts WHERE seq = ?", [row["seq"]])
        }
        out[row["slug"]] = (
            (article.title, article.dek, article.body, article.status),
            [(s.outlet, s.title) for s in article.sources],
            [(r.article_id, r.title) for r in article.related],
            rows,
        )
    for query in ("抽水站", "沙包站", "pumping", "防災演練", "第7段"):
        slugs = sorted(store.get_article(h.id).slug for h in store.search(query, limit=100))
        out[f"search {query}"] = slugs
    return out


def test_files_prepared_ahead_are_stored_as_the_writer_stores_them(
    tmp_path: Path, prepared_ahead: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _files(tmp_path / "files", 30)
    with _with_target(tmp_path / "ahead.sqlite") as store:
        import_paths(store, files, author="測試者")
        with_workers = _stored(store)
    assert prepared_ahead["ahead"] >= 20  # the workers did prepare most of them
    monkeypatch.setattr(ahead_module, "worker_count", lambda _files: 0)
    with _with_target(tmp_path / "alone.sqlite") as store:
        import_paths(store, files, author="測試者")
        alone = _stored(store)
    assert with_workers == alone
    assert len(alone["search 抽水站"]) == 30
    linked = [v for k, v in alone.items() if k.startswith("drill-") and v[2]]
    assert linked and all(v[2] == [(TARGET_ID, "防災總體檢")] for v in linked)


@pytest.mark.parametrize(
    ("break_it", "field"),
    [
        # A worker assumes an article: link's target is stored: the writer asks the store.
        (lambda text: text + "\n見[舊文](article:deadbeef)\n", "body"),
        # Bad for a worker and for the writer alike.
        (lambda text: text.replace("title:", "titel:", 1), "front matter"),
    ],
)
def test_a_bad_file_among_those_prepared_ahead_gets_the_writers_message(
    tmp_path: Path,
    prepared_ahead: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    break_it: Any,
    field: str,
) -> None:
    files = _files(tmp_path / "files", 24)
    bad = files[13]
    bad.write_text(break_it(bad.read_text(encoding="utf-8")), encoding="utf-8")
    messages = []
    for workers in (1, 0):
        monkeypatch.setattr(ahead_module, "worker_count", lambda _files, n=workers: n)
        with _with_target(tmp_path / f"store-{workers}.sqlite") as store:
            with pytest.raises(InputError) as info:
                import_paths(store, files, author="測試者")
            assert [r["slug"] for r in store._db.query("SELECT slug FROM articles")] == ["target"]
        assert info.value.file == str(bad) and info.value.field == field
        messages.append(str(info.value))
    assert messages[0] == messages[1]
    assert prepared_ahead["ahead"] >= 8


def test_two_files_with_one_id_are_named_with_or_without_workers(
    tmp_path: Path, prepared_ahead: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _files(tmp_path / "files", 12)
    same = "7f1e2d3c-4b5a-4968-8776-655443322110"
    for path in (files[2], files[9]):
        path.write_text(
            path.read_text(encoding="utf-8").replace("id: ''", f"id: {same}", 1),
            encoding="utf-8",
        )
    for workers in (1, 0):
        monkeypatch.setattr(ahead_module, "worker_count", lambda _files, n=workers: n)
        with _with_target(tmp_path / f"store-{workers}.sqlite") as store:
            with pytest.raises(InputError, match=f"two of its articles have the same id {same}"):
                import_paths(store, files, author="測試者")
            assert store.list_articles() and len(store.list_articles()) == 1


def test_workers_that_cannot_start_leave_the_writer_to_do_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ahead_module, "worker_count", lambda _files: 1)

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError("no more processes")

    monkeypatch.setattr(ahead_module.ProcessPoolExecutor, "submit", broken)
    files = _files(tmp_path / "files", 10)
    with _with_target(tmp_path / "s.sqlite") as store:
        imported = import_paths(store, files, author="測試者")
    assert [a.slug for a in imported] == [f"drill-{n:03d}" for n in range(10)]


def test_the_store_indexes_an_article_by_its_own_text_whatever_it_is_handed(
    store: Store,
) -> None:
    """The gate: a text worked out ahead for another article (a mistake, a stale one) is
    not what the index takes."""
    other = Article(id="", slug="other", title="沙包站補足", body="沙包站存量不足。")
    article = Article(id="", slug="drill", title="抽水站檢查", body="抽水站全面檢查。")
    stored = store.articles.create(article, author="測試者", indexed=indexed_text(other))
    assert [h.id for h in store.search("抽水站")] == [stored.id]
    assert store.search("沙包站") == []
    rows = {
        r["term"]
        for r in store._db.query(
            "SELECT term FROM term_impacts WHERE seq = (SELECT seq FROM articles WHERE id = ?)",
            [stored.id],
        )
    }
    assert "抽水" in rows and "沙包" not in rows


def test_workers_run_at_a_lower_priority_than_the_writer(tmp_path: Path) -> None:
    """The writer is the import's serial part: a worker waits for a core, not the writer."""
    files = _files(tmp_path / "files", 2)
    with AheadFiles(files, 1) as ahead:
        assert ahead._pool is not None
        worker_niceness = ahead._pool.submit(os.nice, 0).result(timeout=120)
    expected = min(19, os.nice(0) + ahead_module.WORKER_NICENESS)
    assert worker_niceness == expected > os.nice(0)


def test_a_worker_starts_where_its_priority_cannot_be_lowered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Windows has no ``os.nice``, and lowering it may be refused: the worker starts anyway
    (an initializer that raised would break the pool, and every file go to the writer)."""
    monkeypatch.delattr(os, "nice")
    ahead_module._yield_to_writer()

    def refused(_increment: int) -> int:
        raise PermissionError("not allowed")

    monkeypatch.setattr(os, "nice", refused, raising=False)
    ahead_module._yield_to_writer()
