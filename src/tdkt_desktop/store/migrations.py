"""The one append-only migration chain. Never edit a migration that has shipped: add a new one.

Each migration declares the tables it creates in constants of its own, frozen with it (``M001_TABLES``
…), so later changes to the schema never change what an old migration does. The synced tables of the
current schema are listed separately in :data:`SYNCED_TABLES`: a migration that creates a synced table
adds it there (a test checks the list against the schema the chain builds).

Every synced table carries the same bookkeeping columns (see ``SYNC_COLUMNS``): a UUID, the unit
that owns the record, created/updated times, the installation and its change counter of the last
change, the record's edit generation and revision, and a tombstone flag instead of a hard delete.

A revision's name holds a hash of the record's content (``store.revisions``). Adding a column with no
default to a synced table changes no hash; a migration that adds one WITH a default (or rewrites values)
must rename the revisions of that table the way m009 does, or the rows would be refused on import as not
matching their names.
"""

from __future__ import annotations

import sqlite_utils

MIGRATION_SET = "tdkt"

migrations = sqlite_utils.Migrations(MIGRATION_SET)

# Columns common to every synced record. ``clock`` is the origin installation's own change
# counter (it rises by one for each change that installation makes, so gaps can be seen);
# ``local_seq`` is this database's order of arrival (local edits and imported rows alike), the
# basis of "everything changed since the last bundle". ``gen`` counts edits of the record and
# ``rev``/``base_rev`` name its revision and the one it replaced, so concurrent edits are seen.
M001_SYNC_COLUMNS = """
    id TEXT PRIMARY KEY,
    owner_unit TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin_install TEXT NOT NULL,
    clock INTEGER NOT NULL,
    gen INTEGER NOT NULL DEFAULT 1,
    rev TEXT NOT NULL,
    base_rev TEXT,
    local_seq INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
"""

# The bookkeeping columns a synced table created by a later migration starts with: m001's plus the version
# vector, the field stamps and the local ``local_from`` that m009 added (spelled out again there, frozen), and the
# local ``sort_key`` of m011.
SYNC_COLUMNS = M001_SYNC_COLUMNS + """,
    vv TEXT NOT NULL DEFAULT '{}',
    stamps TEXT NOT NULL DEFAULT '{}',
    local_from TEXT,
    sort_key TEXT
"""

# The synced tables of the current schema, in dependency order (parents before children): every record
# kind a person creates, carrying the sync columns above. A migration that adds a synced table appends it.
SYNCED_TABLES: tuple[str, ...] = (
    "units", "officials", "people", "collectives", "households", "award_history", "ratings", "initiatives",
    "campaigns", "targets", "target_results", "registrations", "participations", "nominations",
    "vote_sessions", "votes", "decisions", "decision_awardees", "award_cancellations", "reviews", "covenants",
)

# Tables created by the first migration, in dependency order. FROZEN: part of m001 and m003.
M001_TABLES: dict[str, str] = {
    "units": """
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        level TEXT NOT NULL,
        parent_code TEXT,
        province_code TEXT,
        legacy_district_code TEXT,
        cluster TEXT,
        address TEXT,
        notes TEXT
    """,
    "officials": """
        unit_code TEXT NOT NULL,
        full_name TEXT NOT NULL,
        title TEXT NOT NULL,
        authority TEXT,
        sort_order INTEGER NOT NULL DEFAULT 0
    """,
    "people": """
        full_name TEXT NOT NULL,
        gender TEXT,
        birth_date TEXT,
        position TEXT,
        unit_code TEXT,
        workplace TEXT,
        id_number TEXT,
        hometown TEXT,
        residence TEXT,
        education TEXT,
        academic_title TEXT,
        nominee_class TEXT,
        field TEXT,
        phone TEXT,
        notes TEXT
    """,
    "collectives": """
        name TEXT NOT NULL,
        kind TEXT,
        unit_code TEXT,
        members_count INTEGER,
        women_count INTEGER,
        founded TEXT,
        address TEXT,
        nominee_class TEXT,
        field TEXT,
        notes TEXT
    """,
    "households": """
        head_name TEXT NOT NULL,
        address TEXT,
        unit_code TEXT,
        members_count INTEGER,
        notes TEXT
    """,
    "award_history": """
        subject_kind TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        code TEXT,
        award_name TEXT NOT NULL,
        award_kind TEXT,
        decision_number TEXT,
        decision_date TEXT,
        issuer TEXT,
        source TEXT NOT NULL DEFAULT 'manual'
    """,
    "ratings": """
        subject_kind TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        rating TEXT NOT NULL,
        discipline TEXT NOT NULL DEFAULT 'none',
        under_review INTEGER NOT NULL DEFAULT 0,
        note TEXT
    """,
    "initiatives": """
        person_id TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
        year INTEGER NOT NULL,
        name TEXT NOT NULL,
        level TEXT,
        decision_number TEXT,
        recognised INTEGER NOT NULL DEFAULT 1
    """,
    "campaigns": """
        name TEXT NOT NULL,
        doc_kind TEXT,
        doc_number TEXT,
        doc_date TEXT,
        issuing_body TEXT,
        signer TEXT,
        signer_title TEXT,
        subject TEXT,
        campaign_type TEXT NOT NULL,
        year INTEGER,
        start_date TEXT,
        end_date TEXT,
        midterm_review TEXT,
        final_review TEXT,
        registration_deadline TEXT,
        submission_deadline TEXT,
        content_json TEXT NOT NULL DEFAULT '[]',
        movements_json TEXT NOT NULL DEFAULT '[]',
        awards_json TEXT NOT NULL DEFAULT '[]',
        issued_by TEXT,
        status TEXT NOT NULL DEFAULT 'active',
        notes TEXT
    """,
    "targets": """
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) DEFERRABLE INITIALLY DEFERRED,
        seq INTEGER NOT NULL DEFAULT 0,
        measure TEXT NOT NULL,
        comparator TEXT NOT NULL,
        value REAL,
        value_high REAL,
        unit TEXT,
        sub_count REAL,
        sub_label TEXT,
        strict INTEGER NOT NULL DEFAULT 0,
        rollup TEXT NOT NULL DEFAULT 'sum',
        assigned_unit TEXT,
        source_text TEXT
    """,
    "target_results": """
        target_id TEXT NOT NULL REFERENCES targets(id) DEFERRABLE INITIALLY DEFERRED,
        unit_code TEXT NOT NULL,
        period TEXT NOT NULL,
        value REAL,
        sub_value REAL,
        weight REAL,
        note TEXT
    """,
    "registrations": """
        campaign_id TEXT REFERENCES campaigns(id) DEFERRABLE INITIALLY DEFERRED,
        year INTEGER NOT NULL,
        subject_kind TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        subject_name TEXT NOT NULL,
        title_code TEXT NOT NULL,
        registered_on TEXT,
        note TEXT
    """,
    "participations": """
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) DEFERRABLE INITIALLY DEFERRED,
        period TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        collectives_count INTEGER,
        people_count INTEGER,
        households_count INTEGER,
        note TEXT
    """,
    "nominations": """
        subject_kind TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        subject_name TEXT NOT NULL,
        title_code TEXT NOT NULL,
        award_kind TEXT NOT NULL,
        campaign_id TEXT REFERENCES campaigns(id) DEFERRABLE INITIALLY DEFERRED,
        year INTEGER NOT NULL,
        period TEXT,
        achievement TEXT,
        nominee_class TEXT,
        field TEXT,
        dossier_json TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL DEFAULT 'draft',
        status_reason TEXT,
        submitted_on TEXT,
        unit_code TEXT,
        eligibility_json TEXT,
        appraisal_note TEXT
    """,
    "vote_sessions": """
        unit_code TEXT,
        meeting_date TEXT NOT NULL,
        place TEXT,
        period TEXT,
        total_members INTEGER NOT NULL,
        present INTEGER NOT NULL,
        written_opinions INTEGER NOT NULL DEFAULT 0,
        chair TEXT,
        secretary TEXT,
        notes TEXT
    """,
    "votes": """
        vote_session_id TEXT NOT NULL REFERENCES vote_sessions(id) DEFERRABLE INITIALLY DEFERRED,
        nomination_id TEXT NOT NULL REFERENCES nominations(id) DEFERRABLE INITIALLY DEFERRED,
        votes_for INTEGER NOT NULL,
        threshold REAL,
        share REAL
    """,
    "decisions": """
        number TEXT,
        doc_code TEXT,
        decision_date TEXT NOT NULL,
        signer TEXT,
        signer_title TEXT,
        issuer_unit TEXT,
        subject TEXT,
        base_salary INTEGER,
        total_amount INTEGER,
        status TEXT NOT NULL DEFAULT 'draft',
        notes TEXT
    """,
    "decision_awardees": """
        decision_id TEXT NOT NULL REFERENCES decisions(id) DEFERRABLE INITIALLY DEFERRED,
        nomination_id TEXT,
        subject_kind TEXT NOT NULL,
        subject_id TEXT,
        subject_name TEXT NOT NULL,
        title_code TEXT NOT NULL,
        so_vang INTEGER,
        amount INTEGER
    """,
}

M001_INDEXES: dict[str, list[str]] = {  # FROZEN: part of m001
    "units": ["code"],
    "officials": ["unit_code"],
    "people": ["unit_code", "full_name"],
    "collectives": ["unit_code"],
    "households": ["unit_code"],
    "award_history": ["subject_id", "year"],
    "ratings": ["subject_id", "year"],
    "initiatives": ["person_id"],
    "campaigns": ["year"],
    "targets": ["campaign_id"],
    "target_results": ["target_id", "unit_code", "period"],
    "registrations": ["campaign_id", "subject_id", "year"],
    "participations": ["campaign_id", "unit_code"],
    "nominations": ["status", "subject_id", "year", "campaign_id"],
    "vote_sessions": ["meeting_date"],
    "votes": ["vote_session_id", "nomination_id"],
    "decisions": ["decision_date"],
    "decision_awardees": ["decision_id", "nomination_id"],
}


@migrations(name="m001_initial")
def m001_initial(db: sqlite_utils.Database) -> None:
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    for table, columns in M001_TABLES.items():
        db.execute(f"CREATE TABLE {table} ({M001_SYNC_COLUMNS}, {columns})")
        db.execute(f"CREATE INDEX idx_{table}_local_seq ON {table}(local_seq)")
        db.execute(f"CREATE INDEX idx_{table}_origin ON {table}(origin_install, clock)")
        db.execute(f"CREATE INDEX idx_{table}_owner ON {table}(owner_unit)")
        for column in M001_INDEXES.get(table, []):
            db.execute(f"CREATE INDEX idx_{table}_{column} ON {table}({column})")
    db.execute(
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            operator TEXT,
            install_id TEXT,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            action TEXT NOT NULL,
            before_json TEXT,
            after_json TEXT
        )"""
    )
    db.execute("CREATE INDEX idx_audit_record ON audit_log(table_name, record_id)")


@migrations(name="m002_search_and_register")
def m002_search_and_register(db: sqlite_utils.Database) -> None:
    """A diacritic-insensitive search index over people, collectives, households, nominations and
    campaigns (filled from the rows already there), and the register of issued document numbers."""
    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "kind UNINDEXED, record_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    # The index itself is derived data: it is (re)built when the database is opened (store.db.open_store).
    db.execute(
        """CREATE TABLE doc_register (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            unit_code TEXT NOT NULL,
            doc_type TEXT NOT NULL,
            year INTEGER NOT NULL,
            number INTEGER NOT NULL,
            code TEXT NOT NULL,
            issued_on TEXT NOT NULL,
            record_table TEXT,
            record_id TEXT,
            subject TEXT,
            issued_at TEXT NOT NULL,
            UNIQUE (unit_code, doc_type, year, number)
        )"""
    )


@migrations(name="m003_sync_bundles")
def m003_sync_bundles(db: sqlite_utils.Database) -> None:
    """Bundle exchange: peers and their keys, outgoing bundles and their acknowledgements, incoming
    bundles and import reports, counters seen per origin installation, the conflict queue, bundles held
    for enrolment, and a log of every revision held (so an incoming edit can be told apart from a
    concurrent one)."""
    db.execute(
        """CREATE TABLE sync_peers (
            fingerprint TEXT PRIMARY KEY,
            unit_code TEXT NOT NULL,
            name TEXT,
            level TEXT,
            parent_code TEXT,
            install_id TEXT NOT NULL,
            sign_key TEXT NOT NULL,
            box_key TEXT NOT NULL,
            status TEXT NOT NULL,
            enrolled_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX idx_sync_peers_unit ON sync_peers(unit_code, status)")
    db.execute(
        """CREATE TABLE sync_key_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            operator TEXT,
            unit_code TEXT NOT NULL,
            event TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            previous_fingerprint TEXT,
            install_id TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE sync_outgoing (
            bundle_id TEXT PRIMARY KEY,
            to_unit TEXT NOT NULL,
            created_at TEXT NOT NULL,
            full INTEGER NOT NULL DEFAULT 0,
            seq_from INTEGER NOT NULL,
            seq_to INTEGER NOT NULL,
            clock_from INTEGER NOT NULL,
            clock_to INTEGER NOT NULL,
            hash TEXT NOT NULL,
            prev_hash TEXT,
            counts_json TEXT NOT NULL,
            path TEXT,
            acked_at TEXT
        )"""
    )
    db.execute("CREATE INDEX idx_sync_outgoing_to ON sync_outgoing(to_unit, seq_to)")
    db.execute(
        """CREATE TABLE sync_imports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            operator TEXT,
            report_json TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE sync_incoming (
            bundle_id TEXT PRIMARY KEY,
            hash TEXT NOT NULL,
            from_unit TEXT NOT NULL,
            origin_install TEXT NOT NULL,
            seq_to INTEGER NOT NULL,
            clock_from INTEGER NOT NULL,
            clock_to INTEGER NOT NULL,
            prev_hash TEXT,
            imported_at TEXT NOT NULL,
            import_id INTEGER
        )"""
    )
    db.execute("CREATE INDEX idx_sync_incoming_from ON sync_incoming(from_unit, seq_to)")
    db.execute(
        """CREATE TABLE sync_counters (
            origin_install TEXT PRIMARY KEY,
            unit_code TEXT,
            covered_to INTEGER NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE sync_conflicts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            bundle_id TEXT,
            from_unit TEXT,
            winner TEXT NOT NULL,
            held_rev TEXT NOT NULL,
            incoming_rev TEXT NOT NULL,
            held_json TEXT NOT NULL,
            incoming_json TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open',
            resolution TEXT,
            resolved_at TEXT,
            UNIQUE (table_name, record_id, held_rev, incoming_rev)
        )"""
    )
    db.execute("CREATE INDEX idx_sync_conflicts_status ON sync_conflicts(status)")
    db.execute(
        """CREATE TABLE sync_held (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            bundle_id TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE,
            received_at TEXT NOT NULL,
            from_unit TEXT,
            fingerprint TEXT,
            reason TEXT NOT NULL,
            data BLOB NOT NULL,
            status TEXT NOT NULL DEFAULT 'held'
        )"""
    )
    db.execute("CREATE TABLE sync_rev_log (rev TEXT PRIMARY KEY, base_rev TEXT, table_name TEXT, record_id TEXT)")
    for table in M001_TABLES:  # the synced tables of that time; a new synced table creates its own triggers
        for event, when in (("ins", "AFTER INSERT"), ("upd", "AFTER UPDATE OF rev")):
            # Only edits (a base revision) are logged: a first revision has no ancestors to look up.
            # (Not "INSERT OR IGNORE": inside an upsert the outer statement's conflict policy wins.)
            db.execute(
                f"CREATE TRIGGER sync_revlog_{table}_{event} {when} ON {table} WHEN NEW.base_rev IS NOT NULL BEGIN "
                "INSERT INTO sync_rev_log (rev, base_rev, table_name, record_id) "
                f"SELECT NEW.rev, NEW.base_rev, '{table}', NEW.id "
                "WHERE NOT EXISTS (SELECT 1 FROM sync_rev_log WHERE rev = NEW.rev); END"
            )
        db.execute(
            "INSERT OR IGNORE INTO sync_rev_log (rev, base_rev, table_name, record_id) "
            f"SELECT rev, base_rev, '{table}', id FROM {table} WHERE base_rev IS NOT NULL"
        )


@migrations(name="m004_search_keys")
def m004_search_keys(db: sqlite_utils.Database) -> None:
    """Each indexed record's full-text rowid, so that updating one entry is an indexed lookup."""
    db.execute(
        "CREATE TABLE search_keys (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, record_id TEXT NOT NULL, "
        "UNIQUE (kind, record_id))"
    )
    db.execute("DELETE FROM search_index")
    db.execute("DELETE FROM meta WHERE key = 'search_index_version'")


@migrations(name="m005_held_bundle_files")
def m005_held_bundle_files(db: sqlite_utils.Database) -> None:
    """Bundles held for enrolment are kept as files in a capped folder beside the database
    (``<file>.held/``), not as blobs in the database: the held rows of ``sync_held`` are written out there."""
    import hashlib
    from pathlib import Path

    db.execute(
        """CREATE TABLE sync_held_files (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            bundle_id TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE,
            received_at TEXT NOT NULL,
            from_unit TEXT,
            fingerprint TEXT,
            reason TEXT NOT NULL,
            file_name TEXT NOT NULL,
            size INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'held'
        )"""
    )
    main = next((r[2] for r in db.execute("PRAGMA database_list").fetchall() if r[1] == "main"), "")
    rows = db.execute(
        "SELECT bundle_id, hash, received_at, from_unit, fingerprint, reason, data FROM sync_held WHERE status = 'held'"
    ).fetchall()
    if rows and main:
        folder = Path(main).with_name(f"{Path(main).name}.held")
        folder.mkdir(parents=True, exist_ok=True)
        for bundle_id, digest, received_at, from_unit, fp, reason, data in rows:
            name = f"{(digest or hashlib.sha256(data).hexdigest())[:32]}.tdktgoi"
            (folder / name).write_bytes(data)
            db.execute(
                "INSERT OR IGNORE INTO sync_held_files (bundle_id, hash, received_at, from_unit, fingerprint, reason,"
                " file_name, size, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'held')",
                [bundle_id, digest, received_at, from_unit, fp, reason, name, len(data)],
            )
    db.execute("DROP TABLE sync_held")


@migrations(name="m006_target_details_and_review")
def m006_target_details_and_review(db: sqlite_utils.Database) -> None:
    """Targets read from a directive: ``parent_target_id`` links a "trong đó" detail to the target it details
    (a plain column, not a foreign key, so a bundle may carry the two in any order); ``review_json`` keeps the
    reading's unconfirmed flags (a JSON list of Vietnamese notes) until a person confirms the target."""
    db.execute("ALTER TABLE targets ADD COLUMN parent_target_id TEXT")
    db.execute("ALTER TABLE targets ADD COLUMN review_json TEXT NOT NULL DEFAULT '[]'")
    db.execute("CREATE INDEX idx_targets_parent ON targets(parent_target_id)")


@migrations(name="m007_heads_of_collectives_and_households")
def m007_heads_of_collectives_and_households(db: sqlite_utils.Database) -> None:
    """Who heads a collective (name and title, signing its achievement report) and the gender of a household's
    head ("Hộ ông …" / "Hộ bà …" on a decision and a certificate). Synced columns: they travel in bundles."""
    db.execute("ALTER TABLE collectives ADD COLUMN head_name TEXT")
    db.execute("ALTER TABLE collectives ADD COLUMN head_title TEXT")
    db.execute("ALTER TABLE households ADD COLUMN head_gender TEXT")


# Table of m008, FROZEN with it.
M008_AWARD_CANCELLATIONS = """
    awardee_id TEXT NOT NULL REFERENCES decision_awardees(id) DEFERRABLE INITIALLY DEFERRED,
    decision_id TEXT NOT NULL REFERENCES decisions(id) DEFERRABLE INITIALLY DEFERRED,
    subject_kind TEXT NOT NULL,
    subject_id TEXT,
    subject_name TEXT NOT NULL,
    title_code TEXT NOT NULL,
    so_vang INTEGER,
    amount_to_recover INTEGER NOT NULL DEFAULT 0,
    number TEXT,
    doc_code TEXT,
    cancel_date TEXT NOT NULL,
    signer TEXT,
    signer_title TEXT,
    issuer_unit TEXT NOT NULL,
    ground TEXT NOT NULL,
    reason TEXT NOT NULL,
    legal_basis TEXT,
    recovered_on TEXT,
    notes TEXT
"""


@migrations(name="m008_award_cancellations")
def m008_award_cancellations(db: sqlite_utils.Database) -> None:
    """Huỷ bỏ quyết định khen thưởng (Luật Thi đua, khen thưởng 2022, Điều 93, khoản 2): one row per cancelled
    award of a decision's list, written by the issuer of that decision, with the cancelling decision's number,
    date and signer, the ground from the law's list, and the money to recover. A synced, issued record."""
    table = "award_cancellations"
    db.execute(f"CREATE TABLE {table} ({M001_SYNC_COLUMNS}, {M008_AWARD_CANCELLATIONS})")
    db.execute(f"CREATE INDEX idx_{table}_local_seq ON {table}(local_seq)")
    db.execute(f"CREATE INDEX idx_{table}_origin ON {table}(origin_install, clock)")
    db.execute(f"CREATE INDEX idx_{table}_owner ON {table}(owner_unit)")
    for column in ("awardee_id", "decision_id", "subject_id"):
        db.execute(f"CREATE INDEX idx_{table}_{column} ON {table}({column})")
    for event, when in (("ins", "AFTER INSERT"), ("upd", "AFTER UPDATE OF rev")):
        db.execute(
            f"CREATE TRIGGER sync_revlog_{table}_{event} {when} ON {table} WHEN NEW.base_rev IS NOT NULL BEGIN "
            "INSERT INTO sync_rev_log (rev, base_rev, table_name, record_id) "
            f"SELECT NEW.rev, NEW.base_rev, '{table}', NEW.id "
            "WHERE NOT EXISTS (SELECT 1 FROM sync_rev_log WHERE rev = NEW.rev); END"
        )



# Tables of m009, FROZEN with it.
M009_OLD_SYNCED = (
    "units", "officials", "people", "collectives", "households", "award_history", "ratings", "initiatives",
    "campaigns", "targets", "target_results", "registrations", "participations", "nominations",
    "vote_sessions", "votes", "decisions", "decision_awardees", "award_cancellations",
)
M009_SYNC_FIELDS = (
    "id", "owner_unit", "created_at", "updated_at", "origin_install", "clock", "gen", "rev", "base_rev",
    "local_seq", "deleted", "vv", "stamps", "local_from",
)
M009_SYNC_COLUMNS = M001_SYNC_COLUMNS + """,
    vv TEXT NOT NULL DEFAULT '{}',
    stamps TEXT NOT NULL DEFAULT '{}',
    local_from TEXT
"""
M009_REVIEWS = """
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field_name TEXT NOT NULL,
    reason TEXT NOT NULL,
    kept_value TEXT,
    kept_unit TEXT,
    other_value TEXT,
    other_stamp TEXT NOT NULL,
    other_unit TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    resolution TEXT,
    resolved_by TEXT,
    resolved_note TEXT
"""


def _m009_rev(row: dict[str, object]) -> str:
    """The revision name of m009 (frozen copy of store.revisions as of this migration)."""
    import hashlib
    import json

    def plain(value: object) -> object:
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    body = {k: plain(v) for k, v in row.items() if k not in M009_SYNC_FIELDS and v is not None}
    body["#"] = [row.get("id"), row.get("owner_unit"), plain(row.get("deleted")), json.loads(str(row["vv"])),
                 json.loads(str(row["stamps"]))]
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"{int(str(row['gen'])):06d}-{row['origin_install']}-{row['clock']}-{digest}"


@migrations(name="m009_field_authority")
def m009_field_authority(db: sqlite_utils.Database) -> None:
    """Authority by field and lossless merging.

    Every synced row gets its version vector (``vv``), the stamp of the last write of each field
    (``stamps``) and ``local_from`` (the installation whose bundle wrote this exact version here); revision names
    gain a content hash (never reused with other content) and the revision log is dropped. A campaign can be
    a unit's own copy of another body's directive (``doc_issuer``) and be linked to the genuine campaign
    (``linked_campaign_id``, ``linked_target_id``): the copies a unit typed before, recorded as owned by the
    issuer, become its own. The conflict queue becomes a synced table (``reviews``, one row per field); rows
    waiting for a parent (``sync_held_rows``), the outcome of received rows not applied (``sync_outcomes``,
    sent back in receipts) and what a peer reported about ours (``sync_pending``) get their tables."""
    import json

    for table in M009_OLD_SYNCED:
        db.execute(f"DROP TRIGGER IF EXISTS sync_revlog_{table}_ins")
        db.execute(f"DROP TRIGGER IF EXISTS sync_revlog_{table}_upd")
        db.execute(f"ALTER TABLE {table} ADD COLUMN vv TEXT NOT NULL DEFAULT '{{}}'")
        db.execute(f"ALTER TABLE {table} ADD COLUMN stamps TEXT NOT NULL DEFAULT '{{}}'")
        db.execute(f"ALTER TABLE {table} ADD COLUMN local_from TEXT")
    db.execute("DROP TABLE IF EXISTS sync_rev_log")
    db.execute("ALTER TABLE campaigns ADD COLUMN doc_issuer TEXT")
    db.execute("ALTER TABLE campaigns ADD COLUMN linked_campaign_id TEXT")
    db.execute("ALTER TABLE targets ADD COLUMN linked_target_id TEXT")
    db.execute("CREATE INDEX idx_campaigns_identity ON campaigns(doc_number, doc_date)")

    # directives a unit typed for its upper office, recorded as owned by it: the unit's own copies
    me_row = db.execute("SELECT value FROM meta WHERE key = 'unit_code'").fetchone()
    install_row = db.execute("SELECT value FROM meta WHERE key = 'install_id'").fetchone()
    if me_row and me_row[0] and install_row:
        me, install = me_row[0], install_row[0]
        created_here = (
            "id IN (SELECT record_id FROM audit_log WHERE table_name = '{t}' AND action = 'insert' AND install_id = ?)"
        )
        db.execute(
            "UPDATE campaigns SET doc_issuer = COALESCE(issued_by, owner_unit), issued_by = ?, owner_unit = ? "
            f"WHERE owner_unit != ? AND {created_here.format(t='campaigns')}",
            [me, me, me, install],
        )
        db.execute(
            f"UPDATE targets SET owner_unit = ? WHERE owner_unit != ? AND {created_here.format(t='targets')}",
            [me, me, install],
        )

    for table in M009_OLD_SYNCED:
        db.execute(
            f"UPDATE {table} SET vv = json_object(origin_install, clock), "
            "stamps = json_object('', json_array(gen, origin_install, clock, owner_unit))"
        )
        cur = db.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cur.description]
        updates = []
        for values in cur.fetchall():
            row = dict(zip(names, values, strict=True))
            updates.append((_m009_rev(row), row["id"]))
        db.conn.executemany(f"UPDATE {table} SET rev = ? WHERE id = ?", updates)

    db.execute(f"CREATE TABLE reviews ({M009_SYNC_COLUMNS}, {M009_REVIEWS})")
    db.execute("CREATE INDEX idx_reviews_local_seq ON reviews(local_seq)")
    db.execute("CREATE INDEX idx_reviews_origin ON reviews(origin_install, clock)")
    db.execute("CREATE INDEX idx_reviews_owner ON reviews(owner_unit)")
    db.execute("CREATE INDEX idx_reviews_record ON reviews(table_name, record_id)")
    db.execute("CREATE INDEX idx_reviews_status ON reviews(status)")
    # the open conflicts of the old queue, one review per differing field
    for (table, record_id, winner, held_json, incoming_json, at) in db.execute(
        "SELECT table_name, record_id, winner, held_json, incoming_json, at FROM sync_conflicts WHERE status = 'open'"
    ).fetchall():
        held, incoming = json.loads(held_json), json.loads(incoming_json)
        kept, other = (held, incoming) if winner == "held" else (incoming, held)
        for name in sorted(set(kept) | set(other)):
            if (name in M009_SYNC_FIELDS and name != "deleted") or kept.get(name) == other.get(name):
                continue
            row = {
                "id": f"{table}:{record_id}:{name}:{other.get('owner_unit')}",
                "owner_unit": kept.get("owner_unit") or "", "created_at": at, "updated_at": at,
                "origin_install": install_row[0] if install_row else "", "clock": 0, "gen": 1,
                "base_rev": None, "local_seq": 0, "deleted": 0, "local_from": None,
                "table_name": table, "record_id": record_id, "field_name": name, "reason": "concurrent",
                "kept_value": json.dumps(kept.get(name), ensure_ascii=False),
                "kept_unit": kept.get("owner_unit"),
                "other_value": json.dumps(other.get(name), ensure_ascii=False),
                "other_stamp": json.dumps([other.get("gen"), other.get("origin_install"), other.get("clock"),
                                           other.get("owner_unit")]),
                "other_unit": other.get("owner_unit"), "status": "open", "resolution": None, "resolved_by": None,
                "resolved_note": None,
            }
            row["vv"] = json.dumps({row["origin_install"]: 0})
            row["stamps"] = json.dumps({"": [1, row["origin_install"], 0, row["owner_unit"] or "?"]})
            row["rev"] = _m009_rev(row)
            cols = list(row)
            db.execute(
                f"INSERT OR IGNORE INTO reviews ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                [row[c] for c in cols],
            )
    db.execute("DROP TABLE sync_conflicts")

    db.execute(
        """CREATE TABLE sync_held_rows (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            from_unit TEXT NOT NULL,
            from_install TEXT NOT NULL,
            direction TEXT NOT NULL,
            bundle_id TEXT NOT NULL,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            rev TEXT NOT NULL,
            row_json TEXT NOT NULL,
            missing_table TEXT NOT NULL,
            missing_id TEXT NOT NULL,
            held_at TEXT NOT NULL,
            UNIQUE (table_name, record_id, rev)
        )"""
    )
    db.execute("CREATE INDEX idx_sync_held_rows_missing ON sync_held_rows(missing_id)")
    db.execute(
        """CREATE TABLE sync_outcomes (
            from_unit TEXT NOT NULL,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            field_name TEXT NOT NULL DEFAULT '',
            rev TEXT NOT NULL,
            state TEXT NOT NULL,
            code TEXT NOT NULL,
            reason TEXT NOT NULL,
            missing_table TEXT,
            missing_id TEXT,
            bundle_id TEXT,
            at TEXT NOT NULL,
            PRIMARY KEY (from_unit, table_name, record_id, field_name)
        )"""
    )
    db.execute(
        """CREATE TABLE sync_pending (
            to_unit TEXT NOT NULL,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            field_name TEXT NOT NULL DEFAULT '',
            rev TEXT NOT NULL,
            state TEXT NOT NULL,
            code TEXT NOT NULL,
            reason TEXT NOT NULL,
            missing_table TEXT,
            missing_id TEXT,
            reported_at TEXT NOT NULL,
            PRIMARY KEY (to_unit, table_name, record_id, field_name)
        )"""
    )
    db.execute(
        "CREATE TABLE sync_receipts (peer_unit TEXT PRIMARY KEY, bundle_id TEXT NOT NULL, seq_to INTEGER NOT NULL,"
        " received_at TEXT NOT NULL)"
    )


@migrations(name="m010_innovation_details")
def m010_innovation_details(db: sqlite_utils.Database) -> None:
    """Đề tài khoa học beside sáng kiến, and what the criteria need of both: ``kind`` (NULL: a sáng kiến;
    ``research``: a đề tài, đề án, công trình khoa học), the scope of its effect (``scope``: co_so … trung_uong,
    Luật Thi đua, khen thưởng 2022, Điều 5), whether it is applied (``applied``) and the award it already
    grounded (``used_for``: it is grounds once only). Columns with no default: no revision changes name."""
    for column, kind in (("kind", "TEXT"), ("scope", "TEXT"), ("applied", "INTEGER"), ("used_for", "TEXT")):
        db.execute(f"ALTER TABLE initiatives ADD COLUMN {column} {kind}")
    db.execute("CREATE INDEX idx_initiatives_kind ON initiatives(kind, year)")


@migrations(name="m011_sort_keys")
def m011_sort_keys(db: sqlite_utils.Database) -> None:
    """Lists sorted in SQL, first page from an index: every synced table gets the local ``sort_key`` (the
    Vietnamese order of its name, see store.sortkeys; computed for existing rows when the database is opened,
    as its version is new), indexed with the live flag for the tables whose lists sort by name; the
    nominations also by year. Columns with no default: no revision changes name."""
    synced = [
        str(r[0]) for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        if "local_seq" in {c.name for c in db[str(r[0])].columns}
    ]
    for table in synced:
        if "sort_key" not in {c.name for c in db[table].columns}:
            db.execute(f"ALTER TABLE {table} ADD COLUMN sort_key TEXT")
    for table in ("officials", "people", "collectives", "households", "campaigns", "registrations", "nominations",
                  "decision_awardees"):
        db.execute(f"CREATE INDEX idx_{table}_sort_key ON {table}(deleted, sort_key, id)")
    db.execute("CREATE INDEX idx_nominations_year_list ON nominations(deleted, year, id)")


# Tables of m012, FROZEN with it.
M012_COVENANTS = """
    cluster_name TEXT NOT NULL,
    cluster_kind TEXT,
    year INTEGER NOT NULL,
    leader TEXT,
    deputy TEXT,
    members TEXT NOT NULL,
    commitments TEXT NOT NULL,
    criteria TEXT,
    signed_on TEXT,
    signed_place TEXT,
    notes TEXT
"""


@migrations(name="m012_covenants")
def m012_covenants(db: sqlite_utils.Database) -> None:
    """Giao ước thi đua của cụm, khối thi đua (core.covenants): the cluster or bloc, the year, the leading and
    deputy units, the member units with who signs for each (JSON), the commitments, the criteria and targets, the
    signing date and place. A synced record owned by the unit that records it."""
    table = "covenants"
    db.execute(f"CREATE TABLE {table} ({SYNC_COLUMNS}, {M012_COVENANTS})")
    db.execute(f"CREATE INDEX idx_{table}_local_seq ON {table}(local_seq)")
    db.execute(f"CREATE INDEX idx_{table}_origin ON {table}(origin_install, clock)")
    db.execute(f"CREATE INDEX idx_{table}_owner ON {table}(owner_unit)")
    db.execute(f"CREATE INDEX idx_{table}_sort_key ON {table}(deleted, sort_key, id)")
    db.execute(f"CREATE INDEX idx_{table}_year ON {table}(deleted, year, sort_key)")


# The search index as m013 makes it, frozen with it.
M013_SEARCH_INDEX = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "kind UNINDEXED, record_id UNINDEXED, sort_key UNINDEXED, body, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6')"
)


@migrations(name="m013_search_prefixes")
def m013_search_prefixes(db: sqlite_utils.Database) -> None:
    """The search index again, for a registry of a million people: prefix indexes of 1 to 6 letters (a
    Vietnamese syllable has at most 7 letters, so a word being typed reads one list instead of merging every
    word it begins), and each record's sort key beside its text, so that a page of results is sorted by name
    without reading the records. Derived data: emptied here with its keys (whose numbers now keep each kind of
    record in its own range), and built again from the records when the database is opened."""
    db.execute("DROP TABLE search_index")
    db.execute(M013_SEARCH_INDEX)
    db.execute("DELETE FROM search_keys")
    db.execute("DELETE FROM meta WHERE key = 'search_index_version'")


@migrations(name="m014_office_accounts")
def m014_office_accounts(db: sqlite_utils.Database) -> None:
    """The officers of an office sharing one server database, each signing in with a login of their own
    (docs/office-server.md): the login, the officer's name and role (``officer``, ``approver`` who signs
    decisions, ``administrator`` who manages the officers), whether it may still be used. The audit log records
    the login that made each change (on a server, the server itself fills it in). A SQLite file, one computer's
    database, has no accounts: its entries name the operator only."""
    db.execute(
        """CREATE TABLE accounts (
            login TEXT PRIMARY KEY,
            full_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('officer', 'approver', 'administrator')),
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            created_by TEXT
        )"""
    )
    db.execute("ALTER TABLE audit_log ADD COLUMN account TEXT")


# New migrations go above this line, each with the next number. ------------------------------


def known_migration_names() -> list[str]:
    """The names of every migration of the chain, in order (what an empty database would apply)."""
    return [m.name for m in migrations.pending(sqlite_utils.Database(memory=True))]


def schema_version() -> int:
    """The schema version this code builds: the number of migrations in the chain."""
    return len(known_migration_names())
