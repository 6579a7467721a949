"""Derive armed non-state groups and international organisations from PETRARCH2's actor
dictionaries (MIT licence) into eventscope's groups files.

    python scripts/derive_groups.py [PETRARCH2_DIR]   (default: $EVENTSCOPE_SHARED/reference/petrarch2)

Writes src/eventscope/data/groups/derived_armed.yaml (Phoenix.MilNonState.actors.txt) and
derived_international.yaml (the IGOs and NGOs of Phoenix.International.actors.txt). It
keeps only what it can place by the contract's rules:
- an armed group coded with one state (`COLREB`) gets that country and REB; one coded as
  international (`IMG...`, `INTREB`) gets country null; regional codes (`MEAREB`, `SASREB`)
  say too little and are left out;
- IGOs and NGOs get country null, NGOs coded with a state (`NGOUSA...`) that state; only
  entries whose name says they are an organisation (agency, council, fund...) are kept, as
  the file mixes persons with them;
- aliases made only of generic words ("Revolutionary Army"), of under three letters, or
  spelt like a country, a demonym or an entry of the hand-written tables are dropped, and
  so is an alias two derived groups share.
Entries already in actors.yaml or the hand-written groups files are skipped: those win.
The output is generated; edit the hand-written files, not it.
"""

from __future__ import annotations

import csv
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "eventscope" / "data"
sys.path.insert(0, str(ROOT / "src"))

from eventscope.actor_table import tokens

# Words that name no group on their own: an alias made only of these (and country
# names or demonyms) would tag ordinary phrases as an organisation.
GENERIC = frozenset("""
the of for and in on to a an de la del el des du le les al der die von y et
army armed forces force front movement liberation people peoples popular national
revolutionary revolution party group groups organization organisation brigade brigades
council committee union democratic democracy red black white green new united islamic
islam muslim muslims resistance struggle action cell cells commando commandos martyrs
martyr freedom justice independence independent fighters fighting guard guards command
unit units militia militias alliance federation association league society world
international central north south east west northern southern eastern western free
holy jihad mujahideen mujahedeen battalion battalions squad squads base nucleus nuclei
left right men women knights partisans nationalist nationalists proletarian star order liga
non government governmental nongovernmental
faction factions anarchist anarchists communist communists socialist socialists workers
workers' youth student students patriotic patriots defense defence self rebel rebels
guerrilla guerrillas separatist separatists secret special salvation solidarity
revolutionaries militants soldiers warriors war victory vanguard organisation
agency bank fund programme program commission institute foundation conference
court office center centre trust services service relief development human rights
""".split())  # noqa: SIM905
# An armed group's name has one of these words (the file also lists members of groups
# as records of their own: "Sheikh Ahmed Yassin", "Umar Patek").
GROUP_WORDS = frozenset("""
army armies armed forces force front movement liberation party group groups organization
organisation brigade brigades council committee union league alliance federation association
cell cells commando commandos martyrs guard guards command unit units militia militias
battalion battalions squad squads nucleus nuclei faction factions fighters mujahideen
mujahedeen mujahidin jihad jihadia jamaat jamaah jemaah jamiat jammat lashkar laskar harkat
harakat harakat-ul harkat-ul jaish jaysh jaish-e tehrik tehreek sipah hizb hezb hizbul ansar
katibat kataib tanzim taliban intifada resistance tigers nations network networks cartel gang
frente ejercito ejército comando comandos movimiento fuerzas brigadas brigate nuclei cellule
groupe armee armée revolutionaries patriots vanguard society struggle action
""".split())  # noqa: SIM905
# An IGO or NGO name has one of these words: the rest of the file is persons and firms.
ORGANISATION_WORDS = {"organization", "organisation", "agency", "bank", "fund", "programme",
                      "program", "council", "commission", "union", "association", "federation",
                      "foundation", "institute", "committee", "court", "tribunal", "league",
                      "alliance", "community", "forum", "society", "network", "watch",
                      "international", "office", "conference", "secretariat", "cooperation"}
# A name with one of these is a person or an office, not the organisation.
PERSON_WORDS = {"president", "secretary", "director", "chief", "head", "envoy", "spokesman",
                "spokeswoman", "official", "officials", "representative", "minister", "chairman",
                "ambassador", "commissioner", "coordinator", "delegate", "officer", "leader",
                "rapporteur", "resolution", "resolutions", "mr", "dr", "sheikh", "member", "members"}
# Short words kept in capitals when title-casing ("Secretariat of the UN").
ACRONYM_WORDS = {"UN", "U.N.", "EU", "AU", "US", "U.S.", "UK", "NATO", "OAS", "ICC", "WHO"}
MIN_LETTERS = 3
SOURCE_ARMED = "petrarch2:Phoenix.MilNonState.actors.txt"
SOURCE_INTERNATIONAL = "petrarch2:Phoenix.International.actors.txt"


@dataclass
class Record:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


def parse_dictionary(path: Path) -> list[Record]:
    """PETRARCH actor records: a name line, '+alias' lines, codes in [brackets] on the
    name line or on indented lines after it; '#' starts a comment."""
    records: list[Record] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        words = re.sub(r"\[[^\]]*\]", "", line).strip()
        if line[0].isspace() or not words:
            if records:
                records[-1].codes += codes
        elif words.startswith("+"):
            if records:
                records[-1].aliases.append(words[1:])
                records[-1].codes += codes
        else:
            records.append(Record(words, [], codes))
    return records


def display(phrase: str) -> tuple[str, list[str]]:
    """'ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_' -> ('Aden Abyan Islamic Army', ['AAIA'])."""
    text = re.sub(r"^(?:the|THE) |,\s*(?:the|THE)$", "", phrase.replace("_", " ").replace("+", " ").strip(" -"))
    acronyms = [a.strip() for a in re.findall(r"\(([^)]*)\)", text)]
    text = re.sub(r"\s*\([^)]*\)\s*", " ", text).strip()
    words = []
    for i, word in enumerate(text.split()):
        lower = word.lower()
        if i and lower in {"of", "the", "and", "for", "in", "on", "de", "del", "la", "el", "y", "des", "du"}:
            words.append(lower)
        elif word in ACRONYM_WORDS or (re.fullmatch(r"[A-Z]{2,5}", word) and len(text.split()) == 1):
            words.append(word)  # a lone acronym stays in capitals
        else:
            words.append(re.sub(r"[^-/]+", lambda m: _case(m.group(0), m.start()), word))
    return " ".join(words), [a for a in acronyms if re.fullmatch(r"[A-Z][A-Z0-9\-]{1,5}", a)]


def _case(part: str, start: int) -> str:
    """One part of an all-capital word: "AL" -> "al" inside a name, "DHKP" (no vowel) stays."""
    if part.upper() in {"AL", "EL"} and start:
        return part.lower()
    if not re.search(r"[AEIOUY]", part.upper()):
        return part.upper()
    return part.capitalize()


def load_countries() -> tuple[set[str], set[str]]:
    """ISO3 codes, and the lower-case keys of country names, aliases and demonyms."""
    codes, keys = set(), set()
    with open(DATA / "countries.tsv", encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            codes.add(row["iso3"])
            for column in ("name", "aliases", "demonyms", "capital"):
                keys.update(" ".join(tokens(v)) for v in row[column].split("|") if v)
    return codes, keys


def known_keys(paths: list[Path]) -> set[str]:
    keys = set()
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in [*(data.get("organisations") or []), *(data.get("persons") or [])]:
            for surface in (entry["name"], *(entry.get("aliases") or [])):
                keys.add(" ".join(tokens(surface)))
    return keys


def usable(alias: str, taken: set[str], country_keys: set[str]) -> bool:
    key = " ".join(tokens(alias))
    letters = re.sub(r"[^A-Za-z]", "", alias)
    words = key.split()
    if len(letters) < MIN_LETTERS or key in taken or key in country_keys or set(words) & PERSON_WORDS:
        return False
    if len(words) == 1 and not (alias.isupper() or "-" in alias):
        return False  # a lone word ("Tigers", "Paradise") is too often something else
    if len(words) == 2 and words[0] == "abu":
        return False  # a kunya ("Abu Musab") names a person
    return any(w not in GENERIC and w not in country_keys for w in key.split())


def armed_country(codes: list[str], iso3: set[str]) -> tuple[bool, str | None]:
    """(placeable, country) of an armed group's codes."""
    code = next((c.split()[0] for c in codes if c.strip()), "")
    if code.startswith(("IMG", "INT")):
        return True, None
    if code[3:6] == "REB" and code[:3] in iso3:
        return True, code[:3]
    return False, None


def international_sector(codes: list[str], iso3: set[str]) -> tuple[str, str | None] | None:
    """(sector, country) of an undated IGO or NGO code, or None for anything else."""
    plain = [c.split()[0] for c in codes if c.strip() and len(c.split()) == 1]
    if len(plain) != 1 or len(plain) != len([c for c in codes if c.strip()]):
        return None  # dated or several codes: a person's career
    code = plain[0]
    if code.startswith("IGO"):
        return "IGO", None
    if code.startswith("NGO"):
        return "NGO", code[3:6] if code[3:6] in iso3 else None
    return None


def convert(records: list[Record], place, source: str, taken: set[str], country_keys: set[str],
            is_organisation=lambda words: bool(words & GROUP_WORDS)) -> list[dict]:
    drafts = []
    for record in records:
        placed = place(record.codes)
        if placed is None:
            continue
        sector, country = placed
        name, acronyms = display(record.name)
        if not is_organisation(set(tokens(name))):
            continue
        surfaces = [name, *acronyms]
        for alias in record.aliases:
            shown, more = display(alias)
            surfaces += [shown, *more]
        surfaces = [s for s in dict.fromkeys(surfaces) if usable(s, taken, country_keys)]
        if surfaces:
            drafts.append({"surfaces": surfaces, "country": country, "sector": sector, "source": source})
    # a surface two derived entries share names neither of them reliably
    counts = Counter(" ".join(tokens(s)) for d in drafts for s in {" ".join(tokens(x)): x for x in d["surfaces"]}.values())
    entries, seen = [], set()
    for draft in drafts:
        surfaces = [s for s in draft["surfaces"] if counts[" ".join(tokens(s))] == 1]
        keys = {" ".join(tokens(s)) for s in surfaces}
        if not surfaces or keys & seen:
            continue
        seen |= keys
        aliases = [s for s in dict.fromkeys(surfaces[1:]) if " ".join(tokens(s)) != " ".join(tokens(surfaces[0]))
                   or s.isupper()]
        entries.append({"name": surfaces[0], "aliases": aliases, "country": draft["country"],
                        "sector": draft["sector"], "source": draft["source"]})
    taken |= seen
    return entries


HEADER = """# GENERATED by scripts/derive_groups.py from PETRARCH2's {file} (MIT licence,
# Open Event Data Alliance); do not edit: correct or add entries in the hand-written
# files of this folder, which win over these. Conventions as in ../actors.yaml; spelling
# variants are listed, so these names are not matched fuzzily.
"""


def write(path: Path, file: str, entries: list[dict]) -> None:
    body = yaml.safe_dump({"fuzzy": False, "organisations": entries}, sort_keys=False,
                          allow_unicode=True, width=110)
    path.write_text(HEADER.format(file=file) + body, encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(entries)} entries")


def main(argv: list[str]) -> None:
    shared = os.environ.get("EVENTSCOPE_SHARED", str(ROOT.parent / "shared"))
    source = Path(argv[1]) if len(argv) > 1 else Path(shared) / "reference" / "petrarch2"
    iso3, country_keys = load_countries()
    groups = DATA / "groups"
    hand_written = [DATA / "actors.yaml", *(p for p in sorted(groups.glob("*.yaml"))
                                            if not p.name.startswith("derived_"))]
    taken = known_keys(hand_written)

    def place_armed(codes: list[str]) -> tuple[str, str | None] | None:
        ok, country = armed_country(codes, iso3)
        return ("REB", country) if ok else None

    armed = convert(parse_dictionary(source / "Phoenix.MilNonState.actors.txt"), place_armed,
                    SOURCE_ARMED, taken, country_keys)
    write(groups / "derived_armed.yaml", "Phoenix.MilNonState.actors.txt", armed)
    international = convert(parse_dictionary(source / "Phoenix.International.actors.txt"),
                            lambda codes: international_sector(codes, iso3), SOURCE_INTERNATIONAL,
                            taken, country_keys, lambda words: bool(words & ORGANISATION_WORDS))
    write(groups / "derived_international.yaml", "Phoenix.International.actors.txt", international)


if __name__ == "__main__":
    main(sys.argv)
