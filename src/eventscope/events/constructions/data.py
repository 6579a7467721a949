"""The constructions' data: one section per construction in data/constructions.yaml."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from eventscope.datafile import read_yaml

DATA_FILE = "constructions.yaml"


class ConstructionDataError(ValueError):
    """A section of data/constructions.yaml is missing or malformed."""


@lru_cache(maxsize=1)
def _all_sections() -> dict[str, Any]:
    path = resources.files("eventscope.data").joinpath(DATA_FILE)
    data = read_yaml(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ConstructionDataError(f"{path}: expected a mapping of construction sections")
    return data


def section(name: str, required: dict[str, type]) -> dict[str, Any]:
    """The data section of construction `name`, with its `required` keys of the given types."""
    data = _all_sections().get(name)
    problems = [f"section {name!r} is missing"] if not isinstance(data, dict) else [
        f"{name}.{key} must be a {kind.__name__}" for key, kind in required.items()
        if not isinstance(data.get(key), kind)]
    if problems:
        raise ConstructionDataError(f"data/{DATA_FILE}: " + "; ".join(problems))
    return data
