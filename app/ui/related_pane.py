"""Related links (報呱相關): cards as the page shows them (title, excerpt, author, date),
from the store (search as you type) or from the web (a link's own title and excerpt).

The same widget edits the desk's editor's picks in the Desk settings dialog.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import GalleyError
from app.core.model import RelatedLink
from app.core.values import is_web_url, normalise_date
from app.store.store import Store
from app.ui import theme

if TYPE_CHECKING:
    from collections.abc import Callable

CARD_ROLE = Qt.ItemDataRole.UserRole + 1  # the card's text: dict of title, excerpt, …


class RelatedCardDelegate(QStyledItemDelegate):
    """Draws a link as the page's card: kind, title, two lines of excerpt, author · date."""

    PAD = 8

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        return title, small

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        title, small = self._fonts(option)
        lines = QFontMetrics(title).lineSpacing() * 2 + QFontMetrics(small).lineSpacing() * 3
        return QSize(200, lines + self.PAD * 2 + 4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card: dict[str, str] = index.data(CARD_ROLE) or {}
        rect: QRect = option.rect.adjusted(2, 2, -2, -2)
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(theme.color("card_focus" if selected else "card_border"))
        painter.setBrush(theme.color("card"))
        painter.drawRoundedRect(rect, 5, 5)
        inner = rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        title_font, small = self._fonts(option)
        y = inner.top()
        small_lines = QFontMetrics(small).lineSpacing()
        if card.get("kind"):
            painter.setFont(small)
            painter.setPen(theme.color("accent"))
            painter.drawText(QRect(inner.left(), y, inner.width(), small_lines), 0, card["kind"])
            y += small_lines
        painter.setFont(title_font)
        painter.setPen(theme.color("link"))
        title_lines = QFontMetrics(title_font).lineSpacing()
        metrics = QFontMetrics(title_font)
        title = metrics.elidedText(
            card.get("title", ""), Qt.TextElideMode.ElideRight, inner.width() * 2 - 20
        )
        painter.drawText(
            QRect(inner.left(), y, inner.width(), title_lines * 2),
            int(Qt.TextFlag.TextWordWrap),
            title,
        )
        two = metrics.horizontalAdvance(title) > inner.width()
        y += title_lines * (2 if two else 1)
        painter.setFont(small)
        painter.setPen(theme.color("muted"))
        if card.get("excerpt"):
            excerpt = QFontMetrics(small).elidedText(
                card["excerpt"], Qt.TextElideMode.ElideRight, inner.width() - 10
            )
            painter.drawText(QRect(inner.left(), y, inner.width(), small_lines), 0, excerpt)
            y += small_lines
        meta = " · ".join(p for p in (card.get("author", ""), card.get("date", "")) if p)
        if meta:
            painter.drawText(QRect(inner.left(), y, inner.width(), small_lines), 0, meta)
        painter.restore()


class ExternalLinkForm(QWidget):
    """A link from the web: title and URL, and the excerpt, author and date the card shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        self.excerpt = QLineEdit()
        self.author = QLineEdit()
        self.date = QLineEdit()
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.problem = QLabel()
        self.problem.setObjectName("dialogProblem")
        from app.ui.theme import tint

        tint(self.problem, window_text="error")  # the theme's error colour
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.add = QPushButton(self.tr("Add the link"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for label, edit in (
            (self.tr("Title"), self.title),
            (self.tr("URL"), self.url),
            (self.tr("Excerpt"), self.excerpt),
            (self.tr("Author"), self.author),
            (self.tr("Date"), self.date),
        ):
            edit.setAccessibleName(self.tr("Link {field}").format(field=label))
            form.addRow(label, edit)
        form.addRow("", self.problem)
        form.addRow("", self.add)

    def read(self) -> RelatedLink | None:
        """The link as typed, or None with the problem shown under the fields."""
        url, title = self.url.text().strip(), self.title.text().strip()
        date = self.date.text().strip()
        problem = ""
        if not is_web_url(url):
            problem = self.tr("The URL must start with http:// or https://")
        elif not title:
            problem = self.tr("An external link needs a title")
        elif date:
            try:
                date = normalise_date(date, ValueError)
            except ValueError:
                problem = self.tr("The date is not a date (use YYYY-MM-DD)")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if problem:
            return None
        return RelatedLink(
            kind="related",
            url=url,
            title=title,
            excerpt=self.excerpt.text().strip(),
            author=self.author.text().strip(),
            date=date,
        )

    def clear(self) -> None:
        for edit in (self.title, self.url, self.excerpt, self.author, self.date):
            edit.clear()
        self.problem.hide()


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
        # The links, as cards; drag to reorder.
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Related articles"))
        self.list.setItemDelegate(RelatedCardDelegate(self.list))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.model().rowsMoved.connect(self._reordered)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the related link"))
        self.remove_button.clicked.connect(self.remove)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of link"))
        self.kind.addItem(self.tr("Related"), "related")
        self.kind.addItem(self.tr("Further reading"), "further-reading")
        self.kind.setVisible(with_kinds)
        self.kind.activated.connect(self._set_kind)
        top = QHBoxLayout()
        top.addWidget(self.remove_button)
        top.addWidget(self.kind)
        top.addStretch()
        # Search the store as you type.
        self.query = QLineEdit()
        self.query.setAccessibleName(self.tr("Search the archive"))
        self.query.setPlaceholderText(self.tr("Add: search the archive by title or words…"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Articles found"))
        self.results.setMaximumHeight(150)
        self.results.setWordWrap(True)
        self.results.hide()
        self.results.itemActivated.connect(lambda _item: self.add_result("related"))
        self.query.returnPressed.connect(lambda: self.add_result("related"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(self._search_timer.start)
        # A link from the web, behind a button: the panel is narrow.
        self.external_button = QPushButton(self.tr("Add a link from the web…"))
        self.external_button.setCheckable(True)
        self.external = ExternalLinkForm()
        self.external.hide()
        self.external_button.toggled.connect(self.external.setVisible)
        self.external.add.clicked.connect(self.add_external)
        # The old names the Desk settings dialog and scripts use.
        self.ext_title, self.ext_url = self.external.title, self.external.url
        self.ext_excerpt, self.ext_author = self.external.excerpt, self.external.author
        self.ext_date = self.external.date
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addLayout(top)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        layout.addWidget(self.external_button)
        layout.addWidget(self.external)

    def load(self, links: list[RelatedLink], *, exclude_id: str | None = None) -> None:
        self.links = links
        self.exclude_id = exclude_id
        self._rebuild()

    def card(self, link: RelatedLink) -> dict[str, str]:
        """What the page shows of a link: title, excerpt, author, date (an article in the
        store fills what the link leaves blank, as the export does)."""
        kind = ""
        if self.with_kinds:
            kind = (
                self.tr("Further reading") if link.kind == "further-reading" else self.tr("Related")
            )
        if link.article_id:
            try:
                target = self.store.get_article(link.article_id)
            except GalleyError:
                return {
                    "kind": kind,
                    "title": self.tr("(missing article {id})").format(id=link.article_id[:8]),
                    "excerpt": self.tr("Not in this store: remove the link or sync the desk."),
                }
            return {
                "kind": kind,
                "title": link.title or target.title,
                "excerpt": link.excerpt or target.dek,
                "author": link.author or "、".join(target.byline),
                "date": link.date or target.published[:10] or self.tr("not published yet"),
            }
        return {
            "kind": kind,
            "title": link.title or link.url,
            "excerpt": link.excerpt or link.url,
            "author": link.author,
            "date": link.date,
        }

    def _rebuild(self) -> None:
        self._loading = True
        self.list.clear()
        for n, link in enumerate(self.links or []):
            card = self.card(link)
            item = QListWidgetItem(card["title"])
            item.setData(Qt.ItemDataRole.UserRole, n)
            item.setData(CARD_ROLE, card)
            item.setToolTip(
                "\n".join(v for v in (card["title"], card.get("excerpt", ""), link.url) if v)
            )
            self.list.addItem(item)
        self._loading = False

    def run_search(self) -> None:
        self.results.clear()
        text = self.query.text().strip()
        self.results.setVisible(bool(text))
        if not text:
            return
        try:
            hits = self.store.search(text, limit=20)
        except GalleyError as exc:  # a query the search cannot read: say so in the list
            self.results.addItem(str(exc))
            return
        for hit in hits:
            if hit.id == self.exclude_id:
                continue
            item = QListWidgetItem(f"{hit.title}\n{hit.updated[:10]}")
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            item.setToolTip(hit.snippet)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        else:
            self.results.addItem(self.tr("Nothing found"))

    def _structural(self, description: str, change: Callable[[], object]) -> None:
        if self.links is None:
            return
        before = copy.deepcopy(self.links)
        change()
        self._rebuild()
        self.structural_edit.emit(description, before)
        self.changed.emit()

    def add_result(self, kind: str) -> None:
        if self._search_timer.isActive():  # Enter before the pause after typing: search now
            self._search_timer.stop()
            self.run_search()
        item = self.results.currentItem() or (
            self.results.item(0) if self.results.count() else None
        )
        if item is None or not item.data(Qt.ItemDataRole.UserRole):
            return
        link = RelatedLink(kind=kind, article_id=item.data(Qt.ItemDataRole.UserRole))
        self._structural(self.tr("Add related article"), lambda: self._links().append(link))
        self.query.clear()

    def _links(self) -> list[RelatedLink]:
        assert self.links is not None  # edits happen only while an article is loaded
        return self.links

    def add_external(self) -> None:
        link = self.external.read()
        if link is None:
            return
        self._structural(self.tr("Add link"), lambda: self._links().append(link))
        self.external.clear()

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

    def _reordered(self, *_args: Any) -> None:
        links = self.links
        if self._loading or links is None:
            return
        order = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item is not None:
                order.append(item.data(Qt.ItemDataRole.UserRole))
        current = list(links)
        self._structural(
            self.tr("Reorder related links"),
            lambda: links.__setitem__(slice(None), [current[i] for i in order]),
        )
