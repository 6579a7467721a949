"""Writers: flat event rows -> a file of one format, streamed row by row.

Files are written beside their destination and moved into place at the end, so an
interrupted export never leaves a half-written file under the requested name.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventscope.analysis import FLAT_COLUMNS, FlatRow
from eventscope.export.formats import TableFormat, plover_record

STDOUT = "-"
PARQUET_BATCH = 2000
_UNSAFE_IN_CELLS = str.maketrans({"\t": " ", "\n": " ", "\r": " "})

# Parquet column types of the flat row; every other column is a string.
_PARQUET_TYPES = {
    "event_index": pa.int32(), "location_latitude": pa.float64(), "location_longitude": pa.float64(),
    "location_geonameid": pa.int64(), "negated": pa.bool_(), "intensity": pa.float64(),
    "quad_class": pa.int8(), "cameo_goldstein": pa.float64(), "cameo_quad_class": pa.int8(),
    "sentence_index": pa.int32(), "sentence_start": pa.int64(), "sentence_end": pa.int64(),
    "trigger_start": pa.int64(), "trigger_end": pa.int64(),
}
PARQUET_SCHEMA = pa.schema([(name, _PARQUET_TYPES.get(name, pa.string())) for name in FLAT_COLUMNS])


@contextmanager
def destination(path: str | Path, binary: bool = False) -> Iterator[IO[Any]]:
    """An open file that becomes `path` when the block ends without error; stdout for '-'."""
    if str(path) == STDOUT:
        yield sys.stdout.buffer if binary else sys.stdout
        return
    path = Path(path)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed or removed
        "wb" if binary else "w", dir=path.parent, prefix=f".{path.name}.", delete=False,
        **({} if binary else {"encoding": "utf-8", "newline": ""}))
    try:
        with handle:
            yield handle
        os.chmod(handle.name, 0o666 & ~_umask())   # temporary files are private; results are not
        os.replace(handle.name, path)
    except BaseException:
        os.unlink(handle.name)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def text(value: Any) -> str:
    """A value as CSV text: empty for None, true/false for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def cell(value: Any) -> str:
    """A value as unquoted TSV text: no tabs or line breaks inside."""
    return text(value).translate(_UNSAFE_IN_CELLS)


def write_table(rows: Iterable[FlatRow], fmt: TableFormat, handle: IO[str], header: bool) -> int:
    """Tab-separated, unquoted (as the datasets ship); returns the rows written."""
    writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar=None,
                        quotechar=None, lineterminator="\n")
    if header:
        writer.writerow(fmt.columns)
    count = 0
    for row in rows:
        writer.writerow([cell(value) for value in fmt.to_cells(row)])
        count += 1
    return count


# Text a spreadsheet would run as a formula ("-2+3" too); numbers are not text here.
_FORMULA_START = re.compile(r"[=+\-@\t\r]")


def spreadsheet_safe(value: Any) -> str:
    """A CSV cell that a spreadsheet shows as text: evidence such as "=HYPERLINK(...)" or
    "@SUM(...)" gets a leading apostrophe (OWASP's CSV-injection advice); numbers stay."""
    if isinstance(value, str) and _FORMULA_START.match(value):
        return "'" + value
    return text(value)


def write_csv(rows: Iterable[FlatRow], handle: IO[str], header: bool = True) -> int:
    """Comma-separated, quoted where needed, text cells defused for spreadsheets."""
    writer = csv.writer(handle, lineterminator="\n")
    if header:
        writer.writerow(FLAT_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow([spreadsheet_safe(row[name]) for name in FLAT_COLUMNS])
        count += 1
    return count


def write_parquet(rows: Iterable[FlatRow], handle: IO[bytes]) -> int:
    count = 0
    with pq.ParquetWriter(handle, PARQUET_SCHEMA) as writer:
        rows = iter(rows)
        while batch := list(islice(rows, PARQUET_BATCH)):
            writer.write_table(pa.Table.from_pylist(batch, schema=PARQUET_SCHEMA))
            count += len(batch)
        if count == 0:
            writer.write_table(PARQUET_SCHEMA.empty_table())
    return count


def write_plover(rows: Iterable[FlatRow], handle: IO[str]) -> int:
    """PLOVER JSON records, one per line (JSON Lines)."""
    count = 0
    for row in rows:
        record = plover_record(row)
        if record is not None:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
