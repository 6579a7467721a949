"""What the constructions share: an act that exists only as a speaker's words, and a
subject's stance towards an act it commits to or refuses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from eventscope.events.found import ANY_TARGET, Found, same_side
from eventscope.events.syntax import clause_verb, has_child
from eventscope.lexicon import Trigger
from eventscope.quotes import GROUP_PRONOUNS, QuoteSpan, speaker_of
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents
    from eventscope.lexicon import Lexicon

# Trigger keys of constructions whose reading of a word replaces the word's own lexicon
# reading: "threatened by US sanctions" (threat.py), "the envoy was called back"
# (recalled_envoy.py).
THREATENED_BY = "threatened by"
RECALLED_ENVOY = "recall envoy (passive)"
OPPOSED_DOING = "oppose (a party doing)"  # accusation.py, `opposed_doing`
OWN_READINGS = frozenset({THREATENED_BY, RECALLED_ENVOY, OPPOSED_DOING})


def without_other_readings(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Where a construction of `OWN_READINGS` read a word, the word's other readings go."""
    read = {f.trigger[0] for f in found if f.spec.key in OWN_READINGS}
    return [f for f in found if f.trigger[0] not in read or f.spec.key in OWN_READINGS]


def speakers_own(events: SentenceEvents, event: Found, quote_speaker: Actor | None) -> Found | None:
    """An act that exists only as someone's words (calling a deed a crime, claims false):
    the speaker is its source; with no speaker there is no event."""
    events.set_speaker(event, quote_speaker)
    if not event.speaker:
        event.speaker = _pronoun_reporter(events, event)
    if not event.speaker:
        return None
    event.sources, event.speaker = event.speaker, []
    events.set_modality(event)
    event.factuality = "asserted"  # said now, whatever the modality of what it is said of
    return event


def read_as(events: SentenceEvents, spec: Trigger, word: Token, sources: list[Actor],
            targets: list[Actor], clause: Token) -> Found:
    """An event `word` carries as `spec` reads (in `spec`'s mode), its modality set."""
    event = Found([word], spec, sources, targets, clause, mode=spec.mode)
    events.set_modality(event)
    return event


def text_before(token: Token, sentences: int) -> Span:
    """The text before `token` in its sentence and the `sentences` sentences before it."""
    doc, start = token.doc, token.sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return doc[start:token.i]


def _pronoun_reporter(events: SentenceEvents, event: Found) -> list[Actor]:
    """ "Argentina issued a statement. It said Britain's drills were illegal": a reporting
    "it" or "they" is the body last named as a subject before it (as for a quotation's
    speaker, quotes.speaker_of)."""
    reporter = events._reporting_subject(event.trigger[-1])
    if reporter is None or reporter.lower_ not in GROUP_PRONOUNS:
        return []
    actor = speaker_of(reporter, events.actors, QuoteSpan(reporter.idx, reporter.idx))
    return [actor] if actor is not None else []


def speakers_praise(events: SentenceEvents, word: Token, spec: Trigger, targets: list[Actor],
                     quote_speaker: Actor | None) -> Found | None:
    event = speakers_own(events, Found([word], spec, [], targets, clause_verb(word)), quote_speaker)
    if event is None or not targets or any(same_side(s, t) for s in event.sources for t in targets):
        return None  # praising oneself ("we are a reliable partner") supports no one
    return event


def stance(events: SentenceEvents, word: Token, subject_of: Token, spec: Trigger, action: Token,
           sources: list[Actor] | None = None) -> Found | None:
    """The subject's stance (`spec`) towards an act it commits to or refuses: towards whom
    the act is for; negated on the copula too ("Turkey is not willing to ..."). `sources`,
    where given, are who takes the stance ("Israel is committed to ...": the passive's subject)."""
    sources = events.subject_actors(subject_of) if sources is None else sources
    if not sources:
        return None
    targets = events.targets_of(action, ANY_TARGET) or events.targets_of(action, spec)
    event = Found([word], spec, sources, targets, subject_of)
    events.set_modality(event)
    event.negated = event.negated or has_child(subject_of, "neg")
    return event
