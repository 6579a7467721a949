"""DuckDB backend: one embedded database file (the default)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventscope.store.base import DocumentRejected, Store, StoreError
from eventscope.store.schema import latest_version

# What DuckDB raises for values it refuses, as opposed to a database that fails.
_REFUSED_VALUES = (duckdb.ConversionException, duckdb.OutOfRangeException,
                   duckdb.ConstraintException, duckdb.InvalidInputException,
                   duckdb.TypeMismatchException)


class DuckDBStore(Store):
    dialect = "duckdb"
    row_key = "rowid"

    def __init__(self, path: str | Path = ":memory:", read_only: bool = False):
        """Open (creating and migrating as needed) the file. `read_only` lets other processes
        read the file at the same time (DuckDB allows many readers or one writer)."""
        self.path = str(path)
        read_only = read_only and self.path != ":memory:"
        if read_only and not self._up_to_date():
            DuckDBStore(self.path).close()   # create or migrate it once, then read only
        self._db = self._connect(read_only)
        if not read_only:
            self.migrate()

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as error:
            raise StoreError(_open_failure(self.path, error)) from error

    def _up_to_date(self) -> bool:
        if not Path(self.path).exists():
            return False
        with self._connect(read_only=True) as db:
            try:
                row = db.execute("SELECT max(version) FROM schema_version").fetchone()
            except duckdb.CatalogException:
                return False
        return (row[0] or 0) >= latest_version()

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


def _open_failure(path: str, error: duckdb.Error) -> str:
    """One line for a file DuckDB cannot open; for a lock, who holds it and what to do."""
    message = str(error)
    if "lock" not in message.lower():
        return f"cannot open DuckDB database {path}: {message}"
    holder = re.search(r"held in (.+?) \(PID (\d+)\)", message)
    who = f"process {holder.group(2)} ({holder.group(1)})" if holder else "another process"
    return (f"{path} is locked by {who}: stop it (or let it finish) and try again; while "
            "`eventscope serve` runs without a write token, commands that only read the file "
            "(dyad, network, export) can use it, but not ingest or merge")
