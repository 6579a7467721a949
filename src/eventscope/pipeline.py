"""The extraction pipeline: article -> clean text -> metadata -> parse -> events and quotes.

`Extractor` loads the spaCy pipeline and the knowledge tables once; `extract_articles`
streams articles through `nlp.pipe` in input order. Module-level `extract` and
`extract_many` use one shared default Extractor.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span, Token

from eventscope import clean, dates, metadata, nlp, pieces
from eventscope.actors import DocumentActors, entities_in, entity_of
from eventscope.events import Found, SentenceEvents, same_party
from eventscope.lexicon import Lexicon, plover_types
from eventscope.pieces import Piece
from eventscope.places import Gazetteer
from eventscope.quotes import (
    QuoteSpan,
    QuoteSpeakers,
    attribute_quotes,
    find_quote_spans,
    quote_groups,
    to_quotes,
)
from eventscope.records import (
    UNORDERED_TYPES,
    Actor,
    Article,
    Document,
    Event,
    InputError,
    Location,
)

# Types that stand without a target ("Egypt condemned the attack"): the text often leaves
# the victim, culprit or addressee unnamed; a commitment ("X agreed to reopen the border")
# binds X alone. Support, aid and meetings need their other side.
TARGETLESS_TYPES = frozenset({"ASSAULT", "PROTEST", "MOBILIZE", "RETREAT", "CONCEDE", "ACCUSE",
                              "REJECT", "REQUEST", "THREATEN", "SANCTION", "COERCE", "AGREE"})


def content_id(text: str) -> str:
    """A document id from its text, for inputs that give none."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Prepared:
    """An article after cleaning and metadata, ready to parse."""

    article: Article
    text: str
    meta: metadata.Metadata

    @property
    def body(self) -> str:
        return self.text[self.meta.body_start:]

    @cached_property
    def quote_groups(self) -> list[list[QuoteSpan]]:
        """The quotations of the text, a quotation running over paragraphs one group."""
        return quote_groups(find_quote_spans(self.text))


class Extractor:
    """Turns articles into Documents. Load once, use for many articles."""

    def __init__(self, model: str | None = None, batch_size: int = 16,
                 max_piece_chars: int = pieces.MAX_PIECE_CHARS):
        self.nlp = nlp.load(model)
        self.lexicon = Lexicon.load()
        self.places = Gazetteer.load()
        self.plover = plover_types()
        self.batch_size = batch_size
        self.max_piece_chars = max_piece_chars  # longer texts are parsed in pieces

    def extract(self, text: str, *, doc_id: str | None = None, publication_date: str | None = None,
                title: str | None = None, url: str | None = None) -> Document:
        article = Article(doc_id=doc_id or content_id(text or ""), text=text or "", title=title,
                          publication_date=publication_date, url=url)
        result = next(self.extract_articles([article]))
        if isinstance(result, InputError):  # plain text cannot fail to clean; kept for safety
            raise result
        return result

    def extract_articles(self, articles: Iterable[Article | InputError]) -> Iterator[Document | InputError]:
        """Documents in input order; an article that cannot be cleaned yields its InputError.

        InputErrors in the input (from the readers) pass through in their place. A long
        article is parsed in pieces (see eventscope.pieces), read in order by one reader
        that carries the document's memory from piece to piece.
        """
        prepared = (self._prepare(article) for article in articles)
        reader: DocumentReader | None = None
        for doc, (item, piece, last) in self.nlp.pipe(
                self._pieces(prepared), as_tuples=True, batch_size=self.batch_size):
            if isinstance(item, InputError):
                yield item
                continue
            if piece.is_first:
                reader = DocumentReader(self, item)
            assert reader is not None  # pieces come in order, the first one first
            reader.read(doc, piece)
            if last:
                yield self._document(item, reader)

    def _pieces(self, prepared: Iterable[Prepared | InputError]
                ) -> Iterator[tuple[str, tuple[Prepared | InputError, Piece, bool]]]:
        """(text to parse, (article, piece, is it the last)) for each piece of each article."""
        for item in prepared:
            if isinstance(item, InputError):
                yield "", (item, Piece(0, 0, 0, 0), True)
                continue
            body = item.body
            quotes = [(group[0].start - item.meta.body_start, group[-1].end - item.meta.body_start)
                      for group in item.quote_groups]
            cut = pieces.cut(body, self.max_piece_chars, keep_together=quotes)
            for index, piece in enumerate(cut):
                yield body[piece.start:piece.end], (item, piece, index == len(cut) - 1)

    def _prepare(self, article: Article | InputError) -> Prepared | InputError:
        if isinstance(article, InputError):
            return article
        try:
            text = nlp.split_fused_names(clean.clean_text(article))
        except InputError as error:
            return error
        meta = metadata.read_metadata(text, title=article.title, publication_date=article.publication_date)
        return Prepared(article, text, meta)

    def _document(self, item: Prepared, reader: DocumentReader) -> Document:
        events, quotes = reader.events, reader.quotes()
        return Document(
            doc_id=item.article.doc_id, title=item.meta.title,
            publication_date=item.meta.publication_date, dateline=item.meta.dateline,
            events=events, quotes=quotes, text=item.text, url=item.article.url,
            source=item.article.source,
        )


class DocumentReader:
    """Reads one document sentence by sentence, carrying the narrative's date and place.

    A long document comes in pieces (`read` once per piece, in order); everything it
    remembers (who is who, who is speaking, the narrative's date and place, the pair of
    sides) carries over from one piece to the next, and offsets are the whole text's.
    """

    def __init__(self, extractor: Extractor, item: Prepared):
        self.extractor = extractor
        self.item = item
        self.publication_date = item.meta.publication_date
        self.actors = DocumentActors(on=_parse_date(self.publication_date))
        self.finder = SentenceEvents(self.actors, extractor.lexicon, extractor.places)
        self.narrative_date: str | None = None
        self.narrative_place: Location | None = self._dateline_place()
        self.events: list[Event] = []
        self.quote_speakers = QuoteSpeakers(item.quote_groups)
        self.sentences_read = 0
        self.tokens_read = 0
        self.read_until = 0  # text offset: where the last sentence read ends
        # Per piece: the parse, where its character 0 and its token 0 are in the whole text.
        self.doc: Doc | None = None
        self.offset = item.meta.body_start
        self.token_shift = 0
        self.date_spans: list[tuple[int, int, str]] = []  # those of the sentence being read

    def read(self, doc: Doc, piece: Piece) -> None:
        """Read the sentences that start in the piece's core (its context is read by its
        neighbours)."""
        self.doc = doc
        self.offset = self.item.meta.body_start + piece.start
        core_start, core_end = piece.core_start - piece.start, piece.core_end - piece.start
        # The dateline's date is the filing day (read as the publication date), never an event's.
        dateline_end = self.item.meta.dateline_end
        skip = max(0, dateline_end - self.item.meta.body_start - piece.start) if dateline_end else 0
        self.finder.skip_before = skip
        self.actors.read_from = max(skip, core_start)
        dates_by_start = DateSpans([span for span in _date_spans(doc) if span[0] >= skip])
        first_token = _first_token_at(doc, core_start)
        self.token_shift = self.tokens_read - first_token
        for sentence in doc.sents:
            # A sentence that runs on past a cut (one made inside a sentence, the text
            # having no better place) was read whole with the piece it starts in.
            if not core_start <= sentence.start_char < core_end or (
                    sentence.start_char + self.offset < self.read_until):
                continue
            self.quote_speakers.attribute_until(sentence.end_char + self.offset, self._attribute)
            self._note_people(sentence)
            quote_speaker = self.quote_speakers.at(sentence.start_char + self.offset,
                                                   sentence.end_char + self.offset)
            self.actors.speaker = quote_speaker
            found = self.finder.find(sentence, quote_speaker)
            self.date_spans = dates_by_start.within(sentence.start_char, sentence.end_char)
            self._note_sentence_date(sentence)
            self.events.extend(self._events(sentence, self.sentences_read, found))
            self._note_subjects(sentence)
            self.sentences_read += 1
            self.read_until = sentence.end_char + self.offset
        self.tokens_read += _first_token_at(doc, core_end) - first_token
        self.actors.remember_states(doc, core_start, core_end)

    def quotes(self) -> list:
        return to_quotes(self.item.text, self.quote_speakers.attributed())

    def _attribute(self, group: list[QuoteSpan]) -> list[tuple[QuoteSpan, Actor | None]]:
        assert self.doc is not None
        return attribute_quotes(self.doc, group, self.actors, self.extractor.lexicon.speech_verbs,
                                self.offset)

    # ----- events ---------------------------------------------------------------------

    def _events(self, sentence: Span, index: int, found: list[Found]) -> list[Event]:
        out: list[Event] = []
        seen: set[tuple] = set()
        for item in found:
            sources, attribution, embedded = self._voice(item)
            explicit_date, tense = self._explicit_date(item)
            place = self._explicit_place(item) or item.place_target
            targets = item.targets or self._victims(item, place)
            if not sources:
                # Only named victims of violence with no named doer stand alone.
                targets = [t for t in targets if t.country or t.name] if self._doerless_violence(
                    item, sentence) else []
            dyads = list(self._dyads(item.type, sources, targets))
            if dyads and not embedded and tense != "future":
                self.narrative_date = explicit_date or self.narrative_date
                if place and item.type == "CONSULT":
                    self.narrative_place = place
            # What the sentence leaves unsaid comes from the article's narrative, reported
            # content included: it is told in the same scene.
            event_date = explicit_date or self.narrative_date
            location = place or self.narrative_place
            # A date still to come makes it planned ("he would visit Ankara next month").
            factuality = "planned" if tense == "future" else item.factuality
            for source, target in dyads:
                key = (item.type, source, target) if item.type not in UNORDERED_TYPES else (
                    item.type, frozenset((source, target)))
                if key in seen:
                    continue
                seen.add(key)
                out.append(self._event(sentence, index, item, source, target, event_date, location,
                                       factuality, attribution))
            # Only asserted meetings (reported ones too) set "the two sides" for later sentences.
            if item.type in UNORDERED_TYPES and factuality == "asserted" and (
                    len(_distinct([*sources, *item.targets])) == 2):
                self.actors.note_pair(*_distinct([*sources, *item.targets]))
            if item.type == "ASSAULT" and sources:
                self.finder.last_attacker = sources[0]
        return _collapse(out)

    @staticmethod
    def _victims(item: Found, place: Location | None) -> list[Actor]:
        """An attack in a place with no named victim: the people there."""
        if item.type == "ASSAULT" and place is not None and place.country:
            return [Actor(None, place.country, "CVL")]
        return []

    def _voice(self, item: Found) -> tuple[list[Actor], str | None, bool]:
        """Who the event belongs to: an official speaking for their own country takes it over."""
        if not item.speaker:
            return item.sources, None, False
        speaker = item.speaker[0]
        # An official speaking of their state or people ("Syria thanks ..."), not of its army
        # or of an armed group from the same country.
        if speaker.name and speaker.sector == "GOV" and item.sources and all(
            s.name is None and s.country and s.country == speaker.country and s.sector in ("GOV", "CVL", None)
            for s in item.sources
        ):
            return [speaker], None, False
        if not item.sources:
            return [], None, False
        if speaker in item.sources:
            return item.sources, None, False
        return item.sources, speaker.name or item.speaker_phrase or _describe(speaker), True

    def _doerless_violence(self, item: Found, sentence: Span) -> bool:
        """ "Three civilians were killed in a car bombing", "a roadside bomb killed two soldiers":
        violence whose doer the text does not name (see doerless_violence in lexicon.yaml)."""
        verb = item.trigger[-1]
        if item.type != "ASSAULT" or verb.pos_ != "VERB" or verb.dep_ in ("relcl", "acl", "xcomp"):
            return False
        lexicon = self.extractor.lexicon
        if any(t.lemma_.lower() in lexicon.accident_words for t in sentence):
            return False
        passive = any(c.dep_ == "nsubjpass" for c in verb.children)
        by_weapon = any(c.dep_ == "nsubj" and c.lemma_.lower() in lexicon.violent_causes for c in verb.children)
        return passive or by_weapon

    def _dyads(self, event_type: str, sources: list[Actor], targets: list[Actor]):
        if not sources:
            for target in targets:  # only what _doerless_violence let through
                yield None, target
            return
        pair = _two_parties(sources) if event_type in UNORDERED_TYPES else None
        if pair and all(t.name is None and t.country is None for t in targets):
            # "the two sides agreed to fight terrorism": one act between the pair; an
            # unnamed, stateless target is what they act on, not a third party
            yield pair
            return
        if not targets:
            if event_type in TARGETLESS_TYPES:
                for source in sources:
                    yield source, None
            return
        for source in sources:
            for target in targets:
                if source != target:
                    yield source, target

    def _event(self, sentence: Span, index: int, item: Found, source: Actor, target: Actor | None,
               event_date: str | None, location: Location | None, factuality: str,
               attribution: str | None) -> Event:
        kind = self.extractor.plover[item.type]
        trigger_start = item.trigger[0].idx + self.offset
        trigger_end = item.trigger[-1].idx + len(item.trigger[-1].text) + self.offset
        return Event(
            sentence=sentence.text.strip(), trigger=self.item.text[trigger_start:trigger_end],
            type=item.type, mode=item.mode, source=source, target=target, date=event_date,
            location=location, negated=item.negated, factuality=factuality,
            attribution=attribution, cameo=kind.cameo, intensity=kind.score(item.mode),
            sentence_index=index, sentence_start=sentence.start_char + self.offset,
            sentence_end=sentence.end_char + self.offset, trigger_start=trigger_start,
            trigger_end=trigger_end,
            event_id=f"{self.item.article.doc_id}:{index}:{item.trigger[0].i + self.token_shift}:{_actor_key(source)}:{_actor_key(target)}",
        )

    # ----- dates and places -----------------------------------------------------------

    def _explicit_date(self, item: Found) -> tuple[str | None, str | None]:
        """A date said in the event's own clause, resolved against the publication date."""
        chain = _clause_chain(item.clause)
        for start, end, text in self.date_spans:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or span.sent != item.clause.sent:
                continue
            if _verb_above(span.root) in chain:
                resolved = dates.resolve_date(text, self.publication_date)
                if resolved.value or resolved.tense == "future":
                    return resolved.value, resolved.tense
        return None, None

    def _explicit_place(self, item: Found) -> Location | None:
        trigger = item.trigger[-1]
        # "the crime by ISIS in Al-Sweida": a place may hang from the trigger's own object.
        objects = [g for c in trigger.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
        for head in (trigger, item.clause, *objects):
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                    for obj in prep.children:
                        place = self.finder.place_of(obj) if obj.dep_ == "pobj" else None
                        if place:
                            return _as_written(place, obj)
        return None

    def _note_sentence_date(self, sentence: Span) -> None:
        """A past date on the sentence's main verb ("On May 23, 2018, X said ...") moves the narrative there."""
        for start, end, text in self.date_spans:
            if sentence.start_char <= start < sentence.end_char:
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is not None and _verb_above(span.root) == sentence.root:
                    resolved = dates.resolve_date(text, self.publication_date)
                    if resolved.value and resolved.tense == "past":
                        self.narrative_date = resolved.value

    def _dateline_place(self) -> Location | None:
        if not self.item.meta.dateline:
            return None
        return self.extractor.places.lookup(self.item.meta.dateline)

    def _note_people(self, sentence: Span) -> None:
        """Remember everyone the sentence names, with their titles, so that "the Russian
        ambassador" or "Mr. Yefimov" later in the article finds them."""
        for entity in entities_in(sentence):
            if entity.label_ == "PERSON" and entity.start_char >= self.finder.skip_before:
                self.actors.actor_of(entity.root)

    def _note_subjects(self, sentence: Span) -> None:
        root = sentence.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.idx >= self.finder.skip_before:
            self.actors.note_subject(self.actors.actors_of(subject))


def _two_parties(actors: list[Actor]) -> tuple[Actor, Actor] | None:
    """The first two actors that are different parties (see events.same_party)."""
    other = next((a for a in actors[1:] if not same_party(actors[0], a)), None)
    return (actors[0], other) if other is not None else None


def _collapse(events: list[Event]) -> list[Event]:
    """One event per type and dyad in a sentence: "Assad, during his visit to Russia, and
    Putin held a meeting" says one meeting; keep the mention that names more, with the
    mode and place the others add."""
    kept: list[Event] = []
    for event in events:
        # Another trigger's mention of the same dyad; but one trigger's list of a state and
        # its president ("support for the state and its president") names two targets.
        twin = next((k for k in kept if _same_dyad(k, event) and (
            k.trigger_start != event.trigger_start or _named(k) == _named(event))), None)
        if twin is None:
            kept.append(event)
            continue
        better, other = (event, twin) if _named(event) > _named(twin) else (twin, event)
        better.mode = better.mode or other.mode
        better.location = better.location or other.location
        better.date = better.date or other.date
        kept[kept.index(twin)] = better
    return kept


def _same_dyad(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    pairs = [(a.source, b.source, a.target, b.target)]
    if a.type in UNORDERED_TYPES:
        pairs.append((a.source, b.target, a.target, b.source))
    return any(_compatible(s1, s2) and _compatible(t1, t2) for s1, s2, t1, t2 in pairs)


def _compatible(a: Actor | None, b: Actor | None) -> bool:
    """The same actor, or the same country where one of them is unnamed."""
    if a is None or b is None:
        return a is b
    if a.name and b.name:
        return a.name == b.name
    return a.country is not None and a.country == b.country


def _named(event: Event) -> int:
    return sum(1 for actor in (event.source, event.target) if actor is not None and actor.name)


def _as_written(place: Location, token: Token) -> Location:
    """The place under the name the article gives it ("Al-Sweida"), with the gazetteer's identity."""
    written = token.text.replace("_", "-")
    entity = entity_of(token) if token.ent_type_ in ("GPE", "LOC", "FAC") else None
    if entity is not None:
        written = entity.text.replace("_", "-")
    if not written[:1].isupper():
        return place
    return Location(written, place.country, place.latitude, place.longitude, place.geonameid)


def _date_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """Date expressions of the document: spaCy's DATE entities and the dates stage's patterns."""
    spans = {(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == "DATE"}
    spans.update(dates.find_date_expressions(doc.text))
    # No span inside another: "May 23, 2018" over "2018". In order of start, longest first,
    # a span ending no later than one before it lies inside that one.
    kept: list[tuple[int, int, str]] = []
    reach = -1
    for span in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        if span[1] > reach:
            kept.append(span)
            reach = span[1]
    return kept


class DateSpans:
    """A document's date spans (sorted by start), found by where they start."""

    def __init__(self, spans: list[tuple[int, int, str]]):
        self.spans = spans
        self.starts = [span[0] for span in spans]

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The spans that start in doc characters start:end."""
        return self.spans[bisect_left(self.starts, start):bisect_left(self.starts, end)]


def _first_token_at(doc: Doc, char: int) -> int:
    """The index of the first token that starts at or after doc character `char`."""
    low, high = 0, len(doc)
    while low < high:
        middle = (low + high) // 2
        if doc[middle].idx < char:
            low = middle + 1
        else:
            high = middle
    return low


def _verb_above(token: Token) -> Token:
    current = token
    for _ in range(10):
        if current.pos_ in ("VERB", "AUX") or current.head == current:
            return current
        current = current.head
    return current


def _clause_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it hangs from, up to the root of the sentence."""
    chain = [verb]
    current = verb
    for _ in range(6):
        if current.head == current:
            break
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            chain.append(current)
    return chain


def _describe(actor: Actor) -> str:
    if actor.name:
        return actor.name
    parts = [p for p in (actor.country, actor.sector) if p]
    return "source: " + "/".join(parts) if parts else "unnamed source"


def _actor_key(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return (actor.name or actor.country or actor.sector or "?").replace(" ", "_")


def _distinct(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for actor in actors:
        if actor not in out:
            out.append(actor)
    return out


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@lru_cache(maxsize=4)
def default_extractor(model: str | None = None) -> Extractor:
    return Extractor(model)


def extract(text: str, *, doc_id: str | None = None, publication_date: str | None = None,
            title: str | None = None, url: str | None = None, model: str | None = None) -> Document:
    """Extract the events and quotes of one article's text."""
    return default_extractor(model).extract(
        text, doc_id=doc_id, publication_date=publication_date, title=title, url=url)


def extract_many(items: Iterable[str | Article | dict], *, model: str | None = None) -> Iterator[Document | InputError]:
    """Extract many articles in one stream (the model is loaded once, parsing is batched).

    Items are texts, Articles, or dicts with `text` or `html` and optional `id`,
    `title`, `publication_date`, `url`, `source`.
    """
    return default_extractor(model).extract_articles(_as_article(item) for item in items)


def _as_article(item: str | Article | dict) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(doc_id=content_id(item), text=item)
    body = item.get("text") or ""
    return Article(
        doc_id=item.get("id") or item.get("doc_id") or content_id(body or item.get("html") or ""),
        text=item.get("text"), html=item.get("html"), title=item.get("title"),
        publication_date=item.get("publication_date"), url=item.get("url"), source=item.get("source"),
        origin=str(item.get("id") or "<input>"),
    )
