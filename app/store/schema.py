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


# An article's row number from its id, as the tables re-keyed in 0010 name their article.
SEQ_OF_ID = "(SELECT seq FROM articles WHERE id = ?)"

# Where each table names its article, for the touch journal's triggers (from 0010 on).
_TOUCHING_BY_SEQ = {
    **_TOUCHING,
    "revisions": "(SELECT id FROM articles WHERE seq = {row}.article_seq)",
    "status_changes": "(SELECT id FROM articles WHERE seq = {row}.article_seq)",
}


@migrations(name="0010_records_by_article_seq")
def m0010_records_by_article_seq(db: Database) -> None:
    """Revisions and status records name their article by its row number, and the touch
    journal is a log appended to: a new article's records then land at the end of their
    indexes instead of at the random place its UUID sorts to. At a million articles those
    three random index pages were a quarter of what an import read and wrote for each new
    article. Row numbers are never shown or exchanged: review bundles and desk files keep
    naming articles by id. Records whose article is gone (none, while foreign keys hold)
    are dropped."""
    for table in _TOUCHING:
        for event in ("insert", "update", "delete"):
            db.execute(f"DROP TRIGGER IF EXISTS touch_{table}_{event}")
    db.execute(
        """CREATE TABLE revisions_by_seq (
            id INTEGER PRIMARY KEY,
            article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            parent INTEGER,
            hash TEXT NOT NULL REFERENCES snapshots (hash),
            created_at TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT '',
            size INTEGER NOT NULL,
            uid TEXT,
            origin TEXT NOT NULL DEFAULT '',
            merged TEXT
        )"""
    )
    db.execute(
        "INSERT INTO revisions_by_seq (id, article_seq, number, parent, hash, created_at,"
        " author, size, uid, origin, merged) SELECT r.id, a.seq, r.number, r.parent, r.hash,"
        " r.created_at, r.author, r.size, r.uid, r.origin, r.merged"
        " FROM revisions r JOIN articles a ON a.id = r.article_id ORDER BY r.id"
    )
    db.execute("DROP TABLE revisions")
    db.execute("ALTER TABLE revisions_by_seq RENAME TO revisions")
    db.execute("CREATE UNIQUE INDEX revisions_by_article ON revisions (article_seq, number)")
    db.execute("CREATE UNIQUE INDEX revisions_by_uid ON revisions (uid)")
    db.execute(
        """CREATE TABLE status_changes_by_seq (
            uid TEXT PRIMARY KEY,
            article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL,
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            override TEXT NOT NULL DEFAULT ''
        )"""
    )
    # Row order kept: records made within the same second are read back in it.
    db.execute(
        "INSERT INTO status_changes_by_seq (rowid, uid, article_seq, from_status, to_status,"
        " who, at, override) SELECT s.rowid, s.uid, a.seq, s.from_status, s.to_status, s.who,"
        " s.at, s.override FROM status_changes s JOIN articles a ON a.id = s.article_id"
        " ORDER BY s.rowid"
    )
    db.execute("DROP TABLE status_changes")
    db.execute("ALTER TABLE status_changes_by_seq RENAME TO status_changes")
    db.execute("CREATE INDEX status_changes_by_article ON status_changes (article_seq, at)")
    # The journal keeps its numbers: a desk's mark stays valid across the migration.
    db.execute("CREATE TABLE touch_log (seq INTEGER PRIMARY KEY, article_id TEXT NOT NULL)")
    db.execute(
        "INSERT INTO touch_log (seq, article_id) SELECT seq, article_id FROM article_touches"
        " ORDER BY seq"
    )
    db.execute("DROP TABLE article_touches")
    db.execute("ALTER TABLE touch_log RENAME TO article_touches")
    for table, article in _TOUCHING_BY_SEQ.items():
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            target = article.format(row=row)
            # A save touches its article several times in a row (its row, its revision,
            # its status record): the newest entry, if it is the same article's, moves to
            # the end again instead of a second entry being added.
            db.execute(
                f"""CREATE TRIGGER touch_{table}_{event.lower()} AFTER {event} ON {table}
                BEGIN
                    UPDATE article_touches SET seq = seq + 1
                    WHERE seq = (SELECT max(seq) FROM article_touches) AND article_id = {target};
                    INSERT INTO article_touches (article_id)
                    SELECT touched FROM (SELECT {target} AS touched)
                    WHERE touched IS NOT NULL AND touched IS NOT (
                        SELECT article_id FROM article_touches ORDER BY seq DESC LIMIT 1
                    );
                END"""
            )
    db.execute("PRAGMA user_version = 10")


@migrations(name="0011_note_replies_index")
def m0011_note_replies_index(db: Database) -> None:
    """A note's replies found by index: resolving a thread (``uid = ? OR parent_uid = ?``)
    and deleting a note (its replies go with it) read every note of the archive without
    one, and a newsroom's archive holds millions."""
    db.execute("CREATE INDEX notes_by_parent ON notes (parent_uid)")
    db.execute("PRAGMA user_version = 11")


@migrations(name="0012_moves_by_role_rendition_cache_apart")
def m0012_moves_by_role_rendition_cache_apart(db: Database) -> None:
    """A status move records the role it was made in and the revision it decided on (the
    workflow asks the role, and a desk replays every laptop's moves under it:
    ``app.core.workflow.settle``). Desk settings record when and by whom each was set, and
    the desk's editors every list they had. An article that
    has a status but no record of how it got there (stored before records were kept) gets
    one, so replaying its record gives the status it has. Web renditions leave the store for
    a cache of their own (``app.publish.rendition_cache``): publishing writes nothing here.
    A restored backup is recorded (who, which file, when)."""
    db.execute("ALTER TABLE status_changes ADD COLUMN role TEXT NOT NULL DEFAULT ''")
    # The revision (its uid) a decision was about: what was approved, what was published.
    db.execute("ALTER TABLE status_changes ADD COLUMN revision TEXT NOT NULL DEFAULT ''")
    # Desk settings travel with the desk: each keeps when and by whom it was last set (the
    # later setting wins on every laptop), and the list of the desk's editors keeps every
    # version it had (a decision counts by the list as it was when it was made).
    db.execute("ALTER TABLE desk ADD COLUMN changed_at TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE desk ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''")
    db.execute(
        """CREATE TABLE desk_editors (
            uid TEXT PRIMARY KEY,
            changed_at TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            names TEXT NOT NULL
        )"""
    )
    db.execute(
        "INSERT INTO status_changes (uid, article_seq, from_status, to_status, who, role, at,"
        " override) SELECT lower(hex(randomblob(16))), a.seq, '', a.status, '', 'archive',"
        " a.created_at, 'status before its record was kept' FROM articles a"
        " WHERE a.status != 'draft' AND NOT EXISTS"
        " (SELECT 1 FROM status_changes s WHERE s.article_seq = a.seq)"
    )
    db.execute("DROP TABLE IF EXISTS renditions")
    # Who restored which backup into the store, when: the store says its history was put back.
    db.execute(
        """CREATE TABLE restores (
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            source TEXT NOT NULL,
            articles INTEGER NOT NULL
        )"""
    )
    db.execute("PRAGMA user_version = 12")


@migrations(name="0013_figure_creator_copyright")
def m0013_figure_creator_copyright(db: Database) -> None:
    """Each figure's photographer and copyright notice, read from the photo's IPTC/XMP when
    it is placed (``app.store.images.read_photo_metadata``) and written into the exported
    renditions' metadata with the credit. Figures stored before have neither."""
    db.execute("ALTER TABLE figures ADD COLUMN creator TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE figures ADD COLUMN copyright TEXT NOT NULL DEFAULT ''")
    db.execute("PRAGMA user_version = 13")


@migrations(name="0014_last_looked")
def m0014_last_looked(db: Database) -> None:
    """What each person last looked at: the revision of an article an editor last reviewed,
    so opening it again offers what changed since then (not the whole history)."""
    db.execute(
        """CREATE TABLE last_looked (
            article_id TEXT NOT NULL,
            person TEXT NOT NULL,
            revision TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (article_id, person)
        )"""
    )
    db.execute("PRAGMA user_version = 14")


SCHEMA_VERSION = len(migrations._migrations)


def migrate(db: Database) -> None:
    migrations.apply(db)
