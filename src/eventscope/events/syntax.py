"""Walks of the dependency tree that the event code shares: the verb above a word, the
verbs that govern it, a noun's dependents and its words as a phrase."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.entities import entity_of


def governors(token: Token) -> list[Token]:
    """The token and the verbs above it, up to the clause that reports it or a relative
    clause that tells a fact of its own ("Turkey, which has deployed troops, threatened ...":
    the deployment is no part of the threat; "demanded a deal that ends the war": it is)."""
    chain = [token]
    current = token
    for _ in range(5):
        if current.head == current:
            break
        if current.dep_ in ("ccomp", "parataxis") or (current.dep_ == "relcl" and _tells_a_fact(current)):
            break
        current = current.head
        chain.append(current)
    return chain


def _tells_a_fact(relative: Token) -> bool:
    """A relative clause on a subject, or one set off by a comma, says something of its own."""
    antecedent = relative.head
    return antecedent.dep_ in ("nsubj", "nsubjpass") or any(
        t.text == "," for t in antecedent.doc[antecedent.i + 1:relative.left_edge.i])


def clause_verb(token: Token) -> Token:
    """The verb whose clause holds `token`: itself if a verb, else the nearest verb above
    it (the root where there is none)."""
    current = token
    for _ in range(10):
        if current.pos_ in ("VERB", "AUX") or current.head == current:
            return current
        current = current.head
    return current


def reporting_verb(token: Token, speech_verbs: frozenset[str]) -> Token | None:
    """The verb of saying whose report holds the clause of `token`: above it ("X said that
    Y had ..."), or hanging from the clause's top after it ("Y had ..., X said")."""
    current = token
    for _ in range(8):
        if current.dep_ in ("ccomp", "parataxis") and current.head.lemma_.lower() in speech_verbs:
            return current.head
        if current.head == current:
            break
        current = current.head
    return next((c for c in current.children if c.dep_ in ("ccomp", "parataxis") and c.i > token.i
                 and c.lemma_.lower() in speech_verbs and has_child(c, "nsubj")), None)


def first_child(token: Token, *deps: str) -> Token | None:
    """The first dependent of `token` with one of these labels."""
    return next((c for c in token.children if c.dep_ in deps), None)


def has_child(token: Token, *deps: str) -> bool:
    return first_child(token, *deps) is not None


def objects_of(preposition: Token) -> list[Token]:
    """The objects of a preposition (or of a passive's "by")."""
    return [c for c in preposition.children if c.dep_ == "pobj"]


def prepositional_objects(head: Token, deps: tuple[str, ...] = ("prep",),
                          words: tuple[str, ...] | None = None) -> list[Token]:
    """The objects of the prepositions hanging from `head` ("talks with X": X), only of
    those spelt as `words` if given."""
    return [g for c in head.children if c.dep_ in deps and (words is None or c.lower_ in words)
            for g in objects_of(c)]


def noun_dependents(noun: Token) -> list[Token]:
    """A noun's dependents, with those it shares: a conjunct's head's later prepositions
    ("coordination and consultation between X and Y") and a participle's prepositions
    ("the summit scheduled to be held between X and Y")."""
    out = list(noun.children)
    # "a suspension of air links with Serbia", "the recall of its ambassador from Tunis",
    # "its easing of restrictions on the press": the partner may hang from the "of" object;
    # "the arrest of a journalist by police": so may the doer's by-phrase.
    out.extend(p for g in prepositional_objects(noun, words=("of",)) for p in g.children
               if p.dep_ in ("prep", "agent")
               and p.lower_ in ("with", "to", "between", "from", "against", "on", "by"))
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
    entity = entity_of(token)
    return entity.text if entity is not None else token.text


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


def direct_objects(verb: Token, passive: bool = False) -> list[Token]:
    """A verb's direct objects (with its passive subject if `passive`), a relative pronoun
    read as the noun it stands for ("the deal that X signed": the deal), and the noun a
    relative clause qualifies where its object is left unsaid ("the aid X sent to Y")."""
    deps = ("dobj", "nsubjpass") if passive else ("dobj",)
    objects = [relative_antecedent(c) or c for c in verb.children if c.dep_ in deps]
    subject = first_child(verb, "nsubj")
    if not objects and verb.dep_ == "relcl" and subject is not None and relative_antecedent(subject) is None \
            and not has_child(verb, "ccomp", "xcomp") and verb.head.pos_ in ("NOUN", "PROPN") and not any(
            c.dep_ == "prep" and not objects_of(c) for c in verb.children):
        objects = [verb.head]  # not "the insurgents who attacked": the subject they are
    if passive and not objects and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        objects = [verb.head]  # a reduced passive relative: "the town, captured by rebels"
    return objects


def objects_in_time_phrase(verb: Token) -> list[Token]:
    """ "troops arrested Zelaya Sunday": a verb's object the parser took for a compound of
    the time noun after it (a name, not itself part of the date)."""
    return [c for n in verb.children if n.dep_ in ("npadvmod", "tmod") and n.ent_type_ in ("DATE", "TIME")
            for c in n.children if c.dep_ == "compound" and c.i < n.i and c.pos_ == "PROPN"
            and c.ent_type_ not in ("DATE", "TIME")]


def main_clause_antecedent(pronoun: Token) -> Token | None:
    """ "The airport was closed after it was hit by airstrikes": the pronoun subject of an
    adverbial clause stands for the subject of the clause it hangs on, if they agree in number."""
    clause = pronoun.head
    if pronoun.lower_ not in ("it", "they") or clause.dep_ != "advcl":
        return None
    subject = first_child(clause.head, "nsubj", "nsubjpass")
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    plural = subject.tag_ in ("NNS", "NNPS") or has_child(subject, "conj")
    return subject if plural == (pronoun.lower_ == "they") else None


def relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for ("the troops, who shelled ...": the troops)."""
    clause = pronoun.head
    if pronoun.lower_ in ("who", "which", "that", "whom") and clause.dep_ == "relcl" and (
            clause.head.pos_ in ("NOUN", "PROPN", "PRON")):
        return clause.head
    return None


def inherited_subject(verb: Token) -> Token | None:
    """The subject a verb has or shares: its own (a relative pronoun's antecedent), else
    that of the clause it continues ("a car bomb exploded ..., wounding three guards")."""
    current = verb
    for _ in range(4):
        subject = first_child(current, "nsubj")
        if subject is not None:
            return relative_antecedent(subject) or subject
        if current.dep_ not in ("advcl", "conj", "xcomp") or current.head == current:
            return None
        current = current.head
    return None


def is_reciprocal(noun: Token) -> bool:
    """ "each other", "one another": the doers act on one another."""
    return (noun.lower_ == "other" and any(c.lower_ == "each" for c in noun.children)) or (
        noun.lower_ == "another" and any(c.lower_ == "one" for c in noun.children))
