"""The join's floor, after ``git clone`` of the desk: no Galley code. Reads every cloned
article (``articles/XX/ID.md``), and inserts its text into a fresh SQLite file with
Galley's full-text index (the same FTS5 table, CJK spelled out as overlapping bigrams as
``app.core.text`` does) in one transaction, streaming (one article in memory at a time).

python benchmarks/desk_floor_join.py CLONE NEW.sqlite
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys

CJK = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u309f\u30a0-\u30ff\uac00-\ud7af"
    "\U00020000-\U0003134f]+"
)


def spelled(match: re.Match[str]) -> str:
    run = match.group()
    if len(run) == 1:
        return f" {run} "
    return " " + " ".join(a + b for a, b in zip(run, run[1:], strict=False)) + " "


def bigrams(text: str) -> str:
    return CJK.sub(spelled, text)


def field(front: str, name: str) -> str:
    for line in front.split("\n"):
        if line.startswith(name + ":"):
            return line[len(name) + 1 :].strip().strip("'\"")
    return ""


def main() -> None:
    clone, target = sys.argv[1], sys.argv[2]
    db = sqlite3.connect(target, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE articles (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, markdown TEXT)")
    db.execute(
        "CREATE VIRTUAL TABLE article_fts USING fts5 (title, dek, body, captions, sources, "
        "content = '', tokenize = 'unicode61 remove_diacritics 2')"
    )
    db.execute("BEGIN")
    n = 0
    top = os.path.join(clone, "articles")
    for group in sorted(os.listdir(top)):
        for name in sorted(os.listdir(os.path.join(top, group))):
            if not name.endswith(".md"):
                continue
            with open(os.path.join(top, group, name), encoding="utf-8") as f:
                text = f.read()
            _, front, body = text.split("---\n", 2)
            seq = db.execute(
                "INSERT INTO articles (id, markdown) VALUES (?, ?)", (name[:-3], text)
            ).lastrowid
            db.execute(
                "INSERT INTO article_fts (rowid, title, dek, body, captions, sources) "
                "VALUES (?, ?, ?, ?, '', '')",
                (seq, bigrams(field(front, "title")), bigrams(field(front, "dek")), bigrams(body)),
            )
            n += 1
    db.execute("COMMIT")
    db.close()
    print(n)


if __name__ == "__main__":
    main()
