"""Each export format read back by a parser of that format; the CLI's commands and errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

from eventscope.analysis import FLAT_COLUMNS
from eventscope.cli import main
from eventscope.export import FORMATS, ExportError, export
from eventscope.export.formats import (
    GDELT_COLUMNS,
    ICEWS_COLUMNS,
    PHOENIX_COLUMNS,
    POLECAT_COLUMNS,
    TABLE_FORMATS,
)
from eventscope.records import Actor, Document, Event, Location

PUTIN = Actor("Vladimir Putin", "RUS", "GOV")
ASSAD = Actor("Bashar al-Assad", "SYR", "GOV")
RUSSIA, SYRIA, TURKEY = Actor(None, "RUS", "GOV"), Actor(None, "SYR", "GOV"), Actor(None, "TUR", "GOV")


def ev(type_, source, target, when=None, mode=None, trigger="t", **extra) -> Event:
    return Event(sentence=f"A {type_.lower()}\tsentence.", trigger=trigger, type=type_, mode=mode,
                 source=source, target=target, date=when, **extra)


def documents() -> list[Document]:
    return [
        Document("d1", title="Talks", publication_date="2021-02-17", url="https://example.org/1",
                 source="Example News", events=[
                     ev("CONSULT", ASSAD, PUTIN, "2021-02-15", "visit", "received",
                        location=Location("Damascus", "SYR", 33.51, 36.29, 170654),
                        sentence_index=2),
                     ev("CONSULT", RUSSIA, TURKEY, "2021-02-16", "phone", "spoke"),
                     ev("AID", RUSSIA, SYRIA, None, "economic", "will fund", factuality="planned"),
                     ev("ACCUSE", RUSSIA, Actor("ISIS", None, "REB"), "2021-02", "disapprove",
                        "condemned"),
                     ev("ASSAULT", TURKEY, SYRIA, "2021-02-16", negated=True),
                     ev("SUPPORT", None, SYRIA, "2021-02-16"),
                 ]),
    ]


def write_jsonl(path: Path, docs: list[Document]) -> Path:
    path.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in docs), encoding="utf-8")
    return path


def read_tsv(path: Path, header: bool = True) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE,
                       header=0 if header else None)


@pytest.mark.parametrize("fmt, columns", [("polecat", POLECAT_COLUMNS), ("icews", ICEWS_COLUMNS),
                                          ("phoenix", PHOENIX_COLUMNS)])
def test_table_formats_read_back_with_their_published_columns(tmp_path, fmt, columns):
    out = tmp_path / f"events.{fmt}.tsv"
    summary = export(documents(), fmt, out)
    frame = read_tsv(out)
    assert list(frame.columns) == list(columns)
    # The negated assault is left out of dataset formats; the actorless support stays.
    assert len(frame) == summary.written == 5 and summary.rows == 6


def test_column_counts_are_the_published_ones():
    assert [len(TABLE_FORMATS[f].columns) for f in ("polecat", "icews", "gdelt", "phoenix")] == \
        [40, 20, 61, 26]


def test_polecat_values(tmp_path):
    export(documents(), "polecat", tmp_path / "p.tsv")
    visit = read_tsv(tmp_path / "p.tsv").iloc[0]
    assert visit["Event Type"] == "CONSULT" and visit["Event Mode"] == "visit"
    assert visit["Event Date"] == "2021-02-15" and visit["Publication Date"] == "2021-02-17"
    assert visit["Quad Code"] == "VERBAL COOPERATION" and float(visit["Intensity"]) == 4.0
    assert (visit["Actor Country"], visit["Actor COW"], visit["Recipient COW"]) == ("SYR", "652", "365")
    assert (visit["Placename"], visit["Latitude"], visit["GeoNames ID"]) == ("Damascus", "33.51", "170654")
    assert visit["Source"] == "Example News" and visit["Language"] == "en"
    assert visit["Wikipedia Actor ID"] == "" and visit["Story People"] == ""  # unknown: empty


def test_icews_values(tmp_path):
    export(documents(), "icews", tmp_path / "i.tsv")
    frame = read_tsv(tmp_path / "i.tsv")
    visit, call, intent, accuse = (frame.iloc[i] for i in range(4))
    assert (visit["CAMEO Code"], visit["Event Text"], visit["Intensity"]) == ("043", "Host a visit", "2.8")
    assert (visit["Source Name"], visit["Source Country"], visit["Sentence Number"]) == \
        ("Bashar al-Assad", "Syria", "3")
    assert (call["CAMEO Code"], call["Source Name"]) == ("041", "Government (Russia)")
    assert intent["CAMEO Code"] == "0331"          # leading zero kept
    assert accuse["Event Date"] == ""              # known only to the month
    assert visit["City"] == "Damascus" and visit["Country"] == "Syria"


def test_gdelt_has_no_header_and_61_columns(tmp_path):
    export(documents(), "gdelt", tmp_path / "g.CSV")
    frame = read_tsv(tmp_path / "g.CSV", header=False)
    assert frame.shape == (5, 61)
    frame.columns = GDELT_COLUMNS
    visit = frame.iloc[0]
    assert (visit["SQLDATE"], visit["MonthYear"], visit["Year"]) == ("20210215", "202102", "2021")
    assert (visit["Actor1Code"], visit["Actor1CountryCode"], visit["Actor1Type1Code"]) == \
        ("SYRGOV", "SYR", "GOV")
    assert (visit["EventCode"], visit["EventBaseCode"], visit["EventRootCode"]) == ("043", "043", "04")
    assert (visit["QuadClass"], visit["GoldsteinScale"]) == ("1", "2.8")
    assert visit["ActionGeo_FullName"] == "Damascus, Syria" and visit["ActionGeo_Lat"] == "33.51"
    assert visit["SOURCEURL"] == "https://example.org/1" and visit["AvgTone"] == ""
    assert frame["GLOBALEVENTID"].str.isdigit().all() and frame["GLOBALEVENTID"].is_unique


def test_header_can_be_forced(tmp_path):
    export(documents(), "gdelt", tmp_path / "g.tsv", header=True)
    assert list(read_tsv(tmp_path / "g.tsv").columns) == list(GDELT_COLUMNS)


def test_phoenix_values(tmp_path):
    export(documents(), "phoenix", tmp_path / "ph.tsv")
    frame = read_tsv(tmp_path / "ph.tsv")
    visit = frame.iloc[0]
    assert (visit["Date"], visit["Year"], visit["Month"], visit["Day"]) == ("20210215", "2021", "2", "15")
    assert (visit["SourceActorFull"], visit["TargetActorEntity"], visit["TargetActorRole"]) == \
        ("SYRGOV", "RUS", "GOV")
    assert visit["SentenceID"] == "d1_3" and visit["QuadClass"] == "1"


def test_csv_and_parquet_hold_every_event_with_every_field(tmp_path):
    export(documents(), "csv", tmp_path / "e.csv")
    export(documents(), "parquet", tmp_path / "e.parquet")
    from_csv = pd.read_csv(tmp_path / "e.csv", dtype=str, keep_default_na=False)
    from_parquet = pd.read_parquet(tmp_path / "e.parquet")
    for frame in (from_csv, from_parquet):
        assert list(frame.columns) == list(FLAT_COLUMNS)
        assert len(frame) == 6                         # negated events included, marked
    assert from_csv["negated"].tolist().count("true") == 1
    assert from_csv.loc[0, "sentence"] == "A consult\tsentence."   # CSV quotes, keeps the text
    assert from_parquet["negated"].sum() == 1
    assert from_parquet.loc[0, "location_latitude"] == pytest.approx(33.51)
    assert from_parquet.loc[2, "cameo_code"] == "0331"


def test_plover_json_records(tmp_path):
    export(documents(), "plover-json", tmp_path / "e.jsonl")
    records = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert len(records) == 4   # negated and actorless events are not PLOVER events
    visit, call, intent, accuse = records
    # The host received the visitor: the visitor is the actor, the host the recipient.
    assert [a["entity_name"] for a in visit["actor"]] == ["Vladimir Putin"]
    assert [r["entity_name"] for r in visit["recipient"]] == ["Bashar al-Assad"]
    # A phone call is symmetric: both as actors, no recipient.
    assert [a["code"] for a in call["actor"]] == ["RUS", "TUR"] and call["recipient"] == []
    # Planned aid is AGREE, marked as future.
    assert (intent["event"], intent["mode"], intent["context"]) == (["AGREE"], [], ["future"])
    assert intent["quad_code"] == 1 and intent["event_scale"] == 2.5
    assert accuse["event"] == ["ACCUSE"] and accuse["mode"] == ["disapprove"]
    for record in records:
        assert {"id", "date", "actor", "event"} <= set(record)


def test_unknown_format_and_parquet_to_stdout_are_refused(tmp_path):
    with pytest.raises(ExportError, match="unknown format"):
        export(documents(), "xml", tmp_path / "x")
    with pytest.raises(ExportError, match="binary"):
        export(documents(), "parquet", "-")


def test_seed_gold_events_export_to_every_format(shared_dir, tmp_path):
    gold = sorted((shared_dir / "corpus" / "seeds" / "gold").glob("*.json"))
    expected = sum(len(json.loads(p.read_text())["events"]) for p in gold)
    runner = CliRunner()
    for fmt in FORMATS:
        out = tmp_path / f"seeds.{fmt}"
        result = runner.invoke(main, ["export", *map(str, gold), "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
        if fmt in TABLE_FORMATS:
            frame = read_tsv(out, header=TABLE_FORMATS[fmt].header)
            assert frame.shape == (expected, len(TABLE_FORMATS[fmt].columns))
        elif fmt == "csv":
            assert len(pd.read_csv(out, dtype=str)) == expected
        elif fmt == "parquet":
            assert len(pd.read_parquet(out)) == expected
        else:
            assert len(out.read_text().splitlines()) == expected


def test_cli_export_to_stdout(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", documents())
    result = CliRunner().invoke(main, ["export", str(source), "-f", "icews", "--out", "-"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split("\t") == list(ICEWS_COLUMNS)
    assert len(result.stdout.splitlines()) == 6


def test_cli_bad_line_is_named_and_the_rest_exported(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", documents())
    with source.open("a") as handle:
        handle.write("{not json\n")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["export", str(source), "-f", "csv", "-o", str(out)])
    assert result.exit_code == 1
    assert f"{source}:2: not valid JSON" in result.stderr
    assert len(pd.read_csv(out, dtype=str)) == 6


def test_cli_input_errors(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(main, ["export", str(tmp_path / "none.jsonl"), "-f", "csv", "-o", "-"])
    assert missing.exit_code == 2 and "does not exist" in missing.stderr
    source = write_jsonl(tmp_path / "docs.jsonl", documents())
    unknown = runner.invoke(main, ["export", str(source), "-f", "xml", "-o", "-"])
    assert unknown.exit_code == 2 and "xml" in unknown.stderr
    nothing = runner.invoke(main, ["export", "-f", "csv", "-o", "-"])
    assert nothing.exit_code == 2 and "INPUT" in nothing.stderr
    not_a_doc = tmp_path / "list.jsonl"
    not_a_doc.write_text("[1, 2]\n")
    result = runner.invoke(main, ["export", str(not_a_doc), "-f", "csv", "-o", "-"])
    assert result.exit_code == 1 and f"{not_a_doc}:1: not a document record" in result.stderr


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG\r\n\x1a\n"), (".svg", b"<?xml")])
def test_cli_dyad_prints_the_series_and_draws_it(tmp_path, suffix, magic):
    source = write_jsonl(tmp_path / "docs.jsonl", documents())
    plot = tmp_path / f"dyad{suffix}"
    result = CliRunner().invoke(main, ["dyad", "Russia", "TUR", str(source), "--by", "week",
                                       "--plot", str(plot)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["period", "CONSULT", "total", "mean_intensity"]
    assert lines[1].split() == ["2021-02-15", "1", "1", "1.50"]
    data = plot.read_bytes()
    assert data.startswith(magic) and len(data) > 5000
    if suffix == ".svg":
        assert b"CONSULT" in data and b"mean intensity" in data   # legend text


def test_cli_dyad_rejects_other_image_types(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", documents())
    result = CliRunner().invoke(main, ["dyad", "RUS", "SYR", str(source), "--plot", "x.gif"])
    assert result.exit_code == 2 and ".png" in result.stderr


@pytest.mark.parametrize("suffix, read", [(".graphml", nx.read_graphml), (".gexf", nx.read_gexf)])
def test_cli_network_file_reads_back(tmp_path, suffix, read):
    source = write_jsonl(tmp_path / "docs.jsonl", documents())
    out = tmp_path / f"actors{suffix}"
    result = CliRunner().invoke(main, ["network", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    graph = read(out)
    assert set(graph.nodes) == {"Vladimir Putin", "Bashar al-Assad", "RUS GOV", "TUR GOV",
                                "SYR GOV", "ISIS"}
    edge = graph.edges["Bashar al-Assad", "Vladimir Putin"]
    assert edge["weight"] == 1 and edge["mean_intensity"] == pytest.approx(4.0)
    assert graph.nodes["ISIS"]["sector"] == "REB" and graph.nodes["ISIS"]["country"] == ""
    assert graph.nodes["RUS GOV"]["events"] == 2   # asserted only: the planned aid is not
    planned = CliRunner().invoke(main, ["network", str(source), "--include", "planned",
                                        "--out", str(out)])
    assert planned.exit_code == 0, planned.output
    assert read(out).nodes["RUS GOV"]["events"] == 3


def test_cli_network_since_and_bad_suffix(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", documents())
    out = tmp_path / "late.graphml"
    result = CliRunner().invoke(main, ["network", str(source), "--since", "2021-02-16", "-o", str(out)])
    assert result.exit_code == 0
    # The visit of the 15th is left out; so is the undated planned aid, by default.
    assert set(nx.read_graphml(out).edges) == {("RUS GOV", "TUR GOV")}
    # Asked for, the planned aid counts, on its publication day.
    result = CliRunner().invoke(main, ["network", str(source), "--since", "2021-02-16",
                                       "--include", "planned", "--dates", "publication",
                                       "-o", str(out)])
    assert result.exit_code == 0
    assert set(nx.read_graphml(out).edges) == {("RUS GOV", "TUR GOV"), ("RUS GOV", "SYR GOV")}
    bad = CliRunner().invoke(main, ["network", str(source), "-o", str(tmp_path / "x.dot")])
    assert bad.exit_code == 2 and not (tmp_path / "x.dot").exists()


def test_export_from_a_store(tmp_path):
    store_module = pytest.importorskip("eventscope.store")
    store = store_module.open_store(str(tmp_path / "events.duckdb"))
    if not hasattr(store, "iter_documents"):
        store.close()
        pytest.skip("the store has no iter_documents() yet")
    store.migrate()
    store.save_documents(documents())
    store.close()
    out = tmp_path / "from-db.tsv"
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "events.duckdb"),
                                       "-f", "polecat", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(read_tsv(out)) == 5


def gdelt_frame(tmp_path, docs=None) -> pd.DataFrame:
    export(docs or documents(), "gdelt", tmp_path / "g.tsv", header=True)
    return read_tsv(tmp_path / "g.tsv")


# The visit in Damascus (third sentence): Assad (SYR) received Putin (RUS).
@pytest.mark.parametrize("column, expected", [
    ("IsRootEvent", "0"),
    ("ActionGeo_Type", "4"), ("ActionGeo_FullName", "Damascus, Syria"),
    ("ActionGeo_CountryCode", "SY"), ("ActionGeo_Lat", "33.51"), ("ActionGeo_Long", "36.29"),
    ("ActionGeo_ADM1Code", ""), ("ActionGeo_ADM2Code", ""), ("ActionGeo_FeatureID", ""),
    # Assad is in his own country where the visit happened: the event's place.
    ("Actor1Geo_Type", "4"), ("Actor1Geo_FullName", "Damascus, Syria"),
    ("Actor1Geo_CountryCode", "SY"), ("Actor1Geo_Lat", "33.51"), ("Actor1Geo_Long", "36.29"),
    ("Actor1Geo_FeatureID", ""), ("Actor1Geo_ADM1Code", ""), ("Actor1Geo_ADM2Code", ""),
    # Putin's place there is not his country's: Russia as a whole, FIPS RS.
    ("Actor2Geo_Type", "1"), ("Actor2Geo_FullName", "Russia"), ("Actor2Geo_CountryCode", "RS"),
    ("Actor2Geo_FeatureID", "RS"), ("Actor2Geo_Lat", ""), ("Actor2Geo_Long", ""),
    # GDELT gives a country match its country code as ADM1 code too.
    ("Actor2Geo_ADM1Code", "RS"), ("Actor2Geo_ADM2Code", ""),
])
def test_gdelt_geography_and_root_columns(tmp_path, column, expected):
    assert gdelt_frame(tmp_path).iloc[0][column] == expected


def test_gdelt_root_event_is_the_lead_sentence_and_empty_when_unknown(tmp_path):
    docs = [Document("lead", events=[
        ev("CONSULT", PUTIN, ASSAD, "2021-02-15", "visit", "met", sentence_index=0),
        ev("CONSULT", PUTIN, ASSAD, "2021-02-16", "visit", "met", sentence_index=4),
        ev("CONSULT", PUTIN, ASSAD, "2021-02-17", "visit", "met")])]
    assert list(gdelt_frame(tmp_path, docs)["IsRootEvent"]) == ["1", "0", ""]


def test_gdelt_country_place_and_actors_without_a_country(tmp_path):
    docs = [Document("c", events=[
        ev("ACCUSE", RUSSIA, Actor("ISIS", None, "REB"), "2021-02-15", "disapprove", "blamed",
           location=Location("Syria", "SYR", 35.0, 38.0, 163843))])]
    row = gdelt_frame(tmp_path, docs).iloc[0]
    assert (row["ActionGeo_Type"], row["ActionGeo_FullName"], row["ActionGeo_CountryCode"],
            row["ActionGeo_FeatureID"]) == ("1", "Syria", "SY", "SY")
    assert (row["Actor1Geo_Type"], row["Actor1Geo_CountryCode"]) == ("1", "RS")
    assert row["Actor2Geo_Type"] == "" and row["Actor2Geo_FullName"] == ""


@pytest.mark.slow
def test_gdelt_export_of_the_seeds_fills_root_and_place_country(tmp_path, seeds_dir):
    from eventscope.ingest import read_inputs
    from eventscope.pipeline import Extractor

    articles = list(read_inputs(sorted(str(p) for p in seeds_dir.glob("*.txt"))))
    frame = gdelt_frame(tmp_path, list(Extractor().extract_articles(articles)))
    assert len(frame) > 0 and frame["IsRootEvent"].isin(["0", "1"]).all()
    assert (frame["IsRootEvent"] == "1").any()
    placed = frame[frame["ActionGeo_FullName"] != ""]
    assert len(placed) > 0 and (placed["ActionGeo_CountryCode"] != "").all()


@pytest.mark.parametrize("fmt", FORMATS)
def test_year_9999_is_kept_and_breaks_no_format(tmp_path, fmt):
    docs = [Document("far", publication_date="9999-12-31", events=[
        ev("AID", RUSSIA, SYRIA, "9999-12-31", "humanitarian", "sent"),
        ev("AID", RUSSIA, SYRIA, "9999-12", "humanitarian", "sent"),
        ev("AID", RUSSIA, SYRIA, None, "humanitarian", "sent")])]
    summary = export(docs, fmt, tmp_path / f"far.{fmt}")
    assert summary.written == 3


def test_cli_dyad_table_folds_empty_weeks_and_always_reports_the_undated(tmp_path):
    docs = [Document("apart", events=[
        ev("AID", RUSSIA, SYRIA, "2021-01-04", "humanitarian", "sent"),
        ev("AID", RUSSIA, SYRIA, "2021-03-01", "humanitarian", "sent")])]
    source = write_jsonl(tmp_path / "apart.jsonl", docs)
    result = CliRunner().invoke(main, ["dyad", "RUS", "SYR", str(source), "--by", "week"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines[1:4]] == ["2021-01-04", "(7", "2021-03-01"]
    assert "(7 weeks without events)" in lines[2]
    assert "0 without a usable date left out" in lines[-1]
    as_json = json.loads(CliRunner().invoke(
        main, ["dyad", "RUS", "SYR", str(source), "--format", "json"]).output)
    assert len(as_json["periods"]) == 9   # the gaps are in the data, as zeros


def test_plot_breaks_the_intensity_line_at_gaps(tmp_path, monkeypatch):
    import math

    from matplotlib.axes import Axes

    from eventscope.analysis import dyad_series, flat_rows
    from eventscope.export.plot import plot_dyad

    drawn: list[list[float]] = []
    draw = Axes.plot

    def recording(self, *args, **kwargs):
        drawn.append(list(args[1]))
        return draw(self, *args, **kwargs)

    monkeypatch.setattr(Axes, "plot", recording)
    docs = [Document("apart", events=[
        ev("AID", RUSSIA, SYRIA, "2021-01-04", "humanitarian", "sent"),
        ev("AID", RUSSIA, SYRIA, "2021-01-18", "humanitarian", "sent")])]
    plot_dyad(dyad_series(flat_rows(docs), "RUS", "SYR", by="week"), tmp_path / "p.png")
    means = drawn[0]
    assert len(means) == 3 and math.isnan(means[1]) and not math.isnan(means[0])
