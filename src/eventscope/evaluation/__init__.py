"""Scoring eventscope against gold files: `eventscope evaluate` (docs/evaluate.md).

- `matching`: the contract's matching rules (shared/spec/EVENTS.md, "How it is scored");
- `scoring`: per-article tallies, the figures, bootstrap intervals over articles;
- `inputs`: reading gold files, and predictions read or extracted;
- `report`: tables, misses and comparisons as text or JSON;
- `command`: the click command.
"""

from eventscope.evaluation.scoring import Evaluation, evaluate

__all__ = ["Evaluation", "evaluate"]
