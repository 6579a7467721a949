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
    """Rows that count as events in the dataset exports: not negated, not hypothetical."""
    return not row["negated"] and row["factuality"] != "hypothetical"


def row_day(row: FlatRow) -> date | None:
    """The day a dataset export places an event on: its date when known to the day, else —
    when it has no date at all — the publication date (as POLECAT and GDELT do), else None."""
    text = row["date"] if row["date"] else row["publication_date"]
    return _day(text)


def _day(text: str | None) -> date | None:
    if not text or len(text) != 10:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


# ---------------------------------------------------------------- what the analyses count
#
# Every analysis (series, counts by type, intensity, network) first selects the events it
# counts with the same AnalysisOptions, so the CLI, the API and the page give one answer.

Counting = Literal["auto", "events", "mentions"]
DateBasis = Literal["event", "publication"]
OPTIONAL_FACTUALITIES = ("planned", "hypothetical")
# Years a chart can show; events dated outside (odd input such as year 9999) stay in the
# record and are reported as out of range instead of stretching or breaking the chart.
CHART_YEARS = range(1800, 2200)


@dataclass(frozen=True)
class AnalysisOptions:
    """Which events an analysis counts, and how.

    include: factualities counted besides asserted ("planned", "hypothetical"); negated
      events are never counted.
    count: "events" counts each merged cluster once (an event retold in five sentences is
      one event), "mentions" every extracted event; "auto" is "events" when the events
      carry cluster ids (after `eventscope merge`), else "mentions".
    dates: "event" places an event by its own date only; "publication" falls back to the
      publication date for events without one (reported as `publication_dated`).
    """

    include: tuple[str, ...] = ()
    count: Counting = "auto"
    dates: DateBasis = "event"

    def __post_init__(self) -> None:
        unknown = [f for f in self.include if f not in OPTIONAL_FACTUALITIES]
        if unknown:
            raise ValueError(f"include takes {' and '.join(OPTIONAL_FACTUALITIES)}, "
                             f"not {unknown[0]!r}")
        if self.count not in ("auto", "events", "mentions"):
            raise ValueError(f"count must be auto, events or mentions, not {self.count!r}")
        if self.dates not in ("event", "publication"):
            raise ValueError(f"dates must be event or publication, not {self.dates!r}")

    def counts(self, row: FlatRow) -> bool:
        """Is this row an event the analyses count: not negated, of an included factuality."""
        return not row["negated"] and (row["factuality"] in ("asserted", *self.include))

    def described(self) -> dict[str, Any]:
        return {"include": ["asserted", *self.include], "dates": self.dates}


@dataclass
class Selection:
    """The events an analysis counts: one row per event (per cluster when counting events)."""

    rows: list[FlatRow]
    counting: Literal["events", "mentions"]
    mentions: int          # matching rows before merged mentions were folded together


def select_events(rows: Iterable[FlatRow], options: AnalysisOptions) -> Selection:
    """The rows counted under `options`; by cluster, one row per cluster: the mention with
    the most precise date (the first such in text order)."""
    counted = [row for row in rows if options.counts(row)]
    by_cluster = options.count == "events" or (
        options.count == "auto" and any(row["cluster_id"] for row in counted))
    if not by_cluster:
        return Selection(counted, "mentions", len(counted))
    chosen: dict[str, FlatRow] = {}
    for index, row in enumerate(counted):
        key = row["cluster_id"] or f"\0{index}"   # an unclustered mention is its own event
        best = chosen.get(key)
        if best is None or len(row["date"] or "") > len(best["date"] or ""):
            chosen[key] = row
    return Selection(list(chosen.values()), "events", len(counted))


@dataclass(frozen=True)
class Placed:
    """Where an event falls in time under the options."""

    start: date | None          # the period's first day; None when it cannot be placed
    out_of_range: bool = False  # dated, but outside CHART_YEARS
    from_publication: bool = False


def place(row: FlatRow, by: Period, options: AnalysisOptions) -> Placed:
    """The period of an event: by its own date (a day, or a month when counting by month),
    else — only with dates="publication" — by the publication date."""
    own = row["date"]
    text, fallback = own, False
    if not own and options.dates == "publication":
        text, fallback = row["publication_date"], True
    if not text:
        return Placed(None)
    if text[:4].isdigit() and int(text[:4]) not in CHART_YEARS:
        return Placed(None, out_of_range=True)
    day = _day(text) or (_day(text + "-01") if by == "month" and len(text) == 7 else None)
    return Placed(period_start(day, by) if day else None, from_publication=fallback)


# ---------------------------------------------------------------- series

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
        if not self.intensities:
            return None
        return round(sum(self.intensities) / len(self.intensities), 3)


@dataclass
class EventSeries:
    """Counted events per period and type with the mean PLOVER intensity; what was left out."""

    by: Period
    options: AnalysisOptions
    counting: Literal["events", "mentions"]
    periods: list[PeriodCounts]   # consecutive; a period without events is a gap (total 0)
    undated: int                  # counted events without a date usable for the period
    out_of_range: int             # counted events dated outside CHART_YEARS
    publication_dated: int        # placed by their publication date (dates="publication")
    mentions: int                 # matching mentions before folding clusters
    a: str | None = None          # the dyad, for dyad series
    b: str | None = None

    @property
    def types(self) -> list[str]:
        """The event types present, in PLOVER order (cooperation first)."""
        seen = {t for p in self.periods for t in p.counts}
        return [t for t in EVENT_TYPES if t in seen]

    @property
    def type_counts(self) -> dict[str, int]:
        """Events per type over all periods (the counts by type)."""
        totals: Counter = Counter()
        for period in self.periods:
            totals.update(period.counts)
        return {t: totals[t] for t in self.types}

    @property
    def events(self) -> int:
        return sum(p.total for p in self.periods)

    @property
    def mean_intensity(self) -> float | None:
        values = [v for p in self.periods for v in p.intensities]
        return round(sum(values) / len(values), 3) if values else None

    def table(self) -> list[dict[str, Any]]:
        """One dict per period: period, each type's count, total, mean_intensity."""
        types = self.types
        return [
            {"period": p.start.isoformat(), **{t: p.counts[t] for t in types},
             "total": p.total, "mean_intensity": p.mean_intensity}
            for p in self.periods
        ]

    def to_dict(self) -> dict[str, Any]:
        """The series as the API answers it and `eventscope dyad --format json` prints it."""
        head = {"a": self.a, "b": self.b} if self.a is not None else {}
        return {
            **head, "by": self.by, "count": self.counting, **self.options.described(),
            "events": self.events, "mentions": self.mentions, "undated": self.undated,
            "out_of_range": self.out_of_range, "publication_dated": self.publication_dated,
            "types": self.types, "type_counts": self.type_counts,
            "mean_intensity": self.mean_intensity, "periods": self.table(),
        }


DyadSeries = EventSeries  # the series of one dyad's events


def event_series(rows: Iterable[FlatRow], by: Period = "week",
                 options: AnalysisOptions = AnalysisOptions()) -> EventSeries:
    """The counted events of `rows` per period and type, with the mean intensity."""
    if by not in ("week", "month"):
        raise ValueError(f"by must be 'week' or 'month', not {by!r}")
    selection = select_events(rows, options)
    buckets: dict[date, PeriodCounts] = {}
    left_out: Counter = Counter()
    for row in selection.rows:
        placed = place(row, by, options)
        if placed.start is None:
            left_out["out_of_range" if placed.out_of_range else "undated"] += 1
            continue
        left_out["publication_dated"] += placed.from_publication
        bucket = buckets.setdefault(placed.start, PeriodCounts(placed.start))
        bucket.counts[row["type"]] += 1
        if row["intensity"] is not None:
            bucket.intensities.append(float(row["intensity"]))
    return EventSeries(by, options, selection.counting, _fill_gaps(buckets, by),
                       left_out["undated"], left_out["out_of_range"],
                       left_out["publication_dated"], selection.mentions)


def dyad_series(rows: Iterable[FlatRow], a: str, b: str, by: Period = "week",
                options: AnalysisOptions = AnalysisOptions()) -> EventSeries:
    """Events between A and B in either direction, counted per period and type,
    with the mean PLOVER intensity per period."""
    match_a, match_b = ActorMatcher(a), ActorMatcher(b)
    series = event_series((row for row in rows if _between(row, match_a, match_b)), by, options)
    series.a, series.b = a, b
    return series


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


def _between(row: FlatRow, match_a: ActorMatcher, match_b: ActorMatcher) -> bool:
    source = (row["source_name"], row["source_country"])
    target = (row["target_name"], row["target_country"])
    return (match_a(*source) and match_b(*target)) or (match_b(*source) and match_a(*target))


def period_start(day: date, by: Period) -> date:
    """The Monday of the ISO week, or the first of the month."""
    if by == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


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

Level = Literal["actor", "country"]


def actor_key(name: str | None, country: str | None, sector: str | None) -> str | None:
    """Node id of an actor: its name when named, else country and sector ("SYR GOV")."""
    if name:
        return name
    label = " ".join(part for part in (country, sector) if part)
    return label or None


def _node(row: FlatRow, side: str, level: Level) -> tuple[str, dict[str, str]] | None:
    """(node id, attributes) of one side of an event: the actor, or at country level its
    country (an actor without a country, such as the UN's envoy, stays itself)."""
    name, country, sector = row[f"{side}_name"], row[f"{side}_country"], row[f"{side}_sector"]
    if level == "country" and country:
        return country, {"label": _country_name(country), "name": "", "country": country,
                         "sector": ""}
    key = actor_key(name, country, sector)
    if key is None:
        return None
    # GraphML has no null: absent attributes are empty strings.
    return key, {"label": key, "name": name or "", "country": country or "",
                 "sector": sector or ""}


def _country_name(code: str) -> str:
    country = Countries.load().by_code(code)
    return country.name if country else code


def interaction_network(rows: Iterable[FlatRow], since: date | None = None,
                        options: AnalysisOptions = AnalysisOptions(),
                        level: Level = "actor") -> nx.Graph:
    """Actors (or their countries) as nodes (label, country, sector, events), one undirected
    edge per pair that interacted (weight = events, mean_intensity, types = 'TYPE:n;...')."""
    if level not in ("actor", "country"):
        raise ValueError(f"level must be 'actor' or 'country', not {level!r}")
    graph = nx.Graph()
    graph.graph.update(level=level)
    edge_intensities: dict[tuple[str, str], list[float]] = defaultdict(list)
    edge_types: dict[tuple[str, str], Counter] = defaultdict(Counter)
    selection = select_events(rows, options)
    graph.graph.update(count=selection.counting, events=0)
    for row in selection.rows:
        if not _on_or_after(row, since, options):
            continue
        graph.graph["events"] += 1
        source = _add_node(graph, row, "source", level)
        target = _add_node(graph, row, "target", level)
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


def _on_or_after(row: FlatRow, since: date | None, options: AnalysisOptions) -> bool:
    if since is None:
        return True
    placed = place(row, "week", options)
    day = _day(row["date"]) or (_day(row["publication_date"]) if placed.from_publication else None)
    return day is not None and day >= since


def _add_node(graph: nx.Graph, row: FlatRow, side: str, level: Level) -> str | None:
    found = _node(row, side, level)
    if found is None:
        return None
    key, attributes = found
    if key not in graph:
        graph.add_node(key, **attributes, events=0)
    graph.nodes[key]["events"] += 1
    return key


def network_dict(graph: nx.Graph, max_nodes: int | None = None) -> dict[str, Any]:
    """The network as the API answers it: nodes by events (the `max_nodes` most active)
    and the edges between the nodes kept."""
    ranked = sorted(graph.nodes(data=True), key=lambda item: (-item[1]["events"], item[0]))
    kept = ranked[:max_nodes] if max_nodes else ranked
    keys = {key for key, _ in kept}
    edges = [
        {"a": a, "b": b, "events": data["weight"], "mean_intensity": data["mean_intensity"],
         "types": _type_counts(data["types"])}
        for (a, b), data in ((sorted(pair), data) for *pair, data in graph.edges(data=True))
        if a in keys and b in keys
    ]
    edges.sort(key=lambda edge: (-edge["events"], edge["a"], edge["b"]))
    return {
        "level": graph.graph.get("level", "actor"), "count": graph.graph.get("count"),
        "events": graph.graph.get("events", 0), "total_nodes": graph.number_of_nodes(),
        "nodes": [{"id": key, **data} for key, data in kept], "edges": edges,
    }


def _type_counts(text: str) -> dict[str, int]:
    """'AID:1;CONSULT:2' as {'AID': 1, 'CONSULT': 2}."""
    pairs = (part.split(":") for part in text.split(";"))
    return {event_type: int(count) for event_type, count in pairs}
