"""`eventscope evaluate`: the contract's matching rules, bootstrap intervals, --compare, and
figures equal to shared/tools/score.py's on news-dev.

Sentences here are written for these tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscope.cli import main
from eventscope.evaluation.inputs import GoldError, gather_predictions, read_gold
from eventscope.evaluation.matching import (
    dyad_matches,
    match_events,
    match_quotes,
    same_name,
    same_sentence,
)
from eventscope.evaluation.report import article_changes
from eventscope.evaluation.scoring import (
    Tally,
    change_intervals,
    evaluate,
    headline,
    intervals,
    score_article,
)
from eventscope.records import Actor, Article, Document, Event, InputError, Location, Quote

EVENTSCOPE = Path(sys.executable).with_name("eventscope")

SUMMIT = ("The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss the "
          "maritime border, officials said.")
ARREST = "Police in Quito detained two journalists after the rally on Sunday."

CHL = Actor(None, "CHL", "GOV")
PER = Actor(None, "PER", "GOV")


def event(sentence: str = SUMMIT, type_: str = "CONSULT", source: Actor | None = CHL,
          target: Actor | None = PER, **fields) -> Event:
    return Event(sentence=sentence, trigger="", type=type_, source=source, target=target, **fields)


def doc(doc_id: str, events: list[Event], **fields) -> Document:
    return Document(doc_id=doc_id, events=events, **fields)


# ---------------------------------------------------------------- evidence sentences

def test_a_clause_of_the_gold_sentence_matches_it():
    assert same_sentence(SUMMIT, "The foreign ministers of Chile and Peru met in Lima on Tuesday")


def test_sentences_cut_differently_match_when_they_share_most_words():
    longer = SUMMIT + " The talks will resume next month."
    assert same_sentence(SUMMIT, longer)
    assert same_sentence("“Chile and Peru met in Lima,” officials said.",
                         '"Chile  and Peru met in LIMA," officials said.')


def test_a_fragment_much_shorter_than_the_gold_sentence_never_matches():
    assert not same_sentence(SUMMIT, "The foreign ministers")  # contained, but a fragment
    assert not same_sentence(SUMMIT, "")
    assert not same_sentence(SUMMIT, ARREST)


# ---------------------------------------------------------------- actors and names

def test_names_match_on_the_last_word_and_the_first_initial():
    assert same_name("Bashar al-Assad", "Assad")
    assert same_name("Bashar al-Assad", "President Bashar Al-Assad")
    assert not same_name("Bashar al-Assad", "Hafez al-Assad")
    assert not same_name("Mohammed bin Salman", "Nawaf Salman")
    assert same_name("Salman", "Mohammed bin Salman")


def test_names_match_on_nearly_the_same_spelling():
    assert same_name("Alexander Yefimov", "Alexander Yevimov")
    assert not same_name("Alexander Yefimov", "Sergey Lavrov")


def test_order_of_the_parties_is_ignored_only_for_consult_cooperate_and_agree():
    for type_ in ("CONSULT", "COOPERATE", "AGREE"):
        assert dyad_matches(event(type_=type_), event(type_=type_, source=PER, target=CHL),
                            by_name=False)
    assert not dyad_matches(event(type_="ACCUSE"), event(type_="ACCUSE", source=PER, target=CHL),
                            by_name=False)


def test_gold_country_decides_else_its_sector_else_anything():
    gold = event(type_="COERCE", sentence=ARREST, source=Actor(None, None, "COP"), target=None)
    right_sector = event(type_="COERCE", sentence=ARREST, source=Actor("Police", "ECU", "COP"),
                         target=Actor(None, "ECU", "MED"))
    wrong_sector = event(type_="COERCE", sentence=ARREST, source=Actor(None, "ECU", "GOV"))
    assert dyad_matches(gold, right_sector, by_name=True)  # null gold target accepts any
    assert not dyad_matches(gold, wrong_sector, by_name=False)
    assert not dyad_matches(event(), event(source=None), by_name=False)  # gold names a source


def test_a_gold_name_is_checked_only_at_the_full_level():
    gold = doc("a", [event(source=Actor("Andrés Allamand", "CHL", "GOV"))])
    predicted = doc("a", [event(source=Actor("Teodoro Ribera", "CHL", "GOV"))])
    tally = score_article(gold, predicted).tally
    assert (tally.type_tp, tally.dyad_tp, tally.full_tp) == (1, 1, 0)


# ---------------------------------------------------------------- dates and places

def test_a_gold_date_is_matched_to_its_precision_and_counted_exact_only_when_equal():
    gold = doc("a", [event(date="2021-03")])
    finer = score_article(gold, doc("a", [event(date="2021-03-16")])).tally
    wrong = score_article(gold, doc("a", [event(date="2021-04-01")])).tally
    assert (finer.full_tp, finer.dates_right, finer.dates_exact) == (1, 1, 0)
    assert (wrong.full_tp, wrong.dates_right, wrong.dates_exact) == (0, 0, 0)


def test_null_gold_date_place_and_actors_accept_any_prediction():
    gold = doc("a", [event(source=None, target=None)])
    predicted = doc("a", [event(date="2021-03-16", location=Location("Lima", "PER"))])
    tally = score_article(gold, predicted).tally
    assert tally.full_tp == 1
    assert (tally.dated, tally.placed_gold) == (0, 0)
    assert (tally.placed_predicted, tally.places_right) == (1, 0)  # a guessed place


def test_places_found_and_place_precision():
    gold = doc("a", [event(location=Location("Lima", "PER"))])
    found = score_article(gold, doc("a", [event(location=Location("lima", "PER"))])).tally
    missing = score_article(gold, doc("a", [event()])).tally
    assert (found.places_found, found.places_right, found.full_tp) == (1, 1, 1)
    assert (missing.placed_gold, missing.places_found, missing.full_tp) == (1, 0, 0)


# ---------------------------------------------------------------- pairing

def test_pairs_are_one_to_one_and_the_best_agreeing_pair_is_taken_first():
    ecu, col = Actor(None, "ECU", "GOV"), Actor(None, "COL", "GOV")
    gold = [event(type_="ACCUSE", target=ecu), event(type_="ACCUSE", target=col)]
    predicted = [event(type_="ACCUSE", target=col), event(type_="ACCUSE", target=ecu),
                 event(type_="ACCUSE", target=ecu)]
    pairs = match_events(gold, predicted)
    assert {(p.gold, p.predicted) for p in pairs} == {(0, 1), (1, 0)}
    article = score_article(doc("a", gold), doc("a", predicted))
    assert article.tally.dyad_tp == 2
    assert len(article.extra()) == 1 and not article.missed()


def test_a_different_type_in_the_same_sentence_is_a_miss_and_an_extra():
    article = score_article(doc("a", [event()]), doc("a", [event(type_="COOPERATE")]))
    assert article.tally.type_tp == 0
    assert [e.type for e in article.missed()] == ["CONSULT"]
    assert [e.type for e in article.extra()] == ["COOPERATE"]


def test_quotes_pair_by_text_and_speakers_by_name():
    said = "We will not accept any change to the border"
    gold = [Quote(said, Actor("Andrés Allamand", "CHL", "GOV"))]
    assert len(match_quotes(gold, [Quote("an unrelated remark about fishing"),
                                   Quote(said + ".")])) == 1
    right = score_article(doc("a", [], quotes=gold),
                          doc("a", [], quotes=[Quote(said, Actor("Allamand", "CHL", "GOV"))]))
    assert (right.tally.quotes_tp, right.tally.speakers_right) == (1, 1)


def test_a_dateline_where_gold_has_none_counts_as_wrong():
    tally = score_article(doc("a", [], dateline=None, publication_date="2021-03-16"),
                          doc("a", [], dateline="Lima", publication_date="2021-03-16")).tally
    assert (tally.publication_dates_right, tally.datelines_right) == (1, 0)


def test_an_article_without_prediction_finds_nothing():
    result = evaluate({"a": doc("a", [event()])}, {})
    assert (result.total.gold, result.total.predicted, result.total.type_tp) == (1, 0, 0)


# ---------------------------------------------------------------- intervals

def _varied_articles(count: int = 30) -> list[Tally]:
    """Articles of different sizes and hit rates, as real sets have."""
    return [Tally(gold=4 + n % 7, predicted=2 + n % 5, type_tp=min(2 + n % 5, 1 + n % 4),
                  dyad_tp=n % 3, full_tp=n % 2, documents=1) for n in range(count)]


def test_the_interval_contains_the_point_estimate_and_is_reproducible():
    tallies = _varied_articles()
    point = headline(Tally.total(tallies))
    spans = intervals(tallies, resamples=500, seed=7)
    for name in ("type.f1", "type.precision", "type.recall", "dyad.f1", "full.f1"):
        assert spans[name].low < point[name] < spans[name].high, name
    assert intervals(tallies, resamples=500, seed=7) == spans
    assert spans["date_accuracy"] is None  # no dated events anywhere: no interval


def test_the_interval_narrows_with_more_articles():
    few, many = _varied_articles(10), _varied_articles(10) * 10
    width = {name: span.high - span.low for name, span in
             (("few", intervals(few, 500)["type.f1"]), ("many", intervals(many, 500)["type.f1"]))}
    assert width["many"] < width["few"]


def test_each_type_gets_an_f1_interval_over_the_same_resamples():
    gold = {f"d{n}": doc(f"d{n}", [event(), event(ARREST, "COERCE")]) for n in range(12)}
    predicted = {f"d{n}": doc(f"d{n}", [event()] if n % 3 else [event(ARREST, "COERCE")])
                 for n in range(12)}
    result = evaluate(gold, predicted, resamples=300)
    consult = result.intervals["by_type.CONSULT.f1"]
    assert consult.low < result.figures()["by_type"]["CONSULT"]["f1"] < consult.high
    assert result.intervals == evaluate(gold, predicted, resamples=300).intervals


def test_no_change_has_a_zero_change_interval_and_a_real_gain_excludes_zero():
    old = _varied_articles()
    assert change_intervals(old, old, resamples=200)["type.f1"].to_list() == [0.0, 0.0]
    better = [Tally(**{**t.__dict__, "type_tp": min(t.predicted, t.type_tp + 1)}) for t in old]
    gain = change_intervals(old, better, resamples=200)["type.f1"]
    assert gain.low > 0


# ---------------------------------------------------------------- gold files

def _write_gold(folder: Path, documents: dict[str, dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, record in documents.items():
        (folder / f"{doc_id}.json").write_text(json.dumps(record), encoding="utf-8")
    return folder


def _gold_record(doc_id: str, events: list[dict]) -> dict:
    return {"doc_id": doc_id, "publication_date": "2021-03-16", "dateline": None,
            "events": events, "quotes": []}


def _event_record(sentence: str = SUMMIT, type_: str = "CONSULT", **fields) -> dict:
    return {"sentence": sentence, "trigger": "met", "type": type_,
            "source": {"name": None, "country": "CHL", "sector": "GOV"},
            "target": {"name": None, "country": "PER", "sector": "GOV"},
            "date": None, "location": None, "negated": False, "factuality": "asserted",
            **fields}


def test_a_bad_gold_file_is_named_with_the_event_and_the_problem(tmp_path: Path):
    _write_gold(tmp_path, {"a": _gold_record("a", [_event_record(), _event_record(type_="MEET")])})
    with pytest.raises(GoldError, match=r"a\.json: event 2: type 'MEET' is not a PLOVER type"):
        read_gold(tmp_path)
    (tmp_path / "a.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError, match=r"a\.json: not valid JSON"):
        read_gold(tmp_path)
    _write_gold(tmp_path, {"a": _gold_record("a", [_event_record(date="16 March 2021")])})
    with pytest.raises(GoldError, match="is not YYYY, YYYY-MM or YYYY-MM-DD"):
        read_gold(tmp_path)


def test_the_command_reports_a_bad_gold_file_without_a_traceback(tmp_path: Path):
    gold = _write_gold(tmp_path / "gold", {"a": _gold_record("a", [_event_record(type_="MEET")])})
    preds = tmp_path / "pred.jsonl"
    preds.write_text(json.dumps({"doc_id": "a", "events": []}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold), str(preds)])
    assert result.exit_code == 1
    assert "a.json: event 1: type 'MEET'" in result.output
    assert "Traceback" not in result.output


def test_articles_without_gold_are_not_extracted(tmp_path: Path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(SUMMIT, encoding="utf-8")
    asked: list[str] = []

    def fake_extract(items):  # the extractor is the edge: it would load spaCy
        for item in items:
            asked.append(item.doc_id)
            yield Document(doc_id=item.doc_id, events=[event()]) if isinstance(item, Article) else item

    found = gather_predictions([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], {"a"},
                               fake_extract)
    assert asked == ["a"]
    assert list(found.documents) == ["a"] and not found.errors


def test_a_prediction_file_is_read_not_extracted_and_a_bad_line_is_named(tmp_path: Path):
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(json.dumps(doc("a", [event()]).to_dict()) + "\n" + "{oops\n",
                           encoding="utf-8")

    def no_extract(items):
        raise AssertionError("a predictions file must not be extracted")

    found = gather_predictions([str(predictions)], {"a"}, no_extract)
    assert len(found.errors) == 1 and isinstance(found.errors[0], InputError)
    assert found.errors[0].origin == f"{predictions}:2"
    good = _predictions(tmp_path / "good.jsonl", [doc("a", [event()])])
    assert list(gather_predictions([str(good)], {"a"}, no_extract).documents) == ["a"]


# ---------------------------------------------------------------- the command, --compare

def _predictions(path: Path, documents: list[Document]) -> Path:
    path.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in documents), encoding="utf-8")
    return path


@pytest.fixture
def small_set(tmp_path: Path) -> dict[str, Path]:
    """Three gold articles; the new predictions gain one, lose one, leave one."""
    gold = _write_gold(tmp_path / "gold", {
        "gains": _gold_record("gains", [_event_record(), _event_record(ARREST, "COERCE")]),
        "loses": _gold_record("loses", [_event_record()]),
        "same": _gold_record("same", [_event_record()]),
    })
    old = _predictions(tmp_path / "old.jsonl", [
        doc("gains", [event()]), doc("loses", [event()]), doc("same", [event()])])
    new = _predictions(tmp_path / "new.jsonl", [
        doc("gains", [event(), event(ARREST, "COERCE", source=None, target=None)]),
        doc("loses", [event(type_="AGREE")]), doc("same", [event()])])
    return {"gold": gold, "old": old, "new": new}


def test_compare_lists_the_moved_articles_sorted_by_change(small_set: dict[str, Path]):
    result = CliRunner().invoke(main, ["evaluate", str(small_set["gold"]), str(small_set["new"]),
                                       "--compare", str(small_set["old"]), "--resamples", "100"])
    assert result.exit_code == 0, result.output
    moved = result.output.split("articles moved")[1].splitlines()[1:]
    assert [line.split()[0] for line in moved[:2]] == ["loses", "gains"]
    assert moved[0].split()[1:4] == ["1.000", "0.000", "-1.000"]
    assert moved[1].split()[1:4] == ["0.667", "1.000", "+0.333"]
    assert "2 articles moved, 1 unchanged" in result.output


def test_compare_as_json_gives_old_new_and_change(small_set: dict[str, Path]):
    result = CliRunner().invoke(main, ["evaluate", str(small_set["gold"]), str(small_set["new"]),
                                       "--compare", str(small_set["old"]), "--json",
                                       "--resamples", "100"])
    report = json.loads(result.output)
    figures = report["compare"]["figures"]["type.recall"]
    assert (figures["old"], figures["new"]) == pytest.approx((3 / 4, 3 / 4))
    assert [a["doc_id"] for a in report["compare"]["articles"]] == ["loses", "gains"]
    assert report["events"]["type"]["tp"] == 3


def test_article_changes_leave_out_unmoved_articles(small_set: dict[str, Path]):
    gold = read_gold(small_set["gold"])
    from eventscope.evaluation.inputs import read_predictions

    same = evaluate(gold, read_predictions(str(small_set["old"])), resamples=10)
    assert article_changes(same, same) == []


def test_misses_lists_missed_and_extra_events_with_their_sentences(small_set: dict[str, Path]):
    result = CliRunner().invoke(main, ["evaluate", str(small_set["gold"]), str(small_set["old"]),
                                       "--misses", "--resamples", "100"])
    misses = result.output.split("by article:")[1]
    assert "== gains" in misses and f"| {ARREST}" in misses
    assert "missed  COERCE" in misses
    assert "== same" not in misses


def test_a_gold_article_with_no_prediction_is_warned_about(small_set: dict[str, Path],
                                                           tmp_path: Path):
    partial = _predictions(tmp_path / "partial.jsonl", [doc("same", [event()])])
    result = CliRunner().invoke(main, ["evaluate", str(small_set["gold"]), str(partial),
                                       "--resamples", "100"])
    assert result.exit_code == 0
    assert "2 of 3 gold articles have no prediction" in result.output


# ---------------------------------------------------------------- equal to score.py on news-dev

def _flatten(figures: dict, prefix: str = "") -> dict[str, float | None]:
    flat: dict[str, float | None] = {}
    for key, value in figures.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


@pytest.fixture(scope="module")
def news_dev(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """news-dev extracted and evaluated once by the command, and scored by score.py."""
    corpus = shared_dir / "corpus" / "news-dev"
    if not (corpus / "gold").is_dir() or not (shared_dir / "tools" / "score.py").is_file():
        pytest.skip(f"needs the news-dev corpus and score.py under {shared_dir} (absent here)")
    work = tmp_path_factory.mktemp("news-dev")
    articles, predictions = work / "news-dev.jsonl", work / "pred.jsonl"
    with articles.open("w", encoding="utf-8") as sink:  # as the scoring hook feeds it
        for gold in sorted((corpus / "gold").glob("*.json")):
            date = json.loads(gold.read_text(encoding="utf-8")).get("publication_date")
            sink.write(json.dumps({
                "id": gold.stem, "text": (corpus / f"{gold.stem}.txt").read_text(encoding="utf-8"),
                "publication_date": date if date and len(date) == 10 else None}) + "\n")
    ours = subprocess.run(
        [str(EVENTSCOPE), "evaluate", str(corpus / "gold"), str(articles), "--json", "--quiet",
         "--save", str(predictions), "--resamples", "200"],
        capture_output=True, text=True, check=False)
    assert ours.returncode == 0, ours.stderr
    reference = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), str(corpus / "gold"),
         str(predictions), "--json"], capture_output=True, text=True, check=True)
    return {"ours": json.loads(ours.stdout), "reference": json.loads(reference.stdout),
            "gold": corpus / "gold", "predictions": predictions}


@pytest.mark.slow
def test_every_figure_equals_score_py_on_news_dev(news_dev: dict):
    reference, ours = _flatten(news_dev["reference"]), _flatten(news_dev["ours"])
    assert len(reference) > 100  # every level, accuracy and type
    for name, value in reference.items():
        assert name in ours, f"{name} missing"
        if value is None:
            assert ours[name] is None, name
        else:
            assert round(ours[name], 3) == round(value, 3), (name, ours[name], value)


@pytest.mark.slow
def test_news_dev_intervals_hold_the_figures_and_articles_add_up(news_dev: dict):
    ours = news_dev["ours"]
    for level in ("type", "dyad", "full"):
        low, high = ours["intervals"][f"{level}.f1"]
        assert low <= ours["events"][level]["f1"] <= high, level
    for event_type, figures in ours["by_type"].items():
        if figures["gold"] >= 20:
            low, high = ours["intervals"][f"by_type.{event_type}.f1"]
            assert low <= figures["f1"] <= high, event_type
    assert sum(a["type"]["tp"] for a in ours["articles"]) == ours["events"]["type"]["tp"]
    assert len(ours["articles"]) == len(list(news_dev["gold"].glob("*.json")))


@pytest.mark.slow
def test_saved_predictions_evaluate_to_the_same_figures(news_dev: dict):
    again = CliRunner().invoke(main, ["evaluate", str(news_dev["gold"]),
                                      str(news_dev["predictions"]), "--json", "--resamples", "200"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.output) == news_dev["ours"]
