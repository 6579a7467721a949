"""Clean stage: an article's plain text, without the web page around it.

HTML goes through trafilatura (article body only, comments excluded, precision
first). Then, for HTML and plain text alike, white space is normalised and lines
of site chrome (share and comment counters, "Back to top", bylines, cookie
notes, a trailing block of labels, ...) are dropped by the general rules in
`data/chrome.yaml`. Everything else is kept verbatim, so evidence sentences
quoted downstream are substrings of the cleaned text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventscope.datafile import read_yaml
from eventscope.records import Article, InputError

# Spaces of other widths become a plain space; invisible characters go.
_ODD_SPACES = re.compile(r"[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u2060\ufeff]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\u0085]")
_SPACE_RUNS = re.compile(r" {2,}")
_BLANK_RUNS = re.compile(r"\n{3,}")
_CLOSERS = "\"'”’»)]"
_WORD = re.compile(r"\w[\w.'’-]*")
# Numeric character references (&#65; &#x41;): lxml drops a page that refers to a character
# XML cannot hold (&#xFFFE;, &#0;, a surrogate), so those are made U+FFFD first.
_CHAR_REFERENCE = re.compile(r"&#(?:[xX](?P<hex>[0-9a-fA-F]{1,8})|(?P<dec>[0-9]{1,10}));?")
# Tags that only lay a page out. Past libxml2's depth limit (256 levels, 2048 with huge_tree)
# nesting loses the text inside; without these tags the body is shallow again.
_LAYOUT_TAGS = re.compile(r"</?(?:div|span|section|font|center|table|tbody|tr|td|b|i|u|em|strong)"
                          r"\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class ChromeRules:
    """The compiled rules of data/chrome.yaml."""

    line_patterns: tuple[re.Pattern[str], ...]  # each matched against a whole line
    max_chars: int  # longer lines are article text
    button_words: frozenset[str]
    breadcrumb: re.Pattern[str]
    breadcrumb_min_separators: int
    breadcrumb_max_words: int
    label_max_words: int
    label_max_words_any_case: int
    label_min_capitalised_share: float
    label_function_words: frozenset[str]


@lru_cache(maxsize=1)
def chrome_rules() -> ChromeRules:
    data = read_yaml(resources.files("eventscope").joinpath("data/chrome.yaml").read_text("utf-8"))
    # One alternation per case mode: a single pass over each line instead of one per rule.
    any_case = "|".join(f"(?:{p})" for group in data["line_patterns"].values() for p in group)
    bylines = "|".join(f"(?:{p})" for p in data["byline_patterns"])
    patterns = (
        re.compile(any_case, re.IGNORECASE),
        re.compile(bylines.replace("NAME", data["byline_name"])),
    )
    separators = "|".join(re.escape(s) for s in data["breadcrumb_separators"])
    labels = data["trailing_labels"]
    return ChromeRules(
        line_patterns=patterns,
        max_chars=data["chrome_max_chars"],
        button_words=frozenset(w.lower() for w in data["button_words"]),
        breadcrumb=re.compile(rf"\s(?:{separators})\s"),
        breadcrumb_min_separators=data["breadcrumb_min_separators"],
        breadcrumb_max_words=data["breadcrumb_max_words"],
        label_max_words=labels["max_words"],
        label_max_words_any_case=labels["max_words_any_case"],
        label_min_capitalised_share=labels["min_capitalised_share"],
        label_function_words=frozenset(labels["function_words"]),
    )


def clean_text(article: Article) -> str:
    """The article's cleaned plain text: paragraphs separated by blank lines.

    Raises InputError when an HTML article has no extractable body.
    """
    if article.html is not None:
        text = html_to_text(article.html)
        cleaned = clean_plain_text(text or "")
        if not has_real_paragraph(cleaned):
            raise InputError(article.origin, "HTML has no article body")
        return cleaned
    return clean_plain_text(article.text or "")


def html_to_text(html: str) -> str | None:
    """The article body of an HTML page, one blank line between blocks."""
    html = _CHAR_REFERENCE.sub(_xml_safe_reference, html)
    body = _article_body(html) or _article_body(_LAYOUT_TAGS.sub(" ", html))
    if not body:
        return None
    # trafilatura puts one block per line; make them paragraphs.
    return "\n\n".join(line for line in body.splitlines() if line.strip())


def _article_body(html: str) -> str | None:
    """trafilatura's article body of a page parsed without lxml's default depth limit."""
    import lxml.html
    import trafilatura  # imported here: only HTML input needs it

    parser = lxml.html.HTMLParser(huge_tree=True, collect_ids=False, remove_comments=True,
                                  remove_pis=True, default_doctype=False)
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (ValueError, lxml.etree.LxmlError):  # nothing lxml can read: let trafilatura try
        tree = html
    return trafilatura.extract(
        tree, include_comments=False, favor_precision=True, include_tables=False,
        output_format="txt",
    )


def _xml_safe_reference(match: re.Match[str]) -> str:
    code = int(match["hex"], 16) if match["hex"] else int(match["dec"])
    allowed = (code in (0x9, 0xA, 0xD) or 0x20 <= code < 0xD800 or 0xE000 <= code < 0xFFFE
               or 0x10000 <= code <= 0x10FFFF)
    return match.group(0) if allowed else "&#xFFFD;"


def clean_plain_text(text: str) -> str:
    lines = normalise_whitespace(text).split("\n")
    rules = chrome_rules()
    kept = [line for line in lines if not is_chrome_line(line, rules)]
    kept = drop_trailing_labels(kept, rules)
    return _BLANK_RUNS.sub("\n\n", "\n".join(kept)).strip()


def normalise_whitespace(text: str) -> str:
    """Unix line ends, plain spaces, no invisible characters, no trailing spaces."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    return "\n".join(_SPACE_RUNS.sub(" ", line).strip() for line in text.split("\n"))


def is_chrome_line(line: str, rules: ChromeRules | None = None) -> bool:
    rules = rules or chrome_rules()
    line = line.strip()
    if not line or len(line) > rules.max_chars:
        return False
    if any(p.fullmatch(line) for p in rules.line_patterns):
        return True
    return _is_button_row(line, rules) or _is_breadcrumb(line, rules)


def _is_button_row(line: str, rules: ChromeRules) -> bool:
    words = [w for w in re.split(r"[\s|·•/,]+", line.lower()) if w]
    return bool(words) and all(w.strip(":") in rules.button_words for w in words)


def _is_breadcrumb(line: str, rules: ChromeRules) -> bool:
    separators = len(rules.breadcrumb.findall(line))
    return (
        separators >= rules.breadcrumb_min_separators
        and len(_WORD.findall(line)) <= rules.breadcrumb_max_words
        and not ends_sentence(line)
    )


def ends_sentence(line: str) -> bool:
    """The line ends with . ! ? or …, possibly followed by closing quotes or brackets."""
    return line.rstrip().rstrip(_CLOSERS).endswith((".", "!", "?", "…"))


def drop_trailing_labels(lines: list[str], rules: ChromeRules | None = None) -> list[str]:
    """Drop the block of label lines after the last real paragraph.

    Nothing is dropped when the text has no real paragraph at all (a bare
    headline is still text).
    """
    rules = rules or chrome_rules()
    end = len(lines)
    while end > 0 and (not lines[end - 1].strip() or is_label_line(lines[end - 1], rules)):
        end -= 1
    if not any(line.strip() for line in lines[:end]):
        return lines
    return lines[:end]


def is_label_line(line: str, rules: ChromeRules | None = None) -> bool:
    """A short line that does not end like a sentence: a name, a site, a category."""
    rules = rules or chrome_rules()
    line = line.strip()
    if ends_sentence(line):
        return False
    words = _WORD.findall(line)
    if len(words) <= rules.label_max_words_any_case:
        return True
    if len(words) > rules.label_max_words:
        return False
    content = [w for w in words if w.lower() not in rules.label_function_words]
    capitalised = [w for w in content if not w[0].isalpha() or w[0].isupper()]
    return bool(content) and len(capitalised) / len(content) >= rules.label_min_capitalised_share


def has_real_paragraph(text: str) -> bool:
    """True when some line of the text is more than a label."""
    rules = chrome_rules()
    return any(line.strip() and not is_label_line(line, rules) for line in text.split("\n"))
