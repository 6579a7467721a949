"""A progress bar for long runs: documents done / total, articles/s, ETA, errors so far.

    with Progress(total=len(paths), quiet=quiet) as progress:
        for item in results:
            progress.advance(error=isinstance(item, InputError))

It draws on stderr only when stderr is a terminal and `quiet` is false, so
pipes, logs and tests see nothing. An unknown total shows as `12/?` with no ETA.
"""

from __future__ import annotations

import sys
from typing import IO, Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as RichProgress
from rich.text import Text


class SpeedColumn(ProgressColumn):
    """Articles per second, blank until rich has measured a rate."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} articles/s" if task.speed else "", style="progress.data.speed")


class Progress:
    """Counts documents and errors; shows them on a terminal."""

    def __init__(self, total: int | None = None, *, quiet: bool = False,
                 description: str = "extracting", stream: IO[str] | None = None):
        stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.errors = 0
        self.visible = not quiet and stream.isatty()
        self._bar = RichProgress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), SpeedColumn(),
            TextColumn("errors: {task.fields[errors]}"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), console=Console(file=stream), disable=not self.visible,
        )
        self._task = self._bar.add_task(description, total=total, errors=0)

    def __enter__(self) -> Self:
        self._bar.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._bar.stop()

    def advance(self, count: int = 1, *, error: bool = False) -> None:
        self.done += count
        if error:
            self.errors += count
        self._bar.update(self._task, advance=count, errors=self.errors)

    def set_total(self, total: int | None) -> None:
        """For inputs whose size is learnt late."""
        self.total = total
        self._bar.update(self._task, total=total)
