"""The pre-publication checks as the store runs them: with the desk's house rules and the
store's own articles (an ``article:`` link must name one). The writer asks them before an
approval; the window and ``galley check`` show them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.core.model import Article, DeskSettings
from app.core.workflow import needs_override

if TYPE_CHECKING:  # imported when first run, not when a window opens
    from app.core.checks import Finding, HouseRules


def house_rules(desk: DeskSettings) -> HouseRules:
    from app.core.checks import HouseRules

    return HouseRules(
        title_max=desk.title_max, punctuation=desk.punctuation, cjk_latin_space=desk.cjk_latin_space
    )


class ArticleChecks:
    """Runs the checks over an article of this store."""

    def __init__(self, desk: Callable[[], DeskSettings], refers: Callable[[str], bool]) -> None:
        self.desk = desk
        self.refers = refers

    def run(self, article: Article, today: dt.date | None = None) -> list[Finding]:
        from app.core.checks import CheckContext, run_checks

        ctx = CheckContext(rules=house_rules(self.desk()), article_exists=self.refers)
        if today is not None:
            ctx.today = today
        return run_checks(article, ctx)

    def blocking(self, article: Article, target: str) -> list[Finding]:
        """The failing checks that moving ``article`` to ``target`` needs a reason for."""
        from app.core.checks import errors

        return errors(self.run(article)) if needs_override(target) else []
