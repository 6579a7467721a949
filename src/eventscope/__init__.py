"""eventscope: political event data (PLOVER) from news articles, with the evidence."""

from eventscope.records import Actor, Article, Document, Event, InputError, Location, Quote

__version__ = "0.1.0"
__all__ = ["Actor", "Article", "Document", "Event", "InputError", "Location", "Quote", "extract", "extract_many"]


def __getattr__(name):
    # The pipeline imports spaCy; load it only when extraction is asked for.
    if name in ("extract", "extract_many"):
        from eventscope import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
