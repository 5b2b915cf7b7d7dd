"""A banner over the article when decisions about it were made apart and could not both
stand: which decision stands, which was set aside, who made each and when. A status that
the desk's record settled differently from what someone did on their laptop is never a
silent flip."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.store.store import Store
from app.ui.i18n import status_label
from app.ui.theme import Banner


class DecisionBanner(Banner):
    """Shown only while the open article's record holds a decision set aside."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("decisionBanner")
        self.setAccessibleName(self.tr("Decisions made apart"))
        # Its colours are the theme's banner (app/ui/theme.py): 4.5:1 in light and dark.
        self.hide()

    def show_for(self, article_id: str) -> None:
        decided = self.store.articles.decided(article_id)
        if not decided.set_aside:
            self.hide()
            return
        standing = decided.accepted[-1] if decided.accepted else None
        lines = [self.tr("Decisions about this article were made apart and could not all stand.")]
        if standing is not None:
            lines.append(
                self.tr("Standing: {who} moved it to {status} ({when}).").format(
                    who=standing.who,
                    status=status_label(standing.to_status),
                    when=_when(standing.at),
                )
            )
        for move, why in decided.set_aside:
            lines.append(
                self.tr("Set aside: {who} moved it to {status} ({when}): {why}.").format(
                    who=move.who or "?",
                    status=status_label(move.to_status),
                    when=_when(move.at),
                    why=why,
                )
            )
        self.setText("\n".join(lines))
        self.show()


def _when(at: str) -> str:
    return at[:16].replace("T", " ")
