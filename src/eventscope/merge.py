"""Event merging: mentions of the same real-world event become one cluster.

One visit reported in three sentences, or one phone call reported by two
outlets, gives several event records (mentions). Two mentions are the same
event when they have the same type, polarity and factuality, compatible actors
(same country and name where both say; either order for CONSULT, COOPERATE and
AGREE), compatible dates (equal up to the coarser precision, or close to the
publication date when undated) and compatible places.

Clustering is complete-linkage: a mention joins a cluster only when it is
compatible with every member, so "met on 7 January" and "met on 14 January"
never end up together through an undated mention between them. Mentions are
visited in date order, and only clusters still within the date window are
candidates, so a corpus of any size is clustered in one pass over small
`Mention` records (never whole documents). Cluster ids are a hash of the sorted
member event ids: the same input always gives the same ids.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import IO, Any

import click

from eventscope.datafile import read_yaml

from .records import UNORDERED_TYPES, Actor, Document
from .store.rows import date_range

Interval = tuple[date, date]


@dataclass(frozen=True)
class MergeSettings:
    date_window_days: int = 3
    same_document_allows_missing: bool = True


@lru_cache(maxsize=1)
def default_settings() -> MergeSettings:
    text = resources.files("eventscope.data").joinpath("merge.yaml").read_text(encoding="utf-8")
    return MergeSettings(**read_yaml(text))


@dataclass(frozen=True)
class Mention:
    """What merging needs to know about one event record."""

    event_id: str
    doc_id: str
    index: int  # position of the event in its document
    type: str
    mode: str | None
    source: Actor | None
    target: Actor | None
    date: str | None
    place: str | None  # location name as the event gives it
    dateline: str | None  # where the article was filed from
    negated: bool
    factuality: str
    publication_date: str | None
    outlet: str | None


@dataclass
class Cluster:
    """One real-world event and all the mentions that report it."""

    cluster_id: str
    mentions: list[Mention]

    def to_dict(self) -> dict[str, Any]:
        return cluster_summary(self)


@dataclass
class Clustering:
    clusters: list[Cluster]
    cluster_of: dict[str, str] = field(default_factory=dict)  # event id -> cluster id

    def apply(self, document: Document) -> Document:
        """Set `cluster_id` on the document's events (in place) and return it."""
        for index, event in enumerate(document.events):
            event.cluster_id = self.cluster_of.get(event_key(document.doc_id, index, event.event_id))
        return document


def event_key(doc_id: str, index: int, event_id: str | None) -> str:
    """The event's id, or a stable stand-in when the extractor gave none."""
    return event_id or f"{doc_id}:{index}"  # as the store names events


def mentions_of(document: Document) -> Iterator[Mention]:
    for index, event in enumerate(document.events):
        yield Mention(
            event_id=event_key(document.doc_id, index, event.event_id),
            doc_id=document.doc_id,
            index=index,
            type=event.type,
            mode=event.mode,
            source=event.source,
            target=event.target,
            date=event.date,
            place=event.location.name if event.location else None,
            dateline=document.dateline,
            negated=bool(event.negated),
            factuality=event.factuality or "asserted",
            publication_date=document.publication_date,
            outlet=document.source,
        )


# --- compatibility of two mentions --------------------------------------------------------


def _normalise(text: str | None) -> str | None:
    return " ".join(text.casefold().split()) if text else None


def parse_date(value: str | None) -> Interval | None:
    """`2020`, `2020-01` or `2020-01-07` as the interval of days it covers, else None."""
    start, end = date_range(value)
    return (start, end) if start and end else None


def _gap_days(a: Interval, b: Interval) -> int:
    """Days between two intervals, 0 when they overlap."""
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def actors_compatible(a: Actor | None, b: Actor | None, allow_missing: bool = False) -> bool:
    if a is None or b is None:
        return (a is None and b is None) or allow_missing
    name_a, name_b = _normalise(a.name), _normalise(b.name)
    if a.country and b.country and a.country != b.country:
        return False
    if name_a and name_b and name_a != name_b:
        return False
    # Something positive must match: two actors with nothing in common are not the same.
    return bool((a.country and a.country == b.country) or (name_a and name_a == name_b))


def dyads_compatible(a: Mention, b: Mention, settings: MergeSettings) -> bool:
    allow_missing = a.doc_id == b.doc_id and settings.same_document_allows_missing

    def pair(source: Actor | None, target: Actor | None) -> bool:
        return (actors_compatible(a.source, source, allow_missing)
                and actors_compatible(a.target, target, allow_missing))

    if pair(b.source, b.target):
        return True
    return a.type in UNORDERED_TYPES and pair(b.target, b.source)


def dates_compatible(a: Mention, b: Mention, settings: MergeSettings) -> bool:
    date_a, date_b = parse_date(a.date), parse_date(b.date)
    if date_a and date_b:
        return _gap_days(date_a, date_b) == 0
    if a.doc_id == b.doc_id and settings.same_document_allows_missing:
        return True
    # An undated mention happened around its article's publication.
    anchor_a = date_a or parse_date(a.publication_date)
    anchor_b = date_b or parse_date(b.publication_date)
    if not anchor_a or not anchor_b:
        return False
    return _gap_days(anchor_a, anchor_b) <= settings.date_window_days


def places_compatible(a: Mention, b: Mention) -> bool:
    """Same place, or one unknown. A place that is only the article's dateline says where
    the reporter was (outlets file one phone call from two capitals), so it does not count."""
    place_a, place_b = _normalise(a.place), _normalise(b.place)
    if place_a is None or place_b is None or place_a == place_b:
        return True
    return place_a == _normalise(a.dateline) or place_b == _normalise(b.dateline)


def compatible(a: Mention, b: Mention, settings: MergeSettings) -> bool:
    return (
        a.type == b.type
        and a.negated == b.negated
        and a.factuality == b.factuality
        and (a.mode is None or b.mode is None or a.mode == b.mode)
        and places_compatible(a, b)
        and dates_compatible(a, b, settings)
        and dyads_compatible(a, b, settings)
    )


# --- clustering ------------------------------------------------------------------------------


def _anchor(mention: Mention, window: int) -> Interval | None:
    """The days a mention can refer to: its date, else around its publication date."""
    dated = parse_date(mention.date)
    if dated:
        return dated
    published = parse_date(mention.publication_date)
    if published:
        return published[0] - timedelta(days=window), published[1] + timedelta(days=window)
    return None


@dataclass
class _Open:
    """A cluster being built."""

    mentions: list[Mention]
    end: date  # last day any member can refer to


def cluster_mentions(mentions: Iterable[Mention], settings: MergeSettings | None = None) -> Clustering:
    settings = settings or default_settings()
    window = settings.date_window_days
    anchored: list[tuple[Interval, Mention]] = []
    unanchored: list[Mention] = []
    for mention in mentions:
        interval = _anchor(mention, window)
        (anchored.append((interval, mention)) if interval else unanchored.append(mention))
    anchored.sort(key=lambda item: (item[0][0], item[0][1], item[1].doc_id, item[1].index))
    unanchored.sort(key=lambda m: (m.doc_id, m.index))

    built: list[_Open] = []
    active: dict[str, list[_Open]] = defaultdict(list)  # by type: clusters still in the window
    by_document: dict[tuple[str, str], list[_Open]] = defaultdict(list)  # (doc, type) -> clusters

    def place(mention: Mention, candidates: list[_Open], end: date) -> _Open:
        fitting = [c for c in candidates if all(compatible(mention, m, settings) for m in c.mentions)]
        chosen = max(fitting, key=lambda c: len(c.mentions), default=None)  # first of the largest
        if chosen is None:
            chosen = _Open([], end)
            built.append(chosen)
            active[mention.type].append(chosen)
        if chosen not in by_document[(mention.doc_id, mention.type)]:
            by_document[(mention.doc_id, mention.type)].append(chosen)
        chosen.mentions.append(mention)
        chosen.end = max(chosen.end, end)
        return chosen

    for (start, end), mention in anchored:
        # Clusters that end more than a window before this mention can take no more members
        # (the same-document exception is served by `by_document`).
        open_clusters = [c for c in active[mention.type] if c.end + timedelta(days=window) >= start]
        active[mention.type] = open_clusters
        own = [c for c in by_document[(mention.doc_id, mention.type)] if c not in open_clusters]
        place(mention, open_clusters + own, end)
    for mention in unanchored:  # no date anywhere: only mentions of the same article can match
        place(mention, by_document[(mention.doc_id, mention.type)], date.min)

    return _finish(built)


def _finish(built: list[_Open]) -> Clustering:
    clusters = []
    cluster_of: dict[str, str] = {}
    for item in built:
        members = sorted(item.mentions, key=lambda m: (m.doc_id, m.index))
        cluster_id = cluster_id_of(m.event_id for m in members)
        clusters.append(Cluster(cluster_id, members))
        cluster_of.update((m.event_id, cluster_id) for m in members)
    clusters.sort(key=lambda c: c.cluster_id)
    return Clustering(clusters, cluster_of)


def cluster_id_of(event_ids: Iterable[str]) -> str:
    digest = hashlib.sha1("\n".join(sorted(event_ids)).encode("utf-8")).hexdigest()
    return "cl_" + digest[:16]


def merge_events(documents: Iterable[Document], settings: MergeSettings | None = None) -> Clustering:
    """Cluster the events of `documents` (consumed once; only small mention records are kept)."""
    return cluster_mentions((m for doc in documents for m in mentions_of(doc)), settings)


# --- what a cluster says ------------------------------------------------------------------


def _most_specific_actor(actors: Iterable[Actor | None]) -> Actor | None:
    known = [a for a in actors if a is not None]
    if not known:
        return None
    counts = Counter(known)
    # Named beats unnamed, then the most frequent, then the first seen.
    return max(known, key=lambda a: (a.name is not None, a.country is not None, counts[a]))


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v is not None)
    return counts.most_common(1)[0][0] if counts else None


def cluster_summary(cluster: Cluster) -> dict[str, Any]:
    """The cluster as one record: the event's best-known fields, its mentions and sources."""
    mentions = cluster.mentions
    first = mentions[0]
    sources = [m.source for m in mentions]
    targets = [m.target for m in mentions]
    if first.type in UNORDERED_TYPES:  # orient every mention like the first one
        sources, targets = _orient(first, mentions)
    dates = [m.date for m in mentions if m.date]
    best_date = _most_common(d for d in dates if len(d) == max(len(x) for x in dates)) if dates else None
    source, target = _most_specific_actor(sources), _most_specific_actor(targets)
    published = sorted(m.publication_date for m in mentions if m.publication_date)
    return {
        "cluster_id": cluster.cluster_id,
        "type": first.type,
        "mode": _most_common(m.mode for m in mentions),
        "source": source.to_dict() if source else None,
        "target": target.to_dict() if target else None,
        "date": best_date,
        "location": _most_common(m.place for m in mentions),
        "negated": first.negated,
        "factuality": first.factuality,
        "n_mentions": len(mentions),
        "n_documents": len({m.doc_id for m in mentions}),
        "doc_ids": sorted({m.doc_id for m in mentions}),
        "outlets": sorted({m.outlet for m in mentions if m.outlet}),
        "event_ids": [m.event_id for m in mentions],
        "first_published": published[0] if published else None,
        "last_published": published[-1] if published else None,
    }


def _orient(first: Mention, mentions: list[Mention]) -> tuple[list, list]:
    sources, targets = [], []
    for m in mentions:
        straight = actors_compatible(first.source, m.source) + actors_compatible(first.target, m.target)
        swapped = actors_compatible(first.source, m.target) + actors_compatible(first.target, m.source)
        keeps_order = straight >= swapped
        sources.append(m.source if keeps_order else m.target)
        targets.append(m.target if keeps_order else m.source)
    return sources, targets


# --- JSONL in, JSONL out --------------------------------------------------------------------


def merge_jsonl(documents_jsonl: str, out: IO[str], settings: MergeSettings | None = None) -> Clustering:
    """Add `cluster_id` to every event of a JSONL documents file, written to `out`.

    Two passes over the file, so memory holds mention records, never the documents.
    """
    clustering = merge_events(_read_documents(documents_jsonl), settings)
    for document in _read_documents(documents_jsonl):
        out.write(json.dumps(clustering.apply(document).to_dict(), ensure_ascii=False) + "\n")
    return clustering


def _read_documents(path: str) -> Iterator[Document]:
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield Document.from_dict(json.loads(line))


# --- the clusters table ---------------------------------------------------------------------
# `eventscope merge` clusters every stored event and writes the result in one transaction:
# the clusters table, cluster_members, and cluster_id on each event (schema migration 2).
# Run it again after ingesting more: it recomputes everything, deterministically.

CLUSTER_COLUMNS = (
    "id", "type", "mode", "source_name", "source_country", "source_sector",
    "target_name", "target_country", "target_sector", "date", "location_name",
    "negated", "factuality", "n_mentions", "n_documents", "doc_ids", "outlets",
    "first_published", "last_published",
)
_JSON_COLUMNS = ("doc_ids", "outlets")


def _cluster_row(cluster: Cluster) -> tuple[Any, ...]:
    summary = cluster_summary(cluster)
    source, target = summary["source"] or {}, summary["target"] or {}
    values = {
        **summary, "id": cluster.cluster_id, "location_name": summary["location"],
        **{f"source_{k}": source.get(k) for k in ("name", "country", "sector")},
        **{f"target_{k}": target.get(k) for k in ("name", "country", "sector")},
        **{k: json.dumps(summary[k], ensure_ascii=False) for k in _JSON_COLUMNS},
    }
    return tuple(values[column] for column in CLUSTER_COLUMNS)


def merge_store(store: Any, settings: MergeSettings | None = None) -> Clustering:
    """Cluster all events in a store and save the clusters (replacing earlier ones)."""
    clustering = merge_events(store.iter_documents(), settings)
    members = [(event_id, cluster_id) for event_id, cluster_id in clustering.cluster_of.items()]
    with store._writing() as cursor:
        for table in ("clusters", "cluster_members"):
            store._execute(cursor, f"DELETE FROM {table}")
        store._insert_rows(cursor, "clusters", CLUSTER_COLUMNS,
                           [_cluster_row(c) for c in clustering.clusters])
        store._insert_rows(cursor, "cluster_members", ("event_id", "cluster_id"), members)
        store._execute(cursor, "UPDATE events SET cluster_id = NULL")
        store._execute(cursor, "UPDATE events SET cluster_id = m.cluster_id "
                               "FROM cluster_members m WHERE events.id = m.event_id")
    return clustering


def find_clusters(store: Any, *, event_type: str | None = None, actor: str | None = None,
                  min_mentions: int = 1, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Stored clusters, most reported first. `actor` matches a name (any case) or a country code."""
    conditions, params = ["n_mentions >= ?"], [min_mentions]
    if event_type:
        conditions.append("type = ?")
        params.append(event_type.upper())
    if actor:
        conditions.append("(lower(source_name) = lower(?) OR source_country = upper(?) "
                          "OR lower(target_name) = lower(?) OR target_country = upper(?))")
        params += [actor] * 4
    rows = store._select(
        f"SELECT * FROM clusters WHERE {' AND '.join(conditions)} "
        "ORDER BY n_mentions DESC, id LIMIT ? OFFSET ?", [*params, limit, offset])
    return [_decoded(row) for row in rows]


def get_cluster(store: Any, cluster_id: str) -> dict[str, Any] | None:
    rows = store._select("SELECT * FROM clusters WHERE id = ?", [cluster_id])
    return _decoded(rows[0]) if rows else None


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, **{k: json.loads(row[k]) for k in _JSON_COLUMNS}}


@click.command("merge")
@click.option("--db", default=None, help="Database: a DuckDB file path or a postgresql:// URL "
              "[default: $EVENTSCOPE_DB, else ./eventscope.duckdb]")
def merge_command(db: str | None) -> None:
    """Group the stored events that report the same real-world event into clusters.

    Sets cluster_id on every event and fills the clusters table (served at
    /api/clusters). Run it after ingesting; it recomputes all clusters.
    """
    from eventscope.store import StoreError, open_store

    try:
        with open_store(db) as store:
            clustering = merge_store(store)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    merged = [c for c in clustering.clusters if len(c.mentions) > 1]
    click.echo(f"eventscope: {len(clustering.cluster_of)} events in {len(clustering.clusters)} "
               f"clusters; {len(merged)} clusters join "
               f"{sum(len(c.mentions) for c in merged)} mentions", err=True)
