"""Dates of events in news: the opening news's day, days just ahead, the day of a report,
and dates that belong to another event told in the same clause."""

from __future__ import annotations

import pytest

from eventscope.dates import (
    ResolvedDate,
    find_date_expressions,
    first_recent_day,
    names_year,
    recalled_years,
    resolve_date,
)


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


# ---------------------------------------------------------------- anniversaries, spelled-out days

@pytest.mark.parametrize("sentence, years", [
    ("Crowds marked the anniversary of the uprising that began on March 15.", 1),
    ("Veterans gathered for the first anniversary of the battle.", 1),
    ("The country celebrates the 60th anniversary of its independence, won on July 5.", 60),
    ("On its tenth anniversary, the treaty signed on June 2 is still in force.", 10),
    ("The talks resumed on March 15.", 0),
])
def test_a_sentence_marking_an_anniversary_recalls_its_years(sentence, years):
    assert recalled_years(sentence) == years


def test_undated_days_of_an_anniversary_lie_that_many_years_back():
    # published on the anniversary itself: the day recalled is last year's, and past
    assert resolve_date("Aug 8", "2009-08-08", years_back=1) == ResolvedDate("2008-08-08", "day", "past")
    assert resolve_date("Aug 12", "2009-08-08", years_back=1).value == "2008-08-12"
    assert resolve_date("March 1", "2024-02-29", years_back=4).value == "2020-03-01"
    # a weekday or a date with its year is not moved
    assert resolve_date("Saturday", "2009-08-08", years_back=1).value == "2009-08-08"
    assert resolve_date("Aug 8, 2007", "2009-08-08", years_back=1).value == "2007-08-08"


@pytest.mark.parametrize("text, value", [
    ("October the 17th", "2005-10-17"),
    ("[October] the 17th", "2005-10-17"),
    ("on September the 3rd", "2005-09-03"),
])
def test_a_day_spelled_with_the_is_a_day(text, value):
    found = find_date_expressions(f"Officials said {text} was a day of mourning.")
    assert len(found) == 1
    assert resolve_date(found[0][2], "2005-10-17").value == value


def test_the_events_of_an_anniversary_are_dated_in_the_year_recalled():
    text = ("Anniversary\n\nMarking the first anniversary of the war, Russian officials said "
            "Georgian troops attacked South Ossetia on Aug 8.")
    assert _dated(text, "ASSAULT", "2011-08-08") == ["2010-08-08"]
    text = ("Anniversary\n\nOn the second anniversary of the coup, the opposition said soldiers "
            "arrested the president on May 3.")
    assert _dated(text, "COERCE", "2011-08-08") == ["2009-05-03"]


def test_a_day_that_names_a_nouns_event_does_not_date_the_statement_about_it():
    text = ("Ceasefire\n\nPresident Medvedev on Saturday praised the Aug 1 ceasefire agreement "
            "brokered by France.")
    assert _dated(text, "SUPPORT", "2011-08-08") == ["2011-08-06"]


def test_the_day_a_report_was_given_out_is_not_the_day_of_the_news_it_reports():
    # 2021-03-12 is a Friday: the report is Thursday's, the raid the article tells was Wednesday's
    text = ("Raid\n\nThe Kenyan army on Thursday said its troops had killed 12 al-Shabaab fighters. "
            "The militants attacked an army base in Lamu on Wednesday, the army said.")
    assert _dated(text, "ASSAULT")[0] == "2021-03-10"


def test_a_report_with_no_other_day_dates_its_news_to_the_month():
    text = ("Raid\n\nThe Kenyan army on Thursday said its troops had killed 12 al-Shabaab fighters.")
    assert _dated(text, "ASSAULT") == ["2021-03"]


# ---------------------------------------------------------------- events told beside another

def test_an_event_told_in_response_to_another_keeps_its_own_day_and_the_other_its_own():
    # 2021-08-07 is a Saturday
    text = ("Rockets\n\nHezbollah fired rockets at Israeli positions on Friday in response to "
            "Israeli airstrikes a day earlier.")
    assert sorted(_dated(text, "ASSAULT", "2021-08-07")) == ["2021-08-05", "2021-08-06"]


def test_a_day_after_a_retaliation_phrase_and_its_place_is_the_retaliated_events():
    text = ("Rockets\n\nHezbollah fired rockets at Israeli positions on Friday. A Hezbollah "
            "statement said the group fired rockets at open ground in retaliation for Israeli "
            "airstrikes on a village in south Lebanon early Thursday.")
    found = _dated(text, "ASSAULT", "2021-08-07")
    assert found.count("2021-08-06") == 2 and found.count("2021-08-05") == 1


def test_the_day_of_a_clause_hanging_from_after_is_not_the_earlier_events():
    text = ("Protest\n\nThe Philippines summoned the Chinese ambassador on Monday after Chinese "
            "coast guard ships fired water cannon at Philippine boats.")
    assert "2021-03-08" not in _dated(text, "ASSAULT")


def test_a_statement_of_now_reported_with_this_years_date_is_dated_to_the_month():
    text = ("Mediation\n\nThe UAE foreign ministry said it was the third mediation effort this year, "
            "adding that it is calling for dialogue and de-escalation between Russia and Ukraine.")
    assert _dated(text, "REQUEST", "2024-02-08") == ["2024-02"]


@pytest.mark.parametrize("text, value", [
    ("held talks from Tuesday to Thursday last week.", "2019-06"),
    ("talks on March 3-5 in Geneva", "2019-03"),
    ("between May 2 and 4, 2019", "2019-05"),
    ("from 3 to 5 March", "2019-03"),
    ("on Monday and Tuesday", "2019-06"),
])
def test_a_day_range_is_found_whole_and_dated_to_its_month(text, value):
    found = find_date_expressions(text)
    assert len(found) == 1
    assert resolve_date(found[0][2], "2019-06-12").value == value


def test_an_act_told_as_before_another_lies_before_the_narratives_day():
    text = ("Talks\n\nUS envoy Christopher Hill arrived in Beijing on Sunday ahead of talks with "
            "Chinese officials. Prior to his arrival in the Chinese capital, Hill visited Seoul "
            "and Tokyo.")
    # the talks ahead are the day's news; the visits before it only of its month
    assert _dated(text, "CONSULT", "2007-01-21") == ["2007-01-21", "2007-01", "2007-01"]
