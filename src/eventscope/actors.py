"""Actor mentions -> canonical actors, with in-document resolution.

`DocumentActors` walks one document's noun phrases and turns each into an `Actor`
(name, country, sector): named people and organisations through the actor table,
countries, capitals and demonyms through the country table, titles and roles
("the Russian ambassador") through the people already mentioned in the document and
then through who held the office on the document's date, common nouns through the
sector nouns of data/mentions.yaml, and pronouns and pairs ("the two ministers")
through what the document said before. There is no coreference model offline, so
these are rules on the dependency parse.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from eventscope.actor_table import ActorTable
from eventscope.countries import Countries
from eventscope.datafile import read_yaml
from eventscope.entities import entity_of
from eventscope.lexicon import Trigger
from eventscope.places import Gazetteer
from eventscope.records import DOMESTIC_SECTORS, UNNAMED_STATES, Actor

TITLE_WORDS = re.compile(
    r"^(?:(?:h\.?\s?e\.?|mr|mrs|ms|dr|president|minister|prime|foreign|king|sheikh|emir|prince|"
    r"general|gen|ambassador|envoy|special|his|her|excellency|majesty)\.?\s+)+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MentionRules:
    sector_nouns: dict[str, str]        # lemma -> sector
    sector_adjectives: dict[str, str]   # lemma -> sector
    unnamed_states: frozenset[str]
    bloc_adjectives: frozenset[str]     # "Western campaigns": unnamed states, GOV
    bare_state_nouns: frozenset[str]    # "the country": a country the article is about
    abstract_nouns: frozenset[str]      # "diplomatic relations": no actor
    pair_nouns: frozenset[str]
    pair_determiners: frozenset[str]
    pair_sectors: dict[str, str]        # "the two countries": the pair's states, GOV
    group_numbers: dict[str, int]       # "the three leaders": a group of that size
    counted_pair_nouns: frozenset[str]  # "the two officials" is the pair, "the officials" not
    person_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    speaker_group_pronouns: frozenset[str]
    place_nouns: frozenset[str]
    person_nouns: frozenset[str]
    member_nouns: frozenset[str]
    quantity_nouns: frozenset[str]
    counterpart_nouns: frozenset[str]
    led_groups: frozenset[str]
    leading_verbs: frozenset[str]
    igo_adjectives: dict[str, str]      # "European ministers": the bloc they meet in
    grievance_prepositions: tuple[str, ...]  # "protested over X's visit"
    grievance_types: frozenset[str]     # the event types whose grievance names a target
    relational_nouns: frozenset[str]    # "its neighbours": not the owner's own country
    follower_nouns: frozenset[str]      # "his supporters": the person's people
    role_alternatives: dict[str, tuple[str, ...]]  # "FM": the offices it may name
    placed_sectors: frozenset[str]      # "victims in Bolivia" are Bolivian
    property_nouns: frozenset[str]      # "the homes of activists": the activists
    igo_back_references: frozenset[str]  # "the Assembly" -> the IGO named before, with that word
    igo_any_references: frozenset[str]   # "the bloc" -> any IGO named before
    posted_nouns: frozenset[str]        # "the embassy in Kabul" is not Afghan
    individual_nouns: frozenset[str]    # "the man": the one person named just before
    individual_antecedents: frozenset[str]  # "an opposition MP" is one "the man" may be
    former_words: frozenset[str]        # "ex-Soviet states" are not Russia's
    successor_nouns: frozenset[str]     # the nouns such a "former" demonym may qualify
    community_words: frozenset[str]     # "ethnic Albanians": people of where they live
    agency_nouns: frozenset[str]        # "agency": a news agency unless a state's named one
    media_agency_words: frozenset[str]  # "news agency", "Press Agency": media after all

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> MentionRules:
        data = read_yaml(resources.files("eventscope.data").joinpath("mentions.yaml").read_text())

        def by_word(groups: dict[str, list[str]]) -> dict[str, str]:
            return {word: sector for sector, words in groups.items() for word in words}

        return cls(
            sector_nouns=by_word(data["sector_nouns"]),
            sector_adjectives=by_word(data["sector_adjectives"]),
            igo_adjectives=dict(data["igo_adjectives"]),
            grievance_prepositions=tuple(data["grievance_prepositions"]),
            pair_sectors=by_word(data["pair_sectors"]),
            group_numbers=dict(data["group_numbers"]),
            role_alternatives={word: tuple(roles) for word, roles in data["role_alternatives"].items()},
            igo_back_references=frozenset(w for words in data["igo_back_references"].values() for w in words),
            igo_any_references=frozenset(data["igo_back_references"]["any"]),
            **{key: frozenset(data[key]) for key in (
                "unnamed_states", "bloc_adjectives", "bare_state_nouns", "abstract_nouns", "pair_nouns", "pair_determiners",
                "counted_pair_nouns", "person_pronouns",
                "plural_pronouns", "speaker_pronouns", "speaker_group_pronouns", "place_nouns",
                "person_nouns", "member_nouns", "quantity_nouns", "counterpart_nouns",
                "led_groups", "leading_verbs", "relational_nouns", "follower_nouns", "placed_sectors",
                "posted_nouns", "property_nouns", "individual_nouns",
                "individual_antecedents", "former_words", "successor_nouns", "community_words", "agency_nouns",
                "media_agency_words", "grievance_types")},
        )


@dataclass
class PersonMention:
    actor: Actor
    role: str | None
    country: str | None


class PersonMemory:
    """The people a document has named, in order of first mention, indexed by name, surname
    and office so that a look-up does not scan everyone named before (which made long
    documents quadratic)."""

    def __init__(self) -> None:
        self.mentions: list[PersonMention] = []
        self._by_name: dict[str | None, PersonMention] = {}
        self._by_actor: dict[Actor, PersonMention] = {}
        self._surnames: list[str] = []  # the surname key of each mention
        self._by_surname: dict[tuple[str, int], list[int]] = {}  # (first letter, length) -> indexes
        self._by_role: dict[str, list[int]] = {}  # role -> indexes, in order of mention

    def __bool__(self) -> bool:
        return bool(self.mentions)

    def remember(self, actor: Actor, role: str | None, country: str | None) -> None:
        known = self._by_name.get(actor.name)
        if known is not None:
            if known.role is None and role is not None:
                known.role = role
                insort(self._by_role.setdefault(role, []), self.mentions.index(known))
            return
        index = len(self.mentions)
        mention = PersonMention(actor, role, country or actor.country)
        self.mentions.append(mention)
        self._by_name[actor.name] = mention
        self._by_actor.setdefault(actor, mention)
        surname = _surname_key(actor.name or "")
        self._surnames.append(surname)
        if surname:
            self._by_surname.setdefault((surname[0], len(surname)), []).append(index)
        if role is not None:
            self._by_role.setdefault(role, []).append(index)

    def of_actor(self, actor: Actor) -> PersonMention | None:
        return self._by_actor.get(actor)

    def redescribe(self, actor: Actor, described: Actor) -> None:
        """What an apposition taught of a person ("Ferrante, the foreign minister of Italy")
        holds for their later mentions too."""
        mention = self._by_name.get(actor.name)
        if mention is not None and mention.actor == actor:
            mention.actor, mention.country = described, mention.country or described.country
            self._by_actor.setdefault(described, mention)

    def latest_like(self, surname: str) -> Actor | None:
        """The last person named with this surname or a spelling one letter apart (see _close)."""
        if not surname:
            return None
        best = -1
        for length in (len(surname) - 1, len(surname), len(surname) + 1):
            for index in reversed(self._by_surname.get((surname[0], length), ())):
                if index <= best:
                    break
                known = self._surnames[index]
                if known == surname or _close(known, surname):
                    best = index
                    break
        return self.mentions[best].actor if best >= 0 else None

    def named(self, surname: str) -> Actor | None:
        """The last person named with exactly this surname."""
        indexes = self._by_surname.get((surname[:1], len(surname)), ()) if surname else ()
        index = next((i for i in reversed(indexes) if self._surnames[i] == surname), None)
        return self.mentions[index].actor if index is not None else None

    def latest_in_role(self, role: str, country: str | None) -> Actor | None:
        return self.latest_in_roles((role,), country)

    def latest_in_roles(self, roles: tuple[str, ...], country: str | None) -> Actor | None:
        """The person named last in any of these offices (of `country`, when given)."""
        best = -1
        for role in roles:
            for index in reversed(self._by_role.get(role, ())):
                if index <= best:
                    break
                if country is None or self.mentions[index].country == country:
                    best = index
                    break
        return self.mentions[best].actor if best >= 0 else None


@dataclass
class DocumentActors:
    """Resolves the actor mentions of one document, remembering what it has seen."""

    on: date | None = None
    table: ActorTable = field(default_factory=ActorTable.load)
    countries: Countries = field(default_factory=Countries.load)
    rules: MentionRules = field(default_factory=MentionRules.load)
    persons: PersonMemory = field(default_factory=PersonMemory)
    last_person: Actor | None = None
    last_pair: tuple[Actor, Actor] | None = None
    # The parties (three or more) of the last joint act when it came after last_pair, and
    # that act: what "the parties" and "X is also taking part" refer back to.
    last_group: tuple[Actor, ...] | None = None
    last_joint: Trigger | None = None
    speaker: Actor | None = None  # who is speaking, inside a quotation
    inner_quote_speaker: Actor | None = None  # who speaks a quotation opening in the sentence
    nominals: dict[str, Actor] = field(default_factory=dict)  # head lemma -> last actor it named
    home: str | None = None  # the country the article is set in (see setting.py)
    # Doc character where the text being read starts (a piece's core; see pipeline.DocumentReader)
    read_from: int = 0
    # States named in the pieces read before, latest last, each once: last_state_named's memory.
    earlier_states: dict[str, None] = field(default_factory=dict)
    # Armed groups named in the pieces read before, latest last: "the rebels" refers back.
    earlier_groups: dict[Actor, None] = field(default_factory=dict)
    _groups: tuple[Doc | None, list[tuple[int, int, Actor]]] = field(default=(None, []), init=False, repr=False)
    _states: tuple[Doc | None, list[tuple[int, int, str]]] = field(default=(None, []), init=False, repr=False)
    # Abbreviations the article defines ("the Sudan Armed Forces (SAF)"): the actor each
    # stands for once resolved, and the defining noun of each in the doc being read.
    abbreviations: dict[str, Actor] = field(default_factory=dict)
    _defined: tuple[Doc | None, dict[str, Token]] = field(default=(None, {}), init=False, repr=False)
    # Person name -> the named organisation their title gave ("X, al-Shabaab's spokesman"):
    # who "we" is in their quotation.
    groups_of: dict[str, Actor] = field(default_factory=dict)
    # (name, office, country of the title) of the people the article introduces with a title,
    # indexed over all its pieces before reading (note_titled_people); None: per parsed doc.
    titled: list[tuple[Span, str, str | None]] | None = None
    _titled: tuple[Doc | None, list[tuple[Span, str, str | None]]] = field(
        default=(None, []), init=False, repr=False)

    # ----- memory --------------------------------------------------------------------

    def note_subject(self, actors: list[Actor]) -> None:
        """Remember the subject of a clause: pronouns refer back to it."""
        people = [a for a in actors if a.name and self._is_person(a)]
        if len(people) == 1:
            self.last_person = people[0]
        parties = distinct(actors)
        if len(parties) == 2:
            self.last_pair, self.last_group = (parties[0], parties[1]), None
        elif len(parties) > 2:
            self.last_group = tuple(parties)

    def note_pair(self, first: Actor | None, second: Actor | None, joint: Trigger | None = None) -> None:
        if first and second and first != second:
            self.last_pair, self.last_group = (first, second), None
            self.last_joint = joint or self.last_joint

    def note_group(self, parties: list[Actor], joint: Trigger | None = None) -> None:
        """The parties of a meeting, drill or agreement among three or more."""
        self.last_group, self.last_joint = tuple(parties), joint or self.last_joint

    def last_parties(self) -> tuple[Actor, ...] | None:
        """The pair or group named last."""
        return self.last_group or self.last_pair

    def _remember_person(self, actor: Actor, role: str | None, country: str | None) -> None:
        self.persons.remember(actor, role, country)

    def _is_person(self, actor: Actor) -> bool:
        return self.persons.of_actor(actor) is not None

    # ----- resolution ----------------------------------------------------------------

    def actors_of(self, head: Token) -> list[Actor]:
        """All actors a noun phrase names: its conjuncts, or the pair it refers to."""
        group = self._reporting_group(head)
        if group is not None:
            return self.actors_of(group)
        pair = self.pair_reference(head)
        if pair:
            return list(pair)
        by_demonym = self._demonym_list(head) or self._owners_list(head) or self._relations(head)
        if by_demonym:
            return by_demonym
        if head.lemma_.lower() in self.rules.quantity_nouns or head.pos_ == "NUM":
            # "thousands of Iranians"
            of = prepositional_objects_of(head)
            if of:
                return self.actors_of(of[0])
        found = []
        listed = next((a for a in head.children if a.dep_ == "appos" and a.conjuncts), None)
        # "Ghana's vice president John Mensah and Togolese protesters", "five states (Russia,
        # Belarus and Syria)": the parser may hang the list on the head's appositive name
        tokens = (head, listed, *listed.conjuncts) if listed is not None and not head.conjuncts else (
            head, *head.conjuncts)
        for token in tokens:
            if token.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
                actor = self.actor_of(token)
                if actor and found and actor.country is None and actor.name is None and found[0].country:
                    # "the Russian leadership, government and people": the demonym is shared.
                    actor = Actor(None, found[0].country, actor.sector)
                if actor:
                    found.append(actor)
        if listed is not None and not head.conjuncts:
            found = [a for a in found if a.name or a.country] or found  # "five states (...)"
        return distinct(found)

    def _demonym_list(self, head: Token) -> list[Actor]:
        """ "the Syrian and Russian sides": one actor per conjoined demonym."""
        for child in head.children:
            if child.dep_ == "amod" and child.conjuncts and child.ent_type_ == "NORP":
                sector = self._sector_in_phrase(head) or "GOV"
                countries = [self.countries.lookup(t.text) for t in (child, *child.conjuncts)]
                return distinct([Actor(None, c.iso3, sector) for c in countries if c])
        return []

    def _owners_list(self, head: Token) -> list[Actor]:
        """ "the foreign ministers of Brazil, India and South Africa", "his counterparts from
        Laos and Cambodia": a plural office or body, one actor per conjoined country."""
        if head.tag_ not in ("NNS", "NNPS") or not self.names_actor(head):
            return []
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                owner = next((g for g in prep.children if g.dep_ == "pobj" and g.conjuncts), None)
                if owner is None:
                    continue
                countries = [self._country_of_token(t) for t in (owner, *owner.conjuncts)]
                if len([c for c in countries if c]) >= 2:
                    sector = self._sector_in_phrase(head) or "GOV"
                    return distinct([Actor(None, c, sector) for c in countries if c])
        return []

    def _relations(self, head: Token) -> list[Actor]:
        """ "Pyongyang's partners in China and Russia": the states a relation is placed in;
        "Sudan accused its southern neighbours of ... between Sudan and South Sudan": the one
        other state the sentence names. Never the owner's own country."""
        if head.lemma_.lower() not in self.rules.relational_nouns or self.country_in_phrase(head):
            return []
        sector = self._sector_in_phrase(head) or "GOV"
        placed = prepositional_objects_of(head, ("in", "from"))
        countries = [self._country_of_token(t) for g in placed for t in (g, *g.conjuncts)]
        if placed:
            return distinct([Actor(None, c, sector, why=f"{head.text} in {c}") for c in countries if c])
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        own = self._country_of_token(owner) if owner is not None else None
        if own is None or any(c.dep_ in ("appos", "compound") for c in head.children):
            return []
        others = {country for end, start, country in self._states_named(head.doc)
                  if head.sent.start_char <= start < head.sent.end_char and country != own}
        if len(others) != 1:
            return []
        other = others.pop()
        return [Actor(None, other, sector, why=f"{head.text}: the other state the sentence names")]

    def names_actor(self, noun: Token) -> bool:
        """Does a common noun name an actor (the government, troops, the envoy), not a thing?"""
        return self._actor_word(noun) or self.role_in_phrase(noun) is not None

    def _actor_word(self, noun: Token) -> bool:
        """Is the noun itself a word for actors (no office needed)?"""
        lemma = noun.lemma_.lower()
        return (lemma in self.rules.sector_nouns or lemma in self.rules.person_nouns
                or lemma in self.rules.member_nouns or lemma in self.rules.quantity_nouns
                or lemma in self.rules.pair_nouns
                or lemma in self.rules.individual_nouns and _bare_definite(noun))

    def owner_of(self, noun: Token) -> list[Actor]:
        """Whose a non-actor noun is: "Russian stances", "X's plan", "the readiness shown by X"."""
        for child in noun.children:
            if child.dep_ == "amod" and child.lemma_.lower() in self.rules.bloc_adjectives:
                return [Actor(None, None, "GOV", why=UNNAMED_STATES)]
            if child.dep_ == "compound" and child.ent_type_ in ("ORG", "GPE") and child.i < noun.i and (
                    child.ent_type_ == "ORG" or self.countries.from_name(_strip_the(_entity_text(child)))):
                # not a city: "his Berlin talks", "the Geneva talks" are where they were held
                actor = self.actor_of(child)  # "United Nations planes", "Hamas positions"
                if actor:
                    return [actor]
            if child.dep_ == "poss" or (child.dep_ == "amod" and child.ent_type_ in ("NORP", "ORG")):
                # "Russian stances" (a demonym), "the Russian military operation" (a named force)
                actor = self._common_noun(noun) if child.ent_type_ == "NORP" else self.actor_of(child)
                if actor:
                    return [actor]
            if child.dep_ == "prep" and child.lower_ == "of":
                found = [a for g in child.children if g.dep_ == "pobj" for a in self.actors_of(g)]
                if found:
                    return found
            if child.dep_ == "acl":
                found = [a for agent in child.children if agent.dep_ == "agent"
                         for g in agent.children if g.dep_ == "pobj" for a in self.actors_of(g)]
                if found:
                    return found
        return []

    def actor_of(self, head: Token) -> Actor | None:
        """The actor one noun phrase names, or None when it names none."""
        abbreviated = self._abbreviation(head)
        if abbreviated is not None:
            return abbreviated
        named = self._surname_named_before(head)
        if named is not None:
            return named
        lower = head.lower_
        if head.pos_ == "PRON" or lower in self.rules.person_pronouns or lower in self.rules.plural_pronouns:
            return self._pronoun(lower, head)
        igo = self._igo_named_before(head)
        if igo is not None:
            return igo
        if head.lemma_.lower() in self.rules.individual_nouns and _bare_definite(head):
            return self._individual_before(head)
        entity = entity_of(head)
        if entity is not None and entity.label_ == "PERSON" and self._common_word_as_name(entity):
            entity = None  # "Officers said ...": a capitalised common noun the NER took for a name
        people = self._missed_people(head, entity)
        if people is not None:
            return people
        if entity is not None and not (entity.label_ == "PERSON" and _only_titles(entity.text)):
            actor = self._entity(entity, head)
            if actor is None and entity.label_ == "ORG" and not _all_lowercase(entity):
                return self._state_body(entity, head)
            if actor is not None or entity.label_ == "PERSON":
                return actor
            # "Japan's defence ministry": a lowercase common noun the NER took for an
            # unknown organisation is read as the common noun it is
        if entity is None:
            untagged = self._untagged_person(head)
            if untagged is not None:
                return untagged
        return self._common_noun(head)  # also "the King": a title alone names its holder

    def _individual_before(self, noun: Token) -> Actor | None:
        """ "A BNP MP was hurt ..., a police spokesman said. The man was later arrested": the
        last single person the sentence before (or this one) had as a subject, not one who reports."""
        doc = noun.doc
        start = doc[noun.sent.start - 1].sent.start if noun.sent.start > 0 else noun.sent.start
        for token in reversed(doc[max(start, 0):noun.i]):
            if token.tag_ not in ("NN", "NNP") or token.dep_ not in INDIVIDUAL_DEPS or _reports(token):
                continue
            lemma = token.lemma_.lower()
            if token.ent_type_ != "PERSON" and lemma not in self.rules.person_nouns \
                    and lemma not in self.rules.member_nouns and lemma not in self.rules.individual_antecedents:
                continue
            actor = self.actor_of(token)
            if actor is not None:
                return replace(actor, why=f"{noun.text}: {actor.name or token.text} named before")
        return None

    def _group_before(self, pronoun: Token) -> Actor | None:
        """ "Protesters marched on the palace. Police fired tear gas to disperse them": the
        plural subject of the sentence before stands for an object "them"."""
        doc = pronoun.doc
        if pronoun.sent.start == 0:
            return None
        before = doc[pronoun.sent.start - 1].sent
        for token in before:
            if token.dep_ in INDIVIDUAL_DEPS and token.tag_ in ("NNS", "NNPS") and not _reports(token):
                actors = self.actors_of(token)
                if len(actors) == 1:
                    return replace(actors[0], why=f"{pronoun.text}: {token.text} before")
        return None

    def _common_word_as_name(self, entity: Span) -> bool:
        """A one-word "name" that is a noun naming actors ("Officers", "Protesters")."""
        if len(entity) != 1:
            return False
        token = entity[0]
        lemma = token.lemma_.lower()
        return token.lower_ in self.rules.sector_nouns or lemma in self.rules.sector_nouns or (
            lemma in self.rules.person_nouns or lemma in self.rules.member_nouns)

    def _untagged_person(self, head: Token) -> Actor | None:
        """ "President Ruto, who visited ...": a name the NER left untagged that the table
        knows as a person, with the title before it."""
        if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.text.isupper():
            return None
        words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
        text = " ".join(t.text for t in words)
        entry = self.table.find(text, self.on, fuzzy=False)
        if entry is None or entry.kind != "person" or _surname_key(entry.name) != _surname_key(head.text):
            return None
        return self.person_from_name(text, head)

    def _surname_named_before(self, token: Token) -> Actor | None:
        """ "Soares later thanked ...": a capitalised word the parser took for a common noun
        or an organisation is the person the document named with that surname."""
        if token.ent_type_ not in ("", "ORG") or not token.text[:1].isupper() or token.text.isupper():
            return None
        if any(t.dep_ == "compound" for t in token.lefts) or not self.persons:
            return None
        return self.persons.named(_surname_key(token.text))

    def person_from_name(self, text: str, context: Token | None = None) -> Actor | None:
        """A person named in text ("Mr. Lavrentiev"), resolved against the document and the table."""
        name = TITLE_WORDS.sub("", text.strip()).strip(" ,.")
        if not name or not any(c.isupper() for c in name):
            return None
        known = self._known_person(name)
        if known and (context is None or (known.sector and known.country) or self.table.find(
                known.name or "", self.on, fuzzy=False)):
            return known
        group = self._group_of_person(context) if context is not None else None
        country = group.country if group else (
            self.country_in_phrase(context) or self._title_country(context) if context is not None else None)
        entry = None if known else (
            self.table.find(text, self.on, country) or self.table.find(name, self.on, country))
        if entry:
            actor = entry.actor()
            self._remember_person(actor, _first_role(entry, self.on), actor.country)
            return actor
        role = self.role_in_phrase(context) if context is not None else None
        sector = group.sector if group else (self._person_sector(context) or ("GOV" if role else None))
        why = f"member of {group.name}" if group else None
        if group is not None and group.name:
            self.groups_of[_clean_name(name)] = group
        if known:  # named before without a title: what this one says of them holds from now on
            described = Actor(known.name, known.country or country, known.sector or sector,
                              why=known.why or why)
            self.persons.redescribe(known, described)
            return described
        if country is None and self.home and sector in DOMESTIC_SECTORS:
            country, why = self.home, "person with a domestic role in the article's country"
        actor = Actor(_clean_name(name), country, sector, why=why)
        self._remember_person(actor, role, country)
        return actor

    def _group_of_person(self, context: Token) -> Actor | None:
        """The organisation a person's title or apposition names ("UN envoy X", "X, a
        commander of al-Shabaab")."""
        descriptions = [context, *(c for c in context.children if c.dep_ == "appos" and c.ent_type_ != "PERSON")]
        return next((g for g in map(self._group_in, descriptions) if g is not None), None)

    def _group_in(self, description: Token) -> Actor | None:
        """The organisation a title or description names, which the person belongs to: "the
        UN special envoy", "Hamas leader X", "X, a commander of al-Shabaab", "chairman of Y".
        Names set beside it and clauses about it are not part of it."""
        outside = {t.i for c in description.children if c.dep_ in ("appos", "relcl", "acl", "advcl")
                   for t in c.subtree}
        for token in description.subtree:
            if token.i in outside or token.ent_type_ != "ORG" or token.ent_iob_ != "B":
                continue
            entry = self.table.find(_entity_text(token), self.on, fuzzy=False)
            if entry is not None and entry.kind == "organisation":
                return entry.actor(self.on)
        return None

    def _person_sector(self, context: Token | None) -> str | None:
        """The sector a person's title or apposition gives ("opposition leader X",
        "X, the group's spokesman", "police commander X")."""
        if context is None:
            return None
        phrases = [context, *(c for c in context.children if c.dep_ == "appos")]
        found = [s for s in map(self._sector_in_phrase, phrases) if s]
        # A title's own sector word outranks a generic office: "opposition leader X" is OPP.
        titles = [t for left in context.lefts for t in left.subtree if not _hyphenated(t)]
        found += [self.rules.sector_adjectives.get(t.lemma_.lower()) or self.rules.sector_nouns.get(
            t.lemma_.lower()) for t in titles]
        found = [s for s in found if s]
        return next((s for s in found if s != "GOV"), found[0] if found else None)

    def known_person(self, name: str) -> Actor | None:
        """A person the document named before by this name or surname, else None (for a
        name the tagger took for something else: "McCormack said" tagged as an organisation)."""
        return self._known_person(name)

    def _known_person(self, name: str) -> Actor | None:
        """An earlier mention of the same person: same surname, or a close spelling."""
        return self.persons.latest_like(_surname_key(name))

    def _entity(self, entity: Span, head: Token) -> Actor | None:
        label = entity.label_
        if label == "PERSON":
            return self._person_entity(entity, head)
        if label in ("ORG", "NORP", "FAC"):
            # a demonym is matched exactly ("Georgian" is not "Georgieva")
            entry = self.table.find(entity.text, self.on, fuzzy=label != "NORP")
            if entry:
                return entry.actor()
        if label in ("GPE", "NORP", "ORG", "LOC"):
            country = self.countries.lookup(_strip_the(entity.text))
            if country is None:
                # "Mekdad said": the NER takes a lone surname for a place; a known person wins.
                return self._person_named_exactly(entity.text) if label in ("GPE", "LOC") else None
            if label == "NORP" and entity.root != head:
                return None  # a demonym modifying another noun: that noun decides
            if label == "NORP" and self.countries.from_plural_demonym(_strip_the(entity.text)):
                return self._people_of(head, country.iso3)  # "100 Palestinians": people, not a state
            if label == "NORP" or _is_place_only(entity, self.countries):
                return self._common_noun(head, default_country=country.iso3) if label == "NORP" else None
            return Actor(None, country.iso3, self._sector_in_phrase(head) or "GOV")
        return None

    def _state_body(self, entity: Span, head: Token) -> Actor | None:
        """ "South Korea's Joint Chiefs of Staff": an organisation the table does not know,
        owned by a state, is that state's own body (none is an IGO); an unknown organisation
        of no state is no one."""
        owners = [t for t in head.lefts if t.dep_ == "poss" and t.ent_type_ == "GPE"]
        country = next(filter(None, (self._country_of_token(t) for t in owners)), None)
        if country is None:
            return None
        sector = self._sector_in_phrase(head)
        return Actor(_strip_the(entity.text), country, _national_sector(sector),
                     why=f"{entity.text}: a body of {country}")

    def _missed_people(self, head: Token, entity: Span | None) -> Actor | None:
        """ "Greeks", "Nepalis": a plural demonym the NER missed or took for a name is people."""
        if head.tag_ not in ("NNS", "NNPS") or (
                entity is not None and (len(entity) > 1 or entity.label_ not in ("PERSON", "ORG"))):
            return None
        people = self.countries.from_plural_demonym(head.text)
        return self._people_of(head, people.iso3) if people is not None else None

    def _people_of(self, head: Token, demonym_country: str) -> Actor:
        """People a plural demonym names: of its country ("100 Palestinians"), except a
        community told by where it lives ("the Albanians of southern Serbia", "ethnic Russians
        in Latvia"): of that country; an ethnic community placed nowhere takes the country
        of the event's place or the article's (the setting fills the null)."""
        ethnic = any(c.dep_ == "amod" and c.lower_ in self.rules.community_words for c in head.children)
        preps = ("of", "in") if ethnic else ("of",)
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for place in prep.children:
                    country = self._country_of_community_place(place) if place.dep_ == "pobj" else None
                    if country is not None:
                        return Actor(None, country, "CVL", why=f"{head.text} {prep.lower_} {place.text}")
        if ethnic:
            return Actor(None, None, "CVL", why=f"ethnic {head.text}: of the country they live in")
        return Actor(None, demonym_country, "CVL")

    def _country_of_community_place(self, place: Token) -> str | None:
        """ "in southern Slovakia", "of the Latvian capital", "in Osh": the place's country."""
        if place.ent_type_ in ("GPE", "LOC"):
            country = self._country_of_place(_strip_the(_entity_text(place)))
            if country is not None:
                return country
        return self.country_in_phrase(place) if place.pos_ == "NOUN" else None

    def _person_named_exactly(self, text: str) -> Actor | None:
        """A person the document or the table knows by exactly this name (no spelling
        variants: the text may well be a place)."""
        known = self._known_person(text)
        if known is not None:
            return known
        entry = self.table.find(text, self.on, fuzzy=False)
        return entry.actor() if entry is not None and entry.kind == "person" else None

    def _person_entity(self, entity: Span, head: Token) -> Actor | None:
        context = entity.root.head if entity.root.dep_ == "appos" else entity.root
        actor = self.person_from_name(entity.text, context)
        role, _ = self._title_before(entity)
        if actor is not None and actor.name and role is not None:
            self.persons.remember(actor, role, actor.country)  # "Finance Minister X": "the FM" later
        if actor and actor.country is None and entity.root.dep_ == "appos":
            country = self.country_in_phrase(entity.root.head)
            if country:
                actor = Actor(actor.name, country, actor.sector or "GOV")
        if actor and actor.name and (actor.country is None or actor.sector is None):
            country, sector = self._described_as(entity.root)
            sector = sector or self._title_sector(entity)
            if country or sector:
                described = Actor(actor.name, actor.country or country, actor.sector or sector,
                                  why="apposition")
                self.persons.redescribe(actor, described)  # later mentions ("Ferrante said")
                actor = described
        return actor

    def _title_sector(self, entity: Span) -> str | None:
        """ "opposition leader Maria Rivera", "rebel commander X": the sector of the title
        words before a name."""
        titles = [t for left in entity.root.lefts if left.i < entity.start for t in left.subtree
                  if not _hyphenated(t)]  # "Secretary-General" is no general
        return next((self.rules.sector_nouns.get(t.lemma_.lower()) or self.rules.sector_adjectives.get(
            t.lemma_.lower()) for t in titles if t.lemma_.lower() in self.rules.sector_nouns
            or t.lemma_.lower() in self.rules.sector_adjectives), None)

    def _described_as(self, name: Token) -> tuple[str | None, str | None]:
        """Country and sector of a person from the phrase that describes them after their
        name: "Lucia Ferrante, the foreign minister of Italy", "X, a commander of
        al-Shabaab", "X, a Ukrainian journalist", "X, who leads the Y Front"."""
        for child in name.children:
            if child.dep_ == "appos" and child.ent_type_ != "PERSON":
                description = child
            elif child.dep_ == "relcl" and child.lemma_.lower() in self.rules.leading_verbs:
                description = next((c for c in child.children if c.dep_ == "dobj"), None)
            else:
                continue
            if description is None:
                continue
            if description.lemma_.lower() in self.rules.quantity_nouns or description.pos_ == "NUM":
                # "X, one of the protest leaders": the leaders describe X
                description = next(iter(prepositional_objects_of(description)), description)
            group = next((entry.actor() for t in description.subtree if t.ent_type_ == "ORG"
                          for entry in (self.table.find(_entity_text(t), self.on),) if entry), None)
            country = self.country_in_phrase(description) or (group.country if group else None)
            sector = (group.sector if group else None) or self._sector_in_phrase(description) or (
                "GOV" if self.role_in_phrase(description) else None)
            return country, sector
        return None, None

    def _pronoun(self, lower: str, token: Token | None = None) -> Actor | None:
        if lower in self.rules.person_pronouns:
            # "Lavrov said he would visit", "Lavrov stressed his country's support": the person
            # named as subject before the pronoun in the same sentence, else the last one.
            return (self._clause_person(token) if token is not None else None) or self.last_person or (
                self._person_named_in_sentence(token) if token is not None else None)
        if lower in self.rules.speaker_pronouns:
            return self.speaker
        if lower in self.rules.plural_pronouns and token is not None and (
                lower == "them" or token.dep_ in ("dobj", "pobj")):  # not "they said", "their"
            return self._group_before(token)
        if lower == "its" and token is not None and token.dep_ == "poss":
            return self._clause_owner(token)
        if lower in self.rules.speaker_group_pronouns and self.speaker:
            if self.speaker.name and self.speaker.country is None and not self._is_person(self.speaker):
                return self.speaker  # "we" of an organisation of no state (UNIFIL, NATO) is it
            group = self.groups_of.get(self.speaker.name or "")
            if group is not None:  # "We took the base," said X, al-Shabaab's spokesman
                return replace(group, why=f"{lower}: the group of {self.speaker.name}")
            return Actor(None, self.speaker.country, self.speaker.sector or "GOV")
        return None

    def _reporting_group(self, pronoun: Token) -> Token | None:
        """ "Palestinian leaders said they would ...", "Japan said it had halted aid": the
        pronoun is who says so (a group for "they", a state or organisation for "it")."""
        lower = pronoun.lower_
        if pronoun.dep_ != "nsubj" or pronoun.head.dep_ != "ccomp" or (
                lower != "it" and lower not in self.rules.plural_pronouns):
            return None
        group = next((c for c in pronoun.head.head.children if c.dep_ == "nsubj"), None)
        if group is None or group.i > pronoun.i or group.pos_ == "PRON":
            return None
        if lower == "it":
            return group if group.ent_type_ in ("GPE", "ORG") or group.lemma_.lower() in self.rules.unnamed_states else None
        plural = group.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in group.children)
        return group if plural else None

    def is_bare_state(self, noun: Token) -> bool:
        """ "the country", "the government": no name, demonym, owner or "of" to say whose."""
        if noun.tag_ != "NN" or noun.lemma_.lower() not in self.rules.bare_state_nouns or not _is_definite(noun):
            return False
        return not any(c.dep_ in ("amod", "compound", "poss", "nmod", "relcl", "acl", "appos")
                       or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children)

    def last_state_named(self, before: Token, exclude: set[str], start_char: int = 0) -> str | None:
        """The country the text last named as a state before `before` (a country, or a
        demonym on a state noun: "the Syrian state", not "Syrian refugees"), outside `exclude`."""
        states = self._states_named(before.doc)
        start_char = max(start_char, self.read_from)
        for index in range(bisect_left(states, (before.i + 1,)) - 1, -1, -1):
            _, start, country = states[index]
            if start >= start_char and country not in exclude:
                return country
        return next((country for country in reversed(self.earlier_states) if country not in exclude), None)

    # ----- abbreviations the article defines --------------------------------------------

    def _abbreviation(self, token: Token) -> Actor | None:
        """ "the SSAF" after "the South Sudanese Armed Forces (SSAF)": what the article's own
        definition names, where the tables do not know the abbreviation."""
        text = token.text
        if not _ABBREVIATION.fullmatch(text):
            return None
        known = self.abbreviations.get(text)
        if known is not None:
            return known
        defining = self._definitions(token.doc).get(text)
        if defining is None or defining[1].i == token.i:
            return None
        return self._define(text, defining[0])

    def _define(self, text: str, defining: Token) -> Actor | None:
        if self.table.find(text, self.on, fuzzy=False) is not None:
            return None  # the tables know it: their entry, with its name, wins
        actor = self.actor_of(defining)
        if actor is not None:
            actor = replace(actor, why=actor.why or f"{text}, as the article defines it")
            self.abbreviations[text] = actor
        return actor

    def _definitions(self, doc: Doc) -> dict[str, tuple[Token, Token]]:
        """Abbreviation -> (head of the noun phrase it follows in parentheses, itself)."""
        if self._defined[0] is not doc:
            found: dict[str, tuple[Token, Token]] = {}
            for token in doc[1:-2]:
                short = doc[token.i + 1]
                if token.text == "(" and doc[token.i + 2].text == ")" and _ABBREVIATION.fullmatch(short.text):
                    head = doc[token.i - 1]
                    while head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i:
                        head = head.head
                    if head.pos_ in ("NOUN", "PROPN"):
                        found.setdefault(short.text, (head, short))
            self._defined = (doc, found)
        return self._defined[1]

    def remember_states(self, doc: Doc, start_char: int, end_char: int) -> None:
        """Remember the states named in doc characters start_char:end_char, once read, and
        the abbreviations defined there (for the pieces still to read)."""
        for text, (head, short) in self._definitions(doc).items():
            if max(start_char, self.read_from) <= short.idx < end_char and text not in self.abbreviations:
                self._define(text, head)
        for _, start, group in self._groups_named(doc):
            if max(start_char, self.read_from) <= start < end_char:
                self.earlier_groups.pop(group, None)
                self.earlier_groups[group] = None
        for _, start, country in self._states_named(doc):
            if max(start_char, self.read_from) <= start < end_char:
                self.earlier_states.pop(country, None)
                self.earlier_states[country] = None

    def _group_named_before(self, noun: Token, sectors: frozenset[str] = frozenset({"REB"})) -> Actor | None:
        """The armed group (or party: `sectors`) the text last named before `noun` (this
        piece first, then those read before)."""
        groups = self._groups_named(noun.doc)
        for index in range(bisect_left(groups, (noun.i + 1,)) - 1, -1, -1):
            end, start, group = groups[index]
            if start >= self.read_from and end <= noun.i and group.sector in sectors:
                return group
        return next((g for g in reversed(self.earlier_groups) if g.sector in sectors), None)

    def _groups_named(self, doc: Doc) -> list[tuple[int, int, Actor]]:
        """(end token, start character, group) of each armed group or party named in `doc`,
        in order; computed once per doc."""
        if self._groups[0] is not doc:
            groups = []
            for entity in doc.ents:
                if entity.label_ not in ("ORG", "NORP") or self.countries.lookup(_strip_the(entity.text)):
                    continue
                entry = self.table.find(entity.text, self.on, fuzzy=False)
                if entry is not None and entry.kind == "organisation":
                    actor = entry.actor(self.on)
                    if actor.sector in _NAMED_BEFORE_SECTORS:
                        groups.append((entity.end, entity.start_char, actor))
            self._groups = (doc, groups)
        return self._groups[1]

    def _states_named(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(end token, start character, country) of each mention of a state in `doc`, in
        order; computed once per doc (doc.ents builds every entity of the document)."""
        if self._states[0] is not doc:
            states = []
            for entity in doc.ents:
                if entity.label_ == "NORP" and entity.root.head.lemma_.lower() not in self.rules.unnamed_states:
                    continue
                country = self.countries.lookup(entity.text) if entity.label_ in ("GPE", "NORP") else None
                if country is not None:
                    states.append((entity.end, entity.start_char, country.iso3))
            self._states = (doc, states)
        return self._states[1]

    def pair_reference(self, head: Token) -> tuple[Actor, ...] | None:
        """The pair or group named before that a plural refers back to: "they", "the two
        sides", "both countries", "the three leaders", "the parties", "the ministers"."""
        if head.lower_ in self.rules.plural_pronouns:
            return self.last_parties()
        if head.lower_ in self.rules.pair_determiners and head.dep_ in ("nsubj", "nsubjpass"):
            return self.last_pair  # "the two also agreed", "both agreed"
        lemma = head.lemma_.lower()
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        sector = self.rules.sector_nouns.get(lemma)
        owners = self.pair_reference(owner) if owner is not None and sector is not None else None
        if owners:
            # "the two countries' forces", "their leaders": each party's organ
            return tuple(Actor(None, a.country, sector) for a in owners)
        if lemma not in self.rules.pair_nouns:
            return None
        words = {c.lower_ for c in head.children}
        if words & self.rules.pair_determiners:
            parties: tuple[Actor, ...] | None = self.last_pair
        elif self.last_group and any(self.rules.group_numbers.get(w) == len(self.last_group) for w in words):
            parties = self.last_group
        elif head.tag_ == "NNS" and words == {"the"} and lemma not in self.rules.counted_pair_nouns and all(
                c.dep_ in ("det", "punct") for c in head.children):
            parties = self.last_parties()  # "the ministers discussed": no one else named
        else:
            return None
        sector = self.rules.pair_sectors.get(lemma)
        if parties and sector:
            return tuple(Actor(None, a.country, sector) for a in parties)
        return parties

    def _related_party(self, head: Token, lemma: str) -> Actor | None:
        """The party a noun stands for through another one the text names: its group ("ten
        ISIS members", "FARC rebels"), its owner ("the union's offices"), whose followers,
        counterpart or leader it is; the first of these kinds of noun that resolves."""
        rules = self.rules
        kinds: tuple[tuple[bool, Callable[[Token], Actor | None]], ...] = (
            (lemma in rules.member_nouns or lemma in rules.sector_nouns,
             lambda h: self._named_group(h) or self._camp_of_owner(h)),
            (lemma in rules.property_nouns, self._owner_of_property),
            (lemma in rules.follower_nouns, self._followers),
            (lemma in rules.counterpart_nouns, self._counterpart),
            (lemma in rules.led_groups, self._group_leader),
        )
        return next((actor for applies, resolve in kinds if applies
                     for actor in (resolve(head),) if actor is not None), None)

    def _common_noun(self, head: Token, default_country: str | None = None) -> Actor | None:
        lemma = head.lemma_.lower()
        role = self.role_in_phrase(head)
        if role is None and not self._actor_word(head):  # names no actor (names_actor)
            named = self._named_compound(head) or self._person_owner(head)
            if named is not None:
                return named  # "Security Council resolutions", "Hamas positions", "Koizumi's visit"
        if lemma in self.rules.person_nouns and head.tag_ == "NNS":
            bloc = self._bloc_of_members(head)
            if bloc is not None:
                return bloc
        if role or lemma in self.rules.person_nouns or lemma in self.rules.sector_nouns:
            # "his Russian counterpart, Sergey Lavrov", "Pakistan's army chief, General X",
            # "the UN envoy, Ghassan Salame": the person the title names (a name after a
            # comma only for an office).
            loose = bool(role) or self.rules.sector_nouns.get(lemma) == "GOV"
            person = self._appositive_person(head, loose)
            if person:
                return person
        related = self._related_party(head, lemma)
        if related is not None:
            return related
        country = self.country_in_phrase(head) or self._country_placed(head) or default_country
        if role:
            person = self._role_holder(role, country, head)
            if person:
                return person
        sector = self._sector_in_phrase(head)
        if sector is None and role:
            sector = "GOV"
        lemma = head.lemma_.lower()
        if country is None and lemma in self.rules.abstract_nouns:
            return None
        if country is None and sector is None:
            # "the source" after "a diplomatic source": the same noun names the same actor.
            return self.nominals.get(lemma) if head.pos_ == "NOUN" else None
        why = None
        if country is None and lemma in self.rules.unnamed_states and sector in (None, self.rules.sector_nouns.get(lemma)):
            sector = "GOV"
            # "countries backing terrorism"; but "security forces" are one state's own
            plural_states = head.tag_ in ("NNS", "NNPS") and lemma in self.rules.bare_state_nouns
            why = UNNAMED_STATES if plural_states else None
        if sector == "REB" and self.rules.sector_nouns.get(lemma) == "REB" and _refers_back(head):
            group = self._group_named_before(head)
            if group is not None and country in (None, group.country):
                # "the rebels", "the insurgents", "militants" in an article about one group
                return replace(group, why=f"{head.text}: the armed group named before")
        earlier = self.nominals.get(lemma) if head.pos_ == "NOUN" else None
        if country is None and earlier is not None and earlier.country and earlier.sector == (sector or "GOV") \
                and _is_definite(head):
            return earlier  # "the Sudanese army ... an attack by the army": the same army
        if country is not None:
            sector = _national_sector(sector)  # "Nigeria's electoral commission": no IGO
        actor = Actor(None, country, sector or "GOV", why=why)
        if head.pos_ == "NOUN":
            self.nominals[lemma] = actor
        return actor

    def _owner_of_property(self, head: Token) -> Actor | None:
        """ "raids on the homes of opposition activists", "the party's headquarters": what is
        done to someone's home or office is done to them."""
        for owner in (o for o in _owners(head) if not (o.dep_ == "poss" and o.pos_ == "PRON")):
            if self.names_actor(owner) or owner.ent_type_ in ("PERSON", "ORG", "NORP"):
                actor = self.actor_of(owner)
                if actor is not None:
                    return replace(actor, why=actor.why or f"{head.text} of {actor.name or owner.text}")
        return None

    def _country_placed(self, head: Token) -> str | None:
        """ "flood victims in Bolivia", "the new government in Caracas", "fishermen from Sri
        Lanka": the country (or capital) a domestic noun is placed in or comes from."""
        lemma = head.lemma_.lower()
        if self._sector_in_phrase(head) not in self.rules.placed_sectors or lemma in self.rules.posted_nouns:
            return None
        after = head.doc[head.right_edge.i + 1] if head.right_edge.i + 1 < len(head.doc) else None
        # "recognise the new government in Caracas": the parser may hang the place on the verb
        hung_on_verb = [after] if after is not None and head.dep_ == "dobj" and after.head == head.head else []
        for prep in (*head.children, *hung_on_verb):
            if prep.dep_ == "prep" and prep.lower_ in ("in", "from"):
                for place in prep.children:
                    if place.dep_ == "pobj" and place.ent_type_ == "GPE":
                        country = self._country_of_place(_strip_the(_entity_text(place)))
                        if country is not None:
                            return country
        return None

    def _country_of_place(self, name: str) -> str | None:
        """The country of a country, capital or city ("protesters in Aleppo": SYR)."""
        country = self.countries.lookup(name)
        if country is not None:
            return country.iso3
        place = Gazetteer.load().lookup(name)
        return place.country if place is not None else None

    def _followers(self, head: Token) -> Actor | None:
        """ "his supporters", "Khan's followers": the people behind a person, of the person's
        country, and of their camp where it is one (opposition, party, rebels), else civilians."""
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        person = self.actor_of(owner) if owner is not None and owner.lower_ != "its" else None
        if person is None or not self._is_person(person):
            return None  # with no country, the article's setting gives it as for the person
        sector = person.sector if person.sector in ("OPP", "PTY", "REB") else "CVL"
        return Actor(None, person.country, sector, why=f"{head.text} of {person.name}")

    def _named_group(self, head: Token) -> Actor | None:
        """ "ten ISIS members", "Hamas fighters", "inspectors of the IAEA": their group."""
        of_objects = prepositional_objects_of(head)
        for child in (*head.lefts, *of_objects):
            if child.i + 1 < len(child.doc) and child.doc[child.i + 1].text == "-":
                continue  # "the UN-backed government"
            igo = self._igo_named_before(child) if child.dep_ == "poss" or child in of_objects else None
            if igo is not None:
                return igo  # "the Organization's members"
            if (child.dep_ in ("compound", "poss") or child in of_objects) and child.ent_type_ in ("ORG", "NORP"):
                # a demonym is matched exactly ("Liberian" is not "Liberman")
                entry = self.table.find(_entity_text(child), self.on, fuzzy=child.ent_type_ == "ORG")
                if entry is not None and entry.kind == "organisation":
                    return entry.actor()
        return self._group_set_beside(head)

    def _named_compound(self, head: Token) -> Actor | None:
        """The organisation the table knows named before a thing: "UN Security Council resolutions"."""
        for child in head.lefts:
            if child.dep_ == "compound" and child.ent_type_ == "ORG" and child.i + 1 < len(child.doc) and (
                    child.doc[child.i + 1].ent_iob_ != "I"):  # the entity's last word
                entry = self.table.find(_entity_text(child), self.on, fuzzy=False)
                if entry is not None and entry.kind == "organisation":
                    return entry.actor(self.on)
        return None

    def _person_owner(self, head: Token) -> Actor | None:
        """ "Koizumi's visit", "Maduro's remarks": the person whose deed or words they are."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.ent_type_ == "PERSON"), None)
        actor = self.actor_of(owner) if owner is not None else None
        return actor if actor is not None and actor.name and self._is_person(actor) else None

    def _camp_of_owner(self, head: Token) -> Actor | None:
        """ "the leaders of an opposition sit-in", "the opposition ... its leaders": members
        of the opposition, a party or rebels are of that camp, not the state's officials."""
        if head.lemma_.lower() not in self.rules.member_nouns or self._sector_in_phrase(head) not in (None, "GOV"):
            return None
        for owner in _owners(head):
            actor = self.actor_of(owner) if owner.pos_ in ("PRON", "PROPN") else self._party_named_before(owner)
            camp = actor.sector if actor is not None else self._sector_in_phrase(owner)
            if camp in _CAMPS and actor is not None and actor.name and not self._is_person(actor):
                return replace(actor, why=f"{head.text} of {actor.name}")  # "members of the party"
            if camp in _CAMPS:
                country = (actor.country if actor is not None else None) or self.country_in_phrase(owner)
                return Actor(None, country, camp, why=f"{head.text} of {owner.doc[owner.left_edge.i: owner.i + 1].text}")
        return None

    def _igo_named_before(self, noun: Token) -> Actor | None:
        """ "the Organization", "the Assembly", "the bloc": the international organisation the
        text named last, whose name has that word (any one for "the organisation", "the bloc")."""
        word = noun.lemma_.lower()
        if word not in self.rules.igo_back_references or noun.tag_ not in ("NN", "NNP") or not _is_definite(
                noun) or any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in noun.children):
            return None
        named = self._groups_named(noun.doc)
        earlier = [g for _, start, g in named[:bisect_left(named, (noun.i,))] if start >= self.read_from]
        for igo in reversed([*self.earlier_groups, *earlier]):
            if igo.sector == "IGO" and igo.name and (
                    word in self.rules.igo_any_references or word in igo.name.lower()):
                return replace(igo, why=f"{noun.text}: the organisation named before")
        return None

    def _party_named_before(self, noun: Token) -> Actor | None:
        """ "senior members of the party": the party the text named last."""
        if noun.lemma_.lower() != "party" or noun.tag_ != "NN" or not _is_definite(noun) or any(
                c.dep_ in ("amod", "compound", "poss") for c in noun.children):
            return None
        party = self._group_named_before(noun, _PARTIES)
        return replace(party, why=f"{noun.text}: the party named before") if party is not None else None

    def _group_set_beside(self, head: Token) -> Actor | None:
        """ "another rebel group in Darfur, the Sudan Liberation Movement": the organisation
        named in apposition (the parser may hang it on the place), of the noun's own sector."""
        sector = self._sector_in_phrase(head)
        for token in head.subtree:
            if token.i > head.i and token.dep_ == "appos" and token.ent_type_ == "ORG" and not any(
                    a.dep_ in ("relcl", "acl") for a in token.ancestors if a.i > head.i):
                entry = self.table.find(_entity_text(token), self.on, fuzzy=False)
                actor = entry.actor(self.on) if entry is not None and entry.kind == "organisation" else None
                if actor is not None and actor.sector == sector:
                    return actor
        return None

    def _bloc_of_members(self, head: Token) -> Actor | None:
        """ "EU ambassadors", "NATO foreign ministers", "European ministers": people meeting
        as an IGO's members act as the IGO, not as the country their sentence names."""
        for token in (*head.lefts, *(t for c in head.lefts for t in c.lefts)):
            if token.dep_ not in ("compound", "amod", "nmod"):
                continue
            name = self.rules.igo_adjectives.get(token.lower_)
            group = self.table.find(name, self.on) if name else None
            if group is None and token.ent_type_ in ("ORG", "NORP"):
                group = self.table.find(_entity_text(token), self.on)
            if group is not None and group.actor().sector == "IGO":
                return group.actor()
        return None

    def _group_leader(self, head: Token) -> Actor | None:
        """ "a Russian delegation led by Alexander Lavrentiev": the person at its head."""
        for verb in head.children:
            if verb.dep_ == "acl" and verb.lemma_.lower() in self.rules.leading_verbs:
                for agent in (c for c in verb.children if c.dep_ == "agent"):
                    for leader in (g for g in agent.children if g.dep_ == "pobj"):
                        actor = self.actor_of(leader)
                        if actor is not None and actor.name:
                            return actor
        return None

    def _counterpart(self, head: Token) -> Actor | None:
        """ "The Russian foreign minister met his Syrian counterpart": the same office, the other country."""
        country = self.country_in_phrase(head)
        subject = next((t for t in head.sent if t.dep_ in ("nsubj", "nsubjpass") and t.i < head.i), None)
        if country is None or subject is None:
            return None
        role = self.role_in_phrase(subject) or self._known_role(subject)
        if role is None:
            return None
        entry = self.table.holder(role, country, self.on)
        return entry.actor() if entry else Actor(None, country, "GOV")

    def _appositive_person(self, head: Token, loose: bool = True) -> Actor | None:
        """ "the special envoy of President Putin, Alexander Lavrentiev": the person the role names.
        A name set beside a title is a person even where the NER calls it an organisation
        ("The Brazilian president, Helena Soares"), unless the tables know it as one."""
        for token in head.subtree:
            if token.dep_ == "appos" and token.ent_type_ == "PERSON":
                return self.person_from_name(_entity_text(token), head)
        for token in head.children:
            if token.dep_ == "appos" and token.pos_ == "PROPN" and self._unknown_name(token):
                return self.person_from_name(_entity_text(token), head)
        if not loose:
            return None
        right = head.doc[head.i + 1: min(len(head.doc), head.i + 12)]
        for i, token in enumerate(right):
            if token.text == "," and i + 1 < len(right) and right[i + 1].ent_type_ == "PERSON":
                person_token = right[i + 1]
                # The person must follow the whole role phrase, not start a list.
                if person_token.dep_ in ("appos", "conj", "npadvmod", "dobj", "pobj", "nsubj", "compound"):
                    return self.person_from_name(_entity_text(person_token), head)
            if token.text in (";", ".") or token.pos_ == "VERB":
                break
        return None

    def _unknown_name(self, token: Token) -> bool:
        """A proper name that is no country, place, acronym or organisation the tables know."""
        text = _entity_text(token)
        if text.isupper() or (token.i > 0 and token.doc[token.i - 1].text == "("):
            return False  # "the Sudan Armed Forces (SAF)": an abbreviation, not a person
        if token.ent_type_ in ("GPE", "LOC", "NORP", "FAC", "DATE") or self.countries.lookup(_strip_the(text)):
            return False
        entry = self.table.find(text, self.on, fuzzy=False)
        return entry is None or entry.kind == "person"

    def _known_role(self, subject: Token) -> str | None:
        """The office the document gave the person `subject` names."""
        mention = self.persons.of_actor(self.actor_of(subject)) if self.persons else None
        return mention.role if mention is not None else None

    def _role_holder(self, role: str, country: str | None, head: Token | None = None) -> Actor | None:
        """Who "the US ambassador", "Pakistan's FM", "the ousted leader" is: the person the
        article gave that office (before, or, for a state's office, anywhere in it), else the
        table's holder on the article's date."""
        roles = self._roles_meant(role, head)
        person = self.persons.latest_in_roles(roles, country)
        if person is None and country is not None and head is not None and _is_one(head):
            person = self._titled_in_article(roles, country, head)
        if person is not None:
            return person
        if country is None:
            return None
        entry = self.table.holder(role, country, self.on)
        return entry.actor() if entry else None

    def _roles_meant(self, role: str, head: Token | None) -> tuple[str, ...]:
        """The offices a role word may name: "FM" is a foreign or a finance minister; a bare
        "leader" (not "the rebel leader") whoever heads a state."""
        if head is None or not _is_one(head):  # "Yoruba leaders" are not the president
            return (role,)
        alternatives = self.rules.role_alternatives.get(head.lower_) or self.rules.role_alternatives.get(
            head.lemma_.lower())
        if not alternatives or self._sector_in_phrase(head) not in (None, "GOV"):
            return (role,)
        return (role, *(r for r in alternatives if r != role))

    def _titled_in_article(self, roles: tuple[str, ...], country: str, head: Token) -> Actor | None:
        """ "Bolivia expelled the U.S. ambassador ... U.S. Ambassador Philip Goldberg": the one
        person the article introduces anywhere with a title of this office and country."""
        found = []
        for entity, role, title_country in self._titled_people(head.doc):
            if role not in roles or (entity.doc is head.doc and entity.start <= head.i < entity.end) \
                    or title_country not in (None, country):
                continue
            person = self.person_from_name(entity.text, entity.root) if title_country is None else None
            if title_country == country:
                person = self.person_from_name(entity.text, entity.root)
                found.append(replace(person, country=person.country or country) if person else None)
            elif person is not None and person.country == country:
                found.append(person)
        people = distinct([p for p in found if p is not None and p.name])
        if self._sector_in_phrase(head) in (None, "GOV"):  # "Venezuela's leader" is no opposition leader
            people = [p for p in people if p.sector not in _CAMPS]
        if not people and country == self.home:
            # "Ambassador X" with no country of their own is of the article's country, as
            # domestic actors are (setting.py), when the article names only one
            people = [self.person_from_name(entity.text, entity.root) for entity, role, title_country
                      in self._titled_people(head.doc) if role in roles and title_country is None]
            people = [replace(p, country=country) for p in distinct(people) if p and p.name and not p.country]
        if len(people) != 1:
            return None
        return replace(people[0], why=people[0].why or f"{head.text}: the {roles[0]} the article names")

    def note_titled_people(self, entities: Iterable[Span]) -> None:
        """Index the people the whole article introduces with a title, from all its pieces
        before any is read, so that an article reads the same cut into pieces or whole."""
        self.titled = self._titles_of(entities)

    def _titled_people(self, doc: Doc) -> list[tuple[Span, str, str | None]]:
        """(name, office, country of the title) of each person the article introduces with
        a title before the name ("U.S. Ambassador Philip Goldberg", "Pakistan's Finance
        Minister X"): the article's index, else the doc's, computed once per doc."""
        if self.titled is not None:
            return self.titled
        if self._titled[0] is not doc:
            self._titled = (doc, self._titles_of(doc.ents))
        return self._titled[1]

    def _titles_of(self, entities: Iterable[Span]) -> list[tuple[Span, str, str | None]]:
        found = []
        for entity in entities:
            if entity.label_ == "PERSON":
                role, country = self._title_before(entity)
                if role is not None:
                    found.append((entity, role, country))
        return found

    def _title_country(self, name: Token) -> str | None:
        """ "Colombian Ambassador Rafael Quintero": the demonym of a title the parser hung
        deeper than the name's own modifiers."""
        entity = entity_of(name)
        return self._title_before(entity)[1] if entity is not None and entity.label_ == "PERSON" else None

    def _title_before(self, entity: Span) -> tuple[str | None, str | None]:
        """The office and country of the title words right before a name, longest first."""
        doc, start = entity.doc, entity.start
        words: list[Token] = []
        while start > entity.sent.start and len(words) < _MAX_TITLE_WORDS:
            token = doc[start - 1]
            if token.pos_ not in ("PROPN", "NOUN", "ADJ", "PART") and token.lower_ != "of":
                break
            words.insert(0, token)
            start -= 1
        for first in range(len(words)):
            phrase = " ".join(t.lower_ for t in words[first:])
            role = self.table.canonical_role(phrase)
            if role is not None:
                country = next((c.iso3 for t in reversed(words[:first]) if t.pos_ != "PART"
                                for c in (self.countries.lookup(t.text),) if c is not None), None)
                return role, country
        return None, None

    # ----- phrase analysis -------------------------------------------------------------

    def role_in_phrase(self, head: Token | None) -> str | None:
        """The office a noun phrase names ("Russian Foreign Minister" -> "foreign minister")."""
        if head is None or head.pos_ not in ("NOUN", "PROPN"):
            return None
        words = [t for t in head.lefts if t.dep_ in ("compound", "amod")] + [head]
        # "secretary of state", "minister of foreign affairs": the office may go on after "of".
        of_words = [" of " + " ".join(t.lower_ for t in g.subtree) for g in prepositional_objects_of(head)
                    if g.ent_type_ in ("", "ORG")]  # "of State" may be tagged ORG
        for start in range(len(words)):
            base = " ".join(t.lower_ for t in words[start:])
            for phrase in (*(base + tail for tail in of_words), base):
                role = self.table.canonical_role(phrase) or (phrase if self.table.holder(phrase, None) else None)
                if role:
                    return role
        lemma = head.lemma_.lower()
        return self.table.canonical_role(lemma) or (lemma if lemma in _ROLE_HEADS else None)

    def country_in_phrase(self, head: Token | None) -> str | None:
        """The country a noun phrase belongs to: demonym, country, capital, owner, "of X".
        The owner of a relation ("its neighbours", "Pyongyang's partners") is the other side."""
        if head is None:
            return None
        relational = head.lemma_.lower() in self.rules.relational_nouns
        for token in _modifiers(head):
            if relational and token.dep_ == "poss":
                continue
            country = self._country_of_token(token)
            if country:
                return country
        return None

    def _country_of_token(self, token: Token) -> str | None:
        lower = token.lower_
        if lower in ("his", "her") and token.dep_ == "poss":
            person = self._clause_person(token) or self.last_person or self._person_named_in_sentence(token)
            return person.country if person else None
        if lower in self.rules.speaker_group_pronouns and self.speaker:
            return self.speaker.country
        if lower == "its" and token.dep_ == "poss":
            owner = self._clause_owner(token)  # "the Nigerian Army said its troops ..."
            return owner.country if owner else None
        if self._is_former_demonym(token):
            return None
        entity = entity_of(token)
        text = entity.text if entity is not None else token.text
        if entity is not None and entity.label_ == "PERSON":
            person = self.person_from_name(text)
            return person.country if person else None
        country = self.countries.lookup(_strip_the(text)) or self.countries.lookup(token.text)
        if country:
            return country.iso3
        if entity is not None and entity.label_ in ("ORG",):
            entry = self.table.find(text, self.on)
            return entry.country if entry else None
        return None

    def _is_former_demonym(self, token: Token) -> bool:
        """ "ex-Soviet states", "former Yugoslav republics": states that were once part of a
        country are not that country (a "former Soviet leader" still is its own)."""
        if token.head.i < token.i or token.head.lemma_.lower() not in self.rules.successor_nouns:
            return False
        before = [t.lower_ for t in token.doc[max(token.i - 2, token.sent.start):token.i] if t.lower_ != "-"]
        return bool(before) and before[-1] in self.rules.former_words

    def _clause_person(self, token: Token) -> Actor | None:
        """The person a possessive in the same sentence points to: the nearest subject before it."""
        before = token.sent[: token.i - token.sent.start]
        for candidate in reversed(before):
            if candidate.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if candidate.ent_type_ == "PERSON":
                return self.actor_of(candidate)
            if candidate.pos_ == "PROPN":  # "Hill will meet ...", Hill labelled a place or group
                known = self.actor_of(candidate)
                if known is not None and self._is_person(known):
                    return known
        return None

    def _person_named_in_sentence(self, token: Token) -> Actor | None:
        """For a possessive with no person before it as subject or in the text before: the last
        person the sentence named ("police detained X and clashed with his supporters")."""
        if token.dep_ != "poss":
            return None
        named = next((t for t in reversed(token.sent[: token.i - token.sent.start])
                      if t.ent_type_ == "PERSON"), None)
        return self.actor_of(named) if named is not None else None

    def _clause_owner(self, token: Token) -> Actor | None:
        """ "Israel said its strikes ...", "Russia, which argues that its annexation ...": the
        state or organisation subject before "its" in the same sentence."""
        for candidate in reversed(token.sent[: token.i - token.sent.start]):
            if candidate.dep_ not in ("nsubj", "nsubjpass"):
                continue
            link = _link_to(token, candidate.head)
            if link is None:
                return None  # "its" must sit in a clause the subject's verb says or holds
            if link == "object" and (candidate.head != token.sent.root or any(
                    t.ent_type_ in ("GPE", "ORG", "NORP") for t in token.doc[candidate.i + 1: token.i])):
                # Only a main clause's subject, with no state named between: not "Russia
                # appreciates the readiness of the Syrian government and its ...", nor "the RSF
                # said the army had attacked its positions".
                return None
            if candidate.lower_ in ("which", "that") and candidate.head.dep_ == "relcl":
                candidate = candidate.head.head
            if self._may_own(candidate):
                return self.actor_of(candidate)  # "the army said its troops ..."
        # "According to the army, its troops ...": the one the clause is attributed to
        reporter = next((g for t in token.sent if t.lower_ == "according" for p in t.children
                         if p.lower_ == "to" for g in p.children if g.dep_ == "pobj"), None)
        return self.actor_of(reporter) if reporter is not None and self._may_own(reporter) else None

    def _may_own(self, noun: Token) -> bool:
        """A state or organisation that "its" may stand for."""
        return noun.ent_type_ in ("GPE", "ORG") or noun.lemma_.lower() in self.rules.bare_state_nouns or (
            noun.tag_ in ("NN", "NNP") and self.rules.sector_nouns.get(
                noun.lemma_.lower()) not in (None, "CVL", "REF"))

    def _sector_in_phrase(self, head: Token) -> str | None:
        sector = self._sector_words(head)
        if sector == "IGO" and self._of_people(head):
            return "CVL"  # "teachers' unions", "the Union of Teachers": people, not an IGO
        if sector == "MED" and head.lemma_.lower() in self.rules.agency_nouns and self._named_office(head):
            return None  # "the National Investigation Agency": a state's agency, not a news agency
        return sector

    def _of_people(self, head: Token) -> bool:
        """Is a civilian noun the owner, compound or "of" object of `head` ("National" of a name
        is no "nationals")?"""
        members = [c for c in head.children if c.dep_ in ("poss", "compound")] + prepositional_objects_of(head)
        return any(self.rules.sector_nouns.get(m.lemma_.lower()) == "CVL" and m.pos_ != "PROPN" for m in members)

    def _named_office(self, head: Token) -> bool:
        """A capitalised name before an agency noun and no word of a news agency."""
        lefts = [t for t in head.lefts if t.dep_ in ("compound", "amod")]
        return any(t.text[:1].isupper() for t in lefts) and not any(
            t.lower_ in self.rules.media_agency_words for t in lefts)

    def _sector_words(self, head: Token) -> str | None:
        lemma = head.lemma_.lower()
        lefts = [t for t in head.lefts if not _hyphenated(t)]  # "six-party talks", "nuclear-armed"
        for left in lefts:  # "the Sudan Armed Forces": a sector noun of several words
            sector = self.rules.sector_nouns.get(f"{left.lemma_.lower()} {lemma}") or \
                self.rules.sector_nouns.get(f"{left.lower_} {head.lower_}")
            if sector:
                return sector
        for token in lefts:  # "displaced families": the word, not its lemma "displace"
            sector = self.rules.sector_adjectives.get(token.lemma_.lower()) or self.rules.sector_adjectives.get(
                token.lower_)
            if sector:
                return sector
        lemma = head.lemma_.lower()
        compound = " ".join(t.lower_ for t in lefts if t.dep_ == "compound") + " " + lemma
        return self.rules.sector_nouns.get(compound.strip()) or self.rules.sector_nouns.get(lemma) or (
            self.rules.sector_nouns.get(head.lower_)
        ) or next((self.rules.sector_nouns[t.lemma_.lower()] for t in lefts  # "a government source"
                   if t.dep_ == "compound" and t.lemma_.lower() in self.rules.sector_nouns), None)


_MAX_TITLE_WORDS = 6
_CAMPS = frozenset({"OPP", "PTY", "REB"})  # sectors whose members are of the camp, not the state
_PARTIES = frozenset({"OPP", "PTY"})
_NAMED_BEFORE_SECTORS = _CAMPS | {"IGO"}
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&-]{1,7}")

_ROLE_HEADS = {"president", "minister", "ambassador", "envoy", "king", "premier", "chancellor",
               "emir", "sultan", "representative", "spokesman", "spokeswoman", "secretary"}


def _link_to(token: Token, verb: Token) -> str | None:
    """How `token` hangs from `verb`: inside a clause it governs ("Israel said [its strikes
    ...]"), in its own object ("the parliament urged [its government]"), or not at all."""
    below = token
    for ancestor in token.ancestors:
        if ancestor.head == verb and ancestor.dep_ in ("ccomp", "xcomp", "advcl"):
            return "clause"
        if ancestor == verb:
            return "object" if below.dep_ in ("dobj", "dative", "prep") else None
        below = ancestor
    return None


def _hyphenated(token: Token) -> bool:
    """Part of a hyphenated word ("Secretary-General")."""
    doc = token.doc
    return (token.i > 0 and doc[token.i - 1].text == "-") or (
        token.i + 1 < len(doc) and doc[token.i + 1].text == "-")


def _national_sector(sector: str | None) -> str:
    """The sector of one state's own body: an "IGO" word ("commission", "council", "union")
    there names a state organ, and no sector one of its government."""
    return "GOV" if sector in (None, "IGO") else sector


def _refers_back(noun: Token) -> bool:
    """ "the rebels", "militants": not "a rebel group", "other militias", "some fighters"."""
    return not any(c.lower_ in _INDEFINITE for c in noun.children if c.dep_ in ("det", "amod", "nummod")
                   ) and (noun.tag_ in ("NNS", "NNPS") or _is_definite(noun))


_INDEFINITE = frozenset({"a", "an", "another", "other", "any", "unidentified", "unknown", "rival",
                         "various", "no"})


def _is_one(noun: Token) -> bool:
    """ "the US ambassador", "Bolivia's ambassador": one definite holder, not "an envoy",
    "ambassadors"."""
    return noun.tag_ in ("NN", "NNP") and not any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "another", "any", "every", "each", "no")
        for c in noun.children)


INDIVIDUAL_DEPS = frozenset({"nsubj", "nsubjpass"})  # "the man" is who the sentence before was about


def prepositional_objects_of(noun: Token, prepositions: tuple[str, ...] = ("of",)) -> list[Token]:
    """ "one of the leaders": the nouns an "of" phrase (or one of `prepositions`) on `noun` names."""
    return [g for p in noun.children if p.dep_ == "prep" and p.lower_ in prepositions
            for g in p.children if g.dep_ == "pobj"]


def _owners(noun: Token) -> list[Token]:
    """ "the party's offices", "the homes of activists": the possessor and "of" objects of `noun`."""
    return [c for c in noun.children if c.dep_ == "poss"] + prepositional_objects_of(noun)


def _bare_definite(noun: Token) -> bool:
    """ "the man", "the same woman": no owner, name or modifier saying who else."""
    return _is_definite(noun) and noun.tag_ == "NN" and all(
        c.dep_ in ("det", "punct") or c.lower_ == "same" for c in noun.children)


def _reports(token: Token) -> bool:
    """The subject of a verb reporting a clause ("..., a police spokesman said")."""
    verb = token.head
    return token.dep_ == "nsubj" and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children) or (
        token.dep_ == "nsubj" and verb.dep_ == "parataxis")


def _is_definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _first_role(entry, on: date | None) -> str | None:
    for role in entry.roles:
        if role.covers(on):
            return role.role
    return entry.roles[0].role if entry.roles else None


def _modifiers(head: Token):
    """Tokens inside a noun phrase that can say whose it is: named countries and people
    before possessive pronouns ("his Russian counterpart" is Russian)."""
    lefts = [t for t in head.children if t.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and t.i < head.i]
    lefts.sort(key=lambda t: t.pos_ == "PRON")
    for token in lefts:
        yield token
        # "Russian Foreign Minister Andrei Kozyrev": the demonym hangs from the title;
        # "President of Kyrgyzstan Sadyr Japarov": so does the title's "of".
        for title in (token, *(t for t in token.children if t.dep_ == "nmod")):
            yield from (t for t in title.children if t.dep_ in ("compound", "poss", "amod", "nmod"))
            yield from prepositional_objects_of(title)
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    yield obj
                    yield from (t for t in obj.children if t.dep_ in ("amod", "compound", "poss"))


def _all_lowercase(entity: Span) -> bool:
    """No word of the span is capitalised: a common noun phrase, not a name."""
    return all(not t.text[:1].isupper() for t in entity)


def _entity_text(token: Token) -> str:
    entity = entity_of(token)
    return entity.text if entity is not None else token.text


def _is_place_only(entity: Span, countries: Countries) -> bool:
    """A city that is not a capital names a place, not a government."""
    text = _strip_the(entity.text)
    return countries.from_name(text) is None and countries.from_capital(text) is None and (
        countries.from_metonym(text) is None
    )


def _strip_the(text: str) -> str:
    return re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.IGNORECASE).replace("’s", "").replace("'s", "")


def _only_titles(text: str) -> bool:
    return not TITLE_WORDS.sub("", text.strip() + " ").strip(" ,.")


def _clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.;:")
    return name.replace("’s", "").replace("'s", "")


def _surname_key(name: str) -> str:
    words = re.findall(r"[a-z]+", name.lower().replace("al-", " ").replace("el-", " "))
    words = [w for w in words if not re.fullmatch(r"[ivx]+", w)]  # "Abdullah II"
    return words[-1] if words else ""


def _close(a: str, b: str) -> bool:
    """Two surnames one transliteration apart (Yefimov / Yevimov)."""
    if len(a) < 5 or len(b) < 5 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio() >= 0.8


def distinct(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for actor in actors:
        if actor not in out:
            out.append(actor)
    return out
