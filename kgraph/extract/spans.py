"""Doc extensions and span groups shared by the kgraph components."""

from __future__ import annotations

from spacy.tokens import Doc

from kgraph.model import Mention

if not Doc.has_extension("kgraph_mentions"):
    Doc.set_extension("kgraph_mentions", default=None)
if not Doc.has_extension("kgraph_claims"):
    Doc.set_extension("kgraph_claims", default=None)


def mentions_of(doc: Doc) -> list[Mention]:
    """Mentions found so far (hardware, then names), in text order."""
    return sorted(doc._.kgraph_mentions or [], key=lambda m: m.start)


def add_mentions(doc: Doc, group: str, mentions: list[Mention]) -> None:
    """Record mentions as exact-offset data and as a spaCy span group (token-aligned)."""
    doc._.kgraph_mentions = [*(doc._.kgraph_mentions or []), *mentions]
    spans = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, label=m.type, kb_id=m.canonical,
                             alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[group] = spans
