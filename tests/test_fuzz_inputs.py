"""Fuzzing the input side with hypothesis (derandomized, small): whatever the bytes, the
readers give one Article or one one-line InputError per input, never raise, and what they
pass on can be parsed and stored. The large inputs are in benchmarks/fuzz_inputs.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventscope.clean import clean_text
from eventscope.dates import resolve_date
from eventscope.ingest import read_inputs
from eventscope.records import Article, InputError, one_line, storable_text

FUZZ = settings(derandomize=True, max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Text with what breaks parsers and databases: NUL and controls, lone surrogates,
# noncharacters, byte order marks, line separators.
ODD_CHARACTERS = st.sampled_from(["\x00", "\x0b", "\x1b", "\ud800", "\udfff", "\ufffe", "\uffff",
                                  "\ufeff", "\u2028", "\x85", "\r", "é", "😀"])
ODD_TEXT = st.lists(st.one_of(st.text(max_size=20), ODD_CHARACTERS), max_size=30).map("".join)
BYTES = st.one_of(
    st.binary(max_size=300),
    ODD_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(st.sampled_from(["utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1"]),
              st.text(max_size=80)).map(lambda p: p[1].encode(p[0], "replace")),
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ODD_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "text", "html", "title", "publication_date", "url", "x"]), inner,
        max_size=4),
    max_leaves=10)


def check_results(results: list, expected: int) -> None:
    assert len(results) == expected
    for result in results:
        assert isinstance(result, Article | InputError)
        if isinstance(result, InputError):
            assert "\n" not in str(result) and "\r" not in str(result)
        else:
            for value in (result.text, result.html, result.title, result.doc_id):
                if value is not None:
                    assert storable_text(value) == value
                    value.encode("utf-8")  # raises on a lone surrogate


@FUZZ
@given(data=BYTES, suffix=st.sampled_from([".txt", ".html", ".htm"]))
def test_any_bytes_in_a_file_give_one_article_or_one_error(tmp_path_factory, data: bytes,
                                                           suffix: str):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    check_results(list(read_inputs([str(path)])), 1)


@FUZZ
@given(values=st.lists(JSON_VALUES, min_size=1, max_size=5),
       raw=st.lists(st.binary(min_size=1, max_size=40).filter(lambda b: b"\n" not in b and
                                                              b.strip() and b"\0" not in b),
                    max_size=2))
def test_any_jsonl_line_gives_one_article_or_one_error(tmp_path_factory, values: list,
                                                       raw: list[bytes]):
    lines = [json.dumps(v).encode() for v in values] + raw
    path = tmp_path_factory.mktemp("fuzz") / "feed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    check_results(list(read_inputs([str(path)])), len(lines))


@FUZZ
@given(text=ODD_TEXT)
def test_storable_text_keeps_offsets_and_can_be_encoded(text: str):
    kept = storable_text(text)
    assert len(kept) == len(text)
    assert "\x00" not in kept and storable_text(kept) == kept
    kept.encode("utf-8")
    assert "\n" not in one_line(text) and "\u2028" not in one_line(text)


@FUZZ
@given(expression=st.one_of(ODD_TEXT, st.sampled_from(
           ["yesterday", "last year", "next month", "on Wednesday", "May 23, 2018", "in 1999"])),
       published=st.one_of(st.none(), ODD_TEXT, st.sampled_from(
           ["2018", "2018-07", "2018-07-26", "9999", "9999-12", "0001-01", "2018-13"])))
def test_date_resolution_never_raises(expression: str, published: str | None):
    resolved = resolve_date(expression, published)
    assert resolved.value is None or resolved.value[:4].isdigit()


TAGS = st.sampled_from(["div", "span", "p", "article", "section", "b", "table", "td", "li"])


@settings(FUZZ, max_examples=15)
@given(nesting=st.lists(TAGS, max_size=400), odd=st.lists(st.sampled_from(
    ["&#xFFFE;", "&#0;", "&#xD800;", "&#x110000;", "\ufffe", "\x00", "&", "<", "]]>"]),
    max_size=3), close=st.booleans())
def test_html_with_odd_markup_is_cleaned_or_refused_by_name(nesting: list[str], odd: list[str],
                                                           close: bool):
    paragraph = ("Russian Foreign Minister Sergey Lavrov met his Turkish counterpart in Ankara "
                 "on Tuesday to discuss the grain corridor, both ministries said.")
    html = ("<html><body>" + "".join(f"<{t}>" for t in nesting) + f"<p>{paragraph}"
            + " ".join(odd) + "</p>" + ("".join(f"</{t}>" for t in reversed(nesting)) if close
                                        else "") + "</body></html>")
    try:
        text = clean_text(Article(doc_id="h", html=html, origin="page.html"))
    except InputError as error:
        pytest.fail(f"the article body was lost: {error}")
    assert "Sergey Lavrov met his Turkish counterpart" in text


@pytest.mark.slow
@settings(FUZZ, max_examples=10)
@given(texts=st.lists(ODD_TEXT.map(lambda t: "Lavrov met Fidan in Ankara. " + t), min_size=1,
                      max_size=4))
def test_extraction_gives_one_result_per_article(extractor, texts: list[str]):
    from eventscope.engines.local import extract_isolated

    articles = [Article(doc_id=f"d{n}", text=t, origin=f"f.jsonl:{n}") for n, t in enumerate(texts)]
    results = list(extract_isolated(extractor, articles))
    assert len(results) == len(articles)
    for article, result in zip(articles, results, strict=True):
        if isinstance(result, InputError):
            assert result.origin == article.origin
        else:
            assert result.doc_id == article.doc_id
            json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")


@pytest.fixture(scope="module")
def extractor():
    from eventscope.pipeline import Extractor

    return Extractor()


def test_the_fuzz_benchmark_generates_every_kind_the_same_for_a_seed(tmp_path: Path,
                                                                    monkeypatch):
    import importlib.util
    import sys

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz_inputs.py"
    spec = importlib.util.spec_from_file_location("fuzz_inputs", script)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "fuzz_inputs", module)  # its dataclasses look it up
    spec.loader.exec_module(module)
    inputs = module.generate(tmp_path, len(module.KINDS), seed=1)
    assert {i.kind for i in inputs} == set(module.KINDS)
    (tmp_path / "again").mkdir()
    again = module.generate(tmp_path / "again", len(module.KINDS), seed=1)
    assert [i.path.read_bytes() for i in inputs] == [i.path.read_bytes() for i in again]
