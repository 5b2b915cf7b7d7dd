"""Images, their cached web renditions and the desk settings: a mixin of ``Store``."""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING

from app.core.errors import NotFoundError, StoreError
from app.core.model import DeskSettings

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)


class AssetsMixin:
    """Needs ``db``, ``read_only`` and ``write()`` from ``Store``."""

    db: Database
    read_only: bool

    def put_image(self, data: bytes, *, name: str = "image") -> str:
        from app.store.images import put_image

        with self.write() as db:
            return put_image(db, data, name=name)

    def get_image(self, sha256: str) -> tuple[bytes, str]:
        rows = list(self.db.query("SELECT data, mime FROM images WHERE sha256 = ?", [sha256]))
        if not rows:
            raise NotFoundError(f"no image {sha256[:12]} in the store")
        return rows[0]["data"], rows[0]["mime"]

    def get_rendition(self, source: str, recipe: str) -> tuple[bytes, str, int, int] | None:
        """A cached web rendition of image ``source`` made by ``recipe``, if there is one."""
        rows = list(
            self.db.query(
                "SELECT data, mime, width, height FROM renditions WHERE source = ? AND recipe = ?",
                [source, recipe],
            )
        )
        if not rows:
            return None
        r = rows[0]
        return r["data"], r["mime"], r["width"], r["height"]

    def put_rendition(
        self, source: str, recipe: str, data: bytes, mime: str, width: int, height: int
    ) -> None:
        if self.read_only:
            return  # a cache: a read-only store simply re-encodes next time
        try:
            with self.write() as db:
                db.execute(
                    "INSERT OR REPLACE INTO renditions (source, recipe, mime, width, height, "
                    "data) VALUES (?, ?, ?, ?, ?, ?)",
                    [source, recipe, mime, width, height, data],
                )
        except StoreError as exc:  # a full disk must not stop an export: it is only a cache
            log.warning("rendition not cached: %s", exc)

    def desk(self) -> DeskSettings:
        data = {r["key"]: json.loads(r["value"]) for r in self.db.query("SELECT * FROM desk")}
        return DeskSettings.from_dict(data)

    def save_desk(self, settings: DeskSettings) -> None:
        with self.write() as db:
            for key, value in settings.to_dict().items():
                db.execute(
                    "INSERT INTO desk (key, value) VALUES (?, ?) ON CONFLICT (key) "
                    "DO UPDATE SET value = excluded.value",
                    [key, json.dumps(value, ensure_ascii=False)],
                )
