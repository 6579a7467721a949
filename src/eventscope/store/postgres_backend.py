"""PostgreSQL backend through psycopg 3, for a database shared by a team."""

from __future__ import annotations

import queue
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from eventscope.store.base import DocumentRejected, Store, StoreError

# Connections kept open for reuse between requests.
_IDLE_CONNECTIONS = 8


class PostgresStore(Store):
    dialect = "postgresql"
    row_key = "ctid"
    folded_sentence = "e.sentence_folded"  # kept by the database (schema migration 3)

    def __init__(self, url: str):
        self.url = url
        self._idle: queue.LifoQueue[psycopg.Connection] = queue.LifoQueue()
        self.migrate()

    def _connect(self) -> psycopg.Connection:
        try:
            return psycopg.connect(self.url, autocommit=True)
        except psycopg.OperationalError as error:
            raise StoreError(f"cannot connect to PostgreSQL at {display_url(self.url)}: "
                             f"{str(error).strip()}") from error

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection]:
        """A pooled connection: any thread may take one, use it and hand it back."""
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            conn = self._connect()
        try:
            yield conn
        finally:
            if conn.closed or conn.broken or self._idle.qsize() >= _IDLE_CONNECTIONS:
                conn.close()
            else:
                self._idle.put(conn)

    @contextmanager
    def _reading(self) -> Iterator[Any]:
        with self._connection() as conn, conn.cursor() as cursor:
            yield cursor

    @contextmanager
    def _writing(self) -> Iterator[Any]:
        try:
            with self._connection() as conn, conn.transaction(), conn.cursor() as cursor:
                yield cursor
        except (psycopg.DataError, psycopg.IntegrityError) as error:
            raise DocumentRejected(f"the database refused a value: "
                                   f"{str(error).strip()}") from error
        except psycopg.Error as error:
            raise StoreError(f"write to {display_url(self.url)} failed: "
                             f"{str(error).strip()}") from error

    def _sql(self, sql: str) -> str:
        # Statements are written with `?`; psycopg spells placeholders `%s`.
        return sql.replace("?", "%s")

    def _lock_for_write(self, cursor: Any, key: str) -> None:
        # Two writers of one document (or two migrators) wait for each other.
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [key])

    def _refresh_statistics(self) -> None:
        with self._reading() as cursor:
            cursor.execute("ANALYZE documents, events, quotes")

    def _insert_rows(self, cursor: Any, table: str, columns: Sequence[str],
                     rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def display_url(url: str) -> str:
    """The URL without its password, for error messages."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "<unparseable URL>"
    return f"{info.get('host', '')}:{info.get('port', '5432')}/{info.get('dbname', '')}"
