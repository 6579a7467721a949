"""Analyst views of extracted events: flat rows, dyad time series, the actor network.

`flat_rows` is the single definition of the one-row-per-event table that the
csv/parquet exports, the other export formats and the store's downloads share.
`dyad_series` and `interaction_network` answer the first two questions analysts
ask: how are relations between A and B evolving, and who are the main actors?
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

import networkx as nx

from eventscope.cameo import cameo_code, plover_intensity, plover_quad
from eventscope.countries import Countries
from eventscope.records import EVENT_TYPES, Document, Event

FlatRow = dict[str, Any]
_ACTOR_FIELDS = ("name", "country", "sector")
_LOCATION_FIELDS = ("name", "country", "latitude", "longitude", "geonameid")
_CAMEO_FIELDS = ("code", "root", "label", "goldstein", "quad_class")
Period = Literal["week", "month"]

# The flat event row, in column order: the document, the event fields of the contract,
# actors and place spread into columns, then the scores and the extras.
FLAT_COLUMNS: tuple[str, ...] = (
    "doc_id", "event_id", "event_index", "publication_date", "dateline", "title", "url", "outlet",
    "sentence", "trigger", "type", "mode", "date",
    "source_name", "source_country", "source_sector",
    "target_name", "target_country", "target_sector",
    "location_name", "location_country", "location_latitude", "location_longitude",
    "location_geonameid",
    "negated", "factuality", "attribution",
    "intensity", "quad_class", "cameo_code", "cameo_root", "cameo_label", "cameo_goldstein",
    "cameo_quad_class",
    "sentence_index", "sentence_start", "sentence_end", "trigger_start", "trigger_end",
    "cluster_id",
)


def flat_rows(documents: Iterable[Document]) -> Iterator[FlatRow]:
    """One flat dict per event (keys FLAT_COLUMNS), streamed document by document."""
    for document in documents:
        for index, event in enumerate(document.events):
            yield _flat_row(document, index, event)


def _flat_row(document: Document, index: int, event: Event) -> FlatRow:
    intensity = event.intensity if event.intensity is not None else plover_intensity(event.type, event.mode)
    return {
        "doc_id": document.doc_id,
        "event_id": event.event_id or f"{document.doc_id}:{index}",  # as the store names them
        "event_index": index,
        "publication_date": document.publication_date,
        "dateline": document.dateline,
        "title": document.title,
        "url": document.url,
        "outlet": document.source,
        "sentence": event.sentence,
        "trigger": event.trigger,
        "type": event.type,
        "mode": event.mode,
        "date": event.date,
        **_spread("source", event.source, _ACTOR_FIELDS),
        **_spread("target", event.target, _ACTOR_FIELDS),
        **_spread("location", event.location, _LOCATION_FIELDS),
        "negated": event.negated,
        "factuality": event.factuality,
        "attribution": event.attribution,
        "intensity": intensity,
        "quad_class": plover_quad(event.type),
        **_spread("cameo", cameo_code(event), _CAMEO_FIELDS),
        "sentence_index": event.sentence_index,
        "sentence_start": event.sentence_start,
        "sentence_end": event.sentence_end,
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
        "cluster_id": event.cluster_id,
    }


def _spread(prefix: str, record: Any, attributes: tuple[str, ...]) -> dict[str, Any]:
    """A record's attributes as prefixed columns, all None when there is no record."""
    return {f"{prefix}_{name}": getattr(record, name) if record else None for name in attributes}


def counts_as_event(row: FlatRow) -> bool:
    """Rows that count as events in datasets and series: not negated, not hypothetical."""
    return not row["negated"] and row["factuality"] != "hypothetical"


def row_day(row: FlatRow) -> date | None:
    """The day an event is placed on: its date when known to the day, else — when it has
    no date at all — the publication date (as POLECAT and GDELT do), else None."""
    text = row["date"] if row["date"] else row["publication_date"]
    if not text or len(text) != 10:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


# ---------------------------------------------------------------- dyad series

@dataclass
class PeriodCounts:
    start: date
    counts: Counter = field(default_factory=Counter)   # event type -> events
    intensities: list[float] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def mean_intensity(self) -> float | None:
        return sum(self.intensities) / len(self.intensities) if self.intensities else None


@dataclass
class DyadSeries:
    a: str
    b: str
    by: Period
    periods: list[PeriodCounts]   # consecutive, empty periods included
    undated: int                  # matching events that could not be placed in time

    @property
    def types(self) -> list[str]:
        """The event types present, in PLOVER order (cooperation first)."""
        seen = {t for p in self.periods for t in p.counts}
        return [t for t in EVENT_TYPES if t in seen]

    def table(self) -> list[dict[str, Any]]:
        """One dict per period: period, each type's count, total, mean_intensity."""
        types = self.types
        return [
            {"period": p.start.isoformat(), **{t: p.counts[t] for t in types},
             "total": p.total, "mean_intensity": p.mean_intensity}
            for p in self.periods
        ]


class ActorMatcher:
    """Does an actor match a query: an ISO code, a country name or an actor name?"""

    def __init__(self, query: str):
        self.query = query
        country = Countries.load().by_code(query) if len(query) in (2, 3) and query.isupper() else None
        country = country or Countries.load().lookup(query)
        self.country = country.iso3 if country else None
        self.name = query.casefold()

    def __call__(self, name: str | None, country: str | None) -> bool:
        if self.country and country == self.country:
            return True
        return bool(name) and name.casefold() == self.name


def dyad_series(rows: Iterable[FlatRow], a: str, b: str, by: Period = "week") -> DyadSeries:
    """Events between A and B in either direction, counted per period and type,
    with the mean PLOVER intensity per period."""
    if by not in ("week", "month"):
        raise ValueError(f"by must be 'week' or 'month', not {by!r}")
    match_a, match_b = ActorMatcher(a), ActorMatcher(b)
    buckets: dict[date, PeriodCounts] = {}
    undated = 0
    for row in rows:
        if not counts_as_event(row) or not _between(row, match_a, match_b):
            continue
        start = row_period(row, by)
        if start is None:
            undated += 1
            continue
        bucket = buckets.setdefault(start, PeriodCounts(start))
        bucket.counts[row["type"]] += 1
        if row["intensity"] is not None:
            bucket.intensities.append(float(row["intensity"]))
    return DyadSeries(a, b, by, _fill_gaps(buckets, by), undated)


def _between(row: FlatRow, match_a: ActorMatcher, match_b: ActorMatcher) -> bool:
    source = (row["source_name"], row["source_country"])
    target = (row["target_name"], row["target_country"])
    return (match_a(*source) and match_b(*target)) or (match_b(*source) and match_a(*target))


def period_start(day: date, by: Period) -> date:
    """The Monday of the ISO week, or the first of the month."""
    if by == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def row_period(row: FlatRow, by: Period) -> date | None:
    """The period an event falls in: by its day, or for months also by a month-only date."""
    day = row_day(row)
    if day is not None:
        return period_start(day, by)
    text = row["date"]
    if by == "month" and text and len(text) == 7:
        try:
            return date.fromisoformat(text + "-01")
        except ValueError:
            return None
    return None


def _next_period(start: date, by: Period) -> date:
    if by == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def _fill_gaps(buckets: dict[date, PeriodCounts], by: Period) -> list[PeriodCounts]:
    if not buckets:
        return []
    periods, current, last = [], min(buckets), max(buckets)
    while current <= last:
        periods.append(buckets.get(current) or PeriodCounts(current))
        current = _next_period(current, by)
    return periods


# ---------------------------------------------------------------- network

def actor_key(name: str | None, country: str | None, sector: str | None) -> str | None:
    """Node id of an actor: its name when named, else country and sector ("SYR GOV")."""
    if name:
        return name
    label = " ".join(part for part in (country, sector) if part)
    return label or None


def interaction_network(rows: Iterable[FlatRow], since: date | None = None) -> nx.Graph:
    """Actors as nodes (label, country, sector, events), one undirected edge per pair
    that interacted (weight = events, mean_intensity, types = 'TYPE:n;...')."""
    graph = nx.Graph()
    edge_intensities: dict[tuple[str, str], list[float]] = defaultdict(list)
    edge_types: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row in rows:
        if not counts_as_event(row) or not _on_or_after(row, since):
            continue
        source = _add_actor(graph, row, "source")
        target = _add_actor(graph, row, "target")
        if source is None or target is None or source == target:
            continue
        pair = tuple(sorted((source, target)))
        edge_types[pair][row["type"]] += 1
        if row["intensity"] is not None:
            edge_intensities[pair].append(float(row["intensity"]))
    for pair, types in edge_types.items():
        values = edge_intensities[pair]
        graph.add_edge(
            *pair, weight=sum(types.values()),
            mean_intensity=round(sum(values) / len(values), 3) if values else 0.0,
            types=";".join(f"{t}:{n}" for t, n in sorted(types.items())),
        )
    return graph


def _on_or_after(row: FlatRow, since: date | None) -> bool:
    if since is None:
        return True
    day = row_day(row)
    return day is not None and day >= since


def _add_actor(graph: nx.Graph, row: FlatRow, side: str) -> str | None:
    name, country, sector = row[f"{side}_name"], row[f"{side}_country"], row[f"{side}_sector"]
    key = actor_key(name, country, sector)
    if key is None:
        return None
    if key not in graph:
        # GraphML has no null: absent attributes are empty strings.
        graph.add_node(key, label=key, country=country or "", sector=sector or "", events=0)
    graph.nodes[key]["events"] += 1
    return key
