"""English spelling in the canvas: the dictionary is loaded on a thread a moment after the
window is up (never on the start path), then misspelled words get a red underline and the
context menu offers suggestions and "add to the desk's words" (a desk setting that syncs).
Chinese text is left to the house checks."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

if TYPE_CHECKING:
    from app.core.spelling import Speller
    from app.store.changes import Changes
    from app.ui.context import EditorContext

log = logging.getLogger(__name__)

START_DELAY_MS = 1500  # after the window is up and the article shown


class SpellingService(QObject):
    """Loads the speller off the GUI thread; keeps its word list the desk's."""

    ready = Signal(object)  # the Speller, on the GUI thread
    _loaded = Signal(object)

    def __init__(self, ctx: EditorContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.speller: Speller | None = None
        self._loaded.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        ctx.changes.connect(self._changes)

    def start(self, delay_ms: int = START_DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self._load)

    def _words(self) -> list[str]:
        try:
            return list(self.ctx.store.desk().spelling_words)
        except Exception:  # noqa: BLE001 - a damaged desk setting costs the list, not spelling
            log.warning("the desk's spelling words could not be read", exc_info=True)
            return []

    def _load(self) -> None:
        if self.ctx.closed:
            return
        words = self._words()

        def load() -> None:
            from app.core.spelling import Speller

            self._loaded.emit(Speller(words))

        threading.Thread(target=load, name="galley-spelling", daemon=True).start()

    def _arrived(self, speller: Any) -> None:
        if self.ctx.closed:
            return
        if not speller.available:
            log.info("spelling is off: %s", speller.reason)
            return
        self.speller = speller
        self.ready.emit(speller)

    def _changes(self, changes: Changes) -> None:
        if changes.desk and self.speller is not None:
            self.speller.set_extra_words(self._words())
            self.ready.emit(self.speller)

    def add_word(self, word: str) -> None:
        """``word`` joins the desk's list (a desk setting: it reaches every laptop)."""
        import copy

        settings = copy.deepcopy(self.ctx.store.desk())
        if word in settings.spelling_words:
            return
        settings.spelling_words.append(word)
        self.ctx.store.save_desk(settings, by=self.ctx.author)
        if self.speller is not None:
            self.speller.set_extra_words(settings.spelling_words)
            self.ready.emit(self.speller)
