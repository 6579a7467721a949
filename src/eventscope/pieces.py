"""Cutting a long text into pieces that spaCy parses one at a time.

spaCy refuses texts over `nlp.max_length` (1,000,000 characters), and its memory and some
of its steps grow faster than the text. A long text is therefore parsed in pieces of at
most `MAX_PIECE_CHARS` characters, cut where a line ends (a paragraph: eventscope ends a
sentence there anyway), else where a sentence seems to end, else at a space, and never
inside a quotation that runs over paragraphs when it can be helped.

Each piece is parsed with a little of the text around it (`CONTEXT_CHARS` on each side):
the model reads a few words either side of each word, so the words next to a cut get the
same tags, parse and entities as in the uncut text. Only the piece's own part (its core)
is read; the context is there for the model.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

MAX_PIECE_CHARS = 100_000
CONTEXT_CHARS = 400

_LINE_START = re.compile(r"\n\s*(?=\S)")
_SENTENCE_START = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD_START = re.compile(r"\s+(?=\S)")


@dataclass(frozen=True)
class Piece:
    """Offsets in the cut text: `start:end` is parsed, `core_start:core_end` is read."""

    start: int
    end: int
    core_start: int
    core_end: int


def cut(text: str, max_chars: int = MAX_PIECE_CHARS, *,
        keep_together: Sequence[tuple[int, int]] = (), context: int = CONTEXT_CHARS) -> list[Piece]:
    """Pieces covering `text` whose cores are at most `max_chars` long (one piece when the
    text is that short). `keep_together`: sorted, disjoint (start, end) spans not to cut."""
    if len(text) <= max_chars:
        return [Piece(0, len(text), 0, len(text))]
    cuts = _Cuts(text, keep_together)
    bounds = [0]
    while len(text) - bounds[-1] > max_chars:
        bounds.append(cuts.last_before(bounds[-1], bounds[-1] + max_chars))
    bounds.append(len(text))
    return [Piece(_context_start(text, a, context), _context_end(text, b, context), a, b)
            for a, b in pairwise(bounds)]


class _Cuts:
    """Where a piece may end, best kinds first: line starts, sentence starts, word starts."""

    def __init__(self, text: str, keep_together: Sequence[tuple[int, int]]):
        self.kinds = [[m.end() for m in pattern.finditer(text)]
                      for pattern in (_LINE_START, _SENTENCE_START, _WORD_START)]
        self.spans = sorted(keep_together)
        self.span_starts = [s for s, _ in self.spans]

    def last_before(self, start: int, limit: int) -> int:
        """The best place to cut after `start`, at most `limit`; `limit` if there is none."""
        for strict in (True, False):  # a quotation is cut only when nothing else can be
            for positions in self.kinds:
                index = bisect_right(positions, limit) - 1
                while index >= 0 and positions[index] > start:
                    if not (strict and self._inside_kept(positions[index])):
                        return positions[index]
                    index -= 1
        return limit

    def _inside_kept(self, position: int) -> bool:
        index = bisect_left(self.span_starts, position) - 1
        return index >= 0 and position <= self.spans[index][1]


def _context_start(text: str, core_start: int, context: int) -> int:
    """Up to `context` characters before the core, starting at a word."""
    if core_start == 0:
        return 0
    found = _WORD_START.search(text, max(0, core_start - context), core_start)
    return found.end() if found and found.end() < core_start else core_start


def _context_end(text: str, core_end: int, context: int) -> int:
    """Up to `context` characters after the core, ending before a space."""
    if core_end >= len(text):
        return len(text)
    window = text[core_end:core_end + context]
    spaces = [m.start() for m in re.finditer(r"\s", window)]
    return core_end + spaces[-1] if spaces and core_end + context < len(text) else core_end + len(window)
