"""``galley backup`` and ``galley restore FILE``: they work on the store file itself, so a
damaged store (which ``Store.open`` refuses) can still be restored."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.core.errors import InputError


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "backup",
        help="back the store up (into the backup folder, or FILE); --list shows the backups",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="write the backup here instead")
    p.add_argument("--keep", type=int, default=None, help="rolling backups to keep (default 10)")
    p.add_argument("--list", action="store_true", help="list the rolling backups")


def cmd_backup(store_path: Path, args: argparse.Namespace) -> int:
    from app.config import backup_dir
    from app.store.backup import DEFAULT_KEEP, backup_store, list_backups, rolling_backup

    folder = backup_dir(store_path)
    if args.list:
        for path in list_backups(folder):
            print(f"{path}\t{path.stat().st_size:,} bytes")
        return 0
    if not store_path.exists():
        raise InputError("does not exist; there is nothing to back up", file=str(store_path))
    if args.file:
        target = Path(args.file).expanduser()
        if target.exists():
            raise InputError("already exists; choose a new file name", file=str(target))
        print(backup_store(store_path, target))
        return 0
    keep = args.keep if args.keep is not None else DEFAULT_KEEP
    print(rolling_backup(store_path, folder, keep=keep, force=True))
    return 0


def cmd_restore_file(store_path: Path, args: argparse.Namespace) -> int:
    from app.cli_review import default_user
    from app.config import backup_dir
    from app.store.backup import restore_backup

    result = restore_backup(
        Path(args.ref).expanduser(),
        store_path,
        backup_dir(store_path),
        who=args.by or default_user(),
    )
    print(f"restored {store_path} from {args.ref}: {result.articles} article(s)")
    if result.previous is not None:
        print(f"the store as it was is kept in {result.previous}")
    if result.message:
        print(f"galley: {result.message}", file=sys.stderr)
    return 0
