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


def remote_callbacks(url: str) -> Any:
    """libgit2's credential questions, answered once each: a refused answer ends the sync
    with a message instead of asking again forever."""
    import pygit2

    class Credentials(pygit2.RemoteCallbacks):
        asked = 0

        def credentials(self, where: str, username: str | None, allowed: Any) -> Any:
            self.asked += 1
            if self.asked > 1:
                raise SyncError(f"{url}: the desk refused the credentials")
            if allowed & pygit2.enums.CredentialType.SSH_KEY:
                return pygit2.KeypairFromAgent(username or "git")
            found = desk_credentials(where, username)
            if found is None:
                raise SyncError(
                    f"{url}: needs a user and token (set GALLEY_DESK_TOKEN, or store them "
                    "with git's credential helper)"
                )
            return pygit2.UserPass(*found)

    return Credentials()
