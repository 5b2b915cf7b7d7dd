"""A child process that saves one article over and over, as autosave does.

    python -m tests.reliability.saver STORE ARTICLE_ID NAME COUNT [PAUSE_MS]

Prints ``ready``, then one line per save *after* ``save()`` returned: ``saved N`` or, when
another process saved in between, ``conflict N`` followed by ``saved N`` once "keep mine"
stored it. A save that fails otherwise prints ``error MESSAGE``. COUNT 0 means forever;
PAUSE_MS (random up to it) between saves lets two writers interleave as two typists do.
"""

from __future__ import annotations

import random
import sys
import time

from app.core.errors import ConflictError, GalleyError
from app.store import Store
from app.store.session import EditSession


def body_for(name: str, n: int) -> str:
    """The text of save ``n``: its marker first, then a length that varies (1-24 KB)."""
    return f"[{name}-{n}]\n\n" + "汛期將至,市府舉行防颱演練。" * (40 + (n * 37) % 800)


def main(argv: list[str]) -> int:
    path, article_id, name, count = argv[0], argv[1], argv[2], int(argv[3])
    pause = float(argv[4]) / 1000 if len(argv) > 4 else 0.0
    out = sys.stdout
    with Store.open(path) as store:
        session = EditSession(store, article_id, author=name)
        out.write("ready\n")
        out.flush()
        n = 0
        while count == 0 or n < count:
            n += 1
            session.article.body = body_for(name, n)
            try:
                try:
                    session.save()
                except ConflictError as conflict:
                    out.write(f"conflict {n}\n")
                    while True:  # the user chose "Keep mine"; the other side may move again
                        try:
                            session.keep_mine(conflict)
                            break
                        except ConflictError as again:
                            conflict = again
            except GalleyError as exc:
                out.write(f"error {exc}\n")
                out.flush()
                continue
            out.write(f"saved {n}\n")
            out.flush()
            if pause:
                time.sleep(random.uniform(0, pause))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
