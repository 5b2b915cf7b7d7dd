"""English spelling in an article: Hunspell's en_US dictionary, read through pyenchant.

Only Latin-script words are checked; Chinese is left to the house checks (app.core.checks).
Words that are not prose are skipped: URLs, e-mail addresses, figure references
(``![[key]]``), block markers (``::: further-reading``), code, link targets, words with
digits (COVID19, 3rd) and acronyms in capitals (MRT, TSMC). The desk's own words (its
``spelling_words`` setting: place names, people, the paper's name) are never flagged.

Without enchant's C library or the dictionary (Debian: ``libenchant-2-2 hunspell-en-us``)
a ``Speller`` says so (``available`` is False, ``reason`` why) and flags nothing: spelling
is a help, never a reason the editor cannot open.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from app.core.body_syntax import BLOCK_CLOSE, BLOCK_OPEN, CodeFences

__all__ = ["MAX_SUGGESTIONS", "Speller", "spelling_words"]

MAX_SUGGESTIONS = 6

# Latin letters (with their accented forms) and digits; an apostrophe inside a word
# (don't, Taiwan's) keeps it one word. A hyphen does not: each part is checked.
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_WORD = re.compile(rf"[{_LATIN}0-9]+(?:['\u2019][{_LATIN}0-9]+)*")
# Spans that are not prose, whatever letters they hold.
_NOT_PROSE = re.compile(
    r"(?:https?|ftp)://[!-~]+"  # a URL (up to the first space or non-ASCII character)
    r"|(?<![\w.])www\.[!-~]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|!\[\[[^\]\n]*\]\]"  # a figure: ![[wang-yi]]
    r"|\]\([^)\n]*\)"  # a link's target: [text](article:…) or (https://…)
    r"|(`+)[^\n]+?\1"  # inline code
    r"|<[A-Za-z/][^>\n]*>"  # an HTML tag
)


def spelling_words(words: Iterable[str]) -> set[str]:
    """The single words of a word list (``New Taipei`` gives ``New`` and ``Taipei``)."""
    return {w for entry in words for w in _WORD.findall(entry)}


class Speller:
    """Checks English words against Hunspell's en_US dictionary and ``extra_words`` (the
    desk's list). Not thread-safe: one Speller per thread.

    ``available``: whether the dictionary could be loaded; when it is False, ``reason``
    says why, ``misspelled`` returns nothing and ``suggestions`` nothing.
    """

    def __init__(self, extra_words: Iterable[str] = (), *, language: str = "en_US") -> None:
        self.language = language
        self.extra = spelling_words(extra_words)
        self._extra_lower = {w.lower() for w in self.extra if w.islower()}
        self._known: dict[str, bool] = {}
        self._dict: Any = None
        self.reason = ""
        try:
            import enchant  # its C library is loaded here: never at import of this module

            self._dict = enchant.Dict(language)
        except ImportError as exc:  # pyenchant not installed, or libenchant-2 missing
            self.reason = f"spelling needs the enchant library (libenchant-2-2): {exc}"
        except Exception as exc:  # enchant.errors.DictNotFoundError, or a broken provider
            self.reason = f"no {language} dictionary (install hunspell-en-us): {exc}"

    def set_extra_words(self, extra_words: Iterable[str]) -> None:
        """The desk's word list changed (synced, or a word added here)."""
        self.extra = spelling_words(extra_words)
        self._extra_lower = {w.lower() for w in self.extra if w.islower()}
        self._known.clear()

    @property
    def available(self) -> bool:
        return self._dict is not None

    def misspelled(self, text: str) -> list[tuple[int, int, str]]:
        """Each misspelled word of ``text``: (start, end, word), offsets in code points
        (Python string indices: ``text[start:end] == word``), in order."""
        if self._dict is None or not text:
            return []
        out: list[tuple[int, int, str]] = []
        for line_start, line in _prose_lines(text):
            masked = _NOT_PROSE.sub(lambda m: " " * len(m.group()), line)
            for m in _WORD.finditer(masked):
                word = m.group()
                if not self._correct(word):
                    out.append((line_start + m.start(), line_start + m.end(), word))
        return out

    def is_correct(self, word: str) -> bool:
        """Whether one word passes (a word the checker skips passes)."""
        return self._dict is None or self._correct(word)

    def suggestions(self, word: str) -> list[str]:
        """Up to ``MAX_SUGGESTIONS`` corrections, the desk's own words first."""
        if self._dict is None or not word.strip():
            return []
        ours = difflib.get_close_matches(word, sorted(self.extra), n=2, cutoff=0.75)
        theirs = [s for s in self._dict.suggest(word) if s not in ours]
        return (ours + theirs)[:MAX_SUGGESTIONS]

    # -- one word ------------------------------------------------------------------------------
    def _correct(self, word: str) -> bool:
        if any(ch.isdigit() for ch in word):
            return True  # 3rd, COVID19, A4: not words to spell
        stem = re.sub(r"['\u2019]s$", "", word)
        if len(stem) > 1 and stem.isupper():
            return True  # MRT, TSMC's, NT: acronyms
        known = self._known.get(word)
        if known is None:
            if len(self._known) > 100_000:  # a long session's words, kept within bounds
                self._known.clear()
            known = self._known[word] = self._lookup(word)
        return known

    def _lookup(self, word: str) -> bool:
        plain = word.replace("\u2019", "'")
        base = re.sub(r"'s$", "", plain)
        for candidate in dict.fromkeys((plain, base)):
            if candidate in self.extra or candidate.lower() in self._extra_lower:
                return True
            if self._dict.check(candidate):
                return True
            folded = unicodedata.normalize("NFKD", candidate).encode("ascii", "ignore").decode()
            if folded != candidate and folded and self._dict.check(folded):
                return True  # café, naïve: the dictionary spells them without accents
        return False


def _prose_lines(text: str) -> Iterable[tuple[int, str]]:
    """(offset, line) for each line of prose: not in fenced code, not a block marker."""
    fences = CodeFences()
    at = 0
    for line in text.split("\n"):
        start, at = at, at + len(line) + 1
        if fences.step(line) or BLOCK_OPEN.match(line) or BLOCK_CLOSE.match(line):
            continue
        yield start, line
