"""Command line: `eventscope export`, `eventscope dyad`, `eventscope network`."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import click
import networkx as nx

from eventscope.analysis import (
    OPTIONAL_FACTUALITIES,
    AnalysisOptions,
    EventSeries,
    dyad_series,
    flat_rows,
    interaction_network,
)
from eventscope.export import FORMATS, ExportError, export
from eventscope.export.inputs import read_documents, store_documents
from eventscope.export.writers import destination
from eventscope.records import Document, InputError

NETWORK_WRITERS = {".graphml": nx.write_graphml, ".gexf": nx.write_gexf}
PLOT_SUFFIXES = (".png", ".svg", ".pdf")


class DocumentSource:
    """The documents named on the command line, counting the bad records met on the way."""

    def __init__(self, inputs: tuple[str, ...], db: str | None):
        if inputs and db:
            raise click.UsageError("give INPUT files or --db URL, not both")
        if not inputs and not db:
            raise click.UsageError("give INPUT.jsonl files or --db URL")
        self.inputs, self.db, self.errors = inputs, db, 0

    def __iter__(self) -> Iterator[Document]:
        if self.db:
            from eventscope.store import StoreError

            try:
                yield from store_documents(self.db)
            except StoreError as error:   # e.g. a writer holds the file: one clear line
                raise click.ClickException(str(error)) from None
            return
        for item in read_documents(self.inputs):
            if isinstance(item, InputError):
                self.errors += 1
                click.echo(f"error: {item}", err=True)
            else:
                yield item

    def finish(self) -> None:
        """Exit with status 1 when some input was bad (the good records were used)."""
        if self.errors:
            click.echo(f"{self.errors} bad input record(s) skipped", err=True)
            sys.exit(1)


def with_documents(command: Callable) -> Callable:
    """INPUT... / --db URL options, handed to the command as a DocumentSource."""
    @click.argument("inputs", metavar="[INPUT.jsonl]...", nargs=-1,
                    type=click.Path(exists=True, dir_okay=False))
    @click.option("--db", metavar="URL", help="Read the documents from this store instead.")
    @functools.wraps(command)
    def wrapper(inputs: tuple[str, ...], db: str | None, **kwargs):
        source = DocumentSource(inputs, db)
        command(source, **kwargs)
        source.finish()
    return wrapper


@click.command("export")
@with_documents
@click.option("--format", "-f", "fmt", required=True, type=click.Choice(FORMATS),
              help="Output format.")
@click.option("--out", "-o", required=True, metavar="FILE", help="Output file, '-' for stdout.")
@click.option("--header/--no-header", default=None,
              help="Force a header line on or off (default: as the format's files ship).")
def export_command(source: DocumentSource, fmt: str, out: str, header: bool | None) -> None:
    """Export events as POLECAT, ICEWS, GDELT or Phoenix files, PLOVER JSON, csv or parquet.

    \b
    eventscope export docs.jsonl --format polecat --out events.tsv
    eventscope export --db eventscope.duckdb --format csv --out -
    """
    try:
        summary = export(source, fmt, out, header=header)
    except ExportError as error:
        raise click.UsageError(str(error)) from None
    except OSError as error:
        raise click.FileError(out, error.strerror) from None
    left_out = summary.rows - summary.written
    note = f" ({left_out} negated, hypothetical or actorless left out)" if left_out else ""
    click.echo(f"{summary.written} events written to {out}{note}", err=True)


def with_analysis_options(command: Callable) -> Callable:
    """--include / --count / --dates, handed to the command as AnalysisOptions: the same
    options, with the same defaults, as the API's series and network."""
    @click.option("--include", type=click.Choice(OPTIONAL_FACTUALITIES), multiple=True,
                  help="Also count planned or hypothetical events (repeatable); asserted ones "
                       "always count, negated ones never.")
    @click.option("--count", type=click.Choice(["auto", "events", "mentions"]), default="auto",
                  show_default=True, help="events: each merged cluster once; mentions: every "
                  "extracted event; auto: events when the events carry cluster ids.")
    @click.option("--dates", type=click.Choice(["event", "publication"]), default="event",
                  show_default=True, help="event: an event's own date only; publication: the "
                  "publication date for events without one (reported as such).")
    @functools.wraps(command)
    def wrapper(*args, include: tuple[str, ...], count: str, dates: str, **kwargs):
        options = AnalysisOptions(include=include, count=count, dates=dates)
        return command(*args, options=options, **kwargs)
    return wrapper


@click.command("dyad")
@click.argument("a")
@click.argument("b")
@with_documents
@click.option("--by", type=click.Choice(["week", "month"]), default="week", show_default=True)
@with_analysis_options
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="json: the series as /api/dyads/A/B/series answers it.")
@click.option("--plot", "plot_path", metavar="FILE.png|svg",
              help="Also draw the series to this image file.")
def dyad_command(source: DocumentSource, a: str, b: str, by: str, options: AnalysisOptions,
                 fmt: str, plot_path: str | None) -> None:
    """Events between A and B (country codes, country names or actor names) per period.

    \b
    eventscope dyad Russia Syria docs.jsonl --by month --plot russia-syria.png
    eventscope dyad RUS SYR --db eventscope.duckdb --by month --format json
    """
    if plot_path and Path(plot_path).suffix.lower() not in PLOT_SUFFIXES:
        raise click.BadParameter("the plot file must end in .png, .svg or .pdf", param_hint="--plot")
    series = dyad_series(flat_rows(source), a, b, by=by, options=options)
    if fmt == "json":
        click.echo(json.dumps(series.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_series(series)
    if plot_path:
        from eventscope.export.plot import plot_dyad  # matplotlib only when drawing
        with destination(plot_path, binary=True) as handle:
            plot_dyad(series, handle, fmt=Path(plot_path).suffix[1:].lower())
        click.echo(f"plot written to {plot_path}", err=True)


def print_series(series: EventSeries) -> None:
    """The non-empty periods as a table; a run of empty periods is one line saying so."""
    table = series.table()
    if not table:
        click.echo(f"no dated events between {series.a} and {series.b}")
    else:
        columns = list(table[0])
        widths = [max(len(c), 10 if c == "period" else 4) for c in columns]
        click.echo("  ".join(c.rjust(w) for c, w in zip(columns, widths)))
        empty = 0
        for line in table:
            if not line["total"]:
                empty += 1
                continue
            if empty:
                click.echo(f"{'':>10}  ({empty} {series.by}{'s' * (empty > 1)} without events)")
                empty = 0
            cells = [_show(line[c]) for c in columns]
            click.echo("  ".join(v.rjust(w) for v, w in zip(cells, widths)))
    click.echo(_left_out_note(series))


def _left_out_note(series: EventSeries) -> str:
    """What was counted and what was left out, always shown (zero included)."""
    unit = "events (merged mentions counted once)" if series.counting == "events" else "mentions"
    note = (f"counted: {series.events} {unit}, "
            f"{'/'.join(['asserted', *series.options.include])}, not negated; "
            f"{series.undated} without a usable date left out")
    if series.out_of_range:
        note += f", {series.out_of_range} dated outside the chartable years left out"
    if series.publication_dated:
        note += f"; {series.publication_dated} placed by their publication date"
    return f"({note})"


def _show(value) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


@click.command("network")
@with_documents
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Only events on or after this day (YYYY-MM-DD).")
@click.option("--level", type=click.Choice(["actor", "country"]), default="actor",
              show_default=True, help="Nodes are actors, or their countries.")
@with_analysis_options
@click.option("--out", "-o", required=True, metavar="FILE.graphml|gexf")
def network_command(source: DocumentSource, since: datetime | None, level: str,
                    options: AnalysisOptions, out: str) -> None:
    """The actor interaction network, for Gephi or networkx.

    \b
    eventscope network docs.jsonl --since 2021-01-01 --out actors.graphml
    """
    writer = NETWORK_WRITERS.get(Path(out).suffix.lower())
    if writer is None:
        raise click.BadParameter("the file must end in .graphml or .gexf", param_hint="--out")
    graph = interaction_network(flat_rows(source), since=since.date() if since else None,
                                options=options, level=level)
    with destination(out, binary=True) as handle:
        writer(graph, handle)
    nodes = "countries" if level == "country" else "actors"
    click.echo(f"{graph.number_of_nodes()} {nodes}, {graph.number_of_edges()} links from "
               f"{graph.graph['events']} {graph.graph['count']} written to {out}", err=True)
