"""Acceptances (events/constructions/acceptance.py): an AGREE that accepts a mediation,
offer or proposal is made to its author (EVENTS.md: AGREE for acceptances); the accepted
mediation is not coded beside it as planned. Sentences written here."""

from __future__ import annotations

import pytest

from eventscope import extract
from eventscope.events.constructions import acceptance


def events(text: str) -> list[tuple[str, str | None, str | None]]:
    found = extract(text, publication_date="2024-06-03").events
    return sorted((e.type, e.source.country if e.source else None, e.target.country if e.target else None)
                  for e in found)


def test_the_data_section_is_read_and_none_of_its_lists_is_empty():
    assert all(acceptance._data())


@pytest.mark.slow
@pytest.mark.parametrize("text, accepter, author", [
    ("Bolivia agreed to Brazilian mediation in its water dispute with Chile.", "BOL", "BRA"),
    ("Uganda has agreed to a Kenyan proposal for a joint border commission.", "UGA", "KEN"),
    ("Mongolia accepted the offer made by Japan to host the talks.", "MNG", "JPN"),
])
def test_an_acceptance_is_aimed_at_who_made_what_it_accepts(text, accepter, author):
    assert ("AGREE", accepter, author) in events(text), events(text)


@pytest.mark.slow
def test_an_accepted_mediation_is_no_planned_consultation_beside_the_acceptance():
    assert [e[0] for e in events("Bolivia agreed to Brazilian mediation in its water dispute with Chile.")] \
        == ["AGREE"]
