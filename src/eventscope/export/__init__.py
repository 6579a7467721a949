"""Export extracted events to the formats analysts already use.

    from eventscope.export import export
    summary = export(documents, "polecat", "events.tsv")

Formats: the POLECAT, ICEWS, GDELT 2.0 and Phoenix event files (tab-separated, with
their published columns), PLOVER JSON records, and csv/parquet with one flat row per
event (eventscope.analysis.FLAT_COLUMNS). The dataset formats hold events that
happened or are planned; negated and hypothetical events appear only in csv/parquet,
with their `negated` and `factuality` columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eventscope.analysis import FlatRow, counts_as_event, flat_rows
from eventscope.export.formats import TABLE_FORMATS
from eventscope.export.writers import (
    STDOUT,
    destination,
    write_csv,
    write_parquet,
    write_plover,
    write_table,
)
from eventscope.records import Document

FORMATS = (*TABLE_FORMATS, "plover-json", "csv", "parquet")
ALL_EVENTS_FORMATS = frozenset({"csv", "parquet"})


class ExportError(ValueError):
    """A request that cannot be carried out (unknown format, parquet to a terminal)."""


@dataclass(frozen=True)
class ExportSummary:
    rows: int      # events read
    written: int   # records written


def export(documents: Iterable[Document], fmt: str, out: str | Path,
           header: bool | None = None) -> ExportSummary:
    """Write the documents' events to `out` ('-' for stdout) in format `fmt`.

    `header` overrides the format's convention (GDELT files have none, the others one).
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet" and str(out) == STDOUT:
        raise ExportError("parquet is binary: give a file name with --out, not '-'")
    counter = _Counter(flat_rows(documents))
    rows = counter if fmt in ALL_EVENTS_FORMATS else (r for r in counter if counts_as_event(r))
    with destination(out, binary=fmt == "parquet") as handle:
        if fmt in TABLE_FORMATS:
            table = TABLE_FORMATS[fmt]
            written = write_table(rows, table, handle, table.header if header is None else header)
        elif fmt == "csv":
            written = write_csv(rows, handle, True if header is None else header)
        elif fmt == "parquet":
            written = write_parquet(rows, handle)
        else:
            written = write_plover(rows, handle)
    return ExportSummary(counter.count, written)


class _Counter:
    """Passes rows through, counting them."""

    def __init__(self, rows: Iterable[FlatRow]):
        self.rows, self.count = rows, 0

    def __iter__(self):
        for row in self.rows:
            self.count += 1
            yield row
