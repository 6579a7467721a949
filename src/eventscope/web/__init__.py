"""The analyst page: one HTML file, ES modules and a style sheet shipped in the package.

`mount_web(app)` adds the page at `/` and its files under `/static/` to the API's
FastAPI application. The page only talks to the JSON API; it inserts every piece of
data as text (never as HTML), and the Content-Security-Policy forbids inline scripts
as a second line of defence against markup hidden in article text.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).parent / "static"

# Everything the page needs comes from this server; nothing may run inline.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
        "form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def mount_web(app: FastAPI) -> None:
    """Serve the analyst page at `/` and its static files at `/static/`."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def analyst_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers=SECURITY_HEADERS)
