"""Records <-> table rows: the one place that knows how a Document is laid out in tables."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime
from typing import Any

from eventscope.records import Actor, Document, Event, Location, Quote, storable_text
from eventscope.store.identity import Maker
from eventscope.store.schema import DOCUMENT_COLUMNS, EVENT_COLUMNS


def date_range(value: str | None) -> tuple[date | None, date | None]:
    """First and last day covered by a contract date ("2018", "2018-07" or "2018-07-25")."""
    if not value:
        return None, None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        if len(parts) == 3:
            day = date(*parts)
            return day, day
    except ValueError:
        pass
    return None, None  # not a contract date: kept as text, left out of date filters


def _storable(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """The row with every text value storable by both backends (see records.storable_text):
    PostgreSQL refuses NUL, which DuckDB keeps, and neither stores a lone surrogate."""
    return tuple(storable_text(v) if isinstance(v, str) else v for v in values)


def _actor_fields(actor: Actor | None) -> tuple[Any, Any, Any]:
    return (actor.name, actor.country, actor.sector) if actor else (None, None, None)


def event_ids(document: Document) -> list[str]:
    """Each event's id: the extractor's when given (made unique within the document),
    else DOC_ID:SEQ as the analysis module names them."""
    ids: list[str] = []
    for seq, event in enumerate(document.events):
        given = event.event_id or f"{document.doc_id}:{seq}"
        ids.append(given if given not in ids else f"{given}:{seq}")
    return ids


def event_rows(document: Document) -> list[tuple[Any, ...]]:
    return [_event_row(document.doc_id, seq, event_id, event) for seq, (event_id, event)
            in enumerate(zip(event_ids(document), document.events, strict=True))]


def _event_row(doc_id: str, seq: int, event_id: str, event: Event) -> tuple[Any, ...]:
    start, end = date_range(event.date)
    loc = event.location
    values = {
        "id": event_id, "doc_id": doc_id, "seq": seq,
        "type": event.type, "mode": event.mode, "trigger": event.trigger,
        "sentence": event.sentence, "sentence_index": event.sentence_index,
        "sentence_start": event.sentence_start, "sentence_end": event.sentence_end,
        "trigger_start": event.trigger_start, "trigger_end": event.trigger_end,
        "date": event.date, "date_start": start, "date_end": end,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_lat": loc.latitude if loc else None,
        "location_lon": loc.longitude if loc else None,
        "location_geonameid": loc.geonameid if loc else None,
        "negated": bool(event.negated), "factuality": event.factuality,
        "attribution": event.attribution, "cameo": event.cameo,
        "intensity": None if event.intensity is None else float(event.intensity),
        "cluster_id": event.cluster_id,
    }
    for side, actor in (("source", event.source), ("target", event.target)):
        values[f"{side}_name"], values[f"{side}_country"], values[f"{side}_sector"] = (
            _actor_fields(actor))
    return _storable(tuple(values[c] for c in EVENT_COLUMNS))


def quote_row(doc_id: str, seq: int, quote: Quote) -> tuple[Any, ...]:
    name, country, sector = _actor_fields(quote.speaker)
    return _storable((f"{doc_id}:q{seq}", doc_id, seq, quote.text, name, country, sector,
                      quote.start, quote.end))


def document_row(document: Document, content_hash: str, maker: Maker) -> tuple[Any, ...]:
    values = {
        "id": document.doc_id, "content_hash": content_hash, "title": document.title,
        "publication_date": document.publication_date, "dateline": document.dateline,
        "url": document.url, "source": document.source, "text": document.text or "",
        "ingested_at": datetime.now(UTC).replace(tzinfo=None),
        "extractor_version": maker.version, "data_fingerprint": maker.data_fingerprint,
    }
    return _storable(tuple(values[c] for c in DOCUMENT_COLUMNS))


def _actor(row: dict[str, Any], prefix: str) -> Actor | None:
    name, country, sector = (row.get(f"{prefix}_{f}") for f in ("name", "country", "sector"))
    if name is None and country is None and sector is None:
        return None
    return Actor(name, country, sector)


def event_from_row(row: dict[str, Any]) -> Event:
    location = None
    if row.get("location_name"):
        location = Location(row["location_name"], row.get("location_country"),
                            row.get("location_lat"), row.get("location_lon"),
                            row.get("location_geonameid"))
    return Event(
        sentence=row["sentence"], trigger=row["trigger"], type=row["type"], mode=row["mode"],
        source=_actor(row, "source"), target=_actor(row, "target"), date=row["date"],
        location=location, negated=bool(row["negated"]), factuality=row["factuality"],
        attribution=row["attribution"], event_id=row["id"], cameo=row["cameo"],
        intensity=row["intensity"], sentence_index=row["sentence_index"],
        sentence_start=row["sentence_start"], sentence_end=row["sentence_end"],
        trigger_start=row["trigger_start"], trigger_end=row["trigger_end"],
        cluster_id=row["cluster_id"],
    )


def quote_from_row(row: dict[str, Any]) -> Quote:
    return Quote(row["text"], _actor(row, "speaker"), row["start_offset"], row["end_offset"])


_INTERNAL_COLUMNS = frozenset({"date_start", "date_end"})
_DATE_TYPES = frozenset({date, datetime})


def json_ready(row: dict[str, Any]) -> dict[str, Any]:
    """A row with dates and timestamps as ISO strings; the internal range columns dropped.
    (Runs on every row the API returns: one comprehension, exact type tests.)"""
    return {key: value.isoformat() if type(value) in _DATE_TYPES else value
            for key, value in row.items() if key not in _INTERNAL_COLUMNS}

