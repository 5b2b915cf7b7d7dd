"""The keyboard sheet (Help ▸ Keyboard shortcuts, Ctrl+/): every menu action with its keys,
read from the menus themselves so it can never disagree with them, and a filter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QMenuBar, QWidget


def plain(text: str) -> str:
    """A menu text without its mnemonic marker (``&File`` → ``File``, ``繁體中文 (&C)``)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def menu_rows(menu: QMenu, path: str = "") -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action under ``menu``, submenus included."""
    here = f"{path} ▸ {plain(menu.title())}" if path else plain(menu.title())
    rows: list[tuple[str, str, str]] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if sub is not None:
            rows.extend(menu_rows(sub, here))  # type: ignore[arg-type]
            continue
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        rows.append((here, plain(action.text()), keys))
    return rows


class ShortcutsSheet(QDialog):
    """Every action of the menu bar and its shortcut, grouped by menu."""

    # Keys that work in the text and lists without a menu action.
    EXTRA = (
        ("Alt+Up", "Move the figure or block up"),
        ("Alt+Down", "Move the figure or block down"),
        ("Tab", "Next field (list, text, side panel)"),
        ("Shift+Tab", "Previous field"),
        ("Enter", "Open the chosen article (in the list)"),
        ("Esc", "Close the find bar"),
    )

    def __init__(self, menubar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter: an action or a key"))
        self.filter.setAccessibleName(self.tr("Filter the shortcuts"))
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Shortcuts"))
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for action in menubar.actions():
            menu = action.menu()
            if menu is None:
                continue
            for where, text, keys in menu_rows(menu):  # type: ignore[arg-type]
                group = groups.get(where)
                if group is None:
                    group = groups[where] = QTreeWidgetItem(self.tree, [where, ""])
                    group.setFirstColumnSpanned(True)
                QTreeWidgetItem(group, [text, keys])
        text_group = QTreeWidgetItem(self.tree, [self.tr("In the text and lists"), ""])
        for keys, text in self.EXTRA:
            shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            QTreeWidgetItem(text_group, [self.tr(text), shown or keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self.apply_filter)
        self.resize(560, 560)
        self.filter.setFocus(Qt.FocusReason.OtherFocusReason)

    def groups(self) -> list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]]:
        """Each menu's row with the rows of its actions."""
        found = []
        for n in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(n)
            if group is not None:
                children = [group.child(m) for m in range(group.childCount())]
                found.append((group, [c for c in children if c is not None]))
        return found

    def apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for group, items in self.groups():
            shown = 0
            for item in items:
                hit = (
                    not needle
                    or any(needle in item.text(c).casefold() for c in range(2))
                    or needle in group.text(0).casefold()
                )
                item.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)

    def rows(self) -> list[tuple[str, str]]:
        """What the sheet shows (for tests): (action, keys) of every visible row."""
        return [
            (item.text(0), item.text(1))
            for group, items in self.groups()
            if not group.isHidden()
            for item in items
            if not item.isHidden()
        ]
