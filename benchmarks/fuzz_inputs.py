"""Odd inputs through `eventscope extract` (and `ingest`): does any crash, hang or go unnamed?

    python benchmarks/fuzz_inputs.py --count 120 --seed 13 --timeout 90
    PYTHONPATH=/work/main/src python benchmarks/fuzz_inputs.py ...   # another tree's code
    python benchmarks/fuzz_inputs.py --ingest                          # also `eventscope ingest`

A seeded generator writes inputs of many kinds (binary, empty, bad and odd encodings, deep
JSON, huge numbers, lone surrogates, NULs, giant lines, deep HTML, noncharacters, weird
file names, odd metadata, texts that repeat) and runs the command on them in batches. A
run is healthy when its exit status is 0 or 1, every stderr line is
`eventscope: PATH...` for one of its inputs, and every input is accounted for: each file,
or each JSONL line, gives one document or one named error line. An unhealthy batch is
halved until the inputs to blame are found, so each one is run alone:

    crash   a traceback, an exit status other than 0/1, a message naming no input, or a
            document or error line missing (the run lost it)
    hang    no answer within the per-run timeout

Large inputs are always run alone, so the slowest input is timed by itself (model
loading included). Prints the counts and the inputs to blame.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# The console script of this interpreter's environment; PYTHONPATH picks the code it runs.
EVENTSCOPE = [str(Path(sys.executable).with_name("eventscope"))]
# What a one-line error message escapes in a file name.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
SENTENCES = [
    "Russian Foreign Minister Sergey Lavrov met his Turkish counterpart in Ankara on Tuesday.",
    "Egypt condemned the air strike on the Rafah crossing, the ministry said.",
    "The two presidents agreed to reopen the border next month.",
    "Protesters gathered outside the parliament in Beirut on Friday.",
    "Iran accused Israel of attacking its consulate in Damascus last week.",
]


@dataclass
class Input:
    kind: str
    path: Path
    units: int  # documents or error lines it must give: one per file, or per JSONL line
    large: bool = False


@dataclass
class Outcome:
    inputs: int = 0
    units: int = 0
    runs: int = 0
    crashes: list[tuple[str, str]] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")
    seconds: float = 0.0


# ---------------------------------------------------------------- the generator

def _text(rng: random.Random, sentences: int = 3) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def _html(body: str, head: str = "<title>Talks</title>") -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def _jsonl(*records: object) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def _deep_json(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth + b"\n"


def _odd_date(rng: random.Random) -> str:
    return rng.choice(["2018-07", "2018", "9999-12-31", "0001-01-01", "2018-13-45", "yesterday",
                       "2018-02-30", "1" * 40, "", " ", "2018-07-26T25:61:00Z", "１９９９年"])


# Each maker: (rng, index) -> (file name, bytes, units, large)
Maker = Callable[[random.Random, int], tuple[str, bytes, int, bool]]
KINDS: dict[str, Maker] = {
    "plain": lambda r, i: (f"plain{i}.txt", _text(r).encode(), 1, False),
    "empty": lambda r, i: (f"empty{i}.txt", r.choice([b"", b" \n\t", b"\xef\xbb\xbf"]), 1, False),
    "binary": lambda r, i: (f"bin{i}.txt", r.randbytes(r.randint(1, 3000)) + b"\0", 1, False),
    "noise": lambda r, i: (f"noise{i}.txt", bytes(r.randint(0x80, 0xFF) for _ in range(300)), 1,
                           False),
    "cp1252": lambda r, i: (f"cp1252-{i}.txt",
                            (_text(r) + " Café, “déjà vu” — naïve.").encode("cp1252"), 1, False),
    "cp1251": lambda r, i: (f"cp1251-{i}.txt",
                            "Путин встретился с Асадом в Москве.".encode("cp1251"), 1, False),
    "bom": lambda r, i: (f"bom{i}.txt", ("\ufeff" + _text(r)).encode(
        r.choice(["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]))
        if r.random() < 0.8 else codecs.BOM_UTF32_LE, 1, False),
    "truncated-utf8": lambda r, i: (f"trunc{i}.txt", ("Talks in Zürich " * 5).encode()[:-1]
                                    + "é".encode()[:1], 1, False),
    "controls": lambda r, i: (f"ctrl{i}.txt", (_text(r) + " \x0b\x1b[31m\x7f\x85\u2028"
                                               "\u200b\ufeff\ufffe").encode("utf-8",
                                                                            "surrogatepass"), 1,
                              False),
    "jsonl-good": lambda r, i: (f"good{i}.jsonl", _jsonl(
        *({"id": f"g{i}-{n}", "text": _text(r), "title": "T", "publication_date": "2021-05-04"}
          for n in range(3))), 3, False),
    "jsonl-deep": lambda r, i: (f"deep{i}.jsonl", _jsonl({"id": f"d{i}", "text": _text(r)})
                                + _deep_json(r.choice([1_000, 10_000, 100_000]))
                                + _jsonl({"id": f"d{i}b", "text": _text(r)}), 3, True),
    "jsonl-bignum": lambda r, i: (f"bignum{i}.jsonl", _jsonl({"id": f"n{i}", "text": _text(r)})
                                  + r.choice([b'{"text": ' + b"9" * 5000 + b"}\n",
                                              b'{"id": "big", "text": "Talks.", "n": '
                                              + b"1" * 10000 + b"}\n",
                                              b'{"text": "Talks.", "x": 1e999999}\n'])
                                  + _jsonl({"id": f"n{i}b", "text": _text(r)}), 3, False),
    "jsonl-surrogate": lambda r, i: (f"sur{i}.jsonl", _jsonl({"id": f"s{i}", "text": _text(r)})
                                     + b'{"id": "s' + str(i).encode() + b'x", "text": "Lavrov '
                                     b'\\ud800 met \\udfff Fidan.", "title": "\\udbff"}\n'
                                     + _jsonl({"id": f"s{i}b", "text": _text(r)}), 3, False),
    "jsonl-nul": lambda r, i: (f"nul{i}.jsonl", _jsonl(
        {"id": f"z{i}\u0000", "text": _text(r) + "\u0000 more", "title": "\u0000",
         "source": "Wire\u0000"}), 1, False),
    "jsonl-broken": lambda r, i: (f"broken{i}.jsonl", _jsonl({"text": _text(r)})[:-r.randint(2, 20)]
                                  + b"\n" + _jsonl({"id": f"b{i}", "text": _text(r)}), 2, False),
    "jsonl-types": lambda r, i: (f"types{i}.jsonl", _jsonl(
        {"text": r.choice([1, [], {}, True, None, 1.5])}, {"id": [1], "text": "x"},
        {"html": 3}, [1, 2], "text", None), 6, False),
    "jsonl-dates": lambda r, i: (f"dates{i}.jsonl", _jsonl(
        *({"id": f"t{i}-{n}", "text": "Lavrov met Fidan yesterday. They will meet next year.",
           "publication_date": _odd_date(r)} for n in range(4))), 4, False),
    "jsonl-giant": lambda r, i: (f"giant{i}.jsonl", _jsonl(
        {"id": f"big{i}", "text": "x" * 1_000_050}, {"id": f"after{i}", "text": _text(r)}), 2,
        True),
    "html-good": lambda r, i: (f"page{i}.html", _html(f"<p>{_text(r)}</p><p>{_text(r)}</p>")
                               .encode(), 1, False),
    "html-nonchar": lambda r, i: (f"nonchar{i}.html", _html(
        f"<p>{_text(r)} {r.choice(['&#xFFFE;', '&#xFFFF;', '&#0;', '&#xD800;', '&#x110000;'])}"
        f"</p><p>{_text(r)}</p>").encode(), 1, False),
    "html-deep": lambda r, i: (f"deep{i}.html", _html(
        "<div>" * (n := r.choice([300, 3_000, 30_000])) + f"<p>{_text(r)}</p>" + "</div>" * n)
        .encode(), 1, True),
    "html-no-body": lambda r, i: (f"nobody{i}.html", r.choice(
        [b"<html></html>", b"<nav>Home</nav>", b"<<<>>>", b"<html><body><script>x</script>"]), 1,
        False),
    "html-broken": lambda r, i: (f"broken{i}.html", ("<p>" + _text(r) + "<div><table><td>"
                                                     "<b><i>" * 50).encode(), 1, False),
    "odd-name": lambda r, i: (r.choice([f"new\nline{i}.txt", f"tab\tand space {i}.txt",
                                        f"ünïcødé-{i}.txt", "x" * 200 + f"{i}.txt",
                                        f"carriage\r{i}.txt", f"-dash{i}.txt"]),
                              _text(r).encode(), 1, False),
    "repeats": lambda r, i: (f"repeat{i}.txt", ("Putin met Assad. " * r.choice([100, 300]))
                             .encode(), 1, True),
    "quotes": lambda r, i: (f"quotes{i}.txt", ('"' * 2000 + _text(r)).encode(), 1, True),
    "no-stops": lambda r, i: (f"nostop{i}.txt", " ".join(
        r.choice(["Putin", "Assad", "met", "and", "the", "minister", "said"])
        for _ in range(2000)).encode(), 1, True),
}


def generate(folder: Path, count: int, seed: int) -> list[Input]:
    rng = random.Random(seed)
    kinds = sorted(KINDS)
    inputs = []
    for index in range(count):
        kind = kinds[index % len(kinds)] if index < len(kinds) else rng.choice(kinds)
        name, data, units, large = KINDS[kind](rng, index)
        path = folder / name
        path.write_bytes(data)
        inputs.append(Input(kind, path, units, large))
    return inputs


# ---------------------------------------------------------------- running

def _shown(path: Path | str) -> str:
    """A path as a one-line error message shows it (line breaks escaped)."""
    return _UNPRINTABLE.sub(
        lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"),
        str(path))


def run(command: str, inputs: list[Input], work: Path, timeout: float) -> tuple[str, float]:
    """One run over `inputs`: 'ok', 'hang' or the reason it crashed; and its wall time."""
    out = work / "out.jsonl"
    db = work / "fuzz.duckdb"
    for leftover in (out, db, db.with_name(db.name + ".wal")):  # each run starts afresh
        leftover.unlink(missing_ok=True)
    args = [*EVENTSCOPE, command, *(str(i.path) for i in inputs), "--workers", "1", "-q"]
    args += ["--out", str(out)] if command == "extract" else ["--db", str(db)]
    started = time.monotonic()
    try:
        done = subprocess.run(args, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return "hang", time.monotonic() - started
    elapsed = time.monotonic() - started
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode not in (0, 1):
        return f"exit status {done.returncode}: {_last_line(stderr)}", elapsed
    if "Traceback" in stderr:
        return f"traceback: {_last_line(stderr)}", elapsed
    names = [_shown(i.path) for i in inputs]
    named = [line for line in stderr.splitlines()
             if any(line.startswith(f"eventscope: {name}") for name in names)]
    unnamed = [line for line in stderr.splitlines() if line.strip() and line not in named
               and not _is_summary(line)]
    if unnamed:
        return f"unnamed message: {unnamed[0][:160]}", elapsed
    documents = _stored(command, out, db)
    expected = sum(i.units for i in inputs)
    if documents + len(named) < expected:
        return f"lost {expected - documents - len(named)} of {expected} results", elapsed
    return "ok", elapsed


def _is_summary(line: str) -> bool:
    return line.startswith("eventscope: ") and (" stored (" in line or "other stored" in line)


def _stored(command: str, out: Path, db: Path) -> int:
    if command == "extract":
        return len(out.read_bytes().splitlines()) if out.exists() else 0
    if not db.exists():
        return 0
    import duckdb

    with duckdb.connect(str(db)) as connection:
        count = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    return count


def _last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1][:160] if lines else "(no message)"


def blame(command: str, batch: list[Input], work: Path, timeout: float, outcome: Outcome) -> None:
    """Run a batch; when unhealthy, halve it until each input to blame has run alone."""
    verdict, elapsed = run(command, batch, work, timeout)
    outcome.runs += 1
    if len(batch) == 1:
        label = f"{batch[0].kind}: {_shown(batch[0].path.name)}"
        outcome.slowest = max(outcome.slowest, (elapsed, label))
    if verdict == "ok":
        return
    if len(batch) > 1:
        half = len(batch) // 2
        blame(command, batch[:half], work, timeout, outcome)
        blame(command, batch[half:], work, timeout, outcome)
        return
    name = f"{batch[0].kind}: {_shown(batch[0].path.name)}"
    if verdict == "hang":
        outcome.hangs.append(name)
    else:
        outcome.crashes.append((name, verdict))


def fuzz(command: str, inputs: list[Input], batch_size: int, timeout: float) -> Outcome:
    outcome = Outcome(inputs=len(inputs), units=sum(i.units for i in inputs))
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="eventscope-fuzz-run-") as work:
        small = [i for i in inputs if not i.large]
        batches = [[i] for i in inputs if i.large]
        batches += [small[n:n + batch_size] for n in range(0, len(small), batch_size)]
        for batch in batches:
            blame(command, batch, Path(work), timeout, outcome)
    outcome.seconds = time.monotonic() - started
    return outcome


def report(command: str, outcome: Outcome) -> None:
    print(f"eventscope {command}: {outcome.inputs} inputs ({outcome.units} documents or lines), "
          f"{outcome.runs} runs, {outcome.seconds:.0f} s")
    print(f"  crashes: {len(outcome.crashes)}   hangs: {len(outcome.hangs)}   "
          f"slowest input alone: {outcome.slowest[0]:.1f} s ({outcome.slowest[1]})")
    for kind, count in sorted(Counter(name.split(":")[0] for name, _ in outcome.crashes).items()):
        print(f"  crash kind {kind}: {count}")
    for name, verdict in outcome.crashes:
        print(f"    {name}: {verdict}")
    for name in outcome.hangs:
        print(f"    hang {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=120, help="inputs to generate")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--timeout", type=float, default=90, help="seconds per run")
    parser.add_argument("--batch", type=int, default=20, help="small inputs per run")
    parser.add_argument("--ingest", action="store_true", help="also run `eventscope ingest`")
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    options = parser.parse_args()
    folder = options.keep or Path(tempfile.mkdtemp(prefix="eventscope-fuzz-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        inputs = generate(folder, options.count, options.seed)
        print(f"code: {os.environ.get('PYTHONPATH') or 'installed eventscope'}; seed "
              f"{options.seed}; kinds: {', '.join(sorted(Counter(i.kind for i in inputs)))}")
        for command in ("extract", "ingest") if options.ingest else ("extract",):
            report(command, fuzz(command, inputs, options.batch, options.timeout))
    finally:
        if options.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
