"""Cutting long texts into pieces (eventscope.pieces) and the indexes that keep reading them
linear: the document's people, and the speakers of its quotations."""

from __future__ import annotations

import random
from itertools import pairwise

from eventscope.actors import PersonMemory, _close, _surname_key
from eventscope.pieces import cut
from eventscope.quotes import QuoteSpan, QuoteSpeakers, quote_groups
from eventscope.records import Actor


def paragraphs(count: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    words = ["the", "minister", "said", "talks", "would", "resume", "in", "Geneva", "soon"]
    return "\n\n".join(
        ". ".join(" ".join(rng.choice(words) for _ in range(rng.randint(4, 14))).capitalize()
                  for _ in range(rng.randint(1, 5))) + "." for _ in range(count))


def assert_tiles(text: str, pieces, max_chars: int) -> None:
    """Cores follow one another over the whole text, each within its parsed span."""
    assert pieces[0].core_start == 0 and pieces[-1].core_end == len(text)
    for before, after in pairwise(pieces):
        assert before.core_end == after.core_start
    for piece in pieces:
        assert 0 < piece.core_end - piece.core_start <= max_chars
        assert piece.start <= piece.core_start and piece.core_end <= piece.end


def test_a_short_text_is_one_piece():
    text = paragraphs(3)
    assert [(p.start, p.end, p.core_start, p.core_end) for p in cut(text, 10_000)] == [(0, len(text), 0, len(text))]


def test_pieces_start_at_paragraphs_when_they_can():
    text = paragraphs(200)
    pieces = cut(text, 2_000)
    assert len(pieces) > 5
    assert_tiles(text, pieces, 2_000)
    for piece in pieces[1:]:
        assert text[piece.core_start - 2:piece.core_start] == "\n\n", piece


def test_a_paragraph_longer_than_a_piece_is_cut_between_sentences_else_words():
    sentences = "The talks went on for hours. " * 400
    pieces = cut(sentences, 1_000)
    assert_tiles(sentences, pieces, 1_000)
    assert all(sentences[p.core_start - 2:p.core_start] == ". " for p in pieces[1:])
    words = "talks " * 1_000
    pieces = cut(words, 1_000)
    assert_tiles(words, pieces, 1_000)
    assert all(words[p.core_start - 1] == " " and words[p.core_start] == "t" for p in pieces[1:])
    solid = "x" * 2_500  # no space at all: cut anyway
    assert_tiles(solid, cut(solid, 1_000), 1_000)


def test_a_quotation_over_paragraphs_is_not_cut_when_it_can_be_helped():
    text = paragraphs(200)
    breaks = [i for i in range(len(text)) if text.startswith("\n\n", i)]
    kept = [(breaks[10], breaks[14]), (breaks[40], breaks[43])]
    pieces = cut(text, 3_000, keep_together=kept)
    assert_tiles(text, pieces, 3_000)
    for piece in pieces[1:]:
        assert not any(start < piece.core_start <= end for start, end in kept)


def test_context_around_a_piece_is_bounded_and_starts_at_a_word():
    text = paragraphs(200)
    for piece in cut(text, 2_000, context=300)[1:-1]:
        assert piece.core_start - piece.start <= 300 and piece.end - piece.core_end <= 300
        assert piece.start < piece.core_start and piece.end > piece.core_end
        assert not text[piece.start].isspace() and text[piece.start - 1].isspace()


def test_person_memory_finds_the_latest_person_with_a_close_surname():
    rng = random.Random(7)
    surnames = ["Yefimov", "Yevimov", "Lavrov", "Lavrova", "Assad", "Putin", "Mekdad", "Mikdad", "Wang", "Li"]
    memory = PersonMemory()
    people: list[Actor] = []
    for step in range(300):
        name = f"{rng.choice('ABCDE')}. {rng.choice(surnames)}{rng.choice(['', '', 'a', 'ov'])}"
        actor = Actor(name, None, None)
        memory.remember(actor, None, None)
        if all(p.name != name for p in people):
            people.append(actor)
        query = _surname_key(rng.choice(surnames) + rng.choice(["", "s"]))
        # What a scan of everyone named so far, latest first, finds.
        expected = next((p for p in reversed(people) if (known := _surname_key(p.name))
                         and (known == query or _close(known, query))), None)
        assert memory.latest_like(query) == expected, (step, query)


def test_person_memory_keeps_the_first_role_and_finds_holders_by_role():
    memory = PersonMemory()
    lavrov, shoigu = Actor("Sergey Lavrov", "RUS", "GOV"), Actor("Sergei Shoigu", "RUS", "GOV")
    memory.remember(lavrov, None, "RUS")
    memory.remember(shoigu, "defence minister", "RUS")
    assert memory.latest_in_role("foreign minister", "RUS") is None
    memory.remember(lavrov, "foreign minister", None)
    memory.remember(lavrov, "ambassador", None)
    assert memory.latest_in_role("foreign minister", "RUS") == lavrov
    assert memory.latest_in_role("foreign minister", "SYR") is None
    assert memory.latest_in_role("ambassador", None) is None
    assert memory.of_actor(shoigu).role == "defence minister"


def test_quote_speakers_match_a_scan_of_every_quotation():
    rng = random.Random(11)
    spans, position = [], 0
    for _ in range(60):
        position += rng.randint(1, 40)
        length = rng.randint(1, 80)
        spans.append(QuoteSpan(position, position + length, continued=rng.random() < 0.2))
        position += length
    groups = quote_groups(spans)
    people = [Actor(f"Speaker {i}", None, None) for i in range(5)]
    speakers = QuoteSpeakers(groups)
    attributed: dict[QuoteSpan, Actor | None] = {}
    for end in range(0, position + 50, 7):
        def attribute(group):
            return [(span, rng.choice([*people, None])) for span in group]
        before = len(speakers.speakers)
        speakers.attribute_until(end, attribute)
        for span, speaker in zip(speakers.spans[before:len(speakers.speakers)], speakers.speakers[before:],
                                   strict=True):
            attributed[span] = speaker
        start = max(0, end - rng.randint(0, 60))
        expected = next((s for span, s in attributed.items()
                         if span.start <= start + 2 and end <= span.end + 3), None)
        assert speakers.at(start, end) == expected
    assert [s for _, s in speakers.attributed()] == [attributed.get(span) for span in spans]
