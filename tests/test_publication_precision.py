"""Publication dates known only to the month or year ("2018-07", "2018"): kept at that
precision, and relative dates resolved only as far as it allows."""

from __future__ import annotations

import pytest

from eventscope.dates import resolve_date
from eventscope.metadata import parse_publication_date, read_metadata


@pytest.mark.parametrize("given, kept", [
    ("2018-07", "2018-07"), ("2018", "2018"), (" 2018-07 ", "2018-07"),
    ("2018-07-26", "2018-07-26"), ("July 26, 2018", "2018-07-26"),
    ("2018-13", None), ("0000", None), ("07-2018", None),
])
def test_publication_date_is_read_at_its_precision(given: str, kept: str | None):
    assert parse_publication_date(given) == kept


def test_given_month_wins_over_a_date_in_the_text():
    meta = read_metadata("Talks\n\nMonday, 3 September 2018\n\nThe envoy arrived.",
                         publication_date="2018-07")
    assert meta.publication_date == "2018-07"


@pytest.mark.parametrize("expression, published, value", [
    # what does not depend on the day of publication keeps its precision
    ("last year", "2018-07", "2017"),
    ("last month", "2018-07", "2018-06"),
    ("last January", "2018-07", "2018-01"),
    ("May 23, 2016", "2018", "2016-05-23"),
    ("in 2015", "2018", "2015"),
    # what does is only as precise as the span of days it can mean
    ("yesterday", "2018-07", "2018"),
    ("on Wednesday", "2018-07", "2018"),
    ("yesterday", "2018", None),
    ("last month", "2018", None),
])
def test_relative_dates_resolve_only_as_far_as_the_publication_date_allows(
        expression: str, published: str, value: str | None):
    assert resolve_date(expression, published).value == value


def test_a_full_publication_date_resolves_as_before():
    assert resolve_date("yesterday", "2018-07-26").value == "2018-07-25"


@pytest.mark.parametrize("expression, published", [
    ("next year", "9999-12-31"), ("tomorrow", "9999-12-31"), ("yesterday", "0001-01-01"),
    ("last year", "0001"), ("next month", "9999-12"), ("two years ago", "0001-06-01"),
])
def test_dates_beyond_the_calendar_resolve_to_no_date(expression: str, published: str):
    assert resolve_date(expression, published).value is None
