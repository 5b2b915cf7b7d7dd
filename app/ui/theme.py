"""The window's colours, light and dark, in one place: the page, the cards, warnings and
banners. Every pair of text and background colour here is held to WCAG's 4.5:1 contrast
by a test (``tests/ui/test_theme.py``), so dark mode is as readable as light."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QProxyStyle, QStyle, QWidget

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


# The palette roles a widget's theme colours go to (``tint``).
ROLES = {
    "window": "Window",
    "window_text": "WindowText",
    "base": "Base",
    "text": "Text",
    "placeholder": "PlaceholderText",
}
TINT_KEY = "galleyTint"


def tint(widget: Any, **roles: str) -> None:
    """Give ``widget`` (and what it holds) theme colours through its palette, e.g.
    ``tint(label, window_text="error")``: keys from ``ROLES``, values names in ``LIGHT`` and
    ``DARK``. Not a style sheet: an application-wide one makes Qt restyle every widget it
    builds (~60 ms of each start). Kept on the widget, so a change to light or dark
    re-applies it (``retint``)."""
    widget.setProperty(TINT_KEY, ",".join(f"{key}={name}" for key, name in roles.items()))
    _apply_tint(widget, roles)
    if "window" in roles:
        widget.setAutoFillBackground(True)


def untint(widget: Any) -> None:
    """Back to the colours the widget inherits."""
    if widget.property(TINT_KEY):
        widget.setProperty(TINT_KEY, "")
        widget.setPalette(QPalette())


def _apply_tint(widget: Any, roles: dict[str, str]) -> None:
    chosen = colors()
    palette = QPalette()  # no role set: the rest stays inherited from the parent
    for key, name in roles.items():
        palette.setColor(getattr(QPalette.ColorRole, ROLES[key]), QColor(chosen[name]))
    widget.setPalette(palette)


def retint(app: Any) -> None:
    """Light or dark changed: every tinted widget takes the new colours."""
    for widget in app.allWidgets():
        spec = widget.property(TINT_KEY)
        if spec:
            _apply_tint(widget, dict(part.split("=", 1) for part in str(spec).split(",")))
            widget.update()


def set_bold(widget: Any, bold: bool) -> None:
    font = widget.font()
    font.setBold(bold)
    widget.setFont(font)


def control_font() -> QFont:
    """The application's own font, held against the page's reading size: a card's fields
    are controls, and the page's Ctrl+= must not make them outgrow the card."""
    font = QFont(QApplication.font())
    font.setFamilies(font.families())  # set, so neither is inherited from the page
    font.setPointSizeF(font.pointSizeF())
    return font


class SectionHeaderStyle(QProxyStyle):
    """The side panel's section headers as framed buttons (the open one outlined in the
    focus colour) instead of the style's tab outline; set on the header buttons alone, so
    nothing else is drawn through Python. The rest of a header is the window's own style."""

    def __init__(self) -> None:
        super().__init__(QApplication.style().name())

    def drawControl(self, element: Any, option: Any, painter: Any, widget: Any = None) -> None:  # noqa: N802
        if element != QStyle.ControlElement.CE_ToolBoxTabShape:
            super().drawControl(element, option, painter, widget)
            return
        chosen = colors()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(chosen["card_focus" if selected else "card_border"]))
        painter.setBrush(QColor(chosen["card"]))
        painter.drawRoundedRect(option.rect.adjusted(1, 1, -2, -2), 3, 3)
        painter.restore()


class Banner(QLabel):
    """A notice over the page: the warning ground inside its border, text at 4.5:1."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMargin(6)
        self.setWordWrap(True)
        tint(self, window_text="text")

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setPen(QColor(colors()["banner_border"]))
        painter.setBrush(QColor(colors()["warning_bg"]))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()
        super().paintEvent(event)


def diff_style(dark: bool | None = None) -> str:
    """The history's and the review's diff colours (inserted, deleted)."""
    c = colors(dark)
    return (
        f"ins {{ background-color: {c['ins_bg']}; color: {c['ins_text']};"
        " text-decoration: none; }"
        f" del {{ background-color: {c['del_bg']}; color: {c['del_text']}; }}"
    )
