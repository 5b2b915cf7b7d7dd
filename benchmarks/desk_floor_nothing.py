"""The floor of a sync with nothing to exchange: open the store with ``sqlite3`` (one read)
and fetch the desk with pygit2 into the store's own repository. No Galley code.

python benchmarks/desk_floor_nothing.py STORE.sqlite
"""

from __future__ import annotations

import sqlite3
import sys

import pygit2

store = sys.argv[1]
db = sqlite3.connect(store)
db.execute("SELECT count(*) FROM articles").fetchone()
db.close()
repo = pygit2.Repository(store + ".desk.git")
repo.remotes["desk"].fetch(["+refs/heads/main:refs/remotes/desk/main"])
