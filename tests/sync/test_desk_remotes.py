"""A desk's address: a path or ``file://`` makes a new desk here; a URL names a desk on its
host, which Galley never creates (and never as a local folder named after the URL). A
password or token written into the address is never printed: every line, error and report
shows it as ``***``."""

from __future__ import annotations

import json
from pathlib import Path

import pygit2
import pytest

from app.cli import main
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import TYPHOON
from tests.sync.git_http import GitHTTPServer

URLS = [
    "https://git.example.org/desk/galley.git",
    "http://git.example.org/desk/galley.git",
    "ssh://git@git.example.org/desk/galley.git",
    "git@git.example.org:desk/galley.git",
    "git.example.org:desk/galley.git",
    "git://git.example.org/desk/galley.git",
]


@pytest.mark.parametrize("url", URLS)
def test_a_desk_at_a_url_is_never_created_here(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    store = tmp_path / "a" / "galley.sqlite"
    assert main(["import", str(TYPHOON), "--store", str(store)]) == 0
    capsys.readouterr()
    assert main(["sync", "--remote", url, "--create", "--store", str(store)]) == 9
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert "a desk at a URL is created on its host (git init --bare there)" in err[0]
    assert f"galley sync --remote {url}" in err[0]
    assert list(work.iterdir()) == []  # no folder named after the URL
    assert not (tmp_path / "a" / "galley.sqlite.desk.git").exists()  # nothing started


def test_a_local_path_and_a_file_url_make_a_new_desk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ["--store", str(tmp_path / "a" / "galley.sqlite")]
    assert main(["import", str(TYPHOON), *store]) == 0
    desk = tmp_path / "shared" / "desk.git"
    assert main(["sync", "--remote", f"file://{desk}", "--create", *store]) == 0
    assert pygit2.Repository(str(desk)).is_bare
    assert "created a new desk" in capsys.readouterr().err


SECRET = "s3cret-token"


def test_a_secret_in_an_address_is_masked() -> None:
    from app.exchange.desk_credentials import mask_url

    assert mask_url(f"https://reporter:{SECRET}@git.example.org/d.git") == (
        "https://reporter:***@git.example.org/d.git"
    )
    assert mask_url(f"fetching ssh://git:{SECRET}@h:22/d.git and http://u:p@h/x") == (
        "fetching ssh://git:***@h:22/d.git and http://u:***@h/x"
    )
    # A port is no password; an address without one is shown as it is.
    for plain in ("https://h:8080/a@b", "git@h:d.git", "/media/desk.git", "https://u@h/d"):
        assert mask_url(plain) == plain


@pytest.fixture
def host(tmp_path: Path):  # noqa: ANN201
    root = tmp_path / "host"
    pygit2.init_repository(str(root / "desk.git"), bare=True)
    server = GitHTTPServer(root, "reporter", SECRET)
    yield server
    server.stop()


def test_no_message_ever_shows_the_secret_of_an_address(
    host: GitHTTPServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("GALLEY_DESK_TOKEN", raising=False)
    store = ["--store", str(tmp_path / "a" / "galley.sqlite")]
    with Store.open(tmp_path / "a" / "galley.sqlite") as a:
        import_markdown(a, TYPHOON, author="測試者")
    port = host.httpd.server_port
    good = f"http://reporter:{SECRET}@127.0.0.1:{port}/desk.git"
    shown = f"http://reporter:***@127.0.0.1:{port}/desk.git"
    outputs = []
    # The progress lines and the JSON report of a sync that works with the address's token,
    assert main(["sync", "--remote", good, "--json", *store]) == 0
    out = capsys.readouterr()
    outputs.append(out.out + out.err)
    assert f"fetching {shown}" in out.err
    assert json.loads(out.out)["pushed"] is True
    # a wrong token's refusal, a host that is not there, a desk created at the URL,
    wrong = f"http://reporter:{SECRET}-old@127.0.0.1:{port}/desk.git"
    assert main(["sync", "--remote", wrong, *store]) == 9
    outputs.append(capsys.readouterr().err)
    assert "the desk refused the credentials in its address" in outputs[-1]
    gone = f"https://reporter:{SECRET}@127.0.0.1:1/desk.git"
    assert main(["sync", "--remote", gone, *store]) == 9
    out = capsys.readouterr()
    outputs.append(out.err)
    assert "https://reporter:***@127.0.0.1:1/desk.git" in out.err
    assert main(["sync", "--remote", good, "--create", *store]) == 9
    outputs.append(capsys.readouterr().err)
    assert f"galley sync --remote {shown}" in outputs[-1]
    for text in outputs:
        assert SECRET not in text, text
        assert "Traceback" not in text
