"""Reading the project's YAML data files, where words are words.

YAML 1.1, which PyYAML follows, reads a bare `on`, `off`, `yes` or `no` as a boolean, so a list
of prepositions `[at, on, into]` silently held True instead of "on". Data files here are read
with YAML 1.2's booleans: only `true` and `false` (any case) are booleans.
"""

from __future__ import annotations

import re

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class WordsLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader whose booleans are only true/false."""


WordsLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
WordsLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def read_yaml(text: str) -> object:
    """The data of one YAML document, with `on`, `off`, `yes`, `no` read as words."""
    return yaml.load(text, Loader=WordsLoader)
