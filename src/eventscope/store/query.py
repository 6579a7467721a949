"""Event filters and sorting, turned into one parameterised WHERE/ORDER BY for both backends.

Values never enter the SQL text: every user-supplied value is a `?` parameter,
and sort keys are looked up in a fixed table of column expressions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eventscope.analysis import ActorMatcher

# Sort key (as the API names it) -> column expression. Anything else is rejected.
SORT_COLUMNS = {
    "date": "e.date_start",
    "type": "e.type",
    "mode": "e.mode",
    "source_name": "e.source_name",
    "target_name": "e.target_name",
    "factuality": "e.factuality",
    "intensity": "e.intensity",
    "doc_id": "e.doc_id",
}
DEFAULT_SORT = "doc_id"
# Filters that are plain equality on one column: EventQuery field -> column.
_EQUALITY_FILTERS = {
    "mode": "e.mode", "factuality": "e.factuality", "negated": "e.negated",
    "doc_id": "e.doc_id", "cluster": "e.cluster_id",
}
# Ties broken by document and text order, so pages never overlap or skip rows.
_TIEBREAK = "e.doc_id, e.seq"


@dataclass(frozen=True)
class EventQuery:
    """Which events to return. Actor filters match an actor's name (any case) or its
    country, given as a code or a name (the analysis module's ActorMatcher)."""

    types: tuple[str, ...] = ()
    mode: str | None = None
    source: str | None = None
    target: str | None = None
    actor: str | None = None          # either side
    country: str | None = None        # either side's country code
    dyad: tuple[str, str] | None = None  # events between the two, in either direction
    date_from: date | None = None     # events whose date range overlaps [date_from, date_to]
    date_to: date | None = None
    factuality: str | None = None
    negated: bool | None = None
    q: str | None = None              # substring of the evidence sentence, any case
    doc_id: str | None = None
    cluster: str | None = None
    sort: str = DEFAULT_SORT          # a SORT_COLUMNS key, "-" prefix for descending
    limit: int | None = 50
    offset: int = 0


def country_code(value: str) -> str:
    """The ISO code an actor query stands for: "Syria", "syr" and "SYR" all give SYR.
    Names that are no country come back upper-cased and simply match no code."""
    return ActorMatcher(value).country or value.strip().upper()


def actor_filter(prefix: str, value: str) -> tuple[str, list[object]]:
    """Columns `{prefix}_name`/`{prefix}_country` match an actor name (any case) or a country."""
    sql = f"(lower({prefix}_name) = lower(?) OR {prefix}_country = ?)"
    return sql, [value.strip(), country_code(value)]


def _actor_side(side: str, value: str) -> tuple[str, list[object]]:
    return actor_filter(f"e.{side}", value)


def _either_side(value: str) -> tuple[str, list[object]]:
    source, source_params = _actor_side("source", value)
    target, target_params = _actor_side("target", value)
    return f"({source} OR {target})", source_params + target_params


def _dyad(a: str, b: str) -> tuple[str, list[object]]:
    sa, pa = _actor_side("source", a)
    tb, pb = _actor_side("target", b)
    sb, pb2 = _actor_side("source", b)
    ta, pa2 = _actor_side("target", a)
    return f"(({sa} AND {tb}) OR ({sb} AND {ta}))", pa + pb + pb2 + pa2


def where_clause(query: EventQuery, folded_sentence: str) -> tuple[str, list[object]]:
    """`WHERE ...` (or "") over the events table aliased `e`, with its parameters.
    `folded_sentence` is the backend's expression for the lower-cased evidence sentence."""
    clauses: list[str] = []
    params: list[object] = []

    def add(sql: str, values: list[object]) -> None:
        clauses.append(sql)
        params.extend(values)

    for name, column in _EQUALITY_FILTERS.items():
        value = getattr(query, name)
        if value is not None and value != "":
            add(f"{column} = ?", [value])
    if query.types:
        add(f"e.type IN ({', '.join('?' for _ in query.types)})", list(query.types))
    for side, value in (("source", query.source), ("target", query.target)):
        if value:
            add(*_actor_side(side, value))
    if query.actor:
        add(*_either_side(query.actor))
    if query.country:
        code = country_code(query.country)
        add("(e.source_country = ? OR e.target_country = ?)", [code, code])
    if query.dyad:
        add(*_dyad(*query.dyad))
    if query.date_from:
        add("e.date_end >= ?", [query.date_from])
    if query.date_to:
        add("e.date_start <= ?", [query.date_to])
    if query.q:
        add(f"strpos({folded_sentence}, lower(?)) > 0", [query.q])
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def order_clause(sort: str) -> str:
    """`ORDER BY ...` for a sort key such as "date" or "-intensity"; ValueError if unknown."""
    descending = sort.startswith("-")
    column = SORT_COLUMNS.get(sort.lstrip("-"))
    if column is None:
        raise ValueError(f"unknown sort key {sort!r}; use one of {', '.join(SORT_COLUMNS)}")
    direction = "DESC" if descending else "ASC"
    return f"ORDER BY {column} {direction} NULLS LAST, {_TIEBREAK}"
