"""A desk on a Git host over HTTP with basic auth (Debian's git http-backend on 127.0.0.1):
credentials from the environment or git's credential helper, never stored by Galley; a wrong
token, a host that went down, a connection cut mid-push and one lost halfway through the
desk's pack each end in one line with the store intact, and the next sync completes the
work."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pygit2
import pytest

from app.cli import main
from app.core.errors import SyncError
from app.exchange.desk_sync import DeskSync
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON
from tests.sync.git_http import GitHTTPServer


@pytest.fixture
def host(tmp_path: Path):  # noqa: ANN201
    root = tmp_path / "host"
    pygit2.init_repository(str(root / "desk.git"), bare=True)
    server = GitHTTPServer(root, "reporter", "s3cret-token")
    yield server
    server.stop()


@pytest.fixture
def token(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reporter's token for the host, as the environment gives it."""
    monkeypatch.setenv("GALLEY_DESK_USER", "reporter")
    monkeypatch.setenv("GALLEY_DESK_TOKEN", "s3cret-token")


@pytest.mark.usefixtures("token")
def test_two_laptops_sync_through_the_host_with_a_token(
    host: GitHTTPServer, tmp_path: Path
) -> None:
    url = host.url("desk.git")
    with Store.open(tmp_path / "a" / "g.sqlite") as a, Store.open(tmp_path / "b" / "g.sqlite") as b:
        zh = import_markdown(a, TYPHOON, author="測試者")
        assert DeskSync(a, by="測試者").sync(url).sent == 1
        assert DeskSync(b, by="測試者").sync(url).received == 1
        assert b.get_article(zh.id).title == a.get_article(zh.id).title
    config = (tmp_path / "a" / "g.sqlite.desk.git" / "config").read_text()
    assert "s3cret-token" not in config  # the token is never written down by Galley


def test_credentials_come_from_gits_credential_helper(
    host: GitHTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GALLEY_DESK_TOKEN", raising=False)
    home = Path(str(tmp_path / "home"))
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    subprocess.run(["git", "config", "--global", "credential.helper", "store"], check=True)
    port = host.httpd.server_port
    (home / ".git-credentials").write_text(f"http://reporter:s3cret-token@127.0.0.1:{port}\n")
    with Store.open(tmp_path / "a" / "g.sqlite") as a:
        import_markdown(a, TYPHOON, author="測試者")
        assert DeskSync(a, by="測試者").sync(host.url("desk.git")).pushed


def test_a_wrong_token_a_host_that_went_down_and_a_cut_connection(
    host: GitHTTPServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = host.url("desk.git")
    store_path = tmp_path / "a" / "g.sqlite"
    monkeypatch.setenv("GALLEY_DESK_TOKEN", "wrong")
    monkeypatch.setenv("GALLEY_DESK_USER", "reporter")
    with Store.open(store_path) as a:
        import_markdown(a, TYPHOON, author="測試者")
    assert main(["sync", "--remote", url, "--store", str(store_path)]) == 9
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert "refused the credentials" in err and "wrong" not in err
    monkeypatch.setenv("GALLEY_DESK_TOKEN", "s3cret-token")
    assert main(["sync", "--store", str(store_path)]) == 0  # the address was remembered
    with Store.open(store_path) as a:
        import_markdown(a, LIBRARY, author="測試者")
        host.cut_after = host.requests + 2  # the connection drops during the push
        with pytest.raises(SyncError):
            DeskSync(a, by="測試者").sync()
        assert len(a.list_articles()) == 2  # the store is intact
        host.cut_after = None
        report = DeskSync(a, by="測試者").sync()  # and the next sync completes the work
        assert report.pushed and report.sent == 1
        host.stop()
        with pytest.raises(SyncError, match="cannot be reached"):
            DeskSync(a, by="測試者").sync()


@pytest.mark.usefixtures("token")
def test_a_connection_lost_in_the_middle_of_the_desks_pack_changes_nothing(
    host: GitHTTPServer, tmp_path: Path
) -> None:
    url = host.url("desk.git")
    with Store.open(tmp_path / "a" / "g.sqlite") as a, Store.open(tmp_path / "b" / "g.sqlite") as b:
        zh = import_markdown(a, TYPHOON, author="測試者")
        import_markdown(a, LIBRARY, author="測試者")
        DeskSync(a, by="測試者").sync(url)
        host.truncate_after = host.requests + 1  # the ref list arrives, the pack stops halfway
        with pytest.raises(SyncError, match="cannot be reached"):
            DeskSync(b, by="測試者").sync(url)
        assert b.count_articles() == 0  # nothing half-taken
        host.truncate_after = None
        assert DeskSync(b, by="測試者").sync().received == 2  # the next sync completes the work
        assert b.get_article(zh.id).body == a.get_article(zh.id).body
