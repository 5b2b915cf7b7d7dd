"""The SQLite article store (through sqlite-utils). No Qt.

``Store`` is loaded on first use: ``app.store.version`` can then be read without importing
sqlite-utils (the window's start reads it before anything heavy, see app.publish.render_server).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.store.store import Store

__all__ = ["Store"]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from app.store.store import Store

        return Store
    raise AttributeError(f"module 'app.store' has no attribute {name!r}")
