"""The body editor: a plain-text Markdown editor with highlighting and find/replace.

``QPlainTextEdit`` scales to long articles; highlighting is per block (never the whole
document per keystroke). Qt counts text positions in UTF-16 units and Python in code points,
so every offset handed to Qt goes through ``utf16``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QPainter,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QMouseEvent, QPaintEvent, QResizeEvent

    from app.core.spelling import Speller


def utf16(text: str, index: int) -> int:
    """Code-point index -> UTF-16 index (characters outside the BMP take two units)."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def _fmt(
    color: str, *, bold: bool = False, italic: bool = False, background: str | None = None
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if background:
        fmt.setBackground(QColor(background))
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    """Headings, emphasis, links, ``![[KEY]]`` figures and ``:::`` block fences."""

    RULES = [
        (re.compile(r"^#{1,6}\s.*$"), "heading"),
        (re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"), "strong"),
        (re.compile(r"(?<![*\w])\*[^*\n]+\*(?!\*)|(?<![_\w])_[^_\n]+_(?!_)"), "emphasis"),
        (re.compile(r"\[[^\]\n]*\]\([^)\n]*\)"), "link"),
        (re.compile(r"^!\[\[[^\]]*\]\]\s*$"), "figure"),
        (re.compile(r"^:::.*$"), "fence"),
    ]

    def __init__(self, document: QTextDocument, *, dark: bool = False) -> None:
        super().__init__(document)
        self.speller: Speller | None = None  # English spelling, once its dictionary loaded
        self.set_colors(dark)
        self.problem_lines: dict[int, str] = {}  # 1-based line → what is wrong there

    def set_colors(self, dark: bool) -> None:
        """The formats for a light or a dark page (the appearance can change any time)."""
        accent = "#ff8a80" if dark else "#a4161a"
        self.formats = {
            "heading": _fmt(accent, bold=True),
            "strong": _fmt("#e0e0e0" if dark else "#1d1d1f", bold=True),
            "emphasis": _fmt("#e0e0e0" if dark else "#1d1d1f", italic=True),
            "link": _fmt("#82b1ff" if dark else "#1a5fb4"),
            "figure": _fmt(
                "#b9f6ca" if dark else "#1b5e20",
                bold=True,
                background="#1b3320" if dark else "#e8f5e9",
            ),
            "fence": _fmt("#ffd180" if dark else "#8a4b00", bold=True),
        }
        self.problem = QTextCharFormat()
        self.problem.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.problem.setUnderlineColor(QColor("#ff5252" if dark else "#b00020"))
        self.misspelled = QTextCharFormat()
        self.misspelled.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.misspelled.setUnderlineColor(QColor("#ff5252" if dark else "#d0021b"))

    def set_speller(self, speller: Speller | None) -> None:
        self.speller = speller
        self.rehighlight()

    def set_problem_lines(self, lines: dict[int, str]) -> None:
        """Mark the lines the page could not be built from (as you type; import refuses
        the same); only lines whose mark changed are highlighted again."""
        changed = set(lines) ^ set(self.problem_lines)
        self.problem_lines = lines
        document = self.document()
        for line in sorted(changed):
            block = document.findBlockByNumber(line - 1) if document is not None else None
            if block is not None and block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        for pattern, name in self.RULES:
            for m in pattern.finditer(text):
                start = utf16(text, m.start())
                self.setFormat(start, utf16(text, m.end()) - start, self.formats[name])
        if self.speller is not None:
            for start, end, _word in self.speller.misspelled(text):
                at = utf16(text, start)
                for n in range(at, utf16(text, end)):
                    merged = QTextCharFormat(self.format(n))
                    merged.merge(self.misspelled)
                    self.setFormat(n, 1, merged)
        if self.currentBlock().blockNumber() + 1 in self.problem_lines:
            for start in range(len(text.encode("utf-16-le")) // 2):
                merged = QTextCharFormat(self.format(start))
                merged.merge(self.problem)
                self.setFormat(start, 1, merged)


class BodyEdit(QPlainTextEdit):
    """The Markdown body: soft-wrapped, with a Traditional Chinese-first font."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        font = QFont()
        font.setFamilies(
            ["Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", "Noto Sans", "sans-serif"]
        )
        font.setPointSize(12)
        self.setFont(font)
        self.setPlaceholderText(
            self.tr(
                "Write the article here. ![[key]] places a figure; "
                "::: further-reading … ::: adds further reading."
            )
        )
        dark = self.palette().base().color().lightness() < 128
        self.highlighter = MarkdownHighlighter(self.document(), dark=dark)
        self.notes: dict[int, list[str]] = {}  # body line -> its open notes' text
        self.margin = NoteMargin(self)
        self.setViewportMargins(NoteMargin.WIDTH, 0, 0, 0)
        self.updateRequest.connect(lambda _rect, _dy: self.margin.update())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        rect = self.contentsRect()
        self.margin.setGeometry(QRect(rect.left(), rect.top(), NoteMargin.WIDTH, rect.height()))

    def set_notes(self, notes: dict[int, list[str]]) -> None:
        """Body lines (1-based) where open review notes are anchored, with their text: a
        badge in the margin."""
        self.notes = notes
        self.margin.update()

    @property
    def note_lines(self) -> list[int]:
        return sorted(self.notes)

    def jump_to_line(self, line: int, column: int = 0) -> None:
        block = self.document().findBlockByNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        cursor.movePosition(
            QTextCursor.MoveOperation.Right, n=min(column, max(0, block.length() - 1))
        )
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    def transform(self, change: Callable[[str], str], *, whole: bool = False) -> bool:
        """Apply ``change`` (str → str) to the selection (or the whole body) as one undo
        step. Returns False when nothing changed."""
        cursor = self.textCursor()
        if whole or not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.Document)
        before = cursor.selection().toPlainText()
        after = change(before)
        if after == before:
            return False
        cursor.beginEditBlock()
        cursor.insertText(after)
        cursor.endEditBlock()
        return True

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt override
        # Empty input-method events (no commit, no preedit) upset the scroll range.
        if (
            not event.commitString()
            and not event.preeditString()
            and not event.attributes()
            and event.replacementLength() == 0
        ):
            event.accept()
            return
        super().inputMethodEvent(event)

    def insert_at_cursor(self, text: str) -> None:
        """Insert ``text`` as its own line at the cursor (used for ``![[KEY]]``)."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.positionInBlock() > 0:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertText("\n")
        cursor.insertText(text + "\n")
        cursor.endEditBlock()
        self.setTextCursor(cursor)


class NoteMargin(QWidget):
    """A strip left of the body: beside a paragraph with open review notes, a badge with
    their number (hover: the first note; click: its thread in the Notes section)."""

    WIDTH = 30
    clicked = Signal(int)  # the body line (1-based) whose badge was clicked

    def __init__(self, editor: BodyEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Review notes in the margin"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.WIDTH, 0)

    def badges(self) -> list[tuple[int, QRect]]:
        """(line, rectangle) of each badge in view."""
        found: list[tuple[int, QRect]] = []
        if not self.editor.notes:
            return found
        block = self.editor.firstVisibleBlock()
        offset = self.editor.contentOffset()
        height = self.fontMetrics().height() + 4
        while block.isValid():
            top = self.editor.blockBoundingGeometry(block).translated(offset).top()
            if top > self.height():
                break
            line = block.blockNumber() + 1
            if line in self.editor.notes:
                found.append((line, QRect(2, int(top) + 2, self.WIDTH - 4, height)))
            block = block.next()
        return found

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        from app.ui import theme

        painter = QPainter(self)
        painter.fillRect(event.rect(), self.editor.palette().base())  # part of the page
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        for line, rect in self.badges():
            count = len(self.editor.notes[line])
            painter.setPen(theme.color("banner_border"))
            painter.setBrush(theme.color("note_bg"))
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(theme.color("note"))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), f"✎{count}")

    def _line_at(self, y: int) -> int | None:
        for line, rect in self.badges():
            if rect.top() <= y <= rect.bottom():
                return line
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        line = self._line_at(int(event.position().y()))
        if line is None:
            self.setToolTip("")
            self.unsetCursor()
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        notes = self.editor.notes[line]
        more = self.tr(" (+{n} more)").format(n=len(notes) - 1) if len(notes) > 1 else ""
        self.setToolTip(notes[0][:200] + more)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        line = self._line_at(int(event.position().y()))
        if line is not None:
            self.clicked.emit(line)


class FindBar(QWidget):
    """Find and replace in the body; Replace all is one undo step."""

    closed = Signal()

    def __init__(self, editor: BodyEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.find_edit = QLineEdit()
        self.find_edit.setAccessibleName(self.tr("Find"))
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.replace_edit = QLineEdit()
        self.replace_edit.setAccessibleName(self.tr("Replace with"))
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.case = QCheckBox(self.tr("Match case"))
        buttons = [
            (self.tr("Previous"), lambda: self.find_text(backward=True)),
            (self.tr("Next"), self.find_text),
            (self.tr("Replace"), self.replace),
            (self.tr("Replace all"), self.replace_all),
            (self.tr("Close"), self.close_bar),
        ]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.find_edit, 2)
        layout.addWidget(self.replace_edit, 2)
        layout.addWidget(self.case)
        for label, slot in buttons:
            button = QPushButton(label)
            button.clicked.connect(slot)
            layout.addWidget(button)
        self.find_edit.returnPressed.connect(self.find_text)
        self.replace_edit.returnPressed.connect(self.replace)
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Cancel) or event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def open_bar(self, *, replace: bool = False) -> None:
        self.show()
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        (self.replace_edit if replace else self.find_edit).setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()
        self.closed.emit()

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def find_text(self, backward: bool = False) -> bool:
        needle = self.find_edit.text()
        if not needle:
            return False
        if self.editor.find(needle, self._flags(backward)):
            return True
        cursor = self.editor.textCursor()  # wrap around
        cursor.movePosition(
            QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
        )
        self.editor.setTextCursor(cursor)
        return self.editor.find(needle, self._flags(backward))

    def _selection_matches(self) -> bool:
        selected = self.editor.textCursor().selectedText()
        needle = self.find_edit.text()
        if self.case.isChecked():
            return selected == needle
        return selected.lower() == needle.lower()

    def replace(self) -> None:
        if self.find_edit.text() and self._selection_matches():
            self.editor.textCursor().insertText(self.replace_edit.text())
        self.find_text()

    def replace_all(self) -> int:
        needle, replacement = self.find_edit.text(), self.replace_edit.text()
        if not needle:
            return 0
        document = self.editor.document()
        cursor = QTextCursor(document)
        count = 0
        edit = QTextCursor(document)
        edit.beginEditBlock()
        while True:
            cursor = document.find(needle, cursor, self._flags())
            if cursor.isNull():
                break
            cursor.insertText(replacement)
            count += 1
        edit.endEditBlock()
        return count
