"""Modality and speakers: negation, factuality (asserted, planned, hypothetical), who
reports an event, and the parties a speaker's words imply.

`Modality` is a mixin of `SentenceEvents`."""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from spacy.tokens import Token

from eventscope.events.constructions.commitment import promise_verbs
from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_party
from eventscope.events.syntax import governors, phrase
from eventscope.records import UNORDERED_TYPES, Actor

NEGATIONS = {"not", "n't", "never", "no"}


@lru_cache(maxsize=1)
def condition_marks() -> frozenset[str]:
    """The conjunctions that make a planned act hypothetical (data/constructions.yaml)."""
    return frozenset(section("condition", {"marks": list})["marks"])


def _promised(below: Token, above: Token) -> bool:
    """ "have sworn to fight" (the parser may hang the to-clause as an adverbial one)."""
    return above.lemma_.lower() in promise_verbs() and (below.dep_ == "xcomp" or (
        below.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children)))


class Modality:
    """Negation, factuality and speaker of found events."""

    def set_modality(self, event: Found) -> None:
        chain = governors(event.trigger[-1])
        words = set()
        for token in chain:
            words.update(c.lower_ for c in token.children if c.dep_ in ("aux", "neg", "mark", "advmod", "auxpass", "amod"))
            if token != event.trigger[-1]:  # "X is ready to": the readiness itself is real
                words.add(token.lemma_.lower())
            if token.dep_ in ("ccomp",) and token != event.trigger[-1]:
                break
        trigger = event.trigger[-1]
        own_children = {c.lower_ for c in trigger.children if c.dep_ in ("neg",)}
        # A noun's clause negates it only through a light verb: "did not hold talks" is
        # no meeting, "the date of the visit was not announced" says nothing of the visit.
        negating_clause = event.clause == trigger or event.clause.lemma_.lower() in self.lexicon.light_verbs
        clause_children = {c.lower_ for c in event.clause.children if c.dep_ == "neg"} if negating_clause else set()
        event.negated = bool((own_children | clause_children) & NEGATIONS) or any(  # "failed to reach"
            above.lemma_.lower() in self.lexicon.negating_verbs and below.dep_ == "xcomp"
            for below, above in pairwise(chain)) or self._denied_intent(chain)
        hedges = words & self.lexicon.hypothetical_words - {"can"}
        if hedges == {"would"} and self._reported_in_past(chain[-1]) and not any(map(self.is_conditional, chain)):
            event.factuality = "planned"  # "X said Germany would provide aid": a reported "will"
        elif hedges:
            event.factuality = "hypothetical"
        if words & self.lexicon.planned_words or any(  # "Turkey is to host talks"
                t.dep_ == "xcomp" and t.head.lemma_ == "be" and t.head.pos_ == "AUX" for t in chain) or any(
                _promised(below, above) for below, above in pairwise(chain)):
            event.factuality = "planned"
        if event.factuality == "planned" and any(self.is_conditional(v, condition_marks()) for v in chain):
            event.factuality = "hypothetical"  # "will send aid if the junta allows access"

    def _denied_intent(self, chain: list[Token]) -> bool:
        """ "The junta is not willing to negotiate", "X does not intend to attend": an act
        whose intent or commitment is denied is negated (then a refusal, see filters)."""
        intents = self.lexicon.planned_words | self.lexicon.commitment_adjectives | self.lexicon.commitment_verbs
        for below, above in pairwise(chain):
            if below.dep_ != "xcomp" or above.lemma_.lower() not in intents:
                continue
            holder = above.head if above.dep_ == "acomp" else above  # "is not willing"
            if any(c.dep_ == "neg" and c.lower_ in NEGATIONS for c in holder.children):
                return True
        return False

    def is_conditional(self, clause: Token, marks: frozenset[str] | None = None) -> bool:
        """Does an "if"/"unless" clause (or another of `marks`) hang on this verb?"""
        marks = self.lexicon.threats.conditions if marks is None else marks
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
                   for c in clause.children)

    def _reported_in_past(self, clause: Token) -> bool:
        """Is the clause the complement of a past-tense verb of saying ("said that ...")?"""
        return clause.dep_ == "ccomp" and clause.head.tag_ == "VBD" and (
            clause.head.lemma_.lower() in self.lexicon.speech_verbs)

    def set_speaker(self, event: Found, quote_speaker: Actor | None) -> None:
        speech_subject = self._reporting_subject(event.trigger[-1])
        if speech_subject is not None:
            event.speaker = self.actors_named(speech_subject)
            event.speaker_phrase = phrase(speech_subject)
        elif quote_speaker is not None:
            event.speaker = [quote_speaker]

    def _reporting_subject(self, token: Token) -> Token | None:
        """The subject of the verb of saying whose content holds `token`, if any."""
        current = token
        for _ in range(8):
            if current.dep_ in ("ccomp", "parataxis") or (current.dep_ == "dobj" and current.head.lemma_.lower() in self.lexicon.speech_verbs):
                head = current.head
                if head.lemma_.lower() in self.lexicon.speech_verbs:
                    if head.dep_ == "advcl" and head.tag_ == "VBG":
                        # "X said that A, stressing that B": the parser often hangs the
                        # participle on A; who stresses is who said A.
                        outer = self._reporting_subject(head.head)
                        if outer is not None:
                            return outer
                    return self.subject_of(head)
            if current.head == current:
                return self._inverted_report(current, token)
            current = current.head
        return None

    def _inverted_report(self, root: Token, token: Token) -> Token | None:
        """ "X asserted that A; however B": the parser may make B the root and "asserted" its
        clausal complement. A report that opens the sentence before `token` still covers it."""
        if root.lemma_.lower() in self.lexicon.speech_verbs:
            return None
        report = next((c for c in root.children if c.dep_ == "ccomp" and c.i < token.i
                       and c.lemma_.lower() in self.lexicon.speech_verbs), None)
        if report is None:
            return None
        subject = self.subject_of(report)
        return subject if subject is not None and subject.i < report.i else None

    @staticmethod
    def _speakers_side(event: Found) -> None:
        """ "Russia is our partner", says a Syrian: a cooperation with no second party is
        with the speaker's country."""
        # A visit goes to a place: "Koizumi's visit to the shrine is a provocation," says a
        # Chinese envoy, tells no meeting with China.
        if event.type not in UNORDERED_TYPES or event.mode == "visit" or event.targets or not event.sources or any(
                not same_party(event.sources[0], s) for s in event.sources[1:]):
            return
        speaker = event.speaker[0] if event.speaker else None
        if speaker is not None and speaker.country and speaker.country != event.sources[0].country:
            event.targets = [Actor(None, speaker.country, "GOV")]

    def _speakers_pair(self, event: Found) -> None:
        """ "Both sides stressed coordination", "X said cooperation would continue": with no
        participants of its own, a cooperation or meeting noun that one side of the last
        pair speaks of is between that pair."""
        pair = self.actors.last_pair
        if event.type not in UNORDERED_TYPES or not pair or not event.speaker:
            return
        countries = {a.country for a in pair}
        if all(s in pair or (s.country and s.country in countries) for s in event.speaker):
            event.sources, event.targets = [pair[0]], [pair[1]]
