"""Cross-check the hand-written people files against PETRARCH2's Phoenix.Countries.actors.txt
(MIT), or derive from it an optional table of older officials.

    python scripts/derive_people.py --check [PETRARCH2_DIR]
    python scripts/derive_people.py --out FILE [PETRARCH2_DIR]
    export EVENTSCOPE_ACTORS=FILE        # to use the derived table

The derived table is not packaged: its ~9,000 persons would make the first load of the actor
table take ten seconds and the cached one about a second, and feed the entity ruler ~25,000
more patterns. It suits corpora of the 1980s-2000s (PLOVER-GSR-like wire news).

The dictionary (CountryInfo, January 2014) lists, per country, heads of state and government
and cabinet ministers with the dates they were in government (`[PERGOV 850728-900728]`), but
not which office they held. A derived person therefore gets the role `official` (in government
on those dates) with the country of the code: enough to give a name its country and sector and
to tell namesakes apart by date, never an answer to `holder("president", ...)`.

Kept: persons with at least one dated government period since FROM_YEAR, in a country of
countries.tsv, whose name is not already in the packaged table (actors.yaml, groups/, the
hand-written people files: those win). Aliases keep only spellings of the name itself (no
titles such as PRESIDENT_, no single words). The derived list is not fuzzy-matched.

With --check, also print where a hand-written person's first office starts more than
TOLERANCE_DAYS away from a PETRARCH government period of the same name (to review by hand).
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventscope.actor_table import DEFAULT_PATH, GROUPS_DIR, PEOPLE_DIR, ActorTable, tokens

COUNTRIES = DEFAULT_PATH.parent / "countries.tsv"
FROM_YEAR = 1980  # older office holders are rare in the news the project reads
FILE_YEAR = 2014  # the dictionary's date: two-digit years above this are 19xx
FILE_DATE = date(2014, 1, 30)
TOLERANCE_DAYS = 62
GOV_CODE = re.compile(r"^\s*\[([A-Z]{3})GOV\s+([<>]?\d{6,8})(?:-(\d{6,8}))?\]")
TITLE_WORDS = {"PRESIDENT", "PRIME", "MINISTER", "FORMER", "SECRETARY", "KING", "QUEEN", "PRINCE", "SHEIKH",
               "GENERAL", "GEN", "MR", "MRS", "DR", "CHAIRMAN", "LEADER", "CHIEF", "DEPUTY", "ELECT",
               "PRESIDENT-ELECT", "AMBASSADOR", "SENATOR", "GOVERNOR", "COMMANDER", "PREMIER", "EMIR",
               "SULTAN", "PARTY", "FOREIGN", "DEFENSE", "DEFENCE", "VICE", "ACTING", "INTERIM", "LATE",
               "COLONEL", "COL", "MARSHAL", "ADMIRAL", "LT", "MAJOR", "CAPTAIN", "SPEAKER", "HEAD", "OF",
               "THE", "AND", "MINISTRY", "CABINET", "STATE", "SHAH", "AYATOLLAH", "MOSCOW", "COMRADE", "GOV",
               "GOVENOR", "ADMINISTRATION", "GOVERNMENT", "REGIME", "PM", "SEN", "REP", "AMB", "SEC"}


@dataclass
class Block:
    names: list[str]
    periods: list[tuple[str, date, date | None]] = field(default_factory=list)


def parse_date(text: str) -> date:
    digits = text.lstrip("<>")
    if len(digits) == 8:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    year = int(digits[:2])
    year += 2000 if year <= FILE_YEAR % 100 else 1900
    return date(year, max(1, int(digits[2:4])), max(1, int(digits[4:6])))


def blocks(path: Path) -> list[Block]:
    """TABARI blocks: consecutive name lines, then the code lines they share."""
    found: list[Block] = []
    current: Block | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] in " \t":
            match = GOV_CODE.match(line)
            if current and match:
                start_text, end_text = match.group(2), match.group(3)
                if start_text.startswith("<"):
                    continue  # "until": no start date
                start = parse_date(start_text)
                end = parse_date(end_text) if end_text else None
                if end is None or start < end:
                    current.periods.append((match.group(1), start, end))
            continue
        name = line.split("#")[0].strip().lstrip("+").split("[")[0].strip().strip("_")
        if current is None or current.periods or line.lstrip()[0] != "+" and "# CountryInfo" in line:
            current = Block([name])
            found.append(current)
        else:
            current.names.append(name)
    return found


def readable(name: str) -> str:
    words = [w for w in re.split(r"[_\s]+", name) if w]
    return " ".join(w if re.fullmatch(r"[IVX]+", w) else w.capitalize() for w in words)


def is_plain_name(name: str) -> bool:
    words = [w.strip(".") for w in re.split(r"[_\s]+", name) if w.strip(".")]
    return len(words) >= 2 and not (set(words) & TITLE_WORDS) and all(re.fullmatch(r"[A-Z.'-]+", w) for w in words)


def iso3_codes() -> set[str]:
    with COUNTRIES.open(encoding="utf-8") as stream:
        return {row["iso3"] for row in csv.DictReader(stream, delimiter="\t")}


def derive(petrarch: Path, known: ActorTable) -> list[dict]:
    countries = iso3_codes()
    taken = {" ".join(tokens(surface)) for surface, _ in known.names()}
    people: dict[str, dict] = {}
    for block in blocks(petrarch / "Phoenix.Countries.actors.txt"):
        periods = [(c, s, e) for c, s, e in block.periods if c in countries and (e or date.max).year >= FROM_YEAR]
        if not periods or not is_plain_name(block.names[0]):
            continue
        name = readable(block.names[0])
        key = " ".join(tokens(name))
        if key in taken or key in people:
            continue
        # only spellings of this name: same last word ("Boris N. Yeltsin"), not "Reagan Administration"
        aliases = sorted({readable(n) for n in block.names[1:] if is_plain_name(n)
                          and tokens(readable(n))[-1:] == tokens(name)[-1:]} - {name}, key=str.lower)
        aliases = [a for a in aliases if " ".join(tokens(a)) not in taken]
        country = Counter(c for c, _, _ in periods).most_common(1)[0][0]
        roles = [{"role": "official", "country": c, "start": s, "end": e} for c, s, e in sorted(periods, key=lambda p: p[1])]
        people[key] = {"name": name, **({"aliases": aliases} if aliases else {}), "country": country,
                       "sector": "GOV", "roles": roles, "source": "PETRARCH2 Phoenix.Countries.actors.txt (MIT)"}
    return sorted(people.values(), key=lambda p: (p["country"], p["name"]))


HEADER = """\
# Generated by scripts/derive_people.py from PETRARCH2's Phoenix.Countries.actors.txt (MIT,
# CountryInfo of January 2014): persons in government since {from_year} that the hand-written
# tables do not name. Do not edit by hand; correct or add people in the other files (they win).
# `official` = in government on those dates (the dictionary does not say which office); an open
# end means still in government in January 2014, as far as the dictionary knew.
fuzzy: false
extends: true
role_words:
  official: []
"""


def write(people: list[dict], out: Path) -> None:
    flow = [yaml.safe_dump([p], allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
            for p in people]
    out.write_text(HEADER.format(from_year=FROM_YEAR) + "persons:\n" + "".join(
        "  " + text.replace("\n  ", "\n    ").rstrip() + "\n" for text in flow), encoding="utf-8")


def check(petrarch: Path) -> None:
    """Print hand-written offices begun before the dictionary's date on a day when, by the
    dictionary, that person was not in government (within TOLERANCE_DAYS): to review by hand."""
    spans: dict[str, list[tuple[date, date]]] = {}
    for block in blocks(petrarch / "Phoenix.Countries.actors.txt"):
        for name in block.names:
            spans.setdefault(" ".join(tokens(readable(name))), []).extend(
                (s - timedelta(days=TOLERANCE_DAYS), e or date.max) for _, s, e in block.periods)
    for path in sorted(PEOPLE_DIR.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")).get("persons") or []:
            known = spans.get(" ".join(tokens(raw["name"])))
            for role in raw.get("roles") or []:
                start = role["start"]
                if known and date(1980, 1, 1) <= start < FILE_DATE and not any(s <= start < e for s, e in known):
                    print(f"{path.name}: {raw['name']}: {role['role']} from {start}; in government by PETRARCH: "
                          + ", ".join(f"{s + timedelta(days=TOLERANCE_DAYS)}..{e}" for s, e in sorted(known)))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("petrarch", nargs="?", type=Path,
                        default=Path(os.environ.get("EVENTSCOPE_SHARED", ROOT.parent / "shared"))
                        / "reference" / "petrarch2")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--check", action="store_true", help="cross-check the hand-written people files")
    action.add_argument("--out", type=Path, help="write the derived table to this YAML file")
    args = parser.parse_args(argv)
    if not (args.petrarch / "Phoenix.Countries.actors.txt").is_file():
        parser.error(f"{args.petrarch}: no Phoenix.Countries.actors.txt")
    if args.check:
        check(args.petrarch)
        return
    known = ActorTable.load_files([DEFAULT_PATH, *sorted(GROUPS_DIR.glob("*.yaml")), *sorted(PEOPLE_DIR.glob("*.yaml"))])
    people = derive(args.petrarch, known)
    write(people, args.out)
    print(f"{args.out}: {len(people)} persons")


if __name__ == "__main__":
    main(sys.argv[1:])
