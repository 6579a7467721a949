"""Date expressions resolved against the publication date, at the precision the text gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.dates import ResolvedDate, find_date_expressions, resolve_date

THURSDAY = "2018-07-26"


@pytest.mark.parametrize("expression, value, precision, tense", [
    ("yesterday", "2018-07-25", "day", "past"),
    ("yester evening", "2018-07-25", "day", "past"),
    ("Yester night", "2018-07-25", "day", "past"),
    ("last night", "2018-07-25", "day", "past"),
    ("today", "2018-07-26", "day", "present"),
    ("this morning", "2018-07-26", "day", "present"),
    ("on Wednesday", "2018-07-25", "day", "past"),
    ("on Thursday", "2018-07-26", "day", "present"),       # the publication day itself
    ("Friday", "2018-07-20", "day", "past"),
    ("Monday evening", "2018-07-23", "day", "past"),
    ("last Thursday", "2018-07-19", "day", "past"),
    ("next Monday", "2018-07-30", "day", "future"),
    ("last January", "2018-01", "month", "past"),
    ("in July", "2018-07", "month", "present"),
    ("January 7", "2018-01-07", "day", "past"),
    ("Jan. 7", "2018-01-07", "day", "past"),
    ("the 7th of January", "2018-01-07", "day", "past"),
    ("August 3", "2018-08-03", "day", "future"),            # a day just ahead: the coming one
    ("September 3", "2017-09-03", "day", "past"),           # further ahead: the most recent past one
    ("earlier this year", "2018", "year", "past"),
    ("this year", "2018", "year", "present"),
    ("last year", "2017", "year", "past"),
    ("next month", "2018-08", "month", "future"),
    ("last week", "2018-07", "month", "past"),              # Mon 16 to Sun 22 July
    ("two days ago", "2018-07-24", "day", "past"),
    ("3 years ago", "2015", "year", "past"),
    ("On May 23, 2018", "2018-05-23", "day", "past"),
    ("23 May 2018", "2018-05-23", "day", "past"),
    ("2018-05-23", "2018-05-23", "day", "past"),
    ("Thursday, 26 July 2018", "2018-07-26", "day", "present"),
    ("October 2017", "2017-10", "month", "past"),
    ("in 2015", "2015", "year", "past"),
    ("mid-2019", "2019", "year", "future"),
])
def test_expressions_against_a_thursday_in_july(expression, value, precision, tense):
    assert resolve_date(expression, THURSDAY) == ResolvedDate(value, precision, tense)


def test_next_week_is_future_and_dated_to_the_month():
    # 30 July to 5 August: a week across two months is the month of its Thursday (2 August)
    assert resolve_date("next week", THURSDAY) == ResolvedDate("2018-08", "month", "future")
    assert resolve_date("next week", "2018-07-10") == ResolvedDate("2018-07", "month", "future")


@pytest.mark.parametrize("expression, value", [
    ("from Tuesday to Thursday last week", "2018-07"),   # 17-19 July: a day range is its month
    ("Tuesday to Thursday", "2018-07"),
    ("March 3-5", "2018-03"),
    ("between May 2 and 4", "2018-05"),
    ("from March 30 to April 2", "2018"),                # across two months: the year
    ("Thursday last week", "2018-07-19"),
    ("early Thursday", "2018-07-26"),
    ("a week ago", "2018-07"),
    ("late next month", "2018-08"),
])
def test_ranges_and_relative_phrases_are_no_more_precise_than_the_text(expression, value):
    assert resolve_date(expression, THURSDAY).value == value


def test_ranges_without_a_publication_date_are_undated():
    assert resolve_date("from Tuesday to Thursday last week", None).value is None
    assert resolve_date("March 3-5", None).value is None


def test_year_boundaries():
    assert resolve_date("last December", "2019-01-10").value == "2018-12"
    assert resolve_date("December 30", "2019-01-02").value == "2018-12-30"
    assert resolve_date("last January", "2019-01-10").value == "2018-01"
    assert resolve_date("yesterday", "2019-01-01").value == "2018-12-31"
    assert resolve_date("last year", "2019-01-01").value == "2018"
    assert resolve_date("on Monday", "2019-01-02").value == "2018-12-31"


def test_month_boundaries_and_leap_days():
    assert resolve_date("yesterday", "2020-03-01").value == "2020-02-29"
    assert resolve_date("yesterday", "2021-03-01").value == "2021-02-28"
    assert resolve_date("February 29", "2021-03-01").value == "2020-02-29"
    assert resolve_date("last month", "2018-01-15").value == "2017-12"


def test_future_reading_for_planned_events():
    assert resolve_date("January 7", "2019-01-03", prefer="future").value == "2019-01-07"
    assert resolve_date("Wednesday", THURSDAY, prefer="future").value == "2018-08-01"
    assert resolve_date("the coming January", "2019-03-01").value == "2020-01"


def test_without_a_publication_date_only_absolute_dates_resolve():
    assert resolve_date("On May 23, 2018", None) == ResolvedDate("2018-05-23", "day", "past")
    assert resolve_date("in 2015", None).value == "2015"
    for relative in ("yesterday", "on Wednesday", "January 7", "last year", "next week"):
        assert resolve_date(relative, None).value is None, relative
    assert resolve_date("next week", None).tense == "future"


@pytest.mark.parametrize("junk", ["", "   ", "the talks", "12", "tomorrow's world?!", "2018-13-45", "May 99, 2018"])
def test_junk_has_no_value(junk):
    assert resolve_date(junk, THURSDAY).value is None


def test_bad_publication_date_is_treated_as_unknown():
    assert resolve_date("yesterday", "not a date").value is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.one_of(st.none(), st.dates().map(str), st.text(max_size=12)))
def test_never_raises(expression, publication_date):
    found = resolve_date(expression, publication_date)
    assert found.precision in (None, "day", "month", "year")
    assert found.tense in ("past", "present", "future")


def test_find_date_expressions_keeps_the_whole_phrase():
    text = ("The envoy said yester evening that talks held on Wednesday and last January, "
            "and earlier this year, followed those of On May 23, 2018 and of 4 June 2019 in Geneva.")
    found = [span for _, _, span in find_date_expressions(text)]
    assert found == ["yester evening", "on Wednesday", "last January", "earlier this year",
                     "On May 23, 2018", "4 June 2019"]
    for start, end, span in find_date_expressions(text):
        assert text[start:end] == span


def test_find_date_expressions_ignores_may_as_a_verb_only_with_a_day():
    assert find_date_expressions("Officials said they may meet.") == []


# ---------------------------------------------------------------- dates of events in articles

def _dated(text: str, kind: str, published: str | None = "2021-03-12") -> list[str | None]:
    from eventscope import extract

    found = [e.date for e in extract(text, publication_date=published).events if e.type == kind]
    assert found, f"no {kind} event in {text!r}"
    return found


def test_an_events_own_time_phrase_dates_it_to_the_day():
    assert _dated("Expulsion\n\nPeru expelled the Mexican ambassador on Wednesday.", "SANCTION") == ["2021-03-10"]


def test_a_plainly_recent_event_without_a_time_phrase_takes_the_month_of_publication():
    assert _dated("Expulsion\n\nPeru has expelled the Mexican ambassador.", "SANCTION") == ["2021-03"]


def test_the_day_of_a_report_dates_what_it_reports_only_to_the_month():
    found = _dated("Expulsion\n\nThe ministry said on Wednesday that Peru had expelled the Mexican "
                   "ambassador.", "SANCTION")
    assert found == ["2021-03"]


def test_open_ended_background_has_no_date():
    assert _dated("Strikes\n\nTurkey regularly carries out air strikes against Kurdish militants in "
                  "Iraq.", "ASSAULT") == [None]


def test_without_a_publication_date_relative_and_undated_events_have_no_date():
    assert _dated("Expulsion\n\nPeru expelled the Mexican ambassador on Wednesday.", "SANCTION",
                  None) == [None]
    assert _dated("Expulsion\n\nPeru has expelled the Mexican ambassador.", "SANCTION", None) == [None]


def test_a_day_earlier_counts_from_the_narratives_day():
    found = _dated("Rockets\n\nHezbollah fired rockets at Israeli positions on Friday. A day earlier, "
                   "Israeli jets struck Hezbollah positions in south Lebanon.", "ASSAULT", "2021-08-07")
    assert found == ["2021-08-06", "2021-08-05"]


def test_a_planned_event_next_week_is_dated_to_the_month():
    assert _dated("Visit\n\nThe Iranian foreign minister will visit Ankara next week.", "CONSULT") == ["2021-03"]
