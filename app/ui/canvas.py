"""The canvas: the article's body as the page, with its figures and further-reading blocks shown
as cards where they stand in the text.

The body stays one Markdown document in a ``QPlainTextEdit`` (fast on long text, one undo
history, find, selection, Chinese input methods untouched). A card's own lines
(``![[key]]``, ``::: further-reading`` … ``:::``) stay in that document: the highlighter draws
them invisibly at the height their card needs, and the card, a real widget, lies over that
space. So the Markdown is byte for byte what was typed, copying a range with a figure gives
its Markdown, moving or deleting a card is an edit of those lines (one undo step), and undo
brings a deleted card back. The caret steps over a card's lines as over one character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QWidget

from app.core.body_syntax import BLOCK_CLOSE, BLOCK_OPEN, CODE_FENCE, FIGURE_LINE
from app.ui.body_editor import BodyEdit, MarkdownHighlighter, utf16

if TYPE_CHECKING:
    from PySide6.QtGui import (
        QContextMenuEvent,
        QDragEnterEvent,
        QDragMoveEvent,
        QDropEvent,
        QKeyEvent,
    )

CARD_MIME = "application/x-galley-card"
FIGURE_CARD_HEIGHT = 176
CARD_GAP = 6  # space kept above and below a card inside its reserved line
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
_INSIDE_BLOCK, _INSIDE_CODE = 1, 2


def further_reading_height(items: int) -> int:
    """The height of a further-reading card with ``items`` links (the card lays itself out
    to exactly this: header, one row a link, the search field)."""
    return 34 + 26 * max(items, 0) + 40


@dataclass(frozen=True)
class CardSpot:
    """Where a card lies in the body: its kind ("figure" or "further"), its first and last
    block numbers, and the figure key (figures) or the links' lines (further reading)."""

    kind: str
    first: int
    last: int
    key: str = ""
    links: tuple[str, ...] = ()


def card_spots(document: QTextDocument) -> list[CardSpot]:
    """Every card of the body, in order (code fences skipped; an unclosed or unknown block
    is no card: its lines stay visible, marked with what is wrong)."""
    spots: list[CardSpot] = []
    block = document.begin()
    fence = ""
    while block.isValid():
        text = block.text()
        marker = CODE_FENCE.match(text.strip())
        if fence:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = ""
        elif marker:
            fence = marker.group(1)
        elif m := FIGURE_LINE.match(text):
            n = block.blockNumber()
            spots.append(CardSpot("figure", n, n, key=m.group(1).strip()))
        elif (m := BLOCK_OPEN.match(text)) and m.group(1) == "further-reading":
            links: list[str] = []
            inner = block.next()
            while inner.isValid() and not BLOCK_CLOSE.match(inner.text()):
                if BLOCK_OPEN.match(inner.text()) or FIGURE_LINE.match(inner.text()):
                    break
                links.append(inner.text())
                inner = inner.next()
            if inner.isValid() and BLOCK_CLOSE.match(inner.text()):
                spots.append(
                    CardSpot(
                        "further", block.blockNumber(), inner.blockNumber(), links=tuple(links)
                    )
                )
                block = inner
        block = block.next()
    return spots


class CardHighlighter(MarkdownHighlighter):
    """Markdown highlighting, and room for the cards: a card's first line is drawn
    invisibly in a font as tall as its card, its other lines invisibly at a pixel's height
    (the font is squeezed to nothing sideways, so the line never wraps)."""

    def __init__(self, document: QTextDocument, *, dark: bool, base_font: QFont) -> None:
        super().__init__(document, dark=dark)
        self.base_font = base_font
        self._ratio = 0.0

    def _room(self, height: int) -> QTextCharFormat:
        if not self._ratio:
            probe = QFont(self.base_font)
            probe.setPixelSize(100)
            self._ratio = QFontMetricsF(probe).height() / 100
        font = QFont(self.base_font)
        font.setPixelSize(max(1, round(height / self._ratio)))
        font.setStretch(1)
        fmt = QTextCharFormat()
        fmt.setFont(font)
        fmt.setForeground(QColor(0, 0, 0, 0))
        return fmt

    def _hide(self, text: str, height: int) -> None:
        self.setFormat(0, max(1, utf16(text, len(text))), self._room(height))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        previous = max(self.previousBlockState(), 0)
        marker = CODE_FENCE.match(text.strip())
        if previous == _INSIDE_CODE:
            self.setCurrentBlockState(0 if marker else _INSIDE_CODE)
            return
        if marker:
            self.setCurrentBlockState(_INSIDE_CODE)
            return
        if previous == _INSIDE_BLOCK:
            self.setCurrentBlockState(0 if BLOCK_CLOSE.match(text) else _INSIDE_BLOCK)
            self._hide(text, 1)
            return
        self.setCurrentBlockState(0)
        if FIGURE_LINE.match(text):
            self._hide(text, FIGURE_CARD_HEIGHT + 2 * CARD_GAP)
            return
        m = BLOCK_OPEN.match(text)
        if m and m.group(1) == "further-reading":
            links = self._closed_block_links()
            if links is not None:
                self.setCurrentBlockState(_INSIDE_BLOCK)
                self._hide(text, further_reading_height(links) + 2 * CARD_GAP)
                return
        super().highlightBlock(text)

    def _closed_block_links(self) -> int | None:
        """The number of lines inside the block this line opens, or None when it is never
        closed (then it is shown as typed, with its problem marked)."""
        count = 0
        inner = self.currentBlock().next()
        while inner.isValid():
            line = inner.text()
            if BLOCK_CLOSE.match(line):
                return count
            if BLOCK_OPEN.match(line) or FIGURE_LINE.match(line):
                return None
            count += 1
            inner = inner.next()
        return None


class Canvas(BodyEdit):
    """The body with its cards. ``cards`` (a ``CardLayer``) keeps the card widgets over the
    room the highlighter made; the canvas keeps the caret out of a card's lines and moves
    or removes a card's lines as one edit."""

    images_dropped = Signal(list, int)  # local image paths, and the body position to put them
    word_added = Signal(str)  # "add to the desk's words" chosen for a misspelled word
    image_pasted = Signal(object, int)  # a QImage, and the body position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.highlighter.setDocument(None)  # the plain highlighter gives way to the cards'
        dark = self.palette().base().color().lightness() < 128
        self.cards_highlighter = CardHighlighter(self.document(), dark=dark, base_font=self.font())
        self.highlighter = self.cards_highlighter
        self.setTabChangesFocus(True)  # Tab moves on: list, canvas, side panel
        self.setAcceptDrops(True)
        self.spots: list[CardSpot] = []
        self._last_position = 0
        self._stepping = False
        self.cursorPositionChanged.connect(self._step_over_cards)
        self._rescan = QTimer(self)
        self._rescan.setSingleShot(True)
        self._rescan.setInterval(0)
        self._rescan.timeout.connect(self.rescan)
        self.document().contentsChanged.connect(self._rescan.start)

    def set_text_font(self, font: QFont) -> None:
        """The body's type; the room kept for cards is measured again in it."""
        self.setFont(font)
        self.cards_highlighter.base_font = font
        self.cards_highlighter._ratio = 0.0  # noqa: SLF001 - its own cache, reset
        self.cards_highlighter.rehighlight()

    # -- spelling -----------------------------------------------------------------------------
    def spelling_actions(self, pos: QPoint, menu: QMenu) -> list[QAction]:
        """For a misspelled English word at ``pos``: its suggestions (each replaces it, one
        undo step) and "add to the desk's words"."""
        speller = self.cards_highlighter.speller
        if speller is None:
            return []
        cursor = self.cursorForPosition(pos)
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        word = cursor.selectedText()
        if not re.fullmatch(r"[A-Za-z][A-Za-z'\u2019-]*", word) or speller.is_correct(word):
            return []
        found: list[QAction] = []
        for suggestion in speller.suggestions(word):
            action = QAction(suggestion, menu)
            font = action.font()
            font.setBold(True)
            action.setFont(font)

            def replace(_c: bool = False, s: str = suggestion, at: QTextCursor = cursor) -> None:
                at.beginEditBlock()
                at.insertText(s)
                at.endEditBlock()

            action.triggered.connect(replace)
            found.append(action)
        if not found:
            none = QAction(self.tr("No suggestions"), menu)
            none.setEnabled(False)
            found.append(none)
        add = QAction(self.tr("Add “{word}” to the desk's words").format(word=word), menu)
        add.triggered.connect(lambda _c=False, w=word: self.word_added.emit(w))
        found.append(add)
        return found

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.createStandardContextMenu(event.pos())
        actions = self.spelling_actions(event.pos(), menu)
        if actions:
            first = menu.actions()[0] if menu.actions() else None
            for action in actions:
                menu.insertAction(first, action)  # type: ignore[arg-type]
            menu.insertSeparator(first)  # type: ignore[arg-type]
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- where the cards are --------------------------------------------------------------
    def rescan(self) -> None:
        self.spots = card_spots(self.document())

    def spot_at_block(self, number: int) -> CardSpot | None:
        for spot in self.spots:
            if spot.first <= number <= spot.last:
                return spot
        return None

    def card_rect(self, spot: CardSpot) -> QRect:
        """The room of ``spot`` in the viewport's coordinates."""
        first = self.document().findBlockByNumber(spot.first)
        last = self.document().findBlockByNumber(spot.last)
        offset = self.contentOffset()
        top = self.blockBoundingGeometry(first).translated(offset).top()
        bottom = self.blockBoundingGeometry(last).translated(offset).bottom()
        margin = 8
        return QRect(
            margin,
            round(top) + CARD_GAP,
            max(120, self.viewport().width() - 2 * margin),
            max(20, round(bottom - top) - 2 * CARD_GAP),
        )

    # -- the caret steps over a card ---------------------------------------------------------
    def _step_over_cards(self) -> None:
        if self._stepping:
            return
        cursor = self.textCursor()
        spot = self.spot_at_block(cursor.blockNumber())
        position = cursor.position()
        if spot is not None:
            document = self.document()
            forward = position >= self._last_position
            if forward:
                after = document.findBlockByNumber(spot.last).next()
                target = after.position() if after.isValid() else None
            else:
                before = document.findBlockByNumber(spot.first).previous()
                target = before.position() + before.length() - 1 if before.isValid() else None
            if target is None:  # a card at the very end or start: stand just past it
                edge = document.findBlockByNumber(spot.last if forward else spot.first)
                target = edge.position() + (edge.length() - 1 if forward else 0)
            self._stepping = True
            moved = QTextCursor(cursor)
            moved.setPosition(
                target,
                QTextCursor.MoveMode.KeepAnchor
                if cursor.hasSelection()
                else QTextCursor.MoveMode.MoveAnchor,
            )
            self.setTextCursor(moved)
            self._stepping = False
            position = moved.position()
        self._last_position = position

    # -- moving and removing a card: edits of its lines ---------------------------------------
    def _lines(self, spot: CardSpot) -> tuple[int, int]:
        """The document range of a card's lines with the newline after them (or before them,
        for a card on the last line)."""
        document = self.document()
        first = document.findBlockByNumber(spot.first)
        last = document.findBlockByNumber(spot.last)
        start, end = first.position(), last.position() + last.length()
        if end > document.characterCount() - 1:  # the last line: take the newline before it
            end = document.characterCount() - 1
            start = max(0, start - 1)
        return start, end

    def remove_card(self, spot: CardSpot) -> None:
        """Delete a card's lines, with the blank line that separated it: one undo step."""
        document = self.document()
        start, end = self._lines(spot)
        after = document.findBlockByNumber(spot.last).next()
        if after.isValid() and not after.text().strip() and after.next().isValid():
            end = after.position() + after.length()
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        cursor.endEditBlock()
        self.rescan()

    def move_card(self, spot: CardSpot, step: int) -> bool:
        """Move a card past the paragraph above (-1) or below (+1): one undo step. Returns
        False at the top or bottom of the body."""
        document = self.document()
        paragraphs = _paragraph_ranges(document)
        index = next((i for i, (a, _b) in enumerate(paragraphs) if a == spot.first), None)
        if index is None:
            return False
        other = index + step
        if not 0 <= other < len(paragraphs):
            return False
        a, b = paragraphs[min(index, other)], paragraphs[max(index, other)]
        first = document.findBlockByNumber(a[0])
        last = document.findBlockByNumber(b[1])
        cursor = QTextCursor(document)
        cursor.setPosition(first.position())
        cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        text = cursor.selection().toPlainText()
        lines = text.split("\n")
        upper = lines[: a[1] - a[0] + 1]
        lower = lines[b[0] - a[0] :]
        middle = lines[a[1] - a[0] + 1 : b[0] - a[0]]
        swapped = "\n".join(lower + middle + upper)
        cursor.beginEditBlock()
        cursor.insertText(swapped)
        cursor.endEditBlock()
        self.rescan()
        return True

    def insert_block(self, text: str, position: int | None = None) -> int:
        """Put ``text`` (a figure line or a further-reading block) in the body as its own
        paragraph at ``position`` (the caret's by default), with a blank line around it;
        one undo step. Returns the block number of its first line."""
        cursor = self.textCursor()
        if position is not None:
            cursor.setPosition(position)
        cursor.clearSelection()
        cursor.beginEditBlock()
        first = _insert_paragraph(cursor, text)
        cursor.endEditBlock()
        self.rescan()
        return first

    # -- images dropped or pasted, cards dragged ----------------------------------------------
    def _image_files(self, mime: QMimeData) -> list[str]:
        from pathlib import Path

        if not mime.hasUrls():
            return []
        return [
            u.toLocalFile()
            for u in mime.urls()
            if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES
        ]

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt override
        return source.hasImage() or bool(self._image_files(source)) or (
            super().canInsertFromMimeData(source)
        )  # fmt: skip

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        files = self._image_files(source)
        position = self.textCursor().position()
        if files:
            self.images_dropped.emit(files, position)
        elif source.hasImage() and not source.hasText():
            self.image_pasted.emit(source.imageData(), position)
        else:
            super().insertFromMimeData(source)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasFormat(CARD_MIME) or self._image_files(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasFormat(CARD_MIME) or self._image_files(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        mime = event.mimeData()
        at = self.cursorForPosition(event.position().toPoint()).position()
        if mime.hasFormat(CARD_MIME):
            first = int(bytes(mime.data(CARD_MIME).data()).decode())
            spot = next((s for s in self.spots if s.first == first), None)
            if spot is not None:
                self.move_card_to(spot, at)
            event.acceptProposedAction()
            return
        files = self._image_files(mime)
        if files:
            self.images_dropped.emit(files, at)
            event.acceptProposedAction()
            return
        super().dropEvent(event)

    def move_card_to(self, spot: CardSpot, position: int) -> None:
        """A card dragged to ``position``: its lines cut and put there, one undo step."""
        document = self.document()
        start, end = self._lines(spot)
        if start <= position <= end:
            return
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        text = cursor.selection().toPlainText().strip("\n")
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        if position > end:
            position -= end - start
        cursor.setPosition(min(position, document.characterCount() - 1))
        _insert_paragraph(cursor, text)
        cursor.endEditBlock()
        self.rescan()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Backspace at the start of a paragraph after a card, or Delete at the end of one
        before it, selects the card's lines first; the next key press deletes them."""
        key = event.key()
        cursor = self.textCursor()
        if not cursor.hasSelection() and key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            block = cursor.block()
            near = None
            if key == Qt.Key.Key_Backspace and cursor.positionInBlock() == 0:
                near = self.spot_at_block(_skip_blank(block, -1))
            elif key == Qt.Key.Key_Delete and cursor.atBlockEnd():
                near = self.spot_at_block(_skip_blank(block, 1))
            if near is not None:
                start, end = self._lines(near)
                self._stepping = True
                selection = QTextCursor(self.document())
                selection.setPosition(start)
                selection.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                self.setTextCursor(selection)
                self._stepping = False
                return
        super().keyPressEvent(event)

    def card_at(self, point: QPoint) -> CardSpot | None:
        for spot in self.spots:
            if self.card_rect(spot).contains(point):
                return spot
        return None


def _skip_blank(block: object, step: int) -> int:
    """The number of the nearest non-blank block before (-1) or after (+1) ``block``."""
    current = block.previous() if step < 0 else block.next()  # type: ignore[attr-defined]
    while current.isValid() and not current.text().strip():
        current = current.previous() if step < 0 else current.next()
    return int(current.blockNumber()) if current.isValid() else -1


def _paragraph_ranges(document: QTextDocument) -> list[tuple[int, int]]:
    """(first, last) block numbers of each paragraph (blank-line separated), a card's
    lines counting as one paragraph."""
    ranges: list[tuple[int, int]] = []
    block = document.begin()
    start = -1
    inside = False
    while block.isValid():
        text = block.text()
        n = block.blockNumber()
        if inside:
            if BLOCK_CLOSE.match(text):
                inside = False
            block = block.next()
            continue
        if BLOCK_OPEN.match(text) and start < 0:
            start, inside = n, True
        elif text.strip():
            if start < 0:
                start = n
        elif start >= 0:
            ranges.append((start, n - 1))
            start = -1
        block = block.next()
    if start >= 0:
        ranges.append((start, document.blockCount() - 1))
    return _closed(ranges, document)


def _closed(ranges: list[tuple[int, int]], document: QTextDocument) -> list[tuple[int, int]]:
    """A further-reading block runs to its closing line, even without a blank after it."""
    out = []
    for a, b in ranges:
        text = document.findBlockByNumber(a).text()
        if BLOCK_OPEN.match(text):
            end = a
            while end < document.blockCount() - 1 and not BLOCK_CLOSE.match(
                document.findBlockByNumber(end).text()
            ):
                end += 1
            b = max(b, end)
        out.append((a, b))
    return out


def _insert_paragraph(cursor: QTextCursor, text: str) -> int:
    """``text`` as a paragraph of its own at the cursor (inside the caller's edit block):
    after the cursor's paragraph when it has text, with blank lines around. Returns the
    block number of its first line."""
    block = cursor.block()
    if block.text().strip():
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertText("\n\n")
    else:
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        if block.previous().isValid() and block.previous().text().strip():
            cursor.insertText("\n")
    first = cursor.blockNumber()
    cursor.insertText(text)
    following = cursor.block().next()
    if following.isValid() and following.text().strip() or not following.isValid():
        cursor.insertText("\n")
    return first
