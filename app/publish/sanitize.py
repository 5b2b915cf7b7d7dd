"""What user-written HTML may contain, enforced by nh3 (ammonia): no scripts, no event handlers,
no style, no ``javascript:`` or ``data:`` URLs. Text fields are never HTML: templates escape them.
"""

from __future__ import annotations

import nh3

from app.core.values import web_url

__all__ = ["clean_body_html", "is_safe_url", "web_url"]

BODY_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "sub",
    "sup",
    "mark",
    "small",
    "abbr",
    "cite",
    "q",
    "blockquote",
    "code",
    "pre",
    "kbd",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "a",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "div",
    "span",
}
BODY_ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "abbr": {"title"},
    "th": {"class", "scope"},
    "td": {"class"},
    "ol": {"start"},
    "li": {"id"},
    "sup": {"id"},
    "div": {"class"},
}
ALIGN_CLASSES = {"align-left", "align-center", "align-right"}
BODY_CLASSES = {
    "th": ALIGN_CLASSES,
    "td": ALIGN_CLASSES,
    "a": {"footnote-ref", "footnote-backref"},
    "div": {"footnote"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def clean_body_html(html: str) -> str:
    """Sanitise rendered body HTML (Markdown output, raw HTML included)."""
    attributes = {tag: attrs - {"class"} for tag, attrs in BODY_ATTRIBUTES.items()}
    return nh3.clean(
        html,
        tags=BODY_TAGS,
        attributes=attributes,
        allowed_classes=BODY_CLASSES,
        url_schemes=URL_SCHEMES,
        # No rel: nh3 would add it to <a> elements whose unsafe href it removed, and rel
        # without href is invalid HTML. We never allow target, so noopener is moot.
        link_rel=None,
        strip_comments=True,
        clean_content_tags={"script", "style"},
    )


def is_safe_url(url: str) -> bool:
    return web_url(url) is not None
