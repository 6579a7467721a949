"""Discontinued acts: what a suspension stops ("suspended its cooperation") did not happen."""

from __future__ import annotations

from functools import lru_cache

from eventscope.events.constructions.data import section
from eventscope.events.found import Found
from eventscope.lexicon import Lexicon


@lru_cache(maxsize=1)
def _stopping_modes() -> frozenset[str]:
    return frozenset(section("discontinued", {"modes": list})["modes"])


def without_discontinued(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop an event noun that is the object of a SANCTION which stops it: in "Niger
    suspended its security cooperation with the US" only the suspension happened."""
    modes = _stopping_modes()
    stoppers = {f.trigger[0] for f in found if f.type == "SANCTION" and f.mode in modes}
    return [f for f in found if not (
        f.trigger[-1].pos_ == "NOUN" and f.trigger[-1].dep_ == "dobj" and f.trigger[-1].head in stoppers)]
