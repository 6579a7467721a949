"""Flat event rows, dyad series and the actor network, on documents written here."""

from __future__ import annotations

from datetime import date

import pytest

from eventscope.analysis import (
    FLAT_COLUMNS,
    AnalysisOptions,
    actor_key,
    dyad_series,
    event_series,
    flat_rows,
    interaction_network,
    network_dict,
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
    # The undated support is left out (own dates by default), the negated assault never counts.
    assert february.counts == {"CONSULT": 1}
    assert march.counts == {"AID": 1, "COOPERATE": 1}
    assert february.mean_intensity == pytest.approx(4.0)
    assert series.undated == 2


def test_publication_date_is_an_explicit_labelled_fallback():
    series = dyad_series(flat_rows(corpus()), "RUS", "SYR", by="month",
                         options=AnalysisOptions(dates="publication"))
    assert series.periods[0].counts == {"CONSULT": 1, "SUPPORT": 1}
    assert (series.publication_dated, series.undated) == (1, 1)   # d3 has no date anywhere
    assert series.to_dict()["dates"] == "publication"


def test_weekly_series_keeps_gaps_and_skips_month_only_dates():
    series = dyad_series(flat_rows(corpus()), "RUS", "SYR", by="week")
    starts = [p.start for p in series.periods]
    assert starts[0] == date(2021, 2, 15) and starts[-1] == date(2021, 3, 1)
    assert [p.total for p in series.periods] == [1, 0, 1]
    assert series.undated == 3   # "2021-03" is no week; d1's support and d3 have no date
    table = series.table()
    assert table[1] == {"period": "2021-02-22", "CONSULT": 0, "AID": 0,
                        "total": 0, "mean_intensity": None}


def planned_and_hypothetical() -> list[Document]:
    return [Document("p", events=[
        ev("AID", RUSSIA, SYRIA, "2021-05-03"),
        ev("AID", RUSSIA, SYRIA, "2021-05-04", factuality="planned"),
        ev("ASSAULT", RUSSIA, SYRIA, "2021-05-05", factuality="hypothetical"),
        ev("AID", RUSSIA, SYRIA, "2021-05-05", negated=True, intensity=10.0),
    ])]


@pytest.mark.parametrize("include, expected", [
    ((), {"AID": 1}),
    (("planned",), {"AID": 2}),
    (("planned", "hypothetical"), {"AID": 2, "ASSAULT": 1}),
])
def test_asserted_by_default_planned_and_hypothetical_on_request_negated_never(include, expected):
    series = event_series(flat_rows(planned_and_hypothetical()), "week",
                          AnalysisOptions(include=include))
    assert series.type_counts == expected
    # The negated aid is in no count and no mean.
    assert sum(len(p.intensities) for p in series.periods) == sum(expected.values())


def test_unknown_options_are_refused():
    with pytest.raises(ValueError, match="planned"):
        AnalysisOptions(include=("negated",))
    with pytest.raises(ValueError, match="count"):
        AnalysisOptions(count="clusters")


def retold() -> list[Document]:
    """One aid delivery retold in three sentences (one cluster), and another event."""
    return [
        Document("a", events=[ev("AID", RUSSIA, SYRIA, None, cluster_id="c1"),
                              ev("AID", RUSSIA, SYRIA, "2021-05-03", cluster_id="c1"),
                              ev("ACCUSE", SYRIA, RUSSIA, "2021-05-12", cluster_id="c2")]),
        Document("b", events=[ev("AID", RUSSIA, SYRIA, "2021-05", cluster_id="c1")]),
    ]


def test_merged_clusters_count_once_by_default_and_mentions_on_request():
    events = event_series(flat_rows(retold()), "week")
    assert (events.counting, events.type_counts, events.mentions) == \
        ("events", {"AID": 1, "ACCUSE": 1}, 4)
    # The cluster is placed by its most precise date, so nothing is undated.
    assert events.undated == 0 and events.periods[0].start == date(2021, 5, 3)
    mentions = event_series(flat_rows(retold()), "week", AnalysisOptions(count="mentions"))
    assert mentions.type_counts == {"AID": 1, "ACCUSE": 1} and mentions.undated == 2
    assert event_series(flat_rows(corpus()), "week").counting == "mentions"  # no clusters


def test_dates_outside_the_chart_are_kept_apart_and_break_nothing():
    docs = [Document("far", publication_date="9999-12-31", events=[
        ev("AID", RUSSIA, SYRIA, "9999-12-31"), ev("AID", RUSSIA, SYRIA, "9999-12"),
        ev("AID", RUSSIA, SYRIA, "0001-01-01"), ev("AID", RUSSIA, SYRIA, "2021-05-03"),
        ev("AID", RUSSIA, SYRIA)])]
    for by in ("week", "month"):
        series = dyad_series(flat_rows(docs), "RUS", "SYR", by=by,
                             options=AnalysisOptions(dates="publication"))
        assert [p.start.year for p in series.periods] == [2021]
        assert series.out_of_range == 4   # three own dates and one publication date
    graph = interaction_network(flat_rows(docs), since=date(2021, 1, 1))
    assert graph.edges["RUS GOV", "SYR GOV"]["weight"] == 2   # 2021 and 9999-12-31


def test_dyad_rejects_unknown_period():
    with pytest.raises(ValueError, match="week"):
        dyad_series([], "RUS", "SYR", by="year")


def test_period_start():
    assert period_start(date(2021, 2, 17), "week") == date(2021, 2, 15)
    assert period_start(date(2021, 2, 17), "month") == date(2021, 2, 1)


def test_network_nodes_and_edges():
    graph = interaction_network(flat_rows(corpus()))
    assert set(graph.nodes) == {"Vladimir Putin", "Bashar al-Assad", "SYR GOV", "RUS GOV", "TUR GOV"}
    assert graph.nodes["Vladimir Putin"] == {"label": "Vladimir Putin", "name": "Vladimir Putin",
                                             "country": "RUS", "sector": "GOV", "events": 3}
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


def test_country_level_network_joins_people_to_their_countries():
    graph = interaction_network(flat_rows(corpus()), level="country")
    assert set(graph.nodes) == {"RUS", "SYR", "TUR"}
    assert graph.nodes["SYR"]["label"] == "Syria"
    # Putin–Assad (3), Russia–Syria support and aid (2): one RUS–SYR edge of 5 events.
    assert graph.edges["RUS", "SYR"]["weight"] == 5
    pair = [r for r in flat_rows(corpus()) if not r["negated"]
            and {r["source_country"], r["target_country"]} == {"RUS", "SYR"}]
    as_json = network_dict(graph, max_nodes=2)
    assert [node["id"] for node in as_json["nodes"]] == ["RUS", "SYR"]
    assert as_json["total_nodes"] == 3 and as_json["level"] == "country"
    assert as_json["edges"] == [{"a": "RUS", "b": "SYR", "events": 5,
                                 "mean_intensity": pytest.approx(
                                     sum(r["intensity"] for r in pair) / 5, abs=1e-3),
                                 "types": {"AID": 1, "CONSULT": 2, "COOPERATE": 1, "SUPPORT": 1}}]
