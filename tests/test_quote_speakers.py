"""Who speaks a quotation in the wordings of real news: organisations and their voices, issued
texts, signs in a crowd, speakers the parser cuts off, single marks, the headline."""

from __future__ import annotations

import pytest

from eventscope import extract

pytestmark = pytest.mark.slow


def speakers(text: str, published: str = "2024-03-12") -> list[tuple[str | None, str | None, str | None]]:
    return [(q.speaker.name, q.speaker.country, q.speaker.sector) if q.speaker else (None, None, None)
            for q in extract(text, publication_date=published).quotes]


def test_a_spokesman_for_a_body_in_a_relative_clause_speaks_for_the_body():
    text = ("Uzbekistan is hosting three neighbours for the exercises, which a spokesman for "
            "Uzbekistan’s defence ministry told reporters were “a new step for the region”.\n\n"
            "“All the units have arrived,” the spokesman said.")
    assert [country for _, country, _ in speakers(text, "2024-07-09")] == ["UZB", "UZB"]


def test_a_warning_published_by_a_navy_is_the_navys():
    text = ('A notice to mariners published by Greece\'s navy said that "live-fire drills" were '
            "planned off Crete this week.")
    (speaker,) = speakers(text, "2019-11-04")
    assert speaker[1:] == ("GRC", "MIL")


def test_the_office_of_an_official_speaks_for_the_state():
    text = ("KINSHASA - Rebels attacked the town of Rutshuru on Sunday.\n\n"
            'The governor\'s office said on Monday that the army had "repelled" the rebels.')
    (speaker,) = speakers(text, "2022-06-13")
    assert speaker[1:] == ("COD", "GOV")


def test_a_resolution_with_no_author_in_its_phrase_is_the_bodys_that_adopted_it():
    text = ("The African Union has condemned the coup in Niamey.\n\n"
            'The resolution adopted on Friday calls for "an immediate return to constitutional order".')
    (speaker,) = speakers(text, "2023-07-30")
    assert speaker[0] == "African Union"


def test_a_placard_speaks_for_the_crowd_of_the_country():
    text = ("LIMA - Thousands of students marched through Lima on Saturday against the new law.\n\n"
            "“Education is not for sale,” read one placard.")
    assert speakers(text, "2023-05-20") == [(None, "PER", "CVL")]


def test_a_speaker_named_after_a_quote_that_the_parser_cuts_from_it():
    text = ("“For the sake of peace the [ELN] has offered to free the hostages and to halt all "
            "attacks that can be verified,” ELN commander Pablo Beltran said.")
    (speaker,) = speakers(text, "2017-01-10")
    assert speaker[0] == "Pablo Beltran"


def test_the_subject_of_a_clause_inside_the_quote_is_not_the_speaker():
    text = ('"What came out of the meeting? The decision of both sides to hold talks in Nairobi" '
            "said the mediator of the Community of Hope, Marco Bellini, who chaired the meeting.")
    (speaker,) = speakers(text, "2020-01-13")
    assert speaker[0] == "Marco Bellini"


def test_single_curly_marks_quote_their_speaker():
    text = ("Colonel Ruben Ochola, spokesman of the Ugandan army, said the troops will hold the "
            "ridge: ‘it belongs to Uganda’.")
    (speaker,) = speakers(text, "2012-04-11")
    assert speaker[:2] == ("Ruben Ochola", "UGA")


def test_a_quote_in_the_headline_is_nobodys():
    text = ("Lisbon recalls envoy for “consultations”\n\n"
            "LISBON - Portugal recalled its ambassador to Spain on Thursday after a series of "
            "“provocations”, the government said.")
    found = extract(text, publication_date="2019-02-07").quotes
    assert [q.text for q in found] == ["provocations"]
    assert found[0].speaker.country == "PRT"


def test_a_named_body_in_a_persons_title_gives_their_country_and_sector():
    text = ("“We will not lay down our arms,” Tamil Tigers spokesman Rasiah Ilanthiraiyan told "
            "reporters.")
    (speaker,) = speakers(text, "2008-05-02")
    assert speaker == ("Rasiah Ilanthiraiyan", "LKA", "REB")


def test_a_person_set_off_right_before_the_verb_is_the_one_the_titles_stand_for():
    text = ("CAIRO - The special envoy of the Chinese President for relations with Egypt, Chinese "
            "Ambassador in Cairo, Liao Liqiang, said that the visit “opened a new page between "
            "our two countries”.")
    (speaker,) = speakers(text, "2016-01-25")
    assert speaker[:2] == ("Liao Liqiang", "CHN")


def test_of_two_subjects_the_parser_gives_a_verb_the_named_one_speaks():
    text = ("The opposition Kenya National Union (KNU) called the strike, accusing the "
            'government of "arbitrary" arrests.')
    (speaker,) = speakers(text, "2015-03-02")
    assert speaker[0] is not None and speaker[0].split()[-1] == "Union"


def test_a_quote_deep_in_an_object_is_the_words_of_the_main_subject():
    text = ("Canberra followed up an hour later with a list of its own, targeting five senior "
            "officials and two regional commanders accused of undermining the “rule of law in "
            "the islands”. Fijian ministers said the list was unfair.")
    (speaker,) = speakers(text, "2020-09-14")
    assert speaker[1] == "AUS"


def test_a_text_only_seen_by_an_agency_is_the_bodys_named_before_not_the_agencys():
    text = ("Diplomats at the UN Security Council began talks on a draft resolution. The draft "
            'text seen by Reuters warns that the siege "threatens the stability of the region".')
    (speaker,) = speakers(text, "2019-04-08")
    assert speaker[0] == "UN Security Council"


def test_an_organisation_the_table_does_not_know_keeps_its_name():
    text = 'Zentrix Robotics previously said it would take a "careful and gradual" approach.'
    (speaker,) = speakers(text, "2021-10-05")
    assert speaker[0] == "Zentrix Robotics"


def test_a_ministry_statement_with_no_country_is_the_articles_government():
    text = ("LISBON (AP) - Portugal on Wednesday recalled its ambassador to Angola.\n\n"
            'A Foreign Ministry statement said Portugal rejected the "insults and threats" '
            "by Angola against its government.")
    (speaker,) = speakers(text, "2018-05-23")
    assert speaker[1:] == ("PRT", "GOV")


def test_the_groups_spokesman_speaks_for_the_group_named_before():
    text = ("MOGADISHU - Al-Shabaab fighters attacked an army base near Baidoa on Tuesday.\n\n"
            '"We will keep attacking the invaders," said Abdiasis Abu Musab, the group\'s '
            "military spokesman.")
    (speaker,) = speakers(text, "2019-02-12")
    assert speaker == ("Abdiasis Abu Musab", "SOM", "REB")


def test_a_pronoun_after_a_paragraph_naming_the_person_is_that_person():
    text = ("Somalia's defence minister Abdulkadir Mohamed Nur visited the base on Wednesday. "
            '"The attackers will pay for this crime," he told reporters.')
    (speaker,) = speakers(text, "2019-02-13")
    assert speaker[:2] == ("Abdulkadir Mohamed Nur", "SOM")
