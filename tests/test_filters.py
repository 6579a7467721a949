"""The named filters of events/filters.py: each drops what is no event of its own and keeps
what is. Sentences written here; each test says which EVENTS.md rule it follows."""

from __future__ import annotations

import pytest

from eventscope import extract
from eventscope.events import filters
from eventscope.events.constructions.data import ConstructionDataError


def types(text: str) -> list[str]:
    return sorted(e.type for e in extract(text, publication_date="2024-06-03").events)


READERS = (filters.held_out_words, filters.told_facts, filters.request_words, filters.object_words,
           filters.agreed_words, filters.aid_words, filters.question_words, filters.agreed_on_words,
           filters.committed_words)


def _word_sets(value: object) -> list:
    if isinstance(value, dict):
        return list(value.values())
    return value if isinstance(value, list) else [value]


def test_every_filter_data_section_is_read_and_none_is_empty():
    for read in READERS:
        assert all(_word_sets(read())), read.__name__
    # a missing or malformed section names the file and the section (constructions.yaml)
    with pytest.raises(ConstructionDataError, match="no_such_section"):
        filters._words("no_such_section", "words")


def test_prepositions_in_filter_data_are_words_not_booleans():
    # YAML reads a bare `on` as true: the data must quote it
    assert "on" in filters.agreed_words()[1] and "on" in filters.agreed_on_words()


@pytest.mark.slow
def test_what_pressure_asks_for_did_not_happen_even_without_the_request_found():
    # "what is requested ... did not happen" (EVENTS.md, REQUEST); the pressure's own parties
    # need not be found for its content to be content
    assert "CONCEDE" not in types(
        "Hungarian authorities have been pressuring bus drivers to call off the strike they had "
        "planned for higher wages.")
    assert "RETREAT" not in types(
        "The Kenyan government has been pressuring the Ugandan rebels to withdraw from the border area.")


@pytest.mark.slow
def test_a_fact_told_beside_a_request_stays():
    # a clause of time or reason is no content of the request
    assert types("Moscow threatened to cut gas supplies to Moldova after Chisinau arrested a "
                 "Russian journalist.") == ["COERCE", "THREATEN"]


@pytest.mark.slow
def test_a_capability_is_no_act():
    assert "ASSAULT" not in types("Seoul condemned the test of a rocket that could strike Japanese cities.")
