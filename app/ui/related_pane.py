"""Related links: articles from the store (as related or further reading) and external links.

The same widget edits the desk's editor's picks in the Desk settings dialog.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import GalleyError
from app.core.model import RelatedLink
from app.core.values import is_web_url, normalise_date
from app.store.store import Store

if TYPE_CHECKING:
    from collections.abc import Callable


class RelatedPane(QWidget):
    """Edits a list of RelatedLink in place (``load(links)``); emits ``changed``."""

    changed = Signal()
    structural_edit = Signal(str, object)

    def __init__(
        self, store: Store, *, with_kinds: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.links: list[RelatedLink] | None = None
        self.exclude_id: str | None = None
        self.with_kinds = with_kinds
        self._loading = False
        # Current links, drag to reorder.
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.model().rowsMoved.connect(self._reordered)
        remove = QPushButton(self.tr("&Remove"))
        remove.clicked.connect(self.remove)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Related"), "related")
        self.kind.addItem(self.tr("Further reading"), "further-reading")
        self.kind.setVisible(with_kinds)
        self.kind.activated.connect(self._set_kind)
        top = QHBoxLayout()
        top.addWidget(remove)
        top.addWidget(self.kind)
        top.addStretch()
        # Search the store.
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Search the store for an article…"))
        self.results = QListWidget()
        self.results.setMaximumHeight(140)
        self.results.setWordWrap(True)
        add_related = QPushButton(self.tr("Add as related") if with_kinds else self.tr("Add"))
        add_related.clicked.connect(lambda: self.add_result("related"))
        add_further = QPushButton(self.tr("Add as further reading"))
        add_further.clicked.connect(lambda: self.add_result("further-reading"))
        add_further.setVisible(with_kinds)
        self.results.itemDoubleClicked.connect(lambda _item: self.add_result("related"))
        search_box = QGroupBox(self.tr("From the store"))
        sl = QVBoxLayout(search_box)
        sl.addWidget(self.query)
        sl.addWidget(self.results)
        row = QHBoxLayout()
        row.addWidget(add_related)
        row.addWidget(add_further)
        row.addStretch()
        sl.addLayout(row)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(self._search_timer.start)
        # External link.
        self.ext_title = QLineEdit()
        self.ext_url = QLineEdit()
        self.ext_url.setPlaceholderText("https://")
        self.ext_excerpt = QLineEdit()
        self.ext_author = QLineEdit()
        self.ext_date = QLineEdit()
        self.ext_date.setPlaceholderText("YYYY-MM-DD")
        add_external = QPushButton(self.tr("Add &link"))
        add_external.clicked.connect(self.add_external)
        ext_box = QGroupBox(self.tr("External link"))
        form = QFormLayout(ext_box)
        form.addRow(self.tr("Title"), self.ext_title)
        form.addRow(self.tr("URL"), self.ext_url)
        form.addRow(self.tr("Excerpt"), self.ext_excerpt)
        form.addRow(self.tr("Author"), self.ext_author)
        form.addRow(self.tr("Date"), self.ext_date)
        form.addRow("", add_external)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(top)
        bottom = QHBoxLayout()
        bottom.addWidget(search_box, 1)
        bottom.addWidget(ext_box, 1)
        layout.addLayout(bottom)

    def load(self, links: list[RelatedLink], *, exclude_id: str | None = None) -> None:
        self.links = links
        self.exclude_id = exclude_id
        self._rebuild()

    def _describe(self, link: RelatedLink) -> str:
        kind = self.tr("Further reading") if link.kind == "further-reading" else self.tr("Related")
        if link.article_id:
            try:
                title = link.title or self.store.get_article(link.article_id).title
            except GalleyError:
                title = self.tr("(missing article {id})").format(id=link.article_id[:8])
            where = self.tr("in the store")
        else:
            title, where = link.title, link.url
        prefix = f"[{kind}] " if self.with_kinds else ""
        return f"{prefix}{title}\n{where}"

    def _two_lines(self) -> QSize:
        return QSize(0, self.fontMetrics().lineSpacing() * 2 + 10)

    def _rebuild(self) -> None:
        self._loading = True
        self.list.clear()
        for n, link in enumerate(self.links or []):
            item = QListWidgetItem(self._describe(link))
            item.setData(Qt.ItemDataRole.UserRole, n)
            item.setSizeHint(self._two_lines())
            self.list.addItem(item)
        self._loading = False

    def run_search(self) -> None:
        self.results.clear()
        text = self.query.text().strip()
        if not text:
            return
        for hit in self.store.search(text, limit=20):
            if hit.id == self.exclude_id:
                continue
            item = QListWidgetItem(f"{hit.title}\n{hit.snippet}")
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            item.setSizeHint(self._two_lines())
            self.results.addItem(item)

    def _structural(self, description: str, change: Callable[[], object]) -> None:
        if self.links is None:
            return
        before = copy.deepcopy(self.links)
        change()
        self._rebuild()
        self.structural_edit.emit(description, before)
        self.changed.emit()

    def add_result(self, kind: str) -> None:
        item = self.results.currentItem() or (
            self.results.item(0) if self.results.count() else None
        )
        if item is None:
            return
        link = RelatedLink(kind=kind, article_id=item.data(Qt.ItemDataRole.UserRole))
        self._structural(self.tr("Add related article"), lambda: self._links().append(link))

    def _links(self) -> list[RelatedLink]:
        assert self.links is not None  # edits happen only while an article is loaded
        return self.links

    def add_external(self) -> None:
        url, title = self.ext_url.text().strip(), self.ext_title.text().strip()
        problem = ""
        date = self.ext_date.text().strip()
        if not is_web_url(url):
            problem = self.tr("The URL must start with http:// or https://")
        elif not title:
            problem = self.tr("An external link needs a title")
        elif date:
            try:
                date = normalise_date(date, ValueError)
            except ValueError:
                problem = self.tr("The date is not a date (use YYYY-MM-DD)")
        if problem:
            QMessageBox.warning(self, self.tr("Cannot add the link"), problem)
            return
        link = RelatedLink(
            kind="related",
            url=url,
            title=title,
            excerpt=self.ext_excerpt.text().strip(),
            author=self.ext_author.text().strip(),
            date=date,
        )
        self._structural(self.tr("Add link"), lambda: self._links().append(link))
        for field in (
            self.ext_title,
            self.ext_url,
            self.ext_excerpt,
            self.ext_author,
            self.ext_date,
        ):
            field.clear()

    def remove(self) -> None:
        row = self.list.currentRow()
        links = self.links
        if links is not None and 0 <= row < len(links):
            self._structural(self.tr("Remove related link"), lambda: links.pop(row))

    def _set_kind(self) -> None:
        row = self.list.currentRow()
        links = self.links
        if links is not None and 0 <= row < len(links):
            kind = self.kind.currentData()
            self._structural(self.tr("Change link kind"), lambda: setattr(links[row], "kind", kind))

    def _reordered(self, *_args: object) -> None:
        links = self.links
        if self._loading or links is None:
            return
        order = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        current = list(links)
        self._structural(
            self.tr("Reorder related links"),
            lambda: links.__setitem__(slice(None), [current[i] for i in order]),
        )
