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

from eventscope import clean, dates, metadata, nlp, pieces, places
from eventscope.actors import DocumentActors
from eventscope.entities import entities_in
from eventscope.events import Found, SentenceEvents
from eventscope.events.constructions.doerless_violence import doerless_violence, victims
from eventscope.events.constructions.seizure import seized_from
from eventscope.events.constructions.voice import voice
from eventscope.events.dyads import collapse, dyads_of, joint_parties
from eventscope.events.named_later import name_unnamed_parties
from eventscope.events.syntax import (
    clause_verb,
    first_child,
)
from eventscope.lexicon import Lexicon, plover_types, trigger_code
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
from eventscope.setting import Setting, SettingTally, lede_end


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
        """The quotations of the body, a quotation running over paragraphs one group."""
        return quote_groups(find_quote_spans(self.text, self.meta.body_start))

    def skip_in(self, piece: Piece) -> int:
        """Where the piece's text (as parsed) passes the dateline: the dateline's date is the
        filing day (read as the publication date), never an event's, and it names no actor."""
        dateline_end = self.meta.dateline_end
        return max(0, dateline_end - self.meta.body_start - piece.start) if dateline_end else 0


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
        article is parsed in pieces (see eventscope.pieces); its pieces are gathered, then
        read in order by one reader that carries the document's memory from piece to piece.
        """
        prepared = (self._prepare(article) for article in articles)
        parsed: list[tuple[Doc, Piece]] = []
        for doc, (item, piece, last) in self.nlp.pipe(
                self._pieces(prepared), as_tuples=True, batch_size=self.batch_size):
            if isinstance(item, InputError):
                yield item
                continue
            parsed.append((doc, piece))
            if last:
                yield self._document(item, parsed)
                parsed = []

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

    def _document(self, item: Prepared, parsed: list[tuple[Doc, Piece]]) -> Document:
        events, quotes = DocumentReader(self, item, parsed).read()
        return Document(
            doc_id=item.article.doc_id, title=item.meta.title,
            publication_date=item.meta.publication_date, dateline=item.meta.dateline,
            events=events, quotes=quotes, text=item.text, url=item.article.url,
            source=item.article.source,
        )


class DocumentReader:
    """Reads one document sentence by sentence, carrying the narrative's date and place.

    A long document comes parsed in pieces, read in order; everything the reader remembers
    (who is who, who is speaking, the narrative's date and place, the pair of sides)
    carries over from one piece to the next, and offsets are the whole text's. What must
    be known before reading (the article's setting, the countries it names) is taken from
    all the pieces, so that an article reads the same cut or whole.
    """

    def __init__(self, extractor: Extractor, item: Prepared, parsed: list[tuple[Doc, Piece]]):
        self.extractor = extractor
        self.item = item
        self.parsed = parsed
        self.publication_date = item.meta.publication_date
        self.actors = DocumentActors(on=_parse_date(self.publication_date))
        self.finder = SentenceEvents(self.actors, extractor.lexicon, extractor.places)
        self.narrative_date: str | None = None
        # The place of the meeting being told, with its date: the events of that day's
        # meeting take it (the dateline is no event's place by itself).
        self.narrative_place: tuple[Location, str | None] | None = None
        self._countries: frozenset[str] | None = None  # the article's, for its small towns
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
        self._lede = False  # reading the article's first sentence with events
        self.last_day: str | None = None  # the last day an event was told on, reported ones too
        self.places_told: list[Location] = []  # the places of the events told, latest last
        self.setting = self._setting()
        self.actors.home = self.setting.country
        self.actors.note_titled_people(
            entity for doc, piece in self.parsed for entity in doc.ents
            if piece.core_start - piece.start <= entity.start_char < piece.core_end - piece.start)

    def _setting(self) -> Setting:
        """The article's setting, counted over the cores of all its pieces."""
        tally = SettingTally(self.actors.countries, self.extractor.places)
        skip = self.item.skip_in(self.parsed[0][1])
        lede = lede_end(self.item.body, skip)
        for doc, piece in self.parsed:
            core_start, core_end = piece.core_start - piece.start, piece.core_end - piece.start
            tally.add(doc, max(skip - piece.start, core_start), core_end, lede - piece.start)
        return tally.setting(self.dateline_place)

    def read(self) -> tuple[list[Event], list]:
        for (doc, piece), spans in zip(self.parsed, self.piece_date_spans, strict=True):
            self._read_piece(doc, piece, spans)
        quotes = to_quotes(self.item.text, [(span, self.setting.localize(speaker, None, self._known))
                                            for span, speaker in self.quote_speakers.attributed()])
        return name_unnamed_parties(self.events), quotes

    def _read_piece(self, doc: Doc, piece: Piece, spans: list[tuple[int, int, str]]) -> None:
        """Read the sentences that start in the piece's core (its context is read by its
        neighbours)."""
        self.doc = doc
        self.offset = self.item.meta.body_start + piece.start
        core_start, core_end = piece.core_start - piece.start, piece.core_end - piece.start
        skip = self.item.skip_in(piece)
        self.finder.skip_before = skip
        self.actors.read_from = max(skip, core_start)
        dates_by_start = DateSpans([span for span in spans if span[0] >= skip])
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
            self.actors.inner_quote_speaker = self.quote_speakers.within(
                sentence.start_char + self.offset, sentence.end_char + self.offset)
            found = self.finder.find(sentence, quote_speaker)
            self.date_spans = dates_by_start.within(sentence.start_char, sentence.end_char)
            self._note_sentence_date(sentence, found)
            self.events.extend(self._events(sentence, self.sentences_read, found))
            self._note_subjects(sentence)
            self.sentences_read += 1
            self.read_until = sentence.end_char + self.offset
        self.tokens_read += _first_token_at(doc, core_end) - first_token
        self.actors.remember_states(doc, core_start, core_end)

    def _attribute(self, group: list[QuoteSpan]) -> list[tuple[QuoteSpan, Actor | None]]:
        assert self.doc is not None
        return attribute_quotes(self.doc, group, self.actors, self.extractor.lexicon.speech_verbs,
                                self.offset)

    # ----- events ---------------------------------------------------------------------

    def _events(self, sentence: Span, index: int, found: list[Found]) -> list[Event]:
        out: list[Event] = []
        self._lede = not self.events  # the first sentence with events opens the news
        seen: set[tuple] = set()
        for item in found:
            sources, attribution, embedded = voice(item)
            explicit_date, tense = self._explicit_date(item)
            place = self._explicit_place(item) or item.place_target
            targets = seized_from(item, place) or item.targets or victims(item, place)
            if not sources:
                # Only the victims of violence with no named doer stand alone.
                targets = targets if item.doer_unsaid or doerless_violence(
                    item, sentence, self.extractor.lexicon) else []
            dyads = list(dyads_of(item.type, sources, targets, item.trigger))
            if dyads and not embedded and tense != "future":
                self.narrative_date = self._narrative_date_after(item, explicit_date)
            # What the sentence leaves unsaid comes from the article's narrative, reported
            # content included: it is told in the same scene.
            event_date = explicit_date or self._inherited_date(item, tense)
            if event_date and len(event_date) == 10:
                self.last_day = event_date
            # A date still to come makes it planned ("he would visit Ankara next month").
            factuality = "planned" if tense == "future" else item.factuality
            if dyads and not embedded and place and item.type == "CONSULT" and tense != "future" and (
                    not places.is_topic(item.trigger[-1], self.extractor.places)):
                self.narrative_place = (place, event_date)
            location = place or (None if tense == "future" else self._scene_place(event_date, sources))
            if place is not None:
                self.places_told.append(place)
            for source, target in dyads:
                source = self.setting.localize(source, place, self._known)
                localized = self.setting.localize(target, place, self._known)
                target = target if localized == source else localized
                key = (item.type, source, target) if item.type not in UNORDERED_TYPES else (
                    item.type, frozenset((source, target)))
                if key in seen:
                    continue
                seen.add(key)
                out.append(self._event(sentence, index, item, source, target, event_date,
                                       self._visited(item, target, place) or location,
                                       factuality, attribution))
            # Only asserted meetings (reported ones too) set "the two sides" for later sentences.
            if dyads and item.type in UNORDERED_TYPES and factuality == "asserted":
                parties = joint_parties(item.mode, sources, item.targets)
                if len(parties) == 2:
                    self.actors.note_pair(*parties, joint=item.spec)
                elif len(parties) > 2:
                    self.actors.note_group(parties, joint=item.spec)
            if item.type == "ASSAULT" and sources:
                self.finder.last_attacker = sources[0]
            if sources and item.targets and item.type not in UNORDERED_TYPES:
                self.finder.last_dyad = (sources[0], item.targets[0])
        return collapse(out)

    def _known(self, name: str) -> bool:
        """The actor table knows this name (with the country it has, or none)."""
        return self.actors.table.find(name, self.actors.on) is not None

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
            attribution=attribution, cameo=trigger_code(item.spec, item.type) or kind.cameo,
            intensity=kind.score(item.mode),
            sentence_index=index, sentence_start=sentence.start_char + self.offset,
            sentence_end=sentence.end_char + self.offset, trigger_start=trigger_start,
            trigger_end=trigger_end,
            event_id=f"{self.item.article.doc_id}:{index}:{item.trigger[0].i + self.token_shift}:{_actor_key(source)}:{_actor_key(target)}",
        )

    # ----- dates and places -----------------------------------------------------------

    def _explicit_date(self, item: Found) -> tuple[str | None, str | None]:
        """A date said in the event's own clause, resolved against the publication date; else
        the date of the verb reporting it ("X said on Monday that Y had ..."), to its month:
        the report's day is not the event's."""
        trigger = item.trigger[-1]
        own, reporting = _date_heads(trigger, item.clause)
        # "fired rockets in response to airstrikes a day earlier": the airstrikes' dates are
        # those told apart from the firing, and the firing's are not theirs
        inside = trigger.pos_ in ("NOUN", "PROPN") and dates.under_other_scene(trigger, item.clause)
        found: list[tuple[bool, int, str, str | None]] = []
        for start, end, text in self.date_spans:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or span.sent != item.clause.sent:
                continue
            verb = clause_verb(span.root)
            if _modifies(span.root, trigger, verb):
                verb = trigger                   # "yesterday's crime": the noun's own date
            apart = dates.told_apart(span.root, verb)
            if inside and verb != trigger:
                if not apart:
                    continue
                verb = trigger
            elif apart:
                continue                         # "amid tensions over the capture last month"
            if verb in own or verb in reporting:
                resolved = dates.resolve_date(text, self.publication_date, anchor=self._anchor_day(),
                                              years_back=dates.recalled_years(item.clause.sent.text))
                if resolved.value or resolved.tense == "future":
                    # Said today of what is now ("stressed that Russia is a partner"): the
                    # statement is the event; of what went before: only its month.
                    earlier = verb in reporting and any(_told_as_past(v) for v in (item.clause, *own))
                    value = dates.month_of(resolved.value) if earlier else resolved.value
                    if verb in reporting and resolved.precision == "year" and resolved.tense == "present":
                        value = dates.month_of(self.publication_date)  # "is calling for", said this year
                    found.append((verb not in own, start, value, resolved.tense))
        if not found:
            return None, None
        _, _, value, tense = min(found)
        if self._lede and self.lede_day and value and self.lede_day.startswith(value):
            # "detained X this week", "said on Wednesday its troops had killed": the day the
            # article names further on
            value = self.lede_day
        return value, tense

    def _anchor_day(self) -> str | None:
        """The day "two days earlier" counts from: the narrative's, else the last day told
        ("police attacked Orshi on Wednesday, he said. Two days earlier, ..."), else the day of
        the opening news."""
        if self.narrative_date and len(self.narrative_date) == 10:
            return self.narrative_date
        return self.last_day or self.lede_day

    def _narrative_date_after(self, item: Found, explicit_date: str | None) -> str | None:
        """An event told by a verb moves the narrative to its date; one named by a noun
        ("condemned the airstrikes that struck the airport on Monday") is another story's."""
        if explicit_date and item.trigger[-1].pos_ in ("VERB", "AUX"):
            return explicit_date
        return self.narrative_date

    def _inherited_date(self, item: Found, tense: str | None) -> str | None:
        """The date of an event with no time phrase of its own: the narrative's (to the month
        for an event told in the past perfect or in a clause set before or after the narrative's
        day); else, for a plainly recent event, the month of publication. Open-ended
        background, plans and hypotheses take none."""
        if item.factuality == "hypothetical" or dates.is_habitual(t.lower_ for t in item.clause.children):
            return None
        if self.narrative_date is None:
            if tense == "future" or item.factuality != "asserted":
                return None
            # The opening news shares the day the article gives it further on.
            return (self._lede and self.lede_day) or dates.month_of(self.publication_date)
        if _past_perfect(item.clause) or _before_or_after(item.clause, item.trigger[-1]):
            return dates.month_of(self.narrative_date)
        return self.narrative_date

    def _visited(self, item: Found, target: Actor | None, place: Location | None) -> Location | None:
        """ "visited Seoul and Tokyo, meeting his counterparts there": the city of the party met."""
        if target is None or (place is not None and place != item.place_target):
            return None
        return places.visited_place(item.trigger[-1], target.country, self.extractor.places,
                                    self._countries or frozenset())

    def _scene_place(self, event_date: str | None, sources: list[Actor]) -> Location | None:
        """The meeting's place for an event told in its scene: on the meeting's date (not the
        first round of talks years before); at the dateline, also any event of the dateline's
        own country (a host at home in the story filed from his capital)."""
        if self.narrative_place is None:
            return None
        place, on = self.narrative_place
        if event_date == on:
            return place
        dateline = self.dateline_place
        at_home = dateline is not None and place == dateline and any(
            s.country == dateline.country for s in sources)
        return place if at_home else None

    def _explicit_place(self, item: Found) -> Location | None:
        """The place the event's own clause names; the dateline's only where the clause says
        "here" (a story filed from Beirut may tell of Damascus)."""
        gazetteer = self.extractor.places
        if self._countries is None:
            self._countries = self._article_countries()
        place = places.clause_place(item.trigger[-1], item.clause, gazetteer, self._countries,
                                    kind=item.type, mode=item.mode, recent=self.places_told)
        if place is None and places.at_dateline(item.trigger[-1], item.clause, gazetteer):
            dateline = self.dateline_place
            # "here" is the dateline; a host is at home only in the dateline's country
            if dateline and (item.trigger[-1].lower_ == "here" or not item.sources or any(
                    s.country == dateline.country for s in item.sources)):
                return dateline
        return place

    def _article_countries(self) -> frozenset[str]:
        """The countries the article names, in all its pieces."""
        dateline = self.dateline_place
        return frozenset().union(*(
            places.article_countries(doc, self.extractor.places, dateline,
                                     piece.core_start - piece.start, piece.core_end - piece.start)
            for doc, piece in self.parsed))

    def _note_sentence_date(self, sentence: Span, found: list[Found]) -> None:
        """A past date on the sentence's main verb ("On May 23, 2018, X said ...") moves the
        narrative there; the news day of a bare report ("On Tuesday, police said ...") only to
        its month: the day the news was given out is not the day of what is told next."""
        for start, end, text in self.date_spans:
            if sentence.start_char <= start < sentence.end_char:
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is not None and clause_verb(span.root) == sentence.root and not dates.told_apart(
                        span.root, sentence.root):
                    resolved = dates.resolve_date(text, self.publication_date,
                                                  years_back=dates.recalled_years(sentence.text))
                    if resolved.value and resolved.tense in ("past", "present"):
                        news_day = not dates.names_year(text) and span.root.head == sentence.root
                        self.narrative_date = (dates.month_of(resolved.value) if news_day and _report_only(
                            sentence.root, found, self.extractor.lexicon) else resolved.value)

    @cached_property
    def piece_date_spans(self) -> list[list[tuple[int, int, str]]]:
        """The date expressions of each parsed piece, found once (reading and `lede_day`)."""
        return [_date_spans(doc) for doc, _ in self.parsed]

    @cached_property
    def lede_day(self) -> str | None:
        """The first day of the week up to publication that the article names after its
        dateline, other than the day a report was given out ("the army on Wednesday said its
        troops had ..."): the day of its opening news (the same whether the article is read cut
        or whole)."""
        speech_verbs = self.extractor.lexicon.speech_verbs

        def phrases():
            for (doc, piece), spans in zip(self.parsed, self.piece_date_spans, strict=True):
                low = max(self.item.skip_in(piece), piece.core_start - piece.start)
                high = piece.core_end - piece.start
                yield from (text for start, end, text in spans if low <= start < high
                            and _news_day(doc.char_span(start, end, alignment_mode="expand"),
                                          speech_verbs))
        return dates.first_recent_day(phrases(), self.publication_date)

    @cached_property
    def dateline_place(self) -> Location | None:
        """The dateline's place, looked up once (the setting, the small towns and "here" use it)."""
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
        subject = first_child(root, "nsubj", "nsubjpass")
        if subject is not None and subject.idx >= self.finder.skip_before:
            self.actors.note_subject(self.actors.actors_of(subject))


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


def _modifies(date_root: Token, trigger: Token, verb: Token) -> bool:
    """Does the date hang from the trigger noun below its verb ("yesterday's crime")?"""
    current = date_root
    while current != verb and current.head != current:
        current = current.head
        if current == trigger:
            return True
    return False


def _news_day(span: Span | None, speech_verbs: frozenset[str]) -> bool:
    """May the date be the day of the news its clause tells: not that of a verb reporting
    what it says ("said on Wednesday that ...", "on Wednesday said its troops had ..."), nor
    of another event told beside it ("in retaliation for airstrikes early Thursday", "after
    the coast guard fired on Saturday")?"""
    if span is None:
        return True
    verb = clause_verb(span.root)
    reports = verb.lemma_.lower() in speech_verbs and span.root.head in (verb, *verb.children) and any(
        c.dep_ in ("ccomp", "parataxis") for c in verb.children)
    return not (reports or dates.told_apart(span.root, verb) or dates.opens_other_time(verb))


def _report_only(root: Token, found: list[Found], lexicon) -> bool:
    """Is the sentence's main verb a report that is no event itself ("police said")?"""
    return root.lemma_.lower() in lexicon.speech_verbs and not any(root in item.trigger for item in found)


def _told_as_past(verb: Token) -> bool:
    """ "had killed", "has seized", "killed": an event before the report that tells it."""
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return perfect or verb.tag_ == "VBD"


def _before_or_after(verb: Token, trigger: Token) -> bool:
    """ "summoned the envoy after the coast guard blocked and fired on the boats", "prior to his
    arrival, Hill visited Seoul" (not the arrival itself): told as another time than the
    narrative's day."""
    told_by_verb = trigger == verb
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return dates.opens_other_time(verb) or (told_by_verb and dates.told_before_another(verb))


def _past_perfect(verb: Token) -> bool:
    """ "Mexico had threatened ...": told as before the narrative's time."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _date_heads(trigger: Token, clause: Token) -> tuple[set[Token], set[Token]]:
    """The verbs whose date is the event's own (the trigger, its clause, verbs describing a
    noun trigger: "the talks, which resumed on Monday", and the verbs the clause hangs from
    up to a report), and those of the verbs reporting it ("said on Monday that ...")."""
    own = {trigger, clause, *(c for c in trigger.children if c.dep_ in ("relcl", "acl"))}
    # "carried out operations, neutralising 16 militants on Saturday": the same act
    own.update(c for h in (trigger, clause) for c in h.children if c.dep_ == "advcl" and c.tag_ == "VBG")
    reporting: set[Token] = set()
    current = clause
    for _ in range(6):
        if current.head == current or dates.opens_other_time(current):
            break
        reported = current.dep_ in ("ccomp", "parataxis") or bool(reporting)
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            (reporting if reported else own).add(current)
    own.update([scene for verb in own for scene in _scene_verbs(verb)])
    return own, reporting


def _scene_verbs(verb: Token) -> list[Token]:
    """Verbs that set the scene of `verb`'s event: a when-clause ("were killed when Georgia
    attacked last August") and a verb describing a noun of its prepositional phrases ("at
    the round of talks held in late December, they agreed")."""
    found = [c for c in verb.children if c.dep_ == "advcl" and any(
        m.dep_ in ("advmod", "mark") and m.lower_ in dates.scene_marks() for m in c.children)]
    nouns = [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for _ in range(2):  # "the round of talks held ...": one "of" deeper
        found += [c for n in nouns for c in n.children if c.dep_ in ("acl", "relcl")]
        nouns = [g for n in nouns for c in n.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return found


def _actor_key(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return (actor.name or actor.country or actor.sector or "?").replace(" ", "_")


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
