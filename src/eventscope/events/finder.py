"""SentenceEvents: the events of one sentence.

For each token: the constructions of the registry, then its trigger (data/lexicon.yaml)
as a candidate verb or noun event with arguments from the engine; each candidate gets
its modality and speaker; then the named filters drop what is not an event of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventscope.actors import DocumentActors
from eventscope.events.arguments import Arguments
from eventscope.events.candidates import Candidates
from eventscope.events.constructions import CONSTRUCTIONS, REWRITES
from eventscope.events.constructions.clash import clash_partner, mutual_exchange
from eventscope.events.constructions.doerless_violence import attack_told_again
from eventscope.events.constructions.mediation import mediated_parties
from eventscope.events.constructions.pair_compound import compound_parties
from eventscope.events.constructions.refusal import note_authored
from eventscope.events.filters import apply_filters
from eventscope.events.found import Found
from eventscope.events.mentions import Mentions
from eventscope.events.modality import Modality
from eventscope.events.senses import Senses
from eventscope.events.triggers import trigger_of
from eventscope.lexicon import Lexicon
from eventscope.records import Actor


@dataclass
class SentenceEvents(Candidates, Arguments, Mentions, Modality):
    """Finds the events of one sentence; `actors` carries the document's memory."""

    actors: DocumentActors
    lexicon: Lexicon
    places: object  # places.Gazetteer
    skip_before: int = 0  # doc character offset before which tokens are not actors (dateline)
    last_attacker: Actor | None = None  # who did the last violence the article reported
    # The last act from one party to another the article reported (its doer, its target):
    # whose call, offer or accusation "the offer" or "the accusation" is (refusal.py).
    last_dyad: tuple[Actor, Actor] | None = None
    # Who made the last call, offer or document the article named with its author (refusal.py).
    last_author: list[Actor] = field(default_factory=list)
    quote_speaker: Actor | None = None  # who speaks the quotation the sentence is in
    bare_states: list[Token] = field(default_factory=list)  # "the country" mentions in the sentence
    senses: Senses = field(default_factory=Senses.load)  # data/senses.yaml

    def find(self, sentence: Span, speaker: Actor | None = None) -> list[Found]:
        self.quote_speaker = speaker
        self.bare_states = []
        self.note_own_voice(sentence)
        found = []
        for token in sentence:
            for construction in CONSTRUCTIONS.values():
                special = construction(self, token, speaker)
                if special is not None:
                    found.append(special)
            event = self._candidate(token)
            if event is None:
                continue
            self.set_modality(event)
            for rewrite in REWRITES.values():  # conditional threats, addressees, ...
                rewrite(self, event)
            self.set_speaker(event, speaker)
            if not (event.sources or event.targets):
                self._speakers_pair(event)
            self._speakers_side(event)
            event.negated = event.negated or self.lacks(event)  # "broke up without agreement"
            found.append(event)
        for event in found:
            self._settle_bare_states(event)
            mediated_parties(self, event)
            compound_parties(self, event)
            mutual_exchange(event)  # "A and B exchanged fire": each on the other
            clash_partner(self, event)  # constructions' events too ("died in fighting with X")
            attack_told_again(self, event)  # "the strikes killed ...": the last attacker
        note_authored(self, sentence, found)  # for "rejected the offer" in a later sentence
        return apply_filters(found, self.lexicon)

    def _candidate(self, token: Token) -> Found | None:
        """The event a token's sense (data/senses.yaml) or trigger word (lexicon) makes."""
        sensed = self.senses.match(token)
        if sensed is not None:
            return self.sensed_event(token, sensed)
        spec = trigger_of(self.lexicon, token)
        if spec is None:
            return self.impact_event(token)  # "two rockets hit northern Israel"
        if token.pos_ in ("VERB", "AUX", "ADJ"):
            # "missiles struck a school in X": no actor struck, but a weapon hit a place
            return self.verb_event(token, spec) or self.impact_event(token)
        return self._noun_event(token, spec)
