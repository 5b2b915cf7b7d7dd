"""Bad input outside the desk: each ends in one line naming the problem and an exit code,
never a traceback, "internal error", a stray process or a changed store."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import InputError, StoreError
from app.core.model import Source
from app.store import Store
from tests.conftest import TYPHOON


def galley(store: Path, *args: str) -> int:
    return main(["--store", str(store), *args])


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    return err


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--limit", "99999999999999999999"],
        ["list", "--limit", "-5"],
        ["list", "--limit", "ten"],
        ["search", "颱風", "--limit", "99999999999999999999"],
    ],
)
def test_a_limit_out_of_range_is_one_line(
    store_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        galley(store_path, *args)
    assert stopped.value.code == 2
    err = one_line_error(capsys)
    assert "--limit" in err and "--help" in err


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["frob"], "invalid choice: 'frob'"),
        (["list", "--status"], "--status: expected one argument"),
        (["status"], "required: ID"),
        (["show", "x", "--nonsense"], "unrecognized arguments: --nonsense"),
    ],
)
def test_usage_errors_are_one_line_naming_the_problem_and_help(
    store_path: Path, args: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        galley(store_path, *args)
    assert stopped.value.code == 2
    err = one_line_error(capsys)
    assert named in err and "--help" in err and "usage:" not in err


def test_a_value_with_newlines_is_never_echoed_raw(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert galley(store_path, "show", "first line\nsecond line\u0085third") == 5
    err = one_line_error(capsys)
    assert "first line\\nsecond line\\u0085third" in err


def test_source_date_epoch_out_of_range_is_one_line(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # noqa: ANN001
    for bad in ("99999999999999999", "1e9", "١٧٠٠٠٠٠٠٠٠"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", bad)
        assert galley(store_path, "export", "--desk", "--out", str(tmp_path / "site")) == 2
        assert "SOURCE_DATE_EPOCH" in one_line_error(capsys)


def test_a_desk_edition_with_nothing_published_goes_into_a_new_folder(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "new" / "site"
    assert galley(store_path, "export", "--desk", "--out", str(out)) == 0
    assert (out / "index.html").is_file() and (out / "style.css").is_file()
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda a: setattr(a, "title", ["一", "二"]), "title"),
        (lambda a: setattr(a, "byline", "林 雨晴"), "byline"),
        (lambda a: setattr(a, "body", None), "body"),
        (lambda a: setattr(a, "revision", "3"), "revision"),
        (lambda a: a.sources.append(Source(title="t", url="https://x.org/\x00a")), "sources"),
        (lambda a: a.sources.append(Source(title="t", url="https://x.org/a\nb")), "sources[4]"),
        (lambda a: setattr(a, "canonical_url", "https://x.org/\x00"), "canonical_url"),
        (lambda a: a.sources.append({"title": "t"}), "sources[4]"),
    ],
)
def test_the_gate_refuses_values_of_the_wrong_kind(store: Store, change, field: str) -> None:  # noqa: ANN001
    from app.exchange.markdown import import_markdown

    article = import_markdown(store, TYPHOON, author="測試者")
    edited = store.get_article(article.id)
    change(edited)
    with pytest.raises(InputError) as refused:
        store.save_article(edited, author="測試者")
    assert refused.value.field is not None and refused.value.field.startswith(field)
    assert store.get_article(article.id) == article


@pytest.mark.parametrize(
    ("character", "shown"),
    [("\ufffe", "U+FFFE (a noncharacter)"), ("\u009b", "U+009B (a control character)")],
)
def test_a_yaml_character_yaml_refuses_is_named_with_line_and_column(
    store_path: Path, tmp_path: Path, character: str, shown: str, capsys
) -> None:  # noqa: ANN001
    path = tmp_path / "odd.md"
    path.write_text(f"---\ndek: 說明\ntitle: 標題{character}\n---\n\n內文。\n", encoding="utf-8")
    assert galley(store_path, "import", str(path)) == 2
    err = one_line_error(capsys)
    assert f"{path}:3:10:" in err and shown in err


def test_a_store_with_a_negative_version_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "odd.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE articles (seq INTEGER PRIMARY KEY, id TEXT, revision INTEGER)")
    conn.execute("PRAGMA user_version = -3")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    assert galley(path, "list") == 3
    assert "store version is -3" in one_line_error(capsys)
    assert path.read_bytes() == before


def _old_store(path: Path) -> None:
    """A store of schema version 11 (as the previous release left it), in WAL mode."""
    from sqlite_utils import Database

    from app.store.schema import migrations

    db = Database(path)
    migrations.apply(db, stop_before="0012_moves_by_role_rendition_cache_apart")
    db.execute(
        "INSERT INTO articles (id, slug, title, created_at, updated_at, revision, body)"
        " VALUES ('a-1', 'a-1', '舊稿', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 0,"
        f" '{'內文' * 3000}')"
    )
    db.conn.commit()
    db.close()


def test_a_damaged_store_of_an_old_version_is_refused_before_it_is_migrated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.sqlite"
    _old_store(path)
    data = bytearray(path.read_bytes())
    page = 4096
    # A page an opening's first look does not read: an index of the article list.
    root = (
        sqlite3.connect(path)
        .execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles_by_title'")
        .fetchone()[0]
    )
    data[(root - 1) * page : (root - 1) * page + 40] = b"\xff" * 40  # smash its header
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    assert galley(path, "list") == 3
    err = one_line_error(capsys)
    assert "damaged" in err and "left exactly as it was" in err
    assert path.read_bytes() == before  # not migrated, not switched to WAL
    assert not Path(f"{path}-wal").exists()


def test_a_migration_that_fails_halfway_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.store import schema

    path = tmp_path / "old.sqlite"
    _old_store(path)
    before = path.read_bytes()
    [last] = [m for m in schema.migrations._migrations if m.name.startswith("0012")]
    real = last.fn

    def half_then_fail(db):  # noqa: ANN001, ANN202
        real(db)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(last, "fn", half_then_fail)
    with pytest.raises(StoreError, match="nothing in it was changed"):
        Store.open(path)
    assert path.read_bytes() == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 11
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found |= {int(c) for c in task.read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_import_workers_end_with_the_importer_and_say_nothing(
    tmp_path: Path, how: signal.Signals
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    paragraph = "市府今天宣布防災計畫，說明各區抽水站的整備情形與民眾應注意的事項。"
    for n in range(2500):
        body = "\n\n".join([paragraph] * 40)
        (folder / f"a{n:05d}.md").write_text(f"---\ntitle: 第 {n} 篇\n---\n\n{body}\n", "utf-8")
    files = sorted(str(p) for p in folder.iterdir())
    command = [sys.executable, "-m", "app.cli", "--store", str(tmp_path / "s.sqlite"), "import"]
    importer = subprocess.Popen(
        command + files,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "GALLEY_USER": "測試者"},
        # Its own session: as when a person runs it, SIGINT is not ignored (it is for a
        # background job of a script).
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and importer.poll() is None:
        workers = {c for c in _children(importer.pid) if "spawn_main" in _cmdline(c)}
        time.sleep(0.05)
    assert len(workers) >= 2, "the import never started its workers"
    os.killpg(importer.pid, how) if how == signal.SIGINT else importer.send_signal(how)
    _stderr = importer.communicate(timeout=60)[1]
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers), "a worker outlived the importer"
    time.sleep(0.5)  # the resource tracker's last words, if any, come after the workers
    assert "Traceback" not in _stderr and "Warning" not in _stderr, _stderr
    if how == signal.SIGINT:
        assert importer.returncode == 130
        with Store.open(tmp_path / "s.sqlite") as store:
            assert store.count_articles() == 0  # one transaction: nothing half-imported


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""
