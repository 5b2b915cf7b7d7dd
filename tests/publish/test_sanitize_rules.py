"""What the body sanitiser keeps, exactly (found by mutation testing: docs/testing.md). nh3's
own defaults allow ftp:, tel: and twenty other link schemes; Galley allows three."""

from __future__ import annotations

from app.publish.sanitize import clean_body_html, is_safe_url


def test_links_keep_only_web_and_mail_addresses_and_get_no_rel() -> None:
    html = (
        '<a href="ftp://example.org/x">f</a><a href="tel:123">t</a><a href="sms:1">s</a>'
        '<a href="javascript:alert(1)">j</a><a href="data:text/html,x">d</a>'
        '<a href="https://example.org">h</a><a href="http://example.org">p</a>'
        '<a href="mailto:a@example.org">m</a>'
    )
    assert clean_body_html(html) == (
        "<a>f</a><a>t</a><a>s</a><a>j</a><a>d</a>"
        '<a href="https://example.org">h</a><a href="http://example.org">p</a>'
        '<a href="mailto:a@example.org">m</a>'
    )


def test_scripts_styles_and_comments_go_with_their_content() -> None:
    assert clean_body_html("<p>a<!-- note --></p><script>x()</script><style>p{}</style>") == (
        "<p>a</p>"
    )


def test_only_the_listed_attributes_and_classes_stay() -> None:
    html = (
        '<p class="x" onclick="a()" style="color:red">p</p><div class="footnote evil">d</div>'
        '<a class="footnote-ref big" href="#fn1" title="t" target="_blank">1</a>'
        '<ol start="3" type="a"><li id="fn1">x</li></ol><sup id="r1">1</sup>'
        '<img src="x.png"><iframe src="https://example.org"></iframe><abbr title="T">A</abbr>'
        '<table><tr><th class="align-left wide" scope="col">t</th>'
        '<td class="align-right">c</td></tr></table>'
    )
    assert clean_body_html(html) == (
        '<p>p</p><div class="footnote">d</div>'
        '<a class="footnote-ref" href="#fn1" title="t">1</a>'
        '<ol start="3"><li id="fn1">x</li></ol><sup id="r1">1</sup><abbr title="T">A</abbr>'
        '<table><tbody><tr><th class="align-left" scope="col">t</th>'
        '<td class="align-right">c</td></tr></tbody></table>'
    )


def test_a_safe_url_is_a_web_address() -> None:
    assert is_safe_url("https://example.org")
    assert not any(is_safe_url(u) for u in ("javascript:alert(1)", "ftp://example.org", ""))
