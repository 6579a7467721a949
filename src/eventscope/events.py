"""Events from parsed sentences: trigger words of the lexicon, actors from the parse.

For each sentence: find trigger verbs and nouns (data/lexicon.yaml), find each
trigger's source and target on the dependency parse (subject, passive agent,
object, prepositional objects; on nouns: owner, demonym, "of", "by", "between";
the subject of a light verb as in "held talks"), decide whether the event is
reported by a speaker ("X said that ..."), negated, planned or hypothetical, and
attach a date and a place said in its clause. What the sentence leaves unsaid
(the date, the place) comes from the article's narrative: the last date and place
the article gave for its own events.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventscope.actors import DocumentActors, entity_of
from eventscope.lexicon import Lexicon, Trigger
from eventscope.records import UNORDERED_TYPES, Actor, Location

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
CLAUSE_LINKS = ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl", "relcl")
NEGATIONS = {"not", "n't", "never", "no"}
# Verbs whose infinitive says what the event is about ("threatened to cut ... to X").
INFINITIVE_TYPES = frozenset({"THREATEN", "AGREE", "REJECT", "REQUEST", "SUPPORT", "AID"})
# Where whom an act is for or against usually stands ("hand over the suspects to Britain").
_ANY_TARGET = Trigger(key="", type="", mode=None, targets=("to", "against", "on", "with"), requires=frozenset())


@dataclass
class Found:
    """An event as found in one sentence, before dates and places are settled."""

    trigger: list[Token]
    spec: Trigger
    sources: list[Actor]
    targets: list[Actor]
    clause: Token                  # the verb whose clause holds the event
    speaker: list[Actor] = field(default_factory=list)  # who reports it, if reported
    negated: bool = False
    factuality: str = "asserted"
    mode: str | None = None
    place_target: Location | None = None  # "visit to Damascus": where the target is
    speaker_phrase: str | None = None      # how the text names the speaker ("a diplomatic source")

    @property
    def type(self) -> str:
        return self.spec.type


@dataclass
class SentenceEvents:
    """Finds the events of one sentence; `actors` carries the document's memory."""

    actors: DocumentActors
    lexicon: Lexicon
    places: object  # places.Gazetteer
    skip_before: int = 0  # doc character offset before which tokens are not actors (dateline)
    last_attacker: Actor | None = None  # who did the last violence the article reported
    quote_speaker: Actor | None = None  # who speaks the quotation the sentence is in
    bare_states: list[Token] = field(default_factory=list)  # "the country" mentions in the sentence

    def find(self, sentence: Span, speaker: Actor | None = None) -> list[Found]:
        self.quote_speaker = speaker
        self.bare_states = []
        found = []
        for token in sentence:
            for special in (self._accusation(token, speaker), self._praise(token, speaker),
                            self._acclaim(token, speaker),
                            self._obligation(token, speaker),
                            self._denial(token, speaker), self._commitment(token), self._refusal(token)):
                if special is not None:
                    found.append(special)
            spec = self._trigger_of(token)
            if spec is None:
                continue
            event = self._verb_event(token, spec) if token.pos_ in ("VERB", "AUX", "ADJ") else (
                self._noun_event(token, spec))
            if event is None:
                continue
            self._set_modality(event)
            self._as_threat(event)
            self._set_speaker(event, speaker)
            if not (event.sources or event.targets):
                self._speakers_pair(event)
            self._speakers_side(event)
            if event.sources or event.targets:
                found.append(event)
        for event in found:
            self._settle_bare_states(event)
        return self._without_topics(_without_transferred(_without_requested(found)))

    def _without_topics(self, found: list[Found]) -> list[Found]:
        """Drop what talks are about: in "X discussed cooperation with Y", "the talks focused
        on cooperation", "talks on security" only the talks happened."""
        talks = {f.trigger[-1] for f in found if f.type == "CONSULT"}
        return [f for f in found if f.type == "CONSULT" or not self._is_topic(f.trigger[-1], talks)]

    def _is_topic(self, word: Token, talks: set[Token]) -> bool:
        if word.pos_ not in ("NOUN", "PROPN"):
            return False
        while word.dep_ == "conj":
            word = word.head
        if word.dep_ == "dobj":
            return word.head in talks
        if word.dep_ != "pobj" or word.head.lower_ not in self.lexicon.topic_prepositions:
            return False
        above = word.head.head
        if above in talks:
            return True
        return above.lemma_.lower() in self.lexicon.topic_verbs and any(
            c.dep_ in ("nsubj", "nsubjpass") and c in talks for c in above.children)

    # ----- triggers ----------------------------------------------------------------------

    def _trigger_of(self, token: Token) -> Trigger | None:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and token.lower_ in self.lexicon.adjectives and any(
                c.dep_ == "auxpass" for c in token.children) and not any(c.dep_ == "agent" for c in token.children):
            return self.lexicon.adjectives[token.lower_]  # "is opposed to", parsed as a passive
        if token.tag_ == "VBG" and token.dep_ == "advcl" and token.lemma_.lower() in self.lexicon.interview_framings \
                and token.head.lemma_.lower() in self.lexicon.speech_verbs:
            return None  # "Speaking to Reuters, the minister said ...": an interview, not talks
        if token.pos_ in ("VERB",) and token.dep_ not in ("amod",):
            for child in token.children:
                if child.dep_ in ("prt", "prep", "dobj") and f"{lemma} {child.lower_}" in self.lexicon.verbs:
                    return self.lexicon.verbs[f"{lemma} {child.lower_}"]
            spec = self.lexicon.verbs.get(lemma)
            if spec and "preposition" in spec.requires and not any(
                c.dep_ == "prep" and c.lower_ in spec.targets for c in token.children
            ):
                return None
            return spec
        if token.pos_ == "ADJ" and token.dep_ == "acomp":
            # "Israel is opposed to French mediation": a predicate adjective acts as its verb.
            return self.lexicon.adjectives.get(lemma)
        if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("PERSON", "GPE", "ORG", "NORP"):
            for child in token.children:
                if child.dep_ in ("compound", "amod"):
                    key = f"{child.lower_} {lemma}"
                    if key in self.lexicon.nouns:
                        return self.lexicon.nouns[key]
            spec = self.lexicon.nouns.get(lemma)
            if spec and spec.plural_only and token.tag_ not in ("NNS", "NNPS"):
                return None
            if spec and "phone_word" in spec.requires:
                return None
            if spec and "military_word" in spec.requires and not any(
                c.lower_ in ("air", "military", "drone", "missile", "rocket") for c in token.lefts
            ):
                return None
            return spec
        return None

    @staticmethod
    def _speakers_side(event: Found) -> None:
        """ "Russia is our partner", says a Syrian: a cooperation with no second party is
        with the speaker's country."""
        if event.type not in UNORDERED_TYPES or event.targets or not event.sources or any(
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

    def _accusation(self, noun: Token, quote_speaker: Actor | None) -> Found | None:
        """A speaker calling what someone did a crime, an aggression, an interference, or
        damning an act ("sinister bids"): ACCUSE. Only in reported speech, and for the nouns
        of accusation only when the noun says whose act it is."""
        if noun.pos_ != "NOUN":
            return None
        damned = noun.lemma_.lower() in self.lexicon.act_nouns and any(
            c.dep_ == "amod" and c.lemma_.lower() in self.lexicon.damning_adjectives for c in noun.children)
        spec = self.lexicon.damned_act if damned else self.lexicon.accusation_nouns.get(noun.lemma_.lower())
        if spec is None:
            return None
        targets = self._event_agents_of(noun)
        if not targets and damned and any(c.dep_ in ("det", "amod") and c.lower_ in _BACK_REFERENCES
                                          for c in noun.children):
            targets = self._last_doer_before(noun)
        if not targets and not damned:
            return None
        return self._speakers_own(Found([noun], spec, [], targets, _clause_verb(noun), mode=spec.mode),
                                  quote_speaker)

    def _praise(self, noun: Token, quote_speaker: Actor | None) -> Found | None:
        """A speaker saying another party is a partner, a friend, an ally: SUPPORT for it."""
        spec = self.lexicon.praise_nouns.get(noun.lemma_.lower())
        if spec is None or noun.pos_ != "NOUN" or not _is_predicate_noun(noun):
            return None
        return self._speakers_praise(noun, spec, self._event_agents_of(noun), quote_speaker)

    def _acclaim(self, verb: Token, quote_speaker: Actor | None) -> Found | None:
        """A speaker saying another party's act "has achieved significant results": SUPPORT
        for whose act it is."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lexicon.success_verbs or not any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.lexicon.success_objects for c in verb.children):
            return None
        doer = self._subject_of(verb)
        if doer is None:
            return None
        targets = self._actors(doer) if self.actors.names_actor(doer) else self.actors.owner_of(doer)
        return self._speakers_praise(verb, self.lexicon.verbs["praise"], targets, quote_speaker)

    def _speakers_praise(self, word: Token, spec: Trigger, targets: list[Actor],
                         quote_speaker: Actor | None) -> Found | None:
        event = self._speakers_own(Found([word], spec, [], targets, _clause_verb(word)), quote_speaker)
        if event is None or not targets or any(_same_side(s, t) for s in event.sources for t in targets):
            return None  # praising oneself ("we are a reliable partner") supports no one
        return event

    def _last_doer_before(self, word: Token) -> list[Actor]:
        """ "the countries backing terrorism try to ...; such bids would ...": the doer of the
        nearest act the sentence described before `word` (not its speaker)."""
        for token in reversed(word.sent[:word.i - word.sent.start]):
            if token.dep_ == "nsubj" and token.head.lemma_.lower() not in self.lexicon.speech_verbs:
                actors = self._actors(token)
                if actors:
                    return actors
        return []

    def _speakers_own(self, event: Found, quote_speaker: Actor | None) -> Found | None:
        """An act that exists only as someone's words (calling a deed a crime, claims false):
        the speaker is its source; with no speaker there is no event."""
        self._set_speaker(event, quote_speaker)
        if not event.speaker:
            return None
        event.sources, event.speaker = event.speaker, []
        self._set_modality(event)
        event.factuality = "asserted"  # said now, whatever the modality of what it is said of
        return event

    def _obligation(self, verb: Token, quote_speaker: Actor | None) -> Found | None:
        """ "X said that Y must ...": X makes a demand of Y (REQUEST)."""
        if verb.pos_ not in ("VERB", "AUX") or not any(
                c.dep_ == "aux" and c.lower_ in self.lexicon.obligation_words for c in verb.children):
            return None
        targets = self._subject_actors(verb)
        spec = self.lexicon.verbs.get("demand")
        if not targets or spec is None:
            return None
        event = Found([verb], spec, [], targets, verb, mode=None)
        self._set_speaker(event, quote_speaker)
        if not event.speaker or event.speaker == targets:
            return None
        event.sources, event.speaker = event.speaker, []
        return event

    def _denial(self, word: Token, quote_speaker: Actor | None) -> Found | None:
        """ "The source said the published articles are unfounded": the speaker rejects the
        claims (REJECT), against whoever made them."""
        if word.lemma_.lower() not in self.lexicon.denial_adjectives or word.dep_ not in ("acomp", "attr"):
            return None
        claim = next((c for c in word.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if claim is None or claim.lemma_.lower() not in self.lexicon.claim_nouns:
            return None
        targets = self.actors.owner_of(claim)
        authors = self.lexicon.claim_nouns[claim.lemma_.lower()]
        if not targets and authors:
            targets = [Actor(None, None, authors)]
        return self._speakers_own(Found([word], self.lexicon.verbs["reject"], [], targets, word.head),
                                  quote_speaker)

    def _as_threat(self, event: Found) -> None:
        """ "Nigeria will pull its troops out unless ...", "Iran would shell Iraqi towns if ...":
        a harmful act announced on a condition is a threat (THREATEN, its mode from the act)."""
        threats = self.lexicon.threats
        if event.factuality == "asserted" or event.type not in threats.acts:
            return
        if not self._is_conditional(event.clause):
            return
        if any(c.dep_ == "aux" and c.lower_ in threats.speculative for c in event.clause.children):
            return  # "Turkey could impose sanctions if ...": someone's guess, not Turkey's threat
        event.mode = threats.mode_for(event.type, event.mode)
        event.spec = self.lexicon.verbs["threaten"]
        event.factuality = "asserted"  # the threat is made now, whatever comes of it

    def _refusal(self, verb: Token) -> Found | None:
        """ "The vice-president declined to resign", "X declined to meet Y": a refusal (REJECT,
        towards whom the act was for); "declined to comment" refuses nothing political."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lexicon.refusal_verbs:
            return None
        action = _governed_act(verb)
        if action is None or action.pos_ != "VERB" or action.lemma_.lower() in self.lexicon.speech_verbs \
                or action.lemma_.lower() in self.lexicon.silent_acts:
            return None
        return self._stance(verb, verb, self.lexicon.verbs["reject"], action)

    def _commitment(self, word: Token) -> Found | None:
        """ "Libya offered to hand over the suspects to Britain", "France is ready to contribute
        troops": the subject commits itself to an act that is no event type of its own (AGREE,
        towards whom the act is for). Verbs that are AGREE triggers ("agreed to") take the
        usual path."""
        lemma = word.lemma_.lower()
        if word.pos_ == "VERB" and lemma in self.lexicon.commitment_verbs:
            subject_of = word
        elif word.pos_ == "ADJ" and word.dep_ == "acomp" and lemma in self.lexicon.commitment_adjectives:
            subject_of = word.head
        else:
            return None
        action = _governed_act(word)
        if action is None:
            return None
        own_spec = self._trigger_of(action)
        if own_spec is not None and self._verb_event(action, own_spec) is not None:
            return None  # "ready to work with Y" is coded as the (planned) cooperation itself
        return self._stance(word, subject_of, self.lexicon.verbs["agree"], action)

    def _stance(self, word: Token, subject_of: Token, spec: Trigger, action: Token) -> Found | None:
        """The subject's stance (`spec`) towards an act it commits to or refuses: towards whom
        the act is for; negated on the copula too ("Turkey is not willing to ...")."""
        sources = self._subject_actors(subject_of)
        if not sources:
            return None
        targets = self._targets(action, _ANY_TARGET) or self._targets(action, spec)
        event = Found([word], spec, sources, targets, subject_of)
        self._set_modality(event)
        event.negated = event.negated or any(c.dep_ == "neg" for c in subject_of.children)
        return event

    def _event_agents_of(self, noun: Token) -> list[Actor]:
        """Who did what a noun names: "by X", "X's", a demonym or owner of the noun, or
        what a sentence says it is ("these forces are an obstacle")."""
        if _is_predicate_noun(noun):
            subjects = [a for c in noun.head.children if c.dep_ == "nsubj" for a in self._actors(c)]
            if subjects:
                return subjects
        for child in noun.children:
            if child.dep_ in ("prep", "agent") and child.lower_ == "by":
                found = [a for g in child.children if g.dep_ == "pobj" for a in self._actors(g)]
                if found:
                    return found
        return self.actors.owner_of(noun)

    # ----- verbs ---------------------------------------------------------------------------

    def _verb_event(self, verb: Token, spec: Trigger) -> Found | None:
        if spec.type == "CONSULT" and verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(
                c.dep_ == "agent" for c in verb.children):
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
            spec = self._trigger_of(act)
            if spec is not None and spec.type in threats.acts:
                return threats.mode_for(spec.type, spec.mode)
        return None

    def _objects(self, verb: Token) -> list[Token]:
        """A verb's object nouns, with what they measure ("50 tonnes of aid" -> aid too)."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        objects += [g for o in list(objects) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]
        return objects

    def _object_lemma_in(self, verb: Token, lemmas: frozenset[str]) -> bool:
        return any(o.lemma_.lower() in lemmas for o in self._objects(verb))

    def _has_person_object(self, verb: Token) -> bool:
        """Is the object a person or a delegation (received the envoy), not a thing?"""
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            if obj.ent_type_ == "PERSON" or obj.lemma_.lower() in self.actors.rules.person_nouns:
                return True
            if self.actors.role_in_phrase(obj):
                return True
        return False

    def _mode(self, spec: Trigger, nouns: list[Token]) -> str | None:
        """The mode a modifier gives ("humanitarian aid", "military assistance"), else the trigger's."""
        modes = self.lexicon.mode_words.get(spec.type, {})
        for noun in nouns:
            for token in (noun, *noun.lefts):
                mode = modes.get(token.lower_)
                if mode:
                    return mode
        return spec.mode

    def _verb_arguments(self, verb: Token, spec: Trigger) -> tuple[list[Actor], list[Actor]]:
        passive_object = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if passive_object is not None and spec.key in self.lexicon.adjectives:
            # "Israel is opposed to X": a state the subject is in, not something done to it.
            sources, targets = self._actors(passive_object), self._targets(verb, spec)
        elif passive_object is not None:
            sources = self._actors(agent) if agent is not None else []
            targets = self._actors(passive_object)
        else:
            sources = self._subject_actors(verb)
            targets = self._targets(verb, spec)
        if not targets and spec.type in INFINITIVE_TYPES:
            # "threatened to cut gas supplies to Moldova", "agreed to send aid to X".
            for clause in (c for c in verb.children if c.dep_ == "xcomp"):
                targets = self._targets(clause, spec) or self._targets(clause, _ANY_TARGET)
                if targets:
                    break
        return sources, targets

    def _subject_of(self, verb: Token) -> Token | None:
        subjects = self._subjects_of(verb)
        return subjects[0] if subjects else None

    def _subjects_of(self, verb: Token) -> list[Token]:
        """The subjects of a verb, inherited along xcomp/conj/advcl chains and from relative clauses."""
        current = verb
        for _ in range(6):
            # A dateline ("DAMASCUS, (ST) –") is sometimes parsed as a subject: never one; the
            # real subject then often hangs from it as an apposition.
            subjects = [s for c in current.children if c.dep_ in ("nsubj", "csubj")
                        for s in ([c] if c.idx >= self.skip_before else
                                  [a for a in c.children if a.dep_ == "appos" and a.idx >= self.skip_before])]
            # A clause parsed as the subject ("X ... to develop relations, said"): its own subject.
            subjects = [next((g for g in c.children if g.dep_ == "nsubj"), c) if c.dep_ == "csubj" else c
                        for c in subjects]
            if subjects:
                if subjects[0].lower_ in ("that", "which", "who") and current.dep_ == "relcl":
                    return [current.head]
                return subjects
            if current.dep_ in ("acl", "relcl") and current.head.pos_ in ("NOUN", "PROPN"):
                document = current.head
                if current.dep_ == "acl" and document.dep_ == "dobj" and (
                        document.head.lemma_.lower() in self.lexicon.publishing_verbs):
                    # "the PKK issued a declaration demanding ...": the declaration's author
                    current = document.head
                    continue
                return [document]
            if current.dep_ == "advcl" and current.tag_ == "VBG" and self._accusing(current.head) and (
                    current.lemma_.lower() not in self.lexicon.speech_verbs):
                # "X accused Y of shelling a hospital, killing 12": the killing is Y's, as alleged
                return [c for c in current.head.children if c.dep_ == "dobj"]
            if current.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and current.head != current:
                current = current.head
                # "Syria is ready to work with": through the adjective to its verb.
                if current.pos_ not in ("VERB", "AUX", "ADJ"):
                    return []
                continue
            return []
        return []

    def _accusing(self, verb: Token) -> bool:
        spec = self.lexicon.verbs.get(verb.lemma_.lower())
        return spec is not None and spec.type == "ACCUSE"

    def _subject_actors(self, verb: Token) -> list[Actor]:
        return _distinct([a for subject in self._subjects_of(verb) for a in self._actors(subject)])

    def _targets(self, head: Token, spec: Trigger) -> list[Actor]:
        for where in spec.targets:
            for argument in self._argument_tokens(head, where):
                actors = self._object_actors(argument, spec)
                if actors:
                    return actors
        return []

    def _argument_tokens(self, head: Token, where: str) -> list[Token]:
        if where == "obj":
            objects = [c for c in head.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
            # "helping Syria to confront ...": the parser often makes the object the
            # subject of the infinitive that follows it.
            objects += [g for c in head.children if c.dep_ in ("ccomp", "xcomp")
                        for g in c.children if g.dep_ == "nsubj" and g.i < c.i]
            return objects
        words = where.split()
        out = []
        # "discussed the war in Gaza with X": the parser may hang the preposition lower down.
        objects = [c for c in head.children if c.dep_ == "dobj"]
        nested = [p for o in objects for p in o.children if p.dep_ == "prep"]
        nested += [p for n in nested for g in n.children if g.dep_ == "pobj" for p in g.children if p.dep_ == "prep"]
        for prep in (*head.children, *(p for p in nested if p.lower_ != "of")):
            if prep.dep_ in ("prep", "prt", "agent", "dative") and prep.lower_ == words[0]:
                out.extend(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
                # "in support of Syria": the object of the last preposition of the phrase
                if len(words) > 1:
                    out = [g for c in out for p in c.children if p.lower_ == words[-1]
                           for g in p.children if g.dep_ == "pobj"]
        return out

    def _object_actors(self, argument: Token, spec: Trigger) -> list[Actor]:
        if spec.object_event or (spec.object_owner and argument.lemma_.lower() in self.lexicon.nouns):
            agents = self._event_agents(argument)
            if agents:
                return agents
        if argument.pos_ == "NOUN" and not self.actors.names_actor(argument):
            # "the Syrian Arab Army's war", "Russian stances": a thing; its owner is the target.
            owners = self.actors.owner_of(argument)
            if owners:
                return owners
        actors = self._actors(argument)
        if len(actors) == 1 and actors[0].country is None and actors[0].sector is None:
            # A name the tables do not know as an actor but the gazetteer knows as a place.
            place = self.places.lookup(_entity_text(argument))
            if place is not None and place.country:
                return [Actor(None, place.country, "CVL")]
        if actors:
            return actors
        if argument.ent_type_ in ("GPE", "LOC", "FAC"):
            place = self.places.lookup(_entity_text(argument))
            if place is not None and place.country:
                return [Actor(None, place.country, "CVL")]
        return []

    def _event_agents(self, noun: Token) -> list[Actor]:
        """Who did the event a noun names ("the attacks by X", "X's crimes", "terrorist attacks")."""
        spec = self.lexicon.nouns.get(noun.lemma_.lower())
        if spec is None and noun.lemma_.lower() not in ("terrorism", "aggression", "violence", "occupation"):
            return []
        sources, _ = self._noun_participants(noun, spec) if spec else ([], [])
        if sources:
            return sources
        if spec is not None and spec.type == "ASSAULT" and self.last_attacker:
            return [self.last_attacker]
        actor = self.actors.actor_of(noun)
        return [actor] if actor else []

    # ----- nouns ---------------------------------------------------------------------------

    def _noun_event(self, noun: Token, spec: Trigger) -> Found | None:
        sources, targets = self._noun_participants(noun, spec)
        clause = _clause_verb(noun)
        own = bool(sources or targets)
        in_favour = _in_favour_phrase(noun, spec)
        if in_favour and noun.head.head.pos_ == "NOUN" and self._trigger_of(noun.head.head):
            return None  # "a military operation in support of X": whom that event is for
        if not sources and in_favour:
            sources = self._in_favour_doer(noun)
        if not targets and spec.type in ("SUPPORT", "AID") and noun.dep_ == "pobj" and noun.head.lower_ == "with" \
                and noun.head.head.pos_ == "VERB":
            # "terrorism that targets Syria with the support of X": X backs who does it
            targets = [t for t in self._subject_actors(noun.head.head) if t not in sources]
        if not sources:
            sources = self._governor_subject(noun)
            # "Russia is the partner in ...": the copula's subject is the noun's own doer.
            own = own or bool(sources and noun.dep_ == "attr")
        if not sources and spec.type == "ASSAULT":
            sources = self._attacker_by_kind(noun)
        carrier = noun.head if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lexicon.light_verbs else None
        if not targets and carrier is not None:
            # "paid tribute to X", "held talks with X": the light verb carries the target.
            targets = self._targets(carrier, spec)
            own = own or bool(targets)
        if len(sources) == 1 and not targets and spec.type in UNORDERED_TYPES and self.actors.last_pair \
                and sources[0] in self.actors.last_pair and not own:
            # "X underlined the importance of this visit": the visit X took part in.
            sources, targets = [self.actors.last_pair[0]], [self.actors.last_pair[1]]
        if not sources and not targets and spec.type in UNORDERED_TYPES:
            # "The two ministers stressed the importance of cooperation": between the subjects.
            subjects = self._subject_actors(clause) if clause.pos_ in ("VERB", "AUX") else []
            if len(subjects) >= 2:
                sources, targets = [subjects[0]], [subjects[1]]
        if not sources and not targets and spec.type in UNORDERED_TYPES and self.actors.last_pair:
            if _is_definite(noun) or any(c.lower_ in ("bilateral", "joint", "mutual") for c in noun.lefts):
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

    def _hosts(self, visit: Token, visitors: list[Actor]) -> list[Actor]:
        """ "during his tour of Damascus, accompanied by President Assad": who accompanies a
        visitor from another country is the host."""
        clause = _clause_verb(visit)
        companions = [a for word in (*visit.children, *clause.children)
                      if word.dep_ in ("acl", "advcl") and word.lemma_.lower() in self.lexicon.companion_verbs
                      for agent in word.children if agent.dep_ == "agent"
                      for obj in agent.children if obj.dep_ == "pobj" for a in self._actors(obj)]
        return [a for a in companions if not any(_same_side(a, v) for v in visitors)]

    def _in_favour_doer(self, noun: Token) -> list[Actor]:
        """ "Russian stances in support of Syria", "Russia voted in support of X": who takes the
        stance, the owner of the noun the phrase qualifies, else the subject of its verb. The
        parser often hangs the phrase on the verb of a noun it qualifies ("appreciates Russian
        stances in support of"): the verb's object then comes first."""
        above = noun.head.head
        qualified = [above] if above.pos_ in ("NOUN", "PROPN") else [
            c for c in above.children if c.dep_ in ("dobj", "nsubjpass")]
        for word in qualified:
            owners = self.actors.owner_of(word)
            if owners:
                return owners
        return self._subject_actors(above) if above.pos_ in ("VERB", "AUX") and not qualified else []

    def _attacker_by_kind(self, noun: Token) -> list[Actor]:
        """ "terrorist attacks": the terrorists the article named last, else armed non-state actors."""
        sector = next((self.actors.rules.sector_adjectives.get(c.lemma_.lower()) for c in noun.lefts
                       if c.lemma_.lower() in self.actors.rules.sector_adjectives), None)
        if sector is None:
            return []
        if self.last_attacker is not None and self.last_attacker.sector == sector:
            return [self.last_attacker]
        return [Actor(None, None, sector)]

    def _noun_participants(self, noun: Token, spec: Trigger) -> tuple[list[Actor], list[Actor]]:
        sources: list[Actor] = []
        targets: list[Actor] = []
        for child in _noun_dependents(noun):
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i):
                if child.dep_ == "amod" and child.lower_ in ("bilateral", "joint", "mutual"):
                    continue
                actor = self._modifier_actor(child)
                if actor:
                    sources.append(actor)
            elif child.dep_ in ("prep", "agent"):
                word = child.lower_
                objects = [g for g in child.children if g.dep_ == "pobj"]
                # "the withdrawal of troops": "of" names the doer, unless the lexicon gives it as
                # the noun's one target ("the release of hostages", "the invasion of Iraq")
                if word == "by" or (word == "of" and spec.type in ("CONSULT", "SUPPORT", "AID", "ASSAULT", "RETREAT")
                                    and tuple(spec.targets) != ("of",)
                                    and not sources and not _in_favour_phrase(noun, spec)):
                    for obj in objects:
                        if spec.type == "CONSULT" and word == "of" and self.place_of(obj):
                            continue
                        sources.extend(self._actors(obj))
                elif word == "between":
                    pair = [a for obj in objects for a in self._actors(obj)]
                    if len(pair) >= 2 and spec.mode == "third-party":
                        targets = pair  # "X's mediation between A and B": X mediates, A and B are mediated
                    elif len(pair) >= 2:
                        sources, targets = [pair[0]], [pair[1]]
                elif word in spec.targets:
                    for obj in objects:
                        targets.extend(self._object_actors(obj, spec) or self._place_actor(obj))
        if sources and noun.dep_ == "conj" and noun.head.ent_type_ in ("PERSON", "ORG", "GPE") and any(
                c.dep_ == "poss" for c in noun.children):
            # "conveyed Putin and the Russian leadership's congratulations": the parser
            # hangs the noun on the first owner; the person stands for the leadership of his
            # own country, another owner stays an owner.
            first = self.actors.actor_of(noun.head)  # not its conjuncts: the noun is one
            if first is not None:
                sources = [first] + [s for s in sources if s.name or s.country != first.country]
        for where in (w for w in spec.targets if " " in w and not targets):
            # "in support of X"
            for obj in self._argument_tokens(noun, where):
                targets.extend(self._object_actors(obj, spec))
        if not targets and spec.type in ("SUPPORT", "AID") and noun.dep_ == "dobj" and (
                noun.head.lemma_.lower() in self.lexicon.beneficiary_verbs):
            # "the Syrians appreciate the support of X": who appreciates it is who gets it
            targets = self._subject_actors(noun.head)
        if not sources and not targets and spec.type in UNORDERED_TYPES:
            # "contacts continue daily between the two leaderships"
            sources, targets = self._clause_pair(noun)
            if spec.mode == "third-party":
                sources, targets = [], sources + targets  # the pair is mediated, not mediating
        return _distinct(sources), _distinct(targets)

    def _clause_pair(self, noun: Token) -> tuple[list[Actor], list[Actor]]:
        """The nearest "between X and Y", else the nearest "both sides", in the noun's sentence."""
        preps = sorted((t for t in noun.sent if t.dep_ == "prep" and t.lower_ == "between"),
                       key=lambda t: abs(t.i - noun.i))
        for prep in preps:
            pair = [a for obj in prep.children if obj.dep_ == "pobj" for a in self._actors(obj)]
            if len(pair) >= 2:
                return [pair[0]], [pair[1]]
        # "the keenness of our two countries to continue cooperation": a pair the sentence names
        for word in sorted(noun.sent, key=lambda t: abs(t.i - noun.i)):
            if word.pos_ == "NOUN" and word.idx >= self.skip_before:
                pair = self.actors.pair_reference(word)
                if pair:
                    return [pair[0]], [pair[1]]
        return [], []

    def _modifier_actor(self, token: Token) -> Actor | None:
        if token.idx < self.skip_before:
            return None
        if token.ent_type_ or token.pos_ in ("PRON", "PROPN") or token.dep_ == "poss":
            return self.actors.actor_of(token)
        return None

    def _governor_subject(self, noun: Token) -> list[Actor]:
        """ "X held talks", "X expressed support", "during his visit", "X's stance in rejection of",
        "X is a partner": the doer of a noun event, found by climbing through the nouns above
        it to a verb."""
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            return self._subject_actors(noun.head)
        head = noun
        for _ in range(4):
            while head.dep_ in ("conj", "appos", "compound") and head.head != head:
                head = head.head
            if head != noun:
                owner = next((c for c in head.children if c.dep_ == "poss"), None)
                if owner is not None:
                    return self._actors(owner)
            if head.dep_ in ("dobj", "nsubjpass", "attr") and head.head.pos_ in ("VERB", "AUX"):
                # Only a verb that carries the noun ("held talks", "stressed support") makes
                # its subject the doer; "X condemned the attack" says nothing of who attacked.
                if head.head.lemma_.lower() in self.lexicon.light_verbs | self.lexicon.speech_verbs:
                    return self._subject_actors(head.head)
                return []
            if head.dep_ == "pobj" and head.head.dep_ == "prep":
                above = head.head.head
                if above.pos_ in ("VERB", "AUX"):
                    verb_words = self.lexicon.light_verbs | self.lexicon.speech_verbs
                    if head.head.lower_ in ("during", "in", "at", "on", "of", "for", "through") and (
                            above.lemma_.lower() in verb_words):
                        return self._subject_actors(above)
                    return []
                if above.pos_ in ("NOUN", "PROPN"):
                    if self._trigger_of(above) is not None:
                        return []  # "rejection of X's measures": the measures are not the rejecter's
                    head = above
                    continue
            return []
        return []

    def _visit_place(self, noun: Token) -> Location | None:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "in"):
                for obj in prep.children:
                    place = self.place_of(obj)
                    if place:
                        return place
        return None

    def _unlabelled_name(self, token: Token) -> bool:
        """A proper name the NER gave no label and the actor table does not know."""
        return token.pos_ == "PROPN" and not token.ent_type_ and self.actors.table.find(
            token.text, self.actors.on) is None

    def _place_actor(self, token: Token) -> list[Actor]:
        place = self.place_of(token)
        if place and place.country:
            return [Actor(None, place.country, "GOV")]
        return []

    def place_of(self, token: Token) -> Location | None:
        """The place a noun phrase names: a place entity, "the city of X", or a proper name
        the NER left unlabelled ("in Sweida") that the gazetteer knows and no actor table does."""
        if not (token.ent_type_ in ("GPE", "LOC", "FAC") or token.lemma_.lower() in self.actors.rules.place_nouns
                or self._unlabelled_name(token)):
            return None
        phrase = " ".join(t.text for t in token.subtree if t.dep_ not in ("relcl", "acl"))
        return self.places.lookup_in_phrase(phrase)

    def _actors(self, head: Token | None) -> list[Actor]:
        if head is None:
            return []
        if head.idx < self.skip_before:
            return []
        if self.actors.is_bare_state(head):
            self.bare_states.append(head)  # which country it means is settled per event
            return [_UNNAMED_STATE]
        return self.actors.actors_of(head)

    def _settle_bare_states(self, event: Found) -> None:
        """Give a bare "the country" in the event's clause the country it means, which is
        never the country of the other side ("Germany will send aid to the country")."""
        if not self.bare_states:
            return
        clause = set(event.clause.subtree) | set(event.trigger[-1].subtree)
        bare = [t for t in self.bare_states if t in clause]
        if not bare:
            return
        noun = min(bare, key=lambda t: abs(t.i - event.trigger[-1].i))

        def settled(actors: list[Actor], others: list[Actor]) -> list[Actor]:
            if _UNNAMED_STATE not in actors:
                return actors
            country = self._country_meant(noun, exclude={a.country for a in others if a.country})
            return [Actor(None, country, "GOV") if a == _UNNAMED_STATE and country else a for a in actors]

        event.targets = settled(event.targets, event.sources)
        event.sources = settled(event.sources, event.targets)

    def _country_meant(self, noun: Token, exclude: set[str]) -> str | None:
        """Which country a bare "the country" means: in a statement, the speaker's own; else
        the last country the article named as a state (not "Syrian refugees")."""
        reporter = self._reporting_subject(noun)
        speakers = self.actors.actors_of(reporter) if reporter is not None else [
            s for s in (self.quote_speaker,) if s is not None]
        own = next((s.country for s in speakers if s.country), None)
        if own is not None and own not in exclude:
            return own
        return self.actors.last_state_named(noun, exclude, start_char=self.skip_before)

    # ----- modality and speakers -----------------------------------------------------------

    def _set_modality(self, event: Found) -> None:
        chain = _governors(event.trigger[-1])
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
            for below, above in zip(chain, chain[1:]))
        hedges = words & self.lexicon.hypothetical_words - {"can"}
        if hedges == {"would"} and self._reported_in_past(chain[-1]) and not any(map(self._is_conditional, chain)):
            event.factuality = "planned"  # "X said Germany would provide aid": a reported "will"
        elif hedges:
            event.factuality = "hypothetical"
        if words & self.lexicon.planned_words:
            event.factuality = "planned"

    def _is_conditional(self, clause: Token) -> bool:
        """Does an "if"/"unless" clause hang on this verb?"""
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.lexicon.threats.conditions
                                             for m in c.children) for c in clause.children)

    def _reported_in_past(self, clause: Token) -> bool:
        """Is the clause the complement of a past-tense verb of saying ("said that ...")?"""
        return clause.dep_ == "ccomp" and clause.head.tag_ == "VBD" and (
            clause.head.lemma_.lower() in self.lexicon.speech_verbs)

    def _set_speaker(self, event: Found, quote_speaker: Actor | None) -> None:
        speech_subject = self._reporting_subject(event.trigger[-1])
        if speech_subject is not None:
            event.speaker = self._actors(speech_subject)
            event.speaker_phrase = _phrase(speech_subject)
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
                    return self._subject_of(head)
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
        subject = self._subject_of(report)
        return subject if subject is not None and subject.i < report.i else None


def same_party(a: Actor, b: Actor) -> bool:
    """One side of an interaction: the same actor, or a state and its unnamed organs
    ("Russia, its people and leadership"). Actors with no country are told apart by name
    and sector only ("the rebels and the government" are two)."""
    if a == b:
        return True
    if a.country is None or b.country is None or a.country != b.country:
        return False
    return not (a.name and b.name and a.name != b.name)


def _same_side(a: Actor, b: Actor) -> bool:
    """The same party or the same country: no one hosts or praises their own side."""
    return same_party(a, b) or a.country == b.country


def _is_predicate_noun(noun: Token) -> bool:
    """ "These forces are an obstacle", also as the parser reads "are but an obstacle"
    (the noun a conjunct of the copula)."""
    if noun.dep_ == "attr":
        return noun.head.pos_ in ("AUX", "VERB")
    return noun.dep_ == "conj" and noun.head.lemma_ == "be" and not any(
        c.dep_ in ("attr", "acomp") for c in noun.head.children)


def _in_favour_phrase(noun: Token, spec: Trigger) -> bool:
    """ "in support of X": the noun heads a phrase saying whom something is for."""
    return spec.type in ("SUPPORT", "AID") and noun.dep_ == "pobj" and noun.head.lower_ == "in" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _governed_act(word: Token) -> Token | None:
    """The act a verb or adjective governs: "offered to hand over", "committed to opening"."""
    return next((c for c in word.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None) or next(
        (g for c in word.children if c.dep_ == "prep" and c.lower_ == "to"
         for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)


def _phrase(head: Token) -> str:
    """A noun phrase's words, without clauses and appositions hanging from it."""
    words = [t for t in head.subtree if not any(
        a.dep_ in ("relcl", "acl", "appos", "prep", "punct") and a.head in head.subtree and a != head
        for a in (t, *[x for x in t.ancestors if x in head.subtree and x != head]))]
    return " ".join(t.text for t in words) or head.text


# What a bare "the country" is until the event says which country it means.
_UNNAMED_STATE = Actor(None, None, "GOV")

# Determiners that point back to what the sentence just described ("such bids").
_BACK_REFERENCES = frozenset({"such", "these", "those", "this", "that"})

# Types whose object is only their content: what is asked for, turned down or threatened
# did not happen.
_CONTENT_TYPES = frozenset({"REQUEST", "REJECT", "THREATEN"})


def _without_requested(found: list[Found]) -> list[Found]:
    """Drop what a request asks for, a refusal turns down or a threat holds out: in "X
    called on Y to halt supporting Z" only the REQUEST happened, in "X refused to meet Y"
    only the REJECT, in "X threatened to shell Y" only the THREATEN; the rest is content."""
    governing = {f.trigger[0] for f in found if f.type in _CONTENT_TYPES}
    if not governing:
        return found
    return [f for f in found if not any(t in governing for t in _governors(f.trigger[-1])[1:])]


def _without_transferred(found: list[Found]) -> list[Found]:
    """ "Russia will provide more support to Syria": what a transfer verb hands over is that
    event's object, not a second event."""
    transfers = {f.trigger[0] for f in found if "aid_object" in f.spec.requires}
    return [f for f in found if not (f.trigger[-1].dep_ == "dobj" and f.trigger[-1].head in transfers)]


def _noun_dependents(noun: Token) -> list[Token]:
    """A noun's dependents, with those it shares: a conjunct's head's later prepositions
    ("coordination and consultation between X and Y") and a participle's prepositions
    ("the summit scheduled to be held between X and Y")."""
    out = list(noun.children)
    # "a suspension of air links with Serbia": the partner may hang from the "of" object.
    out.extend(p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj" for p in g.children
               if p.dep_ == "prep" and p.lower_ in ("with", "to", "between"))
    if noun.dep_ == "conj":
        out.extend(c for c in noun.head.children if c.dep_ == "prep" and c.i > noun.i)
    for child in noun.children:
        if child.dep_ == "acl":
            # "the summit to be held between X and Y", "the accusations made by X"
            for verb in (child, *[c for c in child.children if c.dep_ == "xcomp"]):
                out.extend(c for c in verb.children if (c.dep_ == "prep" and c.lower_ in ("between", "with"))
                           or c.dep_ == "agent")
    return out


def _governors(token: Token) -> list[Token]:
    """The token and the verbs above it, up to the clause that reports it."""
    chain = [token]
    current = token
    for _ in range(5):
        if current.head == current:
            break
        if current.dep_ in ("ccomp", "parataxis"):
            break
        current = current.head
        chain.append(current)
    return chain


def _clause_verb(token: Token) -> Token:
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") or current.head == current:
            return current
        current = current.head
    return current


def _is_definite(noun: Token) -> bool:
    return any(c.lower_ in ("the", "this", "these", "that") for c in noun.children if c.dep_ == "det")


def _entity_text(token: Token) -> str:
    entity = entity_of(token)
    return entity.text if entity is not None else token.text


def _distinct(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for actor in actors:
        if actor not in out:
            out.append(actor)
    return out
