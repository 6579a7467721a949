"""Mentions: the actors and places a token names, and the country a bare "the country" means.

`Mentions` is a mixin of `SentenceEvents`."""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventscope.events.found import Found
from eventscope.records import Actor, Location

# What a bare "the country" is until the event says which country it means.
UNNAMED_STATE = Actor(None, None, "GOV")
# Sectors of a state's own non-state parties, who are not another state.
DOMESTIC_SIDES = frozenset({"OPP", "REB", "CVL", "PTY", "MED", "BUS", "REF"})


class Mentions:
    """Actors and places of tokens, with the sentence's dateline and bare-state memory."""

    def actors_named(self, head: Token | None) -> list[Actor]:
        if head is None:
            return []
        if head.idx < self.skip_before:
            return []
        if self.actors.is_bare_state(head):
            self.bare_states.append(head)  # which country it means is settled per event
            # "talks between the government and the opposition alliance": its conjuncts too
            return [UNNAMED_STATE, *(a for c in head.conjuncts for a in self.actors_named(c))]
        actors = self.actors.actors_of(head)
        owner = next((c for c in head.children if c.dep_ == "poss" and self.actors.is_bare_state(c)), None)
        if owner is not None and actors == [UNNAMED_STATE]:
            self.bare_states.append(owner)  # "the country's foreign ministry": that country's
        return actors

    def note_own_voice(self, sentence: Span) -> None:
        """ '"We condemn the shelling of our embassy," the minister said': with no quotation
        speaker from the article, "we", "our" and "I" in what a sentence reports are the
        reporter's (the subject of its verb of saying)."""
        if self.actors.speaker is not None:
            return
        first_person = self.actors.rules.speaker_pronouns | self.actors.rules.speaker_group_pronouns
        for token in sentence:
            if token.lower_ not in first_person:
                continue
            reporter = self._reporting_subject(token)
            if reporter is not None and reporter.lower_ not in first_person:
                speaker = next(iter(self.actors_named(reporter)), None)
                if speaker is None and reporter.pos_ == "PRON":
                    # '"We urge ...," it said': whom the quotation was attributed to
                    speaker = self.actors.inner_quote_speaker
                if speaker is not None:
                    self.actors.speaker = speaker
                    return

    def place_of(self, token: Token) -> Location | None:
        """The place a noun phrase names: a place entity, "the city of X", or a proper name
        the NER left unlabelled ("in Sweida") that the gazetteer knows and no actor table does."""
        if not (token.ent_type_ in ("GPE", "LOC", "FAC") or token.lemma_.lower() in self.actors.rules.place_nouns
                or self._unlabelled_name(token)):
            return self._misread_place(token)
        phrase = " ".join(t.text for t in token.subtree if t.dep_ not in ("relcl", "acl"))
        return self.places.lookup_in_phrase(phrase)

    def _place_actor(self, token: Token) -> list[Actor]:
        place = self.place_of(token)
        if place and place.country:
            return [Actor(None, place.country, "GOV")]
        return []

    def _misread_place(self, token: Token) -> Location | None:
        """A one-word name the NER took for an organisation or a people ("the bombardment of
        Kharkiv", "the shelling of Aleppo") that no actor table knows and the gazetteer does."""
        if token.pos_ != "PROPN" or token.ent_type_ not in ("ORG", "NORP") or token.ent_iob_ != "B" or (
                token.i + 1 < len(token.doc) and token.nbor().ent_iob_ == "I"):
            return None
        if self.actors.table.find(token.text, self.actors.on) is not None:
            return None
        place = self.places.lookup(token.text)
        # a city, not a country a demonym or an organisation's name stands for
        return place if place is not None and place.name == token.text else None

    def _unlabelled_name(self, token: Token) -> bool:
        """A proper name the NER gave no label and the actor table does not know."""
        return token.pos_ == "PROPN" and not token.ent_type_ and self.actors.table.find(
            token.text, self.actors.on) is None

    def _visit_place(self, noun: Token) -> Location | None:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "in"):
                for obj in prep.children:
                    place = self.place_of(obj)
                    if place:
                        return place
        return None

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
            if UNNAMED_STATE not in actors:
                return actors
            # never the other side's state ("Germany will send aid to the country"); its own
            # opposition or rebels may be of it ("talks between the government and the rebels")
            country = self._country_meant(noun, exclude={a.country for a in others if a.country
                                                         and a.sector not in DOMESTIC_SIDES})
            return [Actor(None, country, "GOV") if a == UNNAMED_STATE and country else a for a in actors]

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
