"""The starter actor table: who is who, and who held which office when.

The facts live in `data/actors.yaml` (its header documents the conventions); this
module loads them once and answers three questions the actors stage asks:

- `find(name, on)`: a name as written in news text ("H.E. Mr. Lavrov",
  "Al-Assad", "Yevimov") -> the table entry it means, or None;
- `holder(role, country, on)`: an office on a date ("foreign minister", "RUS",
  2021-02-17) -> the person who held it;
- `role_words()`: surface phrases of offices ("FM", "premier") -> the role vocabulary.

Beside it, `data/groups/*.yaml` hold non-state actors (armed groups, parties,
movements, IGOs, NGOs, media), and the folders or files named in $EVENTSCOPE_ACTORS
(separated by the OS path separator) the user's own entries: all are merged into one
table. An entry whose sector or country changed carries `periods`; `find(name, on)`
gives the entry as it was on that date (the FARC: REB until 2017, PTY after).

Lookups are dictionary look-ups on a normalised key; fuzzy matching of misspelt
transliterations is only a fallback, over names bucketed by their first letter.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Literal

import yaml

from eventscope.records import SECTORS, Actor

DEFAULT_PATH = Path(__file__).parent / "data" / "actors.yaml"
GROUPS_DIR = Path(__file__).parent / "data" / "groups"
USER_TABLES_VAR = "EVENTSCOPE_ACTORS"  # extra YAML folders or files, os.pathsep-separated

# Below these, a misspelling is as likely to be another word as a variant name.
FUZZY_MIN_LETTERS = 6
FUZZY_MIN_RATIO = 0.86
# An all-capital alias this short is an acronym ("WHO", "MSF"): it only matches in capitals.
ACRONYM_MAX_LETTERS = 5
MEMO_SIZE = 100_000  # remembered lookups: news repeats the same names on the same dates

_ARABIC_ARTICLE = re.compile(r"\b(?:al|el|ad|ar|as|ash|at|az|an|ud|ul)[-\u2010\u2011\u2012\u2013]", re.IGNORECASE)
_SEPARATE_ARTICLES = frozenset({"al", "el"})
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_NOT_DECOMPOSED = str.maketrans({"ı": "i", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l"})
_ROMAN_NUMERAL = re.compile(r"^[ivx]+$")
# Spelling differences of transliterations that say nothing about identity.
_FOLDS = (("ph", "f"), ("v", "f"), ("q", "k"), ("ou", "u"), ("ee", "i"), ("y", "i"),
          ("e", "i"), ("o", "u"), ("kh", "k"), ("dh", "d"), ("gh", "g"), ("th", "t"))


@dataclass(frozen=True)
class Role:
    """One office held over a date range; `end` is None while still held.

    `country` is the state the office belongs to (ISO3), or the short code of the
    international organisation (UN, NATO, EU, ...); `to` is the host country or
    organisation of an ambassador or envoy.
    """

    role: str
    country: str | None
    start: date | None
    end: date | None
    to: str | None = None

    def covers(self, on: date | None) -> bool:
        """Held on `on` (start inclusive, end exclusive: the successor holds it on the changeover day);
        with on=None, still held."""
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Period:
    """A date range over which an entry had another sector or country than its current
    one (start inclusive, end exclusive; None is open)."""

    start: date | None
    end: date | None
    sector: str | None
    country: str | None

    def covers(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Entry:
    name: str
    country: str | None
    sector: str | None
    kind: Literal["person", "organisation"]
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    code: str | None = None  # an organisation's short code, used as the `country` of its offices
    surname: str | None = None
    periods: tuple[Period, ...] = ()  # earlier (or later) sectors and countries; the fields are "now"
    source: str | None = None  # where the facts come from
    fuzzy: bool = True  # its names may match misspelt variants

    def actor(self, on: date | None = None) -> Actor:
        return self.as_of(on).actor() if self.period(on) else Actor(self.name, self.country, self.sector)

    def period(self, on: date | None) -> Period | None:
        """The period covering `on`, if the entry was different then."""
        return next((p for p in self.periods if p.covers(on)), None) if on is not None else None

    def as_of(self, on: date | None) -> Entry:
        """The entry as it was on `on`: its sector and country of that date."""
        period = self.period(on)
        if period is None:
            return self
        return replace(self, sector=period.sector, country=period.country, periods=())

    def holds(self, role: str, country: str | None, on: date | None = None) -> bool:
        return any(r.role == role and r.country == country and r.covers(on) for r in self.roles)

    def active(self, on: date | None) -> bool:
        """Holds any office on `on` (organisations always count as active)."""
        return self.kind == "organisation" or any(r.covers(on) for r in self.roles)

    def belongs_to(self, country: str) -> bool:
        return self.country == country or any(r.country == country for r in self.roles)


def tokens(text: str) -> tuple[str, ...]:
    """Lower-case, accent-free word tokens, without Arabic articles or a possessive 's:
    "Al-Assad's" -> ("assad",), "Erdoğan" -> ("erdogan",), "Ma'ruf" -> ("maruf",)."""
    text = unicodedata.normalize("NFKD", text.translate(_NOT_DECOMPOSED))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _ARABIC_ARTICLE.sub("", _POSSESSIVE.sub("", text))
    words = re.findall(r"[a-z0-9]+", re.sub(r"['\u2019`]", "", text.lower()))
    return tuple(w for w in words if w not in _SEPARATE_ARTICLES)


def fold(key: str) -> str:
    """A coarse spelling skeleton: v/f, q/k, e/i, o/u, doubled letters are not told apart."""
    for written, folded in _FOLDS:
        key = key.replace(written, folded)
    return re.sub(r"(.)\1+", r"\1", key)


def _is_acronym(alias: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return letters.isupper() and len(letters) <= ACRONYM_MAX_LETTERS


def _date(value: Any, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


class ActorTable:
    """Loaded actor table with name, surname, fuzzy and office indexes."""

    _default: ActorTable | None = None

    def __init__(self, entries: Iterable[Entry], titles: Iterable[str], role_words: dict[str, str],
                 role_groups: dict[str, list[str]]):
        self.entries = tuple(entries)
        self._role_words = dict(role_words)
        self._role_groups = {k: tuple(v) for k, v in role_groups.items()}
        self._titles = {tokens(t) for t in [*titles, *role_words]} - {()}
        self._title_lengths = sorted({len(t) for t in self._titles}, reverse=True)
        self._by_key: dict[str, list[Entry]] = defaultdict(list)
        self._acronyms: dict[str, list[Entry]] = defaultdict(list)
        self._by_surname: dict[str, list[Entry]] = defaultdict(list)
        self._fuzzy: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
        self._offices: dict[tuple[str, str | None, str | None], list[tuple[Role, Entry]]] = defaultdict(list)
        self._given_names: set[str] = set()  # never fuzzy-matched to a surname ("Sergey" is not "Sergeyev")
        self._memo: dict[tuple[str, date | None, str | None], Entry | None] = {}
        for entry in self.entries:
            self._index(entry)

    # ----- loading -----------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path | None = None) -> ActorTable:
        """Load a table from YAML; without a path, the packaged table with the groups files
        and the user's own ($EVENTSCOPE_ACTORS), loaded once."""
        if path is None:
            if cls._default is None:
                cls._default = cls.load_files(default_paths())
            return cls._default
        return cls.load_files([Path(path)])

    @classmethod
    def load_files(cls, paths: Iterable[str | Path]) -> ActorTable:
        """Merge several table files, in order: an entry of a later file with the name
        and kind of an earlier one replaces it; `role_words` and `titles` add up.

        Parsing and indexing the YAML takes a few tenths of a second; the pickle, kept
        in the user's cache folder and keyed by the files' content and this module's
        source, takes a hundredth. Without a writable cache folder the YAML is parsed.
        """
        files = [(Path(p), _read(Path(p))) for p in paths]
        cached = _cache_file(b"\0".join(str(p).encode() + b"\0" + text for p, text in files))
        try:
            with open(cached, "rb") as stream:
                return pickle.load(stream)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            pass  # absent, stale or unreadable: rebuilt below
        table = cls._merge([_parse_file(p, text.decode("utf-8", errors="replace")) for p, text in files])
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            temporary = cached.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
            temporary.replace(cached)
        except OSError:
            pass
        return table

    @classmethod
    def _merge(cls, parts: list[_TableFile]) -> ActorTable:
        entries: dict[tuple[str, str], Entry] = {}
        titles: list[str] = []
        role_words: dict[str, str] = {}
        role_groups: dict[str, list[str]] = {}
        for part in parts:
            for entry in part.entries:
                key = (entry.kind, " ".join(tokens(entry.name)))
                entries.pop(key, None)  # a replaced entry moves to the end, like a new one
                entries[key] = entry
            titles += part.titles
            role_words.update(part.role_words)
            role_groups.update(part.role_groups)
        return cls(entries.values(), titles, role_words, role_groups)

    def _index(self, entry: Entry) -> None:
        for surface in (entry.name, *entry.aliases):
            words = tokens(surface)
            key = " ".join(words)
            if surface != entry.name and _is_acronym(surface):
                _add(self._acronyms[key], entry)
                continue
            if _add(self._by_key[key], entry) and entry.fuzzy:
                self._fuzzy[fold(key)[:1]].append((fold(key), entry))
            if entry.kind == "person":
                self._given_names.update(words[:-1])
        if entry.kind == "person":
            for surname in self._surnames(entry):
                if _add(self._by_surname[surname], entry) and len(surname) >= FUZZY_MIN_LETTERS:
                    self._fuzzy["~" + fold(surname)[:1]].append((fold(surname), entry))
        for role in entry.roles:
            self._offices[(role.role, role.country, role.to)].append((role, entry))

    @staticmethod
    def _surnames(entry: Entry) -> set[str]:
        if entry.surname:
            return {" ".join(tokens(entry.surname))}
        names = [tokens(n) for n in (entry.name, *entry.aliases)]
        return {next(w for w in reversed(n) if not _ROMAN_NUMERAL.match(w)) for n in names if len(n) > 1}

    # ----- lookups -------------------------------------------------------------------

    def find(self, name: str, on: date | None = None, country: str | None = None, *,
             fuzzy: bool = True) -> Entry | None:
        """The entry a name in text refers to, or None.

        Tries in order: the whole name, the name after its titles ("Russian Foreign
        Minister Sergey Lavrov" -> "sergey lavrov"), a unique surname ("Lavrov"),
        then a close spelling variant. Where several entries fit, the one holding
        an office on `on` wins; `country` (ISO3), when known, narrows the choice.
        An entry whose sector or country changed comes as it was on `on`.
        """
        key = (name, on, country, fuzzy)
        if key not in self._memo:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            hit = None
            if re.sub(r"[^A-Za-z]", "", name).isupper():
                hit = self._choose(self._acronyms.get(" ".join(tokens(name)), []), on, country)
            hit = hit or self._find(tokens(name), on, country, fuzzy)
            self._memo[key] = hit.as_of(on) if hit else None
        return self._memo[key]

    def _find(self, words: tuple[str, ...], on: date | None, country: str | None, fuzzy: bool) -> Entry | None:
        if not words:
            return None
        bare = self._strip_titles(words)
        for key in dict.fromkeys((" ".join(words), " ".join(bare))):
            hit = self._choose(self._by_key.get(key, []), on, country)
            if hit:
                return hit
        if len(bare) == 1:
            surname = bare[0]
            return self._choose(self._by_surname.get(surname, []), on, country) or (
                None if surname in self._given_names or not fuzzy else self._fuzzy_find(surname, "~", on, country))
        return self._fuzzy_find(" ".join(bare), "", on, country) if fuzzy else None

    def _strip_titles(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """The words after the last title, if any name is left after it:
        "syrian president bashar assad" -> ("bashar", "assad")."""
        cut, i = 0, 0
        while i < len(words):
            length = next((n for n in self._title_lengths if words[i:i + n] in self._titles), 0)
            if length and i + length < len(words):
                cut = i = i + length
            else:
                i += 1
        return words[cut:]

    def _fuzzy_find(self, key: str, bucket: str, on: date | None, country: str | None) -> Entry | None:
        """The closest spelling of a name (bucket "") or surname (bucket "~") with the same first letter."""
        if len(key.replace(" ", "")) < FUZZY_MIN_LETTERS:
            return None
        folded = fold(key)
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(folded)
        best: dict[Entry, float] = {}
        for candidate, entry in self._fuzzy.get(bucket + folded[:1], []):
            if abs(len(candidate) - len(folded)) > 2:
                continue
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() >= FUZZY_MIN_RATIO and matcher.quick_ratio() >= FUZZY_MIN_RATIO:
                ratio = matcher.ratio()
                if ratio >= FUZZY_MIN_RATIO and ratio > best.get(entry, 0):
                    best[entry] = ratio
        if not best:
            return None
        top = max(best.values())
        return self._choose([e for e, r in best.items() if r == top], on, country)

    @staticmethod
    def _choose(candidates: list[Entry], on: date | None, country: str | None) -> Entry | None:
        """The one candidate left after narrowing by country, then by office held on `on`."""
        if country:
            candidates = [e for e in candidates if e.belongs_to(country)]
        if len(candidates) > 1:
            active = [e for e in candidates if e.active(on)]
            if not active and on is None:
                # An undated text about a former office holder ("President Assad"): of the
                # namesakes, the one who held office last.
                active = _last_in_office(candidates)
            candidates = active
        return candidates[0] if len(candidates) == 1 else None

    def canonical_role(self, phrase: str) -> str | None:
        """The vocabulary role of a surface phrase ("FM" -> "foreign minister"), or None."""
        return self._role_words.get(phrase.strip().lower())

    def holder(self, role: str, country: str | None, on: date | None = None, to: str | None = None) -> Entry | None:
        """Who held `role` for `country` (ISO3 or organisation code) on `on`; with on=None, now.

        `role` may be any surface phrase of `role_words()`, or a group ("head of
        state"), whose member roles are tried in the order the YAML lists them.
        """
        if role not in self._role_groups:
            role = self.canonical_role(role) or role
        for member in self._role_groups.get(role, (role,)):
            for office, entry in self._offices.get((member, country, to), []):
                if office.covers(on):
                    return entry
        return None

    def role_words(self) -> dict[str, str]:
        """Surface phrases (lower case) -> the role vocabulary."""
        return dict(self._role_words)

    def names(self) -> Iterator[tuple[str, Entry]]:
        """Every canonical name and alias with its entry (for entity-ruler patterns)."""
        for entry in self.entries:
            yield entry.name, entry
            for alias in entry.aliases:
                yield alias, entry


@dataclass(frozen=True)
class _TableFile:
    entries: list[Entry]
    titles: list[str]
    role_words: dict[str, str]
    role_groups: dict[str, list[str]]


def default_paths() -> list[Path]:
    """The packaged table, the packaged groups files, then the user's files ($EVENTSCOPE_ACTORS)."""
    return [DEFAULT_PATH, *sorted(GROUPS_DIR.glob("*.yaml")), *user_paths()]


def user_paths(setting: str | None = None) -> list[Path]:
    """The YAML files named by $EVENTSCOPE_ACTORS (or `setting`): files, or folders whose
    *.yaml files are read in name order. A name that does not exist is an error."""
    setting = os.environ.get(USER_TABLES_VAR, "") if setting is None else setting
    paths: list[Path] = []
    for item in filter(None, (s.strip() for s in setting.split(os.pathsep))):
        place = Path(item).expanduser()
        if place.is_dir():
            paths += sorted(place.glob("*.yaml")) + sorted(place.glob("*.yml"))
        elif place.is_file():
            paths.append(place)
        else:
            raise ValueError(f"{USER_TABLES_VAR}: {item}: no such file or folder of actor tables")
    return paths


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise ValueError(f"{path}: cannot read the actor table: {err}") from None


def _parse_file(path: Path, text: str) -> _TableFile:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except (ValueError, yaml.YAMLError) as err:  # ValueError: an impossible date
        raise ValueError(f"{path}: cannot read the actor table: {err}") from None
    if not isinstance(data, dict):  # a bad file, not a bad argument: one error type for all
        raise ValueError(  # noqa: TRY004
            f"{path}: the actor table must be a mapping of persons and organisations")
    fuzzy = data.get("fuzzy", True)  # a derived list spells its variants out
    entries = [_entry(raw, "person", f"{path}: persons[{i}]", fuzzy)
               for i, raw in enumerate(data.get("persons") or [])]
    entries += [_entry(raw, "organisation", f"{path}: organisations[{i}]", fuzzy)
                for i, raw in enumerate(data.get("organisations") or [])]
    role_words = {phrase.lower(): role for role, phrases in (data.get("role_words") or {}).items()
                  for phrase in [role, *phrases]}
    return _TableFile(entries, list(data.get("titles") or []), role_words, dict(data.get("role_groups") or {}))


def _last_in_office(entries: list[Entry]) -> list[Entry]:
    ends = {e: max((r.end for r in e.roles if r.end), default=None) for e in entries}
    known = [e for e in entries if ends[e] is not None]
    if not known:
        return []
    latest = max(ends[e] for e in known)
    return [e for e in known if ends[e] == latest]


def _cache_file(text: bytes) -> Path:
    """Where the table built from `text` is cached ($EVENTSCOPE_CACHE, else ~/.cache/eventscope)."""
    folder = os.environ.get("EVENTSCOPE_CACHE") or Path.home() / ".cache" / "eventscope"
    digest = hashlib.sha256(text + Path(__file__).read_bytes()).hexdigest()[:20]
    return Path(folder) / f"actors-{digest}.pickle"


def _add(entries: list[Entry], entry: Entry) -> bool:
    """Append `entry` unless it is there already (an alias may normalise to the name); True if added."""
    if entry in entries:
        return False
    entries.append(entry)
    return True


def _entry(raw: dict[str, Any], kind: Literal["person", "organisation"], where: str,
           fuzzy: bool = True) -> Entry:
    if not isinstance(raw, dict) or not raw.get("name"):
        raise ValueError(f"{where}: an entry needs a name")
    where = f"{where} ({raw['name']})"
    sector = _sector(raw.get("sector"), where)
    country = _country(raw.get("country"), where)
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise ValueError(f"{where}: aliases must be a list of names")
    roles = tuple(
        Role(r["role"], r.get("country", country), _date(r.get("start"), where), _date(r.get("end"), where), r.get("to"))
        for r in raw.get("roles", [])
    )
    periods = tuple(_period(p, country, sector, f"{where}: periods[{i}]")
                    for i, p in enumerate(raw.get("periods") or []))
    return Entry(raw["name"], country, sector, kind, tuple(aliases), roles, raw.get("code"),
                 raw.get("surname"), periods, raw.get("source"), bool(raw.get("fuzzy", fuzzy)))


def _sector(value: Any, where: str) -> str | None:
    if value is not None and value not in SECTORS:
        raise ValueError(f"{where}: unknown sector {value!r}")
    return value


def _country(value: Any, where: str) -> str | None:
    if value is not None and not (isinstance(value, str) and re.fullmatch(r"[A-Z]{3}", value)):
        raise ValueError(f"{where}: country {value!r} is not an ISO 3166 alpha-3 code (or null)")
    return value


def _period(raw: Any, country: str | None, sector: str | None, where: str) -> Period:
    """{start, end, sector, country}: what differs from the entry's current state over a date range."""
    if not isinstance(raw, dict) or not ({"start", "end"} & raw.keys()) or not ({"sector", "country"} & raw.keys()):
        raise ValueError(f"{where}: a period needs a start or end date and a sector or country")
    start, end = _date(raw.get("start"), where), _date(raw.get("end"), where)
    if start and end and end <= start:
        raise ValueError(f"{where}: ends ({end}) before it starts ({start})")
    return Period(start, end, _sector(raw.get("sector", sector), where),
                  _country(raw.get("country", country), where))
