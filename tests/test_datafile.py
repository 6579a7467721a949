"""The project's data files read words as words: YAML 1.1 would turn `on`, `off`, `yes`, `no`
into booleans, and a list of prepositions would silently lose "on"."""

from __future__ import annotations

from importlib import resources

from eventscope.datafile import read_yaml


def test_on_off_yes_no_are_words_and_true_false_are_booleans():
    data = read_yaml("prepositions: [at, on, off, into]\nanswers: [yes, no]\nflags: [true, False]\nn: 3")
    assert data == {"prepositions": ["at", "on", "off", "into"], "answers": ["yes", "no"],
                    "flags": [True, False], "n": 3}


def _word_lists_with_booleans(value: object, path: str) -> list[str]:
    """Paths of lists that mix words and booleans: a word the file meant, read as a boolean."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _word_lists_with_booleans(item, f"{path}/{key}")]
    if isinstance(value, list):
        mixed = any(isinstance(i, bool) for i in value) and any(isinstance(i, str) for i in value)
        return ([path] if mixed else []) + [p for item in value for p in _word_lists_with_booleans(item, path)]
    return []


def test_no_data_file_has_a_word_read_as_a_boolean():
    data_dir = resources.files("eventscope.data")
    files = [f for f in data_dir.iterdir() if f.name.endswith(".yaml")]
    assert len(files) > 10
    problems = [p for f in files for p in _word_lists_with_booleans(read_yaml(f.read_text(encoding="utf-8")), f.name)]
    assert problems == []
