"""The JSON query API over a store, served by `eventscope serve` (OpenAPI docs at /docs).

`create_app(db_url, token)` builds the FastAPI application. Reads are open;
`POST /api/documents` needs `Authorization: Bearer <token>` and is refused
(403) when no token is configured. Events come back as flat rows (the event
columns of the store plus the document's title and date); downloads use the
analysis module's flat rows, the same table the file exports write.
"""

from __future__ import annotations

import hmac
import io
import json
import logging
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import asynccontextmanager
from datetime import date
from itertools import islice
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, Field, field_validator, model_validator

from eventscope.analysis import (
    OPTIONAL_FACTUALITIES,
    AnalysisOptions,
    dyad_series,
    event_series,
    flat_rows,
    interaction_network,
    network_dict,
)
from eventscope.engines.local import extract_isolated
from eventscope.export.writers import write_csv, write_parquet
from eventscope.merge import find_clusters, get_cluster
from eventscope.metadata import parse_publication_date
from eventscope.records import EVENT_TYPES, FACTUALITY, Article, Document, InputError, storable_text
from eventscope.store import (
    SORT_COLUMNS,
    DocumentRejected,
    EventQuery,
    Store,
    StoreError,
    article_hash,
    document_id,
    open_store,
)
from eventscope.store.rows import event_from_row

log = logging.getLogger("eventscope.api")

TOKEN_ENV = "EVENTSCOPE_TOKEN"
MAX_BODY_BYTES = 2 * 1024 * 1024
MAX_PAGE = 1000
# Offsets and download sizes beyond a 64-bit integer are refused (422) before any SQL runs.
MAX_OFFSET = 2**63 - 1
MAX_NETWORK_NODES = 1000
DOCS_PATHS = ("/docs", "/redoc", "/docs/oauth2-redirect")
# The docs pages load only this server's files: ReDoc's footer logo (from its CDN) is
# blocked, so the pages work, and call nowhere, without internet.
DOCS_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline'; "
               "style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src 'self' blob:; "
               "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'")
Text = Annotated[str | None, Query(max_length=200)]


# ---------------------------------------------------------------- query parameters

def event_query(
    type: Annotated[str | None, Query(max_length=400, description=(
        "PLOVER type, or several separated by commas: ACCUSE,THREATEN"))] = None,
    mode: Text = None,
    source: Annotated[str | None, Query(max_length=200, description=(
        "Source actor: a name (any case), a country code or a country name"))] = None,
    target: Annotated[str | None, Query(max_length=200, description="Target actor, as source")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Actor on either side")] = None,
    country: Annotated[str | None, Query(max_length=200, description="Country on either side")] = None,
    dyad: Annotated[str | None, Query(max_length=400, description=(
        "Two actors separated by a comma (RUS,SYR): events between them, either direction"))] = None,
    date_from: Annotated[date | None, Query(description="Events on or after (YYYY-MM-DD)")] = None,
    date_to: Annotated[date | None, Query(description="Events on or before (YYYY-MM-DD)")] = None,
    factuality: Literal[FACTUALITY] | None = None,  # type: ignore[valid-type]
    negated: bool | None = None,
    q: Annotated[str | None, Query(max_length=200, description=(
        "Text the evidence sentence contains (any case)"))] = None,
    doc_id: Text = None,
    cluster: Text = None,
    sort: Annotated[str, Query(max_length=40, description=(
        f"One of {', '.join(SORT_COLUMNS)}; prefix '-' for descending"))] = "doc_id",
) -> EventQuery:
    """The event filters shared by the list, the downloads and the page."""
    if sort.lstrip("-") not in SORT_COLUMNS:
        raise HTTPException(400, f"unknown sort key {sort!r}; use one of {', '.join(SORT_COLUMNS)}"
                                 " (prefix '-' for descending)")
    if date_from and date_to and date_from > date_to:
        raise HTTPException(400, "date_from is after date_to")
    return EventQuery(
        types=_event_types(type), mode=mode, source=source, target=target, actor=actor,
        country=country, dyad=_dyad(dyad), date_from=date_from, date_to=date_to,
        factuality=factuality, negated=negated, q=q, doc_id=doc_id, cluster=cluster,
        sort=sort, limit=None,
    )


def _event_types(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    types = tuple(part.strip().upper() for part in value.split(",") if part.strip())
    unknown = [t for t in types if t not in EVENT_TYPES]
    if unknown:
        raise HTTPException(400, f"unknown event type {unknown[0]!r}; use PLOVER types: "
                                 f"{', '.join(EVENT_TYPES)}")
    return types


def _dyad(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    parts = [part.strip() for part in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise HTTPException(400, "dyad must be two actors separated by a comma, e.g. RUS,SYR")
    return parts[0], parts[1]


Filters = Annotated[EventQuery, Depends(event_query)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size, at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
DownloadLimit = Annotated[int | None, Query(ge=1, le=MAX_OFFSET)]
Period = Literal["week", "month"]


def analysis_options(
    include: Annotated[str | None, Query(max_length=40, description=(
        "Also count these factualities besides asserted: planned, hypothetical "
        "(comma-separated). Negated events are never counted."))] = None,
    count: Annotated[Literal["auto", "events", "mentions"], Query(description=(
        "events: each merged cluster once; mentions: every extracted event; "
        "auto: events when the store has clusters (after `eventscope merge`)"))] = "auto",
    dates: Annotated[Literal["event", "publication"], Query(description=(
        "event: an event's own date only; publication: the publication date for events "
        "without one (counted in publication_dated)"))] = "event",
    factuality: Literal[FACTUALITY] | None = None,  # type: ignore[valid-type]
) -> AnalysisOptions:
    """How the charts count (the same options as `eventscope dyad` and `network`)."""
    parts = [part.strip() for part in (include or "").split(",") if part.strip()]
    unknown = [part for part in parts if part not in OPTIONAL_FACTUALITIES]
    if unknown:
        raise HTTPException(400, f"include takes {' and/or '.join(OPTIONAL_FACTUALITIES)}, "
                                 f"not {unknown[0]!r}")
    if factuality in OPTIONAL_FACTUALITIES and factuality not in parts:
        parts.append(factuality)  # filtering on planned events means counting them
    return AnalysisOptions(include=tuple(parts), count=count, dates=dates)


Options = Annotated[AnalysisOptions, Depends(analysis_options)]


# ---------------------------------------------------------------- request bodies

class ArticleIn(BaseModel):
    """One article to extract and store; `text` or `html` is required."""

    id: str | None = Field(None, max_length=200)
    text: str | None = None
    html: str | None = None
    title: str | None = Field(None, max_length=1000)
    publication_date: str | None = Field(
        None, max_length=100, description="YYYY-MM-DD (or YYYY-MM, YYYY: known to that precision)")
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)

    @field_validator("publication_date")
    @classmethod
    def _a_date(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        iso = parse_publication_date(value)
        if iso is None:
            raise ValueError(f"not a date: {value!r}")
        return iso

    @model_validator(mode="after")
    def _needs_content(self) -> ArticleIn:
        if not (self.text and self.text.strip()) and not (self.html and self.html.strip()):
            raise ValueError("give the article as 'text' or 'html'")
        return self

    def article(self) -> Article:
        article = Article(
            doc_id=self.id or "", text=self.text or None, html=None if self.text else self.html,
            title=self.title, url=self.url, source=self.source, origin="POST /api/documents",
            publication_date=self.publication_date,
        )
        return Article(**{**article.__dict__, "doc_id": document_id(article)})


# ---------------------------------------------------------------- the application

class _BodyLimit:
    """ASGI middleware: requests with a body over `max_bytes` get 413 before the app runs."""

    def __init__(self, app: Any, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._too_large(send)
            return
        # Read the body here, counting, so a chunked upload cannot exceed the limit either.
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.max_bytes:
                await self._too_large(send)
                return
        body = b"".join(chunks)
        replayed = False

        async def replay() -> dict:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _too_large(self, send: Any) -> None:
        response = JSONResponse(
            {"detail": f"request body larger than {self.max_bytes} bytes"}, status_code=413)
        await response({"type": "http"}, None, send)


class _Extraction:
    """The extractor, loaded on first use (it loads the spaCy model) and shared."""

    def __init__(self) -> None:
        self._extractor: Any = None
        self._lock = threading.Lock()

    def __call__(self, article: Article) -> Document | InputError:
        with self._lock:
            if self._extractor is None:
                from eventscope.pipeline import Extractor
                self._extractor = Extractor()
            return next(extract_isolated(self._extractor, [article]))


def create_app(db_url: str | None = None, token: str | None = None, *,
               store: Store | None = None, max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """The API (and the analyst page, when installed) over the database at `db_url`.

    `token` (default: $EVENTSCOPE_TOKEN) enables `POST /api/documents`; without one the
    store is opened read-only.
    """
    # An empty token is no token: it would let anyone write.
    token = (token if token is not None else os.environ.get(TOKEN_ENV)) or None
    # Without a token nothing is written: open read-only, so the CLI can read the file too.
    store = store or open_store(db_url, read_only=token is None)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        yield
        store.close()

    # FastAPIOffline serves /docs and /redoc with the Swagger UI and ReDoc files it ships:
    # the pages work without internet.
    app = FastAPIOffline(title="eventscope", lifespan=lifespan,
                         description="PLOVER political events extracted from news articles, "
                                     "each with its evidence sentence.")
    app.state.store = store
    app.state.token_set = token is not None
    app.add_middleware(_BodyLimit, max_bytes=max_body_bytes)

    @app.middleware("http")
    async def no_sniffing(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if request.url.path in DOCS_PATHS:
            response.headers.setdefault("Content-Security-Policy", DOCS_POLICY)
        return response

    @app.exception_handler(StoreError)
    async def store_unavailable(request: Request, error: StoreError) -> JSONResponse:
        log.error("store error on %s: %s", request.url.path, error)
        return JSONResponse({"detail": "the database failed to answer"}, status_code=503)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        # FastAPI's own answer echoes the input, which may be megabytes or hold characters
        # no JSON response can encode (a lone surrogate): say what is wrong, not what was sent.
        detail = [{key: value for key, value in problem.items() if key not in ("input", "ctx")}
                  for problem in error.errors()]
        return JSONResponse({"detail": _encodable(detail)}, status_code=422)

    _read_routes(app, store)
    _write_routes(app, store, token)
    _mount_web(app)
    return app


def _mount_web(app: FastAPI) -> None:
    try:
        from eventscope.web import mount_web
    except ImportError as error:
        log.warning("analyst page not installed (%s); serving the API only", error)
        return
    mount_web(app)


def _encodable(value: Any) -> Any:
    """`value` with every string fit for a UTF-8 response (see records.storable_text)."""
    if isinstance(value, str):
        return storable_text(value)
    if isinstance(value, dict):
        return {_encodable(k): _encodable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_encodable(v) for v in value]
    return value


def _page(items: list[dict], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def _read_routes(app: FastAPI, store: Store) -> None:
    @app.get("/api/events", summary="Events matching the filters, a page at a time")
    def list_events(query: Filters, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        page = EventQuery(**{**query.__dict__, "limit": limit, "offset": offset})
        return _page(store.find_events(page), store.count_events(query), limit, offset)

    @app.get("/api/events.csv", summary="Download matching events as CSV")
    def events_csv(query: Filters, limit: DownloadLimit = None) -> Response:
        rows = _download_rows(store, query, limit)
        return StreamingResponse(_csv_chunks(rows), media_type="text/csv; charset=utf-8",
                                 headers=_attachment("events.csv"))

    @app.get("/api/events.jsonl", summary="Download matching events as JSON lines")
    def events_jsonl(query: Filters, limit: DownloadLimit = None) -> Response:
        lines = (json.dumps(row, ensure_ascii=False, default=str) + "\n"
                 for row in _download_rows(store, query, limit))
        return StreamingResponse(lines, media_type="application/x-ndjson; charset=utf-8",
                                 headers=_attachment("events.jsonl"))

    @app.get("/api/events.parquet", summary="Download matching events as Parquet")
    def events_parquet(query: Filters, limit: DownloadLimit = None) -> Response:
        return Response(_parquet_bytes(_download_rows(store, query, limit)),
                        media_type="application/vnd.apache.parquet",
                        headers=_attachment("events.parquet"))

    @app.get("/api/events/{event_id:path}", summary="One event with its document and evidence")
    def get_event(event_id: str) -> dict[str, Any]:
        row = store.get_event(event_id)
        if row is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        row["document"] = {"doc_id": row["doc_id"], "title": row["doc_title"],
                           "publication_date": row["publication_date"],
                           "dateline": row["dateline"], "url": row["doc_url"],
                           "source": row["doc_source"]}
        row["evidence"] = {k: row[k] for k in ("sentence", "sentence_start", "sentence_end",
                                               "trigger", "trigger_start", "trigger_end")}
        return row

    @app.get("/api/documents/{doc_id:path}", summary="A document's text, events and quotes")
    def get_document(doc_id: str) -> dict[str, Any]:
        document = store.get_document(doc_id)
        if document is None:
            raise HTTPException(404, f"no document with id {doc_id!r}")
        document["doc_id"] = document.pop("id")
        return document

    @app.get("/api/actors", summary="Actors by number of events, either side")
    def list_actors(q: Text = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        items, total = store.find_actors(q=q, limit=limit, offset=offset)
        return _page(items, total, limit, offset)

    @app.get("/api/quotes", summary="Direct quotations with their speakers")
    def list_quotes(doc_id: Text = None, speaker: Text = None, q: Text = None,
                    limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        items, total = store.find_quotes(doc_id=doc_id, speaker=speaker, q=q, limit=limit,
                                         offset=offset)
        return _page(items, total, limit, offset)

    @app.get("/api/clusters", summary="Events reported several times (see `eventscope merge`)")
    def list_clusters(type: Text = None, actor: Text = None,
                      min_mentions: Annotated[int, Query(ge=1, le=MAX_OFFSET)] = 1,
                      limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        items = find_clusters(store, event_type=type, actor=actor, min_mentions=min_mentions,
                              limit=limit, offset=offset)
        return {"items": items, "limit": limit, "offset": offset}

    @app.get("/api/clusters/{cluster_id}", summary="One cluster: its type, actors and sources")
    def one_cluster(cluster_id: str) -> dict[str, Any]:
        cluster = get_cluster(store, cluster_id)
        if cluster is None:
            raise HTTPException(status_code=404, detail=f"no cluster {cluster_id!r}")
        return cluster

    @app.get("/api/dyads/{a}/{b}/series",
             summary="Events between A and B per period: counts per type, mean intensity")
    def dyad(a: str, b: str, options: Options, by: Period = "week") -> dict[str, Any]:
        rows = _download_rows(store, EventQuery(dyad=(a, b), sort="date", limit=None), None)
        return dyad_series(rows, a, b, by, options).to_dict()

    @app.get("/api/series", summary="Events matching the filters per period (the timeline)")
    def series(query: Filters, options: Options, by: Period = "week") -> dict[str, Any]:
        return event_series(_download_rows(store, query, None), by, options).to_dict()

    @app.get("/api/network", summary="Who interacts with whom: actors or their countries")
    def network(query: Filters, options: Options,
                level: Literal["actor", "country"] = "actor",
                max_nodes: Annotated[int, Query(ge=1, le=MAX_NETWORK_NODES, description=(
                    "Keep the nodes with the most events"))] = 300) -> dict[str, Any]:
        graph = interaction_network(_download_rows(store, query, None), options=options,
                                    level=level)
        return network_dict(graph, max_nodes)


def _write_routes(app: FastAPI, store: Store, token: str | None) -> None:
    extract = _Extraction()

    def require_token(request: Request) -> None:
        if token is None:
            raise HTTPException(403, "this server is read-only: no write token is configured")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is required",
                                headers={"WWW-Authenticate": "Bearer"})

    @app.post("/api/documents", status_code=201, dependencies=[Depends(require_token)],
              summary="Extract one article and store it (needs the bearer token)")
    def post_document(body: ArticleIn) -> JSONResponse:
        article = body.article()
        content_hash = article_hash(article)
        if store.has_document(article.doc_id, content_hash):
            return JSONResponse({"doc_id": article.doc_id, "status": "unchanged"}, 200)
        result = extract(article)
        if isinstance(result, InputError):
            raise HTTPException(422, result.reason)
        try:
            outcome = store.save_document(result, content_hash)
        except DocumentRejected as error:
            raise HTTPException(422, str(error)) from error
        return JSONResponse({"doc_id": result.doc_id, "status": outcome.value,
                             "events": len(result.events), "quotes": len(result.quotes)},
                            201 if outcome.value == "inserted" else 200)


# ---------------------------------------------------------------- downloads

def _download_rows(store: Store, query: EventQuery, limit: int | None) -> Iterator[dict]:
    """The analysis module's flat rows of every matching event, streamed in batches."""
    query = EventQuery(**{**query.__dict__, "limit": limit, "offset": 0})
    for batch in store.iter_events(query):
        for stored, flat in zip(batch, flat_rows(_documents(batch)), strict=True):
            flat["event_index"] = stored["seq"]  # its place in the whole document
            yield flat


def _documents(rows: list[dict]) -> Iterable[Document]:
    """Rows grouped into (partial) documents, consecutive rows of one document together."""
    current: Document | None = None
    for row in rows:
        if current is None or current.doc_id != row["doc_id"]:
            if current is not None:
                yield current
            current = Document(doc_id=row["doc_id"], title=row["doc_title"],
                               publication_date=row["publication_date"], dateline=row["dateline"],
                               url=row["doc_url"], source=row["doc_source"])
        current.events.append(event_from_row(row))
    if current is not None:
        yield current


def _csv_chunks(rows: Iterator[dict]) -> Iterator[str]:
    """The export module's CSV (header first), a thousand rows at a time."""
    header = True
    while True:
        batch = list(islice(rows, 1000))
        if not batch and not header:
            return
        buffer = io.StringIO()
        write_csv(batch, buffer, header=header)
        header = False
        yield buffer.getvalue()


def _parquet_bytes(rows: Iterable[dict]) -> bytes:
    buffer = io.BytesIO()
    write_parquet(rows, buffer)
    return buffer.getvalue()


def _attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}
