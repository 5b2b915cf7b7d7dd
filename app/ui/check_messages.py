"""Check findings worded in the window's language. ``app.core.checks`` has no Qt, so its
messages are English; each finding also carries its code and values (``params``), and this
table words them again through the translations (context "checks")."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TEMPLATES = {
    "title-empty": QT_TRANSLATE_NOOP("checks", "The title is empty"),
    "title-long": QT_TRANSLATE_NOOP(
        "checks",
        "The title is {length} characters long (two Latin letters count as one); "
        "the house limit is {limit}",
    ),
    "dek-empty": QT_TRANSLATE_NOOP("checks", "The dek (standfirst) is empty"),
    "byline-empty": QT_TRANSLATE_NOOP("checks", "There is no byline"),
    "section-empty": QT_TRANSLATE_NOOP("checks", "There is no section"),
    "figure-caption": QT_TRANSLATE_NOOP("checks", "Figure '{key}' has no caption"),
    "figure-credit": QT_TRANSLATE_NOOP("checks", "Figure '{key}' has no photo credit"),
    "figure-alt": QT_TRANSLATE_NOOP("checks", "Figure '{key}' has no alt text"),
    "figure-unused": QT_TRANSLATE_NOOP(
        "checks", "Figure '{key}' is defined but not placed in the body"
    ),
    "figure-undefined": QT_TRANSLATE_NOOP(
        "checks", "Line {line}: figure '{key}' is placed but not defined"
    ),
    "source-date": QT_TRANSLATE_NOOP("checks", "Source {n} has no date"),
    "source-date-invalid": QT_TRANSLATE_NOOP("checks", "Source {n}: '{date}' is not a date"),
    "source-outlet": QT_TRANSLATE_NOOP("checks", "Source {n} has no outlet"),
    "source-title": QT_TRANSLATE_NOOP("checks", "Source {n} has no headline"),
    "source-url": QT_TRANSLATE_NOOP("checks", "Source {n}: '{url}' is not a web address"),
    "source-future": QT_TRANSLATE_NOOP("checks", "Source {n} is dated {date}, in the future"),
    "further-empty": QT_TRANSLATE_NOOP("checks", "Line {line}: the further-reading block is empty"),
    "link-missing": QT_TRANSLATE_NOOP("checks", "Line {line}: no article '{ref}' in the store"),
    "block-unclosed": QT_TRANSLATE_NOOP(
        "checks", "Line {line}: the block opened here is never closed with ':::'"
    ),
    "block-unknown": QT_TRANSLATE_NOOP(
        "checks", "Line {line}: unknown block '::: {kind}' (known: further-reading)"
    ),
    "block-stray": QT_TRANSLATE_NOOP("checks", "Line {line}: ':::' closes a block never opened"),
    "markdown-image": QT_TRANSLATE_NOOP(
        "checks", "Line {line}: an image in the body; place images as figures with ![[KEY]]"
    ),
    "half-width-punctuation": QT_TRANSLATE_NOOP(
        "checks",
        "Line {line}: half-width {marks} between Chinese characters ({count}×); use full-width",
    ),
    "cjk-latin-space": QT_TRANSLATE_NOOP(
        "checks", "Line {line}: house style wants a space between Chinese and Latin text ('{text}')"
    ),
    "cjk-latin-no-space": QT_TRANSLATE_NOOP(
        "checks",
        "Line {line}: house style wants no space between Chinese and Latin text ('{text}')",
    ),
    "simplified": QT_TRANSLATE_NOOP(
        "checks", "Line {line}: Simplified characters in a Traditional Chinese text: {chars}"
    ),
}


def _template_key(finding: Any) -> str:
    params = finding.params
    if finding.code == "source-date" and "date" in params:
        return "source-date-invalid"
    if finding.code == "cjk-latin-space" and params.get("space") == "no-space":
        return "cjk-latin-no-space"
    return str(finding.code)


def check_message(finding: Any) -> str:
    """The finding in the window's language; its English message when there is no template."""
    template = TEMPLATES.get(_template_key(finding))
    if template is None:
        return str(finding.message)
    try:
        return QCoreApplication.translate("checks", str(template)).format(**finding.params)
    except (KeyError, IndexError, ValueError):
        return str(finding.message)
