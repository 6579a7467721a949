"""The argument engine: who does an event and to whom, read from the parse.

Subjects (through xcomp/conj/advcl chains, relative clauses and passives), objects and
prepositional objects of verbs; owners, demonyms, "of"/"by"/"between" phrases of event
nouns; the doer of a noun event through the light or speech verb that carries it.
`Arguments` is a mixin of `SentenceEvents`: it reads the sentence's state (`lexicon`,
`actors`, `skip_before`, `last_attacker`) and the mentions (`actors_named`, `place_of`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Token

from eventscope.actors import distinct
from eventscope.events.constructions.clash import clash_sides, reciprocal_verbs
from eventscope.events.constructions.data import section
from eventscope.events.constructions.doerless_violence import UNNAMED_VICTIMS
from eventscope.events.constructions.issued_text import text_author
from eventscope.events.constructions.under_fire import undergone_attack
from eventscope.events.constructions.unsaid_doer import patient_is_doer, state_doer
from eventscope.events.dyads import OWN_INSTITUTION
from eventscope.events.found import ANY_TARGET, same_party, same_side
from eventscope.events.syntax import (
    clause_verb,
    direct_objects,
    entity_text,
    first_child,
    has_child,
    inherited_subject,
    is_predicate_noun,
    is_reciprocal,
    main_clause_antecedent,
    noun_dependents,
    objects_in_time_phrase,
    objects_of,
    prepositional_objects,
    relative_antecedent,
    reporting_verb,
)
from eventscope.events.triggers import trigger_of
from eventscope.lexicon import Trigger
from eventscope.records import UNORDERED_TYPES, Actor

# Where an act under "refused / agreed to" sends the doer's own people: whom it is for.
SENT_TO = replace(ANY_TARGET, targets=(*ANY_TARGET.targets, "in", "into"))

# Verbs whose infinitive says what the event is about ("threatened to cut ... to X").
INFINITIVE_TYPES = frozenset({"THREATEN", "AGREE", "REJECT", "REQUEST", "SUPPORT", "AID"})
# Dependents of a verb that leave its object to a conjunct ("detained and questioned X").
BARE_VERB_DEPS = frozenset({"nsubj", "aux", "neg", "advmod", "cc", "conj", "punct", "npadvmod"})
# Types of the nouns whose owner is who is asked when someone asks for them ("its help").
HELP_TYPES = frozenset({"AID", "SUPPORT", "COOPERATE"})
# Sectors of an actor that speaks for its state.
STATE_SECTORS = frozenset({"GOV", "MIL", None})
# Prepositions by which a predicate takes an event noun as its argument ("agreed to a truce").
ARGUMENT_PREPOSITIONS = frozenset({"to", "on", "for", "in", "into"})
# Acts imposed on a place ("a curfew in Mosul", "suspended deliveries in Aden", "warned of ruin
# in Chad") that are aimed at the people living there when no party is named.
PLACE_MEASURE_TYPES = frozenset({"COERCE", "SANCTION", "THREATEN"})
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
            sources = self._agents_of(verb)
            targets = distinct([a for patient in patients for a in self.argument_actors(patient)])
            if spec.type == "ASSAULT" and targets and not any(t.country or t.sector for t in targets):
                # "Aleppo's airport was targeted": a place the tables know by name only
                targets = next(filter(None, (self._place_hit(p) for p in patients)), targets)
            if patient_is_doer(verb):
                # "troops were deployed (by India) to the border": the forces are the mover's
                sources = sources if agents else targets
                targets = self.targets_of(verb, spec)
            else:
                targets = targets or self._passive_targets(verb, spec, patients)
                if not agents and spec.type == "ASSAULT":
                    # "were killed in a Turkish drone strike": the doer of the attack it was in
                    sources = self._attack_doers(verb)
                if not agents and not sources:
                    # "were detained in Minsk": the state where it happens, for the acts states do
                    sources = state_doer(verb, spec.key, self._country_named, targets)
        else:
            sources = self.subject_actors(verb)
            targets = self.targets_of(verb, spec)
            if spec.type == "ASSAULT" and not targets:
                sources, targets = clash_sides(self, verb, sources) or (sources, targets)
        if spec.type == "ASSAULT" and not any(s.name or s.country for s in sources):
            sources = self._attackers_told_before(verb, targets) or sources  # "the gunmen killed ..."
        if spec.type == "ASSAULT" and verb.lemma_.lower() in clause_rules()["recapture_verbs"]:
            targets = self._taken_back_from(sources) or targets
        if not sources and spec.type == "ASSAULT" and self._cause_doers(verb):
            return [], []  # "the bombing by ISIS killed dozens": the bombing's own event
        if not sources and not targets and spec.type == "ASSAULT":
            # "a priest was kidnapped in Enugu", "a bomb ... wounding three guards": victims
            # the tables do not know, of violence no one is said to do, are people
            victims = patients if patients is not None else [c for c in verb.children if c.dep_ == "dobj"]
            if any(v.pos_ in ("NOUN", "PROPN") and v.lemma_.lower() != "other" for v in victims):
                targets = [Actor(None, None, "CVL", why=UNNAMED_VICTIMS)]
        if not targets and patients is None and spec.type in DIRECTED_TYPES:
            # "suspended budget payments to Hungary", "froze Russia's assets": whom the act
            # is for or against may hang from its object, or own it
            targets = self.targets_of(verb, ANY_TARGET) or self._object_owners(verb, sources)
        if not targets and spec.type in clause_rules()["joint_partner"]:
            targets = self._joint_partners(verb, sources)  # "pulled out of talks with X"
        if not targets and "relations_object" in spec.requires and len(sources) >= 2:
            # "Chile and Bolivia restored diplomatic ties": the relations are between the doers
            sources, targets = sources[:1], sources[1:]
        if not targets and spec.type == "REQUEST":
            targets = self._asked_giver(verb, sources) or self._message_addressee(verb, sources)
        if not targets and spec.type in INFINITIVE_TYPES:
            # "threatened to cut gas supplies to Moldova", "agreed to send aid to X".
            for clause in (c for c in verb.children if c.dep_ == "xcomp"):
                # a threat is aimed at whom the threatened act is ("threatened to suspend the
                # pact with X"); a pledge or request is not made to whom its act concerns
                act = trigger_of(self.lexicon, clause) if spec.type == "THREATEN" else None
                targets = (act is not None and self.targets_of(clause, act)) or self.targets_of(
                    clause, spec)
                if all(t.country is None and t.name is None for t in targets) and not self._meeting(clause):
                    # "refused to send troops to Iraq", "to deploy peacekeepers in Haiti":
                    # troops of no one named are the doer's own; the act is for where they go
                    # (not where talks are held: "agreed to hold talks in Geneva")
                    targets = self.targets_of(clause, SENT_TO) or targets
                if targets:
                    break
        if not targets and spec.type == "THREATEN":
            targets = self._condition_subjects(verb, sources)  # "threatened to X if Y ..."
        if not targets and spec.type in clause_rules()["against_types"] and patients is None:
            targets = self.targets_of(verb, replace(spec, targets=("against",)))
        if not targets and spec.type in clause_rules()["object_event_target"] and patients is None:
            targets = self._object_event_targets(verb, sources)  # "cancelled a visit to X"
        if not targets and spec.type == "ASSAULT":
            # "carried out strikes targeting X": what the attack noun it carries hit
            targets = next(filter(None, (self._aimed_at(o) for o in direct_objects(verb))), [])
        if not targets and sources and patients is None:
            targets = self._conjunct_target(verb, spec) or self._reporter_as_target(verb, spec, sources)
        if not targets and patients is None and spec.type == "COERCE":
            targets = self._broken_into(verb)  # "hacked into the computers of Israeli banks"
        if not targets and patients is None and spec.mode == "seize":
            targets = self._taken_from(verb)  # "confiscated rockets from Hezbollah fighters"
        if not targets and sources and patients is None and spec.type in PLACE_MEASURE_TYPES:
            targets = self._people_where(verb)
        return sources, targets

    def _broken_into(self, verb: Token) -> list[Actor]:
        """ "hacked into the networks of Taiwanese banks", "broke into the accounts of X": the
        party whose thing, or who, an "into" phrase names."""
        things = prepositional_objects(verb, words=("into",))
        holders = [*things, *(g for t in things for g in prepositional_objects(t, words=("of",)))]
        return distinct([a for h in holders for a in self.argument_actors(h) if a.country or a.name])

    def _taken_from(self, verb: Token) -> list[Actor]:
        """ "seized explosives from Palestinian militants": the party a thing is taken from,
        on the verb or its object; a place there ("from a depot in X") is no party."""
        froms = [g for word in (verb, *direct_objects(verb))
                 for g in prepositional_objects(word, words=("from",))]
        return distinct([a for g in froms for a in self.argument_actors(g) if a.name or a.country
                         or a.sector])

    def _people_where(self, head: Token) -> list[Actor]:
        """ "imposed a curfew in Mosul", "suspended deliveries in Aden", "warned of ruin in
        Chad": the people of the place a measure is imposed in, read from the act, its
        object or what it warns of."""
        carriers = [head, *direct_objects(head), *prepositional_objects(head, words=("of",))]
        if head.dep_ == "dobj":
            carriers.append(head.head)  # "imposed a curfew in Mosul": the parse hangs it on the verb
        for place in (p for word in carriers for p in prepositional_objects(word, words=("in",))):
            actors = self._place_actor(place)
            if actors:
                return [replace(actors[0], sector="CVL")]
        return []

    def _attackers_told_before(self, verb: Token, targets: list[Actor]) -> list[Actor]:
        """ "Al-Shabaab stormed the base ... the gunmen killed 15 soldiers": attackers named
        by what they do only are whoever did the last attack the article told, unless that
        is the victims' side."""
        subject = inherited_subject(verb)
        attacker = self.last_attacker
        if subject is None or attacker is None or attacker.country is None or (
                subject.lemma_.lower() not in clause_rules()["attacker_nouns"]):
            return []
        named = self.actors_named(subject)
        if any(a.sector not in (None, attacker.sector) for a in named):
            return []
        return [] if any(same_party(attacker, t) for t in targets) else [attacker]

    def _taken_back_from(self, sources: list[Actor]) -> list[Actor]:
        """ "Al-Shabaab overran the base ... troops recaptured the base": a place taken back
        is taken from the last attacker the article told, when that is another side."""
        attacker = self.last_attacker
        if attacker is None or not sources or any(same_party(attacker, s) for s in sources):
            return []
        return [attacker]

    def _meeting(self, clause: Token) -> bool:
        """ "to meet in Nairobi", "to hold talks in Geneva": a meeting (CONSULT) told by the
        verb or its object (helper "agree")."""
        objects = direct_objects(clause)  # "to hold a new round of talks"
        objects += [g for o in objects for g in prepositional_objects(o, words=("of",))]
        return any((spec := trigger_of(self.lexicon, w)) is not None and spec.type == "CONSULT"
                   for w in (clause, *objects))

    def _condition_subjects(self, verb: Token, sources: list[Actor]) -> list[Actor]:
        """ "Kenya threatened to close the border if Somalia ...": a threat is aimed at who
        must meet its condition, the subject of an "if"/"unless" clause on the threatened act."""
        acts = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        clauses = [c for act in acts for c in act.children if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in self.lexicon.threats.conditions for m in c.children)]
        found = [a for c in clauses for a in self.subject_actors(c)]
        return _apart_from(found, sources)

    def _object_event_targets(self, verb: Token, sources: list[Actor]) -> list[Actor]:
        """ "cancelled a planned visit to Moscow", "suspended its aid programme for Mali": the
        other party of the event the act is done to."""
        events = [o for o in direct_objects(verb) if o.pos_ == "NOUN"]
        events += [g for o in events for g in prepositional_objects(o, words=("of",))]
        found = [a for noun in events if (spec := self.lexicon.nouns.get(noun.lemma_.lower())) is not None
                 for a in self._own_participants(noun, spec)[1]]
        return _apart_from(found, sources, same_side)

    def _passive_targets(self, verb: Token, spec: Trigger, patients: list[Token]) -> list[Actor]:
        """Whom a passive act is done to where its subject names no one: the subject's
        owner or place ("Aleppo's airport was targeted", "Kharkiv was shelled"), else the
        trigger's prepositions ("a loan was granted to Kenya", "sanctions were imposed on
        Iran")."""
        for patient in patients:
            # "Aleppo's airport": an owner known by name only is the place the target is in
            found = [a for a in self._object_actors(patient, spec) if a.country or a.sector] or (
                self._place_hit(patient) if spec.type == "ASSAULT" else [])
            if found:
                return found
        # not "in": where a passive act happens ("were conducted in northern Iraq") is its place
        prepositions = tuple(where for where in spec.targets if where not in ("obj", "in"))
        return self.targets_of(verb, replace(spec, targets=prepositions)) if prepositions else []

    def _attack_doers(self, verb: Token) -> list[Actor]:
        """Who did the attack a passive act of violence happened in ("were wounded in
        Israeli air raids"), where its noun names them."""
        for noun in prepositional_objects(verb, words=("in", "during")):
            spec = self.lexicon.nouns.get(noun.lemma_.lower())
            if spec is not None and spec.type == "ASSAULT":
                doers = self._own_participants(noun, spec)[0]
                if doers:
                    return doers
        return []

    def _object_owners(self, verb: Token, sources: list[Actor]) -> list[Actor]:
        """Whose the things a verb acts on are, other than its doers' own."""
        owners = [a for o in direct_objects(verb) if o.pos_ == "NOUN" for a in self.actors.owner_of(o)]
        return _apart_from(owners, sources, same_side)

    def _joint_partners(self, verb: Token, sources: list[Actor]) -> list[Actor]:
        """ "pulled out of peace talks with the government", "suspended its cooperation
        with Mali": leaving or breaking off a joint act is aimed at the partner in it."""
        taken = [*direct_objects(verb, passive=True), *prepositional_objects(verb), *(
            g for c in verb.children if c.dep_ in ("prep", "prt", "advmod")
            for p in c.children if p.dep_ == "prep" for g in objects_of(p))]
        # "pulled out its delegations to take part in talks with X": the infinitive's talks
        clauses = [c for c in verb.children if c.dep_ == "xcomp"] + [
            c for o in direct_objects(verb) for c in o.children if c.dep_ in ("relcl", "acl")]
        taken += [g for c in clauses if c.pos_ == "VERB" for g in prepositional_objects(c)]
        joint = [n for n in taken if (spec := self.lexicon.nouns.get(n.lemma_.lower())) is not None
                 and spec.type in UNORDERED_TYPES]
        partners = [a for n in joint for g in prepositional_objects(n, words=("with",))
                    for a in self.argument_actors(g)]
        return _apart_from(partners, sources)

    def _asked_giver(self, verb: Token, sources: list[Actor]) -> list[Actor]:
        """ "asked for its assistance", "sought China's support": who is asked for help is
        the help's owner."""
        asked = [*direct_objects(verb), *prepositional_objects(verb, words=("for",))]
        owners = [a for noun in asked if self._names_help(noun)
                  for a in self.actors.owner_of(noun) or self._its_antecedent(noun)]
        return _apart_from(owners, sources, same_side)

    def _message_addressee(self, verb: Token, sources: list[Actor]) -> list[Actor]:
        """ "marched to deliver a message to the king to demand reforms", "sent a letter to
        the UN demanding ...": whom the message that carries a demand is addressed to."""
        rules = clause_rules()
        current = verb
        for _ in range(3):
            if current.dep_ not in ("xcomp", "advcl", "acl", "conj") or current.head == current:
                return []
            current = current.head
            carriers = [current] if current.lemma_.lower() in rules["message_nouns"] else []
            if current.pos_ == "VERB" and current.lemma_.lower() in rules["address_verbs"]:
                carriers = [current, *(o for o in direct_objects(current)
                                       if o.lemma_.lower() in rules["message_nouns"])]
            addressees = [a for c in carriers for g in prepositional_objects(c, ("prep", "dative"), ("to",))
                          for a in self.argument_actors(g)]
            found = _apart_from(addressees, sources)
            if found:
                return found
        return []

    def _its_antecedent(self, noun: Token) -> list[Actor]:
        """ "to address the United Nations and ask for its assistance": the organisation or
        state an "its" on the noun stands for, the nearest named before it in the sentence
        other than the clause's subjects."""
        owner = first_child(noun, "poss")
        if owner is None or owner.lower_ != "its":
            return []
        subjects = set(self._subjects_of(clause_verb(noun)))
        for word in reversed(noun.sent[:owner.i - noun.sent.start]):
            if word.pos_ == "PROPN" and word.dep_ not in ("compound", "poss") and word.ent_type_ in (
                    "ORG", "GPE") and word not in subjects and word.idx >= self.skip_before:
                return [a for a in self.argument_actors(word) if a.name or a.country]
        return []

    def _names_help(self, noun: Token) -> bool:
        spec = self.lexicon.nouns.get(noun.lemma_.lower())
        return spec is not None and spec.type in HELP_TYPES

    def _conjunct_target(self, verb: Token, spec: Trigger) -> list[Actor]:
        """ "X accused Y of ... and closed the border": whom the first of two hostile acts
        of one doer is aimed at, the second is too, where it names no one itself; and "X
        lodged a protest and summoned Y's envoy": one act told twice, aimed at Y."""
        hostile = clause_rules()["conjunct_hostile"]
        if spec.type not in hostile or any(
                self._argument_tokens(verb, where) for where in spec.targets if where != "obj"):
            return []  # "clashed with his supporters": a party of its own, though unknown
        others = [(verb.head, hostile)] if verb.dep_ == "conj" and not has_child(verb, "nsubj", "nsubjpass") else []
        others += [(c, frozenset({spec.type})) for c in verb.children
                   if c.dep_ == "conj" and not has_child(c, "nsubj", "nsubjpass")]
        for other, types in others:
            other_spec = trigger_of(self.lexicon, other) if other.pos_ == "VERB" else None
            targets = self.targets_of(other, other_spec) if other_spec and other_spec.type in types else []
            if targets:
                return targets
        return []

    def _reporter_as_target(self, verb: Token, spec: Trigger, sources: list[Actor]) -> list[Actor]:
        """ "Lithuania said Belarus had threatened to close the border": the state that
        reports a hostile act of another state, aimed at no one named, is its target."""
        if spec.type not in clause_rules()["reported_against"]:
            return []
        report = reporting_verb(verb, self.lexicon.speech_verbs)
        reporters = self.subject_actors(report) if report is not None else []
        countries = {s.country for s in sources}
        return distinct([Actor(None, r.country, "GOV") for r in reporters
                         if r.country and r.country not in countries and r.sector in STATE_SECTORS])

    def _patients_of(self, verb: Token, transitive: bool) -> list[Token] | None:
        """What a passive verb is done to, or None when the verb is not passive: its
        passive subject ("who were detained": the noun the relative clause qualifies), and
        for a `transitive` trigger the noun a reduced relative qualifies ("the journalists
        detained on Monday") or the subject a passive conjunct shares ("were arrested and
        charged"); not "crimes committed by X", which is no commitment."""
        subject = first_child(verb, "nsubjpass")
        if subject is not None:
            return [relative_antecedent(subject) or main_clause_antecedent(subject) or subject]
        if transitive and verb.tag_ == "VBN" and verb.dep_ in ("ccomp", "xcomp", "oprd") and has_child(
                verb, "agent") and not has_child(verb, "dobj", "aux"):
            # "found themselves encircled by X", "was left surrounded by X": a small clause
            held = first_child(verb, "nsubj") or first_child(verb.head, "dobj", "nsubjpass")
            if held is not None and held.lower_.endswith(("self", "selves")):
                held = first_child(verb.head, "nsubj") or held  # the one who found itself so
            if held is not None:
                return [relative_antecedent(held) or held]
        if not transitive or verb.tag_ != "VBN" or has_child(verb, "nsubj", "dobj", "aux"):
            return None
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [verb.head]
        if verb.dep_ == "advcl" and has_child(verb, "agent") and (shared := first_child(verb.head, "nsubj")):
            return [relative_antecedent(shared) or shared]  # "Threatened by X, Y pledged ..."
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

    def _published(self, document: Token) -> bool:
        """ "issued a declaration", "adopted a resolution", "delivered a petition": a text
        whose author is the subject."""
        if document.dep_ != "dobj":
            return False
        verb, rules = document.head.lemma_.lower(), clause_rules()
        return verb in self.lexicon.publishing_verbs or (
            verb in rules["address_verbs"] and document.lemma_.lower() in rules["message_nouns"])

    def _subjects_of(self, verb: Token) -> list[Token]:
        """The subjects of a verb, inherited along xcomp/conj/advcl chains and from relative clauses."""
        current = verb
        came_by_xcomp = False
        active_conjunct = False  # came up from an active conjunct of the verb
        for _ in range(6):
            # A dateline ("DAMASCUS, (ST) –") is sometimes parsed as a subject: never one; the
            # real subject then often hangs from it as an apposition.
            subjects = [s for c in current.children if c.dep_ in ("nsubj", "csubj")
                        for s in ([c] if c.idx >= self.skip_before else
                                  [a for a in c.children if a.dep_ == "appos" and a.idx >= self.skip_before])]
            # A clause parsed as the subject ("X ... to develop relations, said"): its own subject.
            subjects = [(first_child(c, "nsubj") or c) if c.dep_ == "csubj" else c
                        for c in subjects]
            if not subjects and current is not verb and (came_by_xcomp or active_conjunct):
                # "X is expected to sign", "Y was urged to leave", "X has been indicted and will
                # resign": the passive's subject
                subjects = [c for c in current.children if c.dep_ == "nsubjpass"]
            if subjects:
                if subjects[0].lower_ in ("that", "which", "who") and current.dep_ == "relcl":
                    if self._published(current.head):
                        # "the AU adopted a resolution that condemns ...": its author
                        current = current.head.head
                        continue
                    return [current.head]
                return self._reporter_for_pronoun(current, subjects)
            if current.dep_ in ("acl", "relcl") and current.head.pos_ in ("NOUN", "PROPN"):
                document = current.head
                if current.dep_ == "acl" and self._published(document):
                    # "the PKK issued a declaration demanding ...": the declaration's author
                    current = document.head
                    continue
                return [document]
            if current.dep_ == "advcl" and current.tag_ == "VBG" and self._accusing(current.head) and (
                    current.lemma_.lower() not in self.lexicon.speech_verbs):
                # "X accused Y of shelling a hospital, killing 12": the killing is Y's, as alleged
                return [c for c in current.head.children if c.dep_ == "dobj"]
            if current.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and current.head != current:
                came_by_xcomp = current.dep_ == "xcomp"
                active_conjunct = current.dep_ == "conj" and current.tag_ != "VBN" and not has_child(
                    current, "auxpass")
                current = current.head
                if current.dep_ == "prep" and current.lower_ in clause_rules()["clause_prepositions"] and (
                        current.head.pos_ in ("VERB", "AUX")):
                    current = current.head  # "after repelling the attack": the clause's verb
                # "Syria is ready to work with": through the adjective to its verb.
                if current.pos_ not in ("VERB", "AUX", "ADJ"):
                    return []
                continue
            return []
        return []

    def _reporter_for_pronoun(self, clause: Token, subjects: list[Token]) -> list[Token]:
        """ "The Indian navy said that it had deployed ...", "officials said they had
        arrested ...": the pronoun subject of a reported clause is who reports it."""
        if len(subjects) != 1 or subjects[0].lower_ not in ("it", "they") or clause.dep_ != "ccomp" or (
                clause.head.lemma_.lower() not in self.lexicon.speech_verbs):
            return subjects
        reporters = self._subjects_of(clause.head)
        if reporters and any(a.name or a.country or a.sector for r in reporters for a in self.argument_actors(r)):
            return reporters
        return subjects

    def _accusing(self, verb: Token) -> bool:
        spec = self.lexicon.verbs.get(verb.lemma_.lower())
        return spec is not None and spec.type == "ACCUSE"

    def subject_actors(self, verb: Token) -> list[Actor]:
        # "the resolution calls on ...": a text or vote names no one; its author does it
        return distinct([a for subject in self._subjects_of(verb)
                         for a in (self.argument_actors(subject) or text_author(self, subject))])

    def argument_actors(self, token: Token) -> list[Actor]:
        """The actors a subject or object names; a common noun that names no one of its own
        by the actor in apposition to it ("its neighbour, the DRC", "the smaller of the two,
        Lesotho")."""
        actors = self.actors_named(token)
        if token.pos_ == "PROPN" and not any(a.country or a.sector for a in actors):
            # "Kenzo Oshima, the United Nations relief coordinator": a person the tables do not
            # know, whose apposition names whom he acts for
            side = next((a for c in token.children if c.dep_ == "appos" for t in c.subtree
                         if t.pos_ == "PROPN" and t.dep_ in ("compound", "appos")
                         for a in self.actors_named(t) if a.country or a.sector), None)
            if side is not None:
                name = [c.text for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
                people = actors or [Actor(" ".join([*name, token.text]), None, None)]
                return [replace(a, country=side.country, sector=side.sector) for a in people]
        if not actors and token.pos_ == "PROPN" and (
                sector := self.actors.rules.sector_nouns.get(token.lemma_.lower())):
            # "Russia's Foreign Ministry": an institution the tagger took for a name of its own
            country = self.actors.country_in_phrase(token)
            if country:
                return [Actor(None, country, sector)]
        if token.pos_ in ("NOUN", "ADJ") and not any(a.name or a.country for a in actors):
            # the parser hangs the apposition of a partitive on its "of" object
            heads = [token, *prepositional_objects(token, words=("of",))]
            apposed = [a for head in heads for c in head.children if c.dep_ == "appos"
                       for a in self.actors_named(c) if a.name or a.country]
            if apposed:
                return apposed
        if actors and not any(a.name or a.country for a in actors):
            actors = self._own_state_institution(token, actors)
        return actors

    def _own_state_institution(self, noun: Token, actors: list[Actor]) -> list[Actor]:
        """ "the Kenyan parliament urged its government to ...", "lawmakers asked their army
        to ...": the asked institution is of the state the clause's subject belongs to."""
        owner = first_child(noun, "poss")
        if owner is None or owner.lower_ not in ("its", "their") or "subj" in noun.dep_ or (
                not all(a.sector in STATE_SECTORS for a in actors)):
            return actors  # "said their forces withdrew": whose forces, the setting tells
        verb = clause_verb(noun)
        if not has_child(verb, "xcomp"):
            return actors  # "Kosovo expelled its diplomats": not asked to act, maybe another's
        countries = {a.country for subject in self._subjects_of(verb) if subject is not noun
                     for a in self.actors_named(subject) if a.country}
        if len(countries) != 1:
            return actors
        return [replace(a, country=next(iter(countries)), why=OWN_INSTITUTION) for a in actors]

    def targets_of(self, head: Token, spec: Trigger) -> list[Actor]:
        for where in spec.targets:
            for argument in self._argument_tokens(head, where):
                actors = self._object_actors(argument, spec)
                if actors:
                    return actors
        return self._grievance_owner(head) if spec.type in self.actors.rules.grievance_types else []

    def _grievance_owner(self, head: Token) -> list[Actor]:
        """ "protested over Koizumi's visit", "complained about Iran's remarks", "marched over
        the Japanese fishing quotas": the one whose deed the complaint is about is its target,
        though the verb takes no object for it."""
        for word in self.actors.rules.grievance_prepositions:
            for deed in self._argument_tokens(head, word):
                if deed.pos_ == "NOUN" and any(c.dep_ == "poss" or (c.dep_ == "amod" and c.ent_type_ == "NORP")
                                               for c in deed.children):
                    owners = self.actors.owner_of(deed)
                    if owners:
                        return owners
        return []

    def _argument_tokens(self, head: Token, where: str) -> list[Token]:
        if where == "obj":
            objects = [c for c in head.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
            subject = first_child(head, "nsubj")
            if not objects and head.dep_ == "relcl" and subject is not None and (
                    relative_antecedent(subject) is None) and not has_child(
                    head, "prep", "ccomp", "xcomp") and head.head.pos_ in ("NOUN", "PROPN"):
                # "the hostages the Houthis freed": the relative clause's object left unsaid
                objects = [head.head]
            if not objects and head.pos_ == "VERB":
                objects = objects_in_time_phrase(head)  # "arrested Zelaya Sunday"
            if not objects and head.pos_ == "VERB" and all(c.dep_ in BARE_VERB_DEPS for c in head.children):
                # "detained and questioned dozens of activists": an object the conjuncts share
                objects = [o for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"
                           and not has_child(c, "nsubj", "nsubjpass") for o in direct_objects(c)]
            # "helping Syria to confront ...": the parser often makes the object the
            # subject of the infinitive that follows it.
            objects += [g for c in head.children if c.dep_ in ("ccomp", "xcomp")
                        for g in c.children if g.dep_ == "nsubj" and g.i < c.i]
            if not objects:
                # "declared former minister Gonzalez persona non grata": the parser may fold
                # the object into the complement after it, as a compound of a later word
                objects = [t for c in head.children if c.dep_ in ("ccomp", "xcomp", "oprd")
                           for t in c.subtree if t.i < c.i <= t.head.i and t.dep_ == "compound"
                           and t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")]
            # "declared the Spanish diplomat persona non grata": the parser may make the
            # object the subject of a word compounded into the complement that follows it.
            objects += [g for o in list(objects) for c in o.children if c.dep_ == "compound"
                        for g in c.children if g.dep_ == "nsubj" and g.i < c.i]
            return objects
        if where == "purpose":
            # "fired water cannon to stop them", "used tear gas to push back the crowd": the
            # one an act was meant to stop is whom it was aimed at.
            purposes = [c for c in head.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
            # "to stop them pushing forward": the parser makes the one stopped a subject
            return [o for c in purposes for o in direct_objects(c) or [
                g for m in c.children if m.dep_ in ("ccomp", "xcomp") for g in m.children if g.dep_ == "nsubj"]]
        words = where.split()
        out = []
        # "discussed the war in Gaza with X", "agreed to a prisoner swap with X": the parser
        # may hang the preposition lower down, on the object or on a prepositional object.
        objects = [c for c in head.children if c.dep_ == "dobj"]
        nested = [p for o in objects for p in o.children if p.dep_ == "prep"]
        nested += [p for n in nested for g in n.children if g.dep_ == "pobj" for p in g.children if p.dep_ == "prep"]
        nested += [p for g in self._nouns_taken(head) for p in g.children if p.dep_ == "prep"]
        for prep in (*head.children, *(p for p in nested if p.lower_ != "of")):
            if prep.dep_ in ("prep", "prt", "agent", "dative") and prep.lower_ == words[0]:
                out.extend(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
                # "in support of Syria": the object of the last preposition of the phrase
                if len(words) > 1:
                    out = [g for c in out for p in c.children if p.lower_ == words[-1]
                           for g in p.children if g.dep_ == "pobj"]
        return out

    @staticmethod
    def _nouns_taken(head: Token) -> list[Token]:
        """The common nouns a predicate takes through a preposition of its own ("agreed to a
        prisoner swap", "signed up for talks"), not those of circumstances ("amid tensions")."""
        return [g for p in head.children if p.dep_ == "prep" and p.lower_ in ARGUMENT_PREPOSITIONS
                for g in objects_of(p) if g.pos_ == "NOUN"]

    def _object_actors(self, argument: Token, spec: Trigger) -> list[Actor]:
        # "the diplomats that Norway expelled": what the relative pronoun stands for
        argument = relative_antecedent(argument) or argument
        for antecedent in _participle_object_antecedents(argument):
            if argument.lower_ == "it" and self._names_person(antecedent):
                continue  # "recalled its ambassador from Bolivia, accusing it": not the envoy
            found = self._object_actors(antecedent, spec)
            if found:
                return found
        for antecedent in self._clause_antecedents(argument):
            found = self.argument_actors(antecedent)
            if any(a.name or a.country or a.sector for a in found):
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
            # "the Syrian Arab Army's war", "Russian stances", "the statement by India": a
            # thing; its owner or author is the target.
            owners = self.actors.owner_of(argument) or self._authors(argument)
            if owners:
                return owners
        actors = self.argument_actors(argument)
        if len(actors) == 1 and actors[0].country is None and actors[0].sector is None:
            # A name the tables do not know as an actor but the gazetteer knows as a place.
            place = self.places.lookup(entity_text(argument))
            if place is not None and place.country:
                return [Actor(None, place.country, "CVL")]
        if spec.type in ("COOPERATE", "CONSULT") and len(actors) == 1 and not (actors[0].country or actors[0].name):
            actors = self._origins(argument, actors[0]) or actors
        if actors:
            return actors
        if argument.ent_type_ in ("GPE", "LOC", "FAC"):
            place = self.places.lookup(entity_text(argument))
            if place is not None and place.country:
                return [Actor(None, place.country, "CVL")]
        return []

    def _origins(self, argument: Token, actor: Actor) -> list[Actor]:
        """ "Mongolia is hosting soldiers from India, Japan and France": the parser may hang
        where the unnamed guests come from on the verb; they are of those countries."""
        if argument.dep_ != "dobj":
            return []
        origins = [a for obj in prepositional_objects(argument.head, words=("from",))
                   for a in self.actors_named(obj)]
        if not origins or not all(o.country for o in origins):
            return []
        return [Actor(None, o.country, actor.sector) for o in origins]

    def _authors(self, noun: Token) -> list[Actor]:
        """ "the statement by India": who made a thing. The parser often hangs the phrase on
        the active verb whose object the thing is ("criticised the report by the EU")."""
        holders = [noun]
        if noun.dep_ == "dobj" and not has_child(noun.head, "agent", "auxpass"):
            holders.append(noun.head)
        found = [a for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "by"
                 and p.i > noun.i for g in objects_of(p) if g.ent_type_ not in ("DATE", "TIME")
                 for a in self.actors_named(g)]
        spec = self.lexicon.nouns.get(noun.lemma_.lower())
        if not found and (noun.lemma_.lower() in clause_rules()["message_nouns"] or (
                spec is not None and spec.type == "REQUEST")):
            # "a demand from the US President", "a letter from Seoul": who sent it
            found = [a for g in prepositional_objects(noun, words=("from",)) for a in self.actors_named(g)]
        return found

    def _clause_antecedents(self, pronoun: Token) -> list[Token]:
        """ "The envoy, who met Taliban officials, urged them to ...": an object pronoun
        stands for a noun of the same number told before it in the sentence, nearest
        first, other than its verb's subject ("him", "her": a person)."""
        verb = pronoun.head
        if pronoun.lower_ not in _OBJECT_PRONOUNS - {"it"} or pronoun.dep_ != "dobj":
            return []
        subjects = {s for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                    for s in (c, *(t for t in c.children if t.dep_ in ("appos", "conj", "compound")))}
        plural = pronoun.lower_ == "them"
        return [t for t in reversed(pronoun.sent[:pronoun.i - pronoun.sent.start])
                if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "poss") and t not in subjects
                and t.idx >= self.skip_before and (
                    t.tag_ in ("NNS", "NNPS") if plural else self._names_person(t))]

    def _objects(self, verb: Token) -> list[Token]:
        """A verb's object nouns, with what they measure ("50 tonnes of aid" -> aid too)."""
        objects = direct_objects(verb, passive=True)
        objects += prepositional_objects(verb)
        objects += [g for o in list(objects) for g in prepositional_objects(o, words=("of",))]
        return objects

    def _object_lemma_in(self, verb: Token, lemmas: frozenset[str]) -> bool:
        # any of coordinated objects will do: "gave them uniforms and new weapons"; the object
        # of an object pattern may be told by its content ("allowed the delivery of food", "aid
        # deliveries" for "allow delivery"), also through a measure ("the delivery of 500 tons of
        # grain")
        objects = [w for o in self._objects(verb) for w in (o, *o.conjuncts)]
        contents = [c for o in objects if f"{verb.lemma_.lower()} {o.lemma_.lower()}" in self.lexicon.verbs
                    for c in (*prepositional_objects(o, words=("of",)),
                              *(c for c in o.children if c.dep_ == "compound"))]
        contents += [m for c in contents for m in prepositional_objects(c, words=("of",))]
        return any(w.lemma_.lower() in lemmas for w in (*objects, *contents))

    def _names_person(self, noun: Token) -> bool:
        return noun.ent_type_ == "PERSON" or noun.lemma_.lower() in self.actors.rules.person_nouns

    def _has_person_object(self, verb: Token) -> bool:
        """Is the object a person or a delegation (received the envoy), not a thing?"""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] or self._argument_tokens(verb, "obj")
        for obj in (relative_antecedent(o) or o for o in objects):
            if obj.ent_type_ == "PERSON" or obj.lemma_.lower() in self.actors.rules.person_nouns:
                return True
            if obj.lower_ in ("him", "her"):  # "police barricaded him in his home"
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
                if spec.type == "CONSULT" and self._venue(child):
                    # "his Paris meeting with X": where it was held; the parse hangs the owner on it
                    sources += [a for owner in child.children if owner.dep_ == "poss"
                                if (a := self._modifier_actor(owner))]
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
        if spec.type == "CONSULT" and not sources and not targets:
            sources, targets = self._received_from(noun)  # "received a phone call from X"
        if sources and noun.dep_ == "conj" and noun.head.ent_type_ in ("PERSON", "ORG", "GPE") and has_child(
                noun, "poss"):
            # "conveyed Putin and the Russian leadership's congratulations": the parser
            # hangs the noun on the first owner; the person stands for the leadership of his
            # own country, another owner stays an owner.
            first = self.actors.actor_of(noun.head)  # not its conjuncts: the noun is one
            if first is not None:
                sources = [first] + [s for s in sources if s.name or s.country != first.country]
        if not targets and spec.type == "ASSAULT":
            targets = self._aimed_at(noun) or self._answered_by(noun, "repel_verbs", sources)
        if not targets and spec.type == "REQUEST":
            targets = self._answered_by(noun, "response_verbs", sources)
        if not targets:
            targets = self._answering(noun, sources)  # "in response to Israeli airstrikes"
        if not targets:
            targets = self._agent_of_act(noun, spec)  # "was targeted by Israeli airstrikes"
        for where in (w for w in spec.targets if " " in w and not targets):
            # "in support of X"
            for obj in self._argument_tokens(noun, where):
                targets.extend(self._object_actors(obj, spec))
        if not targets and spec.type in ("SUPPORT", "AID") and noun.dep_ == "dobj" and (
                noun.head.lemma_.lower() in self.lexicon.beneficiary_verbs):
            # "the Syrians appreciate the support of X": who appreciates it is who gets it
            targets = self.subject_actors(noun.head)
        if not targets and spec.type in PLACE_MEASURE_TYPES and noun.dep_ == "dobj":
            targets = self._people_where(noun)  # "imposed a curfew in Mosul", not "under arrest in X"
        if not sources and not targets and spec.type in UNORDERED_TYPES:
            # "contacts continue daily between the two leaderships"
            sources, targets = self._clause_pair(noun)
            if spec.mode == "third-party":
                sources, targets = [], sources + targets  # the pair is mediated, not mediating
        return distinct(sources), distinct(targets)

    def _received_from(self, noun: Token) -> tuple[list[Actor], list[Actor]]:
        """ "X received a phone call from Y", "took a call from Y", "received a visit from Y":
        the meeting is Y's, with X."""
        if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in clause_rules()["receiving_verbs"]:
            return [], []
        # the parser hangs "from" on the noun or on the verb
        froms = prepositional_objects(noun, words=("from",)) or prepositional_objects(noun.head, words=("from",))
        callers = [a for obj in froms for a in self.actors_named(obj)]
        receivers = self.subject_actors(noun.head) if callers else []
        return (callers, receivers) if receivers else ([], [])

    def _answered_by(self, noun: Token, verbs: str, doers: list[Actor]) -> list[Actor]:
        """ "the troops repelled an attack by X", "Y responded to X's demand": an act that is
        the object of one of these `verbs` (constructions.yaml) was aimed at their subject."""
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ == "to":
            verb = verb.head
        elif noun.dep_ != "dobj":
            return []
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in clause_rules()[verbs]:
            return []
        return _apart_from(self.subject_actors(verb), doers)

    def _agent_of_act(self, noun: Token, spec: Trigger) -> list[Actor]:
        """ "the airport was targeted by Israeli airstrikes": a noun that is the by-phrase of
        a passive verb of its own type tells the same act, done to the verb's subject."""
        if noun.dep_ != "pobj" or noun.head.dep_ != "agent":
            return []
        verb = noun.head.head
        verb_spec = trigger_of(self.lexicon, verb) if verb.pos_ == "VERB" else None
        if verb_spec is None or verb_spec.type != spec.type:
            return []
        return self._verb_arguments(verb, verb_spec)[1]

    def _answering(self, noun: Token, doers: list[Actor]) -> list[Actor]:
        """ "Hezbollah fired rockets in response to Israeli airstrikes", "in retaliation for
        the EU's sanctions, Russia banned ...": an act the clause answers was aimed at the
        clause's subject."""
        answer = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("to", "for") else None
        if answer is None or answer.lemma_.lower() not in clause_rules()["response_nouns"]:
            return []
        clause = clause_verb(answer)
        if clause.pos_ not in ("VERB", "AUX"):
            return []
        return _apart_from(self.subject_actors(clause), doers)

    def _aimed_at(self, noun: Token) -> list[Actor]:
        """ "strikes targeting five militia facilities", "the airstrikes that hit the
        airport": what the participle or relative clause on an attack noun says it hit."""
        aims = clause_rules()["aim_verbs"]
        for clause in noun.children:
            if clause.lemma_.lower() not in aims or not (clause.dep_ == "acl" or (
                    clause.dep_ == "relcl" and any(relative_antecedent(s) == noun
                                                   for s in clause.children if s.dep_ == "nsubj"))):
                continue
            for hit in direct_objects(clause):
                actors = self._object_actors(hit, ANY_TARGET) or self._place_hit(hit)
                if actors:
                    return actors
        return []

    def _place_hit(self, hit: Token) -> list[Actor]:
        """ "Aleppo International Airport", "Aleppo's airport", "a plant in Kharkiv", "towns in Armenia": the
        state of the place an attack hit."""
        names = [hit, *(c for c in hit.children if c.dep_ in ("compound", "poss") and c.i < hit.i),
                 *prepositional_objects(hit, words=("in", "near", "outside"))]
        return next(filter(None, (self._place_actor(n) or (self._gazetteer_state(n) if n.dep_ == "poss" else [])
                                  for n in names)), [])

    def _gazetteer_state(self, name: Token) -> list[Actor]:
        """A possessor the gazetteer knows that no actor table does, whatever the tagger took
        it for ("Aleppo's airport"): the state it is in."""
        if name.pos_ != "PROPN" or name.ent_type_ in ("NORP", "DATE", "TIME") or any(
                a.country for a in self.actors_named(name)):
            return []
        # the tagger may take the name and what it owns for one entity ("Aleppo’s airport")
        place = self.places.lookup(entity_text(name)) or self.places.lookup(name.text)
        return [Actor(None, place.country, "GOV")] if place is not None and place.country else []

    def _venue(self, modifier: Token) -> bool:
        """A city compounded on a meeting noun ("the Geneva talks", "his Paris meeting with
        X"): a place named, not a country or its people."""
        countries = self.actors.countries
        return modifier.dep_ == "compound" and modifier.ent_type_ in ("GPE", "LOC", "FAC") and (
            countries.from_name(modifier.text) is None and countries.from_demonym(modifier.text) is None)

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
            relative = self._relative_carrier(head, self.lexicon.light_verbs | self.lexicon.speech_verbs)
            if relative is not None:
                return self.subject_actors(relative)  # "the sanctions that the EU imposed"
            if head != noun:
                owner = first_child(head, "poss")
                if owner is not None:
                    return self.actors_named(owner)
            if head.dep_ in ("dobj", "nsubjpass", "attr") and head.head.pos_ in ("VERB", "AUX"):
                # Only a verb that carries the noun ("held talks", "stressed support") makes
                # its subject the doer; "X condemned the attack" says nothing of who attacked.
                if head.head.lemma_.lower() in self.lexicon.light_verbs | self.lexicon.speech_verbs:
                    if head.dep_ == "nsubjpass":  # "sanctions were imposed by the EU"
                        return self._agents_of(head.head) or self.subject_actors(head.head)
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

    def light_carrier(self, noun: Token) -> Token | None:
        """The light verb that carries an event noun ("held talks", "the sanctions that the
        EU imposed", "the aid Japan sent"), whose subject does the event and whose
        prepositions may name its target."""
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lexicon.light_verbs:
            return noun.head
        relative = self._relative_carrier(noun, self.lexicon.light_verbs)
        if relative is None and noun.dep_ == "nsubjpass" and (
                noun.head.lemma_.lower() in self.lexicon.light_verbs):
            return noun.head  # "sanctions were imposed on X"
        return relative

    def _agents_of(self, verb: Token) -> list[Actor]:
        """The actors of a passive verb's by-phrase, which the parser may hang on the object
        of another preposition ("were imposed on Myanmar's generals by Canada")."""
        agents = prepositional_objects(verb, ("agent",)) or [
            g for o in prepositional_objects(verb) for g in prepositional_objects(o, words=("by",))
            if g.ent_type_ not in ("DATE", "TIME")]
        return distinct([a for agent in agents for a in self.argument_actors(agent)])

    @staticmethod
    def _relative_carrier(noun: Token, verbs: frozenset[str]) -> Token | None:
        """A relative clause on the noun whose verb, one of `verbs`, takes the noun as object."""
        return next((c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in verbs
                     and noun in direct_objects(c)), None)

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


def _apart_from(actors: list[Actor], doers: list[Actor], same: Callable[[Actor, Actor], bool] = same_party,
                ) -> list[Actor]:
    """The actors, each once, that are of none of the doers' party (or, with `same_side`, side)."""
    return [a for a in distinct(actors) if not any(same(a, d) for d in doers)]


@lru_cache(maxsize=1)
def clause_rules() -> dict[str, frozenset[str]]:
    """The word and type lists of the argument engine (constructions.yaml, section arguments)."""
    keys = ("reported_against", "conjunct_hostile", "aim_verbs", "joint_partner", "repel_verbs",
            "response_verbs", "against_types", "object_event_target", "clause_prepositions",
            "response_nouns", "address_verbs", "message_nouns", "attacker_nouns", "receiving_verbs",
            "recapture_verbs")
    data = section("arguments", dict.fromkeys(keys, list))
    return {key: frozenset(data[key]) for key in keys}


def in_favour_phrase(noun: Token, spec: Trigger) -> bool:
    """ "in support of X": the noun heads a phrase saying whom something is for."""
    return spec.type in ("SUPPORT", "AID") and noun.dep_ == "pobj" and noun.head.lower_ == "in" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
