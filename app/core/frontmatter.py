"""Read an article from Markdown with YAML front matter (the format of the sample articles).

Only the safe YAML loader is used, anchors and aliases are refused (alias bombs), and every
error names the file, the field and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
import yaml.reader

from app.core.errors import InputError
from app.core.jsondata import MAX_DEPTH
from app.core.model import DEFAULT_LANGUAGE, RELATED_KINDS, STATUSES
from app.core.slugs import is_valid_slug
from app.core.values import focal_point, is_web_url, normalise_date

MAX_FRONT_MATTER = 2 * 1024 * 1024


class _TooDeep(Exception):  # noqa: N818 - caught below, never seen
    def __init__(self, mark: Any) -> None:
        self.mark = mark


class _DepthLimitedLoader(yaml.SafeLoader):
    """PyYAML's own composer recurses once a level of nesting (libyaml's stops at 1,000):
    past ``MAX_DEPTH`` levels it stops, before Python's recursion limit can."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# libyaml's parser when PyYAML was built with it: 8 ms -> ~1 ms for a corpus article's front
# matter, the largest part of importing one without photos.
LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", _DepthLimitedLoader)
KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
TOP_FIELDS = {
    "id",
    "title",
    "dek",
    "byline",
    "date",
    "section",
    "tags",
    "language",
    "slug",
    "status",
    "canonical_url",
    "created",
    "updated",
    "correction",
    "figures",
    "sources",
    "related",
}
FIGURE_FIELDS = {"key", "image", "caption", "credit", "creator", "copyright", "alt", "focus"}
SOURCE_FIELDS = {"date", "outlet", "title", "url", "note"}
RELATED_FIELDS = {"kind", "article", "url", "title", "excerpt", "author", "date"}


@dataclass
class ParsedFigure:
    key: str
    image_path: str
    caption: str = ""
    credit: str = ""
    alt: str = ""
    focus: str = ""
    creator: str = ""
    copyright: str = ""
    line: int | None = None


@dataclass
class ParsedArticle:
    """The article's fields as read; images are still paths relative to the file."""

    fields: dict[str, Any]
    figures: list[ParsedFigure] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)
    body: str = ""
    body_line: int = 1
    # The front matter's own fields, each with the line it is on (what the file said, as
    # opposed to the defaults: an edit tells a status it was given from none).
    lines: dict[str, int] = field(default_factory=dict)


class _Reader:
    """Walks the YAML node tree so that every value keeps its line for error messages."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, message: str, field_name: str | None, node: yaml.Node | None) -> InputError:
        line = _line(node) if node is not None else None
        return InputError(message, file=self.file, field=field_name, line=line)

    def mapping(self, node: yaml.Node, name: str, allowed: set[str]) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail("must be a mapping of fields", name, node)
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                raise self.fail("field names must be text", name, key_node)
            if key not in allowed:
                raise self.fail(
                    f"unknown field '{key}' (allowed: {', '.join(sorted(allowed))})", name, key_node
                )
            if key in out:
                raise self.fail(f"field '{key}' is given twice", name, key_node)
            out[key] = value_node
        return out

    def text(self, node: yaml.Node, name: str, *, required: bool = False) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail("must be text, not a list or mapping", name, node)
        value = "" if node.tag == "tag:yaml.org,2002:null" else node.value
        value = str(value).strip()
        if required and not value:
            raise self.fail("must not be empty", name, node)
        if "\x00" in value:
            raise self.fail("contains a NUL character", name, node)
        return value

    def text_list(self, node: yaml.Node, name: str) -> list[str]:
        if isinstance(node, yaml.ScalarNode):
            raw = self.text(node, name)
            return [p.strip() for p in re.split(r"[,、,]", raw) if p.strip()]
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail("must be a list", name, node)
        return [v for v in (self.text(item, name) for item in node.value) if v]

    def date(self, node: yaml.Node, name: str) -> str:
        raw = self.text(node, name)
        if not raw:
            return ""
        return normalise_date(raw, lambda msg: self.fail(msg, name, node))

    def url(self, node: yaml.Node, name: str) -> str:
        raw = self.text(node, name)
        if raw and not is_web_url(raw):
            raise self.fail(f"'{raw}' is not an http(s) URL", name, node)
        return raw


def split_front_matter(text: str, file: str) -> tuple[str, str, int]:
    """(YAML text, body, line number where the body starts)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r") != "---":
        raise InputError(
            "must start with a '---' line opening the YAML front matter", file=file, line=1
        )
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r") in ("---", "..."):
            yaml_text = "\n".join(lines[1:i])
            rest = "\n".join(lines[i + 1 :]).replace("\r\n", "\n")
            body = rest.lstrip("\n")
            return yaml_text, body, i + 2 + (len(rest) - len(body))
    raise InputError(
        "the front matter opened on line 1 is never closed with '---'", file=file, line=1
    )


def _compose(yaml_text: str, loader: type[yaml.SafeLoader], file: str) -> yaml.Node | None:
    # An anchor is written with '&' and an alias with '*': text with neither holds none, and
    # is composed without a first pass over its events (a third of reading an import file).
    if "&" not in yaml_text and "*" not in yaml_text:
        return yaml.compose(yaml_text, Loader=loader)
    for event in yaml.parse(yaml_text, Loader=loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise InputError(
                "YAML anchors and aliases are not allowed",
                file=file,
                line=event.start_mark.line + 2 if event.start_mark else None,
            )
    return yaml.compose(yaml_text, Loader=loader)


def _check_depth(root: yaml.Node | None, file: str) -> None:
    """Front matter nested past ``MAX_DEPTH`` (libyaml composes up to 1,000 levels) is
    refused like the JSON Galley reads: walked without recursion."""
    folders: list[tuple[yaml.Node, int]] = [(root, 1)] if root is not None else []
    while folders:
        node, depth = folders.pop()
        if depth > MAX_DEPTH:
            raise _TooDeep(node.start_mark)
        if isinstance(node, yaml.SequenceNode):
            folders.extend((item, depth + 1) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                folders.extend(((key, depth + 1), (value, depth + 1)))


def parse_article_text(text: str, file: str) -> ParsedArticle:
    yaml_text, body, body_line = split_front_matter(text, file)
    if len(yaml_text) > MAX_FRONT_MATTER:
        raise InputError("front matter is larger than 2 MB", file=file, line=2)
    try:
        try:
            root = _compose(yaml_text, LOADER, file)
        except (yaml.YAMLError, UnicodeError):
            # PyYAML's own parser names the line and the character in its messages.
            root = _compose(yaml_text, _DepthLimitedLoader, file)
        _check_depth(root, file)
    except _TooDeep as exc:
        raise InputError(
            f"front matter is nested more than {MAX_DEPTH} levels deep; refused",
            file=file,
            line=exc.mark.line + 2 if exc.mark else None,
        ) from None
    except yaml.reader.ReaderError as exc:
        # A character YAML does not allow (U+FFFE, a C1 control, …): where it is, and which.
        before = yaml_text[: exc.position]
        line = before.count("\n") + 2
        column = exc.position - (before.rfind("\n") + 1) + 1
        raise InputError(
            f"front matter holds {describe_character(chr(exc.character))}, which YAML does "
            "not allow; remove it",
            file=file,
            line=line,
            column=column,
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise InputError(
            f"front matter is not valid YAML: {problem}",
            file=file,
            line=mark.line + 2 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    if root is None:
        raise InputError("front matter is empty (it needs at least a title)", file=file, line=1)
    reader = _Reader(file)
    top = reader.mapping(root, "front matter", TOP_FIELDS)
    if "title" not in top:
        raise InputError("is missing", file=file, field="title", line=1)
    values: dict[str, Any] = {"title": reader.text(top["title"], "title", required=True)}
    for name in ("id", "dek", "section", "slug", "status", "language"):
        if name in top:
            values[name] = reader.text(top[name], name)
    for name in ("byline", "tags"):
        if name in top:
            values[name] = reader.text_list(top[name], name)
    for name, target in (("date", "published"), ("created", "created"), ("updated", "updated")):
        if name in top:
            values[target] = reader.date(top[name], name)
    if "canonical_url" in top:
        values["canonical_url"] = reader.url(top["canonical_url"], "canonical_url")
    if "correction" in top:
        values["correction"], values["correction_date"] = _correction(top["correction"], reader)
    _check_top(values, top, reader)
    lines = {name: _line(node) for name, node in top.items()}
    parsed = ParsedArticle(fields=values, body=body, body_line=body_line, lines=lines)
    if "figures" in top:
        parsed.figures = _figures(top["figures"], reader)
    if "sources" in top:
        parsed.sources = _sources(top["sources"], reader)
    if "related" in top:
        parsed.related = _related(top["related"], reader)
    return parsed


def describe_character(ch: str) -> str:
    """A character as a message names it: U+FFFE (a noncharacter), U+0085 (a control
    character), U+00E9 'é' (LATIN SMALL LETTER E WITH ACUTE)."""
    import unicodedata

    code = f"U+{ord(ch):04X}"
    category = unicodedata.category(ch)
    if category == "Cc":
        return f"{code} (a control character)"
    if category == "Cs":
        return f"{code} (half of a surrogate pair, not a character)"
    if category == "Cn":
        return f"{code} (a noncharacter)" if ord(ch) & 0xFFFE == 0xFFFE else f"{code} (unassigned)"
    name = unicodedata.name(ch, "")
    return f"{code} {ch!r}" + (f" ({name})" if name else "")


def _line(node: yaml.Node) -> int:
    """The file line a node starts on: YAML counts from 0 at the first front matter line,
    which is line 2 of the file."""
    return int(node.start_mark.line) + 2


def _check_top(values: dict[str, Any], top: dict[str, yaml.Node], reader: _Reader) -> None:
    slug = values.get("slug")
    if slug and not is_valid_slug(slug):
        raise reader.fail(
            f"'{slug}' is not a slug (lower-case a-z, 0-9 and single hyphens)", "slug", top["slug"]
        )
    lang = values.get("language") or DEFAULT_LANGUAGE
    if not LANG_RE.fullmatch(lang):
        raise reader.fail(
            f"'{lang}' is not a BCP 47 language tag (e.g. zh-Hant, en)", "language", top["language"]
        )
    values["language"] = lang
    status = values.get("status") or "draft"
    if status not in STATUSES:
        raise reader.fail(
            f"'{status}' is not a status ({', '.join(STATUSES)})", "status", top["status"]
        )
    values["status"] = status
    article_id = values.get("id")
    if article_id and not re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
        r"[0-9a-f]{12}",
        article_id,
    ):
        raise reader.fail(f"'{article_id}' is not a UUID", "id", top["id"])


def _focus(fields_: dict[str, yaml.Node], where: str, reader: _Reader) -> str:
    if "focus" not in fields_:
        return ""
    text = reader.text(fields_["focus"], f"{where}.focus")
    if focal_point(text) is None:
        raise reader.fail(
            f"'{text}' is not a focal point (x,y, each from 0 to 1, e.g. 0.5,0.3)",
            f"{where}.focus",
            fields_["focus"],
        )
    return text


def _correction(node: yaml.Node, reader: _Reader) -> tuple[str, str]:
    """``correction: {date: 2026-11-20, text: ...}`` (both required)."""
    if not isinstance(node, yaml.MappingNode):
        raise reader.fail("must be a mapping with 'date' and 'text'", "correction", node)
    fields = reader.mapping(node, "correction", {"date", "text"})
    for name in ("date", "text"):
        if name not in fields:
            raise reader.fail(f"is missing '{name}'", "correction", node)
    text = reader.text(fields["text"], "correction.text", required=True)
    return text, reader.date(fields["date"], "correction.date")


def _items(node: yaml.Node, name: str, reader: _Reader) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        raise reader.fail("must be a list", name, node)
    return list(node.value)


def _figures(node: yaml.Node, reader: _Reader) -> list[ParsedFigure]:
    figures: list[ParsedFigure] = []
    seen: set[str] = set()
    for n, item in enumerate(_items(node, "figures", reader), start=1):
        where = f"figures[{n}]"
        fields_ = reader.mapping(item, where, FIGURE_FIELDS)
        for required in ("key", "image"):
            if required not in fields_:
                raise reader.fail(f"'{required}' is missing", where, item)
        key = reader.text(fields_["key"], f"{where}.key", required=True)
        if not KEY_RE.fullmatch(key):
            raise reader.fail(
                f"'{key}' is not a figure key (letters, digits, '-' and '_')",
                f"{where}.key",
                fields_["key"],
            )
        if key in seen:
            raise reader.fail(f"figure key '{key}' is used twice", f"{where}.key", fields_["key"])
        seen.add(key)
        image = reader.text(fields_["image"], f"{where}.image", required=True)
        if not is_safe_relative_path(image):
            raise reader.fail(
                f"'{image}' must be a path inside the article's folder",
                f"{where}.image",
                fields_["image"],
            )
        text = {
            name: reader.text(fields_[name], f"{where}.{name}") if name in fields_ else ""
            for name in ("caption", "credit", "creator", "copyright", "alt")
        }
        figures.append(
            ParsedFigure(
                key=key,
                image_path=image,
                focus=_focus(fields_, where, reader),
                line=_line(fields_["image"]),
                **text,
            )
        )
    return figures


def is_safe_relative_path(value: str) -> bool:
    path = PurePosixPath(value.replace("\\", "/"))
    return bool(value) and not path.is_absolute() and ".." not in path.parts and ":" not in value


def _sources(node: yaml.Node, reader: _Reader) -> list[dict[str, str]]:
    out = []
    for n, item in enumerate(_items(node, "sources", reader), start=1):
        where = f"sources[{n}]"
        f = reader.mapping(item, where, SOURCE_FIELDS)
        entry = {k: "" for k in SOURCE_FIELDS}
        for k in ("outlet", "title", "note"):
            if k in f:
                entry[k] = reader.text(f[k], f"{where}.{k}")
        if "date" in f:
            entry["date"] = reader.date(f["date"], f"{where}.date")
        if "url" in f:
            entry["url"] = reader.url(f["url"], f"{where}.url")
        if not entry["title"] and not entry["url"]:
            raise reader.fail("needs a title or a URL", where, item)
        out.append(entry)
    return out


def _related(node: yaml.Node, reader: _Reader) -> list[dict[str, Any]]:
    out = []
    for n, item in enumerate(_items(node, "related", reader), start=1):
        where = f"related[{n}]"
        f = reader.mapping(item, where, RELATED_FIELDS)
        entry: dict[str, Any] = {
            "kind": "related",
            "article_ref": None,
            "url": "",
            "title": "",
            "excerpt": "",
            "author": "",
            "date": "",
            "line": _line(item),
        }
        for k in ("title", "excerpt", "author"):
            if k in f:
                entry[k] = reader.text(f[k], f"{where}.{k}")
        if "kind" in f:
            entry["kind"] = reader.text(f["kind"], f"{where}.kind")
            if entry["kind"] not in RELATED_KINDS:
                raise reader.fail(
                    f"'{entry['kind']}' is not one of {', '.join(RELATED_KINDS)}",
                    f"{where}.kind",
                    f["kind"],
                )
        if "date" in f:
            entry["date"] = reader.date(f["date"], f"{where}.date")
        if "url" in f:
            entry["url"] = reader.url(f["url"], f"{where}.url")
        if "article" in f:
            entry["article_ref"] = reader.text(f["article"], f"{where}.article", required=True)
        if bool(entry["url"]) == bool(entry["article_ref"]):
            raise reader.fail(
                "needs exactly one of 'url' (external) or 'article' (in the store)", where, item
            )
        if entry["url"] and not entry["title"]:
            raise reader.fail("an external link needs a title", where, item)
        out.append(entry)
    return out


def read_article_file(path: Path) -> ParsedArticle:
    """Read and parse a file, turning every way it can be unreadable into an InputError."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", file=name) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data[:4096]):
        raise InputError(
            "is UTF-16 text; save it as UTF-8 (in most editors: Save As, encoding UTF-8)",
            file=name,
        )
    if b"\x00" in data[:8192]:
        raise InputError("is a binary file, not Markdown text", file=name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"is not UTF-8 text (bad byte at offset {exc.start})", file=name, line=line
        ) from None
    if "\r" in text and "\n" not in text:
        raise InputError(
            "uses CR-only line endings (old Mac style); save it with LF or CRLF line endings",
            file=name,
        )
    return parse_article_text(text, name)


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte is zero in ASCII-heavy text."""
    if len(head) < 8:
        return False
    even, odd = head[0::2], head[1::2]
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    # Text in UTF-16: one byte of each pair is zero almost always, the other almost never
    # (a PNG or other binary file has zeros in both).
    return (zero_even > 0.3 and zero_odd < 0.02) or (zero_odd > 0.3 and zero_even < 0.02)
