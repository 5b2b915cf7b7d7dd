"""A desk is a plain git repository: ``git clone`` of it (Debian's git) checks out the
articles as readable files, laid out as README's "Desk sync" section says. Its HEAD names
the branch Galley writes (``main``); a desk made before, whose HEAD names a branch that does
not exist, is mended by the next sync when it is a local path."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pygit2
import pytest

from app.cli import main
from app.exchange.desk_layout import default_repository, fanout
from app.exchange.desk_sync import DeskSync
from app.exchange.markdown import import_markdown
from tests.conftest import LIBRARY, TYPHOON, move_to
from tests.sync.conftest import laptop

ROOT = Path(__file__).resolve().parents[2]
GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="needs Debian's git")


def git(*args: str, cwd: Path | None = None) -> str:
    assert GIT is not None
    done = subprocess.run(
        [GIT, *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout + done.stderr


def clone(desk: Path, into: Path) -> Path:
    out = git("clone", "--quiet", str(desk), str(into))
    assert "warning" not in out.lower(), out  # "remote HEAD refers to nonexistent ref"
    return into


def readme_layout() -> list[str]:
    """The paths README's layout table lists (`GALLEY-DESK.json`, `articles/XX/ID.md`, …)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("the repository's layout", 1)[1].split("\n\n")[1]  # the table
    return re.findall(r"^\s*\| `([^`]+)` \|", section, flags=re.M)


def readme_row(path: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.strip().startswith(f"| `{path}` |"))


def as_pattern(path: str) -> re.Pattern[str]:
    """A README path as a pattern: XX two hex digits, ID an article id, SHA256 a digest, EXT
    an image's extension, SLUG a slug (a trailing / is a folder and what is in it)."""
    pattern = re.escape(path.rstrip("/"))
    for name, what in (
        ("XX", "[0-9a-f]{2}"),
        ("ID", "[0-9a-f-]{36}"),
        ("SHA256", "[0-9a-f]{64}"),
        ("EXT", "(?:jpg|png|webp|gif)"),
        ("SLUG", "[a-z0-9-]+"),
    ):
        pattern = pattern.replace(name, what)
    return re.compile(pattern + ("(?:/.+)?" if path.endswith("/") else "") + "$")


def test_a_clone_of_a_desk_two_laptops_synced_shows_the_readme_layout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = tmp_path / "usb" / "desk.git"
    store_a = tmp_path / "a" / "galley.sqlite"
    assert main(["sync", "--remote", str(desk), "--create", "--store", str(store_a)]) == 0
    capsys.readouterr()
    assert git("--git-dir", str(desk), "symbolic-ref", "HEAD").strip() == "refs/heads/main"
    with laptop(tmp_path, "a") as a, laptop(tmp_path, "b") as b:
        zh = import_markdown(a, TYPHOON, author="測試者")
        move_to(a, zh.id, "published")
        DeskSync(a, by="測試者").sync()
        en = import_markdown(b, LIBRARY, author="測試者")
        DeskSync(b, by="測試者").sync(str(desk))
        DeskSync(a, by="測試者").sync()
        for store in (a, b):
            repository = str(default_repository(store.path))
            assert git("--git-dir", repository, "symbolic-ref", "HEAD").strip() == (
                "refs/heads/main"
            )
    work = clone(desk, tmp_path / "checkout")
    files = sorted(
        str(p.relative_to(work)) for p in work.rglob("*") if p.is_file() and ".git" not in p.parts
    )
    for article, title in ((zh, "颱風季前大演練"), (en, "midnight reading room")):
        text = (work / "articles" / fanout(article.id) / f"{article.id}.md").read_text("utf-8")
        assert text.startswith("---\n") and title in text  # front matter and body, as imported
        assert (work / "articles" / fanout(article.id) / f"{article.id}.history.json").is_file()
        # README says how its figures are linked: as the file does.
        assert "](../../images/" in text or "image: ../../images/" in text
        assert "`../../images/SHA256.EXT`" in readme_row("articles/XX/ID.md")
    images = [f for f in files if f.startswith("images/")]
    assert images and all((work / f).stat().st_size > 1000 for f in images)
    # Every file of the clone is one README lists, and every path README lists is there.
    listed = readme_layout()
    assert listed, "README's layout table was not found"
    patterns = [as_pattern(p) for p in listed]
    assert [f for f in files if not any(p.match(f) for p in patterns)] == []
    assert [p.pattern for p in patterns if not any(p.match(f) for f in files)] == []


def test_a_desk_whose_head_names_a_missing_branch_is_mended_by_the_next_sync(
    desk: Path, tmp_path: Path
) -> None:
    # The conftest's desk is what Galley made before: pygit2's default HEAD, refs/heads/master.
    assert git("--git-dir", str(desk), "symbolic-ref", "HEAD").strip() == "refs/heads/master"
    with laptop(tmp_path, "a") as a:
        import_markdown(a, TYPHOON, author="測試者")
        mine = default_repository(a.path)
        pygit2.init_repository(str(mine), bare=True)  # the store's own, as made before
        DeskSync(a, by="測試者").sync(str(desk))
        assert git("--git-dir", str(mine), "symbolic-ref", "HEAD").strip() == "refs/heads/main"
    assert git("--git-dir", str(desk), "symbolic-ref", "HEAD").strip() == "refs/heads/main"
    work = clone(desk, tmp_path / "checkout")
    assert (work / "GALLEY-DESK.json").is_file()
    assert list((work / "articles").rglob("*.md"))
