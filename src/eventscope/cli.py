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


from eventscope.export.commands import dyad_command, export_command, network_command  # noqa: E402

main.add_command(export_command)
main.add_command(dyad_command)
main.add_command(network_command)
