"""Typed, expected failures with messages fit for the user.

The CLI turns each into one line and its ``exit_code``; the UI shows the message in a dialog.
"""

from __future__ import annotations

from pathlib import Path


class GalleyError(Exception):
    """Base of every failure we expect and can explain to the user."""

    exit_code = 1


class InputError(GalleyError):
    """Bad input (a file to import, a field value): names the file, field and line."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        field: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.field = field
        self.line = line
        self.column = column
        super().__init__(self.describe())

    def describe(self) -> str:
        where = ""
        at = f":{self.line}" + (f":{self.column}" if self.column else "") if self.line else ""
        if self.file:
            where = self.file + at
        elif self.line:
            where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        parts = [p for p in (where, f"field '{self.field}'" if self.field else "") if p]
        prefix = ": ".join(parts)
        return f"{prefix}: {self.message}" if prefix else self.message


class StoreError(GalleyError):
    """The store file cannot be used (not SQLite, corrupt, too new, unreachable)."""

    exit_code = 3


class ConflictError(GalleyError):
    """A save started from a revision that is no longer the stored one."""

    exit_code = 4

    def __init__(self, article_id: str, base_revision: int | None, current_revision: int) -> None:
        self.article_id = article_id
        self.base_revision = base_revision
        self.current_revision = current_revision
        super().__init__(
            f"article {article_id} was changed elsewhere (now revision {current_revision}, "
            f"this edit started from {base_revision}); reload it or keep yours as a new revision"
        )


class NotFoundError(GalleyError):
    """No article (or revision, image) with that id or slug."""

    exit_code = 5


class ReadOnlyError(StoreError):
    """A write was attempted on a store opened read-only."""

    exit_code = 6


class ExportError(GalleyError):
    """Files could not be written (full disk, no permission); nothing half-written is left."""

    exit_code = 8


class SyncError(GalleyError):
    """The desk repository cannot be reached or used; nothing in the store was lost and the
    next sync completes the work."""

    exit_code = 9


class Cancelled(GalleyError):  # noqa: N818 - what the user did, not an error
    """The user stopped a long operation; whatever it wrote was rolled back or removed."""

    exit_code = 130


# Long operations (import, export, backup) report progress through a callable
# ``progress(done, total, what)``, which raises ``Cancelled`` to stop them.
