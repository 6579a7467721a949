"""The typed records passed between pipeline stages and written as output.

`Document.to_dict()` is the document record of the contract (shared/spec/EVENTS.md);
extra fields beyond the contract are allowed there and are documented in the README.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
FACTUALITY = ("asserted", "planned", "hypothetical")
SECTORS = ("GOV", "MIL", "REB", "OPP", "IGO", "NGO", "MED", "BUS", "CVL", "REF", "JUD", "COP", "PTY")
# For these types the order of source and target carries no meaning.
UNORDERED_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})


# Characters no backend stores or no parser takes: NUL and the other C0 controls but tab,
# line feed and carriage return (PostgreSQL refuses NUL, lxml all of them), lone surrogates
# (not encodable as UTF-8) and the noncharacters U+FFFE and U+FFFF (refused by lxml).
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What would break a one-line message: line breaks, controls, lone surrogates.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def storable_text(text: str) -> str:
    """`text` with each character no backend can store replaced by one that it can: controls
    by a space, lone surrogates and noncharacters by U+FFFD. One character for one, so
    offsets into the text stay valid."""
    if not _UNSTORABLE.search(text):
        return text
    return _UNSTORABLE.sub(lambda m: " " if m.group() < "\x20" else "\ufffd", text)


def one_line(text: str) -> str:
    """`text` fit for one line of a message: line breaks and controls escaped (\\n, \\x00)."""
    return _UNPRINTABLE.sub(
        lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


class InputError(Exception):
    """Bad input: names where (`origin`: a path, or `path:line`) and why.

    Readers yield these in place of the article instead of raising, so one bad
    file never stops the others. The message is always one line: a file name
    with a line break in it is shown escaped.
    """

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{one_line(origin)}: {one_line(reason)}")
        self.origin = origin
        self.reason = reason

    @classmethod
    def failed(cls, origin: str, doing: str, error: BaseException) -> InputError:
        """The error for an input on which `doing` ("extraction") raised `error`: the
        exception's first line only, never a traceback."""
        if isinstance(error, RecursionError):
            what = "input nested too deeply"
        else:
            first = next((line for line in str(error).splitlines() if line.strip()), "")
            what = f"{type(error).__name__}: {first[:300]}" if first else type(error).__name__
        return cls(origin, f"{doing} failed ({what})")


@dataclass(frozen=True)
class Article:
    """One input article as read from a file, before cleaning.

    Exactly one of `text` and `html` is set. `origin` names where it came from
    (a path, or `path:line` for JSONL) for error messages.
    """

    doc_id: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    publication_date: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = "<input>"

    def __post_init__(self) -> None:
        # The one place where input text loses what no parser or database can take.
        for name in ("doc_id", "text", "html", "title", "publication_date", "url", "source"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, storable_text(value))


# Sectors whose actors act inside one state: an unnamed police, army, court, party,
# opposition, government, rebels or citizens belong to the country of the scene. IGOs,
# NGOs and refugees (who are often abroad) do not.
DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "OPP", "PTY", "CVL", "REB", "MED", "BUS"})
# Actor.why for a group of unnamed states ("Western campaigns", "countries backing
# terrorism"): stateless by meaning, not for want of a country.
UNNAMED_STATES = "unnamed states"


@dataclass(frozen=True)
class Actor:
    name: str | None
    country: str | None
    sector: str | None
    # How the country was resolved where the text does not say it: audit trail only, not
    # part of the actor's identity.
    why: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "country": self.country, "sector": self.sector}
        if self.why:
            out["why"] = self.why  # an extra beyond the contract: how the country was inferred
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Actor | None:
        if not data:
            return None
        return cls(data.get("name"), data.get("country"), data.get("sector"), why=data.get("why"))


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "country": self.country, "latitude": self.latitude,
            "longitude": self.longitude, "geonameid": self.geonameid,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Location | None:
        if not data or not data.get("name"):
            return None
        return cls(
            data["name"], data.get("country"), data.get("latitude"),
            data.get("longitude"), data.get("geonameid"),
        )


@dataclass
class Event:
    sentence: str
    trigger: str
    type: str
    mode: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    date: str | None = None
    location: Location | None = None
    negated: bool = False
    factuality: str = "asserted"
    attribution: str | None = None
    # Extra fields (beyond the contract).
    event_id: str | None = None
    cameo: str | None = None          # CAMEO code: the trigger's own ("161"), else the root ("16")
    intensity: float | None = None    # PLOVER conflict-cooperation score, -10..+10
    sentence_index: int | None = None
    sentence_start: int | None = None  # character offsets of the sentence in Document.text
    sentence_end: int | None = None
    trigger_start: int | None = None   # character offsets of the trigger in Document.text
    trigger_end: int | None = None
    cluster_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = value.to_dict() if hasattr(value, "to_dict") else value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["source"] = Actor.from_dict(data.get("source"))
        kwargs["target"] = Actor.from_dict(data.get("target"))
        kwargs["location"] = Location.from_dict(data.get("location"))
        return cls(**kwargs)


@dataclass
class Quote:
    text: str
    speaker: Actor | None = None
    start: int | None = None  # character offsets of the quoted text in Document.text
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "text": self.text, "start": self.start, "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(data["text"], Actor.from_dict(data.get("speaker")), data.get("start"), data.get("end"))


@dataclass
class Document:
    doc_id: str
    title: str | None = None
    publication_date: str | None = None
    dateline: str | None = None
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # Extra fields (beyond the contract).
    text: str = ""            # the cleaned text that offsets refer to
    url: str | None = None
    source: str | None = None  # the outlet, when the input names it

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "publication_date": self.publication_date,
            "dateline": self.dateline,
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "text": self.text,
            "url": self.url,
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            doc_id=data["doc_id"],
            title=data.get("title"),
            publication_date=data.get("publication_date"),
            dateline=data.get("dateline"),
            events=[Event.from_dict(e) for e in data.get("events", [])],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            text=data.get("text") or "",
            url=data.get("url"),
            source=data.get("source"),
        )
