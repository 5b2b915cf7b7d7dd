"""What changed between two revisions, side by side by paragraph (the editor's "changes
since I last looked", Gerrit's and GitHub's "changes since your last review"): the old
paragraph beside the new, deletions and insertions marked within them, unchanged stretches
folded, and above them the figures, sources and related links added, removed or changed."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.ui.theme import colors, diff_style

if TYPE_CHECKING:
    from app.core.diff import Chunk, ParagraphPair, PartChange
    from app.store.review import SinceLooked
    from app.store.store import Store
    from app.ui.context import EditorContext


def _marked(chunks: list[Chunk], side: str) -> str:
    """One side of a changed paragraph: the old side shows deletions, the new insertions."""
    out = []
    for chunk in chunks:
        text = html.escape(chunk.text).replace("\n", "<br>")
        if chunk.op == "equal":
            out.append(text)
        elif chunk.op == "delete" and side == "old":
            out.append(f"<del>{text}</del>")
        elif chunk.op == "insert" and side == "new":
            out.append(f"<ins>{text}</ins>")
    return "".join(out)


def changes_html(
    rows: list[ParagraphPair],
    parts: list[PartChange],
    *,
    old_label: str,
    new_label: str,
    labels: dict[str, str],
) -> str:
    """The side-by-side page (``labels``: translated words for kinds and parts)."""
    c = colors()
    out = [f"<style>{diff_style()} td {{ vertical-align: top; padding: 4px 8px; }}</style>"]
    if parts:
        out.append(f"<p><b>{html.escape(labels['parts'])}</b></p><ul>")
        for p in parts:
            what = labels.get(p.part, p.part)
            kind = labels.get(p.kind, p.kind)
            named = [labels.get(f"field:{f}", f) for f in p.fields]
            fields = f" ({', '.join(named)})" if named else ""
            name = f" “{html.escape(p.name)}”" if p.name else ""
            out.append(f"<li>{html.escape(what)}{name}: {html.escape(kind)}{fields}</li>")
        out.append("</ul>")
    out.append('<table width="100%" cellspacing="0">')
    out.append(
        f'<tr><th width="50%" align="left">{html.escape(old_label)}</th>'
        f'<th width="50%" align="left">{html.escape(new_label)}</th></tr>'
    )
    folded = 0

    def fold() -> None:
        nonlocal folded
        if folded:
            text = labels["unchanged"].format(n=folded)
            out.append(
                f'<tr><td colspan="2" style="color:{c["muted"]}">… {html.escape(text)} …</td></tr>'
            )
            folded = 0

    for row in rows:
        if row.kind == "equal":
            folded += 1
            continue
        fold()
        chunks = row.chunks()
        old = _marked(chunks, "old") if row.old else ""
        new = _marked(chunks, "new") if row.new else ""
        out.append(
            f'<tr><td style="border-top: 1px solid {c["card_border"]}">{old}</td>'
            f'<td style="border-top: 1px solid {c["card_border"]}">{new}</td></tr>'
        )
    fold()
    out.append("</table>")
    return "".join(out)


class ChangesView(QDialog):
    """Revision ``old`` against ``new`` of an article (numbers as the history shows them)."""

    def __init__(
        self,
        store: Store,
        article_id: str,
        old: int,
        new: int,
        parent: QWidget | None = None,
        *,
        intro: str = "",
    ) -> None:
        from app.core.diff import paragraph_diff, part_changes

        super().__init__(parent)
        self.setWindowTitle(self.tr("Changes since revision {n}").format(n=old))
        before = store.revision_article(article_id, old)
        after = store.revision_article(article_id, new)
        self.rows = paragraph_diff(before.body, after.body)
        self.parts = part_changes(before.content(), after.content())
        labels = {
            "parts": self.tr("Figures, sources and related links"),
            "figures": self.tr("Figure"),
            "sources": self.tr("Source"),
            "related": self.tr("Related link"),
            "added": self.tr("added"),
            "removed": self.tr("removed"),
            "changed": self.tr("changed"),
            "reordered": self.tr("order changed"),
            "unchanged": self.tr("{n} unchanged paragraphs"),
            "field:caption": self.tr("caption"),
            "field:credit": self.tr("credit"),
            "field:alt": self.tr("alt text"),
            "field:focus": self.tr("crop point"),
            "field:creator": self.tr("photographer"),
            "field:copyright": self.tr("copyright"),
            "field:image": self.tr("photo"),
            "field:date": self.tr("date"),
            "field:outlet": self.tr("outlet"),
            "field:title": self.tr("title"),
            "field:url": self.tr("address"),
            "field:note": self.tr("note"),
            "field:excerpt": self.tr("excerpt"),
            "field:author": self.tr("author"),
            "field:kind": self.tr("kind"),
        }
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Changes side by side"))
        self.browser.setHtml(
            changes_html(
                self.rows,
                self.parts,
                old_label=self.tr("Revision {n} (you last looked)").format(n=old),
                new_label=self.tr("Revision {n} (now)").format(n=new),
                labels=labels,
            )
        )
        changed = sum(1 for r in self.rows if r.kind != "equal")
        summary = QLabel(
            (intro + "\n" if intro else "")
            + self.tr("%n paragraphs changed, added or removed.", "", changed)
        )
        summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(1100, 640)


class SinceLookedBanner(QWidget):
    """Above the page for an editor: what changed since they last looked, and a button that
    shows it side by side."""

    def __init__(self, ctx: EditorContext) -> None:
        from PySide6.QtWidgets import QHBoxLayout, QPushButton

        super().__init__()
        self.ctx = ctx
        self.since: SinceLooked | None = None
        from app.ui.theme import Banner

        self.text = Banner()
        self.text.setObjectName("hintBanner")
        self.show_button = QPushButton(self.tr("Show the changes"))
        self.show_button.clicked.connect(self.show_changes)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.show_button)
        self.hide()
        ctx.opened.connect(lambda _a: self.refresh())

    def refresh(self) -> None:
        article = self.ctx.article
        self.since = None
        if (
            article is not None
            and not self.ctx.closed
            and self.ctx.store.review.decides(self.ctx.role, self.ctx.author)
        ):
            self.since = self.ctx.store.review.since_looked(article.id, self.ctx.author)
        if self.since is None:
            self.hide()
            return
        s = self.since
        self.text.setText(
            self.tr(
                "Since you last looked (revision {seen}, {at}): %n new revisions by {who}.",
                "",
                s.revisions,
            ).format(
                seen=s.seen,
                at=s.seen_at[:16].replace("T", " "),
                who="、".join(s.authors) or "—",
            )
        )
        self.show()

    def show_changes(self) -> ChangesView | None:
        article = self.ctx.article
        if article is None or self.since is None:
            return None
        view = ChangesView(
            self.ctx.store,
            article.id,
            self.since.seen,
            self.since.now,
            self.ctx.host,
            intro=self.text.text(),
        )
        view.open()
        return view
