"""Light and dark: every colour pair the window draws reads at WCAG's 4.5:1 or better."""

from __future__ import annotations

import pytest

from app.ui import theme
from app.ui.launch import DARK_COLORS, DARK_DISABLED


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_text_colour_reads_on_its_ground(name: str) -> None:
    colors = theme.DARK if name == "dark" else theme.LIGHT
    low = {
        (text, ground): round(theme.contrast(colors[text], colors[ground]), 2)
        for text, ground in theme.TEXT_ON
        if theme.contrast(colors[text], colors[ground]) < 4.5
    }
    assert low == {}


def test_the_dark_palette_reads_in_every_role() -> None:
    roles = dict(DARK_COLORS)
    for text, ground in (
        ("WindowText", "Window"),
        ("Text", "Base"),
        ("Text", "AlternateBase"),
        ("ButtonText", "Button"),
        ("ToolTipText", "ToolTipBase"),
        ("HighlightedText", "Highlight"),
        ("PlaceholderText", "Base"),
        ("Link", "Base"),
    ):
        assert theme.contrast(roles[text], roles[ground]) >= 4.5, (text, ground)
    for _role, colour in DARK_DISABLED:  # a read-only store is read, not hidden
        assert theme.contrast(colour, roles["Window"]) >= 4.5


@pytest.mark.parametrize("dark", [False, True])
def test_the_highlighted_markdown_reads_on_the_page(qapp, dark: bool) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument

    from app.ui.body_editor import MarkdownHighlighter

    page = (theme.DARK if dark else theme.LIGHT)["page"]
    highlighter = MarkdownHighlighter(QTextDocument(), dark=dark)
    for name, fmt in highlighter.formats.items():
        ground = (
            fmt.background().color().name()
            if fmt.background().style() != Qt.BrushStyle.NoBrush
            else page
        )
        colour = fmt.foreground().color().name()
        assert theme.contrast(colour, ground) >= 4.5, name


def test_contrast_is_wcag_s() -> None:
    assert round(theme.contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(theme.contrast("#777777", "#ffffff"), 2) == 4.48
