"""Candidates: an event from a trigger verb (or predicate adjective) or a trigger noun,
with its arguments from the engine and its mode.

`Candidates` is a mixin of `SentenceEvents`."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Token

from eventscope.actors import distinct
from eventscope.events.arguments import in_favour_phrase
from eventscope.events.constructions.adjunct import adjunct_clause
from eventscope.events.constructions.data import section
from eventscope.events.constructions.unsaid_doer import state_doer
from eventscope.events.found import Found
from eventscope.events.senses import ACT_CLAUSES, AIM_PREPOSITIONS, SenseMatch, aimed_at, is_joint
from eventscope.events.syntax import (
    clause_verb,
    direct_objects,
    first_child,
    has_child,
    inherited_subject,
    is_definite,
    prepositional_objects,
)
from eventscope.events.triggers import trigger_of
from eventscope.lexicon import Trigger
from eventscope.records import UNORDERED_TYPES, Actor


class Candidates:
    """Events of trigger verbs and nouns."""

    def sensed_event(self, word: Token, match: SenseMatch) -> Found | None:
        """The event of a word read in the sense its object gives it (data/senses.yaml):
        with a partner a joint act ("joint drills with X"), aimed at someone an attack
        ("fired rockets at X"); the object it took in is no event of its own."""
        spec, sense = match.trigger, match.sense
        partner = replace(spec, targets=("with",))
        aim = replace(spec, targets=AIM_PREPOSITIONS + ("obj",))
        if sense.joint and (is_joint(word, match) or self.targets_of(word, partner)):
            spec = replace(partner, type=sense.joint, mode=None)
        elif sense.aimed and aimed_at(word, match, self.senses.aimless):
            spec = replace(aim, type=sense.aimed, mode=None)
        event = self.verb_event(word, spec) if word.pos_ in ("VERB", "AUX") else self._noun_event(word, spec)
        if event is not None and not event.targets and spec.mode == "crowd-control" and (
                word.pos_ == "VERB" and not self._purpose_tells(word, spec.type)):
            event.targets = self._purpose_objects(word)  # "fired water cannon to stop them"
        if event is not None and sense.aimed_only and not event.targets:
            return None  # "launched an operation to rescue ...": no one it is aimed at
        if event is not None and not event.targets and self._purpose_tells(word, spec.type):
            return None  # "fired tear gas to disperse the marchers": the dispersal tells it
        if event is not None and spec.type == "AGREE" and word.pos_ == "VERB" and not event.sources:
            return None  # "the Ethiopia-Eritrea agreement was signed": the noun tells it
        if event is not None and not event.targets and match.trigger.mode in ("restrict", "crowd-control"):
            event.targets = self._protesters(word, match.obj)  # "banned a rally by the opposition"
        if event is not None and match.trigger.mode == "weapons" and match.obj.dep_ == "nsubjpass":
            self._weapon_launcher(word, match.obj, event)
        if event is not None and not sense.keeps_object:
            # "ended its mediation efforts": the modifier that named the sense is taken in too,
            # and the act it allows or orders ("allowed X to hold a rally": no rally told)
            event.absorbed = [match.obj, *(c for c in match.obj.children if c.dep_ in (
                "compound", "amod") and c.lemma_.lower() in sense.objects), *(
                c for c in word.children if c.dep_ in ACT_CLAUSES and c.lemma_.lower() in sense.acts)]
        return event

    def _protesters(self, verb: Token, protest: Token) -> list[Actor]:
        """Who holds a protest the noun names: its owner ("the students' march"), its "by"
        phrase ("a rally by the opposition", which the parser may hang on the active verb)
        or its participle's ("a sit-in staged by X")."""
        doers = prepositional_objects(protest, words=("by",)) + [
            g for c in protest.children if c.dep_ == "acl" for g in prepositional_objects(c, ("agent",))]
        if not has_child(verb, "nsubjpass"):
            doers += prepositional_objects(verb, ("prep", "agent"), words=("by",))
        return distinct(self.actors.owner_of(protest) + [a for d in doers for a in self.actors_named(d)])

    def _weapon_launcher(self, verb: Token, weapon: Token, event: Found) -> None:
        """ "Two missiles were fired from North Korea's east coast": the weapon a passive
        launches is no target; with no agent, its launcher is the armed forces of the state
        it is told of ("Iranian drones") or of the place it left ("from near Pyongyang")."""
        told = self.argument_actors(weapon)
        own = [a for a in told if a.country]
        event.targets = [t for t in event.targets if t not in told]
        if event.type != "MOBILIZE" and not event.targets:
            event.targets = self.targets_of(verb, replace(event.spec, targets=AIM_PREPOSITIONS))
        if event.sources:
            return
        country = next((a.country for a in own), None) or next(
            filter(None, map(self._country_named, _launch_places(verb))), None)
        if country is not None:
            event.sources = [Actor(None, country, "MIL", why="the state a weapon was launched from")]

    def _purpose_objects(self, verb: Token) -> list[Actor]:
        """Whom the verb's purpose clause acts on ("to stop the marchers reaching the palace")."""
        return distinct([a for clause in verb.children
                         if clause.dep_ in ("advcl", "xcomp") and has_child(clause, "aux")
                         for obj in clause.children if obj.dep_ == "dobj"
                         for a in self.argument_actors(obj)])

    def _purpose_tells(self, verb: Token, kind: str) -> bool:
        """A purpose clause of the verb ("to disperse the crowd") is an event of this type."""
        for clause in verb.children:
            if clause.dep_ in ("advcl", "xcomp") and has_child(clause, "aux"):
                spec = trigger_of(self.lexicon, clause)
                if spec is not None and spec.type == kind:
                    return True
        return False

    def impact_event(self, verb: Token) -> Found | None:
        """A weapon or an attack that hits something: "two rockets hit northern Israel",
        "shelling struck a suburb of Tripoli", "Kyiv was hit by Russian missiles"
        (data/senses.yaml, impact_verbs): an attack on what was hit, by the weapon's owner
        ("Israeli rockets", "rockets fired by Hezbollah") or else by no one the clause names
        (the pipeline keeps it as doerless violence)."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.senses.impact_verbs:
            return None
        passive = has_child(verb, "nsubjpass")
        weapons = prepositional_objects(verb, ("agent",)) if passive else [inherited_subject(verb)]
        subject = next((w for w in weapons if w is not None and self._is_weapon(w)), None)
        if subject is None:
            return None
        attack = replace(self.lexicon.verbs["attack"], targets=("obj",))
        hit = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        targets = []
        for obj in hit:
            targets += self._object_actors(obj, attack) or self._people_of_place([obj])
        if hit and not targets:
            # "Israeli rockets hit a school in Gaza": the place the verb's phrase names
            targets = self._people_of_place(prepositional_objects(verb, words=("in", "near")))
        if not targets:
            return None
        # "rockets fired by Hezbollah hit ...": the weapon's own by-phrase names the doer
        sources = [a for c in subject.children if c.dep_ == "acl"
                   for g in prepositional_objects(c, ("agent",)) for a in self.actors_named(g)]
        sources = sources or self._noun_participants(subject, attack)[0]  # "Israeli rockets"
        sources = [s for s in sources if s not in targets]
        return Found([verb], attack, distinct(sources), distinct(targets), verb, mode=None)

    def _people_of_place(self, phrases: list[Token]) -> list[Actor]:
        """The people of the first place the phrases name ("a residential suburb of Aleppo")."""
        places = (self.place_of(t) for phrase in phrases for t in phrase.subtree
                  if t == phrase or t.ent_type_ in ("GPE", "LOC") or t.pos_ == "PROPN")
        country = next((p.country for p in places if p is not None and p.country), None)
        return [Actor(None, country, "CVL")] if country else []

    def _is_weapon(self, noun: Token) -> bool:
        """A weapon ("rockets") or an attack noun ("shelling", "air strikes")."""
        spec = self.lexicon.nouns.get(noun.lemma_.lower())
        return noun.lemma_.lower() in self.lexicon.violent_causes or (
            spec is not None and spec.type == "ASSAULT")

    def _outcome_parties(self, noun: Token) -> tuple[list[Actor], list[Actor]] | None:
        """The parties of the talks an agreement came out of: "Mali opened talks with Algeria,
        culminating in deals", "talks between X and Y ended in an accord", "the talks, which
        led to a deal" (data/senses.yaml, outcomes); None when no talks are told."""
        if noun.lemma_.lower() not in self.senses.outcome_nouns:
            return None
        while noun.dep_ == "pobj" and noun.head.lower_ == "of" and (
                noun.head.head.lemma_.lower() in self.senses.measures):
            noun = noun.head.head  # "culminating in a series of deals"
        if noun.dep_ == "pobj" and noun.head.lower_ in self.senses.outcome_prepositions:
            verb = noun.head.head
        elif noun.dep_ == "dobj":
            verb = noun.head
        else:
            return None
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.senses.outcome_verbs:
            return None
        for talks in self._talks_ended_by(verb):
            event = self._noun_event(talks, trigger_of(self.lexicon, talks))
            if event is not None and event.sources and event.targets:
                return event.sources, event.targets
        return None

    def _talks_ended_by(self, verb: Token) -> list[Token]:
        """The talks a verb of outcome tells the end of: its subject ("the talks ended in"),
        the noun its relative clause qualifies ("talks, which led to"), or the object or
        subject of the clause its participle hangs from ("opened talks, culminating in")."""
        words = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ in ("relcl", "acl"):
            words.append(verb.head)
        if verb.dep_ == "advcl":
            words += [c for c in verb.head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
        return [w for w in words if w.pos_ == "NOUN" and (spec := trigger_of(self.lexicon, w)) is not None
                and spec.type == "CONSULT"]

    def _sender_of_object(self, verb: Token) -> list[Actor]:
        """Whose offer, proposal or invitation the verb's object is, by its "from" phrase
        ("accepted an offer of talks from the rebels", "rejected a proposal from Kyiv")."""
        objects = [o for o in verb.children if o.dep_ in ("dobj", "nsubjpass")]
        objects += [g for o in objects for g in prepositional_objects(o, words=("of",))]  # "of talks from X"
        return [a for obj in objects for g in prepositional_objects(obj, words=("from",))
                for a in self.actors_named(g)]

    def _held(self, noun: Token) -> list[Actor]:
        """Who is held in custody by a copular verb: "he is under preventive detention", "the
        journalist remains in detention" (data/senses.yaml, custody)."""
        if noun.dep_ != "pobj" or noun.head.lower_ not in self.senses.custody_prepositions:
            return []
        verb = noun.head.head
        if verb.lemma_.lower() not in self.senses.custody_verbs:
            return []
        return self.subject_actors(verb)

    def _standing(self, noun: Token) -> list[Actor]:
        """Who is in the state an event noun names by a copular verb: "troops remained on
        high alert", "the army went on high alert" (data/constructions.yaml, standing)."""
        data = standing()
        if noun.dep_ != "pobj" or noun.head.lower_ not in data["prepositions"]:
            return []
        verb = noun.head.head
        return self.subject_actors(verb) if verb.lemma_.lower() in data["verbs"] else []

    def _brokers(self, noun: Token) -> list[Actor]:
        """Who brokered or mediated an agreement, by its participle ("brokered by Russia")."""
        return [a for clause in noun.children if clause.dep_ in ("acl", "relcl")
                and clause.lemma_.lower() in self.senses.brokers
                for g in prepositional_objects(clause, ("agent",)) for a in self.actors_named(g)]

    def lacks(self, event: Found) -> bool:
        """An event noun the text says was lacking: "the talks broke up without agreement"."""
        word = event.trigger[-1]
        return word.pos_ == "NOUN" and word.dep_ == "pobj" and (
            word.head.lower_ in self.senses.lacking_prepositions)

    def _vehicle(self, noun: Token) -> Token | None:
        """The thing an event noun modifies that carries the event ("aid convoy")."""
        head = noun.head
        if noun.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() in self.senses.vehicles:
            return head
        return None

    def _traveller(self, talks: Token) -> list[Actor]:
        """Who travels for talks takes part in them: "X arrived in Beijing ahead of talks
        with Y", "X flew to Cairo for a meeting with Y" (data/senses.yaml, carriers)."""
        if talks.dep_ != "pobj" or talks.head.dep_ != "prep":
            return []
        preposition = talks.head
        word, verb = preposition.lower_, preposition.head
        if word == "of" and verb.lower_ == "ahead":  # "ahead of talks"
            word, verb = "ahead", verb.head
        if word not in self.senses.travel_prepositions or verb.pos_ not in ("VERB", "AUX") or (
                verb.lemma_.lower() not in self.senses.travel_verbs):
            return []
        return self.subject_actors(verb)

    def _travel_destination(self, visit: Token) -> list[Actor]:
        """ "X arrived in Tehran on a visit", "flew to Hanoi on a state visit": the state of the
        place the travel verb carrying the visit names is the host."""
        return self.actors_named(next((o for o in prepositional_objects(visit.head.head, words=("in", "to"))
                                       if self.place_of(o)), None))

    def _decider(self, word: Token) -> list[Actor]:
        """Who decides, orders or announces the act a word names, where the sentence says so
        ("the president ordered the closure of the embassy", "the EU agreed on new
        sanctions", "the ministry announced its decision to expel three diplomats"): the
        subject of a carrier verb above it, or the owner of a carrier noun (data/senses.yaml)."""
        head = word
        while head.dep_ in ("conj", "compound") and head.head != head:
            head = head.head
        above = head.head
        if head.dep_ == "pobj" and above.dep_ == "prep" and above.lower_ in ("on", "for", "of"):
            above = above.head
        elif head.dep_ not in ("dobj", "acl", "xcomp", "nsubjpass"):
            return []
        lemma = above.lemma_.lower()
        if above.pos_ == "VERB" and lemma in self.senses.carrier_verbs:
            if head.dep_ == "nsubjpass":
                agent = first_child(above, "agent")
                return self.actors_named(first_child(agent, "pobj")) if agent is not None else []
            return self.subject_actors(above) or self._gerund_doer(above)
        if above.pos_ == "NOUN" and lemma in self.senses.carrier_nouns:
            # "its decision to expel", "an attempt by X to storm": the owner, else who announced it
            named = self.actors.owner_of(above) or [
                a for g in prepositional_objects(above, words=("by",)) for a in self.actors_named(g)]
            if named or (above.dep_ == "dobj" and above.head.lemma_.lower() in self.senses.thwarting):
                return named  # "foiled a bid to seize the town": not the foiler's bid
            return self._governor_subject(above) or self._decider(above)
        return []

    def _gerund_doer(self, verb: Token) -> list[Actor]:
        """Who does a gerund after a preposition of manner or time: the subject of the clause
        it hangs from ("Canada responded by expelling two diplomats", "after meeting X");
        not "accused X of shelling", "stopped X from entering" (data/senses.yaml)."""
        preposition = verb.head
        if verb.dep_ != "pcomp" or preposition.lower_ not in self.senses.gerund_prepositions:
            clause = adjunct_clause(verb)  # "in addition to condemning X, Y called on ..."
            return self.subject_actors(clause) if clause is not None else []
        clause = preposition.head
        return self.subject_actors(clause) if clause.pos_ in ("VERB", "AUX") else []

    def _reduced_relative(self, verb: Token) -> tuple[list[Actor], list[Actor]] | None:
        """A reduced passive relative the parser read as a main verb: "The PKK, designated a
        terrorist group by Turkey and the EU, took up arms" (designated: VBD with the PKK as
        subject): the by-phrase names the doers, the "subject" is what it is done to."""
        subject = first_child(verb, "nsubj")
        if verb.tag_ != "VBD" or subject is None or verb.i < 2 or verb.nbor(-1).text != "," or (
                subject.right_edge.i != verb.i - 1 and subject.right_edge.i != verb.i - 2):
            return None
        holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "oprd"))]
        agents = [a for h in holders for g in prepositional_objects(h, words=("by",))
                  for a in self.actors_named(g)]
        return (agents, self.actors_named(subject)) if agents else None

    def _unsaid_subject(self, verb: Token) -> list[Actor]:
        """The doer of a verb with no subject of its own: a gerund's clause subject, or the
        author of the document a participle qualifies ("a decree imposing sanctions")."""
        if verb.dep_ == "acl":
            return self._decider(verb)
        return self._gerund_doer(verb)

    def _object_is_a_party(self, verb: Token) -> bool:
        """A direct object, where the verb has one, that is itself an actor ("repelled the
        rebels", "pressed Iran"), not a thing with an actor in its of-phrase."""
        objects = [w for o in direct_objects(verb, passive=True) for w in (o, *o.conjuncts)]
        return not objects or any(o.pos_ in ("PROPN", "PRON") or self.actors.actor_of(o) is not None
                                  for o in objects)

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
        if spec.unasked and self._asks_nothing_of_a_person(verb, spec):
            spec = self.lexicon.verbs.get(spec.unasked) or spec  # "called on the president": a visit
        sources, targets = self._reduced_relative(verb) or self._verb_arguments(verb, spec)
        if not sources:
            # "its decision to expel three diplomats", "responded by expelling two diplomats"
            sources = self._unsaid_subject(verb)
        if spec.object_owner and not targets:
            targets = self._sender_of_object(verb)  # "accepted an offer of talks from X"
        if spec.not_with:  # a talk needs an identifiable party: not "the nation", not reporters
            targets = [t for t in targets if t.sector not in spec.not_with and (t.name or t.country)]
        if spec.requires & {"actor_object", "actor_or_place_object"} and not targets and not (
                "actor_or_place_object" in spec.requires and self._takes_place(verb)):
            return None
        if "actor_object" in spec.requires and not self._object_is_a_party(verb):
            return None  # "repelled every argument of the prosecution": a thing of a party's
        if "armed_source" in spec.requires and not (sources and all(s.sector in ("MIL", "REB") for s in sources)):
            return None  # "soldiers left the town" is a retreat, "the minister left the city" none
        if spec.civilian_type and sources and all(s.sector in ("CVL", None) for s in sources):
            spec = self.lexicon.verbs.get(spec.civilian_type) or spec  # people protesting: PROTEST
        if spec.penalty_type and self._done_by_penalty(verb):
            spec = self.lexicon.verbs.get(spec.penalty_type) or spec  # "sanctions target X": SANCTION
            if not sources and verb.dep_ == "acl":  # "Canada announced measures targeting X"
                sources = self.actors.owner_of(verb.head) or self._decider(verb.head)
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

    def _done_by_penalty(self, verb: Token) -> bool:
        """ "The sanctions target X", "measures targeting X", "a list of its own, targeting X":
        the verb's subject, the noun it qualifies, or what its clause's verb brings is a penalty."""
        penalties = self.lexicon.object_classes.get("penalty", frozenset())
        doers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ in ("relcl", "acl"):
            doers.append(verb.head)
        elif verb.dep_ == "advcl":
            doers += [w for w in verb.head.subtree if w.dep_ in ("dobj", "pobj") and w.i < verb.i]
        return any(d.lemma_.lower() in penalties for d in doers)

    def _takes_place(self, verb: Token) -> bool:
        """ "The region was occupied by Turkish troops", "occupied it": the object (or
        passive subject) is a place, whose holder the seizure construction finds."""
        places = self.lexicon.object_classes.get("territory", frozenset())
        return any(o.lemma_.lower() in places or o.ent_type_ in ("GPE", "LOC", "FAC")
                   for o in direct_objects(verb, passive=True))

    def _asks_nothing_of_a_person(self, verb: Token, spec: Trigger) -> bool:
        """ "X called on the ADB president in Washington": no act asked for (no "to ..."
        clause, no "for"), and the one called on is a person, not a state or a people."""
        if any(c.dep_ in ("xcomp", "ccomp", "advcl") or (c.dep_ == "prep" and c.lower_ == "for")
               for c in verb.children):
            return False
        called = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in spec.targets
                  for g in c.children if g.dep_ == "pobj"]
        return any(g.ent_type_ == "PERSON" or g.lemma_.lower() in self.actors.rules.person_nouns
                   or self.actors.role_in_phrase(g) for g in called)

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
        outcome = spec.type == "AGREE" and not (sources and targets) and self._outcome_parties(noun)
        if outcome:  # "talks with X culminating in deals": the talks' parties reached them
            sources, targets = outcome
        if spec.type == "COERCE" and not targets and (held := self._held(noun)):
            targets = held  # "he is under house arrest": held by the state where it happens
            sources = sources or state_doer(noun, spec.key, self._country_named, targets)
        if not sources and spec.type in standing()["types"]:
            sources = self._standing(noun)  # "troops remained on high alert"
        brokers = self._brokers(noun)  # "the accord between A and B, brokered by Russia"
        if brokers and spec.mode != "third-party":
            sources = [s for s in sources if s not in brokers]
            targets = [t for t in targets if t not in brokers]
            if not sources and not targets and spec.type in UNORDERED_TYPES:
                sources, targets = self._clause_pair(noun)  # "the truce between A and B"
        vehicle = self._vehicle(noun)
        if vehicle is not None:  # "a Turkish aid convoy to Idlib": the convoy's parties
            carried = self._noun_participants(vehicle, spec)
            sources, targets = sources or carried[0], targets or carried[1]
        phrase = vehicle or noun
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
        if not sources and phrase.dep_ == "dobj" and phrase.head.lemma_.lower() in self.lexicon.light_verbs:
            # "responded by imposing sanctions", "a decree imposing sanctions"
            sources = self._unsaid_subject(phrase.head)
            own = own or bool(sources)
        if not sources:
            sources = self._decider(noun)  # "ordered the closure of the embassy"
            if not sources and spec.type == "CONSULT":
                sources = self._traveller(noun)  # "arrived in Beijing for talks with X"
                if sources and not targets and spec.mode == "visit":
                    targets = [t for t in self._travel_destination(noun) if t not in sources]
            own = own or bool(sources)
        if not sources and spec.type == "ASSAULT":
            sources = self._attacker_by_kind(noun)
        carrier = self.light_carrier(phrase)
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
        parties = self.actors.last_parties()
        if not sources and not targets and spec.type in UNORDERED_TYPES and parties and (
                is_definite(noun) or any(c.lower_ in ("bilateral", "joint", "mutual") for c in noun.lefts)):
            sources, targets = [parties[0]], list(parties[1:])  # the pair's or group's talks
        if ("actor" in spec.requires) and not own:
            return None
        if "transfer_verb" in spec.requires and clause.lemma_.lower() not in ("offer", "provide", "send", "deliver", "supply", "donate", "give", "ship"):
            return None
        if not sources and not targets and spec.type not in UNORDERED_TYPES:
            return None  # cooperation nouns may still take the speaker's pair, see find()
        lemma = noun.lemma_.lower()
        trigger = [c for c in noun.lefts if c.dep_ == "compound" and spec.key in (
            f"{c.lower_} {lemma}", f"{c.lower_}-{lemma}")] + [noun]
        if spec.mode == "visit" and not any(t.name for t in targets):
            targets = self._hosts(noun, sources) or targets
        found = Found(trigger, spec, sources, targets, clause, mode=spec.mode)
        found.place_target = self._visit_place(noun) if spec.type == "CONSULT" else None
        return found


def _launch_places(verb: Token) -> list[Token]:
    """The places a verb's "from" phrase names, also through a second preposition
    ("from near Pyongyang", "from off the east coast")."""
    places = prepositional_objects(verb, words=("from",))
    inner = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
             for p in prepositional_objects(c)]
    return places + inner


@lru_cache(maxsize=1)
def standing() -> dict[str, frozenset[str]]:
    data = section("standing", {"verbs": list, "prepositions": list, "types": list})
    return {key: frozenset(str(v) for v in data[key]) for key in ("verbs", "prepositions", "types")}
