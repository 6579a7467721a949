"""Voice: whose event a reported one is. An official speaking of their own state takes the
event over; another speaker's report is attributed to them."""

from __future__ import annotations

from eventscope.events.found import Found
from eventscope.records import Actor


def voice(item: Found) -> tuple[list[Actor], str | None, bool]:
    """Who the event belongs to: an official speaking for their own country takes it over.

    Returns the sources, the attribution (who reports it, if someone else) and whether the
    event is embedded in that report."""
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
    return item.sources, speaker.name or item.speaker_phrase or describe(speaker), True


def describe(actor: Actor) -> str:
    """How an attribution names a speaker the text gives no name."""
    if actor.name:
        return actor.name
    parts = [p for p in (actor.country, actor.sector) if p]
    return "source: " + "/".join(parts) if parts else "unnamed source"
