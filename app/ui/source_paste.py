"""Pasting a source list (參考新聞來源): a preview of what was read, one editable row a
source, before anything is added. Lines that could not be read completely stay as rows with
their problem named, to be finished here or after; nothing pasted is dropped."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.core.model import Source
from app.ui import theme

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.core.sources import PastedRow

FIELDS = ("date", "outlet", "title", "url", "note")


def source_problem_text(problem: str) -> str:
    """A problem from ``app.core.sources`` in the window's language."""
    fixed = {
        "date is in the future": QCoreApplication.translate(
            "SourcesPane", "The date is in the future"
        ),
        "not a date (use YYYY-MM-DD)": QCoreApplication.translate(
            "SourcesPane", "Not a date (use YYYY-MM-DD)"
        ),
        "date is missing": QCoreApplication.translate("SourcesPane", "The date is missing"),
        "outlet is missing": QCoreApplication.translate("SourcesPane", "The outlet is missing"),
        "title is missing": QCoreApplication.translate("SourcesPane", "The title is missing"),
        "not an http(s) URL": QCoreApplication.translate("SourcesPane", "Not an http(s) URL"),
        "column headings: they name the columns below, not a source": QCoreApplication.translate(
            "SourcesPane", "Column headings: they name the columns below, not a source"
        ),
    }
    if problem in fixed:
        return fixed[problem]
    quoted = re.fullmatch(r"'(.*)' is not a (real )?date", problem)
    if quoted:
        return QCoreApplication.translate("SourcesPane", "'{text}' is not a date").format(
            text=quoted.group(1)
        )
    return problem


class SourcePasteDialog(QDialog):
    """The rows read from a paste, each editable, each with a box: checked rows are added."""

    def __init__(self, rows: list[PastedRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("SourcesPane", "Add pasted sources"))
        self.rows = rows
        readable = sum(1 for r in rows if r.ok)
        self.summary = QLabel(
            QCoreApplication.translate(
                "SourcesPane", "{n} lines read as sources; {m} need a look (marked). Edit any cell."
            ).format(n=readable, m=len(rows) - readable)
        )
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(rows), len(FIELDS) + 1)
        self.table.setAccessibleName(
            QCoreApplication.translate("SourcesPane", "Sources read from the paste")
        )
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SourcesPane", "Date"),
                QCoreApplication.translate("SourcesPane", "Outlet"),
                QCoreApplication.translate("SourcesPane", "Headline"),
                QCoreApplication.translate("SourcesPane", "URL"),
                QCoreApplication.translate("SourcesPane", "Note"),
                QCoreApplication.translate("SourcesPane", "Pasted"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        error_bg, text = theme.color("error_bg"), theme.color("text")
        for n, row in enumerate(rows):
            for c, name in enumerate(FIELDS):
                item = QTableWidgetItem(getattr(row.source, name))
                problem = row.problems.get(name) or (row.problems.get("row") if c == 0 else "")
                if c == 0:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    # A heading row names columns; every other row, even one with a
                    # problem, is added unless unchecked (it is finished in the list).
                    checked = "row" not in row.problems
                    item.setCheckState(
                        Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                    )
                if problem:
                    item.setBackground(error_bg)
                    item.setForeground(text)
                    item.setToolTip(source_problem_text(problem))
                self.table.setItem(n, c, item)
            pasted = QTableWidgetItem(row.text)
            pasted.setFlags(pasted.flags() & ~Qt.ItemFlag.ItemIsEditable)
            pasted.setToolTip(row.text)
            self.table.setItem(n, len(FIELDS), pasted)
        self.table.resizeColumnsToContents()
        for c in (2, 3):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 260))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemChanged.connect(self._count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 420)
        self._count()

    def _count(self, _item: Any = None) -> None:
        n = len(self.chosen())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(QCoreApplication.translate("SourcesPane", "Add {n} sources").format(n=n))
        ok.setEnabled(n > 0)

    def chosen(self) -> list[Source]:
        """The checked rows as sources, as edited."""
        found = []
        for n in range(self.table.rowCount()):
            first = self.table.item(n, 0)
            if first is None or first.checkState() != Qt.CheckState.Checked:
                continue
            cells = [self.table.item(n, c) for c in range(len(FIELDS))]
            found.append(
                Source(
                    **{
                        f: (i.text().strip() if i else "")
                        for f, i in zip(FIELDS, cells, strict=True)
                    }
                )
            )
        return found
