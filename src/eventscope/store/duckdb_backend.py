"""DuckDB backend: one embedded database file (the default)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventscope.store.base import DocumentRejected, Store, StoreError

# What DuckDB raises for values it refuses, as opposed to a database that fails.
_REFUSED_VALUES = (duckdb.ConversionException, duckdb.OutOfRangeException,
                   duckdb.ConstraintException, duckdb.InvalidInputException,
                   duckdb.TypeMismatchException)


class DuckDBStore(Store):
    dialect = "duckdb"
    row_key = "rowid"

    def __init__(self, path: str | Path = ":memory:"):
        self.path = str(path)
        try:
            self._db = duckdb.connect(self.path)
        except duckdb.Error as error:
            raise StoreError(f"cannot open DuckDB database {self.path}: {error}") from error
        self.migrate()

    @contextmanager
    def _reading(self) -> Iterator[Any]:
        # A cursor is DuckDB's per-thread connection to the same database.
        cursor = self._db.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    @contextmanager
    def _writing(self) -> Iterator[Any]:
        with self._reading() as cursor:
            cursor.begin()
            try:
                yield cursor
            except BaseException as error:
                cursor.rollback()
                if isinstance(error, _REFUSED_VALUES):
                    raise DocumentRejected(f"the database refused a value: {error}") from error
                if isinstance(error, duckdb.Error):
                    raise StoreError(f"write to {self.path} failed: {error}") from error
                raise
            cursor.commit()

    def _insert_rows(self, cursor: Any, table: str, columns: Sequence[str],
                     rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        # Arrow is DuckDB's fast bulk path (executemany runs one statement per row).
        batch = pa.table({name: pa.array([row[i] for row in rows])
                          for i, name in enumerate(columns)})
        names = ", ".join(columns)
        cursor.register("incoming_rows", batch)
        try:
            cursor.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM incoming_rows")
        finally:
            # In a transaction a failed insert aborted, unregistering fails too: the insert's
            # own error is the one to report (the cursor is closed after the write anyway).
            with suppress(duckdb.Error):
                cursor.unregister("incoming_rows")

    def close(self) -> None:
        self._db.close()
