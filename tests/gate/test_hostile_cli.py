"""Bad input through the command line: exit 2 (or the store's code) with one line naming the
problem, never a traceback, and nothing half-done."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON


def galley(*args: str, store: Path) -> tuple[int, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", "--store", str(store), *args],
        capture_output=True,
    )
    return proc.returncode, (proc.stdout + proc.stderr).decode("utf-8", "replace")


def kept_copy(output: str) -> Path:
    line = next(x for x in output.splitlines() if "as it was is kept in" in x)
    return Path(line.split("kept in ", 1)[1].strip())


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def variant(samples: Path, old: str, new: str) -> Path:
    path = samples / "typhoon-drill" / "article.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


BODY_CASES = [
    ("unclosed", "\n::: further-reading\n- 沒有結尾\n", "never closed"),
    ("unknown", "\n::: sidebar\n內容\n:::\n", "unknown block"),
    ("stray", "\n:::\n", "closes a block never opened"),
    ("markdown_image", "\n![抽水站](images/pump.jpg)\n", "place images as figures"),
    ("reference_image", "\n![抽水站][pump]\n\n[pump]: images/pump.jpg\n", "place images"),
    ("dangling_article_link", "\n見[舊聞](article:no-such-story)。\n", "no such article"),
]


@pytest.mark.parametrize(("case", "extra", "message"), BODY_CASES, ids=[c[0] for c in BODY_CASES])
def test_import_refuses_what_export_could_not_write(
    case: str,
    extra: str,
    message: str,
    samples: Path,
    store_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = samples / "typhoon-drill" / "article.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + extra, encoding="utf-8")
    line = len(text.split("\n")) + 1  # the first added line
    code = main(["--store", str(store_path), "import", str(path)])
    err = one_line(capsys.readouterr().err)
    assert code == 2 and message in err, err
    assert f"article.md:{line}" in err or f"article.md:{line + 1}" in err, err
    with Store.open(store_path) as store:
        assert store.count_articles() == 0


def test_lone_surrogate_in_front_matter(
    samples: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = variant(
        samples,
        "title: 颱風季前大演練 高雄抽水站與沙包站全面檢查",
        'title: "\\ud800颱風季前大演練"',  # a YAML escape for a lone surrogate
    )
    code = main(["--store", str(store_path), "import", str(path)])
    err = one_line(capsys.readouterr().err)
    assert code == 2 and "surrogate" in err and "title" in err


def test_utf16_and_cr_only_files_say_what_they_are(
    samples: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = samples / "typhoon-drill" / "article.md"
    text = source.read_text(encoding="utf-8")
    utf16 = samples / "typhoon-drill" / "utf16.md"
    utf16.write_bytes(text.encode("utf-16"))
    cr = samples / "typhoon-drill" / "cr.md"
    cr.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    assert main(["--store", str(store_path), "import", str(utf16)]) == 2
    assert "UTF-16" in one_line(capsys.readouterr().err)
    assert main(["--store", str(store_path), "import", str(cr)]) == 2
    assert "CR-only" in one_line(capsys.readouterr().err)


def zip_of(folder: Path, target: Path, **kwargs: object) -> Path:
    with zipfile.ZipFile(target, "w", **kwargs) as zf:  # type: ignore[arg-type]
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder.parent).as_posix())
    return target


def test_encrypted_and_zstd_zips(
    samples: Path, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = zip_of(samples / "typhoon-drill", tmp_path / "plain.zip")
    data = bytearray(plain.read_bytes())
    # Set the "encrypted" flag (bit 0) on every entry, local and central headers alike.
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(sig, start)) >= 0:
            data[start + offset] |= 1
            start += 4
    encrypted = tmp_path / "encrypted.zip"
    encrypted.write_bytes(bytes(data))
    assert main(["--store", str(store_path), "import", str(encrypted)]) == 2
    assert "encrypted" in one_line(capsys.readouterr().err)
    zstd = bytearray(plain.read_bytes())
    for sig, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (start := zstd.find(sig, start)) >= 0:
            zstd[start + offset : start + offset + 2] = (93).to_bytes(2, "little")
            start += 4
    (tmp_path / "zstd.zip").write_bytes(bytes(zstd))
    assert main(["--store", str(store_path), "import", str(tmp_path / "zstd.zip")]) == 2
    assert "compression" in one_line(capsys.readouterr().err)


def test_invalid_utf8_in_arguments(store_path: Path) -> None:
    with Store.open(store_path) as store:
        import_markdown(store, LIBRARY, author="測試者")
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", "--store", str(store_path), "search", b"\xff\xfe"],
        capture_output=True,
    )
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2 and "not valid UTF-8" in one_line(err)


def test_backup_path_whose_parent_is_a_file(store_path: Path, tmp_path: Path) -> None:
    with Store.open(store_path) as store:
        import_markdown(store, LIBRARY, author="測試者")
    (tmp_path / "afile").write_text("x")
    code, err = galley("backup", str(tmp_path / "afile" / "b.sqlite"), store=store_path)
    assert code == 2 and "is a file, not a folder" in one_line(err)


def test_a_constraint_failure_is_never_try_again(store: Store) -> None:
    from app.core.errors import StoreError

    with pytest.raises(StoreError) as caught, store.tx.write() as db:
        db.execute(
            "INSERT INTO articles (id, slug, title, created_at, updated_at, revision,"
            " status) VALUES ('x', 'x', 'x', '', '', 0, 'laundered')"
        )
    assert "try again" not in str(caught.value) and "bug" in str(caught.value)


# -- restore -----------------------------------------------------------------------------------
def make_store(path: Path, sample: Path) -> None:
    with Store.open(path) as store:
        import_markdown(store, sample, author="測試者")


def titles(path: Path) -> list[str]:
    with Store.open(path) as store:
        return [a.title for a in store.list_articles()]


def test_restore_keeps_a_damaged_store_it_replaces(store_path: Path, tmp_path: Path) -> None:
    make_store(tmp_path / "good.sqlite", LIBRARY)
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)  # damaged beyond reading
    code, err = galley("restore", str(tmp_path / "good.sqlite"), store=store_path)
    assert code == 0, err
    assert kept_copy(err).read_bytes().startswith(b"SQLite format 3\x00\x13\x13")
    assert titles(store_path) == ["City library tries a midnight reading room"]


def test_restore_keeps_a_store_from_a_newer_galley(store_path: Path, tmp_path: Path) -> None:
    make_store(tmp_path / "good.sqlite", LIBRARY)
    make_store(store_path, TYPHOON)
    conn = sqlite3.connect(store_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    code, err = galley("restore", str(tmp_path / "good.sqlite"), store=store_path)
    assert code == 0, err
    assert titles(store_path) == ["City library tries a midnight reading room"]
    conn = sqlite3.connect(kept_copy(err))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 99
    conn.close()


@pytest.mark.parametrize(
    "extra",
    [
        "CREATE TRIGGER steal AFTER INSERT ON articles BEGIN DELETE FROM notes; END",
        "CREATE VIEW everything AS SELECT * FROM articles",
        "CREATE TABLE payload (x)",
    ],
    ids=["trigger", "view", "table"],
)
def test_restore_refuses_a_backup_with_foreign_schema(
    extra: str, store_path: Path, tmp_path: Path
) -> None:
    make_store(tmp_path / "hostile.sqlite", LIBRARY)
    conn = sqlite3.connect(tmp_path / "hostile.sqlite")
    conn.execute(extra)
    conn.commit()
    conn.close()
    make_store(store_path, TYPHOON)
    before = titles(store_path)
    code, err = galley("restore", str(tmp_path / "hostile.sqlite"), store=store_path)
    assert code == 2 and "did not create" in one_line(err)
    assert titles(store_path) == before


def test_a_failed_restore_leaves_the_store_as_it_was(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.errors import StoreError
    from app.store import backup

    make_store(tmp_path / "good.sqlite", LIBRARY)
    make_store(store_path, TYPHOON)
    real = backup.integrity_errors
    calls = {"n": 0}

    def failing_after_copy(path: Path) -> list[str]:
        calls["n"] += 1
        return ["page 7: damaged"] if path == store_path else real(path)

    monkeypatch.setattr(backup, "integrity_errors", failing_after_copy)
    with pytest.raises(StoreError, match="it is as it was"):
        backup.restore_backup(
            tmp_path / "good.sqlite", store_path, tmp_path / "backups", who="還原者"
        )
    monkeypatch.setattr(backup, "integrity_errors", real)
    assert titles(store_path) == ["颱風季前大演練 高雄抽水站與沙包站全面檢查"]
    shutil.rmtree(tmp_path / "backups")


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        ("UPDATE articles SET slug = '../victim'", "slug"),
        ("UPDATE figures SET key = '../k' || position", "figures.key"),
        ("UPDATE sources SET url = 'javascript:alert(1)'", "sources.url"),
        ("UPDATE articles SET canonical_url = 'javascript:alert(1)'", "canonical_url"),
    ],
    ids=["slug", "figure-key", "source-url", "canonical-url"],
)
def test_restore_refuses_content_the_gate_would_refuse(
    sql: str, named: str, store_path: Path, tmp_path: Path
) -> None:
    """A backup from another laptop is hostile input: what no write could store is refused."""
    make_store(tmp_path / "hostile.sqlite", TYPHOON)
    conn = sqlite3.connect(tmp_path / "hostile.sqlite")
    conn.execute(sql)
    conn.commit()
    conn.close()
    make_store(store_path, LIBRARY)
    code, err = galley("restore", str(tmp_path / "hostile.sqlite"), store=store_path)
    line = one_line(err)
    assert code == 2 and named in line and "would never store" in line
    assert titles(store_path) == ["City library tries a midnight reading room"]
