"""Where Galley keeps things. Computed on demand, never at import time, so tests can redirect."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Galley"
STORE_ENV = "GALLEY_STORE"


def default_store_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "galley.sqlite"


def store_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--store`` wins, then ``$GALLEY_STORE``, then the platform's data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env).expanduser()
    return default_store_path()


def log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


def recovery_dir() -> Path:
    """Where unsaved text goes when the store cannot take it (full disk, store gone)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "recovered"


def backup_dir(store: Path) -> Path:
    """Where the rolling backups of ``store`` go: one folder per store, in the data folder."""
    import hashlib

    from platformdirs import user_data_path

    tag = hashlib.sha256(str(store.expanduser().resolve()).encode()).hexdigest()[:8]
    return user_data_path(APP_NAME, appauthor=False) / "backups" / f"{store.stem}-{tag}"


def cache_dir() -> Path:
    """Derived data that can be deleted and made again (web renditions)."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def rendition_cache_path() -> Path:
    return cache_dir() / "renditions.sqlite"
