"""Packaging: the menu entry and AppStream file pass the real validators, the icons are
there in every size, and the built one-folder app passes its smoke test."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.galleynews.Galley"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (bash packaging/setup-debian.sh test installs it)")
    return path


def test_desktop_file_validates() -> None:
    done = subprocess.run(
        [_tool("desktop-file-validate"), str(LINUX / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_metainfo_validates() -> None:
    done = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "E:" not in done.stdout and "W:" not in done.stdout, done.stdout


def test_icons_in_every_size() -> None:
    from PIL import Image

    icons = ROOT / "resources" / "icons"
    assert (icons / "galley.svg").read_text().lstrip().startswith("<?xml")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(icons / f"galley-{size}.png") as image:
            assert image.size == (size, size) and image.mode == "RGBA"


def test_svg_icon_renders(qapp) -> None:  # noqa: ANN001
    from PySide6.QtSvg import QSvgRenderer

    assert QSvgRenderer(str(ROOT / "resources" / "icons" / "galley.svg")).isValid()


@pytest.mark.slow
def test_built_app_passes_its_smoke_test(tmp_path: Path) -> None:
    """PyInstaller one-folder build, then packaging/smoke-test on the binary (offscreen):
    --version, import and export of a sample, a bad file, a GUI start that exits itself."""
    pytest.importorskip("PyInstaller")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "smoke: all passed" in done.stdout
    home = tmp_path / "home"
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "install-linux")],
        env=dict(env, HOME=str(home), XDG_DATA_HOME=str(home / "share")),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    entry = home / "share" / "applications" / f"{APP_ID}.desktop"
    assert f"Exec={home}/.local/opt/galley/galley gui" in entry.read_text()
    assert (home / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
