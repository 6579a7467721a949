"""Walks of the dependency tree that the event code shares: the verb above a word, the
verbs that govern it, a noun's dependents and its words as a phrase."""

from __future__ import annotations

from spacy.tokens import Token


def governors(token: Token) -> list[Token]:
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


def clause_verb(token: Token) -> Token:
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") or current.head == current:
            return current
        current = current.head
    return current


def noun_dependents(noun: Token) -> list[Token]:
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


def phrase(head: Token) -> str:
    """A noun phrase's words, without clauses and appositions hanging from it."""
    words = [t for t in head.subtree if not any(
        a.dep_ in ("relcl", "acl", "appos", "prep", "punct") and a.head in head.subtree and a != head
        for a in (t, *[x for x in t.ancestors if x in head.subtree and x != head]))]
    return " ".join(t.text for t in words) or head.text


def is_definite(noun: Token) -> bool:
    return any(c.lower_ in ("the", "this", "these", "that") for c in noun.children if c.dep_ == "det")


def entity_text(token: Token) -> str:
    for entity in token.doc.ents:
        if entity.start <= token.i < entity.end:
            return entity.text
    return token.text


def is_predicate_noun(noun: Token) -> bool:
    """ "These forces are an obstacle", also as the parser reads "are but an obstacle"
    (the noun a conjunct of the copula)."""
    if noun.dep_ == "attr":
        return noun.head.pos_ in ("AUX", "VERB")
    return noun.dep_ == "conj" and noun.head.lemma_ == "be" and not any(
        c.dep_ in ("attr", "acomp") for c in noun.head.children)


def governed_act(word: Token) -> Token | None:
    """The act a verb or adjective governs: "offered to hand over", "committed to opening"."""
    return next((c for c in word.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None) or next(
        (g for c in word.children if c.dep_ == "prep" and c.lower_ == "to"
         for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
