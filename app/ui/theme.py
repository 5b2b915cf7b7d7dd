"""The window's colours, light and dark, in one place: the page, the cards, warnings and
banners. Every pair of text and background colour here is held to WCAG's 4.5:1 contrast
by a test (``tests/ui/test_theme.py``), so dark mode is as readable as light."""

from __future__ import annotations

from typing import Any

LIGHT = {
    "window": "#efeff2",
    "page": "#ffffff",
    "text": "#1d1d1f",
    "muted": "#54585e",
    "placeholder": "#6b6f76",
    "card": "#f4f5f8",
    "card_border": "#c9cbd3",
    "card_focus": "#1a5fb4",
    "accent": "#a4161a",
    "link": "#1a5fb4",
    "error": "#b00020",
    "error_bg": "#fde7e9",
    "warning": "#7a4a00",
    "warning_bg": "#fff4e0",
    "banner_border": "#b26a00",
    "note": "#7a4a00",
    "note_bg": "#fff1c2",
    "ins_bg": "#c8f0c8",
    "ins_text": "#0b3d0b",
    "del_bg": "#f8c8c8",
    "del_text": "#5c0b0b",
}

DARK = {
    "window": "#202124",
    "page": "#17181a",
    "text": "#e8eaed",
    "muted": "#b0b4ba",
    "placeholder": "#a8abb0",
    "card": "#26272b",
    "card_border": "#4a4c52",
    "card_focus": "#8ab4f8",
    "accent": "#ff8a80",
    "link": "#8ab4f8",
    "error": "#ff8a80",
    "error_bg": "#3b1d20",
    "warning": "#ffcc80",
    "warning_bg": "#33280f",
    "banner_border": "#b26a00",
    "note": "#ffd54f",
    "note_bg": "#3a3010",
    "ins_bg": "#1b3a1f",
    "ins_text": "#c8f5cc",
    "del_bg": "#43191c",
    "del_text": "#ffd0d0",
}

# (text, background) pairs the window draws; each must reach 4.5:1.
TEXT_ON = (
    ("text", "page"),
    ("text", "window"),
    ("text", "card"),
    ("muted", "page"),
    ("muted", "card"),
    ("muted", "window"),
    ("placeholder", "page"),
    ("placeholder", "card"),
    ("accent", "page"),
    ("accent", "card"),
    ("link", "page"),
    ("link", "card"),
    ("error", "page"),
    ("error", "card"),
    ("error", "error_bg"),
    ("error", "window"),
    ("text", "error_bg"),
    ("warning", "warning_bg"),
    ("warning", "window"),
    ("text", "warning_bg"),
    ("note", "note_bg"),
    ("ins_text", "ins_bg"),
    ("del_text", "del_bg"),
)


def is_dark() -> bool:
    """Whether the window is in its dark colours (set by ``launch.apply_color_scheme``;
    otherwise judged from the palette)."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    chosen = app.property("galleyDark")
    if isinstance(chosen, bool):
        return chosen
    return bool(app.palette().color(QPalette.ColorRole.Base).lightness() < 128)


def colors(dark: bool | None = None) -> dict[str, str]:
    return DARK if (is_dark() if dark is None else dark) else LIGHT


def color(name: str) -> Any:
    from PySide6.QtGui import QColor

    return QColor(colors()[name])


def luminance(hex_color: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio (1 to 21)."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def page_style_sheet(dark: bool) -> str:
    """The application's style sheet: the page white (or near black) like paper, cards as
    framed blocks on it, the side panel's section headers, banners and problem lines."""
    c = DARK if dark else LIGHT
    return f"""
QWidget#page, QWidget#focusPage {{ background: {c["page"]}; }}
QWidget#page QPlainTextEdit, QWidget#page QLineEdit,
QWidget#focusPage QPlainTextEdit, QWidget#focusPage QLineEdit {{
    background: {c["page"]}; color: {c["text"]}; }}
QLineEdit#pageTitle {{ border: none; padding: 4px 0; }}
QPlainTextEdit#pageDek {{ color: {c["muted"]}; }}
QFrame#card {{ background: {c["card"]}; border: 1px solid {c["card_border"]};
    border-radius: 6px; }}
QFrame#card[focused="true"] {{ border: 2px solid {c["card_focus"]}; }}
QFrame#card QLineEdit, QFrame#card QPlainTextEdit {{
    background: {c["page"]}; color: {c["text"]}; border: 1px solid {c["card_border"]};
    border-radius: 3px; padding: 2px 4px; }}
QFrame#card QLabel {{ color: {c["text"]}; background: transparent; }}
QLabel#creditShown, QLabel#figureKey, QLabel#cardHint {{ color: {c["muted"]}; }}
QLabel#cardTitle {{ color: {c["accent"]}; font-weight: 600; }}
QLabel#cardProblem, QLabel#dialogProblem {{ color: {c["error"]}; }}
QLabel#decisionBanner, QLabel#historyBanner, QLabel#hintBanner {{
    background: {c["warning_bg"]}; color: {c["text"]};
    border: 1px solid {c["banner_border"]}; padding: 6px; }}
QLabel#savedTrouble {{ color: {c["error"]}; font-weight: bold; }}
QLabel#syncTrouble {{ color: {c["warning"]}; }}
QLineEdit[problem="true"] {{ background: {c["error_bg"]}; color: {c["text"]}; }}
QToolBox#sidePanel::tab {{ background: {c["card"]}; color: {c["text"]};
    border: 1px solid {c["card_border"]}; border-radius: 3px; padding: 3px 8px; }}
QToolBox#sidePanel::tab:selected {{ font-weight: 600; border-color: {c["card_focus"]}; }}
"""


def diff_style(dark: bool | None = None) -> str:
    """The history's and the review's diff colours (inserted, deleted)."""
    c = colors(dark)
    return (
        f"ins {{ background-color: {c['ins_bg']}; color: {c['ins_text']};"
        " text-decoration: none; }"
        f" del {{ background-color: {c['del_bg']}; color: {c['del_text']}; }}"
    )
