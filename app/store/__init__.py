"""The SQLite article store (through sqlite-utils). No Qt."""

from app.store.store import Store

__all__ = ["Store"]
