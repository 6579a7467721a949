"""The article's setting gives domestic actors with no nationality their country."""

from __future__ import annotations

import pytest

import eventscope

pytestmark = pytest.mark.slow


def _dyads(text: str) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    doc = eventscope.extract(text, publication_date="2024-05-14")
    return [(e.type, e.source and e.source.country, e.source and e.source.sector,
             e.target and e.target.country, e.target and e.target.sector) for e in doc.events]


def test_domestic_police_take_the_country_of_the_story():
    text = ("Thousands marched through Quito on Monday against the new fuel prices in Ecuador.\n\n"
            "Police arrested forty protesters near the presidential palace in Quito.")
    assert ("COERCE", "ECU", "COP", "ECU", "CVL") in _dyads(text)


def test_a_foreign_actor_keeps_its_own_country():
    text = ("Fighting went on in eastern Ukraine on Tuesday, Ukrainian officials said.\n\n"
            "Russian troops shelled the town of Kupiansk in Ukraine overnight.")
    sources = {(country, sector) for kind, country, sector, *_ in _dyads(text) if kind == "ASSAULT"}
    assert ("RUS", "MIL") in sources


def test_the_body_outranks_the_dateline():
    text = ("BEIRUT (Reuters) - Syrian authorities said on Monday that the army had taken back "
            "two villages near Hama in Syria.\n\n"
            "The army arrested dozens of men in Hama, the Syrian state news agency said.")
    coerce = [d for d in _dyads(text) if d[0] == "COERCE"]
    assert coerce and coerce[0][1] == "SYR"


def test_a_stateless_group_stays_stateless():
    text = ("Iraqi officials met in Baghdad on Sunday.\n\n"
            "Islamic State fighters attacked a checkpoint in Iraq, the ministry said.")
    assaults = [d for d in _dyads(text) if d[0] == "ASSAULT"]
    assert assaults and assaults[0][1] is None


def test_the_lede_names_the_scene():
    text = ("Nicaragua released fifty opposition prisoners on Friday.\n\n"
            "The United States had asked for their release. The United States welcomed it.\n\n"
            "Police detained three more activists on Saturday.")
    coerce = [d for d in _dyads(text) if d[0] == "COERCE"]
    assert coerce and coerce[0][1] == "NIC"


def test_an_inferred_country_says_why():
    text = ("Thousands marched through Quito on Monday against the new fuel prices in Ecuador.\n\n"
            "Police arrested forty protesters near the presidential palace.")
    event = next(e for e in eventscope.extract(text, publication_date="2024-05-14").events
                 if e.type == "COERCE")
    assert event.source.country == "ECU" and "article's country" in event.to_dict()["source"]["why"]
