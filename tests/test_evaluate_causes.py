"""The sort of misses by cause behind `eventscope evaluate --causes`."""

from __future__ import annotations

from eventscope.evaluation.causes import causes_text, sort_misses
from eventscope.evaluation.report import Miss
from eventscope.records import Actor, Event

RUS, SYR = Actor(None, "RUS", "GOV"), Actor(None, "SYR", "GOV")


def _event(kind: str, sentence: str, source=RUS, target=SYR, date=None) -> Event:
    return Event(sentence=sentence, trigger="x", type=kind, source=source, target=target, date=date)


def _words(sentences: list[str]) -> list[set[str]]:
    """A stand-in lemmatizer: the lower-cased words, with a plural s dropped."""
    return [{w.lower().rstrip(".").removesuffix("s") for w in s.split()} for s in sentences]


def test_a_sentence_without_a_trigger_word_is_a_lexicon_gap():
    miss = Miss("a", "missed", _event("SANCTION", "Russia sent the Syrian envoy packing."), None)
    table = sort_misses([miss], _words)
    assert table.missed == {"lexicon gap": 1}


def test_a_known_trigger_that_gave_nothing_is_a_construction_or_parse_miss():
    miss = Miss("a", "missed", _event("SANCTION", "The envoy was expelled by Russia."), None)
    table = sort_misses([miss], lambda s: [{"the", "envoy", "be", "expel", "by", "russia"}])
    assert table.missed == {"construction or parse": 1}
    assert table.by_type["SANCTION"]["construction or parse"] == 1


def test_a_sentence_coded_with_another_type_is_a_type_or_convention_miss():
    sentence = "Russia summoned the Syrian envoy over the remarks."
    misses = [Miss("a", "missed", _event("SANCTION", sentence), None),
              Miss("a", "extra", None, _event("ACCUSE", sentence))]
    table = sort_misses(misses, _words)
    assert table.missed == {"type or convention": 1}
    assert table.extra == {"type or convention": 1}


def test_partial_matches_count_each_wrong_part():
    gold = _event("CONSULT", "Russia and Syria met on Monday.", date="2024-05-13")
    wrong = _event("CONSULT", "Russia and Syria met on Monday.", target=Actor(None, "TUR", "GOV"),
                   date="2024-05-06")
    table = sort_misses([Miss("a", "partial", gold, wrong)], _words)
    assert table.partial == {"actor": 1, "date": 1}
    assert "actor" in "\n".join(causes_text(table))


def test_an_extra_where_gold_has_nothing_is_no_event_in_gold():
    table = sort_misses([Miss("a", "extra", None, _event("ASSAULT", "The match was a battle."))], _words)
    assert table.extra == {"no event in gold": 1}
