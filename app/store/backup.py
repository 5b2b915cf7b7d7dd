"""Backups of the store through SQLite's online backup API, and restoring one.

The backup API copies a consistent snapshot while other connections keep reading and writing
(a plain file copy of a WAL store can catch it half-written). Each copy is written to a
temporary name, checked, synced and then renamed, so a backup on disk is always whole.
Rolling backups keep the newest ``keep``; restoring first backs up the store as it was.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.core.errors import InputError, StoreError
from app.store.db import _inspect, _ro_uri

log = logging.getLogger(__name__)

ROLLING_PREFIX = "galley-"
SUFFIX = ".sqlite"
DEFAULT_KEEP = 10
MIN_FREE_AFTER = 200 * 1024 * 1024  # what a backup must leave free for saves


@dataclass(frozen=True)
class RestoreResult:
    articles: int
    previous: Path | None  # the store as it was before, kept as a backup
    message: str = ""  # how the copy was kept, when not the usual way


def integrity_errors(path: Path) -> list[str]:
    """``PRAGMA integrity_check`` of a store file, read-only; empty when it is sound."""
    conn = sqlite3.connect(_ro_uri(path), uri=True)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


Progress = Callable[[int, int, str], None]


def _copy(source: sqlite3.Connection, target: Path, progress: Progress | None = None) -> None:
    """Write a consistent copy of ``source`` to ``target`` (atomically: temp, fsync, rename).

    ``progress(done, total, what)`` hears each 4 MB step; if it raises (Cancelled), the
    partial copy is removed and the exception goes on."""
    partial = target.with_name(target.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    try:
        dest = sqlite3.connect(partial)
        try:
            # Steps of 4 MB (1024 pages): other windows' saves are never held up for long.
            source.backup(
                dest,
                pages=1024,
                progress=None
                if progress is None
                else lambda _status, remaining, total: progress(
                    total - remaining, total, target.name
                ),
            )
            dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            dest.close()
        with open(partial, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        reason = getattr(exc, "strerror", None) or str(exc)
        raise StoreError(f"{target}: the backup could not be written ({reason})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def backup_store(store_path: Path, target: Path, progress: Progress | None = None) -> Path:
    """Copy the store at ``store_path`` to the file ``target``."""
    _inspect(store_path)
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                raise InputError(
                    f"cannot be written: {parent} is a file, not a folder", file=str(target)
                )
            break
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{target}: its folder cannot be made ({exc.strerror})") from None
    # A normal connection: a read-only one cannot open a WAL store whose -shm file is gone.
    source = sqlite3.connect(store_path, timeout=10)
    try:
        _copy(source, target, progress)
    finally:
        source.close()
    log.info("backed up %s to %s", store_path, target)
    return target


def list_backups(folder: Path) -> list[Path]:
    """The rolling backups in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{ROLLING_PREFIX}*{SUFFIX}") if p.is_file())


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")[:-3]


def rolling_backup(
    store_path: Path,
    folder: Path,
    *,
    keep: int = DEFAULT_KEEP,
    force: bool = False,
    progress: Progress | None = None,
) -> Path | None:
    """Back the store up into ``folder`` and delete all but the newest ``keep`` backups.

    Skipped (returns None) when nothing changed since the newest backup, unless ``force``.
    """
    if not store_path.exists():
        return None
    existing = list_backups(folder)
    if existing and not force:
        changed = max(
            p.stat().st_mtime for p in (store_path, Path(str(store_path) + "-wal")) if p.exists()
        )
        if existing[-1].stat().st_mtime >= changed:
            return None
    folder.mkdir(parents=True, exist_ok=True)
    size = store_path.stat().st_size
    free = shutil.disk_usage(folder).free
    if free < 2 * size + MIN_FREE_AFTER:
        # A backup must never be what fills the disk the next save needs.
        log.warning(
            "rolling backup of %s skipped: %d MB free, the store is %d MB",
            store_path,
            free >> 20,
            size >> 20,
        )
        return None
    target = backup_store(store_path, folder / f"{ROLLING_PREFIX}{_stamp()}{SUFFIX}", progress)
    for old in list_backups(folder)[: -max(keep, 1)]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def foreign_objects(path: Path) -> list[str]:
    """What a store file's schema holds that Galley did not create: triggers, views, tables
    or indexes a fresh store of this version does not have. A backup from elsewhere is
    hostile input; a trigger in it would run inside every later save."""
    from sqlite_utils import Database

    from app.store.schema import SCHEMA_VERSION, migrate

    fresh = Database(memory=True, execute_plugins=False)
    migrate(fresh)
    known = {
        (r[0], r[1]): r[2] for r in fresh.conn.execute("SELECT type, name, sql FROM sqlite_master")
    }
    conn = sqlite3.connect(_ro_uri(path), uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        found = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    finally:
        conn.close()
    out = []
    for kind, name, sql in found:
        if (kind, name) not in known:
            out.append(f"{kind} '{name}'")
        elif version == SCHEMA_VERSION and (sql or "") != (known[(kind, name)] or ""):
            out.append(f"{kind} '{name}' (changed)")
    return out


def invalid_content(path: Path) -> str | None:
    """The first stored value of a backup that the store's gate would refuse (a slug that is
    a path, a figure key with '/', a javascript: URL, an unknown status), or None.

    A backup from another laptop is hostile input: restoring must not bring in what no write
    could have stored. Column by column, so a 100,000-article store is checked in about a
    second."""
    from app.core.model import RELATED_KINDS, STATUSES
    from app.core.slugs import is_valid_slug
    from app.core.validation import ARTICLE_ID_RE, FIGURE_KEY_RE, SHA256_RE
    from app.core.values import is_web_url

    def bad_url(value: str) -> bool:
        return bool(value) and not is_web_url(value)

    checks: list[tuple[str, Callable[[str], bool], str]] = [
        ("SELECT id, id FROM articles", lambda v: not ARTICLE_ID_RE.fullmatch(v), "id"),
        ("SELECT id, slug FROM articles", lambda v: not is_valid_slug(v), "slug"),
        ("SELECT id, status FROM articles", lambda v: v not in STATUSES, "status"),
        ("SELECT id, canonical_url FROM articles", bad_url, "canonical_url"),
        (
            "SELECT a.id, f.key FROM figures f JOIN articles a ON a.seq = f.article_seq",
            lambda v: not FIGURE_KEY_RE.fullmatch(v),
            "figures.key",
        ),
        (
            "SELECT a.id, f.image FROM figures f JOIN articles a ON a.seq = f.article_seq",
            lambda v: not SHA256_RE.fullmatch(v),
            "figures.image",
        ),
        (
            "SELECT a.id, s.url FROM sources s JOIN articles a ON a.seq = s.article_seq",
            bad_url,
            "sources.url",
        ),
        (
            "SELECT a.id, r.url FROM related r JOIN articles a ON a.seq = r.article_seq",
            bad_url,
            "related.url",
        ),
        (
            "SELECT a.id, r.kind FROM related r JOIN articles a ON a.seq = r.article_seq",
            lambda v: v not in RELATED_KINDS,
            "related.kind",
        ),
    ]
    conn = sqlite3.connect(_ro_uri(path), uri=True)
    try:
        for sql, wrong, name in checks:
            try:
                rows = conn.execute(sql)
            except sqlite3.Error:
                continue  # an older store without that table or column: migrated later
            for article_id, value in rows:
                if not isinstance(value, str) or wrong(value):
                    return f"article {article_id}: field '{name}' holds {value!r}"
    finally:
        conn.close()
    return None


def _keep_current(store_path: Path, folder: Path) -> tuple[Path | None, str]:
    """A copy of the store about to be replaced, whatever state it is in: through SQLite when
    it can be read, else the raw files. Into the backup folder, else beside the store.
    Returns (copy, message); (None, reason) when no copy could be made."""
    if not store_path.exists():
        return None, ""
    name = f"before-restore-{_stamp()}{SUFFIX}"
    reasons = []
    for place in (folder, store_path.parent):
        target = place / name
        try:
            try:
                return backup_store(store_path, target), ""
            except StoreError:  # damaged, or from a newer Galley: keep its bytes as they are
                place.mkdir(parents=True, exist_ok=True)
                shutil.copy2(store_path, target)
                wal = Path(str(store_path) + "-wal")
                if wal.exists():
                    shutil.copy2(wal, Path(str(target) + "-wal"))
                note = "" if place == folder else f" (the backup folder {folder} was unusable)"
                return target, f"the store could not be read; its files are kept as they are{note}"
        except (OSError, StoreError) as exc:
            reasons.append(f"{target}: {getattr(exc, 'strerror', None) or exc}")
    return None, "; ".join(reasons)


def _check_writable(store_path: Path) -> None:
    """A restore replaces the store's file: on a read-only disk, card or folder it cannot,
    and is refused before anything is touched."""
    folder = store_path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    blocked = not os.access(folder, os.W_OK) or (
        store_path.exists() and not os.access(store_path, os.W_OK)
    )
    if blocked:
        raise StoreError(
            f"{store_path}: is on a read-only disk or in a read-only folder; nothing was "
            "restored (copy the store somewhere writable, or restore to another --store)"
        )


def restore_backup(backup: Path, store_path: Path, folder: Path, *, who: str) -> RestoreResult:
    """Replace the store's content with ``backup`` after checking it is a sound Galley store.

    The current store is always kept first (through SQLite, or as raw files when it is
    damaged or too new), or nothing happens. The copy goes through the backup API into the
    live file, so other open windows see the restored store (their next save meets a
    conflict rather than overwriting it silently). Any failure puts the old store back.
    """
    if not backup.is_file():
        raise InputError("does not exist or is not a file", file=str(backup))
    _check_writable(store_path)
    _inspect(backup)
    problems = integrity_errors(backup)
    if problems:
        raise StoreError(
            f"{backup}: is damaged ({problems[0]}); choose another backup, nothing was changed"
        )
    foreign = foreign_objects(backup)
    if foreign:
        raise InputError(
            f"holds {', '.join(foreign[:3])}, which Galley did not create; refusing to restore "
            "it (nothing was changed)",
            file=str(backup),
        )
    hostile = invalid_content(backup)
    if hostile:
        raise InputError(
            f"{hostile}, which Galley would never store; refusing to restore it "
            "(nothing was changed)",
            file=str(backup),
        )
    previous, message = _keep_current(store_path, folder)
    if store_path.exists() and previous is None:
        raise StoreError(
            f"{store_path}: no copy of the current store could be kept ({message}); "
            "nothing was restored"
        )
    if message:
        log.warning("restore: %s", message)
    store_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if message:  # unreadable or too new, and kept as raw files: start from an empty file
            for stale in (store_path, Path(f"{store_path}-wal"), Path(f"{store_path}-shm")):
                stale.unlink(missing_ok=True)
        _copy_into(backup, store_path)
        from app.store.store import Store

        with Store.open(store_path) as store:  # migrates a backup made by an older Galley
            count = store.count_articles()
            store.restores.record(who=who, source=str(backup.resolve()), articles=count)
        problems = integrity_errors(store_path)
        if problems:
            raise StoreError(f"{store_path}: failed its check after the restore ({problems[0]})")
    except (StoreError, OSError, sqlite3.Error) as exc:
        with contextlib.suppress(StoreError, OSError, sqlite3.Error):
            if previous is not None and not message:
                _copy_into(previous, store_path)
            elif previous is not None:  # the raw files, back as they were
                shutil.copy2(previous, store_path)
                if Path(f"{previous}-wal").exists():
                    shutil.copy2(Path(f"{previous}-wal"), Path(f"{store_path}-wal"))
        detail = getattr(exc, "strerror", None) or str(exc)
        raise StoreError(
            f"{store_path}: could not be restored ({detail}); it is as it was"
            + (f" (a copy is kept in {previous})" if previous else "")
        ) from None
    log.info("restored %s from %s", store_path, backup)
    return RestoreResult(count, previous, message)


def _copy_into(source_path: Path, store_path: Path) -> None:
    """Copy a store file's content into the (possibly open) store through the backup API:
    one step, so SQLite commits it whole or not at all."""
    source = sqlite3.connect(_ro_uri(source_path), uri=True)
    try:
        dest = sqlite3.connect(store_path, timeout=10)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
