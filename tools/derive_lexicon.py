"""Print candidate wordings per CAMEO event code, to help curate data/lexicon.yaml.

Reads the reference files (never copied into the project):
  reference/CAMEO2PLOVER-2021.txt           which CAMEO codes map to which PLOVER type
  reference/CAMEO.Manual.1.1b3.no-examples.txt  each code's name, description and usage notes
  reference/petrarch2/CAMEO.2.0.txt          PETRARCH2's verb blocks and object patterns (MIT)
and the project's own lexicon and override table, and prints, for each code, its PLOVER type
(after overrides), what the codebook says, PETRARCH2's verbs and patterns for it, and the
lexicon entries that already cite it. The curated lexicon.yaml stays the source of truth: this
only lists candidates (PETRARCH2's synonym sets are noisy WordNet sets).

    python tools/derive_lexicon.py [CODE_PREFIX ...] [--missing] [--shared DIR]

--missing prints only the codes the coverage test would fail (fewer than three wordings).
The shared directory is $EVENTSCOPE_SHARED, else ../shared next to the repository.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventscope.lexicon import Lexicon, cameo_coverage, cameo_plover, counted_code

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
CODE = re.compile(r"\[(\d{2,4})(?::\d*)?\]")


@dataclass
class Verbs:
    """One PETRARCH2 verb block: its synonyms (verb -> code) and patterns (text, code)."""

    name: str
    code: str | None
    synonyms: dict[str, str | None] = field(default_factory=dict)
    patterns: list[tuple[str, str]] = field(default_factory=list)


def shared_dir(given: str | None) -> Path:
    if given:
        return Path(given)
    if os.environ.get("EVENTSCOPE_SHARED"):
        return Path(os.environ["EVENTSCOPE_SHARED"])
    return Path(__file__).resolve().parents[2] / "shared"


def manual_entries(path: Path) -> dict[str, str]:
    """Code -> "Name. Description. Usage notes" from the codebook text."""
    entries: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^CAMEO\s+(\d{2,4})\s*$", line)
        if match:
            current = entries.setdefault(match.group(1), [])
            continue
        if current is None:
            continue
        if re.match(r"^\d+(\.\d+)*\s+[A-Z]", line):  # a section heading ends the entry
            current = None
            continue
        text = re.sub(r"^(Name|Description|Usage Notes)\s+", lambda m: f"[{m.group(1)}] ", line.strip())
        current.append(text)
    return {code: " ".join(lines) for code, lines in entries.items()}


def petrarch_blocks(path: Path) -> list[Verbs]:
    blocks: list[Verbs] = []
    in_verbs = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs or not line.strip():
            continue
        match = BLOCK.match(raw)
        if match:
            code = match.group(2) if match.group(2).isdigit() else None
            blocks.append(Verbs(match.group(1).lower(), code))
        elif line.startswith("-") and blocks:
            code = CODE.search(line)
            if code:
                text = CODE.sub("", line[1:]).strip().lower()
                blocks[-1].patterns.append((re.sub(r"\s+", " ", text), code.group(1)))
        elif blocks:
            word = line.split()[0].lstrip("+").lower().replace("_", " ")
            code = CODE.search(line)
            blocks[-1].synonyms[word] = code.group(1) if code else None
    return blocks


def by_code(blocks: list[Verbs]) -> dict[str, dict[str, set[str]]]:
    """Code -> {"verbs": {...}, "patterns": {...}} over all blocks."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"verbs": set(), "patterns": set()})
    for block in blocks:
        for verb, code in block.synonyms.items():
            if code or block.code:
                out[code or block.code]["verbs"].add(verb)
        for text, code in block.patterns:
            out[code]["patterns"].add(f"{block.name} {text}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prefixes", nargs="*", help="only codes starting with these")
    parser.add_argument("--missing", action="store_true", help="only codes with < 3 wordings")
    parser.add_argument("--shared", help="the shared directory holding reference/")
    args = parser.parse_args(argv)
    reference = shared_dir(args.shared) / "reference"
    if not reference.is_dir():
        parser.error(f"{reference}: no reference directory (set EVENTSCOPE_SHARED or --shared)")
    manual = manual_entries(reference / "CAMEO.Manual.1.1b3.no-examples.txt")
    petrarch = by_code(petrarch_blocks(reference / "petrarch2" / "CAMEO.2.0.txt"))
    coverage = cameo_coverage(Lexicon.load())
    for code, plover in sorted(cameo_plover().items()):
        if args.prefixes and not code.startswith(tuple(args.prefixes)):
            continue
        counted = counted_code(code)
        wordings = coverage[counted]
        if args.missing and (code != counted or len(wordings) >= 3):
            continue
        print(f"=== {code} -> {plover}   ({len(wordings)} wordings counted at {counted})")
        print(f"  manual:    {manual.get(code, '(not in the manual)')}")
        print(f"  lexicon:   {', '.join(sorted(wordings)) or '-'}")
        print(f"  petrarch verbs:    {', '.join(sorted(petrarch[code]['verbs'])) or '-'}")
        print(f"  petrarch patterns: {'; '.join(sorted(petrarch[code]['patterns'])) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
