"""Credentials for a desk on a Git host, from what the user already has; Galley never
writes them down, and never prints one: a password or token written into a desk's address
(``https://user:secret@host/…``) is shown as ``https://user:***@host/…`` in every message."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

from app.core.errors import SyncError

# scheme://user:password@ — the password ends at the '@' (a port, "host:8080/", never does).
_USERINFO_SECRET = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://[^/@\s:]*):([^@/\s]*)@")
# git's scp-like address, [user@]host:path (a colon before any slash; not a drive letter).
_SCP_LIKE = re.compile(r"^(?:[^@/:\s]+@)?[^@/:\s]{2,}:")


def mask_url(text: str, url: str | None = None) -> str:
    """``text`` with the secret of every address in it shown as ``***``; with ``url``, its
    secret is also masked wherever it appears on its own (git's library may quote it)."""
    masked = _USERINFO_SECRET.sub(r"\1:***@", text)
    secret = _secret(url) if url else ""
    if len(secret) >= 3:  # a one- or two-letter "secret" would mask ordinary words
        for form in {secret, unquote(secret)}:
            masked = masked.replace(form, "***")
    return masked


def _secret(url: str) -> str:
    found = _USERINFO_SECRET.search(url)
    return found.group(2) if found else ""


def is_url(location: str) -> bool:
    """Whether a desk's address names another machine (http(s)://, ssh://, git://, or
    git's scp-like user@host:path) rather than a local path or ``file://`` URL."""
    if "://" in location:
        return urlsplit(location).scheme.lower() != "file"
    return _SCP_LIKE.match(location) is not None


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

    shown = mask_url(url)

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
                        f"{shown}: needs an SSH key (none in the SSH agent or ~/.ssh)"
                        if self.asked == 1
                        else f"{shown}: the desk refused the SSH key (the agent's and ~/.ssh's)"
                    )
                return self.keys.pop(0)
            if self.asked > 1:
                raise SyncError(f"{shown}: the desk refused the credentials")
            found = desk_credentials(where, username)
            if found is None and _secret(url):  # git's library tried the address's own
                raise SyncError(f"{shown}: the desk refused the credentials in its address")
            if found is None:
                raise SyncError(
                    f"{shown}: needs a user and token (set GALLEY_DESK_TOKEN, or store them "
                    "with git's credential helper)"
                )
            return pygit2.UserPass(*found)

        def certificate_check(self, certificate: Any, valid: bool, host: bytes | str) -> bool:
            if valid:
                return True
            name = host.decode() if isinstance(host, bytes) else host
            if url.startswith(("ssh://", "git@")) or "@" in url.split("/", 1)[0]:
                raise SyncError(
                    f"{shown}: the host key of {name} is not in ~/.ssh/known_hosts, or it "
                    f"changed; connect once with ssh {name} to check it and remember it"
                )
            raise SyncError(f"{shown}: the certificate of {name} cannot be trusted")

    return Credentials()
