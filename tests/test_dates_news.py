"""Dates of events in news: the opening news's day, days just ahead, the day of a report,
and dates that belong to another event told in the same clause."""

from __future__ import annotations

import pytest

from eventscope.dates import first_recent_day, names_year, resolve_date


@pytest.mark.parametrize("expression, published, value", [
    ("October 19", "2016-10-14", "2016-10-19"),        # days ahead: the coming one
    ("from October 19 to 28", "2016-10-14", "2016-10"),
    ("on November 2", "2016-10-14", "2016-11-02"),
    ("October 10", "2016-10-14", "2016-10-10"),        # days before: this year's
    ("December 20", "2016-10-14", "2015-12-20"),       # far ahead: last year's
    ("last October 19", "2016-10-14", "2015-10-19"),   # a qualifier says which
])
def test_an_undated_day_just_after_publication_is_the_coming_one(expression, published, value):
    assert resolve_date(expression, published).value == value


def test_the_first_recent_day_an_article_names():
    # 2015-02-04 is a Wednesday: "Monday" is the 2nd; years and months are no days
    assert first_recent_day(["in 2015", "in Dec. 2014", "on Monday", "Tuesday"], "2015-02-04") == "2015-02-02"
    assert first_recent_day(["next Friday", "March 3"], "2015-02-04") is None
    assert first_recent_day(["January 2"], "2015-02-04") is None       # over a week before
    assert first_recent_day(["on Monday"], None) is None
    assert first_recent_day(["on Monday"], "2015-02") is None


def test_names_year():
    assert names_year("On May 23, 2018") and not names_year("on Tuesday")


# ---------------------------------------------------------------- in articles

def _dated(text: str, kind: str, published: str | None = "2021-03-12") -> list[str | None]:
    from eventscope import extract

    found = [e.date for e in extract(text, publication_date=published).events if e.type == kind]
    assert found, f"no {kind} event in {text!r}"
    return found


def test_the_opening_news_takes_the_day_the_article_gives_it_further_on():
    text = ("Expulsion\n\nPeru has expelled the Mexican ambassador. The decision, announced on "
            "Wednesday, followed weeks of tension.")
    assert _dated(text, "SANCTION") == ["2021-03-10"]


def test_the_news_day_of_a_bare_report_gives_what_follows_only_its_month():
    text = ("Unrest\n\nOn Wednesday, police said the situation in the capital was calm. "
            "Protesters later attacked a police station in the capital.")
    assert _dated(text, "ASSAULT") == ["2021-03"]


def test_a_recalled_scene_with_its_full_date_dates_what_follows_to_the_day():
    text = ("Talks\n\nOn May 23, 2018, the president said the talks were useful. "
            "President Erdogan urged Russia to reopen the border.")
    assert _dated(text, "REQUEST") == ["2018-05-23"]


@pytest.mark.parametrize("sentence", [
    ("Russia is holding naval drills in the Black Sea amid tensions over the seizure of Ukrainian "
     "ships last month."),
    "Russia held naval drills in the Black Sea after the seizure of Ukrainian ships last month.",
])
def test_a_date_of_another_events_noun_is_not_the_events_own(sentence):
    assert _dated(f"Drills\n\n{sentence}", "MOBILIZE") != ["2021-02"]


def test_a_participle_telling_the_same_act_gives_its_date():
    text = ("Strikes\n\nThe Turkish army carried out operations against Kurdish militants in Iraq, "
            "killing 16 fighters on Wednesday, the ministry said.")
    assert "2021-03-10" in _dated(text, "ASSAULT")


def test_a_day_earlier_counts_from_the_last_day_told_when_the_narrative_has_only_a_month():
    text = ("Raids\n\nRebels said on Thursday that Sudanese troops had attacked the village of Tawila on "
            "Wednesday. They said that two days earlier, militiamen had killed 30 villagers at Kutum.")
    assert "2021-03-08" in _dated(text, "ASSAULT")


def test_the_opening_news_of_this_week_takes_the_day_the_article_names():
    text = ("Arrest\n\nKenyan police detained the opposition leader for the third time this week. "
            "On Wednesday, officers fired tear gas at his supporters in Nairobi.")
    assert _dated(text, "COERCE") == ["2021-03-10"]
