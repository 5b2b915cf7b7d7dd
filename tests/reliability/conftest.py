"""Fault fixtures: a small file system that really runs out of space, and a read-only one."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount_tmpfs(point: Path, size: str) -> bool:
    point.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(point)],
        capture_output=True,
    )
    return done.returncode == 0


def _unmount(point: Path) -> None:
    subprocess.run(["umount", "-l", str(point)], capture_output=True)


class SmallDisk:
    """A 4 MB tmpfs: ``fill()`` takes every free byte, ``free()`` gives them back."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / "filler.bin"

    def fill(self) -> None:
        for name, block in (("filler.bin", b"\xff" * 4096), ("filler-2.bin", b"\xff")):
            with open(self.root / name, "ab", buffering=0) as fh, contextlib.suppress(OSError):
                while True:
                    fh.write(block)

    def free(self) -> None:
        for name in ("filler.bin", "filler-2.bin"):
            (self.root / name).unlink(missing_ok=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    point = tmp_path / "small-disk"
    if not _mount_tmpfs(point, "4m"):
        pytest.skip("cannot mount a tmpfs here (needs root); test_enospc_* injects ENOSPC")
    try:
        yield SmallDisk(point)
    finally:
        _unmount(point)


@pytest.fixture
def read_only_medium(tmp_path: Path) -> Iterator[Path]:
    """A folder that becomes a read-only file system after the test put files in it:
    ``remount(point)`` is called by the test once its store is written."""
    point = tmp_path / "card"
    if not _mount_tmpfs(point, "16m"):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield point
    finally:
        _unmount(point)


def remount_read_only(point: Path) -> None:
    done = subprocess.run(["mount", "-o", "remount,ro", str(point)], capture_output=True)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def settings(tmp_path: Path):  # noqa: ANN201 - a QSettings; Qt is imported only by UI tests
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
