"""Drawing a dyad series: stacked bars of events per type and period, and the mean
PLOVER intensity on a second axis."""

from __future__ import annotations

import math
from datetime import timedelta
from pathlib import Path
from typing import BinaryIO

import matplotlib

matplotlib.use("Agg")  # files only, no display

import matplotlib.dates as mdates
import matplotlib.pyplot as plt

from eventscope.analysis import EventSeries
from eventscope.records import EVENT_TYPES

_BAR_DAYS = {"week": 5, "month": 24}
# One stable colour per PLOVER type: cooperation in cool colours, conflict in warm ones.
_PALETTE = plt.get_cmap("tab20").colors
_TYPE_COLOURS = {t: _PALETTE[i % len(_PALETTE)] for i, t in enumerate(EVENT_TYPES)}


def plot_dyad(series: EventSeries, target: str | Path | BinaryIO, fmt: str | None = None) -> None:
    """Write the chart to a path or binary file; `fmt` (png, svg, pdf) or the suffix decides."""
    fig, counts_axis = plt.subplots(figsize=(11, 5.5), layout="constrained")
    starts = [p.start for p in series.periods]
    bottom = [0] * len(starts)
    for event_type in series.types:
        heights = [p.counts[event_type] for p in series.periods]
        counts_axis.bar(starts, heights, width=_BAR_DAYS[series.by], bottom=bottom,
                        color=_TYPE_COLOURS[event_type], label=event_type, align="edge")
        bottom = [b + h for b, h in zip(bottom, heights)]
    counts_axis.set_ylabel(f"Events per {series.by}")
    counts_axis.yaxis.get_major_locator().set_params(integer=True)
    locator = mdates.AutoDateLocator()
    counts_axis.xaxis.set_major_locator(locator)
    counts_axis.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))

    intensity_axis = counts_axis.twinx()
    # A period without events has no mean: NaN breaks the line there (a gap stays a gap).
    means = [math.nan if p.mean_intensity is None else p.mean_intensity for p in series.periods]
    centres = [p.start + timedelta(days=_BAR_DAYS[series.by] / 2) for p in series.periods]
    intensity_axis.plot(centres, means, color="black", marker="o", linewidth=1.5,
                        label="mean intensity")
    intensity_axis.axhline(0, color="grey", linewidth=0.8, linestyle=":")
    intensity_axis.set_ylim(-10.5, 10.5)
    intensity_axis.set_ylabel("Mean PLOVER intensity (−10 conflict … +10 cooperation)")

    handles, labels = counts_axis.get_legend_handles_labels()
    more_handles, more_labels = intensity_axis.get_legend_handles_labels()
    counts_axis.legend(handles + more_handles, labels + more_labels, loc="upper left",
                       fontsize="small", ncols=2, framealpha=0.9)
    unit = "events (merged mentions once)" if series.counting == "events" else "event mentions"
    title = f"{unit.capitalize()} between {series.a} and {series.b}, per {series.by}"
    notes = [f"{series.undated + series.out_of_range} without a chartable date not shown"]
    if series.publication_dated:
        notes.append(f"{series.publication_dated} placed by their publication date")
    title += "\n(" + "; ".join(notes) + ")"
    counts_axis.set_title(title)
    fig.savefig(target, dpi=150, format=fmt)
    plt.close(fig)
