"""The database schema, as an ordered list of migrations shared by both backends.

Every statement here runs unchanged on DuckDB and PostgreSQL (both accept the
PostgreSQL dialect for these types). To change the schema, append a
`Migration` with the next version number: never edit one that has shipped,
because databases already at that version will not run it again.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]
    # Extra statements for one backend only ("postgresql" or "duckdb"), after the shared ones.
    only: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def statements_for(self, dialect: str) -> tuple[str, ...]:
        extra = [statements for name, statements in self.only if name == dialect]
        return self.statements + tuple(s for group in extra for s in group)


# Event columns in storage order; `events` rows are written and read by these names.
EVENT_COLUMNS = (
    "id", "doc_id", "seq", "type", "mode", "trigger", "sentence", "sentence_index",
    "sentence_start", "sentence_end", "trigger_start", "trigger_end",
    "source_name", "source_country", "source_sector",
    "target_name", "target_country", "target_sector",
    "date", "date_start", "date_end",
    "location_name", "location_country", "location_lat", "location_lon", "location_geonameid",
    "negated", "factuality", "attribution", "cameo", "intensity", "cluster_id",
)
DOCUMENT_COLUMNS = (
    "id", "content_hash", "title", "publication_date", "dateline", "url", "source", "text",
    "ingested_at", "extractor_version", "data_fingerprint",
)
QUOTE_COLUMNS = (
    "id", "doc_id", "seq", "text", "speaker_name", "speaker_country", "speaker_sector",
    "start_offset", "end_offset",
)

_INITIAL = (
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        title TEXT,
        publication_date TEXT,
        dateline TEXT,
        url TEXT,
        source TEXT,
        text TEXT NOT NULL,
        ingested_at TIMESTAMP NOT NULL
    )
    """,
    # `date` keeps the contract's precision (2018, 2018-07, 2018-07-25);
    # date_start/date_end are the first and last day it covers, for range filters.
    """
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        trigger TEXT,
        sentence TEXT NOT NULL,
        sentence_index INTEGER,
        sentence_start INTEGER,
        sentence_end INTEGER,
        trigger_start INTEGER,
        trigger_end INTEGER,
        source_name TEXT,
        source_country TEXT,
        source_sector TEXT,
        target_name TEXT,
        target_country TEXT,
        target_sector TEXT,
        date TEXT,
        date_start DATE,
        date_end DATE,
        location_name TEXT,
        location_country TEXT,
        location_lat DOUBLE PRECISION,
        location_lon DOUBLE PRECISION,
        location_geonameid INTEGER,
        negated BOOLEAN NOT NULL,
        factuality TEXT NOT NULL,
        attribution TEXT,
        cameo TEXT,
        intensity DOUBLE PRECISION,
        cluster_id TEXT
    )
    """,
    "CREATE INDEX events_doc ON events (doc_id)",
    """
    CREATE TABLE quotes (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker_name TEXT,
        speaker_country TEXT,
        speaker_sector TEXT,
        start_offset INTEGER,
        end_offset INTEGER
    )
    """,
    "CREATE INDEX quotes_doc ON quotes (doc_id)",
    # One row per distinct actor and the number of events it takes part in, on either side.
    """
    CREATE VIEW actors AS
    SELECT name, country, sector,
           COUNT(*) AS event_count,
           SUM(CASE WHEN side = 'source' THEN 1 ELSE 0 END) AS source_count,
           SUM(CASE WHEN side = 'target' THEN 1 ELSE 0 END) AS target_count
    FROM (
        SELECT source_name AS name, source_country AS country, source_sector AS sector,
               'source' AS side
        FROM events
        WHERE source_name IS NOT NULL OR source_country IS NOT NULL
        UNION ALL
        SELECT target_name, target_country, target_sector, 'target'
        FROM events
        WHERE target_name IS NOT NULL OR target_country IS NOT NULL
    ) AS sides
    GROUP BY name, country, sector
    """,
)

# Event clusters, written by `eventscope merge` (eventscope.merge): one row per real-world
# event, its members in cluster_members, and events.cluster_id set from them.
_CLUSTERS = (
    """
    CREATE TABLE clusters (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        mode TEXT,
        source_name TEXT,
        source_country TEXT,
        source_sector TEXT,
        target_name TEXT,
        target_country TEXT,
        target_sector TEXT,
        date TEXT,
        location_name TEXT,
        negated BOOLEAN NOT NULL,
        factuality TEXT NOT NULL,
        n_mentions INTEGER NOT NULL,
        n_documents INTEGER NOT NULL,
        doc_ids TEXT NOT NULL,
        outlets TEXT NOT NULL,
        first_published TEXT,
        last_published TEXT
    )
    """,
    "CREATE TABLE cluster_members (event_id TEXT PRIMARY KEY, cluster_id TEXT NOT NULL)",
    "CREATE INDEX events_cluster ON events (cluster_id)",
)

# PostgreSQL reads rows, not columns: without these indexes every filtered page of
# /api/events is a full scan (DuckDB's column scans need none). Evidence search reads
# a lower-cased copy of the sentence that PostgreSQL keeps itself: lower() on every
# row at query time costs PostgreSQL ~6 µs a row, ten times the search itself.
_POSTGRES_FILTER_INDEXES = (
    "CREATE INDEX events_type ON events (type)",
    "CREATE INDEX events_source ON events (lower(source_name))",
    "CREATE INDEX events_target ON events (lower(target_name))",
    "CREATE INDEX events_source_country ON events (source_country)",
    "CREATE INDEX events_target_country ON events (target_country)",
    "CREATE INDEX events_dates ON events (date_start, date_end)",
    "ALTER TABLE events ADD COLUMN sentence_folded TEXT GENERATED ALWAYS AS (lower(sentence)) STORED",
)

# What extracted each document (store.identity.Maker); NULL in rows stored before: stale.
_MAKER = (
    "ALTER TABLE documents ADD COLUMN extractor_version TEXT",
    "ALTER TABLE documents ADD COLUMN data_fingerprint TEXT",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, events, quotes and the actors view", _INITIAL),
    Migration(2, "event clusters", _CLUSTERS),
    Migration(3, "PostgreSQL indexes for event filters and evidence search", (),
              only=(("postgresql", _POSTGRES_FILTER_INDEXES),)),
    Migration(4, "the eventscope version and data fingerprint that made each document", _MAKER),
)

SCHEMA_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TIMESTAMP NOT NULL
)
"""


def latest_version() -> int:
    return MIGRATIONS[-1].version
