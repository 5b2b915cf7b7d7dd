"""The command line's everyday commands import only what they use: each runs in a fresh
interpreter, as ``galley`` does, and none of the window's, publishing's or the desk's
libraries is loaded (issue "Open as fast as the lightest editor")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import LIBRARY, TYPHOON

ROOT = Path(__file__).resolve().parent.parent
# The command, then every module the interpreter holds, one line (``-c``: the checkout's
# ``app`` comes first on the path, as the installed script's does).
CHILD = """\
import sys
from app.cli import main
code = main(sys.argv[1:])
print("MODULES " + " ".join(sorted(sys.modules)))
sys.exit(code)
"""
# Libraries no read or note needs: the window (Qt), images (Pillow), the desk (git), pages
# (templates, Markdown, HTML cleaning, YAML front matter), and what is now imported only
# where it is used: worker processes, ctypes (a replaced store file), the platform's folders
# (no --store), XML and the web (xml.sax.saxutils brings urllib.request, http, email, ssl).
FORBIDDEN = (
    "PySide6",
    "PIL",
    "pygit2",
    "jinja2",
    "yaml",
    "markdown",
    "nh3",
    "multiprocessing",
    "ctypes",
    "platformdirs",
    "xml",
    "http",
    "email",
    "ssl",
)
# Galley's own parts these commands do not use: the window, publishing, files in and out,
# merging, images (Pillow's side of the store), and the slug and validation rules a write
# checks (their regular expressions).
FORBIDDEN_PARTS = (
    "app.ui",
    "app.publish",
    "app.exchange",
    "app.store.merge",
    "app.store.images",
    "app.core.slugs",
    "app.core.validation",
)
COMMANDS = {
    "show": ["show", "{id}"],
    "show --json": ["show", "{id}", "--json"],
    "list": ["list"],
    "list --json": ["list", "--json"],
    "search": ["search", "颱風"],
    "status": ["status", "{id}"],
    "note": ["note", "{id}", "請再確認抽水站的數字", "--by", "王編輯"],
    "notes": ["notes", "{id}"],
}


@pytest.fixture
def sample_store(store_path: Path) -> tuple[Path, str]:
    """A closed store holding the two sample articles (a note on one); the typhoon
    article's id."""
    from app.exchange.markdown import import_markdown
    from app.store import Store

    with Store.open(store_path) as store:
        article = import_markdown(store, TYPHOON, author="測試者")
        import_markdown(store, LIBRARY, author="測試者")
        store.review.add_note(article.id, "數字請再確認", author="王編輯", line=1)
    return store_path, article.id


def modules_of(store_path: Path, argv: list[str], checkout: Path = ROOT) -> tuple[set[str], str]:
    """The modules a fresh ``galley --store S ARGV`` held at its end (``checkout``'s code),
    and what it printed."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "--store", str(store_path), *argv],
        cwd=checkout,
        env={**os.environ, "GALLEY_USER": "測試者"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    printed, _, modules = done.stdout.rpartition("MODULES ")
    return set(modules.split()), printed


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_command_imports_only_what_it_uses(sample_store: tuple[Path, str], command: str) -> None:
    store_path, article_id = sample_store
    argv = [word.format(id=article_id) for word in COMMANDS[command]]
    modules, printed = modules_of(store_path, argv)
    # It did its work (the store was opened and read), and loaded none of the others.
    assert "app.store.store" in modules and "sqlite_utils" in modules
    assert printed.strip()
    assert loaded(modules, FORBIDDEN) == []
    assert loaded(modules, FORBIDDEN_PARTS) == []


def test_the_check_sees_a_library_imported_at_the_top(
    sample_store: tuple[Path, str], tmp_path: Path
) -> None:
    """The test would fail on a stray top-level import: a module every command imports
    (the store's articles) that brings Pillow in shows up in the list (a copy of the
    checkout's code, one line added; the checkout's own loads no Pillow, as shown above)."""
    store_path, article_id = sample_store
    copy = tmp_path / "checkout"
    (copy / "app").mkdir(parents=True)
    for path in (ROOT / "app").rglob("*.py"):
        target = copy / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    articles = copy / "app" / "store" / "articles.py"
    articles.write_text(
        articles.read_text(encoding="utf-8").replace(
            "from __future__ import annotations\n",
            "from __future__ import annotations\n\nimport PIL.Image  # noqa: F401\n",
            1,
        ),
        encoding="utf-8",
    )
    modules, _printed = modules_of(store_path, ["show", article_id, "--json"], copy)
    assert "PIL" in loaded(modules, FORBIDDEN)


def test_a_sync_with_nothing_to_exchange_imports_git_and_little_else(
    sample_store: tuple[Path, str], tmp_path: Path
) -> None:
    """``galley sync`` needs git's library; with nothing to take in or send it needs none of
    merging, publishing's images, the web's modules, worker processes or the cache folder."""
    store_path, _article_id = sample_store
    desk, laptop = tmp_path / "desk.git", tmp_path / "laptop" / "g.sqlite"
    modules_of(store_path, ["sync", "--create", "--remote", str(desk)])
    modules_of(laptop, ["sync", "--remote", str(desk)])
    modules, printed = modules_of(laptop, ["sync"])
    assert "nothing new" in printed
    assert "pygit2" in modules
    heavy = ("PySide6", "PIL", "jinja2", "yaml", "markdown", "nh3", "multiprocessing")
    assert loaded(modules, heavy) == []
    assert loaded(modules, ("xml", "http", "email", "platformdirs")) == []
    assert (
        loaded(modules, ("app.ui", "app.publish.images", "app.store.merge", "app.core.text")) == []
    )


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["show", "ID"], "show"),
        (["--store", "S", "list", "--json"], "list"),
        (["--store=S", "status", "ID"], "status"),
        (["--store", "S"], "gui"),
        ([], "gui"),
        (["--help"], None),
        (["--st", "S", "list"], None),  # an abbreviation: argparse decides
    ],
)
def test_the_command_is_told_before_parsing(argv: list[str], command: str | None) -> None:
    from app.cli import command_of

    assert command_of(argv) == command


def test_help_and_a_misspelt_command_still_list_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out
    with pytest.raises(SystemExit) as usage:
        main(["lsit"])
    assert usage.value.code == 2
    misspelt = capsys.readouterr().err
    for name in ("import", "show", "search", "sync", "status", "note", "backup", "gui"):
        assert name in listed and f"'{name}'" in misspelt
