"""Clean: white space, site-chrome lines by rule class, HTML bodies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventscope.clean import clean_text, is_chrome_line
from eventscope.records import Article, InputError

PARA_1 = "The foreign minister met his Kenyan counterpart in Nairobi on Tuesday to discuss trade."
PARA_2 = "Both sides agreed to open a joint commission, the ministry said in a statement."


def clean(text: str) -> str:
    return clean_text(Article(doc_id="t", text=text, origin="t.txt"))


def test_plain_article_is_kept_verbatim():
    text = f"Kenya and Egypt sign trade pact\n\n{PARA_1}\n\n{PARA_2}"
    assert clean(text) == text


def test_whitespace_is_normalised():
    odd_spaces = PARA_1.replace(" met ", "\u00a0met\u200b ")
    tab = PARA_2.replace(" ", "\t", 1)
    text = "  " + odd_spaces + "\r\n\r\n\r\n\r\n" + tab + "\u2028Last line.  "
    assert clean(text) == f"{PARA_1}\n\n{PARA_2}\nLast line."


def test_single_newlines_between_paragraphs_are_kept():
    assert clean(f"{PARA_1}\n{PARA_2}") == f"{PARA_1}\n{PARA_2}"


@pytest.mark.parametrize("line", [
    # counters
    "1 comment", "12 Comments", "3.4K shares", "No Comments", "Leave a Reply", "Views: 1,204",
    # share and like buttons
    "Share this:", "Like this:", "Like Loading...", "Loading…", "%d bloggers like this:",
    "7 bloggers like this.", "Be the first to like this.", "Facebook Twitter WhatsApp Email",
    "Share | Tweet | Print", "Follow us on Telegram",
    # navigation and related content
    "Back to top button", "Back to top", "Related posts", "Related", "Read more",
    "Read also: Ministers meet in Cairo", "You may also like", "Continue reading →",
    "Home » World » Africa", "Advertisement", "Previous article",
    # taxonomy
    "Tags: Kenya, Egypt, trade", "Filed under: Africa", "Categories: Politics",
    # cookies
    "This website uses cookies to improve your experience.", "Accept all cookies",
    "By continuing to use this site you agree to our use of cookies.",
    # bylines and credits
    "By Jane Doe", "By Jane Doe and Omar Said, Example Wire", "By Dr. Amina Yusuf",
    "(Reporting by Jane Doe; Editing by Omar Said)", "Writing by Jane Doe", "Posted by admin",
    "Photo: Example Wire", "© 2024 Example Media. All rights reserved.", "Copyright 2023 Example News",
])
def test_chrome_line_is_dropped_between_paragraphs(line: str):
    assert is_chrome_line(line)
    assert clean(f"{PARA_1}\n\n{line}\n\n{PARA_2}") == f"{PARA_1}\n\n{PARA_2}"


@pytest.mark.parametrize("line", [
    "By contrast, the opposition rejected the plan and called for new elections.",
    "By Friday, both delegations had left the capital.",
    "Related talks are expected next month, officials said.",
    "Thursday, 12 March 2020",
    "Published: 12/03/2020",
    "Kenya and Egypt sign trade pact",
    "Source: the trade pact is worth two billion dollars, according to officials who asked not to be named.",
    "NAIROBI, (KNA) – The minister said the deal would help farmers.",
])
def test_article_line_is_not_chrome(line: str):
    assert not is_chrome_line(line)


def test_trailing_block_of_labels_is_dropped():
    trailing = "\n\nDr. Amina Yusuf\n\n\nExample Daily News\n\nAfrica Desk/box"
    assert clean(f"{PARA_1}\n\n{PARA_2}{trailing}") == f"{PARA_1}\n\n{PARA_2}"


def test_trailing_chrome_mixed_with_labels_is_dropped():
    trailing = "\n\n2 comments\n\nJane Doe\n\nShare this:\n\nTwitter\n\nLike this:\n\nLike Loading..."
    assert clean(f"{PARA_1}{trailing}") == PARA_1


def test_short_last_paragraph_that_reads_as_a_sentence_is_kept():
    for last in ("Talks resume on Monday.", "talks will resume next week", "Will the deal hold?"):
        assert clean(f"{PARA_1}\n\n{last}").endswith(last)


def test_last_paragraph_without_final_stop_is_kept_when_long():
    last = "The two ministers expressed satisfaction over the outcome of the meeting in Nairobi"
    assert clean(f"{PARA_1}\n\n{last}\n\nJane Doe") == f"{PARA_1}\n\n{last}"


def test_text_of_labels_only_is_kept():
    assert clean("Kenya Egypt Trade\n\nMarch 2020") == "Kenya Egypt Trade\n\nMarch 2020"


def test_headline_and_date_line_at_the_top_are_kept():
    text = f"World News\n\nKenya and Egypt sign trade pact\n\nThursday, 12 March 2020\n\n{PARA_1}"
    assert clean(text) == text


HTML = f"""<html><head><title>Kenya and Egypt sign trade pact</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/africa">Africa</a></li></ul></nav>
<article><h1>Kenya and Egypt sign trade pact</h1>
<p>{PARA_1}</p>
<p>{PARA_2}</p>
<p>The agreement covers tea, cotton and machinery, and takes effect next year after ratification.</p>
<div class="sharedaddy"><h3>Share this:</h3><ul><li>Twitter</li><li>Facebook</li></ul></div>
</article>
<section id="comments" class="comments"><h2>3 Comments</h2>
<div class="comment"><p>What a great deal for both countries, I really hope it lasts for years!</p></div>
</section>
<footer><p>© 2024 Example Media</p><a href="#top">Back to top</a></footer>
</body></html>"""


def test_html_body_becomes_paragraphs_without_comments_or_chrome():
    text = clean_text(Article(doc_id="h", html=HTML, origin="h.html"))
    paragraphs = text.split("\n\n")
    assert PARA_1 in paragraphs and PARA_2 in paragraphs
    assert "great deal" not in text
    for chrome in ("Share this", "Back to top", "©", "Comments"):
        assert chrome not in text


@pytest.mark.parametrize("html", [
    "<html><head><title>Nothing</title></head><body></body></html>",
    "<html><body><nav><a href='/'>Home</a> <a href='/x'>Menu</a></nav></body></html>",
    "<html><body><div>Share this:</div><div>1 comment</div></body></html>",
])
def test_html_without_body_is_an_input_error(html: str):
    with pytest.raises(InputError) as raised:
        clean_text(Article(doc_id="h", html=html, origin="feed.jsonl:7"))
    assert str(raised.value) == "feed.jsonl:7: HTML has no article body"


def _page(body: str) -> str:
    return f"<html><head><title>Talks</title></head><body>{body}</body></html>"


@pytest.mark.parametrize("odd", ["&#xFFFE;", "&#65535;", "&#0;", "&#xD800;", "&#x110000;", "\ufffe",
                                 "\x00", "\x0b"])
def test_html_with_a_character_xml_cannot_hold_keeps_its_body(odd: str):
    html = _page(f"<article><p>{PARA_1}</p><p>{PARA_2} {odd}</p></article>")
    text = clean_text(Article(doc_id="h", html=html, origin="h.html"))
    assert PARA_1 in text and PARA_2 in text


@pytest.mark.parametrize("depth", [300, 3000, 50_000])
def test_deeply_nested_html_keeps_its_body(depth: int):
    html = _page("<div>" * depth + f"<p>{PARA_1}</p><p>{PARA_2}</p>" + "</div>" * depth)
    text = clean_text(Article(doc_id="h", html=html, origin="h.html"))
    assert text.split("\n\n") == [PARA_1, PARA_2]


# ---------------------------------------------------------------- the seeds

CHROME_RULE_CLASSES = {
    "like-this": re.compile(r"like this:?$", re.IGNORECASE),
    "back-to-top": re.compile(r"^back to top", re.IGNORECASE),
    "counter": re.compile(r"^\d+\s+(comments?|likes?|shares?|views?)$", re.IGNORECASE),
    "box-label": re.compile(r"/box$", re.IGNORECASE),
}


def test_no_chrome_line_of_the_seeds_survives(seeds_dir: Path):
    for path in sorted(seeds_dir.glob("*.txt")):
        raw_lines = path.read_text(encoding="utf-8").splitlines()
        cleaned = clean(path.read_text(encoding="utf-8"))
        lines = [line for line in cleaned.split("\n") if line]
        for name, rule in CHROME_RULE_CLASSES.items():
            assert not [line for line in lines if rule.search(line)], (path.name, name)
        # the last line left is a paragraph, not a name or a label
        assert len(lines[-1].split()) > 8, (path.name, lines[-1])
        # and every kept line is verbatim from the file (modulo white space)
        raw = {" ".join(line.split()) for line in raw_lines}
        assert all(" ".join(line.split()) in raw for line in lines), path.name
