"""Event merging on constructed multi-article cases."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from eventscope.cli import main as cli
from eventscope.merge import (
    MergeSettings,
    cluster_id_of,
    cluster_summary,
    find_clusters,
    get_cluster,
    merge_events,
    merge_jsonl,
    merge_store,
    parse_date,
)
from eventscope.records import Actor, Document, Event, Location
from eventscope.store import EventQuery, open_store
from store.conftest import postgres_server, postgres_url, store_url  # noqa: F401 - shared fixtures

PUTIN = Actor("Vladimir Putin", "RUS", "GOV")
RUSSIA = Actor(None, "RUS", "GOV")
ERDOGAN = Actor("Recep Tayyip Erdogan", "TUR", "GOV")
TURKEY = Actor(None, "TUR", "GOV")
MACRON = Actor("Emmanuel Macron", "FRA", "GOV")
SCHOLZ = Actor("Olaf Scholz", "DEU", "GOV")


def event(type_, source, target, date=None, *, mode=None, place=None, sentence="s", **extra) -> Event:
    location = Location(place, None) if place else None
    return Event(sentence, "t", type_, mode, source, target, date, location, **extra)


def doc(doc_id, published, *events, outlet=None) -> Document:
    return Document(doc_id, publication_date=published, events=list(events), source=outlet)


def groups(documents, settings=None) -> list[set[tuple[str, int]]]:
    """The clusters as sets of (doc_id, event index), for readable assertions."""
    clustering = merge_events(documents, settings)
    return sorted(({(m.doc_id, m.index) for m in c.mentions} for c in clustering.clusters),
                  key=lambda g: sorted(g))


def test_one_phone_call_reported_by_two_outlets_is_one_cluster():
    # Outlet A: "On Tuesday Erdogan phoned Putin" (dated); outlet B a day later, the other way
    # round and with only the month: "Putin and Erdogan spoke by telephone in March".
    a = doc("a", "2021-03-10", event("CONSULT", ERDOGAN, PUTIN, "2021-03-09", mode="phone"),
            outlet="Outlet A")
    b = doc("b", "2021-03-11", event("CONSULT", PUTIN, ERDOGAN, "2021-03", mode="phone"),
            outlet="Outlet B")
    clustering = merge_events([a, b])
    assert len(clustering.clusters) == 1
    summary = cluster_summary(clustering.clusters[0])
    assert summary["n_mentions"] == 2 and summary["outlets"] == ["Outlet A", "Outlet B"]
    assert summary["date"] == "2021-03-09"  # the most precise date wins
    assert summary["mode"] == "phone"


def test_undated_report_joins_a_dated_one_published_days_apart():
    a = doc("a", "2021-03-10", event("CONSULT", ERDOGAN, PUTIN, "2021-03-09"))
    b = doc("b", "2021-03-11", event("CONSULT", TURKEY, RUSSIA))  # "Ankara and Moscow held talks"
    assert groups([a, b]) == [{("a", 0), ("b", 0)}]


def test_two_meetings_of_the_same_pair_a_week_apart_stay_apart():
    a = doc("a", "2021-05-04", event("CONSULT", MACRON, SCHOLZ, "2021-05-03", place="Paris"))
    b = doc("b", "2021-05-11", event("CONSULT", SCHOLZ, MACRON, "2021-05-10", place="Paris"))
    assert len(groups([a, b])) == 2


def test_undated_mentions_published_a_week_apart_stay_apart():
    a = doc("a", "2021-05-04", event("CONSULT", MACRON, SCHOLZ))
    b = doc("b", "2021-05-11", event("CONSULT", MACRON, SCHOLZ))
    assert len(groups([a, b])) == 2


def test_an_undated_mention_between_two_meetings_does_not_chain_them():
    first = doc("a", "2021-05-04", event("CONSULT", MACRON, SCHOLZ, "2021-05-03"))
    between = doc("b", "2021-05-06", event("CONSULT", MACRON, SCHOLZ))
    second = doc("c", "2021-05-08", event("CONSULT", MACRON, SCHOLZ, "2021-05-08"))
    result = groups([first, between, second])
    assert len(result) == 2
    assert {("a", 0)} in result or {("c", 0)} in result


def test_a_visit_reported_in_three_sentences_of_one_article_is_one_cluster():
    article = doc(
        "v", "2020-01-08",
        event("CONSULT", PUTIN, Actor(None, "SYR", "GOV"), "2020-01-07", mode="visit",
              place="Damascus"),
        event("SUPPORT", PUTIN, Actor(None, "SYR", "GOV")),  # a different type: its own cluster
        event("CONSULT", PUTIN, None, mode="visit"),  # "during his visit", no target named
        event("CONSULT", PUTIN, Actor("Bashar al-Assad", "SYR", "GOV"), mode="visit",
              place="Damascus"),
    )
    assert groups([article]) == [{("v", 0), ("v", 2), ("v", 3)}, {("v", 1)}]


def test_a_missing_actor_only_matches_within_one_article():
    a = doc("a", "2021-03-10", event("CONSULT", PUTIN, ERDOGAN, "2021-03-09"))
    b = doc("b", "2021-03-10", event("CONSULT", PUTIN, None, "2021-03-09"))
    assert len(groups([a, b])) == 2
    strict = MergeSettings(same_document_allows_missing=False)
    one = doc("c", "2021-03-10", event("CONSULT", PUTIN, ERDOGAN), event("CONSULT", PUTIN, None))
    assert len(groups([one], strict)) == 2
    assert len(groups([one])) == 1


def test_order_matters_except_for_consult_cooperate_and_agree():
    a = doc("a", "2021-03-10", event("ACCUSE", RUSSIA, TURKEY, "2021-03-09"),
            event("AGREE", RUSSIA, TURKEY, "2021-03-09"))
    b = doc("b", "2021-03-10", event("ACCUSE", TURKEY, RUSSIA, "2021-03-09"),
            event("AGREE", TURKEY, RUSSIA, "2021-03-09"))
    assert groups([a, b]) == [{("a", 0)}, {("a", 1), ("b", 1)}, {("b", 0)}]


def test_different_names_countries_places_polarity_or_mode_keep_mentions_apart():
    base = {"type_": "CONSULT", "source": PUTIN, "date": "2021-03-09"}
    cases = [
        (event(target=ERDOGAN, **base), event(target=Actor("Mevlut Cavusoglu", "TUR", "GOV"), **base)),
        (event(target=ERDOGAN, **base), event(target=Actor("Recep Tayyip Erdogan", "FRA", "GOV"), **base)),
        (event(target=ERDOGAN, place="Sochi", **base), event(target=ERDOGAN, place="Ankara", **base)),
        (event(target=ERDOGAN, **base), event(target=ERDOGAN, negated=True, **base)),
        (event(target=ERDOGAN, **base), event(target=ERDOGAN, factuality="planned", **base)),
        (event(target=ERDOGAN, mode="phone", **base), event(target=ERDOGAN, mode="visit", **base)),
        (event(target=ERDOGAN, **base), event(target=ERDOGAN, **{**base, "type_": "AGREE"})),
    ]
    for left, right in cases:
        assert len(groups([doc("a", "2021-03-10", left), doc("b", "2021-03-10", right)])) == 2


def test_a_place_that_is_only_the_dateline_does_not_keep_reports_apart():
    a = doc("a", "2021-03-10", event("CONSULT", ERDOGAN, PUTIN, "2021-03-09", place="Ankara"))
    b = doc("b", "2021-03-10", event("CONSULT", PUTIN, ERDOGAN, "2021-03-09", place="Moscow"))
    assert len(groups([a, b])) == 2
    a.dateline, b.dateline = "Ankara", "Moscow"
    assert len(groups([a, b])) == 1


def test_actors_without_any_common_attribute_are_not_the_same():
    un, isis = Actor("United Nations", None, "IGO"), Actor("ISIS", None, "REB")
    a = doc("a", "2021-03-10", event("ACCUSE", un, isis, "2021-03-09"))
    b = doc("b", "2021-03-10", event("ACCUSE", isis, un, "2021-03-09"))
    c = doc("c", "2021-03-10", event("ACCUSE", Actor("United  nations", None, "IGO"), isis, "2021-03-09"))
    assert groups([a, b, c]) == [{("a", 0), ("c", 0)}, {("b", 0)}]


def test_cluster_ids_are_deterministic_and_independent_of_input_order():
    a = doc("a", "2021-03-10", event("CONSULT", ERDOGAN, PUTIN, "2021-03-09", event_id="e1"))
    b = doc("b", "2021-03-11", event("CONSULT", PUTIN, ERDOGAN, "2021-03", event_id="e2"))
    forward, backward = merge_events([a, b]), merge_events([b, a])
    assert forward.cluster_of == backward.cluster_of
    assert set(forward.cluster_of.values()) == {cluster_id_of(["e2", "e1"])}


def test_apply_and_jsonl_output_set_cluster_ids(tmp_path):
    a = doc("a", "2021-03-10", event("CONSULT", ERDOGAN, PUTIN, "2021-03-09"))
    b = doc("b", "2021-03-11", event("CONSULT", PUTIN, ERDOGAN), event("ACCUSE", PUTIN, TURKEY))
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in (a, b)), encoding="utf-8")
    out = io.StringIO()
    merge_jsonl(str(path), out)
    written = [json.loads(line) for line in out.getvalue().splitlines()]
    ids = [e["cluster_id"] for d in written for e in d["events"]]
    assert all(ids) and ids[0] == ids[1] != ids[2]


def test_parse_date_covers_the_precision_of_the_value():
    assert [d.isoformat() for d in parse_date("2020-02")] == ["2020-02-01", "2020-02-29"]
    assert parse_date("2020") [1].isoformat() == "2020-12-31"
    assert parse_date("2020-13-01") is None and parse_date(None) is None


def test_many_articles_cluster_in_one_pass():
    # 2000 articles over a year, each reporting one of 400 distinct calls twice: 400 clusters.
    documents = []
    for n in range(2000):
        call = n % 400
        day = f"2021-{1 + call // 40:02d}-{1 + (call % 40) // 2:02d}"
        pair = (Actor(None, f"C{call % 2}", "GOV"), Actor(f"Leader {call}", "XXX", "GOV"))
        documents.append(doc(f"d{n}", day, event("CONSULT", *pair, day if n % 2 else None)))
    assert len(merge_events(documents).clusters) == 400


# --- stored clusters ----------------------------------------------------------------------

def stored_reports() -> list[Document]:
    call = "Putin and Erdogan spoke by phone."
    return [
        doc("a", "2021-03-10", event("CONSULT", ERDOGAN, PUTIN, "2021-03-09", mode="phone",
                                     sentence=call, event_id="a:0"), outlet="Outlet A"),
        doc("b", "2021-03-11", event("CONSULT", PUTIN, ERDOGAN, mode="phone", sentence=call,
                                     event_id="b:0"),
            event("ACCUSE", PUTIN, TURKEY, "2021-03-10", sentence="Putin criticised Turkey.",
                  event_id="b:1"), outlet="Outlet B"),
    ]


def test_merge_store_writes_clusters_and_event_cluster_ids(store_url):  # noqa: F811
    with open_store(store_url) as store:
        for document in stored_reports():
            store.save_document(document)
        clustering = merge_store(store)
        merge_store(store)  # running it again changes nothing
        call_id = clustering.cluster_of["a:0"]
        assert clustering.cluster_of["b:0"] == call_id != clustering.cluster_of["b:1"]
        members = store.find_events(EventQuery(cluster=call_id, limit=None))
        assert sorted(e["id"] for e in members) == ["a:0", "b:0"]
        top = find_clusters(store, min_mentions=2)
        assert [c["id"] for c in top] == [call_id]
        assert top[0]["outlets"] == ["Outlet A", "Outlet B"] and top[0]["doc_ids"] == ["a", "b"]
        assert top[0]["date"] == "2021-03-09" and top[0]["n_documents"] == 2
        assert [c["type"] for c in find_clusters(store, actor="tur", event_type="accuse")] == ["ACCUSE"]
        assert get_cluster(store, call_id)["n_mentions"] == 2
        assert get_cluster(store, "cl_missing") is None


def test_merge_command_reports_the_clusters(tmp_path):
    db = str(tmp_path / "m.duckdb")
    with open_store(db) as store:
        for document in stored_reports():
            store.save_document(document)
    result = CliRunner().invoke(cli, ["merge", "--db", db])
    assert result.exit_code == 0, result.output
    assert "3 events in 2 clusters; 1 clusters join 2 mentions" in result.output


# --- end to end, with the real extractor ----------------------------------------------------

CALL_A = ("ANKARA – Turkish President Recep Tayyip Erdogan held a telephone "
          "conversation with Russian President Vladimir Putin on Tuesday, his office said.")
CALL_B = ("MOSCOW – In a phone call on March 9, 2021, Vladimir Putin and Recep Tayyip Erdogan "
          "discussed the situation in Syria, the Kremlin said.")
MEETING = ("PARIS – French President Emmanuel Macron met German Chancellor Olaf Scholz in "
           "Paris on {day}, 2022.")
VISIT = ("DAMASCUS, January 8 – Russian President Vladimir Putin visited Damascus on "
         "Tuesday. During the visit, Putin met Syrian President Bashar al-Assad at the "
         "command post of the Russian forces. The Kremlin said Putin's visit to Damascus "
         "was his first since the war began.")


@pytest.fixture(scope="module")
def extractor():
    from eventscope.pipeline import Extractor

    return Extractor()


def extracted(extractor, *articles: tuple[str, str, str, str]) -> list[Document]:
    """(doc_id, publication date, outlet, text) -> extracted documents."""
    return [replace(extractor.extract(text, doc_id=doc_id, publication_date=published),
                    source=outlet)
            for doc_id, published, outlet, text in articles]


def consult_clusters(documents: list[Document]) -> list[set[str]]:
    clustering = merge_events(documents)
    return [{m.doc_id for m in c.mentions} for c in clustering.clusters
            if c.mentions[0].type == "CONSULT"]


@pytest.mark.slow
def test_extracted_reports_of_one_call_by_two_outlets_merge(extractor):
    documents = extracted(extractor, ("a", "2021-03-10", "Outlet A", CALL_A),
                          ("b", "2021-03-11", "Outlet B", CALL_B))
    assert [len([e for e in d.events if e.type == "CONSULT"]) for d in documents] == [1, 1]
    assert consult_clusters(documents) == [{"a", "b"}]


@pytest.mark.slow
def test_extracted_meetings_a_week_apart_stay_apart(extractor):
    documents = extracted(extractor, ("m1", "2022-05-04", "Outlet A", MEETING.format(day="May 3")),
                          ("m2", "2022-05-11", "Outlet A", MEETING.format(day="May 10")))
    assert sorted(map(sorted, consult_clusters(documents))) == [["m1"], ["m2"]]


@pytest.mark.slow
def test_an_extracted_visit_told_in_three_sentences_is_one_cluster(extractor):
    (document,) = extracted(extractor, ("v", "2020-01-08", "Outlet A", VISIT))
    visits = [e for e in document.events if e.type == "CONSULT"]
    assert len(visits) >= 2
    clustering = merge_events([document])
    assert len({clustering.cluster_of[e.event_id] for e in visits}) == 1
