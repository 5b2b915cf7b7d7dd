from __future__ import annotations

import pytest

from app.core.errors import InputError
from app.publish.body import BodyContext, render_body, used_figure_keys


def ctx(**kwargs) -> BodyContext:  # noqa: ANN003
    defaults = {
        "figure_keys": {"a", "b"},
        "resolve_article": lambda ref: "https://x.example/y/" if ref == "known" else None,
        "figure_html": lambda key: f'<figure data-k="{key}"></figure>',
        "further_html": lambda inner: f"<aside>{inner}</aside>",
        "further_links_html": lambda: "<ul><li>auto</li></ul>",
    }
    defaults.update(kwargs)
    return BodyContext(**defaults)


def error(body: str) -> InputError:
    with pytest.raises(InputError) as info:
        render_body(body, ctx())
    return info.value


def test_figures_are_placed_where_the_body_says() -> None:
    html = render_body("第一段。\n\n![[b]]\n\n第二段。\n![[a]]\n", ctx())
    assert html.index('data-k="b"') < html.index("第二段") < html.index('data-k="a"')
    assert "<p><figure" not in html


def test_further_reading_block_and_empty_block() -> None:
    html = render_body(
        "前文\n\n::: further-reading\n- [延伸](https://e.example/a)\n:::\n\n後文", ctx()
    )
    assert '<aside><ul>\n<li><a href="https://e.example/a"' in html
    assert html.index("前文") < html.index("<aside>") < html.index("後文")
    assert (
        render_body("::: further-reading\n:::\n", ctx()) == "<aside><ul><li>auto</li></ul></aside>"
    )


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("段落\n\n![[missing]]\n", 3, "figure 'missing' is placed here but not defined"),
        ("一\n二\n::: further-reading\n- x\n", 3, "never closed"),
        ("一\n:::\n", 2, "never opened"),
        ("::: sidebar\n:::\n", 1, "unknown block '::: sidebar'"),
        ("一\n\n見 [另一篇](article:nope)。\n", 3, "'article:nope': no such article"),
        ("一\n\n![photo](https://e.example/p.jpg)\n", 3, "place images as figures"),
    ],
)
def test_body_errors_name_the_line(body: str, line: int, words: str) -> None:
    exc = error(body)
    assert exc.field == "body"
    assert exc.line == line
    assert words in str(exc)


def test_line_offset_points_into_the_file() -> None:
    with pytest.raises(InputError) as info:
        render_body("x\n![[zz]]\n", ctx(line_offset=40))
    assert info.value.line == 42


def test_article_links_are_resolved() -> None:
    html = render_body("見 [另一篇](article:known)。", ctx())
    assert 'href="https://x.example/y/"' in html


def test_headings_start_at_h2_and_tables_and_footnotes_work() -> None:
    html = render_body(
        "# 大標\n\n## 小標\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n註[^1]\n\n[^1]: 說明\n", ctx()
    )
    assert "<h1" not in html
    assert html.count("<h2>") == 2
    assert '<td class="align-right">2</td>' in html
    assert 'id="fn:1"' in html and 'href="#fnref:1"' in html


def test_code_blocks_are_left_alone() -> None:
    html = render_body("```\n![[nothere]]\n:::\n```\n", ctx())
    assert "![[nothere]]" in html


def test_raw_html_is_sanitised() -> None:
    hostile = (
        '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n'
        '<a href="javascript:alert(3)" onclick="alert(4)">x</a>\n\n'
        '<svg onload="alert(5)"><circle/></svg>\n\n<style>body{display:none}</style>\n\n'
        '<p style="background:url(javascript:alert(6))">styled</p>\n\n'
        '<iframe src="https://evil.example"></iframe>\n\n[d](data:text/html,<script>alert(7)</script>)'
        '\n\n<object data="x.swf"></object><form action="https://evil.example"><input></form>'
    )
    html = render_body(hostile, ctx()).lower()
    for banned in (
        "<script",
        "onerror",
        "onclick",
        "onload",
        "javascript:",
        "<svg",
        "<style",
        "style=",
        "<iframe",
        "data:",
        "<object",
        "<form",
        "<input",
        "<img",
    ):
        assert banned not in html, banned
    assert "styled" in html


def test_used_figure_keys() -> None:
    assert used_figure_keys("![[b]]\n\n```\n![[c]]\n```\n![[a]]\n") == ["b", "a"]


def test_rendering_never_scans_installed_packages() -> None:
    """Python-Markdown looks extension names up among every installed package's entry points
    (importlib.metadata: 20 ms of the first render in each process, the preview's included);
    Galley passes the extension classes. A fresh process renders a body and checks."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from app.publish.body import BodyContext, render_body\n"
        "html = render_body('| a | b |\\n|---|---|\\n| 1 | 2 |\\n\\n```\\ncode\\n```\\n\\n"
        "text[^1]\\n\\n[^1]: note',\n"
        "    BodyContext(figure_keys=set(), resolve_article=lambda r: None))\n"
        "assert '<table>' in html and '<pre>' in html and 'footnote' in html, html\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert run.stdout.strip() == "False", run.stderr
