"""When an event happened: date expressions resolved against the publication date.

`resolve_date("on Wednesday", "2018-07-26")` gives `2018-07-25` at day precision.
News text dates events relative to the day it was published ("yesterday", "last
January", "earlier this year"); dateparser resolves absolute dates, and the small
rules here (words in `data/dates.yaml`) cover what it gets wrong or lacks. The
value is only as precise as the text: "last week" is a month when the whole week
falls in one month, and nothing relative resolves without a publication date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from importlib import resources

from eventscope.datafile import read_yaml

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1)
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
         ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")])
    for name in names
}
YEAR = r"(?:1[89]\d\d|20\d\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class ResolvedDate:
    value: str | None       # "2018-07-25", "2018-07" or "2018"
    precision: str | None   # "day", "month", "year" or None
    tense: str = "past"     # "past", "present" or "future", relative to publication


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


class _Rules:
    """The word lists of data/dates.yaml, compiled into patterns once."""

    def __init__(self, data: dict):
        self.data = data
        self.finder = re.compile(
            r"\b(?:" + "|".join(f"(?:{self.fill(p)})" for p in data["find_patterns"]) + r")\b", re.IGNORECASE)
        self.leading = re.compile(rf"^(?:(?:{_alternation(data['leading_words'])})\s+)+")
        self.habitual = frozenset(data["habitual_words"])
        self.scene_marks = frozenset(data["scene_marks"])
        self.other_scene = frozenset(data["other_scene_prepositions"])
        self.earlier_openings = frozenset(data["earlier_openings"])
        self.future = re.compile(rf"\b(?:{_alternation(data['future_markers'])})\b")
        self.anniversary = re.compile(r"\b(?:(?P<n>\w+)\s+)?anniversary\b", re.IGNORECASE)
        q, part = self.fill("{QUALIFIER}"), self.fill("{PART}")
        self.patterns = {name: re.compile(self.fill(p)) for name, p in {
            "period": rf"^(?P<q>{q})\s+(?P<unit>week|month|year)$",
            "ago": r"^(?P<n>{NUMBER})\s+(?P<unit>day|week|month|year)s?\s+ago$",
            "anchored": r"^(?P<n>{NUMBER})\s+days?\s+(?P<dir>earlier|before|later|after)$",
            "weekday": rf"^(?:(?P<q>{q})\s+)?(?:(?:early|late)\s+)?(?P<wd>{{WEEKDAY}})(?:\s+{part})?"
                       rf"(?:\s+(?P<wq>{q})\s+week)?$",
            "range": r"^(?:from\s+|between\s+)?(?P<a>.+?)\s*(?:\bto\b|\bthrough\b|\buntil\b|\btill\b"
                     r"|\band\b|-|–)\s*(?P<b>.+)$",
            "month_day": rf"^(?:(?P<q>{q}|early|mid|late)[\s-]+)?(?P<m>{{MONTH}})(?:\s+(?:the\s+)?(?P<d>{{DAY}}))?$",
            "day_month": r"^(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})$",
            "year": r"^(?:(?:early|mid|late|the\s+(?:start|end|beginning|middle)\s+of)[\s-]+)?(?P<y>{YEAR})$",
            "has_year": r"\b{YEAR}\b",
            "has_month": r"\b{MONTH}\b|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}",
        }.items()}

    @classmethod
    @cache
    def load(cls) -> _Rules:
        text = (resources.files("eventscope") / "data" / "dates.yaml").read_text(encoding="utf-8")
        return cls(read_yaml(text))

    def fill(self, pattern: str) -> str:
        """Replace {MONTH}, {WEEKDAY}, ... in a pattern by their alternations."""
        blocks = {
            "MONTH": f"(?:{_alternation(MONTHS)})\\.?", "WEEKDAY": f"(?:{_alternation(WEEKDAYS)})",
            "DAY": DAY, "YEAR": YEAR, "QUALIFIER": f"(?:{_alternation(self.data['qualifiers'])})",
            "PART": f"(?:{_alternation(self.data['parts_of_day'])})",
            "NUMBER": f"(?:\\d+|{_alternation(self.data['numbers'])})",
        }
        return re.sub(r"\{([A-Z]+)\}", lambda m: blocks[m.group(1)], pattern)

    def offset_of(self, qualifier: str | None) -> int:
        """-1: strictly before the publication's week/month/year, +1: after, 0: this one."""
        return self.data["qualifiers"].get(" ".join((qualifier or "").split()), 0)


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """Spans (start, end, text) of date expressions, longest first where they overlap."""
    return [(m.start(), m.end(), m.group(0)) for m in _Rules.load().finder.finditer(text or "")]


def resolve_date(expression: str, publication_date: str | None, *, prefer: str = "past",
                 anchor: str | None = None, years_back: int = 0) -> ResolvedDate:
    """Resolve `expression` against `publication_date` (ISO); never raises.

    `prefer="future"` reads an undated "January 7" or "Wednesday" forward in time
    (for planned events); words like "next" or "coming" do so by themselves.
    "A day earlier", "two days later" count from `anchor`, the day the narrative has
    reached (ISO, day precision), and give None without one. A month named without its
    year ("Aug 8") is read `years_back` years before publication (see `recalled_years`).
    """
    text = _normalise(expression)
    if years_back and _month_without_year(text):
        recalled = resolve_date(expression, _years_before(publication_date, years_back), prefer=prefer)
        return ResolvedDate(recalled.value, recalled.precision, "past")
    try:
        offset = _anchored_offset(text)
        if offset is not None:
            start = _parse_iso(anchor) if anchor and len(anchor) == 10 else None
            if start is None:
                return _undated(offset > 0)
            day = start + timedelta(days=offset)
            return _dated(day, day, _parse_iso(publication_date), offset > 0)
        if isinstance(publication_date, str) and len(publication_date) in (4, 7):
            return _resolve_in_period(text, publication_date, prefer)
        return _resolve(text, _parse_iso(publication_date), prefer)
    except (ValueError, OverflowError):  # "next year" of 9999-12-31, "yesterday" of 0001-01-01
        return ResolvedDate(None, None, "future" if prefer == "future" else "past")


def recalled_years(sentence: str) -> int:
    """How many years back the sentence's undated days lie: "marked the anniversary of the
    war that began Aug 8" recalls last year's Aug 8; "the 60th anniversary" sixty years."""
    match = _Rules.load().anniversary.search(sentence or "")
    if not match:
        return 0
    ordinal = (match["n"] or "").lower()
    ordinals = _Rules.load().data["anniversary_ordinals"]
    if ordinal in ordinals:
        return ordinals[ordinal]
    return int(ordinal[:-2]) if re.fullmatch(r"\d+(?:st|nd|rd|th)", ordinal) else 1


def _month_without_year(text: str) -> bool:
    patterns = _Rules.load().patterns
    return bool(patterns["has_month"].search(text)) and not patterns["has_year"].search(text)


def _years_before(publication_date: str | None, years: int) -> str | None:
    """The ISO day `years` before; February 29 becomes the 28th."""
    day = _parse_iso(publication_date)
    if day is None or len(str(publication_date)) != 10 or day.year - years < 1:
        return publication_date
    return day.replace(year=day.year - years, day=min(day.day, 28) if day.month == 2 else day.day).isoformat()


def _resolve_in_period(text: str, published: str, prefer: str) -> ResolvedDate:
    """Against a publication date known to the month or year only ("2018-07"): the date
    that covers what the expression means on the first and on the last possible day, so
    "last year" stays 2017 and "yesterday" becomes only 2018."""
    bounds = _bounds_of(published)
    if bounds is None:
        return _resolve(text, None, prefer)
    early, late = (_resolve(text, day, prefer) for day in bounds)
    tense = early.tense if early.tense == late.tense else "present"
    first, last = _bounds_of(early.value), _bounds_of(late.value)
    if first is None or last is None:
        return ResolvedDate(None, None, tense)
    value, precision = _span(min(first[0], last[0]), max(first[1], last[1]))
    return ResolvedDate(value, precision, tense)


def _bounds_of(value: str | None) -> tuple[date, date] | None:
    """First and last day of "2018", "2018-07" or "2018-07-26"."""
    try:
        parts = [int(part) for part in (value or "").split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            return _month_range(*parts)
        return date(*parts), date(*parts)
    except (ValueError, TypeError):
        return None



def _anchored_offset(text: str) -> int | None:
    """Days from the narrative's day of "a day earlier", "two days later", "the next day"."""
    rules = _Rules.load()
    fixed = rules.data["anchored_offsets"].get(text)
    if fixed is not None:
        return fixed
    match = rules.patterns["anchored"].match(text)
    if not match:
        return None
    count = match["n"]
    count = int(count) if count.isdigit() else rules.data["numbers"].get(" ".join(count.split()))
    if count is None:
        return None
    return count if match["dir"] in ("later", "after") else -count



@lru_cache(maxsize=4096)
def _resolve(text: str, pub: date | None, prefer: str) -> ResolvedDate:
    rules = _Rules.load()
    forward = prefer == "future" or bool(rules.future.search(text))
    for rule in (_day_offset, _ago, _period, _weekday, _month_day, _year_only, _absolute, _range):
        found = rule(text, pub, forward)
        if found is not None:
            return found
    return ResolvedDate(None, None, "future" if forward else "past")


def _normalise(expression) -> str:
    if not isinstance(expression, str):
        return ""
    text = expression.lower().replace("\u2019", "'")
    text = re.sub(r"(?<=[a-z])\.", "", text)            # "Jan." -> "jan", "U.S." is not a date
    text = re.sub(r"[\[\]]", "", text)                  # "[October] the 17th": an editor's insertion
    text = " ".join(text.replace(",", " ").split()).strip(" .;:!?()\"'")
    return _Rules.load().leading.sub("", text)


def _parse_iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _day(d: date) -> str:
    return d.isoformat()


def _span(start: date, end: date) -> tuple[str | None, str | None]:
    """The most precise value that covers every day from start to end."""
    if start == end:
        return start.isoformat(), "day"
    if (start.year, start.month) == (end.year, end.month):
        return start.isoformat()[:7], "month"
    if start.year == end.year:
        return str(start.year), "year"
    return None, None


def _tense_of(start: date, end: date, pub: date | None, forward: bool) -> str:
    if pub is None:
        return "future" if forward else "past"
    if end < pub:
        return "past"
    if start > pub:
        return "future"
    return "present"


def _dated(start: date, end: date, pub: date | None, forward: bool, tense: str | None = None) -> ResolvedDate:
    value, precision = _span(start, end)
    if precision == "year" and (end - start).days == 6 and start.weekday() == 0:
        # A week across two months ("next week") is the month of its Thursday, as ISO
        # weeks are counted: news dates such a week to the month.
        value, precision = (start + timedelta(days=3)).isoformat()[:7], "month"
    return ResolvedDate(value, precision, tense or _tense_of(start, end, pub, forward))


def _undated(forward: bool) -> ResolvedDate:
    return ResolvedDate(None, None, "future" if forward else "past")


def _day_offset(text: str, pub: date | None, forward: bool) -> ResolvedDate | None:
    offsets = _Rules.load().data["day_offsets"]
    if text not in offsets:
        return None
    days = offsets[text]
    if pub is None:
        return _undated(days > 0)
    return _dated(pub + timedelta(days=days), pub + timedelta(days=days), pub, days > 0)


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _unit_range(pub: date, unit: str, by: int) -> tuple[date, date]:
    """The week, month or year `by` units from the one holding `pub`."""
    if unit == "day":
        return pub + timedelta(days=by), pub + timedelta(days=by)
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=by)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return _month_range(*_shift_month(pub.year, pub.month, by))
    return date(pub.year + by, 1, 1), date(pub.year + by, 12, 31)


def _period(text: str, pub: date | None, forward: bool) -> ResolvedDate | None:
    """"last week", "earlier this year", "next month"."""
    match = _Rules.load().patterns["period"].match(text)
    if not match:
        return None
    data = _Rules.load().data
    qualifier = " ".join(match["q"].split())
    by = data["qualifiers"][qualifier]
    tense = ("past" if qualifier in data["past_qualifiers"] or by < 0 else
             "future" if qualifier in data["future_qualifiers"] or by > 0 else None)
    if pub is None:
        return ResolvedDate(None, None, tense or "present")
    start, end = _unit_range(pub, match["unit"], by)
    if tense == "past" and by == 0:
        end = pub                     # "earlier this week": not after publication
    elif tense == "future" and by == 0:
        start = pub
    return _dated(start, end, pub, forward, tense)


def _ago(text: str, pub: date | None, forward: bool) -> ResolvedDate | None:
    """"two days ago", "3 years ago"."""
    match = _Rules.load().patterns["ago"].match(text)
    if not match:
        return None
    count = match["n"]
    count = int(count) if count.isdigit() else _Rules.load().data["numbers"].get(" ".join(count.split()))
    if pub is None or count is None:
        return _undated(False)
    start, end = _unit_range(pub, match["unit"], -count)
    return _dated(start, end, pub, False, "past")


def _weekday(text: str, pub: date | None, forward: bool) -> ResolvedDate | None:
    """"on Wednesday": the latest Wednesday on or before publication (or after, forward)."""
    match = _Rules.load().patterns["weekday"].match(text)
    if not match:
        return None
    if pub is None:
        return _undated(forward)
    weekday = WEEKDAYS[match["wd"]]
    if match["wq"]:  # "Thursday last week": that weekday of the week named
        monday, _ = _unit_range(pub, "week", _Rules.load().offset_of(match["wq"]))
        day = monday + timedelta(days=weekday)
        return _dated(day, day, pub, forward)
    direction = _Rules.load().offset_of(match["q"])
    back = (pub.weekday() - weekday) % 7
    if direction < 0 and back == 0:
        back = 7
    ahead = (weekday - pub.weekday()) % 7
    if direction > 0 and ahead == 0:
        ahead = 7
    day = pub + timedelta(days=ahead) if direction > 0 or (direction == 0 and forward) else pub - timedelta(days=back)
    return _dated(day, day, pub, forward)


def _month_day(text: str, pub: date | None, forward: bool) -> ResolvedDate | None:
    """"last January", "January 7", "7 January": the nearest past (or next) occurrence."""
    patterns = _Rules.load().patterns
    match = patterns["month_day"].match(text) or patterns["day_month"].match(text)
    if not match:
        return None
    if pub is None:
        return _undated(forward)
    month = MONTHS[match["m"].rstrip(".")]
    day = int(re.sub(r"\D", "", match["d"])) if match["d"] else None
    qualifier = match.groupdict().get("q")
    direction = _Rules.load().offset_of(qualifier)
    this_month = _month_range(pub.year, pub.month)
    # Leap days recur within eight years, so this window always holds an occurrence.
    candidates = [r for r in (_occurrence_in(y, month, day) for y in range(pub.year - 8, pub.year + 9)) if r]
    if qualifier == "this":
        chosen = [r for r in candidates if r[0].year == pub.year]
    elif direction < 0:
        chosen = [r for r in candidates if r[1] < (pub if day else this_month[0])]
    elif direction > 0:
        chosen = [r for r in candidates if r[0] > (pub if day else this_month[1])]
    elif forward:
        chosen = [r for r in candidates if r[1] >= pub]
    else:
        chosen = [r for r in candidates if r[0] <= pub]
    if not chosen:
        return _undated(forward)
    start, end = chosen[0] if direction > 0 or (direction == 0 and forward and qualifier != "this") else chosen[-1]
    if day and qualifier is None and not forward:
        start, end = _near_ahead(candidates, pub) or (start, end)
    return _dated(start, end, pub, forward)


def _near_ahead(candidates: list[tuple[date, date]], pub: date) -> tuple[date, date] | None:
    """An undated day just after publication ("exercises from October 19 to 28" in a story
    of October 14): news names a day almost a year back with its year, so the coming one."""
    window = timedelta(days=_Rules.load().data["undated_day_ahead_days"])
    return next((r for r in candidates if pub < r[0] <= pub + window), None)


def _occurrence_in(year: int, month: int, day: int | None) -> tuple[date, date] | None:
    if day is None:
        return _month_range(year, month)
    try:
        return date(year, month, day), date(year, month, day)
    except ValueError:                  # February 29 of a common year, April 31
        return None


def _year_only(text: str, pub: date | None, forward: bool) -> ResolvedDate | None:
    """"2015", "in 2015", "mid-2017"."""
    match = _Rules.load().patterns["year"].match(text)
    if not match:
        return None
    year = int(match["y"])
    return _dated(date(year, 1, 1), date(year, 12, 31), pub, forward)


def _absolute(text: str, pub: date | None, forward: bool) -> ResolvedDate | None:
    """A date that names its year ("May 23, 2018", "2018-05-23", "October 2017")."""
    patterns = _Rules.load().patterns
    years = patterns["has_year"].findall(text)
    if len(set(years)) != 1 or not patterns["has_month"].search(text):
        return None
    parsed = _dateparser_parse(text, pub)
    if parsed is None or str(parsed[0].year) != years[0]:
        return None
    found, period = parsed
    if period == "month":
        return _dated(*_month_range(found.year, found.month), pub, forward)
    if period == "year":
        return _dated(date(found.year, 1, 1), date(found.year, 12, 31), pub, forward)
    return _dated(found, found, pub, forward)


def _range(text: str, pub: date | None, forward: bool) -> ResolvedDate | None:
    """ "from Tuesday to Thursday last week", "March 3-5", "between May 2 and 4": the span
    of both ends, so never more precise than the range (a month where both lie in one)."""
    match = _Rules.load().patterns["range"].match(text)
    if not match:
        return None
    first, second = match["a"], match["b"]
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?(?:\s+\d{4})?", second) and (month := re.match(r"[a-z]+", first)):
        second = f"{month.group(0)} {second}"            # "march 3-5": the 5th of March
    elif first.isdigit() and (month := re.search(r"[a-z]+(?:\s+\d{4})?$", second)):
        first = f"{first} {month.group(0)}"              # "3 to 5 March": the 3rd of March
    shared = re.search(r"\s+((?:last|this|next)\s+(?:week|month|year))$", second)
    if shared and not first.endswith(shared.group(1)):
        first = f"{first} {shared.group(1)}"            # "Tuesday to Thursday last week"
    ends = [_resolve(first, pub, "future" if forward else "past"), _resolve(second, pub, "future" if forward else "past")]
    if not all(end.value for end in ends):
        return None
    start, end = sorted((_start_of(ends[0].value), _end_of(ends[1].value)))
    return _dated(start, end, pub, forward)


def _start_of(value: str) -> date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _end_of(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return _month_range(*parts)[1]
    return date(parts[0], 12, 31)


def is_habitual(words) -> bool:
    """Do the clause's words make it open-ended background ("regularly carries out")?"""
    habitual = _Rules.load().habitual
    return any(word in habitual for word in words)


def scene_marks() -> frozenset[str]:
    """Words opening a clause whose time is that of the clause it hangs from ("when")."""
    return _Rules.load().scene_marks


def first_recent_day(expressions, publication_date: str | None) -> str | None:
    """The first of `expressions` (an article's date phrases, in order) naming a day of the
    week up to publication: the day the news happened ("The Wednesday march", "the talks,
    which resumed on Monday"), which an opening sentence told without a time phrase shares."""
    pub = _parse_iso(publication_date)
    if pub is None or len(str(publication_date)) != 10:
        return None
    window = timedelta(days=_Rules.load().data["lede_window_days"])
    for expression in expressions:
        resolved = resolve_date(expression, publication_date)
        if resolved.precision == "day" and resolved.tense != "future" and (
                pub - window <= date.fromisoformat(resolved.value) <= pub):
            return resolved.value
    return None


_NOUN_MODIFIERS = ("compound", "poss", "nmod", "amod")


def _names_objects_day(date_root, verb) -> bool:
    """Is the date a modifier of a noun the verb's act is about ("praised the Aug 12 agreement",
    "accused him of rigging last year's election"), not of its subject ("the Wednesday march
    was led by ...") nor of a noun the verb describes ("the Aug 12 agreement, brokered by ...")?"""
    noun = date_root.head
    if date_root.dep_ not in _NOUN_MODIFIERS or noun.pos_ not in ("NOUN", "PROPN") or noun == verb:
        return False
    return noun.dep_ not in ("nsubj", "nsubjpass") and verb.head != noun


def told_apart(date_root, verb) -> bool:
    """Does the date hang from another event's noun on its way up to `verb` ("drills amid
    tensions over the capture of ships last month": the capture's month, not the drills'),
    or name a noun's day ("condemned Monday's attack", "praised the Aug 12 agreement")?
    Tokens are spaCy's; the prepositions that tell another event are in data/dates.yaml."""
    if _names_objects_day(date_root, verb):
        return True                              # "praised the Aug 12 ceasefire agreement"
    words = _Rules.load().other_scene
    current = date_root
    while current != verb and current.head != current:
        if current is not date_root and current.dep_ == "pobj" and _opening(current.head) & words:
            return True
        current = current.head
    return date_root.head == verb and _trails(date_root, verb, words)


def _trails(date_root, verb, words: frozenset[str]) -> bool:
    """A date the parser hung on the verb that comes right after such a phrase of the verb
    ("... amid tensions over the capture of ships off Crimea last month"), or after it and
    place phrases the parser also hung on the verb ("in retaliation for airstrikes on open
    ground in south Lebanon early Thursday"): the nearer noun's."""
    end = date_root.left_edge.i - 1
    phrases = {child.right_edge.i: child for child in verb.children if child.dep_ == "prep"}
    while end in phrases:
        child = phrases[end]
        if any(_opening(prep) & words for prep in child.subtree if prep.dep_ == "prep"):
            return True                      # "in retaliation for ...": its "for"
        end = child.left_edge.i - 1
    return False


def _opening(prep) -> set[str]:
    """ "over", "in response to", "as part of": the preposition with the words before it."""
    doc = prep.doc
    return {" ".join(t.lower_ for t in doc[max(0, prep.i - size):prep.i + 1]) for size in range(3)}


def opens_other_time(verb) -> bool:
    """Is `verb` a clause set before or after the one it hangs from ("summoned the envoy on
    Monday after the coast guard fired water cannon"): that clause's date is not its own."""
    marks = _Rules.load().data["other_time_marks"]
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children)


def told_before_another(verb) -> bool:
    """Is the verb's act told as coming before another ("Prior to his arrival in Beijing, Hill
    visited Seoul", "ahead of the summit"): not on the day the narrative has reached."""
    openings = _Rules.load().earlier_openings
    return any(c.dep_ == "prep" and _opening(c) & openings or (
        c.dep_ == "advmod" and any(g.dep_ == "prep" and _opening(g) & openings for g in c.children))
        for c in verb.children)


def under_other_scene(token, verb) -> bool:
    """Is `token` (an event noun) told inside another event's phrase of `verb` ("fired rockets
    in response to Israeli airstrikes": the airstrikes are not the firing's scene)?"""
    words = _Rules.load().other_scene
    current = token
    while current != verb and current.head != current:
        if current.dep_ == "pobj" and _opening(current.head) & words:
            return True
        current = current.head
    return False


def names_year(expression: str) -> bool:
    """Does the expression name its year ("May 23, 2018"), not only a day of the news?"""
    return bool(_Rules.load().patterns["has_year"].search(expression or ""))


def month_of(value: str | None) -> str | None:
    """A date no more precise than its month: "2018-07-25" -> "2018-07"."""
    return value[:7] if value else None


@lru_cache(maxsize=64)
def _parser(pub: date | None):
    from dateparser.date import DateDataParser  # slow import: only when a date needs it

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    if pub is not None:
        settings["RELATIVE_BASE"] = datetime(pub.year, pub.month, pub.day)
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser_parse(text: str, pub: date | None) -> tuple[date, str] | None:
    try:
        data = _parser(pub).get_date_data(text)
    except (ValueError, OverflowError, TypeError, IndexError):  # odd input: not a date
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"
