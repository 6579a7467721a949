"""The extractor against the seeds' gold events.

FLOORS are issue #2's acceptance figures: type 0.90, dyad 0.85, full 0.80 and
quotes 0.90 (reached: 0.904, 0.863, 0.836, 1.000).

Runs the CLI as a user would, then the project-independent scorer
(shared/tools/score.py) on its output.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

EVENTSCOPE = Path(sys.executable).with_name("eventscope")  # the installed console script

FLOORS = {
    ("events", "type"): 0.90,
    ("events", "dyad"): 0.85,
    ("events", "full"): 0.80,
    ("quotes", None): 0.90,
}



@pytest.fixture(scope="module")
def seed_scores(shared_dir: Path, seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    predictions = tmp_path_factory.mktemp("seeds") / "pred.jsonl"
    extract = subprocess.run(
        [str(EVENTSCOPE), "extract", str(seeds_dir), "--out", str(predictions)],
        capture_output=True, text=True, check=False,
    )
    assert extract.returncode == 0, extract.stderr
    score = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), str(seeds_dir / "gold"), str(predictions),
         "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(score.stdout)


@pytest.mark.parametrize(("section", "level"), list(FLOORS), ids=lambda part: str(part))
def test_seed_f1_reaches_floor(seed_scores: dict, section: str, level: str | None):
    figures = seed_scores[section][level] if level else seed_scores[section]
    floor = FLOORS[(section, level)]
    assert figures["f1"] >= floor, (
        f"{section} {level or ''} F1 {figures['f1']:.3f} < {floor} "
        f"(P {figures['precision']:.3f}, R {figures['recall']:.3f}, "
        f"tp {figures['tp']}, pred {figures['pred']}, gold {figures['gold']})"
    )
