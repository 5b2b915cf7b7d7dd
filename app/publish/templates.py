"""The one Jinja2 environment per layout of the page templates in ``resources/templates``:
autoescaping on, undefined names an error (a typo in a template fails a test, never a page)."""

from __future__ import annotations

import functools
import re
from typing import Any

# Characters XML 1.0 cannot hold at all (C0 controls but tab, newline and return; U+FFFE/F).
_NOT_XML = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff]")


def xml_text(text: str) -> str:
    """Text an XML parser accepts: what XML cannot carry is dropped (escaping follows)."""
    return _NOT_XML.sub("", text)


@functools.cache
def environment(*, lstrip_blocks: bool = False) -> Any:
    """The article page keeps its exact layout (``lstrip_blocks`` off: golden files); the
    desk edition's XML templates strip block indentation."""
    import jinja2

    from app.resources import resource_path

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_path("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=lstrip_blocks,
        keep_trailing_newline=True,
    )
    env.filters["xml"] = xml_text
    return env
