"""Credentials for a desk on a Git host, from what the user already has; Galley never
writes them down."""

from __future__ import annotations

from typing import Any

from app.core.errors import SyncError


def desk_credentials(url: str, username: str | None) -> tuple[str, str] | None:
    """(user, secret) for an HTTP(S) desk from what the user already has, never from the
    store: ``GALLEY_DESK_USER``/``GALLEY_DESK_TOKEN``, else git's credential helper
    (``git credential fill``, which reads the system keyring or ~/.git-credentials as the user
    set it up). None when neither knows the desk."""
    import os
    import shutil
    import subprocess
    from urllib.parse import urlsplit

    token = os.environ.get("GALLEY_DESK_TOKEN")
    if token:
        return os.environ.get("GALLEY_DESK_USER") or username or "galley", token
    git = shutil.which("git")
    if git is None:
        return None
    parts = urlsplit(url)
    asked = f"protocol={parts.scheme}\nhost={parts.netloc.rpartition('@')[2]}\n"
    if parts.path:
        asked += f"path={parts.path.lstrip('/')}\n"
    if username:
        asked += f"username={username}\n"
    try:
        done = subprocess.run(
            [git, "credential", "fill"],
            input=asked + "\n",
            capture_output=True,
            text=True,
            timeout=30,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_ASKPASS": "", "SSH_ASKPASS": ""},
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    if done.returncode != 0 or "password" not in found:
        return None
    return found.get("username") or username or "galley", found["password"]


def ssh_keys(username: str) -> list[Any]:
    """What to offer an SSH desk, in the order ssh itself tries: the agent when one runs,
    then the usual key files in ~/.ssh (without a passphrase; one with a passphrase belongs
    in the agent)."""
    import os
    from pathlib import Path

    import pygit2

    offers: list[Any] = []
    if os.environ.get("SSH_AUTH_SOCK"):
        offers.append(pygit2.KeypairFromAgent(username))
    for name in ("id_ed25519", "id_ecdsa", "id_rsa"):
        private = Path.home() / ".ssh" / name
        if private.is_file():
            public = private.with_name(name + ".pub")
            offers.append(
                pygit2.Keypair(
                    username, str(public) if public.is_file() else None, str(private), ""
                )
            )
    return offers


def remote_callbacks(url: str) -> Any:
    """libgit2's questions, answered from what the user already has: a refused answer ends
    the sync with a message instead of asking again forever, and a host whose identity
    cannot be checked is never talked to."""
    import pygit2

    class Credentials(pygit2.RemoteCallbacks):
        asked = 0
        keys: list[Any] | None = None

        def credentials(self, where: str, username: str | None, allowed: Any) -> Any:
            self.asked += 1
            kinds = pygit2.enums.CredentialType
            if allowed & kinds.USERNAME and not allowed & (
                kinds.SSH_KEY | kinds.USERPASS_PLAINTEXT
            ):
                import getpass

                return pygit2.Username(username or getpass.getuser())  # ssh://host/ as ssh does
            if allowed & kinds.SSH_KEY:
                if self.keys is None:
                    self.keys = ssh_keys(username or "git")
                if not self.keys:
                    raise SyncError(
                        f"{url}: needs an SSH key (none in the SSH agent or ~/.ssh)"
                        if self.asked == 1
                        else f"{url}: the desk refused the SSH key (the agent's and ~/.ssh's)"
                    )
                return self.keys.pop(0)
            if self.asked > 1:
                raise SyncError(f"{url}: the desk refused the credentials")
            found = desk_credentials(where, username)
            if found is None:
                raise SyncError(
                    f"{url}: needs a user and token (set GALLEY_DESK_TOKEN, or store them "
                    "with git's credential helper)"
                )
            return pygit2.UserPass(*found)

        def certificate_check(self, certificate: Any, valid: bool, host: bytes | str) -> bool:
            if valid:
                return True
            name = host.decode() if isinstance(host, bytes) else host
            if url.startswith(("ssh://", "git@")) or "@" in url.split("/", 1)[0]:
                raise SyncError(
                    f"{url}: the host key of {name} is not in ~/.ssh/known_hosts, or it "
                    f"changed; connect once with ssh {name} to check it and remember it"
                )
            raise SyncError(f"{url}: the certificate of {name} cannot be trusted")

    return Credentials()
