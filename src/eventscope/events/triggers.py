"""Trigger words: which lexicon entry (data/lexicon.yaml) a token is, if any."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.events.syntax import has_child, noun_dependents, objects_of
from eventscope.lexicon import Lexicon, Trigger


def trigger_of(lexicon: Lexicon, token: Token) -> Trigger | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and token.lower_ in lexicon.adjectives and has_child(token, "auxpass") \
            and not has_child(token, "agent"):
        return lexicon.adjectives[token.lower_]  # "is opposed to", parsed as a passive
    if token.tag_ == "VBG" and token.dep_ == "advcl" and token.lemma_.lower() in lexicon.interview_framings \
            and token.head.lemma_.lower() in lexicon.speech_verbs:
        return None  # "Speaking to Reuters, the minister said ...": an interview, not talks
    if token.pos_ in ("VERB",) and token.dep_ not in ("amod",):
        for child in token.children:
            # phrasal verbs ("call on") and object patterns ("recall ambassador(s)")
            # a particle the parser hangs as an adverb counts too ("ordered Goldberg out",
            # "pushed the troops back": "back" tagged as an adverb)
            particle = child.dep_ == "advmod" and (child.tag_ == "RP" or child.lower_ == "back")
            for key in (f"{lemma} {child.lower_}", f"{lemma} {child.lemma_.lower()}"):
                if (particle or child.dep_ in ("prt", "prep", "dobj", "nsubjpass")) and key in lexicon.verbs:
                    if "military_word" in lexicon.verbs[key].requires and not military_modified(child):
                        continue  # "boosted its economic presence", not its military one
                    return lexicon.verbs[key]
        spec = lexicon.verbs.get(lemma)
        if spec and "preposition" in spec.requires and not any(
            c.dep_ == "prep" and c.lower_ in spec.targets for c in token.children
        ):
            return None
        return spec
    if token.pos_ == "ADJ" and token.dep_ == "acomp":
        # "Israel is opposed to French mediation": a predicate adjective acts as its verb.
        return lexicon.adjectives.get(lemma)
    if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("PERSON", "GPE", "ORG", "NORP"):
        hyphened = hyphen_key(token)
        if hyphened in lexicon.nouns:
            return lexicon.nouns[hyphened]  # "build-up", "sit-in": split in three by the tokenizer
        for child in token.children:
            if child.dep_ in ("compound", "amod", "prep"):
                # "student protest", and nouns with their preposition ("call for")
                key = f"{lemma} {child.lower_}" if child.dep_ == "prep" else f"{child.lower_} {lemma}"
                if key in lexicon.nouns:
                    return lexicon.nouns[key]
        for child in token.children:
            # a noun read with its preposition ("the government's call for talks")
            if child.dep_ == "prep" and f"{lemma} {child.lower_}" in lexicon.nouns:
                return lexicon.nouns[f"{lemma} {child.lower_}"]
        spec = lexicon.nouns.get(lemma)
        if spec and spec.plural_only and token.tag_ not in ("NNS", "NNPS") and not (
                "partner_if_singular" in spec.requires and _has_partner(token)):
            return None
        if spec and "phone_word" in spec.requires:
            return None
        if spec and "predicate" in spec.requires and token.dep_ not in ("attr", "oprd"):
            return None  # "Iran is the partner in ...", not "with Pyongyang's partners"
        if spec and "military_word" in spec.requires and not military_modified(token):
            return None
        return spec
    return None


def _has_partner(noun: Token) -> bool:
    """ "for discussion of the crisis with allies": a singular noun with whom it is held."""
    return any(p.dep_ == "prep" and p.lower_ in ("with", "between") and objects_of(p)
               for p in noun_dependents(noun))


MILITARY_WORDS = frozenset({"air", "military", "drone", "missile", "rocket", "naval", "troop"})


def military_modified(token: Token) -> bool:
    """ "air strike", "military presence": a word before the noun makes it armed."""
    return any(c.lower_ in MILITARY_WORDS for c in token.lefts)


def hyphen_key(token: Token) -> str | None:
    """The hyphenated noun a token ends ("build-up" parsed as build, -, up), else None."""
    if token.i < 2 or token.nbor(-1).text != "-" or token.nbor(-1).whitespace_:
        return None
    first = token.nbor(-2)
    if first.whitespace_ or first.head != token:
        return None
    return f"{first.lower_}-{token.lemma_.lower()}"
