"""Quotes: direct quotations with their speakers, straight and curly marks, across paragraphs."""

from __future__ import annotations

import pytest

from eventscope import extract
from eventscope.records import Quote

pytestmark = pytest.mark.slow


def quotes(text: str, published: str = "2024-02-13") -> list[Quote]:
    return extract(text, publication_date=published).quotes


def words(text: str) -> str:
    """The quoted words without the punctuation that closes them inside the marks."""
    return text.strip().rstrip(",.").strip()


def test_speaker_after_the_quote():
    (quote,) = quotes('"We will not abandon our allies," Lavrov said on Tuesday.')
    assert words(quote.text) == "We will not abandon our allies"
    assert (quote.speaker.name, quote.speaker.country) == ("Sergey Lavrov", "RUS")


def test_speaker_before_the_quote_with_a_colon():
    (quote,) = quotes('Jordanian Foreign Minister Ayman Safadi said: "Jordan stands with Lebanon and its people."')
    assert words(quote.text) == "Jordan stands with Lebanon and its people"
    assert quote.speaker.name == "Ayman Safadi"


def test_curly_marks_and_inverted_said():
    (quote,) = quotes("“The sanctions are illegal and will fail,” said Iranian Foreign Minister "
                      "Hossein Amir-Abdollahian.")
    assert words(quote.text) == "The sanctions are illegal and will fail"
    assert (quote.speaker.name, quote.speaker.country) == ("Hossein Amir-Abdollahian", "IRN")


def test_pronoun_speaker_is_the_person_named_before():
    (quote,) = quotes('Wang Yi arrived in Moscow on Monday.\n"China values its partnership with Russia," '
                      "he told reporters.")
    assert words(quote.text) == "China values its partnership with Russia"
    assert quote.speaker.name == "Wang Yi"


def test_quote_continued_in_the_next_paragraph_belongs_to_the_same_speaker():
    # News style: a quotation running over paragraphs leaves the first one unclosed.
    text = ('Antony Blinken spoke to reporters in Riyadh.\n'
            '"We are working for a pause in the fighting. We want the hostages home.\n'
            '"That work continues every day," Blinken said.')
    found = quotes(text)
    said = " ".join(q.text for q in found)
    assert "We want the hostages home" in said and "That work continues every day" in said
    assert [q.speaker.name if q.speaker else None for q in found] == ["Antony Blinken"] * len(found)


def test_offsets_point_at_the_quoted_text():
    document = extract('Officials said the talks went well.\n"We agreed on the next steps," Fidan said.',
                       publication_date="2023-09-05")
    (quote,) = document.quotes
    assert document.text[quote.start:quote.end] == quote.text
    assert quote.speaker.name == "Hakan Fidan"


def test_statement_inside_a_quotation_is_the_speakers_event():
    document = extract('"Russia supports Syria in its fight against terrorism," Lavrov said.',
                       publication_date="2024-02-13")
    support = [e for e in document.events if e.type == "SUPPORT"]
    assert len(support) == 1
    assert (support[0].source.name, support[0].target.country) == ("Sergey Lavrov", "SYR")


def test_text_without_quotation_marks_has_no_quotes():
    assert quotes("The minister said the talks would continue next week in Geneva.") == []


def test_unbalanced_mark_yields_no_runaway_quote():
    text = 'The envoy called the plan "unacceptable and said nothing more.\nTurkey rejected the plan.'
    for quote in quotes(text):
        assert "Turkey rejected" not in quote.text


def test_a_single_quoted_word_of_a_speaker_is_a_quote():
    doc = extract('The interior minister called the opposition strike "arbitrary" on Monday.')
    assert [q.text for q in doc.quotes] == ["arbitrary"]


@pytest.mark.parametrize("text", [
    'The festival opened with "The Long Road Home", a drama about two sisters.',
    'Her new album "Luces de la ciudad" came out on Friday.',
    'The film "Noche de verano" won the jury prize.',
])
def test_titles_of_works_are_no_quotes(text):
    assert extract(text).quotes == []


def test_a_spokesperson_named_nowhere_else_speaks_for_the_country_of_the_story():
    text = ("Chile protested on Tuesday against the detention of two of its fishermen in Peru.\n\n"
            '"We expect their release without delay," Foreign Ministry spokesperson '
            "Ana Villalobos told reporters in Santiago.")
    speaker = extract(text, publication_date="2024-05-14").quotes[0].speaker
    assert (speaker.name.split()[-1], speaker.country, speaker.sector) == ("Villalobos", "CHL", "GOV")


def speakers(text: str, published: str = "2024-02-13") -> list[tuple[str | None, str | None]]:
    return [(q.speaker.name, q.speaker.country) if q.speaker else (None, None)
            for q in quotes(text, published)]


def test_a_surname_alone_speaks_for_the_person_named_in_full_before():
    text = ('Indian Prime Minister Narendra Modi visited the flooded districts on Sunday.\n\n'
            '"Every family will get help," Modi said in a radio address.')
    assert speakers(text, "2015-04-26") == [("Narendra Modi", "IND")]


def test_he_is_the_last_person_named_as_subject_not_the_last_speaker():
    text = ('"We will march until the government falls," Imran Khan said.\n\n'
            "The army spokesman General Asim Bajwa appealed for calm.\n\n"
            '"All sides must show patience," he said in a message.')
    assert speakers(text, "2014-08-20")[1][0] == "Asim Bajwa"


def test_it_said_is_the_body_named_before():
    text = ("The UN peacekeeping force, UNIFIL, said it had seen rocket launches.\n\n"
            '"We urge all parties to stop firing at once," it said in a short statement.')
    assert speakers(text, "2015-01-28")[0][0] == "UNIFIL"


def test_a_quoted_phrase_in_a_clause_with_no_subject_is_the_main_subjects():
    text = 'China on Monday protested against the visit, calling it a "grave insult".'
    assert speakers(text, "2005-10-17") == [(None, "CHN")]


def test_the_one_saying_a_quoted_word_speaks_it_not_the_subject_of_the_words():
    text = 'Mr. Chavez again criticized Mr. Fox, saying Mr. Fox was Washington\'s "puppy".'
    assert speakers(text, "2005-11-14")[0][0] == "Hugo Chávez"


def test_according_to_names_the_speaker():
    text = 'Peru gave the Mexican ambassador three days to leave, calling him "an intruder", ' \
           'according to its foreign ministry.'
    assert speakers(text, "2022-12-20")[0][1] == "PER"


def test_a_statement_by_someone_is_their_words():
    text = 'A Hezbollah statement said its fighters had struck "empty fields" on Friday.'
    assert speakers(text, "2015-01-28") == [("Hezbollah", "LBN")]


def test_the_spokesman_unnamed_is_the_spokesman_named_before():
    text = ("Nigeria's army said on Wednesday its troops had repelled an attack in Borno.\n\n"
            "Sani Usman, the army's director of public relations, said the troops held the outpost.\n\n"
            '"The troops remain determined to protect the villages," the army spokesman said.')
    assert speakers(text, "2017-10-11")[0][0].split()[-1] == "Usman"


def test_a_quotation_standing_alone_is_the_words_of_the_one_introducing_it():
    text = ('"We will march on," Tahir Qadri said.\n\n'
            "Imran Khan also issued an ultimatum, demanding that the prime minister resign. "
            '"I will wait for your resignation until tomorrow evening."')
    assert speakers(text, "2014-08-20")[1][0] == "Imran Khan"


def test_a_quotation_over_paragraphs_belongs_to_the_speaker_named_where_it_closes():
    text = ("Mr. Usman, a brigadier general, said the troops held the outpost.\n\n"
            "“The soldiers repelled the attackers and seized two trucks.\n\n"
            "“Several attackers fled with wounds. One soldier died in the fighting.\n\n"
            "“The troops remain determined to protect the villages,” the army spokesman said.")
    names = [name for name, _ in speakers(text, "2017-10-11")]
    assert len(names) == 3 and all(name and name.split()[-1] == "Usman" for name in names)


def test_it_is_not_a_country_named_inside_a_reported_clause():
    text = ("Argentina's foreign ministry summoned the British ambassador, the ministry said.\n\n"
            'It said Britain was planning "illegal military exercises" near the islands.\n\n'
            '"Argentina rejects these exercises on its territory," it said.')
    assert all(country != "GBR" for _, country in speakers(text, "2010-10-15"))


def test_quoted_words_that_are_the_verb_itself_are_the_subjects():
    text = 'Iranian Foreign Minister Hossein Amir-Abdollahian "firmly condemned" the strikes on Monday.'
    assert speakers(text, "2023-03-08")[0][0] == "Hossein Amir-Abdollahian"


def test_a_spokesman_for_a_body_speaks_for_it_and_the_spokesman_later_is_him_again():
    text = ("Kazakhstan hosts the drills, which a spokesman for Kazakhstan's armed forces told "
            'AFP were "a first for the region".\n\n'
            '"All the units are in place," the spokesman said.')
    assert [country for _, country in speakers(text, "2024-07-09")] == ["KAZ", "KAZ"]


def test_a_surname_tagged_without_a_name_still_finds_the_person():
    text = ('"We oppose the visit," China\'s ambassador to Japan Wang Yi said in Tokyo.\n\n'
            '"The visit hurts all the Chinese people," Wang said.')
    assert [name for name, _ in speakers(text, "2005-10-17")] == ["Wang Yi", "Wang Yi"]


def test_a_title_in_apposition_speaks_as_the_person_it_names():
    text = ("The special envoy of the Russian president, the ambassador in Damascus, Alexander "
            'Yefimov, said the visit "sent a clear message to everyone".')
    assert speakers(text, "2020-06-10")[0][0] == "Alexander Yefimov"


def test_it_is_reported_is_no_speaker():
    text = ('"We stand together," Syrian Foreign Minister Faisal Mekdad said.\n\n'
            "It is reported that President Putin said during his visit that "
            '"a great distance has been covered".')
    assert speakers(text, "2020-06-10")[1][0] == "Vladimir Putin"
