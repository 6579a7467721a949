"""The storage interface and all backend-independent logic.

A backend supplies connections (`_reading`, `_writing`), a bulk row writer
(`_insert_rows`) and its placeholder style; everything else, including all
shared SQL, lives here. Rows come back as plain dicts keyed by column name.
"""

from __future__ import annotations

import enum
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any, Self

from eventscope.records import Document, storable_text
from eventscope.store import rows as R
from eventscope.store.identity import Maker, current_maker, document_hash
from eventscope.store.query import EventQuery, actor_filter, order_clause, where_clause
from eventscope.store.schema import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    MIGRATIONS,
    QUOTE_COLUMNS,
    SCHEMA_VERSION_TABLE,
    latest_version,
)

# An event's own columns, named: a backend may keep more (PostgreSQL's search column).
_EVENT_FIELDS = ", ".join(f"e.{column}" for column in EVENT_COLUMNS)
# Columns of the owning document shown with each event.
_EVENT_DOCUMENT_FIELDS = ("d.title AS doc_title, d.publication_date, d.dateline, d.url AS doc_url, "
                          "d.source AS doc_source")
# Documents made by another eventscope version or other data files (or before either was kept).
_STALE = "extractor_version IS DISTINCT FROM ? OR data_fingerprint IS DISTINCT FROM ?"


class StoreError(Exception):
    """A problem with the database itself (unreachable, too new a schema, ...)."""


class DocumentRejected(StoreError):
    """The database refused one document's values (a number out of range, ...): that
    document is not stored, and the database is fine for the next one."""


class SaveOutcome(str, enum.Enum):
    INSERTED = "inserted"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


def _dicts(cursor: Any) -> list[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


class Store(ABC):
    """Documents, events, quotes and actors in one database (see `open_store`)."""

    dialect: str
    # What extracts the documents this process stores (tests may pretend to be another).
    maker: Maker = current_maker()
    # The cheapest key to fetch a page's rows again within one statement (the physical row).
    row_key: str = "id"
    # SQL for the lower-cased evidence sentence of event `e`, searched by `q`.
    folded_sentence: str = "lower(e.sentence)"

    # -- backend hooks -------------------------------------------------------------

    @abstractmethod
    def _reading(self) -> AbstractContextManager[Any]:
        """A cursor for reads (no transaction held open afterwards)."""

    @abstractmethod
    def _writing(self) -> AbstractContextManager[Any]:
        """A cursor inside one transaction: committed on success, rolled back on error."""

    @abstractmethod
    def _insert_rows(self, cursor: Any, table: str, columns: Sequence[str],
                     rows: list[tuple[Any, ...]]) -> None:
        """Append rows to a table by the backend's fastest path."""

    @abstractmethod
    def close(self) -> None: ...

    def _sql(self, sql: str) -> str:
        """The backend's spelling of a statement written with `?` placeholders."""
        return sql

    def _lock_for_write(self, cursor: Any, key: str) -> None:
        """Serialise concurrent writers of the same key, where the backend needs it."""

    # -- helpers -------------------------------------------------------------------

    def _execute(self, cursor: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        cursor.execute(self._sql(sql), list(params))
        return cursor

    def _select(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._reading() as cursor:
            return _dicts(self._execute(cursor, sql, params))

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._reading() as cursor:
            row = self._execute(cursor, sql, params).fetchone()
        return row[0] if row else None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema --------------------------------------------------------------------

    def migrate(self) -> None:
        """Create the schema or bring it up to date, all in one transaction."""
        with self._writing() as cursor:
            self._lock_for_write(cursor, "schema")
            self._execute(cursor, SCHEMA_VERSION_TABLE)
            row = self._execute(cursor, "SELECT max(version) FROM schema_version").fetchone()
            current = row[0] or 0
            if current > latest_version():
                raise StoreError(f"database schema version {current} is newer than this "
                                 f"eventscope understands ({latest_version()}); upgrade eventscope")
            for migration in MIGRATIONS:
                if migration.version <= current:
                    continue
                for statement in migration.statements_for(self.dialect):
                    self._execute(cursor, statement)
                self._execute(cursor, "INSERT INTO schema_version VALUES (?, ?, now())",
                              [migration.version, migration.description])

    def schema_version(self) -> int:
        return self._scalar("SELECT max(version) FROM schema_version") or 0

    # -- writing -------------------------------------------------------------------

    def has_document(self, doc_id: str, content_hash: str) -> bool:
        """True when this exact version of the document is stored, extracted by this
        eventscope with these data files (anything else is stale: extract it again)."""
        rows = self._select(f"SELECT content_hash, ({_STALE}) AS stale FROM documents WHERE id = ?",
                            [*self._maker_values(), storable_text(doc_id)])
        return bool(rows) and rows[0]["content_hash"] == content_hash and not rows[0]["stale"]

    def count_stale(self) -> int:
        """Stored documents extracted by another eventscope version or other data files."""
        return self._scalar(f"SELECT count(*) FROM documents WHERE {_STALE}", self._maker_values())

    def _maker_values(self) -> list[str]:
        return [self.maker.version, self.maker.data_fingerprint]

    def save_document(self, document: Document, content_hash: str | None = None, *,
                      force: bool = False) -> SaveOutcome:
        """Store one document with its events and quotes, in one transaction.

        `content_hash` identifies the input it was extracted from (default: a hash
        of the record itself). The same hash again, from the same maker, changes
        nothing unless `force`; otherwise the document's old events and quotes are
        replaced.
        """
        content_hash = content_hash or document_hash(document)
        doc_id = storable_text(document.doc_id)
        with self._writing() as cursor:
            self._lock_for_write(cursor, doc_id)
            row = self._execute(
                cursor, f"SELECT content_hash, ({_STALE}) FROM documents WHERE id = ?",
                [*self._maker_values(), doc_id]).fetchone()
            if row and row[0] == content_hash and not row[1] and not force:
                return SaveOutcome.UNCHANGED
            if row:
                self._delete(cursor, [doc_id])
            self._insert(cursor, [(document, content_hash)])
        return SaveOutcome.REPLACED if row else SaveOutcome.INSERTED

    def save_documents(self, documents: Iterable[Document], batch_size: int = 500) -> int:
        """Bulk path: store many documents (replacing any with the same id) without
        comparing hashes, one transaction per batch. Returns the number stored."""
        count = 0
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= batch_size:
                count += self._save_batch(batch)
                batch = []
        if batch:
            count += self._save_batch(batch)
        self._refresh_statistics()
        return count

    def _refresh_statistics(self) -> None:
        """After a bulk load: let the query planner see the new rows, where it needs to."""

    def _save_batch(self, documents: list[Document]) -> int:
        with self._writing() as cursor:
            self._delete(cursor, [storable_text(d.doc_id) for d in documents])
            self._insert(cursor, [(d, document_hash(d)) for d in documents])
        return len(documents)

    def _delete(self, cursor: Any, doc_ids: list[str]) -> None:
        marks = ", ".join("?" for _ in doc_ids)
        for table, column in (("events", "doc_id"), ("quotes", "doc_id"), ("documents", "id")):
            self._execute(cursor, f"DELETE FROM {table} WHERE {column} IN ({marks})", doc_ids)

    def _insert(self, cursor: Any, documents: list[tuple[Document, str]]) -> None:
        self._insert_rows(cursor, "documents", DOCUMENT_COLUMNS,
                          [R.document_row(doc, h, self.maker) for doc, h in documents])
        self._insert_rows(cursor, "events", EVENT_COLUMNS,
                          [row for doc, _ in documents for row in R.event_rows(doc)])
        self._insert_rows(cursor, "quotes", QUOTE_COLUMNS, [
            R.quote_row(doc.doc_id, seq, quote)
            for doc, _ in documents for seq, quote in enumerate(doc.quotes)])

    # -- events --------------------------------------------------------------------

    def count_events(self, query: EventQuery) -> int:
        where, params = where_clause(query, self.folded_sentence)
        return self._scalar(f"SELECT count(*) FROM events e {where}", params)

    def find_events(self, query: EventQuery) -> list[dict[str, Any]]:
        """Matching events as flat rows (event columns plus the document's title and date)."""
        where, params = where_clause(query, self.folded_sentence)
        order = order_clause(query.sort)
        select = f"SELECT {_EVENT_FIELDS}, {_EVENT_DOCUMENT_FIELDS} FROM"
        if query.limit is None:
            sql = f"{select} events e JOIN documents d ON d.id = e.doc_id {where} {order}"
        else:
            # Pick the page on the narrow events table first, then join the documents
            # to those rows only: joining before the top-N sort is several times slower.
            sql = (f"WITH page AS (SELECT e.{self.row_key} AS row_key FROM events e {where} {order} "
                   f"LIMIT ? OFFSET ?) {select} page JOIN events e ON e.{self.row_key} = page.row_key "
                   f"JOIN documents d ON d.id = e.doc_id {order}")
            params = [*params, query.limit, query.offset]
        return [R.json_ready(row) for row in self._select(sql, params)]

    def iter_events(self, query: EventQuery, batch_size: int = 5000) -> Iterator[list[dict]]:
        """All matching events (up to `query.limit` if set), in batches of flat rows."""
        remaining = query.limit
        offset = query.offset
        while remaining is None or remaining > 0:
            size = batch_size if remaining is None else min(batch_size, remaining)
            batch = self.find_events(replace(query, limit=size, offset=offset))
            if batch:
                yield batch
            if len(batch) < size:
                return
            offset += size
            remaining = None if remaining is None else remaining - size

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        rows = self._select(
            f"SELECT {_EVENT_FIELDS}, {_EVENT_DOCUMENT_FIELDS} FROM events e "
            "JOIN documents d ON d.id = e.doc_id WHERE e.id = ?", [event_id])
        return R.json_ready(rows[0]) if rows else None

    # -- documents, quotes, actors -------------------------------------------------

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        """The document's metadata and text, with its events and quotes in text order."""
        found = self._select("SELECT * FROM documents WHERE id = ?", [doc_id])
        if not found:
            return None
        document = R.json_ready(found[0])
        document["events"] = self.find_events(EventQuery(doc_id=doc_id, limit=None))
        document["quotes"] = self.find_quotes(doc_id=doc_id, limit=None)[0]
        return document

    def load_document(self, doc_id: str) -> Document | None:
        """The stored document as the pipeline's record."""
        found = self.get_document(doc_id)
        if found is None:
            return None
        return Document(
            doc_id=found["id"], title=found["title"], publication_date=found["publication_date"],
            dateline=found["dateline"], text=found["text"], url=found["url"],
            source=found["source"],
            events=[R.event_from_row(row) for row in found["events"]],
            quotes=[R.quote_from_row(row) for row in found["quotes"]],
        )

    def iter_documents(self) -> Iterator[Document]:
        """Every stored document, by id, one at a time."""
        with self._reading() as cursor:
            doc_ids = [row[0] for row in
                       self._execute(cursor, "SELECT id FROM documents ORDER BY id").fetchall()]
        for doc_id in doc_ids:
            document = self.load_document(doc_id)
            if document is not None:  # deleted meanwhile
                yield document

    def count_documents(self) -> int:
        return self._scalar("SELECT count(*) FROM documents")

    def find_quotes(self, *, doc_id: str | None = None, speaker: str | None = None,
                    q: str | None = None, limit: int | None = 50,
                    offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Quotes filtered by document, speaker (name or country) and text; with the total."""
        clauses, params = [], []
        if doc_id:
            clauses.append("doc_id = ?")
            params.append(doc_id)
        if speaker:
            clause, values = actor_filter("speaker", speaker)
            clauses.append(clause)
            params += values
        if q:
            clauses.append("strpos(lower(text), lower(?)) > 0")
            params.append(q)
        where = "WHERE " + " AND ".join(clauses) if clauses else ""
        total = self._scalar(f"SELECT count(*) FROM quotes {where}", params)
        sql = f"SELECT * FROM quotes {where} ORDER BY doc_id, seq"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, limit, offset]
        return self._select(sql, params), total

    def find_actors(self, *, q: str | None = None, limit: int = 50,
                    offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Distinct actors by number of events (either side), optionally matching `q`."""
        where, params = "", []
        if q:
            where = "WHERE strpos(lower(name), lower(?)) > 0 OR country = upper(?)"
            params = [q, q]
        total = self._scalar(f"SELECT count(*) FROM actors {where}", params)
        rows = self._select(
            f"SELECT * FROM actors {where} "
            "ORDER BY event_count DESC, name NULLS LAST, country NULLS LAST, sector NULLS LAST "
            "LIMIT ? OFFSET ?", [*params, limit, offset])
        return [{k: int(v) if k.endswith("_count") else v for k, v in row.items()}
                for row in rows], total
