"""Metadata: title, publication date, dateline and where the body starts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.clean import clean_text
from eventscope.metadata import Metadata, parse_date, read_metadata
from eventscope.records import Article

BODY = "The two ministers discussed trade and security during the visit, the ministry said."


def test_headline_date_line_and_dateline():
    text = f"Kenya and Egypt sign trade pact\n\nThursday, 12 March 2020\n\nNAIROBI, (KNA) – {BODY}"
    meta = read_metadata(text)
    assert meta == Metadata(
        title="Kenya and Egypt sign trade pact", publication_date="2020-03-12",
        dateline="Nairobi", body_start=text.index("NAIROBI"), dateline_end=text.index("–") + 1)


def test_repeated_title_is_skipped():
    text = f"Ministers Meet in Oslo\n\nMinisters Meet in Oslo\n\n{BODY}"
    meta = read_metadata(text)
    assert meta.title == "Ministers Meet in Oslo" and text[meta.body_start:] == BODY


def test_kicker_before_headline_is_skipped():
    text = f"World News\n\nOslo hosts talks on Arctic fisheries (Photos)\n\n{BODY}"
    meta = read_metadata(text)
    assert meta.title == "Oslo hosts talks on Arctic fisheries (Photos)"
    assert text[meta.body_start:] == BODY


def test_short_headline_is_not_taken_for_a_kicker():
    text = f"Arctic Cooperation Continues\n\n{BODY}"
    assert read_metadata(text).title == "Arctic Cooperation Continues"


def test_headline_with_colon_and_question():
    assert read_metadata(f"Envoy: talks will go on\n\n{BODY}").title == "Envoy: talks will go on"
    assert read_metadata(f"Will the truce hold?\n\n{BODY}").title == "Will the truce hold?"


@pytest.mark.parametrize("text", [
    BODY,                                               # one paragraph only
    f"{BODY}\n\nA second paragraph follows here.",      # first line is a paragraph
    f"The minister said on Monday that\nthe talks had ended.\n\n{BODY}",  # a wrapped paragraph
    "Headline with nothing after it",
])
def test_no_title(text: str):
    meta = read_metadata(text)
    assert meta.title is None and meta.body_start == 0


@pytest.mark.parametrize("line, iso", [
    ("date 2021-02-17", "2021-02-17"),
    ("Thursday, 26 July 2018", "2018-07-26"),
    ("July 26, 2018", "2018-07-26"),
    ("26/07/2018", "2018-07-26"),
    ("07/26/2018", "2018-07-26"),
    ("Published: Mon 3rd Feb. 2020 10:45 GMT", "2020-02-03"),
    ("Updated 14:02, 5 September 2019", "2019-09-05"),
    ("Posted on Sep 5, 2019 at 2:15 p.m.", "2019-09-05"),
    ("2019.09.05 | 08:00", "2019-09-05"),
])
def test_date_line(line: str, iso: str):
    text = f"Oslo hosts Arctic talks\n\n{line}\n\n{BODY}"
    meta = read_metadata(text)
    assert (meta.title, meta.publication_date) == ("Oslo hosts Arctic talks", iso)
    assert text[meta.body_start:] == BODY


def test_date_line_before_the_headline():
    text = f"July 26, 2018\n\nOslo hosts Arctic talks\n\n{BODY}"
    meta = read_metadata(text)
    assert (meta.title, meta.publication_date, text[meta.body_start:]) == (
        "Oslo hosts Arctic talks", "2018-07-26", BODY)


@pytest.mark.parametrize("prefix, iso", [
    ("date 2021-02-17 ", "2021-02-17"),
    ("Published: 17 February 2021 ", "2021-02-17"),
    ("February 17, 2021 – ", "2021-02-17"),
])
def test_inline_date_prefix_of_the_first_paragraph(prefix: str, iso: str):
    text = prefix + BODY
    meta = read_metadata(text)
    assert (meta.title, meta.publication_date, text[meta.body_start:]) == (None, iso, BODY)


@pytest.mark.parametrize("text", [
    f"Oslo hosts Arctic talks\n\n{BODY}",
    "On 26 July 2018 the ministers met in Oslo.\n\nThey agreed.",  # a date inside a sentence
    "Talks in 2018 went well\n\n" + BODY,
    "Meeting set for 31/02/2020\n\n" + BODY,  # no such day
])
def test_no_publication_date_in_text(text: str):
    assert read_metadata(text).publication_date is None


def test_given_values_win():
    text = f"Oslo hosts Arctic talks\n\nThursday, 26 July 2018\n\n{BODY}"
    meta = read_metadata(text, title="Arctic talks open", publication_date="2018-07-27T08:00:00Z")
    assert (meta.title, meta.publication_date) == ("Arctic talks open", "2018-07-27")


def test_given_title_repeated_in_text_is_skipped_with_its_kicker():
    text = f"Politics\n\nArctic talks open\n\n{BODY}"
    meta = read_metadata(text, title="Arctic talks open")
    assert text[meta.body_start:] == BODY


def test_unparseable_given_date_falls_back_to_the_text():
    text = f"Thursday, 26 July 2018\n\n{BODY}"
    assert read_metadata(text, publication_date="not a date").publication_date == "2018-07-26"


@pytest.mark.parametrize("opening, place", [
    ("DAMASCUS, (SANA) –", "Damascus"),
    ("BEIRUT, LEBANON (9:10 P.m.) –", "Beirut"),
    ("MOSCOW (Reuters) -", "Moscow"),
    ("WASHINGTON —", "Washington"),
    ("Kabul, Jan 5 (AFP) -", "Kabul"),
    ("GAZA CITY, Gaza Strip —", "Gaza City"),
    ("AL-HASAKAH, Syria (AP) —", "Al-Hasakah"),
    ("NEW DELHI, March 3 (Reuters) -", "New Delhi"),
    ("RIYADH:", "Riyadh"),
    ("Nairobi (AFP) –", "Nairobi"),
    ("Quito (AFP) -", "Quito"),
    ("MANAGUA, Nicaragua, March 3 (UPI) --", "Managua"),
    ("Dakar, May 2 (APS)--", "Dakar"),
    ("Lima, December 20 (RHC)--", "Lima"),
    ("BEIJING —", "Beijing"),
    ("NEW DELHI:", "New Delhi"),
    ("ASTANA, (Kazakhstan):", "Astana"),
    ("ISLAMABAD (Press TV) -", "Islamabad"),
    ("CARACAS-", "Caracas"),
    ("VIENNA/WASHINGTON:", "Vienna/Washington"),
    ("GAZA / TEL AVIV —", "Gaza / Tel Aviv"),
    ("ROME,", "Rome"),                       # no dash at all: the place must be a known city
])
def test_dateline(opening: str, place: str):
    text = f"Oslo hosts Arctic talks\n\n{opening} {BODY}\n\nMore text."
    meta = read_metadata(text)
    assert meta.dateline == place
    assert meta.dateline_end == text.index(opening) + len(opening)
    assert meta.body_start == text.index(opening)  # the dateline stays in the body


@pytest.mark.parametrize("opening", [
    "President Ruto, speaking in Nairobi, said the talks went well.",
    "H.E. President Ruto said the talks went well - and would go on.",
    "BREAKING: the talks collapsed.",
    "Kenya - the regional power - said the talks went well.",
    "The UN (United Nations) - said nothing.",
    "US, EU agree on new trade rules.",
    "Syria: Forces advanced on the town.",
    "POLICE, The force said nothing.",
    "Police, Army clash in the capital.",
    "Kenya (the regional power) said the talks went well.",
])
def test_no_dateline(opening: str):
    meta = read_metadata(opening)
    assert (meta.dateline, meta.dateline_end) == (None, None)


def test_dateline_after_inline_date():
    text = f"date 2021-02-17 MOSCOW (TASS) – {BODY}"
    meta = read_metadata(text)
    assert (meta.publication_date, meta.dateline) == ("2021-02-17", "Moscow")
    assert text[meta.body_start:].startswith("MOSCOW")
    assert text[meta.dateline_end:] == f" {BODY}"


@pytest.mark.parametrize("header, opening, place", [
    ("Oslo hosts Arctic talks\n\nOslo (AFP)\n\n", "", "Oslo"),  # the agency line alone
    ("Oslo hosts Arctic talks\n\nBy Arctic News Service,  ", "Oslo :", "Oslo"),  # a byline first
    ("Oslo hosts Arctic talks\n\nPublish Date : 20 August 2014 - 21:02\n\n", "OSLO (NTB) -", "Oslo"),
])
def test_dateline_on_its_own_line_or_after_a_header_line(header: str, opening: str, place: str):
    text = f"{header}{opening} {BODY}"
    meta = read_metadata(text)
    assert meta.dateline == place
    assert text[meta.dateline_end:].strip() == BODY


def test_empty_text():
    assert read_metadata("") == Metadata(None, None, None, 0, None)


@pytest.mark.parametrize("value, iso", [
    ("2018-07-26", "2018-07-26"),
    ("2018-07-26T10:00:00Z", "2018-07-26"),
    ("26 July 2018", "2018-07-26"),
    ("Thu, 26 Jul 2018 10:00:00 +0000", "2018-07-26"),
    ("26.07.2018", "2018-07-26"),
    ("", None), ("yesterday", None), ("July 2018", None), ("2018-13-40", None),
])
def test_parse_date(value: str, iso: str | None):
    assert parse_date(value) == iso


# ---------------------------------------------------------------- the seeds

def test_seeds_title_date_and_dateline_match_gold(seeds_dir: Path):
    paths = sorted(seeds_dir.glob("*.txt"))
    assert paths
    for path in paths:
        gold = json.loads((seeds_dir / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        text = clean_text(Article(doc_id=path.stem, text=path.read_text(encoding="utf-8")))
        meta = read_metadata(text)
        found = (meta.title, meta.publication_date, meta.dateline)
        assert found == (gold["title"], gold["publication_date"], gold["dateline"]), path.name
        body = text[meta.body_start:]
        assert gold["title"] is None or gold["title"] not in body[:len(gold["title"]) + 5], path.name
        if meta.dateline:
            assert body.upper().startswith(meta.dateline.upper()), path.name


# ---------------------------------------------------------------- any text at all

_PIECES = st.sampled_from([
    "\n", "\n\n", " ", "\u00a0", "\r\n", "DAMASCUS, (SANA) – ", "date 2021-02-17 ", "Thursday, 26 July 2018",
    "World News", "By Jane Doe", "1 comment", "Back to top", "(", ")", "–", ":", ".", "Talks went well",
    "31/02/2020", "<p>", "\u200b", "Like this:", "MOSCOW", "Jan 5",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=30)), max_size=25).map("".join))
def test_any_text_gives_consistent_metadata(raw: str):
    text = clean_text(Article(doc_id="h", text=raw))
    meta = read_metadata(text)
    assert 0 <= meta.body_start <= len(text)
    if meta.dateline_end is not None:
        assert meta.body_start < meta.dateline_end <= len(text) and meta.dateline
    if meta.publication_date is not None:
        assert parse_date(meta.publication_date) == meta.publication_date
    if meta.title is not None:
        assert meta.title in text[:meta.body_start]


def test_a_dated_dateline_gives_the_publication_date_when_nothing_else_does():
    meta = read_metadata("Army accuses RSF\n\nKHARTOUM, June 3, 2024 - The army said on Sunday that ...")
    assert (meta.dateline, meta.publication_date) == ("Khartoum", "2024-06-03")
    assert read_metadata("ANKARA, March 10 (Reuters) - Turkey said ...").publication_date is None
    given = read_metadata("KHARTOUM, June 3, 2024 - The army said ...", publication_date="2024-06-04")
    assert given.publication_date == "2024-06-04"
