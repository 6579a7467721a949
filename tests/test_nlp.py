"""The spaCy pipeline: paragraph sentence breaks, fused-name splitting, the entity ruler, loading."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventscope import nlp

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline() -> Language:
    return nlp.load()


def sentences(doc: Doc) -> list[str]:
    return [s.text.strip() for s in doc.sents]


def assert_valid_tree(doc: Doc) -> None:
    """Each sentence has one root that is its own head; every token reaches it."""
    for sentence in doc.sents:
        roots = [t for t in sentence if t.head.i == t.i]
        assert len(roots) == 1, [(t.text, t.dep_, t.head.text) for t in sentence]
        assert roots[0].dep_ == "ROOT"
        assert sentence.root == roots[0]
        for token in sentence:
            assert roots[0] in [token, *token.ancestors], token.text


@pytest.mark.parametrize("brk", ["\n", "\n\n", "\r\n"])
def test_a_line_break_ends_a_sentence_without_a_full_stop(pipeline: Language, brk: str):
    doc = pipeline(f"Russia supports Syria{brk}Turkey rejected the plan")
    assert sentences(doc) == ["Russia supports Syria", "Turkey rejected the plan"]


def test_full_stops_still_end_sentences_within_a_paragraph(pipeline: Language):
    doc = pipeline("The minister met the envoy. The envoy thanked him. Mr. Lavrov left.")
    assert sentences(doc) == ["The minister met the envoy.", "The envoy thanked him.", "Mr. Lavrov left."]


@pytest.mark.parametrize(("fused", "name", "verb"), [
    ("Lavrovstressed", "Lavrov", "stressed"),
    ("Putinsaid", "Putin", "said"),
    ("Shoukryaffirmed", "Shoukry", "affirmed"),
    ("Al-Assadasserted", "Al-Assad", "asserted"),
])
def test_a_name_fused_with_its_verb_is_split(pipeline: Language, fused: str, name: str, verb: str):
    text = nlp.split_fused_names(f"{fused} that Russia supports Syria.")
    assert text == f"{name} {verb} that Russia supports Syria."
    doc = pipeline(text)
    assert any(t.text == verb and t.dep_ == "ROOT" for t in doc)
    assert_valid_tree(doc)


@pytest.mark.parametrize("text", [
    "Lavrovstressed that Russia supports Syria.",
    "Asadasserted that Damascus thanks Moscow.",
    "Al-Assadasserted that Syria thanks Russia.",
])
def test_splitting_leaves_a_valid_parse(pipeline: Language, text: str):
    assert_valid_tree(pipeline(nlp.split_fused_names(text)))


def test_ordinary_words_starting_with_a_name_are_not_split():
    text = "Putinism and Assadism were discussed; Trumpeted claims."
    assert nlp.split_fused_names(text) == text


def test_a_lexicon_verb_read_as_a_plural_noun_after_a_name_is_a_verb(pipeline: Language):
    doc = pipeline("“Syria thanks and deeply appreciates Russian stances,” the minister said.")
    thanks = next(t for t in doc if t.lower_ == "thanks")
    assert (thanks.pos_, thanks.tag_) == ("VERB", "VBZ")
    assert [c.text for c in thanks.children if c.dep_ == "nsubj"] == ["Syria"]
    assert_valid_tree(doc)


def test_a_lemma_that_lost_its_silent_e_gets_it_back(pipeline: Language):
    doc = pipeline("Activists have staged rallies in Gaza.")
    assert next(t for t in doc if t.lower_ == "staged").lemma_ == "stage"


@pytest.mark.parametrize("text, word, lemma", [
    ("Farmers staged a protest outside the ministry on Tuesday.", "Farmers", "farmer"),
    ("Pensioners held a rally in the capital.", "Pensioners", "pensioner"),
])
def test_a_capitalised_first_word_naming_people_is_a_common_noun(pipeline: Language, text: str, word: str,
                                                                lemma: str):
    token = next(t for t in pipeline(text) if t.text == word)
    assert (token.pos_, token.lemma_, token.ent_type_) == ("NOUN", lemma, "")


@pytest.mark.parametrize("text, subject, verb", [
    (("Following lengthy discussions and mediation efforts from European and regional states, Serbia and "
      "Kosovo have finally signed a trade protocol."), "Serbia", "signed"),
    (("After months of mediation efforts from Asian and Western countries, Thailand and Cambodia have "
      "signed a ceasefire."), "Thailand", "signed"),
])
def test_names_after_a_fronted_phrase_are_the_subject_of_a_subjectless_verb(
        pipeline: Language, text: str, subject: str, verb: str):
    doc = pipeline(text)
    name = next(t for t in doc if t.text == subject)
    assert (name.dep_, name.head.text) == ("nsubj", verb)
    assert_valid_tree(doc)


def test_a_verb_with_its_own_subject_keeps_the_names_of_its_fronted_phrase(pipeline: Language):
    doc = pipeline("After talks with Norway, Iceland and Denmark, the minister signed the deal.")
    assert next(t for t in doc if t.text == "minister").dep_ == "nsubj"
    assert next(t for t in doc if t.text == "Iceland").head.text != "signed"


def test_a_name_of_several_words_at_the_start_stays_a_name(pipeline: Language):
    doc = pipeline("Citizens United filed a new appeal.")
    assert (doc[0].pos_, doc[0].ent_iob_) == ("PROPN", "B")


def test_a_real_plural_noun_stays_a_noun(pipeline: Language):
    doc = pipeline("The minister conveyed his thanks to Moscow. Many thanks were given.")
    assert all(t.pos_ == "NOUN" for t in doc if t.lower_ == "thanks")


def test_entity_ruler_labels_known_names_and_places(pipeline: Language):
    doc = pipeline("Hayat Tahrir al-Sham fighters attacked the village. "
                   "Faisal Mekdad met Mikhail Bogdanov in Damascus.")
    entities = {(e.text, e.label_) for e in doc.ents}
    assert {("Hayat Tahrir al-Sham", "ORG"), ("Faisal Mekdad", "PERSON"), ("Mikhail Bogdanov", "PERSON"),
            ("Damascus", "GPE")} <= entities


def test_dateline_capitals_are_places(pipeline: Language):
    doc = pipeline("DAMASCUS, (SANA) – The minister arrived on Monday.")
    assert ("DAMASCUS", "GPE") in {(e.text, e.label_) for e in doc.ents}


def test_pipeline_is_loaded_once_with_all_components(pipeline: Language):
    assert nlp.load() is pipeline
    for component in ("eventscope_paragraphs", "parser", "ner", "eventscope_entities", "eventscope_verb_repair"):
        assert component in pipeline.pipe_names
    assert pipeline.pipe_names.index("eventscope_paragraphs") < pipeline.pipe_names.index("parser")


def test_unknown_model_is_a_clear_error():
    with pytest.raises(RuntimeError, match="xx_no_such_model.*not installed"):
        nlp.load("xx_no_such_model")
