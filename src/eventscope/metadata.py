"""Metadata stage: title, publication date and dateline of a cleaned article.

Values given with the input (JSONL fields, HTML meta tags) win; otherwise they
are read from the top of the text:

    World News                          <- kicker (skipped)
    Russia and Syria sign trade deal    <- title
    Thursday, 26 July 2018              <- publication date
    DAMASCUS, (SANA) – The two ...      <- body_start; dateline "Damascus"

The recognised words (date labels, kicker words) live in data/metadata.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from eventscope.datafile import read_yaml


@dataclass(frozen=True)
class Metadata:
    title: str | None
    publication_date: str | None  # ISO YYYY-MM-DD; YYYY-MM or YYYY when given so
    dateline: str | None          # the place of the dateline, title-cased
    body_start: int               # offset in the text where the body begins
    dateline_end: int | None      # offset just after the dateline's dash, None without dateline


# ---------------------------------------------------------------- rules (data)

@dataclass(frozen=True)
class MetadataRules:
    date_label: str  # regex alternation of the date labels
    kicker_words: re.Pattern[str]
    not_places: frozenset[str]
    headline_max_words: int
    kicker_max_words: int
    header_max_lines: int


@lru_cache(maxsize=1)
def metadata_rules() -> MetadataRules:
    data = read_yaml(resources.files("eventscope").joinpath("data/metadata.yaml").read_text("utf-8"))
    labels = sorted(data["date_labels"], key=len, reverse=True)  # longest first
    kickers = "|".join(re.escape(w) for w in data["kicker_words"])
    return MetadataRules(
        date_label="|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels),
        kicker_words=re.compile(rf"\b(?:{kickers})\b", re.IGNORECASE),
        not_places=frozenset(data["not_places"]),
        headline_max_words=data["headline_max_words"],
        kicker_max_words=data["kicker_max_words"],
        header_max_lines=data["header_max_lines"],
    )


# ---------------------------------------------------------------- dates

_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_NUMBERS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
# The written forms of a full date; each yields the groups y, d and mon (or m, or a/b).
_DATE_FORMS = (
    r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)",        # 2018-07-26
    rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(?P<y>\d{{4}})",                  # 26 July 2018
    rf"{_MONTH}\s+{_DAY},?\s+(?P<y>\d{{4}})",                            # July 26, 2018
    r"(?<!\d)(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4})",        # 26/07/2018
)


def _unnamed(pattern: str) -> str:
    """The pattern with its named groups made plain, to combine it with others."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_DATE = re.compile("|".join(f"(?:{_unnamed(form)})" for form in _DATE_FORMS), re.IGNORECASE)
_DATE_FORM_PATTERNS = tuple(re.compile(form, re.IGNORECASE) for form in _DATE_FORMS)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
_LEADING_DATE = re.compile(rf"(?:{_WEEKDAY},?\s+)?(?:{_DATE.pattern})", re.IGNORECASE)
_LABELLED_DATE_END = re.compile(r"\s*[,|:–—-]?\s+")
_BARE_DATE_END = re.compile(r"\s*[|–—-]\s+")
# What may surround the date on a date line: weekdays, times, time zones, separators.
_DATE_LINE_RESIDUE = re.compile(
    rf"\b{_WEEKDAY}"
    r"|\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?))?"
    r"|\b(?:gmt|utc|[a-z]{1,2}[sd]t|local time|at|on|am|pm)\b"
    r"|[+-]\d{2}:?\d{2}\b"
    r"|[\s,|•·:;()\[\]/–—-]+",
    re.IGNORECASE,
)


def _date_from_match(match: re.Match[str]) -> str | None:
    """ISO date from a match of one of _DATE_FORM_PATTERNS; None when not a real date."""
    groups = match.groupdict()
    year = int(groups["y"])
    if groups.get("mon"):
        month, day = _MONTH_NUMBERS[groups["mon"][:3].lower()], int(groups["d"])
    elif groups.get("m"):
        month, day = int(groups["m"]), int(groups["d"])
    else:  # numeric: day first, unless only month-first makes sense (07/26/2018)
        first, second = int(groups["a"]), int(groups["b"])
        day, month = (second, first) if second > 12 >= first else (first, second)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _find_date(text: str) -> tuple[str, int, int] | None:
    """The first full date written in `text`: (ISO date, start, end)."""
    found = _DATE.search(text)
    if not found:
        return None
    for pattern in _DATE_FORM_PATTERNS:
        match = pattern.fullmatch(found.group(0))
        if match:
            iso = _date_from_match(match)
            return (iso, found.start(), found.end()) if iso else None
    return None


def date_line(line: str) -> str | None:
    """ISO date when the whole line is a date line ("Published: Thu, 26 July 2018 10:30 GMT")."""
    rules = metadata_rules()
    label = re.match(rf"\s*(?:{rules.date_label})\b\s*:?", line, re.IGNORECASE)
    rest = line[label.end():] if label else line
    found = _find_date(rest)
    if not found:
        return None
    iso, start, end = found
    residue = _DATE_LINE_RESIDUE.sub("", rest[:start] + " " + rest[end:])
    return iso if not residue else None


def _inline_date_prefix(line: str) -> tuple[str, int] | None:
    """(ISO date, length) of a date prefix of a paragraph: "date 2021-02-17 The minister ..."."""
    label = re.match(rf"(?:{metadata_rules().date_label})\b\s*:?\s*", line, re.IGNORECASE)
    written = _LEADING_DATE.match(line, label.end() if label else 0)
    # After a label the date may run straight into the text; a bare date needs a dash.
    separator = _LABELLED_DATE_END if label else _BARE_DATE_END
    end = written and separator.match(line, written.end())
    if not end:
        return None
    found = _find_date(written.group(0))
    return (found[0], end.end()) if found else None


def parse_date(value: str) -> str | None:
    """ISO `YYYY-MM-DD` of a date or datetime string, None when it is not one.

    ISO forms and the common written forms are read by rule; anything else goes
    to dateparser (absolute dates only: "2 hours ago" has no fixed meaning).
    """
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    iso = date_line(value)
    if iso:
        return iso
    import dateparser  # slow to import; most inputs never need it

    parsed = dateparser.parse(value, languages=["en"], settings={
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
    })
    return parsed.date().isoformat() if parsed else None


_PARTIAL_ISO_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2}))?")


def parse_publication_date(value: str) -> str | None:
    """A publication date at the precision given: `YYYY-MM-DD` as `parse_date` reads it,
    or a bare `YYYY-MM` or `YYYY` kept as it is (a monthly or yearly issue)."""
    partial = _PARTIAL_ISO_DATE.fullmatch(value.strip())
    if partial is None:
        return parse_date(value)
    month = int(partial["month"] or 1)
    if not 1 <= int(partial["year"]) or not 1 <= month <= 12:
        return None
    return partial.group(0)


# ---------------------------------------------------------------- lines of the header

class _Line(NamedTuple):
    start: int
    end: int
    text: str
    blank_after: bool  # followed by a blank line (a paragraph of its own)


_NON_BLANK_LINE = re.compile(r"^[^\S\n]*(\S[^\n]*?)[^\S\n]*$", re.MULTILINE)
_WORDS = re.compile(r"\w[\w.'’-]*")


_BLANK_LINE_NEXT = re.compile(r"[^\S\n]*\n[^\S\n]*\n")


def _ends_clause(line: str) -> bool:
    """Ends like a sentence or a clause (headlines do not, though they may ask a question)."""
    return line.rstrip().rstrip("\"'”’»)]").endswith((".", ",", ";", ":", "…"))


def _lines(text: str, limit: int) -> list[_Line]:
    """The first `limit` non-blank lines of the text."""
    lines: list[_Line] = []
    for match in _NON_BLANK_LINE.finditer(text):
        if len(lines) == limit:
            break
        blank_after = bool(_BLANK_LINE_NEXT.match(text, match.end()))
        lines.append(_Line(match.start(1), match.end(1), match.group(1), blank_after))
    return lines


def _normalised(line: str) -> str:
    return " ".join(line.casefold().split())


def _same_title(line: str, title: str | None) -> bool:
    """The line repeats the title (allowing a site name or kicker around it)."""
    if not title:
        return False
    a, b = _normalised(line), _normalised(title)
    shorter, longer = sorted((a, b), key=len)
    contained = longer.startswith(shorter) or longer.endswith(shorter)
    return a == b or (contained and len(shorter) >= 0.6 * len(longer))


def _is_headline(line: str, rules: MetadataRules) -> bool:
    words = _WORDS.findall(line)
    return (
        0 < len(words) <= rules.headline_max_words
        and not _ends_clause(line)
        and date_line(line) is None
        and _find_dateline(line, rules) is None
    )


def _is_title_at(lines: list[_Line], i: int, rules: MetadataRules) -> bool:
    """A headline line standing alone as a paragraph, with text after it."""
    return (
        i + 1 < len(lines) and lines[i].blank_after and _is_headline(lines[i].text, rules)
    )


def _is_kicker(line: str, rules: MetadataRules) -> bool:
    words = _WORDS.findall(line)
    return (
        0 < len(words) <= rules.kicker_max_words
        and not _ends_clause(line)
        and (line.isupper() or bool(rules.kicker_words.search(line)))
    )


def _is_kicker_or_repeat(lines: list[_Line], i: int, title: str | None, rules: MetadataRules) -> bool:
    """A header line to skip: the title again, or a kicker above the title."""
    line = lines[i].text
    if _same_title(line, title):
        return True
    if not _is_kicker(line, rules) or i + 1 >= len(lines):
        return False
    return _same_title(lines[i + 1].text, title) if title else _is_title_at(lines, i + 1, rules)


# ---------------------------------------------------------------- datelines

@dataclass(frozen=True)
class DatelineRules:
    """The dateline knowledge of data/metadata.yaml, compiled into patterns once."""

    strong: tuple[re.Pattern[str], ...]  # forms that are datelines by their shape alone
    weak: tuple[re.Pattern[str], ...]    # forms that need a known city as their place
    byline: re.Pattern[str]              # "By RIA Novosti, " before a dateline


_UPPER_WORD = r"[A-Z][A-Z'’.-]+"
_TITLE_WORD = r"[A-Z][a-z'’-]+(?:-[A-Z][a-z'’-]+)?"
_PLACE_JOIN = r"\s*/\s*"  # "VIENNA/WASHINGTON", "GAZA / TEL AVIV": one dateline, two places


def _places_of(word: str, most: int) -> str:
    """One place of up to `most` words, or several joined by slashes."""
    one = rf"{word}(?:\s+{word}){{0,{most - 1}}}"
    return rf"(?P<place>{one}(?:{_PLACE_JOIN}{one}){{0,2}})"


@lru_cache(maxsize=1)
def dateline_rules() -> DatelineRules:
    data = read_yaml(resources.files("eventscope").joinpath("data/metadata.yaml").read_text("utf-8"))
    agencies = "|".join(re.escape(a).replace(r"\ ", r"\s+")
                        for a in sorted(data["dateline_agencies"], key=len, reverse=True))
    # ", Honduras", ", LEBANON", ", Gaza Strip", ", (Kazakhstan)"
    region = r"(?:\s*,\s*\(?[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,2}\)?)"
    when = rf"(?:\s*,?\s*(?P<when>(?i:{_unnamed(_MONTH)})\s+\d{{1,2}}(?:,?\s+\d{{4}})?))"
    any_parens = r"(?:\s*,?\s*\([^()\n]{1,40}\))"         # "(Reuters)", "(ST)", "(9:10 P.m.)"
    agency = rf"(?:\s*,?\s*\((?:{agencies})\))"           # only the agencies of the data
    dash = r"\s*(?P<mark>--|[-–—])(?=\s|[A-Z“\"])"  # "(APS)--The army": after a date or agency
    dash_or_colon = r"\s*(?P<mark>--|[-–—]|:)(?=\s)"
    upper, title = _places_of(_UPPER_WORD, 4), _places_of(_TITLE_WORD, 3)
    strong = (
        # "DAMASCUS, (SANA) –", "TEGUCIGALPA, Honduras, July 1 (UPI) --", "RIYADH:", "ASTANA, (Kazakhstan):"
        rf"{upper}{region}?{when}?{any_parens}?{dash_or_colon}",
        # "Kabul, Jan 5 (AFP) -", "Lima, December 20 (RHC)--", "Quito (AFP) -"
        rf"{title}{region}?(?:{when}{any_parens}?|{agency}){dash}",
        # "Buenos Aires (AFP)" as a line of its own
        rf"{title}{region}?{when}?{agency}(?P<mark>)[^\S\n]*(?=\n|$)",
    )
    weak = (
        rf"{upper}(?P<mark>,)(?=\s+[A-Z][a-z])",     # "ROME, The Italian government ..."
        rf"{title}(?P<mark>[^\S\n]+:)(?=\s)",      # "Moscow : Russian President ..."
    )
    byline = "|".join(re.escape(w) for w in data["byline_words"])
    return DatelineRules(
        strong=tuple(re.compile(p) for p in strong),
        weak=tuple(re.compile(p) for p in weak),
        byline=re.compile(rf"(?:{byline})\s+[^,\n]{{1,40}},\s+"),
    )


def _find_dateline(paragraph: str, rules: MetadataRules) -> re.Match[str] | None:
    """The dateline opening `paragraph` (after a byline, if any)."""
    lines = dateline_rules()
    byline = lines.byline.match(paragraph)
    start = byline.end() if byline else 0
    for pattern in lines.strong:
        match = pattern.match(paragraph, start)
        if match and _not_a_word(match.group("place"), rules):
            return match
    for pattern in lines.weak:
        match = pattern.match(paragraph, start)
        if match and _not_a_word(match.group("place"), rules) and _is_city(match.group("place")):
            return match
    return None


def _not_a_word(place: str, rules: MetadataRules) -> bool:
    return place.upper() not in rules.not_places


def _is_city(place: str) -> bool:
    """A city the gazetteer knows (a country alone is no dateline: "Syria: Forces ...")."""
    from eventscope.places import Gazetteer, is_common_word  # only for a dateline without a dash

    if is_common_word(place):
        return False
    found = Gazetteer.load().lookup(_place_name(place))
    return found is not None and found.latitude is not None


def _dateline_in(body: str, rules: MetadataRules) -> tuple[re.Match[str], int] | None:
    """The body's dateline and its offset; a short undated header line may stand before it
    ("Publish Date : 20 August 2014 - 21:02")."""
    found = _find_dateline(body, rules)
    if found:
        return found, 0
    first = _lines(body, 2)
    if len(first) == 2 and not _ends_clause(first[0].text) and _find_date(first[0].text) and len(
            _WORDS.findall(first[0].text)) <= rules.kicker_max_words * 3:
        found = _find_dateline(body[first[1].start:], rules)
        return (found, first[1].start) if found else None
    return None


def _dateline_date(dateline: re.Match[str] | None) -> str | None:
    """ "KHARTOUM, June 3, 2024 -": the day the story was filed, when the dateline gives the year."""
    when = dateline.group("when") if dateline and "when" in dateline.re.groupindex else None
    return parse_date(when) if when and re.search(r"\d{4}", when) else None


def _place_name(place: str) -> str:
    """BEIRUT -> Beirut, GAZA CITY -> Gaza City, AL-HASAKAH -> Al-Hasakah; mixed case kept."""
    place = " ".join(place.split())
    if not place.isupper():
        return place
    return re.sub(r"[^\s/-]+", lambda m: m.group(0)[0] + m.group(0)[1:].lower(), place)


# ---------------------------------------------------------------- the stage

def read_metadata(
    text: str, *, title: str | None = None, publication_date: str | None = None,
) -> Metadata:
    """Title, publication date and dateline of the cleaned `text`.

    Given values win over what the text says; an unparseable given date is
    ignored in favour of the text's.
    """
    rules = metadata_rules()
    lines = _lines(text, rules.header_max_lines + 2)  # the header, and what follows it
    given_date = parse_publication_date(publication_date) if publication_date else None
    found_title, found_date, i = None, None, 0
    while i < min(len(lines), rules.header_max_lines):
        line = lines[i].text
        known_title = title or found_title
        if (iso := date_line(line)) is not None:
            found_date = found_date or iso
        elif not _is_kicker_or_repeat(lines, i, known_title, rules):
            if known_title or not _is_title_at(lines, i, rules):
                break
            found_title = line
        i += 1
    body_start = lines[i].start if i < len(lines) else len(text)
    body = text[body_start:]
    if inline := _inline_date_prefix(body):
        found_date = found_date or inline[0]
        body_start += inline[1]
        body = text[body_start:]
    found_dateline = _dateline_in(body, rules)
    dateline, dateline_at = found_dateline or (None, 0)
    return Metadata(
        title=title or found_title,
        publication_date=given_date or found_date or _dateline_date(dateline),
        dateline=_place_name(dateline.group("place")) if dateline else None,
        body_start=body_start,
        dateline_end=body_start + dateline_at + dateline.end("mark") if dateline else None,
    )
