"""The argument engine: who does an event and to whom, read from the parse.

Subjects (through xcomp/conj/advcl chains, relative clauses and passives), objects and
prepositional objects of verbs; owners, demonyms, "of"/"by"/"between" phrases of event
nouns; the doer of a noun event through the light or speech verb that carries it.
`Arguments` is a mixin of `SentenceEvents`: it reads the sentence's state (`lexicon`,
`actors`, `skip_before`, `last_attacker`) and the mentions (`actors_named`, `place_of`).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventscope.actors import distinct
from eventscope.events.constructions.clash import clash_sides
from eventscope.events.constructions.data import section
from eventscope.events.constructions.doerless_violence import UNNAMED_VICTIMS
from eventscope.events.constructions.under_fire import undergone_attack
from eventscope.events.constructions.unsaid_doer import patient_is_doer, state_doer
from eventscope.events.found import ANY_TARGET, same_side
from eventscope.events.syntax import (
    clause_verb,
    entity_text,
    first_child,
    has_child,
    inherited_subject,
    is_predicate_noun,
    is_reciprocal,
    noun_dependents,
    objects_of,
    prepositional_objects,
    relative_antecedent,
)
from eventscope.events.triggers import trigger_of
from eventscope.lexicon import Trigger
from eventscope.records import UNORDERED_TYPES, Actor

# Verbs whose infinitive says what the event is about ("threatened to cut ... to X").
INFINITIVE_TYPES = frozenset({"THREATEN", "AGREE", "REJECT", "REQUEST", "SUPPORT", "AID"})
# Acts done for or against someone, who may stand in a phrase of the object ("payments to X").
DIRECTED_TYPES = frozenset({"SANCTION", "AID", "CONCEDE", "RETREAT"})


class Arguments:
    """Sources and targets of verbs and event nouns."""

    def _verb_arguments(self, verb: Token, spec: Trigger) -> tuple[list[Actor], list[Actor]]:
        if spec.type == "PROTEST" and " " not in spec.key and (has_child(verb, "ccomp") or (
                "obj" not in spec.targets and has_child(verb, "dobj"))):
            return [], []  # "results demonstrating our strategy works": showing, no protest
        passive_object = first_child(verb, "nsubjpass")
        patients = self._patients_of(verb, transitive="obj" in spec.targets)
        if passive_object is not None and spec.key in self.lexicon.adjectives:
            # "Israel is opposed to X": a state the subject is in, not something done to it.
            sources, targets = self.actors_named(passive_object), self.targets_of(verb, spec)
        elif patients is not None:
            agents = prepositional_objects(verb, ("agent",))
            sources = distinct([a for agent in agents for a in self.actors_named(agent)])
            targets = distinct([a for patient in patients for a in self.actors_named(patient)])
            if not agents and patient_is_doer(verb):
                sources, targets = targets, self.targets_of(verb, spec)
            elif not agents:
                # "were detained in Minsk": the state where it happens, for the acts states do
                sources = state_doer(verb, spec.key, self._country_named, targets)
        else:
            sources = self.subject_actors(verb)
            targets = self.targets_of(verb, spec)
            if spec.type == "ASSAULT" and not targets:
                sources, targets = clash_sides(self, verb, sources) or (sources, targets)
        if not sources and spec.type == "ASSAULT" and self._cause_doers(verb):
            return [], []  # "the bombing by ISIS killed dozens": the bombing's own event
        if not sources and not targets and spec.type == "ASSAULT":
            # "a priest was kidnapped in Enugu", "a bomb ... wounding three guards": victims
            # the tables do not know, of violence no one is said to do, are people
            victims = patients if patients is not None else [c for c in verb.children if c.dep_ == "dobj"]
            if any(v.pos_ in ("NOUN", "PROPN") and v.lemma_.lower() != "other" for v in victims):
                targets = [Actor(None, None, "CVL", why=UNNAMED_VICTIMS)]
        if not targets and patients is None and spec.type in DIRECTED_TYPES:
            # "suspended budget payments to Hungary": whom the act is for or against may
            # hang from its object
            targets = self.targets_of(verb, ANY_TARGET)
        if not targets and spec.type in INFINITIVE_TYPES:
            # "threatened to cut gas supplies to Moldova", "agreed to send aid to X".
            for clause in (c for c in verb.children if c.dep_ == "xcomp"):
                targets = self.targets_of(clause, spec) or self.targets_of(clause, ANY_TARGET)
                if targets:
                    break
        return sources, targets

    def _patients_of(self, verb: Token, transitive: bool) -> list[Token] | None:
        """What a passive verb is done to, or None when the verb is not passive: its
        passive subject ("who were detained": the noun the relative clause qualifies), and
        for a `transitive` trigger the noun a reduced relative qualifies ("the journalists
        detained on Monday") or the subject a passive conjunct shares ("were arrested and
        charged"); not "crimes committed by X", which is no commitment."""
        subject = first_child(verb, "nsubjpass")
        if subject is not None:
            return [relative_antecedent(subject) or subject]
        if not transitive or verb.tag_ != "VBN" or has_child(verb, "nsubj", "dobj", "aux"):
            return None
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [verb.head]
        if verb.dep_ == "conj" and not has_child(verb, "auxpass"):
            shared = first_child(verb.head, "nsubjpass")
            if shared is not None:
                return [relative_antecedent(shared) or shared]
        return None

    def _cause_doers(self, verb: Token) -> list[Actor]:
        """Who did the attack a violent verb's subject names ("the bombing by ISIS killed
        dozens"), only where the noun phrase says so."""
        cause = inherited_subject(verb)
        spec = self.lexicon.nouns.get(cause.lemma_.lower()) if cause is not None else None
        if spec is None or spec.type != "ASSAULT":
            return []
        return self._noun_participants(cause, spec)[0]

    def _country_named(self, token: Token) -> str | None:
        """The country a place or state phrase names ("from China", "the Argentine ministry")."""
        place = self.place_of(token)
        if place is not None and place.country:
            return place.country
        return self.actors.country_in_phrase(token) or next(
            (a.country for a in self.actors.actors_of(token) if a.country and not a.name), None)

    def subject_of(self, verb: Token) -> Token | None:
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
            subjects = [(first_child(c, "nsubj") or c) if c.dep_ == "csubj" else c
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

    def subject_actors(self, verb: Token) -> list[Actor]:
        return distinct([a for subject in self._subjects_of(verb) for a in self.actors_named(subject)])

    def targets_of(self, head: Token, spec: Trigger) -> list[Actor]:
        for where in spec.targets:
            for argument in self._argument_tokens(head, where):
                actors = self._object_actors(argument, spec)
                if actors:
                    return actors
        return self._grievance_owner(head) if spec.type == "ACCUSE" else []

    def _grievance_owner(self, head: Token) -> list[Actor]:
        """ "protested over Koizumi's visit", "complained about Iran's remarks": the one whose
        deed the complaint is about is its target, though the verb takes no object for it."""
        for word in self.actors.rules.grievance_prepositions:
            for deed in self._argument_tokens(head, word):
                if deed.pos_ == "NOUN" and any(c.dep_ == "poss" for c in deed.children):
                    owners = self.actors.owner_of(deed)
                    if owners:
                        return owners
        return []

    def _argument_tokens(self, head: Token, where: str) -> list[Token]:
        if where == "obj":
            objects = [c for c in head.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
            if not objects and head.dep_ == "relcl" and has_child(head, "nsubj") and not has_child(
                    head, "prep", "ccomp", "xcomp") and head.head.pos_ in ("NOUN", "PROPN"):
                # "the hostages the Houthis freed": the relative clause's object left unsaid
                objects = [head.head]
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
        # "the diplomats that Norway expelled": what the relative pronoun stands for
        argument = relative_antecedent(argument) or argument
        for antecedent in _participle_object_antecedents(argument):
            if argument.lower_ == "it" and self._names_person(antecedent):
                continue  # "recalled its ambassador from Bolivia, accusing it": not the envoy
            found = self._object_actors(antecedent, spec)
            if found:
                return found
        if is_reciprocal(argument):
            # "Chad and Sudan accused each other": each of the doers is the other's target
            return self.subject_actors(clause_verb(argument.head))
        if spec.object_event or (spec.object_owner and argument.lemma_.lower() in self.lexicon.nouns):
            agents = self._event_agents(argument)
            if agents:
                return agents
            if spec.object_event and self.lexicon.nouns.get(argument.lemma_.lower()) is not None:
                return []  # "condemned the shelling of our embassy": whose embassy is the victim
        if argument.pos_ == "NOUN" and not self.actors.names_actor(argument):
            # "the Syrian Arab Army's war", "Russian stances": a thing; its owner is the target.
            owners = self.actors.owner_of(argument)
            if owners:
                return owners
        actors = self.actors_named(argument)
        if len(actors) == 1 and actors[0].country is None and actors[0].sector is None:
            # A name the tables do not know as an actor but the gazetteer knows as a place.
            place = self.places.lookup(entity_text(argument))
            if place is not None and place.country:
                return [Actor(None, place.country, "CVL")]
        if actors:
            return actors
        if argument.ent_type_ in ("GPE", "LOC", "FAC"):
            place = self.places.lookup(entity_text(argument))
            if place is not None and place.country:
                return [Actor(None, place.country, "CVL")]
        return []

    def _objects(self, verb: Token) -> list[Token]:
        """A verb's object nouns, with what they measure ("50 tonnes of aid" -> aid too)."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += prepositional_objects(verb)
        objects += [g for o in list(objects) for g in prepositional_objects(o, words=("of",))]
        return objects

    def _object_lemma_in(self, verb: Token, lemmas: frozenset[str]) -> bool:
        return any(o.lemma_.lower() in lemmas for o in self._objects(verb))

    def _names_person(self, noun: Token) -> bool:
        return noun.ent_type_ == "PERSON" or noun.lemma_.lower() in self.actors.rules.person_nouns

    def _has_person_object(self, verb: Token) -> bool:
        """Is the object a person or a delegation (received the envoy), not a thing?"""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] or self._argument_tokens(verb, "obj")
        for obj in (relative_antecedent(o) or o for o in objects):
            if obj.ent_type_ == "PERSON" or obj.lemma_.lower() in self.actors.rules.person_nouns:
                return True
            if self.actors.role_in_phrase(obj):
                return True
        return False

    def _event_agents(self, noun: Token) -> list[Actor]:
        """Who did the event a noun names ("the attacks by X", "X's crimes", "terrorist attacks")."""
        spec = self.lexicon.nouns.get(noun.lemma_.lower())
        if spec is None and noun.lemma_.lower() not in ("terrorism", "aggression", "violence", "occupation"):
            return []
        sources, targets = self._noun_participants(noun, spec) if spec else ([], [])
        if sources:
            return sources
        if spec is not None and spec.type == "ASSAULT" and self.last_attacker:
            return [self.last_attacker]
        if targets:
            return []  # "the shelling of our embassy": the phrase names the victim only
        actor = self.actors.actor_of(noun)
        return [actor] if actor else []

    def event_agents_of(self, noun: Token) -> list[Actor]:
        """Who did what a noun names: "by X", "X's", a demonym or owner of the noun, or
        what a sentence says it is ("these forces are an obstacle")."""
        if is_predicate_noun(noun):
            subjects = [a for c in noun.head.children if c.dep_ == "nsubj" for a in self.actors_named(c)]
            if subjects:
                return subjects
        for child in noun.children:
            if child.dep_ in ("prep", "agent") and child.lower_ == "by":
                found = [a for g in objects_of(child) for a in self.actors_named(g)]
                if found:
                    return found
        return self.actors.owner_of(noun)

    def _noun_participants(self, noun: Token, spec: Trigger) -> tuple[list[Actor], list[Actor]]:
        mutual = self._reciprocal_parties(noun)
        if mutual:
            return mutual, mutual
        undergone = undergone_attack(self, noun) if spec.type == "ASSAULT" else None
        return undergone or self._own_participants(noun, spec)

    def _reciprocal_parties(self, noun: Token) -> list[Actor]:
        """ "Serbia and Kosovo traded accusations": the subjects of a reciprocal verb
        carrying the noun, each of whom does it to the other."""
        if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in reciprocal_verbs():
            return []
        parties = self.subject_actors(noun.head)
        return parties if len(parties) >= 2 else []

    def _own_participants(self, noun: Token, spec: Trigger) -> tuple[list[Actor], list[Actor]]:
        sources: list[Actor] = []
        targets: list[Actor] = []
        for child in noun_dependents(noun):
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i):
                if child.dep_ == "amod" and child.lower_ in ("bilateral", "joint", "mutual"):
                    continue
                actor = self._modifier_actor(child)
                if actor:
                    sources.append(actor)
            elif child.dep_ in ("prep", "agent"):
                word = child.lower_
                objects = objects_of(child)
                # "the withdrawal of troops": "of" names the doer, unless the lexicon gives it as
                # the noun's one target ("the release of hostages", "the invasion of Iraq")
                if word == "by" or (word == "of" and spec.type in ("CONSULT", "SUPPORT", "AID", "RETREAT")
                                    and tuple(spec.targets) != ("of",)
                                    and not sources and not in_favour_phrase(noun, spec)):
                    for obj in objects:
                        if spec.type == "CONSULT" and word == "of" and self.place_of(obj):
                            continue
                        sources.extend(self.actors_named(obj))
                elif word == "between":
                    pair = [a for obj in objects for a in self.actors_named(obj)]
                    if len(pair) >= 2 and spec.mode == "third-party":
                        targets = pair  # "X's mediation between A and B": X mediates, A and B are mediated
                    elif len(pair) >= 2:
                        sources, targets = [pair[0]], [pair[1]]
                elif word in spec.targets or (word == "of" and spec.type == "ASSAULT"):
                    # "the shelling of our embassy": what is attacked
                    for obj in objects:
                        targets.extend(self._object_actors(obj, spec) or self._place_actor(obj))
        if sources and noun.dep_ == "conj" and noun.head.ent_type_ in ("PERSON", "ORG", "GPE") and has_child(
                noun, "poss"):
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
            targets = self.subject_actors(noun.head)
        if not sources and not targets and spec.type in UNORDERED_TYPES:
            # "contacts continue daily between the two leaderships"
            sources, targets = self._clause_pair(noun)
            if spec.mode == "third-party":
                sources, targets = [], sources + targets  # the pair is mediated, not mediating
        return distinct(sources), distinct(targets)

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
            return self.subject_actors(noun.head)
        head = noun
        for _ in range(4):
            while head.dep_ in ("conj", "appos", "compound") and head.head != head:
                head = head.head
            if head != noun:
                owner = first_child(head, "poss")
                if owner is not None:
                    return self.actors_named(owner)
            if head.dep_ in ("dobj", "nsubjpass", "attr") and head.head.pos_ in ("VERB", "AUX"):
                # Only a verb that carries the noun ("held talks", "stressed support") makes
                # its subject the doer; "X condemned the attack" says nothing of who attacked.
                if head.head.lemma_.lower() in self.lexicon.light_verbs | self.lexicon.speech_verbs:
                    return self.subject_actors(head.head)
                return []
            if head.dep_ == "pobj" and head.head.dep_ == "prep":
                above = head.head.head
                if above.pos_ in ("VERB", "AUX"):
                    verb_words = self.lexicon.light_verbs | self.lexicon.speech_verbs
                    if head.head.lower_ in ("during", "in", "at", "on", "of", "for", "through") and (
                            above.lemma_.lower() in verb_words):
                        return self.subject_actors(above)
                    return []
                if above.pos_ in ("NOUN", "PROPN"):
                    if trigger_of(self.lexicon, above) is not None:
                        return []  # "rejection of X's measures": the measures are not the rejecter's
                    head = above
                    continue
            return []
        return []

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
        return self.subject_actors(above) if above.pos_ in ("VERB", "AUX") and not qualified else []

    def _attacker_by_kind(self, noun: Token) -> list[Actor]:
        """ "terrorist attacks": the terrorists the article named last, else armed non-state actors."""
        sector = next((self.actors.rules.sector_adjectives.get(c.lemma_.lower()) for c in noun.lefts
                       if c.lemma_.lower() in self.actors.rules.sector_adjectives), None)
        if sector is None:
            return []
        if self.last_attacker is not None and self.last_attacker.sector == sector:
            return [self.last_attacker]
        return [Actor(None, None, sector)]

    def _clause_pair(self, noun: Token) -> tuple[list[Actor], list[Actor]]:
        """The nearest "between X and Y", else the nearest "both sides", in the noun's sentence."""
        preps = sorted((t for t in noun.sent if t.dep_ == "prep" and t.lower_ == "between"),
                       key=lambda t: abs(t.i - noun.i))
        for prep in preps:
            pair = [a for obj in objects_of(prep) for a in self.actors_named(obj)]
            if len(pair) >= 2:
                return [pair[0]], [pair[1]]
        # "the keenness of our two countries to continue cooperation": a pair the sentence names
        for word in sorted(noun.sent, key=lambda t: abs(t.i - noun.i)):
            if word.pos_ == "NOUN" and word.idx >= self.skip_before:
                pair = self.actors.pair_reference(word)
                if pair:
                    return [pair[0]], list(pair[1:])  # a pair, or a group ("the parties")
        return [], []

    def _hosts(self, visit: Token, visitors: list[Actor]) -> list[Actor]:
        """ "during his tour of Damascus, accompanied by President Assad": who accompanies a
        visitor from another country is the host."""
        clause = clause_verb(visit)
        companions = [a for word in (*visit.children, *clause.children)
                      if word.dep_ in ("acl", "advcl") and word.lemma_.lower() in self.lexicon.companion_verbs
                      for obj in prepositional_objects(word, ("agent",)) for a in self.actors_named(obj)]
        return [a for a in companions if not any(same_side(a, v) for v in visitors)]


_OBJECT_PRONOUNS = frozenset({"it", "him", "her", "them"})


def _participle_object_antecedents(pronoun: Token) -> list[Token]:
    """ "called a strike against the government, accusing it of ...": the object pronoun
    of a trailing participle stands for what the main clause acted on (its object, or the
    object of a preposition on the verb or on that object)."""
    verb = pronoun.head
    if pronoun.lower_ not in _OBJECT_PRONOUNS or pronoun.dep_ != "dobj" or verb.tag_ != "VBG" \
            or verb.dep_ != "advcl" or verb.head.i > verb.i:
        return []
    main = verb.head
    objects = [c for c in main.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    preps = [p for head in (main, *objects) for p in head.children if p.dep_ == "prep"]
    named = [g for p in preps for g in p.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
    return [*objects, *named]


@lru_cache(maxsize=1)
def reciprocal_verbs() -> frozenset[str]:
    """Verbs whose subjects do the noun they carry to one another (constructions.yaml)."""
    return frozenset(section("reciprocal", {"verbs": list})["verbs"])


def in_favour_phrase(noun: Token, spec: Trigger) -> bool:
    """ "in support of X": the noun heads a phrase saying whom something is for."""
    return spec.type in ("SUPPORT", "AID") and noun.dep_ == "pobj" and noun.head.lower_ == "in" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
