"""Storage of extracted documents: DuckDB by default, PostgreSQL for a shared server.

    store = open_store()                       # ./eventscope.duckdb (or $EVENTSCOPE_DB)
    store = open_store("postgresql://u@host/db")
    store.save_document(document, content_hash)
    store.find_events(EventQuery(types=("ACCUSE",), country="RUS"))
"""

from __future__ import annotations

import os

from eventscope.store.base import DocumentRejected, SaveOutcome, Store, StoreError
from eventscope.store.identity import article_hash, document_hash, document_id
from eventscope.store.query import SORT_COLUMNS, EventQuery

DEFAULT_DB = "eventscope.duckdb"
ENV_VAR = "EVENTSCOPE_DB"

__all__ = [
    "DEFAULT_DB", "ENV_VAR", "SORT_COLUMNS", "DocumentRejected", "EventQuery", "SaveOutcome", "Store", "StoreError",
    "article_hash", "display_url", "document_hash", "document_id", "open_store", "resolve_url",
]


def display_url(url: str) -> str:
    """A database URL fit for messages: PostgreSQL URLs lose their password."""
    if url.startswith(("postgresql://", "postgres://")):
        from eventscope.store.postgres_backend import display_url as without_password
        return without_password(url)
    return url


def resolve_url(url: str | None = None) -> str:
    """The database to use: the given URL, else $EVENTSCOPE_DB, else ./eventscope.duckdb."""
    return url or os.environ.get(ENV_VAR) or DEFAULT_DB


def open_store(url: str | None = None, read_only: bool = False) -> Store:
    """Open (creating and migrating as needed) the database named by a URL or file path.

    `postgresql://...` or `postgres://...` selects PostgreSQL; `duckdb:PATH`, a
    plain file path or `:memory:` selects DuckDB. `read_only` opens a DuckDB file so
    that other processes can read it too (PostgreSQL serves concurrent readers anyway).
    """
    url = resolve_url(url)
    if url.startswith(("postgresql://", "postgres://")):
        from eventscope.store.postgres_backend import PostgresStore
        return PostgresStore(url)
    from eventscope.store.duckdb_backend import DuckDBStore
    return DuckDBStore(url.removeprefix("duckdb://").removeprefix("duckdb:"), read_only=read_only)
