"""Which passages are quotations: single marks beside apostrophes, crossheads, translations,
words mentioned as words, the headline (no parser needed)."""

from __future__ import annotations

import pytest

from eventscope.quotes import find_quote_spans


def quoted(text: str, start: int = 0) -> list[str]:
    return [text[span.start:span.end] for span in find_quote_spans(text, start)]


def test_curly_single_marks_quote_and_apostrophes_do_not():
    text = ("Ruiz said the brigade will not leave the valley: ‘it is ours’. The farmers’ march "
            "went on and nobody’s house burned.")
    assert quoted(text) == ["it is ours"]


def test_straight_single_marks_quote_a_word_but_not_an_apostrophe_inside_a_name():
    text = "Commanders said the raid killed 'several' fighters of Ansar'allah, the villagers' guards."
    assert quoted(text) == ["several"]


def test_a_lone_single_mark_is_an_apostrophe_not_a_runaway_quote():
    assert quoted("The rebels' leaders met the 'mediators on Monday in Doha.") == []


def test_single_marks_inside_double_ones_are_part_of_the_outer_quote():
    text = "“They call it a ‘security zone’, we call it occupation,” Mora said."
    assert quoted(text) == ["They call it a ‘security zone’, we call it occupation,"]


def test_a_single_quoted_quotation_runs_on_over_paragraphs_when_reopened():
    text = ("‘We will not go back,’ she said.\n\n‘We will fight on. We will win.\n\n"
            "‘Nobody can stop us,’ she added.")
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == [
        "We will not go back,", "We will fight on. We will win.", "Nobody can stop us,"]
    assert [s.continued for s in spans] == [False, True, False]


@pytest.mark.parametrize("crosshead", ["‘The valley is ours’", "“No retreat from Kamsar”"])
def test_a_crosshead_of_quoted_words_is_no_quotation(crosshead):
    text = f"The army moved north.\n\n{crosshead}\n\nThe general said the town had fallen."
    assert quoted(text) == []


def test_a_quoted_paragraph_with_its_full_stop_is_a_quotation():
    text = "Khan issued an ultimatum.\n\n“I will wait for your resignation until tomorrow.”\n\nHe left."
    assert quoted(text) == ["I will wait for your resignation until tomorrow."]


def test_a_translation_in_brackets_after_a_title_is_no_quotation():
    text = "She starred in the Danish film “As in Heaven” (“Du som er i himlen”) last year."
    assert quoted(text) == []


@pytest.mark.parametrize("text", [
    "The army typically uses the term “neutralised” to mean killed.",
    "Officials avoid the word 'war' in public.",
    "Members of the so-called “popular committees” guarded the road.",
])
def test_words_mentioned_as_words_are_no_quotations(text):
    assert quoted(text) == []


def test_a_series_of_quoted_words_is_a_quotation_not_a_tv_series():
    text = "Lisbon recalled its envoy after a series of “provocations” from Madrid."
    assert quoted(text) == ["provocations"]


def test_quotes_before_the_body_are_left_out():
    text = "Lisbon recalls envoy for “consultations”\n\nLISBON - Portugal recalled its “dear friend”."
    body = text.index("LISBON")
    assert quoted(text, body) == ["dear friend"]
    assert quoted(text) == ["consultations", "dear friend"]
