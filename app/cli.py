"""The ``galley`` command: the store's operations for scripts, tests and web staff.

Expected failures (``GalleyError``) print one line on stderr and exit with their code; any
other exception is logged with its traceback and reported as an internal error (exit 70).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from app import __version__
from app.core.errors import GalleyError

if TYPE_CHECKING:
    from app.core.model import Article
    from app.store.listing import ArticleSummary
    from app.store.store import Store

log = logging.getLogger(__name__)

EXIT_INTERNAL = 70
EXIT_USAGE = 2
MAX_LIMIT = 1_000_000_000


class GalleyParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line naming the problem and where help is, like
    every other error of the command (argparse prints the whole usage block first)."""

    def error(self, message: str) -> NoReturn:
        print(f"{self.prog}: {one_line(message)} (see {self.prog} --help)", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def count(value: str) -> int:
    """``--limit N``: a whole number from 1 up (SQLite cannot take a larger one than
    ``MAX_LIMIT`` allows, and 0 or less would mean "no limit" to it)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if not 1 <= number <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"{value} is not from 1 to {MAX_LIMIT:,}")
    return number


def window_size(value: str) -> tuple[int, int]:
    """``--size 1366x768``: a window from 640×480 up to 8K."""
    width, _, height = value.lower().replace("×", "x").partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not WIDTHxHEIGHT, e.g. 1366x768") from None
    if not (640 <= size[0] <= 7680 and 480 <= size[1] <= 4320):
        raise argparse.ArgumentTypeError(f"{value} is not from 640x480 to 7680x4320")
    return size


def one_line(text: str) -> str:
    """``text`` as one line: newlines, tabs and other control characters (which a value
    typed or read from a file may hold) are shown escaped, never echoed raw."""
    out = []
    for ch in text:
        if ch in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


class _Unused:
    """A command's parser that is not built: whatever is declared on it (arguments, groups
    and their arguments, defaults) is dropped unread."""

    def __getattr__(self, name: str) -> Callable[..., _Unused]:
        return lambda *args, **kwargs: self


class _OnlyOne:
    """The subcommands action, passing on only ``name``'s parser: each parser argparse
    builds (its help texts looked up in gettext's catalogues, its formatter made) costs a
    start ~0.3 ms, and a command needs one of them."""

    def __init__(self, sub: Any, name: str) -> None:
        self.sub = sub
        self.name = name

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        return self.sub.add_parser(name, **kwargs) if name == self.name else _Unused()


def command_of(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names, when that is plain without parsing: the first word that is
    not ``--store PATH``; ``gui`` when there is none (the window). ``None`` when an option
    comes first (``--help``, ``--version``, an abbreviation): then every command is built."""
    words = iter(argv)
    for word in words:
        if word == "--store":
            next(words, None)
        elif not word.startswith("--store="):
            return None if word.startswith("-") else word
    return "gui"


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``command``, only that command's parser is built
    (``galley --help`` and the message for a misspelt command list them all: ``None``)."""
    parser = GalleyParser(
        prog="galley",
        description="Galley: write, review and export news articles offline.",
        epilog="Without a command, Galley opens its window.",
    )
    parser.add_argument("--version", action="version", version=f"galley {__version__}")
    parser.add_argument(
        "--store",
        metavar="PATH",
        help="the store file (default: $GALLEY_STORE, else the data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub = commands if command is None else _OnlyOne(commands, command)

    p = sub.add_parser("import", help="import articles: Markdown files, bundle folders or zips")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the new articles as JSON")
    p.add_argument("--by", default=None, help="who imports (default: $GALLEY_USER)")
    p.add_argument(
        "--archive",
        action="store_true",
        help="an archive import: keep each file's status (an editor's decision, recorded)",
    )
    p.add_argument("--role", default=None, help="with --archive: reporter, editor, …")

    p = sub.add_parser(
        "edit", help="replace an article's text and fields from a Markdown file (import format)"
    )
    p.add_argument("ref", metavar="ID", help="id, id prefix (8+ characters) or slug")
    p.add_argument("--from", dest="source", required=True, metavar="FILE", help="the .md file")
    p.add_argument(
        "--base",
        type=int,
        metavar="REVISION",
        help="the revision number the edit started from (galley history); default: the current",
    )
    p.add_argument("--by", default=None, metavar="NAME", help="who edits (default: $GALLEY_USER)")
    p.add_argument(
        "--role",
        default=None,
        help="who edits in which role (default: $GALLEY_ROLE, else reporter); a reporter's "
        "edit takes an approved article back to review",
    )

    p = sub.add_parser("list", help="list articles, newest first")
    p.add_argument("--status", help="only articles with this status")
    p.add_argument("--section", help="only articles in this section")
    p.add_argument("--limit", type=count, default=None)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("show", help="show one article")
    p.add_argument("ref", metavar="ID", help="id, id prefix (8+ characters) or slug")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("search", help="full-text search (Chinese substrings, English words)")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=count, default=50)
    p.add_argument("--sort", choices=("relevance", "date"), help="best match (default) or newest")
    p.add_argument("--since", metavar="DATE", help="dated on or after (2015, 2015-06, 2015-06-30)")
    p.add_argument("--until", metavar="DATE", help="dated on or before")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("export", help="export publishable bundles (HTML, images, JSON)")
    p.add_argument("refs", nargs="*", metavar="ID", help="articles (id, id prefix or slug)")
    p.add_argument("--status", help="export every article with this status (and a desk edition)")
    p.add_argument(
        "--desk",
        action="store_true",
        help="export every published article and the desk edition (index, feed, sitemaps)",
    )
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write bundles into")
    p.add_argument("--zip", action="store_true", help="write SLUG.zip instead of a folder")
    p.add_argument(
        "--for",
        dest="purpose",
        choices=["web", "review"],
        default="web",
        help="review: also carry history, notes and status record (for another editor)",
    )

    p = sub.add_parser("sync", help="sync with the desk's git repository (fetch, merge, push)")
    p.add_argument(
        "--remote",
        metavar="URL",
        help="the desk repository (a path, file://, https:// or ssh:// URL); once",
    )
    p.add_argument(
        "--create",
        action="store_true",
        help="start a new, empty desk at the --remote path (a desk at a URL is made on its host)",
    )
    p.add_argument("--json", action="store_true", help="the report as JSON (for the window)")
    p.add_argument("--by", default=None, help="who syncs (default: $GALLEY_USER)")

    p = sub.add_parser("desk", help="show the desk settings, or set one: desk set KEY VALUE")
    p.add_argument("action", nargs="?", choices=["set"], help="set a setting")
    p.add_argument("key", nargs="?", metavar="KEY")
    p.add_argument("value", nargs="?", metavar="VALUE")
    p.add_argument("--json", action="store_true")
    p.add_argument("--by", default=None, help="who sets it (default: $GALLEY_USER)")

    from app.cli_review import add_parsers

    add_parsers(sub)
    from app.cli_backup import add_parsers as add_backup_parsers

    add_backup_parsers(sub)

    p = sub.add_parser("gui", help="open the window")
    p.add_argument("--open", metavar="ID", help="article to open")
    p.add_argument("--screenshot", metavar="FILE", help="save a PNG of the window and exit")
    p.add_argument(
        "--language",
        choices=["system", "zh_TW", "en"],
        help="language of the window (default: the setting, else the system's)",
    )
    p.add_argument(
        "--appearance",
        choices=["system", "light", "dark"],
        help="light or dark (default: the setting, else the system's)",
    )
    p.add_argument(
        "--size",
        metavar="WxH",
        type=window_size,
        help="the window's size for --screenshot (default 1366x768, a laptop's screen)",
    )
    # People type the store after the command too (galley list --store S): every command
    # takes it, and it overrides one given before the command.
    for each in commands.choices.values():
        each.add_argument(
            "--store", metavar="PATH", default=argparse.SUPPRESS, help="the store file"
        )
    return parser


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_import(store: Store, args: argparse.Namespace) -> int:
    from app.cli_review import default_role, default_user
    from app.exchange.bundles import import_paths

    def report(message: str) -> None:
        print(message, file=sys.stderr)

    # Every file named is one transaction: all of them are imported, or none.
    imported = import_paths(
        store,
        args.files,
        author=args.by or default_user(),
        report=report,
        archive_role=(args.role or default_role()) if args.archive else None,
    )
    if args.json:
        _print_json(
            [
                {"id": a.id, "slug": a.slug, "title": a.title, "revision": a.revision}
                for a in imported
            ]
        )
    else:
        for article in imported:
            print(article.id)
    return 0


def cmd_edit(store: Store, args: argparse.Namespace) -> int:
    """Replace an article from a file; prints the revision number it is at now."""
    from app.cli_review import default_role, default_user
    from app.exchange.markdown import edit_markdown

    done = edit_markdown(
        store,
        args.ref,
        args.source,
        author=args.by or default_user(),
        role=args.role or default_role(),
        base=args.base,
    )
    for note in done.notes:
        print(f"galley: {note}", file=sys.stderr)
    print(done.number)
    return 0


def cmd_list(store: Store, args: argparse.Namespace) -> int:
    rows = store.list_articles(status=args.status, section=args.section, limit=args.limit)
    if args.json:
        _print_json([r.to_dict() for r in rows])
        return 0
    for r in rows:
        print(f"{r.id[:8]}  {r.status:<9}  {r.updated[:16]}  {r.section or '-':<6}  {r.title}")
    return 0


def cmd_show(store: Store, args: argparse.Namespace) -> int:
    article = store.get_article(args.ref)
    if args.json:
        _print_json(article.to_dict())
        return 0
    print(article.title)
    if article.dek:
        print(article.dek)
    print()
    meta = [
        ("id", article.id),
        ("slug", article.slug),
        ("status", article.status),
        ("byline", ", ".join(article.byline)),
        ("section", article.section),
        ("tags", ", ".join(article.tags)),
        ("language", article.language),
        ("published", article.published),
        ("updated", article.updated or article.published),
        ("saved", article.saved),
        ("revision", str(article.revision)),
        ("figures", str(len(article.figures))),
        ("sources", str(len(article.sources))),
        ("related", str(len(article.related))),
    ]
    for name, value in meta:
        print(f"{name + ':':<11}{value}")
    print()
    print(article.body, end="" if article.body.endswith("\n") else "\n")
    return 0


def cmd_search(store: Store, args: argparse.Namespace) -> int:
    # The options are the query's own fields (sort:, since:, until:), spelled as options.
    options = [f"{k}:{v}" for k in ("sort", "since", "until") if (v := getattr(args, k))]
    hits = store.search(" ".join([args.query, *options]), limit=args.limit)
    if args.json:
        _print_json([h.to_dict() for h in hits])
        return 0
    if not hits:
        print(f"no articles match '{args.query}'", file=sys.stderr)
    for h in hits:
        print(f"{h.id[:8]}  {h.title}\n          {h.snippet}")
    return 0


def cmd_export(store: Store, args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.config import rendition_cache_path
    from app.core.errors import InputError
    from app.exchange.bundles import export_articles
    from app.publish.rendition_cache import RenditionCache

    refs = list(args.refs)
    if args.status:
        refs += [a.id for a in _all_with_status(store, args.status)]
    if args.desk:
        refs += [a.id for a in _all_with_status(store, "published")]
    edition = bool(args.status or args.desk) and args.purpose == "web" and not args.zip
    if not refs and not edition:
        raise InputError("name articles to export, or --status S, or --desk", field="ID")
    refs = list(dict.fromkeys(refs))
    batch = len(refs) > 1

    def progress(n: int, total: int, article: Article) -> None:
        if batch:
            print(f"[{n}/{total}] {article.slug}", file=sys.stderr)

    written = export_articles(
        store,
        refs,
        Path(args.out),
        as_zip=args.zip,
        progress=progress,
        for_review=args.purpose == "review",
        edition=edition,
        cache=RenditionCache(rendition_cache_path()),
    )
    for path in written:
        print(path)
    if args.zip and (args.status or args.desk):
        print(
            "galley: note: no desk edition with --zip (it links to bundle folders)", file=sys.stderr
        )
    if edition and not store.desk().base_url:
        print(
            "galley: note: no feed or sitemaps without the desk's base URL "
            "(galley desk set base_url https://…)",
            file=sys.stderr,
        )
    return 0


def _all_with_status(store: Store, status: str) -> list[ArticleSummary]:
    """Every article with ``status`` (a status that does not exist is an error, not none)."""
    from app.core.errors import InputError
    from app.core.statuses import STATUSES

    if status not in STATUSES:
        raise InputError(f"'{status}' is not a status ({', '.join(STATUSES)})", field="--status")
    return list(store.list_articles(status=status))


def cmd_desk(store: Store, args: argparse.Namespace) -> int:
    """Desk settings for scripts: the same validation as the window's dialog (the store's)."""
    from app.core.errors import InputError
    from app.store.desk import with_setting

    if args.action == "set":
        if args.key is None or args.value is None:
            raise InputError("give a KEY and a VALUE: galley desk set KEY VALUE", field="KEY")
        from app.cli_review import default_user

        # A damaged stored setting does not stop this one being set: it is its default now.
        current, damaged = store.desk_settings.read()
        changed = with_setting(current, args.key, args.value)
        for key, why in damaged.items():
            if key != args.key:
                print(f"galley: desk setting '{key}' was damaged ({why}); it is reset to its "
                      "default", file=sys.stderr)  # fmt: skip
        store.save_desk(changed, by=args.by or default_user())
    settings = store.desk().to_dict()
    if args.json:
        _print_json(settings)
        return 0
    for key, value in settings.items():
        shown = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
        print(f"{key + ':':<22}{shown}")
    return 0


def cmd_sync(store: Store, args: argparse.Namespace) -> int:
    """One sync: what came in, what went out, what both sides edited (one line each)."""
    from app.cli_review import default_user
    from app.config import rendition_cache_path
    from app.core.errors import InputError
    from app.exchange.desk_credentials import mask_url
    from app.exchange.desk_sync import DeskSync, create_desk
    from app.publish.rendition_cache import RenditionCache

    if args.create:
        if not args.remote:
            raise InputError("--create needs the new desk's path: --remote PATH", field="--create")
        create_desk(args.remote)
        print(f"galley: created a new desk at {mask_url(args.remote)}", file=sys.stderr)
    desk = DeskSync(store, by=args.by or default_user(), cache=RenditionCache(rendition_cache_path))
    report = desk.sync(
        args.remote, progress=lambda text: print(f"galley: {text}", file=sys.stderr, flush=True)
    )
    # The report names slugs and people, never the desk: masked all the same, as every line.
    if args.json:
        print(mask_url(json.dumps(dataclasses.asdict(report), ensure_ascii=False, indent=2)))
    else:
        print(mask_url(report.summary()))
    return 0


COMMANDS = {
    "sync": cmd_sync,
    "desk": cmd_desk,
    "export": cmd_export,
    "import": cmd_import,
    "edit": cmd_edit,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
}


def run(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    name = command_of(words)
    parser = build_parser(name)
    if name not in _subcommands(parser):  # not a command: the message lists them all
        parser = build_parser()
    args = parser.parse_args(words)
    from app.config import store_path

    if args.command in (None, "gui"):
        from app.publish.render_server import fork_renderer

        path = store_path(args.store)
        # The window's modules that are not Qt first, before the fork and before Qt (see
        # WINDOW_MODULES): the empty frame paints ~45 ms later, the article shows ~120 ms
        # sooner.
        from app.ui.launch import import_window_modules

        import_window_modules()

        # Before Qt is imported: the preview's renderer starts on the other core now.
        forked = fork_renderer(path, getattr(args, "open", None))
        from app.ui.launch import launch

        return launch(
            path,
            open_ref=getattr(args, "open", None),
            screenshot=getattr(args, "screenshot", None),
            language=getattr(args, "language", None),
            appearance=getattr(args, "appearance", None),
            size=getattr(args, "size", None),
            forked=forked,
        )
    from app import cli_backup

    if args.command == "backup":
        return cli_backup.cmd_backup(store_path(args.store), args)
    if args.command == "restore" and args.number is None:
        return cli_backup.cmd_restore_file(store_path(args.store), args)
    from app.store import Store

    with Store.open(store_path(args.store)) as store:
        if store.notice:
            print(f"galley: {store.notice}", file=sys.stderr)
        if args.command in COMMANDS:
            return COMMANDS[args.command](store, args)
        from app.cli_review import COMMANDS as REVIEW_COMMANDS

        return REVIEW_COMMANDS[args.command](store, args, _print_json)


def _subcommands(parser: argparse.ArgumentParser) -> set[str]:
    return {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def check_arguments(argv: Sequence[str]) -> None:
    """Arguments are text: bytes that are not UTF-8 (Python keeps them as lone surrogates)
    would fail deep inside; refuse them here, naming which."""
    from app.core.errors import InputError

    for n, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            raise InputError(
                f"argument {n} ('{shown}') is not valid UTF-8 text; check the terminal's encoding"
            ) from None


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="galley: %(message)s")
    try:
        check_arguments(sys.argv[1:] if argv is None else argv)
        return run(argv)
    except GalleyError as exc:
        from app.exchange.desk_credentials import mask_url

        # No credential is ever printed, whichever message quotes an address with one.
        print(f"galley: {one_line(mask_url(str(exc)))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("internal error")
        print("galley: internal error (details above); please report it", file=sys.stderr)
        return EXIT_INTERNAL


def gui_main() -> int:
    """Entry point of the ``galley-gui`` launcher: the window (any arguments as for ``gui``)."""
    return main(sys.argv[1:] or ["gui"])


if __name__ == "__main__":
    sys.exit(main())
