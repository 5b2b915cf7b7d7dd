"""The preview's renderer in a process of its own, forked when the window starts.

Rendering a page imports the publishing stack (Markdown, nh3, Jinja2, Pillow) and runs pure
Python: on a thread it competes with the window for the interpreter, at start-up and while
someone types. Forked before Qt is imported, the renderer imports and renders on the machine's
other core while the window builds itself, and renders the article asked for at start before
the window even asks.

The protocol is one JSON object a line. The server says hello with the identity of the store
file it opened; requests are ``{"gen": n, "article": {...}}``; replies ``{"gen": n, "html": …}``
or ``{"gen": n, "error": …}``. End of input ends the server.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from app.publish.rendition_cache import RenditionCache

log = logging.getLogger(__name__)


class RenderServer:
    """Renders articles of one store into preview HTML, with images as files in ``cache``:
    in the forked process (``serve``) and on the preview's thread alike. With ``identity``,
    a store file that is no longer that one is refused (``Store.open(expect=…)``)."""

    def __init__(
        self,
        store_path: Path,
        cache: Path,
        identity: tuple[int, int] | None = None,
        renditions: RenditionCache | None = None,
    ) -> None:
        from app.store import Store

        self.store = Store.open(store_path, expect=identity)
        self.cache = cache
        self.renditions = renditions  # kept across runs, apart from the store
        self.ready: dict[str, str] = {}  # content hash → HTML rendered ahead of the request

    def _image_url(self, key: str, rendition: Any) -> str:
        from urllib.parse import quote

        name = hashlib.sha256(rendition.data).hexdigest()[:24] + "." + rendition.extension
        path = self.cache / name
        if not path.exists():
            path.write_bytes(rendition.data)
        return "file://" + quote(str(path))

    def render(self, data: dict[str, Any]) -> str:
        from app.core.model import Article, canonical_json
        from app.publish.page import render_page

        digest = hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()
        if digest in self.ready:
            return self.ready.pop(digest)
        page = render_page(
            self.store,
            Article.from_dict(data),
            image_url=self._image_url,
            display_width=480,
            cache=self.renditions,
        )
        return page.html

    def prerender(self, ref: str) -> None:
        """Render the article the window is about to open, before it asks."""
        from app.core.model import canonical_json

        try:
            data = self.store.get_article(ref).to_dict()
        except Exception:  # noqa: BLE001 - the window will ask, and hear the error then
            return
        digest = hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()
        with contextlib.suppress(Exception):
            self.ready[digest] = self.render(data)

    def close(self) -> None:
        self.store.close()
        if self.renditions is not None:
            self.renditions.close()

    def serve(self, requests: BinaryIO, replies: BinaryIO) -> None:
        identity = self.store.file.identity
        _send(replies, {"hello": list(identity) if identity else None})
        for line in requests:
            try:
                request = json.loads(line)
                gen = int(request["gen"])
            except (ValueError, KeyError, TypeError):
                continue
            try:
                _send(replies, {"gen": gen, "html": self.render(request["article"])})
            except Exception as exc:  # noqa: BLE001 - the preview must never take anything down
                from app.core.errors import GalleyError

                message = (
                    str(exc)
                    if isinstance(exc, GalleyError)
                    else (f"{exc.__class__.__name__}: {exc}")
                )
                _send(replies, {"gen": gen, "error": message})


def _send(stream: BinaryIO, message: dict[str, Any]) -> None:
    stream.write(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")
    stream.flush()


def fork_renderer(store_path: Path, first_ref: str | None) -> tuple[int, int, int, Path] | None:
    """Fork the render server (before Qt is imported: a forked Qt process is unsafe).

    Returns (pid, fd to write requests to, fd to read replies from, image cache folder), or
    None where there is no fork (the preview then renders on a thread).
    """
    if not hasattr(os, "fork") or os.environ.get("GALLEY_PREVIEW_THREAD"):
        return None
    from app.store.version import is_current

    if not is_current(store_path):
        return None  # a new or older store is created or migrated by the window alone
    import tempfile

    cache = Path(tempfile.mkdtemp(prefix="galley-preview-"))
    to_child_r, to_child_w = os.pipe()
    to_parent_r, to_parent_w = os.pipe()
    pid = os.fork()
    if pid:
        os.close(to_child_r)
        os.close(to_parent_w)
        return pid, to_child_w, to_parent_r, cache
    # The child: serve until the window closes its end, then leave without running the
    # parent's exit handlers.
    code = 0
    try:
        os.close(to_child_w)
        os.close(to_parent_r)
        with os.fdopen(to_child_r, "rb") as requests, os.fdopen(to_parent_w, "wb") as replies:
            from app.config import rendition_cache_path
            from app.publish.rendition_cache import RenditionCache

            server = RenderServer(
                store_path, cache, renditions=RenditionCache(rendition_cache_path())
            )
            if first_ref:
                server.prerender(first_ref)
            server.serve(requests, replies)
    except BrokenPipeError:
        pass  # the window closed before reading the reply: nothing left to serve
    except BaseException:  # noqa: BLE001 - the child must exit, whatever happened
        code = 1
        with contextlib.suppress(Exception):
            log.exception("preview renderer stopped")
    finally:
        with contextlib.suppress(Exception):
            sys.stderr.flush()
        os._exit(code)
