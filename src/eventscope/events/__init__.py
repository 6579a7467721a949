"""Events from parsed sentences: trigger words of the lexicon, actors from the parse.

For each sentence: find trigger verbs and nouns (data/lexicon.yaml) and the wordings of
the constructions, find each event's source and target on the dependency parse (the
argument engine), decide whether it is reported by a speaker, negated, planned or
hypothetical, and drop what is only another event's content (the filters). See
docs/events.md.
"""

from eventscope.events.finder import SentenceEvents
from eventscope.events.found import Found, same_party

__all__ = ["Found", "SentenceEvents", "same_party"]
