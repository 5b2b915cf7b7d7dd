"""An ``ssh://`` desk, as on a newsroom's Git host reached over SSH: Debian's OpenSSH server
on 127.0.0.1 with its own host key and one authorised key, serving ``git-upload-pack`` and
``git-receive-pack``. The laptop's key comes from ~/.ssh or the SSH agent; a host key the
user never accepted is refused, never trusted silently."""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pygit2
import pytest

from app.core.errors import SyncError
from app.exchange.desk_sync import DeskSync
from app.exchange.markdown import import_markdown
from app.store import Store
from tests.conftest import LIBRARY, TYPHOON

SSHD = Path("/usr/sbin/sshd")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _keygen(path: Path) -> None:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True, timeout=30
    )


class SSHHost:
    """sshd on a free port of 127.0.0.1, accepting ``authorized``'s key."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = _free_port()
        _keygen(root / "host_key")
        (root / "authorized_keys").write_text("", encoding="utf-8")
        config = root / "sshd_config"
        config.write_text(
            f"Port {self.port}\nListenAddress 127.0.0.1\nHostKey {root / 'host_key'}\n"
            f"AuthorizedKeysFile {root / 'authorized_keys'}\nPidFile {root / 'sshd.pid'}\n"
            "StrictModes no\nUsePAM no\nPasswordAuthentication no\n"
            "KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n",
            encoding="utf-8",
        )
        self.log = open(root / "sshd.log", "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [str(SSHD), "-D", "-e", "-f", str(config)], stdout=self.log, stderr=self.log
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        self.stop()
        raise AssertionError((root / "sshd.log").read_text())

    def authorise(self, public_key: Path) -> None:
        with (self.root / "authorized_keys").open("a", encoding="utf-8") as f:
            f.write(public_key.read_text(encoding="utf-8"))

    def known_hosts_line(self) -> str:
        kind, key = (self.root / "host_key.pub").read_text().split()[:2]
        return f"[127.0.0.1]:{self.port} {kind} {key}\n"

    def url(self, path: Path) -> str:
        return f"ssh://{getpass.getuser()}@127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.close()


@pytest.fixture
def ssh_host(tmp_path: Path) -> Iterator[SSHHost]:
    if not SSHD.exists() or not shutil.which("git-upload-pack"):
        pytest.fail("Debian's openssh-server and git are needed (packaging/setup-debian.sh test)")
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(exist_ok=True)  # sshd's privilege separation folder
    elif not Path("/run/sshd").is_dir():
        pytest.skip("sshd needs /run/sshd, which only root can make here")
    root = tmp_path / "sshd"
    root.mkdir()
    host = SSHHost(root)
    yield host
    host.stop()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A home with its own ~/.ssh: the key and known_hosts libgit2 reads (libgit2 learns
    the home once, when it loads: it is told again here)."""
    path = tmp_path / "home"
    (path / ".ssh").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(path))
    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    before = pygit2.settings.homedir
    pygit2.settings.homedir = str(path)
    yield path
    pygit2.settings.homedir = before


def _desk(tmp_path: Path) -> Path:
    path = tmp_path / "desk.git"
    pygit2.init_repository(str(path), bare=True)
    return path


def test_two_laptops_sync_through_an_ssh_desk_with_the_key_in_home(
    ssh_host: SSHHost, home: Path, tmp_path: Path
) -> None:
    _keygen(home / ".ssh" / "id_ed25519")
    ssh_host.authorise(home / ".ssh" / "id_ed25519.pub")
    (home / ".ssh" / "known_hosts").write_text(ssh_host.known_hosts_line(), encoding="utf-8")
    url = ssh_host.url(_desk(tmp_path))
    with (
        Store.open(tmp_path / "a" / "g.sqlite") as a,
        Store.open(tmp_path / "b" / "g.sqlite") as b,
    ):
        zh = import_markdown(a, TYPHOON, author="測試者")
        assert DeskSync(a, by="測試者").sync(url).sent == 1
        assert DeskSync(b, by="測試者").sync(url).received == 1
        en = import_markdown(b, LIBRARY, author="測試者")
        assert DeskSync(b, by="測試者").sync().sent == 1
        assert DeskSync(a, by="測試者").sync().received == 1
        assert a.get_article(en.id).body == b.get_article(en.id).body
        assert b.get_article(zh.id).body == a.get_article(zh.id).body
    assert "Accepted publickey" in (ssh_host.root / "sshd.log").read_text()


def test_the_key_can_come_from_the_ssh_agent(
    ssh_host: SSHHost, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = tmp_path / "agent_key"  # not in ~/.ssh: only the agent has it
    _keygen(key)
    ssh_host.authorise(key.with_suffix(".pub"))
    (home / ".ssh" / "known_hosts").write_text(ssh_host.known_hosts_line(), encoding="utf-8")
    socket_path = tmp_path / "agent.sock"
    agent = subprocess.Popen(["ssh-agent", "-D", "-a", str(socket_path)], stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not socket_path.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        monkeypatch.setenv("SSH_AUTH_SOCK", str(socket_path))
        subprocess.run(["ssh-add", "-q", str(key)], check=True, timeout=30)
        with Store.open(tmp_path / "a" / "g.sqlite") as a:
            import_markdown(a, TYPHOON, author="測試者")
            assert DeskSync(a, by="測試者").sync(ssh_host.url(_desk(tmp_path))).sent == 1
    finally:
        agent.terminate()
        agent.wait(timeout=10)


def test_an_unknown_host_key_and_a_refused_key_end_in_one_line(
    ssh_host: SSHHost, home: Path, tmp_path: Path
) -> None:
    _keygen(home / ".ssh" / "id_ed25519")
    url = ssh_host.url(_desk(tmp_path))
    with Store.open(tmp_path / "a" / "g.sqlite") as a:
        zh = import_markdown(a, TYPHOON, author="測試者")
        # The host was never accepted: nothing is sent to a host whose identity is unchecked.
        with pytest.raises(SyncError, match="not in ~/.ssh/known_hosts"):
            DeskSync(a, by="測試者").sync(url)
        # Known host, but the desk does not know this laptop's key.
        (home / ".ssh" / "known_hosts").write_text(ssh_host.known_hosts_line(), encoding="utf-8")
        with pytest.raises(SyncError, match="refused the SSH key"):
            DeskSync(a, by="測試者").sync()
        # A host key that changed (another machine answers) is refused like an unknown one.
        other = tmp_path / "other_host_key"
        _keygen(other)
        kind, key = other.with_suffix(".pub").read_text().split()[:2]
        (home / ".ssh" / "known_hosts").write_text(
            f"[127.0.0.1]:{ssh_host.port} {kind} {key}\n", encoding="utf-8"
        )
        with pytest.raises(SyncError, match="or it changed"):
            DeskSync(a, by="測試者").sync()
        # Once the key is authorised and the host known, the next sync completes the work.
        (home / ".ssh" / "known_hosts").write_text(ssh_host.known_hosts_line(), encoding="utf-8")
        ssh_host.authorise(home / ".ssh" / "id_ed25519.pub")
        assert DeskSync(a, by="測試者").sync().sent == 1
        assert a.get_article(zh.id).title
