"""Named entities looked up without `doc.ents`.

`doc.ents` (and `span.ents`, which filters it) builds a Span for every entity of the
document, so a look-up through it costs the length of the document, and a long document
read token by token becomes quadratic. These read the IOB tags around a token instead.
"""

from __future__ import annotations

from spacy.tokens import Span, Token


def entity_of(token: Token) -> Span | None:
    """The entity of `doc.ents` that holds the token, read from the IOB tags around it."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    first = doc[start]
    if first.ent_iob_ != "B" or not first.ent_type:
        return None
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)


def entities_in(span: Span) -> list[Span]:
    """`span.ents` (the entities wholly inside the span), without building every entity
    of the document as `span.ents` does."""
    found = []
    for token in span:
        if token.ent_iob_ == "B" and token.ent_type:
            entity = entity_of(token)
            if entity is None or entity.end > span.end:
                break
            found.append(entity)
    return found
