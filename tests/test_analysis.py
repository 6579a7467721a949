"""Flat event rows, dyad series and the actor network, on documents written here."""

from __future__ import annotations

from datetime import date

import pytest

from eventscope.analysis import (
    FLAT_COLUMNS,
    actor_key,
    dyad_series,
    flat_rows,
    interaction_network,
    period_start,
)
from eventscope.records import Actor, Document, Event, Location

PUTIN = Actor("Vladimir Putin", "RUS", "GOV")
RUSSIA = Actor(None, "RUS", "GOV")
ASSAD = Actor("Bashar al-Assad", "SYR", "GOV")
SYRIA = Actor(None, "SYR", "GOV")
TURKEY = Actor(None, "TUR", "GOV")


def ev(type_, source, target, when=None, mode=None, **extra) -> Event:
    return Event(sentence=f"{type_} sentence.", trigger="t", type=type_, mode=mode,
                 source=source, target=target, date=when, **extra)


def corpus() -> list[Document]:
    return [
        Document("d1", publication_date="2021-02-17", events=[
            ev("CONSULT", PUTIN, ASSAD, "2021-02-15", "visit", location=Location("Damascus", "SYR")),
            ev("SUPPORT", SYRIA, RUSSIA),                       # no date: the publication's
            ev("ACCUSE", RUSSIA, TURKEY, "2021-02-16", "disapprove"),
            ev("ASSAULT", SYRIA, RUSSIA, "2021-02-16", negated=True),  # did not happen
        ]),
        Document("d2", publication_date="2021-03-02", events=[
            ev("AID", RUSSIA, SYRIA, "2021-03-01", "humanitarian"),
            ev("COOPERATE", ASSAD, PUTIN, "2021-03"),           # month only
        ]),
        Document("d3", events=[ev("CONSULT", PUTIN, ASSAD)]),  # no date anywhere
    ]


def test_flat_rows_have_every_column_in_order():
    rows = list(flat_rows(corpus()))
    assert len(rows) == 7
    assert all(list(row) == list(FLAT_COLUMNS) for row in rows)
    first = rows[0]
    assert (first["doc_id"], first["event_id"], first["publication_date"]) == ("d1", "d1:0", "2021-02-17")
    assert (first["source_name"], first["source_country"], first["target_name"]) == \
        ("Vladimir Putin", "RUS", "Bashar al-Assad")
    assert (first["location_name"], first["location_country"]) == ("Damascus", "SYR")
    assert (first["cameo_code"], first["cameo_goldstein"], first["intensity"]) == ("042", 1.9, 4.0)
    assert rows[1]["target_country"] == "RUS" and rows[1]["location_name"] is None


def test_flat_rows_keep_the_extractors_intensity_and_id():
    doc = Document("x", events=[ev("AID", RUSSIA, SYRIA, intensity=7.0, event_id="x-e1")])
    row = next(flat_rows([doc]))
    assert (row["intensity"], row["event_id"]) == (7.0, "x-e1")


@pytest.mark.parametrize("a, b", [("RUS", "SYR"), ("Russia", "Syria"), ("syria", "russia"),
                                  ("Vladimir Putin", "Syria")])
def test_dyad_matches_codes_names_and_either_direction(a, b):
    series = dyad_series(flat_rows(corpus()), a, b, by="month")
    assert [p.start for p in series.periods] == [date(2021, 2, 1), date(2021, 3, 1)]
    february, march = series.periods
    if a == "Vladimir Putin":   # only Putin's own events count
        assert february.counts == {"CONSULT": 1} and march.counts == {"COOPERATE": 1}
        return
    assert february.counts == {"CONSULT": 1, "SUPPORT": 1}   # negated assault left out
    assert march.counts == {"AID": 1, "COOPERATE": 1}
    assert february.mean_intensity == pytest.approx((4.0 + 5.0) / 2)
    assert series.undated == 1


def test_weekly_series_fills_empty_weeks_and_skips_month_only_dates():
    series = dyad_series(flat_rows(corpus()), "RUS", "SYR", by="week")
    starts = [p.start for p in series.periods]
    assert starts[0] == date(2021, 2, 15) and starts[-1] == date(2021, 3, 1)
    assert [p.total for p in series.periods] == [2, 0, 1]
    assert series.undated == 2   # "2021-03" cannot be placed in a week; d3 has no date
    table = series.table()
    assert table[1] == {"period": "2021-02-22", "CONSULT": 0, "SUPPORT": 0, "AID": 0,
                        "total": 0, "mean_intensity": None}


def test_dyad_rejects_unknown_period():
    with pytest.raises(ValueError, match="week"):
        dyad_series([], "RUS", "SYR", by="year")


def test_period_start():
    assert period_start(date(2021, 2, 17), "week") == date(2021, 2, 15)
    assert period_start(date(2021, 2, 17), "month") == date(2021, 2, 1)


def test_network_nodes_and_edges():
    graph = interaction_network(flat_rows(corpus()))
    assert set(graph.nodes) == {"Vladimir Putin", "Bashar al-Assad", "SYR GOV", "RUS GOV", "TUR GOV"}
    assert graph.nodes["Vladimir Putin"] == {"label": "Vladimir Putin", "country": "RUS",
                                             "sector": "GOV", "events": 3}
    edge = graph.edges["Vladimir Putin", "Bashar al-Assad"]
    assert edge["weight"] == 3 and edge["types"] == "CONSULT:2;COOPERATE:1"
    assert edge["mean_intensity"] == pytest.approx((4.0 + 9.5 + 2.5) / 3, abs=1e-3)
    assert graph.edges["RUS GOV", "SYR GOV"]["weight"] == 2   # the negated assault is not one


def test_network_since_keeps_later_dated_events_only():
    graph = interaction_network(flat_rows(corpus()), since=date(2021, 3, 1))
    assert list(graph.edges) == [("RUS GOV", "SYR GOV")]


def test_actor_key():
    assert actor_key("Vladimir Putin", "RUS", "GOV") == "Vladimir Putin"
    assert actor_key(None, "RUS", "MIL") == "RUS MIL"
    assert actor_key(None, None, None) is None
