"""`eventscope summary FILE`: a readable table of the events in a JSONL file of documents.

Reads what `eventscope extract` writes (one document per line) and prints one row per
event, then the count of each event type, so a person can check an extraction at a glance.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from eventscope.analysis import AnalysisOptions, flat_rows, select_events
from eventscope.records import Actor, Document, Event, InputError


def read_documents(path: Path) -> Iterator[Document]:
    """The documents of a JSONL file; a bad line raises InputError naming `path:line`."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield Document.from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                raise InputError(f"{path}:{number}", _not_a_record(path, error)) from error


def _not_a_record(path: Path, error: Exception) -> str:
    """Why the line is no document record, and what to run on an article instead."""
    reason = "not valid JSON" if isinstance(error, json.JSONDecodeError) else str(error)
    return (f"not a document record ({reason}); summary reads what `eventscope extract` writes: "
            f"run `eventscope extract {path} --out events.jsonl`, then "
            "`eventscope summary events.jsonl`")


def _count(number: int, noun: str) -> str:
    """'1 document', '2 documents'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def actor_label(actor: Actor | None) -> str:
    """'Sergey Lavrov (RUS)', 'RUS', 'ISIS', or '-' when there is no actor."""
    if actor is None:
        return "-"
    if actor.name:
        return f"{actor.name} ({actor.country})" if actor.country else actor.name
    return actor.country or actor.sector or "?"


def event_flags(event: Event) -> str:
    """What is unusual about an event's status: negated, planned, hypothetical."""
    flags = ["negated"] if event.negated else []
    if event.factuality != "asserted":
        flags.append(event.factuality)
    return ", ".join(flags)


def events_table(documents: list[Document]) -> Table:
    table = Table(title="Events found")
    for column in ("document", "type", "mode", "date", "status"):
        table.add_column(column, no_wrap=True)
    for column in ("source", "target", "location", "trigger"):
        table.add_column(column, overflow="fold")
    for document in documents:
        for number, event in enumerate(document.events, start=1):
            table.add_row(
                document.doc_id if number == 1 else "", event.type, event.mode or "",
                event.date or "", event_flags(event), actor_label(event.source),
                actor_label(event.target), event.location.name if event.location else "",
                event.trigger, end_section=number == len(document.events),
            )
    return table


def totals_line(documents: list[Document]) -> str:
    by_type = Counter(event.type for document in documents for event in document.events)
    quotes = sum(len(document.quotes) for document in documents)
    kinds = ", ".join(f"{kind} {count}" for kind, count in by_type.most_common())
    return (f"{_count(len(documents), 'document')}, {_count(sum(by_type.values()), 'event')} "
            f"({kinds or 'none'}), {_count(quotes, 'quote')}")


def counted_line(documents: list[Document]) -> str:
    """What the analyses (dyad, network, page) count of these events, by their defaults."""
    selection = select_events(flat_rows(documents), AnalysisOptions())
    by_type = Counter(row["type"] for row in selection.rows)
    kinds = ", ".join(f"{kind} {count}" for kind, count in by_type.most_common())
    merged = ", merged mentions once" if selection.counting == "events" else ""
    return (f"counted by dyad, network and the page (asserted, not negated{merged}): "
            f"{_count(len(selection.rows), 'event')} ({kinds or 'none'})")


@click.command("summary")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--width", type=int, default=None, help="Table width in characters (default: the terminal's).")
def summary_command(path: Path, width: int | None) -> None:
    """Print a table of the events in PATH, a JSONL file written by `eventscope extract`.

    One row per event (document, type, mode, source, target, date, location, trigger and
    whether it is negated, planned or hypothetical), then the totals by event type.

    Example: `eventscope extract examples --out out/examples.jsonl &&
    eventscope summary out/examples.jsonl`
    """
    try:
        documents = list(read_documents(path))
    except InputError as error:
        raise click.ClickException(str(error)) from error
    console = Console(width=width or (None if Console().is_terminal else 160))
    console.print(events_table(documents))
    console.print(totals_line(documents))
    console.print(counted_line(documents))
