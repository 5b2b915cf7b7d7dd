"""The cards in the canvas: a figure (its image, then caption, credit shown as the page shows
it, alt text) and a further-reading block (its links, and a search over the store to add
one). Each card is a widget of its own, handed the editor context; ``CardLayer`` keeps them
over the room the canvas made for them, creating and dropping cards as the body changes.

A card's fields change the article's figure (the working copy); moving and removing a card
are edits of its lines in the body, so Ctrl+Z brings them back. A figure whose line leaves
the body waits on a shelf for the rest of the session: when its line comes back (undo, a
drag), so does its caption, credit and alt text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDrag, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.model import Figure
from app.ui.canvas import (
    CARD_MIME,
    FIGURE_CARD_HEIGHT,
    Canvas,
    CardSpot,
    further_reading_height,
)
from app.ui.theme import colors, control_font, set_bold, tint

if TYPE_CHECKING:
    from PySide6.QtGui import QMouseEvent, QPaintEvent, QShowEvent

    from app.ui.context import EditorContext

THUMB = QSize(200, 150)
_LINK = re.compile(r"^\s*[-*]\s*\[(?P<title>[^\]]*)\]\((?P<target>[^)\s]+)\)\s*$")


class CardFrame(QFrame):
    """What every card shares: a frame, a drag handle, move up and down, remove."""

    move_requested = Signal(int)
    remove_requested = Signal()

    def __init__(self, canvas: Canvas, parent: QWidget | None = None) -> None:
        super().__init__(parent or canvas.viewport())
        self.canvas = canvas
        self.spot: CardSpot | None = None
        self.setObjectName("card")
        # A framed block on the page, drawn in paintEvent; its fields on the page's ground.
        tint(self, window_text="text", base="page", text="text")
        self.setFont(control_font())
        self.handle = QLabel("⠿")
        self.handle.setToolTip(self.tr("Drag to move"))
        self.handle.setCursor(Qt.CursorShape.OpenHandCursor)
        self.handle.mousePressEvent = self._start_drag  # type: ignore[method-assign]
        self.up = self._tool("↑", self.tr("Move up (Alt+Up)"), lambda: self.move_requested.emit(-1))
        self.down = self._tool(
            "↓", self.tr("Move down (Alt+Down)"), lambda: self.move_requested.emit(1)
        )
        self.remove = self._tool(
            "✕", self.tr("Remove (Ctrl+Z brings it back)"), self.remove_requested.emit
        )
        for key, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.move_requested.emit(s))
        gone = QShortcut(QKeySequence("Ctrl+Shift+Backspace"), self)
        gone.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        gone.activated.connect(self.remove_requested.emit)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        from PySide6.QtGui import QColor, QPainter

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(colors()["card_border"]))
        painter.setBrush(QColor(colors()["card"]))
        painter.drawRoundedRect(self.rect().adjusted(0, 0, -1, -1), 6, 6)
        painter.end()

    def _tool(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def tools(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.handle, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.up)
        column.addWidget(self.down)
        column.addStretch(1)
        column.addWidget(self.remove)
        return column

    def _start_drag(self, _event: QMouseEvent) -> None:
        if self.spot is None:
            return
        mime = QMimeData()
        mime.setData(CARD_MIME, QByteArray(str(self.spot.first).encode()))
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(self.grab().scaledToWidth(240))
        drag.exec(Qt.DropAction.MoveAction)


class FocusImage(QLabel):
    """The figure's thumbnail; a click marks the point the web crops keep (the face, the
    sign), a double click puts it back in the centre."""

    focus_chosen = Signal(str)  # "x,y" as fractions of width and height, or "" (centre)

    def __init__(self) -> None:
        super().__init__()
        self.point: tuple[float, float] | None = None
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Click the point the crops must keep; double-click for the centre"))

    def _picture(self) -> QRect:
        pixmap = self.pixmap()
        if pixmap is None or pixmap.isNull():
            return QRect()
        size = pixmap.deviceIndependentSize().toSize()
        rect = QRect(QPoint(0, 0), size)
        rect.moveCenter(self.rect().center())
        return rect

    def set_point(self, focus: str) -> None:
        from app.core.values import focal_point

        # The centre (no point chosen) is not marked: the mark says a choice was made.
        self.point = focal_point(focus) if focus.strip() else None
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        picture = self._picture()
        pos = event.position().toPoint()
        if picture.isEmpty() or not picture.contains(pos):
            return
        x = (pos.x() - picture.left()) / max(1, picture.width())
        y = (pos.y() - picture.top()) / max(1, picture.height())
        self.focus_chosen.emit(f"{round(x, 2):g},{round(y, 2):g}")

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.focus_chosen.emit("")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        picture = self._picture()
        if self.point is None or picture.isEmpty():
            return
        from PySide6.QtGui import QColor, QPainter, QPen

        x = picture.left() + round(self.point[0] * picture.width())
        y = picture.top() + round(self.point[1] * picture.height())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for colour, width in (("#000000", 4), ("#ffffff", 2)):  # seen on light and dark
            painter.setPen(QPen(QColor(colour), width))
            painter.drawEllipse(QPoint(x, y), 9, 9)
            painter.drawLine(x - 14, y, x - 5, y)
            painter.drawLine(x + 5, y, x + 14, y)
            painter.drawLine(x, y - 14, x, y - 5)
            painter.drawLine(x, y + 5, x, y + 14)


class FigureCard(CardFrame):
    """A figure where it stands in the text: the image, then caption, credit (the page
    shows it as ``(圖/…)``) and alt text, each edited in place."""

    def __init__(self, ctx: EditorContext, canvas: Canvas, key: str) -> None:
        super().__init__(canvas)
        self.ctx = ctx
        self.key = key
        self.image = FocusImage()
        self.image.setFixedSize(THUMB)
        self.image.focus_chosen.connect(self._focus_chosen)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(self.tr("Figure image"))
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(self.tr("Caption: what the photo shows"))
        self.caption.setAccessibleName(self.tr("Caption"))
        self.credit = QLineEdit()
        self.credit.setPlaceholderText(self.tr("Credit: who took or supplied it"))
        self.credit.setAccessibleName(self.tr("Photo credit"))
        self.alt = QLineEdit()
        self.alt.setPlaceholderText(self.tr("Alt text, for readers who cannot see it"))
        self.alt.setAccessibleName(self.tr("Alt text"))
        self.shown = QLabel()  # the credit as the page shows it: (圖/中國外交部)
        self.shown.setObjectName("creditShown")
        tint(self.shown, window_text="muted")
        self.name = QLabel()
        self.name.setObjectName("figureKey")
        tint(self.name, window_text="muted")
        self.problem = QLabel()
        self.problem.setObjectName("cardProblem")
        tint(self.problem, window_text="error")
        form = QGridLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(4)
        form.addWidget(self.caption, 0, 0, 1, 2)
        form.addWidget(self.credit, 1, 0)
        form.addWidget(self.shown, 1, 1)
        form.addWidget(self.alt, 2, 0, 1, 2)
        form.addWidget(self.name, 3, 0)
        form.addWidget(self.problem, 3, 1, Qt.AlignmentFlag.AlignRight)
        form.setColumnStretch(0, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 6, 6, 6)
        row.addWidget(self.image)
        row.addLayout(form, 1)
        row.addLayout(self.tools())
        self.setFixedHeight(FIGURE_CARD_HEIGHT)
        for field, name in ((self.caption, "caption"), (self.credit, "credit"), (self.alt, "alt")):
            field.textEdited.connect(lambda text, n=name: self._edited(n, text))
        self._image_sha = ""
        self._thumbs: ThumbnailCache | None = None
        self._wanted = False  # its thumbnail asked for (only once the card is in view)

    def figure(self) -> Figure | None:
        article = self.ctx.article
        if article is None:
            return None
        return next((f for f in article.figures if f.key == self.key), None)

    def show_figure(self, thumbs: ThumbnailCache) -> None:
        figure = self.figure()
        self.name.setText(self.tr("Figure: {key}").format(key=self.key))
        if figure is None:
            self.image.setText(self.tr("No image named “{key}”").format(key=self.key))
            self.problem.setText(self.tr("Insert ▸ Figure adds one"))
            for field in (self.caption, self.credit, self.alt):
                field.setEnabled(False)
            return
        for field, value in (
            (self.caption, figure.caption),
            (self.credit, figure.credit),
            (self.alt, figure.alt),
        ):
            field.setEnabled(True)
            if field.text() != value:
                field.setText(value)
        self.image.set_point(figure.focus)
        if figure.image != self._image_sha:
            self._image_sha = figure.image
            self._thumbs = thumbs
            self._wanted = False
            self.image.setText(self.tr("Loading…"))
            if self.isVisible():
                self._want_thumbnail()
        self._flag(figure)

    def _want_thumbnail(self) -> None:
        if not self._wanted and self._thumbs is not None and self._image_sha:
            self._wanted = True
            self._thumbs.request(self._image_sha, self._thumb_ready)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # Only cards in view decode their photo: twenty photos are not read to open a text.
        self._want_thumbnail()

    def _thumb_ready(self, sha: str, pixmap: QPixmap) -> None:
        from shiboken6 import isValid

        # The card may be gone by the time its image is decoded (another article opened).
        if sha == self._image_sha and isValid(self.image):
            self.image.setPixmap(pixmap)

    def _flag(self, figure: Figure) -> None:
        self.shown.setText(f"(圖/{figure.credit.strip()})" if figure.credit.strip() else "")
        # Who took it and whose it is, as the photo said: kept in the exported renditions.
        about = [self.tr("Figure: {key}").format(key=self.key)]
        if figure.creator:
            about.append(self.tr("photo: {who}").format(who=figure.creator))
        if figure.copyright:
            about.append(figure.copyright)
        self.name.setText(" · ".join(about))
        self.name.setToolTip("\n".join(about))
        missing = [
            label
            for label, value in (
                (self.tr("credit"), figure.credit),
                (self.tr("alt text"), figure.alt),
            )
            if not value.strip()
        ]
        self.problem.setText(
            self.tr("Missing: {what}").format(what=", ".join(missing)) if missing else ""
        )

    def _edited(self, name: str, text: str) -> None:
        figure = self.figure()
        if figure is None:
            return
        setattr(figure, name, text)
        self._flag(figure)
        self.ctx.touch()

    def _focus_chosen(self, focus: str) -> None:
        figure = self.figure()
        if figure is None or figure.focus == focus:
            return
        figure.focus = focus
        self.image.set_point(focus)
        self.ctx.touch()

    def focus_caption(self) -> None:
        self.caption.setFocus()


class FurtherReadingCard(CardFrame):
    """Further reading (延伸閱讀): the block's links, and a search over the store to add one;
    choosing an article writes its ``[title](article:slug)`` line into the block."""

    def __init__(self, ctx: EditorContext, canvas: Canvas) -> None:
        super().__init__(canvas)
        self.ctx = ctx
        self.title = QLabel(self.tr("Further reading"))
        self.title.setObjectName("cardTitle")
        tint(self.title, window_text="accent")
        set_bold(self.title, True)
        self.links = QListWidget()
        self.links.setFrameShape(QFrame.Shape.NoFrame)
        self.links.setAccessibleName(self.tr("Further reading links"))
        self.links.setUniformItemSizes(True)
        self.links.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Add: search the archive by title or words…"))
        self.search.setAccessibleName(self.tr("Find an article to add"))
        self.completer = QCompleter([], self.search)
        # The store's search chose the articles: the popup shows them all, unfiltered.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.activated.connect(self._chosen)
        self.search.setCompleter(self.completer)
        self._choices: dict[str, tuple[str, str]] = {}  # shown text -> (slug, title)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textEdited.connect(lambda _t: self._search_timer.start())
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.title)
        column.addWidget(self.links, 1)
        column.addWidget(self.search)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 6, 4)
        row.addLayout(column, 1)
        row.addLayout(self.tools())
        self.links.itemActivated.connect(self._remove_link)

    def show_links(self, spot: CardSpot) -> None:
        self.spot = spot
        self.links.clear()
        for line in spot.links:
            m = _LINK.match(line)
            text = m.group("title") if m else line
            item = QListWidgetItem(f"· {text}")
            item.setToolTip(
                self.tr("{target} (Enter or double-click removes it)").format(
                    target=m.group("target") if m else line
                )
            )
            self.links.addItem(item)
        self.setFixedHeight(further_reading_height(len(spot.links)))

    def _run_search(self) -> None:
        from app.core.errors import GalleyError

        text = self.search.text().strip()
        if len(text) < 1:
            return
        try:
            hits = self.ctx.store.search(text, limit=8)
        except GalleyError:
            hits = []
        current = self.ctx.article.id if self.ctx.article else ""
        self._choices = {}
        for hit in hits:
            if hit.id == current:
                continue
            shown = f"{hit.title}  ({hit.updated[:10]})"
            self._choices[shown] = (hit.slug, hit.title)
        self.completer.model().setStringList(list(self._choices))  # type: ignore[attr-defined]
        self.completer.complete()

    def _chosen(self, shown: str) -> None:
        choice = self._choices.get(shown)
        if choice is None or self.spot is None:
            return
        slug, title = choice
        self.search.clear()
        document = self.canvas.document()
        closing = document.findBlockByNumber(self.spot.last)
        from PySide6.QtGui import QTextCursor

        cursor = QTextCursor(closing)
        cursor.beginEditBlock()
        cursor.insertText(f"- [{title}](article:{slug})\n")
        cursor.endEditBlock()
        self.canvas.rescan()

    def _remove_link(self, item: QListWidgetItem) -> None:
        if self.spot is None:
            return
        row = self.links.row(item)
        block = self.canvas.document().findBlockByNumber(self.spot.first + 1 + row)
        from PySide6.QtGui import QTextCursor

        cursor = QTextCursor(block)  # the link's line and its newline: one undo step
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        cursor.endEditBlock()
        self.canvas.rescan()


class ThumbnailCache:
    """Figure thumbnails by image hash, decoded on a thread (a photo costs ~20 ms to read at
    full size, 2 ms at thumbnail size; twenty of them would hold an article's opening)."""

    def __init__(self, ctx: EditorContext) -> None:
        self.ctx = ctx
        self._done: dict[str, QPixmap] = {}
        self._waiting: dict[str, list[object]] = {}

    def request(self, sha: str, ready: object) -> None:
        if sha in self._done:
            ready(sha, self._done[sha])  # type: ignore[operator]
            return
        if sha in self._waiting:
            self._waiting[sha].append(ready)
            return
        self._waiting[sha] = [ready]
        from app.ui.thumbnails import decode_later

        decode_later(self.ctx.store.path, sha, THUMB, self._decoded)

    def _decoded(self, sha: str, pixmap: QPixmap) -> None:
        self._done[sha] = pixmap
        for ready in self._waiting.pop(sha, []):
            ready(sha, pixmap)  # type: ignore[operator]


class CardLayer:
    """Keeps one card widget over each card's room in the canvas, and the figures of the
    working copy in step with the figure lines of its body (a figure whose line is gone
    waits on the shelf until it comes back)."""

    def __init__(self, ctx: EditorContext, canvas: Canvas) -> None:
        self.ctx = ctx
        self.canvas = canvas
        self.thumbs = ThumbnailCache(ctx)
        self.figures: dict[str, FigureCard] = {}
        self.further: list[FurtherReadingCard] = []
        self.shelf: dict[str, Figure] = {}
        canvas.updateRequest.connect(lambda _rect, _dy: self.place())
        canvas.document().contentsChanged.connect(self._soon)
        self._timer = QTimer(canvas)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)

    def _soon(self) -> None:
        self._timer.start()

    def flush(self) -> None:
        """A refresh still waiting for the event loop, done now (before a save)."""
        if self._timer.isActive():
            self._timer.stop()
            self.refresh()

    def clear(self) -> None:
        for card in [*self.figures.values(), *self.further]:
            card.hide()
            card.deleteLater()
        self.figures.clear()
        self.further.clear()
        self.shelf.clear()

    def refresh(self) -> None:
        """Cards for the body as it is now; figures shelved and brought back with their
        lines."""
        self.canvas.rescan()
        spots = self.canvas.spots
        keys = [s.key for s in spots if s.kind == "figure"]
        self._keep_figures_in_step(keys)
        for key in list(self.figures):
            if key not in keys:
                gone = self.figures.pop(key)
                gone.hide()
                gone.deleteLater()
        further = [s for s in spots if s.kind == "further"]
        while len(self.further) > len(further):
            extra = self.further.pop()
            extra.hide()
            extra.deleteLater()
        for spot in spots:
            if spot.kind == "figure":
                card = self.figures.get(spot.key) or self._figure_card(spot.key)
                self.figures[spot.key] = card
                card.spot = spot
                card.show_figure(self.thumbs)
        for n, spot in enumerate(further):
            if n == len(self.further):
                self.further.append(self._further_card())
            self.further[n].show_links(spot)
        self.place()

    def _keep_figures_in_step(self, keys: list[str]) -> None:
        article = self.ctx.article
        if article is None:
            return
        placed = set(keys)
        for figure in list(article.figures):
            if figure.key not in placed:
                article.figures.remove(figure)
                self.shelf[figure.key] = figure
        known = {f.key for f in article.figures}
        for key in keys:
            if key not in known and key in self.shelf:
                article.figures.append(self.shelf.pop(key))
                known.add(key)
        order = {key: n for n, key in enumerate(keys)}
        article.figures.sort(key=lambda f: order.get(f.key, len(order)))

    def _figure_card(self, key: str) -> FigureCard:
        card = FigureCard(self.ctx, self.canvas, key)
        card.move_requested.connect(lambda step, c=card: self._move(c, step))
        card.remove_requested.connect(lambda c=card: self._remove(c))
        return card

    def _further_card(self) -> FurtherReadingCard:
        card = FurtherReadingCard(self.ctx, self.canvas)
        card.move_requested.connect(lambda step, c=card: self._move(c, step))
        card.remove_requested.connect(lambda c=card: self._remove(c))
        return card

    def _move(self, card: CardFrame, step: int) -> None:
        if card.spot is not None and self.canvas.move_card(card.spot, step):
            self.refresh()
            card.setFocus()

    def _remove(self, card: CardFrame) -> None:
        if card.spot is not None:
            self.canvas.remove_card(card.spot)
            self.refresh()  # the figure leaves the working copy now, not a turn later
            self.canvas.setFocus()

    def place(self) -> None:
        """Each card over its room; cards out of view hidden (twenty cards cost nothing
        while scrolling)."""
        viewport = self.canvas.viewport().rect()
        cards: list[CardFrame] = [*self.figures.values(), *self.further]
        for card in cards:
            if card.spot is None:
                continue
            rect = self.canvas.card_rect(card.spot)
            if rect.intersects(viewport):
                card.setGeometry(rect.x(), rect.y(), rect.width(), card.height())
                if not card.isVisible():
                    card.show()
            elif card.isVisible():
                card.hide()

    def card_for_key(self, key: str) -> FigureCard | None:
        return self.figures.get(key)
