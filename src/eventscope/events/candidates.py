"""Candidates: an event from a trigger verb (or predicate adjective) or a trigger noun,
with its arguments from the engine and its mode.

`Candidates` is a mixin of `SentenceEvents`."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.events.arguments import in_favour_phrase
from eventscope.events.found import Found
from eventscope.events.syntax import clause_verb, has_child, is_definite
from eventscope.events.triggers import trigger_of
from eventscope.lexicon import Trigger
from eventscope.records import UNORDERED_TYPES


class Candidates:
    """Events of trigger verbs and nouns."""

    def verb_event(self, verb: Token, spec: Trigger) -> Found | None:
        if spec.type == "CONSULT" and verb.dep_ == "acl" and verb.tag_ == "VBN" and not has_child(verb, "agent"):
            return None  # "the topics discussed at the summit": a topic, the talks told elsewhere
        if "person_object" in spec.requires and not self._has_person_object(verb):
            # "welcomed the decision of X": not a visit; the other sense, if the lexicon has one.
            if spec.otherwise is None:
                return None
            spec = self.lexicon.verbs.get(spec.otherwise) or spec
            if "person_object" in spec.requires:
                return None
        sources, targets = self._verb_arguments(verb, spec)
        if spec.not_with:  # a talk needs an identifiable party: not "the nation", not reporters
            targets = [t for t in targets if t.sector not in spec.not_with and (t.name or t.country)]
        if spec.requires & {"actor_object", "actor_or_place_object"} and not targets:
            return None
        if spec.civilian_type and sources and all(s.sector in ("CVL", None) for s in sources):
            spec = self.lexicon.verbs.get(spec.civilian_type) or spec  # people protesting: PROTEST
        for requirement in spec.requires:
            kind = requirement.removesuffix("_object")
            if kind in self.lexicon.object_classes and not self._object_lemma_in(
                    verb, self.lexicon.object_classes[kind]):
                return None
        trigger = [verb] + [c for c in verb.children if c.dep_ == "prt"]
        found = Found(trigger, spec, sources, targets, verb, mode=self._mode(spec, self._objects(verb)))
        if spec.mode == "visit":
            found.place_target = next(filter(None, (self.place_of(o) for o in self._objects(verb))), None)
        if spec.type == "THREATEN" and found.mode is None:
            found.mode = self._threatened_mode(verb)
        return found

    def _threatened_mode(self, verb: Token) -> str | None:
        """ "threatened to shell Iraqi towns": the mode is what is threatened (violence)."""
        threats = self.lexicon.threats
        for act in (c for c in verb.children if c.dep_ == "xcomp"):
            spec = trigger_of(self.lexicon, act)
            if spec is not None and spec.type in threats.acts:
                return threats.mode_for(spec.type, spec.mode)
        return None

    def _mode(self, spec: Trigger, nouns: list[Token]) -> str | None:
        """The mode a modifier gives ("humanitarian aid", "military assistance"), else the trigger's."""
        modes = self.lexicon.mode_words.get(spec.type, {})
        for noun in nouns:
            for token in (noun, *noun.lefts):
                mode = modes.get(token.lower_)
                if mode:
                    return mode
        return spec.mode

    def _noun_event(self, noun: Token, spec: Trigger) -> Found | None:
        sources, targets = self._noun_participants(noun, spec)
        clause = clause_verb(noun)
        own = bool(sources or targets)
        in_favour = in_favour_phrase(noun, spec)
        if in_favour and noun.head.head.pos_ == "NOUN" and trigger_of(self.lexicon, noun.head.head):
            return None  # "a military operation in support of X": whom that event is for
        if not sources and in_favour:
            sources = self._in_favour_doer(noun)
        if not targets and spec.type in ("SUPPORT", "AID") and noun.dep_ == "pobj" and noun.head.lower_ == "with" \
                and noun.head.head.pos_ == "VERB":
            # "terrorism that targets Syria with the support of X": X backs who does it
            targets = [t for t in self.subject_actors(noun.head.head) if t not in sources]
        if not sources:
            sources = self._governor_subject(noun)
            # "Russia is the partner in ...": the copula's subject is the noun's own doer.
            own = own or bool(sources and noun.dep_ == "attr")
        if not sources and spec.type == "ASSAULT":
            sources = self._attacker_by_kind(noun)
        carrier = noun.head if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lexicon.light_verbs else None
        if not targets and carrier is not None:
            # "paid tribute to X", "held talks with X": the light verb carries the target.
            targets = self.targets_of(carrier, spec)
            own = own or bool(targets)
        if len(sources) == 1 and not targets and spec.type in UNORDERED_TYPES and self.actors.last_pair \
                and sources[0] in self.actors.last_pair and not own:
            # "X underlined the importance of this visit": the visit X took part in.
            sources, targets = [self.actors.last_pair[0]], [self.actors.last_pair[1]]
        if not sources and not targets and spec.type in UNORDERED_TYPES:
            # "The two ministers stressed the importance of cooperation": between the subjects.
            subjects = self.subject_actors(clause) if clause.pos_ in ("VERB", "AUX") else []
            if len(subjects) >= 2:
                sources, targets = [subjects[0]], [subjects[1]]
        if not sources and not targets and spec.type in UNORDERED_TYPES and self.actors.last_pair and (
                is_definite(noun) or any(c.lower_ in ("bilateral", "joint", "mutual") for c in noun.lefts)):
            sources = [self.actors.last_pair[0]]
            targets = [self.actors.last_pair[1]]
        if ("actor" in spec.requires) and not own:
            return None
        if "transfer_verb" in spec.requires and clause.lemma_.lower() not in ("offer", "provide", "send", "deliver", "supply", "donate", "give", "ship"):
            return None
        if not sources and not targets and spec.type not in UNORDERED_TYPES:
            return None  # cooperation nouns may still take the speaker's pair, see find()
        trigger = [c for c in noun.lefts if c.dep_ == "compound" and f"{c.lower_} {noun.lemma_.lower()}" == spec.key] + [noun]
        if spec.mode == "visit" and not any(t.name for t in targets):
            targets = self._hosts(noun, sources) or targets
        found = Found(trigger, spec, sources, targets, clause, mode=spec.mode)
        found.place_target = self._visit_place(noun) if spec.type == "CONSULT" else None
        return found
