"""Direct quotations and who said them.

Quotation marks are found on the text (straight and curly, a quote running on across
paragraphs when the next paragraph reopens it); the speaker is the subject of a verb
of saying in the sentence that holds the quote or in the sentence right after it
(`"...," the minister said.`), else the speaker of the paragraph before (a paragraph
that is all quotation continues the last speaker).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from eventscope.actors import DocumentActors
from eventscope.datafile import read_yaml
from eventscope.records import Actor, Quote

OPENING = "“„«\""
CLOSING = "”»\""
QUOTE_MARKS = set(OPENING + CLOSING) | {"‟"}
DOUBLE_MARKS = re.compile(r"[\"“”„‟«»]")
# Single marks double as apostrophes: one opens only at the start of a word and closes only
# at the end of one ("don’t", "Kata'ib" and "the protesters’ march" are no marks).
SINGLE_MARKS = re.compile(r"(?P<open>(?:^|(?<=[\s(\[—–:]))[‘'](?=\w))"
                          r"|(?P<close>(?<=[\w.,!?…])[’'](?=$|[\s.,;:!?)\]—–]))", re.MULTILINE)
SENTENCE_END = tuple(".!?…,:;")


@dataclass(frozen=True)
class QuoteRules:
    """What counts as a quotation: see data/quotes.yaml."""

    min_words: int
    title_case_max_words: int
    work_nouns: frozenset[str]
    term_words: frozenset[str]
    source_nouns: frozenset[str]
    role_nouns: frozenset[str]
    voice_nouns: frozenset[str]
    sign_nouns: frozenset[str]
    quote_verbs: frozenset[str]
    person_titles: frozenset[str]
    issuing_verbs: frozenset[str]
    group_nouns: frozenset[str]

    @classmethod
    @cache
    def load(cls) -> QuoteRules:
        data = read_yaml(resources.files("eventscope.data").joinpath("quotes.yaml").read_text())
        words = {key: frozenset(data[key]) for key in (
            "work_nouns", "term_words", "source_nouns", "role_nouns", "voice_nouns", "sign_nouns",
            "quote_verbs", "person_titles", "issuing_verbs", "group_nouns")}
        return cls(int(data["min_words"]), int(data["title_case_max_words"]), **words)

    def is_quotation(self, text: str, start: int, end: int) -> bool:
        """Is text[start:end] (inside its marks) a quotation, not a title of a work, a word
        mentioned as a word, or a crosshead?"""
        words = text[start:end].split()
        if len(words) < self.min_words:
            return False
        return not (self._title_case(words) or self._after_naming_word(text, start)
                    or _rendering_of_previous(text, start) or _crosshead(text, start, end))

    def _title_case(self, words: list[str]) -> bool:
        words = [w.strip("([{") for w in words]
        long_words = [w for w in words if sum(c.isalpha() for c in w) >= 4]
        return (len(words) <= self.title_case_max_words and words[0][:1].isupper()
                and all(w[:1].isupper() for w in long_words))

    def _after_naming_word(self, text: str, start: int) -> bool:
        """ "the film 'Noche de fuego'", "the term 'neutralised'": the word right before
        the mark names a work or a word."""
        before = re.findall(r"\w(?:[\w’'-]*\w)?", text[max(0, start - 40):start].lower())[-1:]
        return any(word in self.work_nouns or word in self.term_words for word in before)


def _rendering_of_previous(text: str, start: int) -> bool:
    """ “As in Heaven” (“Du som er i himlen”): a passage in brackets right after another
    quoted passage renders the same words (an original title, a translation)."""
    return re.search(r"[”\"’']\s*\(\s*[“\"‘']?\s*$", text[max(0, start - 8):start]) is not None


def _crosshead(text: str, start: int, end: int) -> bool:
    """A short paragraph that is all quotation with no punctuation to close it is a
    crosshead ("‘Heglig belongs to the South’"), not somebody's words in the story."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    outside = text[line_start:start] + text[end:line_end]
    return (not any(c.isalnum() for c in outside) and not text[start:end].rstrip().endswith(SENTENCE_END)
            and not outside.rstrip().endswith(SENTENCE_END) and text[line_end:].strip() != "")


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # offsets of the quoted text (marks excluded)
    end: int
    continued: bool = False  # the quotation goes on in the next paragraph


def find_quote_spans(text: str, start: int = 0) -> list[QuoteSpan]:
    """Character spans of quoted text from offset `start` on (the body: a headline's quoted
    words are nobody's), paragraph by paragraph; single-quoted passages outside double ones."""
    doubles: list[QuoteSpan] = []
    singles: list[QuoteSpan] = []
    for paragraph in re.finditer(r"[^\n]+", text[start:]):
        begin, end = start + paragraph.start(), start + paragraph.end()
        doubles.extend(_marked_spans(text, begin, end, DOUBLE_MARKS, OPENING))
        singles.extend(_marked_spans(text, begin, end, SINGLE_MARKS, "‘", closes_at_end=False))
    inside_double = [span for span in singles if any(d.start <= span.start < d.end for d in doubles)]
    return sorted([*doubles, *(s for s in singles if s not in inside_double)], key=lambda s: s.start)


def _marked_spans(text: str, begin: int, end: int, marks: re.Pattern[str], reopening: str,
                  closes_at_end: bool = True) -> list[QuoteSpan]:
    """The spans that `marks` enclose in paragraph text[begin:end]. A span left open at the
    paragraph's end runs on when the next paragraph reopens it (with a mark of `reopening`);
    otherwise it ends there where `closes_at_end` (a lone single mark is an apostrophe)."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for match in marks.finditer(text, begin, end):
        position, kind = match.start(), match.lastgroup  # kind: "open", "close", None (either)
        if open_at is None:
            open_at = position + 1 if kind != "close" else None
        elif kind != "open" and _can_close(text, position):
            _add(spans, text, open_at, position)
            open_at = None
    if open_at is not None:
        continued = _reopens(text, end, reopening)
        if continued or closes_at_end:
            _add(spans, text, open_at, end, continued=continued)
    return spans


def _can_close(text: str, position: int) -> bool:
    """A mark closes unless it is glued to the next word like an opening mark."""
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return not (before.isspace() and after.isalnum())


def _reopens(text: str, paragraph_end: int, reopening: str) -> bool:
    rest = text[paragraph_end:].lstrip()
    return bool(rest) and rest[0] in reopening


def _add(spans: list[QuoteSpan], text: str, start: int, end: int, continued: bool = False) -> None:
    inner = text[start:end]
    stripped_start = start + (len(inner) - len(inner.lstrip()))
    stripped_end = end - (len(inner) - len(inner.rstrip()))
    if QuoteRules.load().is_quotation(text, stripped_start, stripped_end):
        spans.append(QuoteSpan(stripped_start, stripped_end, continued))


def speech_subject(sentence: Span, speech_verbs: frozenset[str], outside: QuoteSpan | None) -> Token | None:
    """The subject of the first verb of saying in `sentence` that lies outside the quote."""
    for token in sentence:
        if token.lemma_.lower() not in speech_verbs or token.pos_ not in ("VERB", "AUX"):
            continue
        if _inside(token, outside):
            continue
        subject = _subject(token, outside)
        if subject is not None and not _impersonal(subject):
            return _person_closing_subject(subject, token) or _named_apposition(subject)
    return None


def _person_closing_subject(subject: Token, verb: Token) -> Token | None:
    """ "The special representative ..., Russian Ambassador in Damascus, Alexander Yevimov,
    said": a person named last in the subject, set off right before the verb, is the one the
    titles stand for, however the parser hung the appositions."""
    if subject.ent_type_ == "PERSON" or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    person = verb.doc[verb.i - 2]
    return person if person.ent_type_ == "PERSON" and subject.i < person.i else None


def _inside(token: Token, span: QuoteSpan | None) -> bool:
    return span is not None and span.start <= token.idx < span.end


def _impersonal(subject: Token) -> bool:
    """ "It is reported that X said ...": no one speaks; the next verb of saying tells who."""
    return subject.lower_ == "it" and any(c.dep_ == "auxpass" for c in subject.head.children)


def _named_apposition(subject: Token) -> Token:
    """ "The special envoy, the ambassador in Damascus, Alexander Yefimov, said": the person
    the title stands for."""
    if subject.ent_type_ == "PERSON":
        return subject
    token = subject
    for _ in range(4):
        appos = next((c for c in token.children if c.dep_ == "appos"), None)
        if appos is None:
            return subject
        if appos.ent_type_ == "PERSON":
            return appos
        token = appos
    return subject


def _subject(verb: Token, quote: QuoteSpan | None = None) -> Token | None:
    """The verb's subject outside the quote; through a clausal subject; else the person
    named right after it ("said Paolo Rossi, who ..."), or the last one named before it."""
    subject = _named_first([c for c in verb.children if c.dep_ in SUBJECTS and not _inside(c, quote)])
    if subject is not None:
        return subject
    for child in verb.children:
        if _inside(child, quote):
            continue  # '"... the decision to meet" said X': the quoted clause's subject is no speaker
        if child.dep_ == "csubj":
            inner = next((g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if inner is not None:
                return inner
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX") and not _inside(
            verb.head, quote):
        # "X criticized Y, saying ...": the one saying it is the subject of the main verb
        return _subject(verb.head, quote)
    # Inverted, the parser taking the quoted words for the subject: '"...," read one placard'
    following = [t for t in verb.doc[verb.i + 1:verb.sent.end][:12] if not _inside(t, quote)]
    after = next((t for t in following if t.ent_type_ == "PERSON"), None) or next(
        (t for t in following if t.head == verb and t.dep_ in ("dobj", "attr", "npadvmod")
         and t.pos_ in ("NOUN", "PROPN")), None)
    if after is not None and quote is not None and quote.end <= verb.idx:
        return after
    people = [t for t in verb.sent if t.i < verb.i and t.ent_type_ == "PERSON" and t.ent_iob_ == "B"
              and not _inside(t, quote)]
    return people[-1] if people else None


def attribute_quotes(
    doc: Doc, spans: list[QuoteSpan], actors: DocumentActors, speech_verbs: frozenset[str],
    offset: int = 0,
) -> list[tuple[QuoteSpan, Actor | None]]:
    """Pair each quote with its speaker. `offset` maps doc characters to text characters."""
    result: list[tuple[QuoteSpan, Actor | None]] = []
    last_speaker: Actor | None = None
    speech_verbs = speech_verbs | QuoteRules.load().quote_verbs
    for span in spans:
        speaker = subject = None
        local = QuoteSpan(span.start - offset, span.end - offset)
        for sentence in _sentences_around(doc, span.start - offset, span.end - offset):
            subject = speech_subject(sentence, speech_verbs, local) or according_to(sentence, local)
            if subject is not None:
                speaker = speaker_of(subject, actors, local) or last_speaker
                break
        if subject is None:
            # No verb of saying: "X called the move 'arbitrary'", "X condemned the
            # 'provocation'": a phrase quoted inside a clause is the words of its subject.
            subject = _governing_subject(doc, local, speech_verbs)
            speaker = speaker_of(subject, actors, local) if subject is not None else None
        if subject is None:
            subject = _introducer(doc, local)
            speaker = speaker_of(subject, actors, local) if subject is not None else None
        result.append((span, speaker))
        last_speaker = speaker or last_speaker
    return _fill_speakers(result)


def _introducer(doc: Doc, span: QuoteSpan) -> Token | None:
    """A quotation standing as its own sentence with no speaker: the subject of the sentence
    that introduces it, the one before in the same paragraph or one ending in a colon
    ('Khan issued an ultimatum. "Resign by tomorrow."', 'X said:')."""
    first = doc.char_span(span.start, min(span.start + 1, _text_length(doc)), alignment_mode="expand")
    if first is None or first.sent.start == 0:
        return None
    sentence = first.sent
    if any(not span.start <= t.idx < span.end and t.is_alpha for t in sentence):
        return None  # words of the sentence's own outside the quote
    before = doc[sentence.start - 1].sent
    between = doc.text[before.end_char:sentence.start_char]
    if "\n" in between and not before.text.rstrip().endswith(":"):
        return None
    root = before.root
    return next((c for c in root.children if c.dep_ in SUBJECTS), None)


SUBJECTS = ("nsubj", "nsubjpass")
PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"it", "they"})
LOOK_BACK_SENTENCES = 4  # how far back a pronoun's speaker is looked for
ROLE_LOOK_BACK = 12  # "the spokesman" may close a long quotation after his name


def speaker_of(subject: Token, actors: DocumentActors, quote: QuoteSpan) -> Actor | None:
    """The actor a speaking subject names: "he" and "it" are the person or the body last
    named as a subject before the quote; a name the actor model cannot place is looked up
    as a person's name."""
    if subject.pos_ == "PRON" or subject.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        if subject.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return None
        antecedent = _antecedent(subject, actors, quote)
        if antecedent is not None:
            return antecedent
        return actors.actor_of(subject) if subject.lower_ in PERSON_PRONOUNS else None
    if _unnamed_role(subject):
        antecedent = _antecedent(subject, actors, quote, person=True, look_back=ROLE_LOOK_BACK)
        # none named: the spokesman quoted last (the caller keeps the previous speaker)
        return antecedent
    if subject.lemma_.lower() in QuoteRules.load().sign_nouns:
        return Actor(None, None, "CVL", why="a sign carried in a crowd")
    author = _author(subject)
    actor = (_named(author, actors) if author is not None else None) or _named(subject, actors)
    if actor is None and author is not None:
        # "the governor's office said": a body of the owner's country (the article's, unsaid)
        actor = Actor(None, actors.country_in_phrase(author), _body_sector(author, actors))
    if actor is None and _names_issued_text(subject):
        # "The resolution passed on Wednesday calls for ...": the body named before issued it
        # (as a subject, else the last non-state body named: "talks at the Security Council")
        actor = _antecedent(subject, actors, quote, person=False) or _group_named_before(subject, actors)
    return _with_affiliation(_with_name(actor, subject), subject, actors)


def _named(noun: Token, actors: DocumentActors) -> Actor | None:
    """The actor a noun names; a name the actor model cannot place is looked up as a
    person's ("Modi said": a surname alone, named in full earlier; a name the tagger took
    for a work or a product), or, tagged as an organisation, as a person named before or
    a body of the country its phrase names ("Russia's Defence Ministry")."""
    actor = actors.actor_of(noun)
    if actor is not None and actor.name is not None or noun.pos_ != "PROPN":
        return actor
    name = " ".join(t.text for t in noun.lefts if t.dep_ == "compound") + " " + noun.text
    if noun.ent_type_ == "ORG":
        named = actors.known_person(name)
        if named is None and _described_as_person(noun, actors):
            named = actors.person_from_name(_entity(noun), noun)  # "Colonel X, spokesman of ..."
        if named is not None:
            return named
        entity = _entity(noun)
        if actor is not None:
            return replace(actor, name=entity)  # "the opposition Bangladesh Nationalist Party"
        # "Russia's Defence Ministry": its country's; "the Foreign Ministry": the article's
        # (localized later); "Microsoft said": a body known by its name only
        country = actors.country_in_phrase(noun)
        return Actor(entity, country, _body_sector(noun, actors, None if country is None else "GOV"))
    if noun.ent_type_ not in PLACE_LABELS:
        named = actors.person_from_name(name, noun)
        actor = named if named is not None and named.name else actor
    return actor


def _with_name(actor: Actor | None, noun: Token) -> Actor | None:
    """ "The opposition Bangladesh Nationalist Party": a body's actor named by the
    organisation named with the noun."""
    if actor is None or actor.name is not None or noun.ent_type_ == "PERSON":
        return actor
    named = next((c for c in (noun, *noun.children) if (c == noun or c.dep_ in ("compound", "appos", "nmod"))
                  and (c.ent_type_ == "ORG" or c != noun and c.dep_ == "appos" and c.pos_ == "PROPN"
                       and not c.ent_type_)), None)
    if named is None:
        return actor
    name = _entity(named) if named.ent_type_ == "ORG" else " ".join(
        [t.text for t in named.lefts if t.dep_ == "compound"] + [named.text])
    return replace(actor, name=name)


def _described_as_person(name: Token, actors: DocumentActors) -> bool:
    """A name with a person's title before it ("Colonel") or a person's noun in apposition
    ("X, spokesman of the army"): a person, whatever the tagger said."""
    titles = QuoteRules.load().person_titles
    return any(t.dep_ == "compound" and t.lower_.rstrip(".") in titles for t in name.lefts) or any(
        c.dep_ == "appos" and c.lemma_.lower() in actors.rules.person_nouns for c in name.children)


PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})


def _entity(token: Token) -> str:
    """The text of the named entity holding `token`, without a leading "the"."""
    doc, start, end = token.doc, token.i, token.i + 1
    if token.ent_iob_ in ("B", "I"):  # walk the entity's tokens (no scan of all the entities)
        while doc[start].ent_iob_ == "I" and start > 0:
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    text = doc[start:end].text
    return re.sub(r"^(?:the|The)\s+", "", text)


def _body_sector(noun: Token, actors: DocumentActors, default: str | None = "GOV") -> str | None:
    """The sector a body's own words give ("Defence Ministry" GOV, "Navy" MIL), else `default`."""
    words = [t.lemma_.lower() for t in noun.subtree if t.dep_ != "poss"]
    return next((actors.rules.sector_nouns[w] for w in reversed(words) if w in actors.rules.sector_nouns),
                default)


def _with_affiliation(actor: Actor | None, subject: Token, actors: DocumentActors) -> Actor | None:
    """A named person takes the sector of a non-state body their title or description names
    ("FARC spokesman Joaquin Gomez": REB, not the GOV of a spokesman), and where the text
    gives them none, its country too ("X, secretary-general of Sant'Egidio": a named body
    outranks a country guessed from the article's setting); a body with no name ("X, a
    spokesman for the Kenyan police") fills in only what is missing."""
    if actor is None or actor.name is None:
        return actor
    for token in _affiliation_words(subject, actors):
        body = _group_named_before(token, actors) if _bare_group(token) else actors.actor_of(token)
        if body is None or body == actor or (body.name and actors.persons.of_actor(body)):
            continue  # a person named in the description is not their body
        if body.name and body.sector not in (None, "GOV"):
            country = body.country if actor.why or actor.country is None else actor.country
            return Actor(actor.name, country, body.sector, why=f"speaks for {body.name}")
        if (body.country or body.sector) and not (actor.country and actor.sector):
            return Actor(actor.name, actor.country or body.country, actor.sector or body.sector,
                         why=actor.why or f"speaks for the {token.lemma_}")
    return actor


def _affiliation_words(name: Token, actors: DocumentActors) -> list[Token]:
    """Names of bodies in a person's title words and in their apposition, nearest first."""
    title = [t for left in name.lefts if left.dep_ == "compound" for t in left.subtree
             if t.ent_type_ != "PERSON"]
    described = [t for child in (*name.children, name.head) if child.dep_ == "appos" or (
        child is name.head and name.dep_ == "appos") for t in child.subtree
        if t.ent_type_ != "PERSON" and t != name]
    return [t for t in (*reversed(title), *described)
            if t.ent_type_ in ("ORG", "GPE", "NORP") and t.ent_iob_ == "B"
            or t.pos_ == "NOUN" and (t.lemma_.lower() in actors.rules.sector_nouns or _bare_group(t))]


def _bare_group(noun: Token) -> bool:
    """ "the group's spokesman", "the movement": a kind of body with no name or owner of its own."""
    return (noun.lemma_.lower() in QuoteRules.load().group_nouns and noun.tag_ == "NN"
            and any(c.lower_ == "the" for c in noun.children)
            and not any(c.dep_ in ("compound", "amod", "poss", "prep") for c in noun.children))


def _group_named_before(noun: Token, actors: DocumentActors) -> Actor | None:
    """The non-state body (armed group, party, movement, NGO) named last before `noun` that
    the actor table knows: what "the group" refers back to."""
    for entity in reversed([e for e in noun.doc.ents if e.end <= noun.i and e.label_ in ("ORG", "NORP")]):
        body = actors.actor_of(entity.root)
        if body is not None and body.name and body.sector not in (None, "GOV") and not (
                actors.persons.of_actor(body)):
            return body
    return None


def according_to(sentence: Span, outside: QuoteSpan | None) -> Token | None:
    """Who the words are attributed to by "according to X" outside the quote."""
    for token in sentence:
        if token.lower_ == "according" and not (outside and outside.start <= token.idx < outside.end):
            to = next((c for c in token.children if c.lower_ == "to"), None)
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if source is not None:
                return source
    return None


def _author(noun: Token) -> Token | None:
    """The author of "a statement by the ministry", "the ministry's statement", "a Hezbollah
    statement", "a warning published by Turkey's navy", or the body a voice speaks for ("a
    spokesman for Kazakhstan's armed forces", "the governor's office"); None when the phrase
    names no issued text or voice."""
    if noun.ent_type_ == "PERSON" or noun.pos_ == "PROPN":
        return None  # "Tigers spokesman Rasiah Ilanthiraiyan": one named speaks for himself
    rules = QuoteRules.load()
    issued = rules.source_nouns | rules.voice_nouns
    for word in (noun, *(t for t in noun.subtree if t != noun and t.dep_ in ("acl", "compound", "appos"))):
        if not ({word.lemma_.lower(), word.lower_} & issued):
            continue
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of", "for"):
                author = _object(child)
                if author is not None:
                    return author
            if child.dep_ in ("poss", "compound") and child.pos_ in ("PROPN", "NOUN") and child != noun \
                    and child.lemma_.lower() not in issued:  # "the draft text" has no author yet
                return child
        # "published by", "issued by", however deep the parser hangs it ("seen by" is no author)
        author = next((a for agent in word.subtree if agent.dep_ == "agent"
                       and agent.head.lemma_.lower() in rules.issuing_verbs
                       for a in (_object(agent),) if a is not None), None)
        if author is not None:
            return author
    return None


def _object(preposition: Token) -> Token | None:
    """The noun a preposition governs (a name or an owned noun first), not a relative pronoun."""
    objects = [c for c in preposition.children if c.dep_ == "pobj" and c.pos_ != "PRON"]
    return next((c for c in objects if c.ent_type_ or any(g.dep_ == "poss" for g in c.children)),
                objects[0] if objects else None)


def _names_issued_text(noun: Token) -> bool:
    """ "the resolution", "the statement": a text some body issued."""
    return noun.lemma_.lower() in QuoteRules.load().source_nouns and noun.pos_ == "NOUN"


def _unnamed_role(noun: Token) -> bool:
    """ "the spokesman", "the army spokesman": a role with no name of its own."""
    return (noun.lemma_.lower() in QuoteRules.load().role_nouns and noun.ent_type_ != "PERSON"
            and not any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in noun.children)
            and any(c.lower_ == "the" for c in noun.children))


def _antecedent(pronoun: Token, actors: DocumentActors, quote: QuoteSpan,
                person: bool | None = None, look_back: int = LOOK_BACK_SENTENCES) -> Actor | None:
    """The last subject before the quote, in this sentence or the few before, that a person
    pronoun ("he") or a group pronoun ("it") can stand for."""
    doc = pronoun.doc
    first_sentence = pronoun.sent
    for _ in range(look_back):
        if first_sentence.start == 0:
            break
        first_sentence = doc[first_sentence.start - 1].sent
    person = pronoun.lower_ in PERSON_PRONOUNS if person is None else person
    for token in reversed(doc[first_sentence.start:pronoun.i]):
        if token.dep_ not in SUBJECTS and token.dep_ != "appos" or token.head.dep_ == "ccomp":
            continue  # subjects of reported clauses ("it said Britain was ...") are no speakers
        if quote.start <= token.idx < quote.end:
            continue
        if token.pos_ == "PRON":
            if not person and token.lower_ in GROUP_PRONOUNS:
                return None  # "It said ... . '...,' it said": the same body as the last speaker
            continue
        names_person = token.ent_type_ == "PERSON"
        if names_person != person or (not person and token.ent_type_ not in ("ORG", "NORP", "GPE")):
            continue
        actor = _named(token, actors)
        if actor is not None:
            return actor
    return None


def _governing_subject(doc: Doc, span: QuoteSpan, speech_verbs: frozenset[str] = frozenset()
                       ) -> Token | None:
    """The subject of the nearest verb outside the quote that the quoted words hang from,
    climbing through verbs with no subject of their own ("..., calling it a 'provocation'");
    what a verb of saying reports is the words of the one who says it."""
    first = doc.char_span(span.start, min(span.start + 1, _text_length(doc)), alignment_mode="expand")
    if first is None:
        return None
    token = first.root
    # 'X "strongly condemned" the strikes': the quoted words are the verb itself.
    subject = _outside_subject(token, span) if token.pos_ == "VERB" else None
    for _ in range(12):  # up through a long object ("leaders accused of undermining the 'X'")
        if subject is not None or token.head == token:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX"):  # inside too: 'X "strongly condemned" the strikes'
            subject = _outside_subject(token, span)
    while subject is not None and token.dep_ == "ccomp" and token.head.lemma_.lower() in speech_verbs:
        # "saying Mr. Fox was the 'cub'": the one saying it, not Mr. Fox
        token = token.head
        subject = _outside_subject(token, span) or _climb_to_subject(token, span) or subject
    return subject


def _outside_subject(verb: Token, span: QuoteSpan) -> Token | None:
    return _named_first([c for c in verb.children if c.dep_ in SUBJECTS and not _inside(c, span)])


def _named_first(subjects: list[Token]) -> Token | None:
    """Of two subjects the parser gives one verb ("The opposition | Bangladesh Nationalist
    Party called"), the named one."""
    return next((s for s in subjects if s.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")),
                subjects[0] if subjects else None)


def _climb_to_subject(verb: Token, span: QuoteSpan) -> Token | None:
    """The subject of the first verb above `verb` that has one."""
    token = verb
    for _ in range(6):
        if token.head == token:
            return None
        token = token.head
        subject = _outside_subject(token, span) if token.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            return subject
    return None


def _fill_speakers(result: list[tuple[QuoteSpan, Actor | None]]) -> list[tuple[QuoteSpan, Actor | None]]:
    """A quotation running on into the next paragraph has the speaker named where it closes
    (news names the speaker there; a verb inside an earlier paragraph is no attribution);
    a quote with no speaker of its own keeps the one before."""
    filled = list(result)
    for i in range(len(filled) - 2, -1, -1):
        span = filled[i][0]
        if span.continued and filled[i + 1][1] is not None:
            filled[i] = (span, filled[i + 1][1])
    for i in range(1, len(filled)):
        if filled[i][1] is None:
            filled[i] = (filled[i][0], filled[i - 1][1])
    return filled


def quote_groups(spans: list[QuoteSpan]) -> list[list[QuoteSpan]]:
    """Spans grouped so that a quotation running over paragraphs is one group."""
    groups: list[list[QuoteSpan]] = []
    for span in spans:
        if groups and groups[-1][-1].continued:
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def _sentences_around(doc: Doc, start: int, end: int) -> list[Span]:
    """The sentence where the quote starts, then those after it ends up to the first full
    stop or paragraph break outside it ('"...," FARC spokesman X said.' is cut into two
    sentences by the parser where no stop divides them)."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    after = doc.char_span(end, min(end + 1, _text_length(doc)), alignment_mode="expand")
    out = []
    if first is not None:
        out.append(first.sent)
    if after is None or after.end >= len(doc):
        return out
    sentence = after.sent
    for _ in range(3):
        if sentence not in out:
            out.append(sentence)
        if sentence.end >= len(doc) or re.search(r"[.!?\n]", doc.text[end:sentence.end_char].lstrip(
                "".join(QUOTE_MARKS) + "’' ,")):
            break
        sentence = doc[sentence.end].sent
    return out


def _text_length(doc: Doc) -> int:
    """len(doc.text), without joining the text of every token."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


class QuoteSpeakers:
    """Who speaks each quotation of a document, attributed group by group in text order as
    the reading reaches them (a document read in pieces is attributed piece by piece)."""

    def __init__(self, groups: list[list[QuoteSpan]]):
        self.groups = groups
        self.spans = [span for group in groups for span in group]
        self.starts = [span.start for span in self.spans]
        self.ends = [span.end for span in self.spans]  # sorted too: quotations do not overlap
        self.speakers: list[Actor | None] = []  # of spans[:len(speakers)]
        self.next_group = 0

    def attribute_until(self, end: int, attribute: Callable[[list[QuoteSpan]], list[tuple[QuoteSpan, Actor | None]]]) -> None:
        """Attribute the quotations that start before text offset `end`; a quotation with no
        speaker of its own keeps the last one."""
        while self.next_group < len(self.groups) and self.groups[self.next_group][0].start < end:
            previous = self.speakers[-1] if self.speakers else None
            self.speakers.extend(speaker or previous for _, speaker in attribute(self.groups[self.next_group]))
            self.next_group += 1

    def at(self, start: int, end: int) -> Actor | None:
        """The speaker of the attributed quotation that holds text offsets start:end (give or
        take its marks and spaces)."""
        before = min(bisect_right(self.starts, start + 2), len(self.speakers))
        index = bisect_left(self.ends, end - 3)
        return self.speakers[index] if index < before else None

    def within(self, start: int, end: int) -> Actor | None:
        """The speaker of the first attributed quotation that opens inside text offsets
        start:end ('"We urge all parties to cease fire," it said': the body "it" stands for)."""
        index = bisect_left(self.starts, start)
        return self.speakers[index] if index < len(self.speakers) and self.starts[index] < end else None

    def attributed(self) -> list[tuple[QuoteSpan, Actor | None]]:
        return [(span, self.speakers[i] if i < len(self.speakers) else None) for i, span in enumerate(self.spans)]


def to_quotes(text: str, attributed: list[tuple[QuoteSpan, Actor | None]]) -> list[Quote]:
    return [Quote(text[s.start:s.end], speaker, s.start, s.end) for s, speaker in attributed]
