"""The matching rules of the contract ("How it is scored" in shared/spec/EVENTS.md).

Predicted events are paired one to one with gold events of the same document that have
the same type and the same evidence sentence; each pair is then checked for its parties,
date and place. Quotes are paired by their text. Where gold leaves a field null, any
prediction is accepted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from eventscope.records import UNORDERED_TYPES, Actor, Event, Location, Quote

# Typographic quotes are written as plain ones before texts are compared.
_PLAIN_QUOTES = str.maketrans({**{c: '"' for c in "“”„‟«»"}, **{c: "'" for c in "‘’‚‛"}})
_WORD = re.compile(r"\w+")
# A "sentence" with fewer than this share of the other's words is a fragment: no match.
FRAGMENT_SHARE = 0.4
# Sentences cut at different boundaries still match when they share this share of the words
# of the shorter one.
OVERLAP_SHARE = 0.6
# Names spelt this much alike (difflib ratio) are the same name ("Yevimov" / "Yefimov").
SPELLING_SIMILARITY = 0.8
# Words a name key leaves out: the Arabic article, titles, and the stray letters of
# "H.E." (the honorific); the reference scorer ignores the same ones.
_NAME_NOISE = frozenset({"al", "el", "mr", "mrs", "ms", "dr", "he", "h", "e", "president",
                         "minister"})
_ARTICLE_PREFIX = re.compile(r"(?:al|el)-")


def normalise(text: str | None) -> str:
    """Text as compared: NFKC, plain quotes, lower case, single spaces."""
    text = unicodedata.normalize("NFKC", text or "").translate(_PLAIN_QUOTES).lower()
    return " ".join(text.split())


def word_set(text: str) -> set[str]:
    return set(_WORD.findall(normalise(text)))


def same_sentence(gold: str | None, predicted: str | None) -> bool:
    """Is `predicted` the same evidence sentence as `gold`, whatever the boundaries?

    One must contain the other or share most of its words; a fragment much shorter than
    the other never matches, so a one-word "sentence" cannot hit every gold event.
    """
    gold_text, predicted_text = normalise(gold), normalise(predicted)
    if not gold_text or not predicted_text:
        return False
    gold_words, predicted_words = word_set(gold_text), word_set(predicted_text)
    shorter, longer = sorted((len(gold_words), len(predicted_words)))
    if shorter < FRAGMENT_SHARE * longer:
        return False
    if gold_text in predicted_text or predicted_text in gold_text:
        return True
    return len(gold_words & predicted_words) / max(1, shorter) >= OVERLAP_SHARE


def name_key(name: str) -> list[str]:
    """The words of a name that identify it: no titles, no 'al-' or 'el-'."""
    words = _WORD.findall(_ARTICLE_PREFIX.sub(" ", normalise(name)))
    return [word for word in words if word not in _NAME_NOISE]


def same_name(gold: str, predicted: str) -> bool:
    """Same person, place or organisation?

    The same last word, and the same first initial where both give more than one word
    ("Assad" is "Bashar al-Assad" but "Hafez al-Assad" is not), or nearly the same spelling.
    """
    gold_key, predicted_key = name_key(gold), name_key(predicted)
    if not gold_key or not predicted_key:
        return False
    if gold_key[-1] == predicted_key[-1]:
        one_word = len(gold_key) == 1 or len(predicted_key) == 1
        if one_word or gold_key[0][0] == predicted_key[0][0]:
            return True
    similarity = SequenceMatcher(None, " ".join(gold_key), " ".join(predicted_key)).ratio()
    return similarity >= SPELLING_SIMILARITY


def actor_matches(gold: Actor | None, predicted: Actor | None, *, by_name: bool) -> bool:
    """Does `predicted` satisfy what gold says of the actor?

    Gold's country decides; where gold gives none, its sector; with `by_name`, also gold's
    name when it has one. A null gold actor accepts anything.
    """
    if gold is None:
        return True
    if predicted is None:
        return False
    if gold.country:
        if (predicted.country or "").upper() != gold.country.upper():
            return False
    elif gold.sector and predicted.sector != gold.sector:
        return False
    if by_name and gold.name:
        return bool(predicted.name) and same_name(gold.name, predicted.name)
    return True


def dyad_matches(gold: Event, predicted: Event, *, by_name: bool) -> bool:
    """Source and target both right; either way round for CONSULT, COOPERATE and AGREE."""
    def parties(source: Actor | None, target: Actor | None) -> bool:
        return (actor_matches(gold.source, source, by_name=by_name)
                and actor_matches(gold.target, target, by_name=by_name))

    if parties(predicted.source, predicted.target):
        return True
    return gold.type in UNORDERED_TYPES and parties(predicted.target, predicted.source)


def date_matches(gold: Event, predicted: Event) -> bool:
    """Right up to gold's precision: gold '2018-05' accepts '2018-05-22'; null gold accepts all."""
    return not gold.date or (predicted.date or "").startswith(gold.date)


def place_matches(gold: Event, predicted: Event) -> bool:
    """The same place name as gold's; a gold event with no place accepts any."""
    if not _place_name(gold.location):
        return True
    predicted_name = _place_name(predicted.location)
    return bool(predicted_name) and same_name(_place_name(gold.location), predicted_name)


def _place_name(location: Location | None) -> str:
    return location.name if location and location.name else ""


def full_match(gold: Event, predicted: Event) -> bool:
    """Parties with their names, date and place all right (the `full` level)."""
    return (dyad_matches(gold, predicted, by_name=False)
            and dyad_matches(gold, predicted, by_name=True)
            and date_matches(gold, predicted) and place_matches(gold, predicted))


@dataclass(frozen=True)
class Pair:
    """A gold event and the predicted event matched to it, by their indexes."""

    gold: int
    predicted: int


def _agreement(gold: Event, predicted: Event) -> int:
    """How well a candidate pair agrees beyond type and sentence, to pair the best first:
    named parties weigh most, then parties, then date and place."""
    return (4 * dyad_matches(gold, predicted, by_name=True)
            + 2 * dyad_matches(gold, predicted, by_name=False)
            + date_matches(gold, predicted) + place_matches(gold, predicted))


def match_events(gold: list[Event], predicted: list[Event]) -> list[Pair]:
    """One-to-one pairs with the same type and sentence, the best-agreeing pairs taken first
    (ties go to the earlier gold event, then the earlier prediction)."""
    candidates = sorted(
        (-_agreement(g, p), i, j)
        for i, g in enumerate(gold) for j, p in enumerate(predicted)
        if g.type == p.type and same_sentence(g.sentence, p.sentence)
    )
    pairs: list[Pair] = []
    taken_gold: set[int] = set()
    taken_predicted: set[int] = set()
    for _, i, j in candidates:
        if i not in taken_gold and j not in taken_predicted:
            taken_gold.add(i)
            taken_predicted.add(j)
            pairs.append(Pair(i, j))
    return pairs


def match_quotes(gold: list[Quote], predicted: list[Quote]) -> list[Pair]:
    """Each gold quote, in order, takes the first unused predicted quote of the same text."""
    pairs: list[Pair] = []
    taken: set[int] = set()
    for i, quote in enumerate(gold):
        j = next((j for j, other in enumerate(predicted)
                  if j not in taken and same_sentence(quote.text, other.text)), None)
        if j is not None:
            taken.add(j)
            pairs.append(Pair(i, j))
    return pairs
