"""The store's schema as forward migrations, numbered by ``PRAGMA user_version``.

Each migration runs in one transaction together with its record (sqlite-utils ``Migrations``)
and ends by setting ``user_version`` to its number, so a file's version says exactly which
migrations it has. Never edit a released migration: add the next one.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("galley")

_V1 = [
    """CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        slug TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        dek TEXT NOT NULL DEFAULT '',
        byline TEXT NOT NULL DEFAULT '[]',
        section TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        language TEXT NOT NULL DEFAULT 'zh-Hant',
        status TEXT NOT NULL DEFAULT 'draft'
            CHECK (status IN ('draft', 'in_review', 'approved', 'published', 'spiked')),
        body TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        published_at TEXT NOT NULL DEFAULT '',
        canonical_url TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL
    )""",
    # Covering index for the article list: newest first, no table lookups.
    """CREATE INDEX articles_by_updated
        ON articles (updated_at DESC, seq DESC, id, title, status, section)""",
    "CREATE INDEX articles_by_status ON articles (status, updated_at DESC)",
    "CREATE INDEX articles_by_section ON articles (section, updated_at DESC)",
    """CREATE TABLE images (
        sha256 TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        size INTEGER NOT NULL,
        data BLOB NOT NULL,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE figures (
        article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        key TEXT NOT NULL,
        image TEXT NOT NULL REFERENCES images (sha256),
        caption TEXT NOT NULL DEFAULT '',
        credit TEXT NOT NULL DEFAULT '',
        alt TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (article_seq, position),
        UNIQUE (article_seq, key)
    )""",
    "CREATE INDEX figures_by_image ON figures (image)",
    """CREATE TABLE sources (
        article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        date TEXT NOT NULL DEFAULT '',
        outlet TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (article_seq, position)
    )""",
    """CREATE TABLE related (
        article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL DEFAULT 'related' CHECK (kind IN ('related', 'further-reading')),
        target_id TEXT,
        url TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        excerpt TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (article_seq, position)
    )""",
    "CREATE INDEX related_by_target ON related (target_id)",
    # Revision content is stored once per distinct content (content-addressed).
    "CREATE TABLE snapshots (hash TEXT PRIMARY KEY, content TEXT NOT NULL)",
    """CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        parent INTEGER,
        hash TEXT NOT NULL REFERENCES snapshots (hash),
        created_at TEXT NOT NULL,
        author TEXT NOT NULL DEFAULT '',
        size INTEGER NOT NULL,
        UNIQUE (article_id, number)
    )""",
    "CREATE TABLE desk (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # Full-text index; its rowid is articles.seq. CJK text is fed in as bigrams (app.core.text).
    # Contentless: the text lives in articles already; a second copy would double the file.
    """CREATE VIRTUAL TABLE article_fts USING fts5 (
        title, dek, body, captions, sources,
        content = '', tokenize = 'unicode61 remove_diacritics 2'
    )""",
]


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    for statement in _V1:
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")


@migrations(name="0002_renditions")
def m0002_renditions(db: Database) -> None:
    """Web renditions of images, cached by source hash and recipe so re-exports are free."""
    db.execute(
        """CREATE TABLE renditions (
            source TEXT NOT NULL REFERENCES images (sha256) ON DELETE CASCADE,
            recipe TEXT NOT NULL,
            mime TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (source, recipe)
        )"""
    )
    db.execute("PRAGMA user_version = 2")


@migrations(name="0003_list_sort_indexes")
def m0003_list_sort_indexes(db: Database) -> None:
    """The article list sorts by any column; each sort reads one index, never the table."""
    db.execute("CREATE INDEX articles_by_title ON articles (title, seq)")
    db.execute("CREATE INDEX articles_by_byline ON articles (byline, seq)")
    db.execute("PRAGMA user_version = 3")


@migrations(name="0004_review")
def m0004_review(db: Database) -> None:
    """Editorial review: status changes with who/when, notes, and revision identities that
    travel between stores in review bundles."""
    db.execute(
        """CREATE TABLE status_changes (
            uid TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL,
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            override TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX status_changes_by_article ON status_changes (article_id, at)")
    db.execute(
        """CREATE TABLE notes (
            uid TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            parent_uid TEXT REFERENCES notes (uid) ON DELETE CASCADE,
            anchor_text TEXT NOT NULL DEFAULT '',
            anchor_index INTEGER,
            body TEXT NOT NULL,
            author TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            resolved_at TEXT NOT NULL DEFAULT '',
            resolved_by TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX notes_by_article ON notes (article_id, created_at)")
    db.execute("ALTER TABLE revisions ADD COLUMN uid TEXT")
    db.execute("ALTER TABLE revisions ADD COLUMN origin TEXT NOT NULL DEFAULT ''")
    # The uid of a second parent: the other side's head that a merge decision has seen.
    db.execute("ALTER TABLE revisions ADD COLUMN merged TEXT")
    db.execute("UPDATE revisions SET uid = lower(hex(randomblob(16)))")
    db.execute("CREATE UNIQUE INDEX revisions_by_uid ON revisions (uid)")
    db.execute("PRAGMA user_version = 4")


@migrations(name="0005_change_log_note_history")
def m0005_change_log_note_history(db: Database) -> None:
    """What each transaction changed (other windows and processes read it to refresh), and
    every earlier state of a note (notes keep their history like revisions do)."""
    db.execute(
        """CREATE TABLE change_log (
            seq INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            article_id TEXT NOT NULL,
            at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE note_history (
            note_uid TEXT NOT NULL REFERENCES notes (uid) ON DELETE CASCADE,
            body TEXT NOT NULL,
            author TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            resolved_at TEXT NOT NULL DEFAULT '',
            resolved_by TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (note_uid, updated_at)
        )"""
    )
    db.execute("PRAGMA user_version = 5")


@migrations(name="0006_reader_dates")
def m0006_reader_dates(db: Database) -> None:
    """When readers last saw the content change (``updated_at`` is the last write, a status
    change included), the correction note, and each figure's focal point. An article stored
    before this had no such date: it counts as unchanged since publication."""
    db.execute("ALTER TABLE articles ADD COLUMN modified_at TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE articles ADD COLUMN correction TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE articles ADD COLUMN correction_date TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE figures ADD COLUMN focus TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE articles SET modified_at = published_at")
    db.execute("PRAGMA user_version = 6")


# Where each table names its article, for the touch journal's triggers.
_TOUCHING = {
    "articles": "{row}.id",
    "revisions": "{row}.article_id",
    "notes": "{row}.article_id",
    "status_changes": "{row}.article_id",
    "note_history": "(SELECT article_id FROM notes WHERE uid = {row}.note_uid)",
}


@migrations(name="0007_touch_journal")
def m0007_touch_journal(db: Database) -> None:
    """Which articles changed since a given moment, kept by SQLite itself: every write to an
    article's rows (text, revisions, notes and their history, status record) moves the
    article's ``seq`` past every other. A desk sync writes only what moved since its last
    one instead of comparing every article (1.2 s at 100,000), and no write path can forget
    to say so: triggers see them all."""
    db.execute(
        """CREATE TABLE article_touches (
            article_id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL
        )"""
    )
    db.execute("CREATE INDEX article_touches_by_seq ON article_touches (seq)")
    db.execute("INSERT INTO article_touches (article_id, seq) SELECT id, seq FROM articles")
    for table, article in _TOUCHING.items():
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            target = article.format(row=row)
            db.execute(
                f"""CREATE TRIGGER touch_{table}_{event.lower()} AFTER {event} ON {table}
                WHEN {target} IS NOT NULL
                BEGIN
                    INSERT INTO article_touches (article_id, seq)
                    VALUES ({target}, (SELECT coalesce(max(seq), 0) + 1 FROM article_touches))
                    ON CONFLICT (article_id) DO UPDATE SET seq = excluded.seq;
                END"""
            )
    db.execute("PRAGMA user_version = 7")


@migrations(name="0008_term_impacts")
def m0008_term_impacts(db: Database) -> None:
    """Exact search over the whole archive: each word's impact list (``app.store.impacts``)
    lets a search for a word found in most articles read its best few hundred rows instead
    of ranking every match. Existing articles are counted by 0009 (which gives the rows the
    layout they have now); stores migrated before it was added were counted here."""
    db.execute(
        """CREATE TABLE term_impacts (
            term TEXT NOT NULL,
            impact INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            weight REAL NOT NULL,
            length INTEGER NOT NULL,
            PRIMARY KEY (term, impact, seq)
        ) WITHOUT ROWID"""
    )
    # sort:date and since:/until: read articles newest first without sorting every match.
    db.execute(
        "CREATE INDEX articles_by_date ON articles "
        "(coalesce(nullif(published_at, ''), created_at), seq)"
    )
    db.execute("PRAGMA user_version = 8")


@migrations(name="0009_impact_epochs")
def m0009_impact_epochs(db: Database) -> None:
    """Impact rows keyed by epoch first (``app.store.impacts.EPOCH_BITS``), so that an
    import writes into the newest part of the table. Rows already counted are copied over in
    key order (a million articles' ~30 million rows: minutes, once); a store that has none
    yet is counted here (~0.9 ms an article)."""
    from app.store.impacts import EPOCH_BITS
    from app.store.search import backfill_impacts

    db.execute(
        """CREATE TABLE term_impacts_by_epoch (
            epoch INTEGER NOT NULL,
            term TEXT NOT NULL,
            impact INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            weight REAL NOT NULL,
            length INTEGER NOT NULL,
            PRIMARY KEY (epoch, term, impact, seq)
        ) WITHOUT ROWID"""
    )
    counted = db.execute("SELECT EXISTS (SELECT 1 FROM term_impacts)").fetchone()[0]
    db.execute(
        "INSERT INTO term_impacts_by_epoch (epoch, term, impact, seq, weight, length) "
        f"SELECT seq >> {EPOCH_BITS}, term, impact, seq, weight, length FROM term_impacts "
        "ORDER BY 1, 2, 3, 4"
    )
    db.execute("DROP TABLE term_impacts")
    db.execute("ALTER TABLE term_impacts_by_epoch RENAME TO term_impacts")
    if not counted:
        backfill_impacts(db)
    db.execute("PRAGMA user_version = 9")


SCHEMA_VERSION = len(migrations._migrations)


def migrate(db: Database) -> None:
    migrations.apply(db)
