"""Property-based tests (hypothesis): the front matter round trip, the Markdown -> HTML ->
sanitiser path (no script ever survives) and the bundle round trip (import of an export is
the same article)."""

from __future__ import annotations

import tempfile
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import InputError
from app.core.frontmatter import parse_article_text
from app.core.model import Article, RelatedLink, Source
from app.exchange.bundles import export_articles, import_path
from app.exchange.source import article_to_markdown
from app.publish.body import BodyContext, render_body
from app.store import Store

# Words people type, the CJK and full-width punctuation we live with, and characters that
# break naive YAML or Markdown writers.
WORDS = st.sampled_from(
    [
        "颱風", "高雄", "市府", "演練", "抽水站", "Reuters", "AI", "2024", "—", "、", ",",
        "。", "「", "」", "(", ")", "#", ":", "- ", "'", '"', "*", "&", "<", ">", "`",
        "@", "%", "!", "|", "~", "yes", "null", "no", "1.0", "0x1F", "[", "]", "{", "}",
        " ", "\\", "é", "🙂", "𠮷",
    ]
)  # fmt: skip
LINE = st.lists(WORDS, min_size=1, max_size=12).map("".join).map(str.strip).filter(bool)
URL = st.builds(
    lambda path, q: f"https://example.org/{path}" + (f"?q={q}" if q else ""),
    st.from_regex(r"[a-z0-9/_-]{0,20}", fullmatch=True),
    st.from_regex(r"[a-z0-9]{0,6}", fullmatch=True),
)
DATE = st.dates().map(lambda d: d.isoformat())
PARAGRAPHS = st.lists(LINE, min_size=1, max_size=5).map("\n\n".join)

SOURCES = st.lists(st.builds(Source, date=DATE, outlet=LINE, title=LINE, url=URL), max_size=4)
RELATED = st.lists(
    st.builds(
        RelatedLink,
        url=URL,
        title=LINE,
        excerpt=st.one_of(st.just(""), LINE),
        author=st.one_of(st.just(""), LINE),
        date=st.one_of(st.just(""), DATE),
    ),
    max_size=3,
)
ARTICLES = st.builds(
    Article,
    id=st.uuids().map(str),
    slug=st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True),
    title=LINE,
    dek=st.one_of(st.just(""), LINE),
    byline=st.lists(LINE, max_size=3),
    section=st.one_of(st.just(""), LINE),
    tags=st.lists(LINE, max_size=4, unique=True),
    language=st.sampled_from(["zh-Hant", "en"]),
    body=PARAGRAPHS,
    sources=SOURCES,
    related=RELATED,
)


@settings(max_examples=150, deadline=None)
@given(ARTICLES)
def test_front_matter_round_trip(article: Article) -> None:
    text = article_to_markdown(article, {})
    parsed = parse_article_text(text, "generated.md")
    assert parsed.fields["title"] == article.title
    for name in ("dek", "section", "byline", "tags", "language", "slug", "id"):
        assert parsed.fields.get(name, type(getattr(article, name))()) == getattr(article, name)
    assert parsed.body.strip() == article.body.strip()
    assert [Source(**s) for s in parsed.sources] == article.sources
    assert [(r["url"], r["title"], r["excerpt"]) for r in parsed.related] == [
        (r.url, r.title, r.excerpt) for r in article.related
    ]


class _Elements(HTMLParser):
    """Every tag and attribute of the rendered HTML, as a browser tokenises them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]


HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        '<img src=x onerror="alert(1)">',
        "<svg onload=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        "[點我](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x]( javascript:alert(1) )",
        "![x](data:text/html;base64,PHNjcmlwdD4=)",
        '<iframe src="https://evil.example"></iframe>',
        "<style>body{display:none}</style>",
        '<div style="background:url(javascript:alert(1))">',
        "<object data=x></object>",
        "<form action=https://evil.example><input></form>",
        "&lt;script&gt;",
        "<scr<script>ipt>alert(1)</script>",
        "```\n<script>alert(1)</script>\n```",
        "<!-- <script>alert(1)</script> -->",
        '<a href="&#106;avascript:alert(1)">x</a>',
        ":::further\n<script>x</script>\n:::",
        "<meta http-equiv=refresh content=0;url=https://evil.example>",
    ]
)
BODIES = st.lists(st.one_of(HOSTILE, LINE), min_size=1, max_size=8).map(
    lambda parts: "\n\n".join(parts)
)
BAD_TAGS = {"script", "iframe", "style", "object", "embed", "form", "input", "meta", "svg"}


@settings(max_examples=300, deadline=None)
@given(BODIES)
def test_no_script_survives_markdown_and_sanitiser(body: str) -> None:
    ctx = BodyContext(figure_keys=set(), resolve_article=lambda ref: None)
    try:
        html = render_body(body, ctx)
    except InputError:
        return  # refused with a message (e.g. an unclosed block): nothing rendered
    elements = _Elements()
    elements.feed(html)
    assert not BAD_TAGS & set(elements.tags), html
    for name, value in elements.attrs:
        assert not name.startswith("on"), html
        assert name != "style", html
        if name in ("href", "src"):
            assert value.strip().lower().startswith(("https:", "http:", "mailto:", "#", "/")) or (
                ":" not in value.split("/")[0]
            ), html


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(ARTICLES)
def test_bundle_round_trip_is_identity(article: Article) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Store.open(folder / "a.sqlite") as store:
            stored = store.create_article(article, author="記者")
            (bundle,) = export_articles(store, [stored.id], folder / "out")
            original = store.get_article(stored.id)
        with Store.open(folder / "b.sqlite") as other:
            (copy,) = import_path(other, bundle, author="測試者")
            assert copy.content() == original.content()
            assert (copy.created, copy.updated) == (original.created, original.updated)


PUBLISHED = st.datetimes(
    min_value=__import__("datetime").datetime(2000, 1, 1),
    max_value=__import__("datetime").datetime(2030, 12, 31),
).map(lambda d: d.replace(microsecond=0).isoformat() + "+08:00")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(ARTICLES, min_size=1, max_size=3, unique_by=lambda a: (a.id, a.slug)),
    PUBLISHED,
    st.one_of(st.just(""), LINE),
)
def test_whatever_the_text_web_staff_get_valid_ninjs_a_readable_feed_and_sitemaps(
    articles: list[Article], published: str, correction: str
) -> None:
    """Any article text, correction and date: article.json validates against the ninjs
    schema, feedparser reads the feed without complaint, the sitemaps parse as XML."""
    import json as json_module

    import feedparser
    import jsonschema
    import lxml.etree

    from app.core.model import DeskSettings
    from tests.conftest import FIXTURES

    schema = json_module.loads((FIXTURES / "standards" / "ninjs-schema_2.1.json").read_text())
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Store.open(folder / "a.sqlite") as store:
            store.save_desk(
                DeskSettings(publication_name="報呱新聞", base_url="https://news.example.org/"),
                by="測試編輯",
            )
            ids = []
            for article in articles:
                article.status, article.published = "published", published
                if correction:
                    article.correction, article.correction_date = correction, published[:10]
                ids.append(store.create_article(article, author="記者", archive_role="editor").id)
            paths = export_articles(store, ids, folder / "out", edition=True)
        for bundle in paths:
            if bundle.is_dir():
                doc = json_module.loads((bundle / "article.json").read_text(encoding="utf-8"))
                errors = [e.message for e in validator.iter_errors(doc)]
                assert errors == [], errors
        feed = feedparser.parse((folder / "out" / "feed.xml").read_bytes())
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert len(feed.entries) == len(articles)
        for name in ("sitemap.xml", "sitemap-news.xml"):
            lxml.etree.parse(str(folder / "out" / name))
