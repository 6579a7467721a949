"""Long documents: a text cut into pieces gives the events it gives whole, and texts over
spaCy's 1,000,000-character limit are extracted, not refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscope.pipeline import Extractor
from eventscope.records import Article, Document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def cutting_extractor(extractor: Extractor) -> Extractor:
    """The same pipeline, cutting anything over 1,500 characters into pieces."""
    small = Extractor()
    small.max_piece_chars = 1_500
    return small


def news_dev_joined(shared_dir: Path) -> str:
    folder = shared_dir / "corpus" / "news-dev"
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    if not texts:
        pytest.skip(f"no news-dev articles under {folder}")
    return "\n\n".join(texts)


def extract(extractor: Extractor, text: str, doc_id: str = "long") -> Document:
    [document] = extractor.extract_articles([Article(doc_id=doc_id, text=text, publication_date="2024-05-02")])
    assert isinstance(document, Document)
    return document


def test_a_long_article_has_the_same_events_cut_into_pieces_or_not(shared_dir, extractor, cutting_extractor):
    text = news_dev_joined(shared_dir)
    whole = extract(extractor, text)
    cut = extract(cutting_extractor, text)
    assert len(text) > 20 * cutting_extractor.max_piece_chars  # many pieces
    assert len(whole.events) > 100
    assert [e.to_dict() for e in cut.events] == [e.to_dict() for e in whole.events]
    assert [q.to_dict() for q in cut.quotes] == [q.to_dict() for q in whole.quotes]


def test_memory_carries_from_one_piece_to_the_next(cutting_extractor):
    # The title and the pronoun are resolved from a paragraph in an earlier piece.
    filler = "\n\n".join("The weather in the region stayed mild and dry for the season." for _ in range(40))
    text = ("Russian Foreign Minister Sergey Lavrov arrived in Damascus on Monday.\n\n" + filler
            + "\n\nThe Russian foreign minister met Syrian President Bashar al-Assad.\n\n"
            + filler + "\n\nHe condemned the attack on the Russian embassy.")
    document = extract(cutting_extractor, text)
    meetings = [e for e in document.events if e.type == "CONSULT"]
    accusations = [e for e in document.events if e.type == "ACCUSE"]
    assert meetings and meetings[0].source.name == "Sergey Lavrov"
    assert accusations and accusations[0].source.name == "Sergey Lavrov"
    for event in document.events:
        assert text[event.trigger_start:event.trigger_end] == event.trigger
        assert text[event.sentence_start:event.sentence_end].strip() == event.sentence


def test_the_setting_is_the_whole_articles_before_the_first_piece_is_read(cutting_extractor):
    # The police of the first piece are Ecuador's, a country only a later piece names.
    filler = "\n\n".join("The streets were quiet again by the evening, and shops opened." for _ in range(50))
    text = ("Police arrested forty protesters near the presidential palace on Monday.\n\n" + filler
            + "\n\nThousands had marched through Quito against the new fuel prices in Ecuador.")
    assert text.index("Quito") > 2 * cutting_extractor.max_piece_chars
    arrests = [e for e in extract(cutting_extractor, text).events if e.type == "COERCE"]
    assert arrests and arrests[0].source.country == "ECU"


def test_a_text_over_a_million_characters_is_extracted(extractor):
    # Mostly filler of long words (few tokens, so the test stays quick), with a meeting at
    # each end; and a short article after it in the same stream.
    filler = "\n\n".join(" ".join(["x" * 60] * 12) for _ in range(1_400))
    text = ("Vladimir Putin met Bashar al-Assad in Moscow.\n\n" + filler
            + "\n\nRecep Tayyip Erdoğan met Emmanuel Macron in Paris.")
    assert len(text) > 1_000_000
    articles = [Article(doc_id="huge", text=text), Article(doc_id="next", text="Egypt condemned the attack.")]
    huge, after = extractor.extract_articles(articles)
    assert isinstance(huge, Document) and isinstance(after, Document)
    meetings = [(e.source.name, e.target.name) for e in huge.events if e.type == "CONSULT"]
    assert ("Vladimir Putin", "Bashar al-Assad") in meetings
    assert ("Recep Tayyip Erdoğan", "Emmanuel Macron") in meetings
    last = huge.events[-1]
    assert last.trigger_start > 1_000_000 and text[last.trigger_start:last.trigger_end] == last.trigger
    assert [e.type for e in after.events] == ["ACCUSE"]


def test_a_sentence_cut_where_the_text_has_no_better_place_is_read_once(extractor, cutting_extractor):
    text = "x" * 4_000 + " Syria condemned the attack on its embassy in Amman."
    whole, cut = extract(extractor, text), extract(cutting_extractor, text)
    assert [e.type for e in whole.events] == ["ACCUSE"]
    assert [(e.type, e.source) for e in cut.events] == [(e.type, e.source) for e in whole.events]
