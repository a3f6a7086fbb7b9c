"""Sentence boundaries for abstracts: a stop followed by a capital starts a sentence.

Unlike spaCy's rule-based sentencizer, "4k res. at 60FPS" and "(e.g. ImageNet)"
stay inside their sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from math import inf as INF

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kgraph.extract.spans import doc_data

BOUNDARY = re.compile(r"[.!?][\"')\]]?\s+(?=[A-Z0-9\"'(\[])")
ABBREVIATIONS = re.compile(r"(?:\be\.g|\bi\.e|\bvs|\bcf|\bet al|\bFig|\bEq|\bSec|\bNo|\bapprox|"
                           r"\bw\.r\.t|\bresp|\bca)\.$")


def boundaries(text: str) -> list[int]:
    """Character offsets where sentences start (after the first).

    Examples:
        >>> boundaries("We win (e.g. ImageNet). It runs at 4k res. at 60FPS. Done")
        [24, 53]
    """
    return [m.end() for m in BOUNDARY.finditer(text)
            if not ABBREVIATIONS.search(text[max(0, m.start() - 7):m.start() + 1])]


def sentence_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The span (from `sentence_spans`, in order) that holds offset `pos`, else the whole text.

    Examples:
        >>> sentence_at([(0, 10), (10, 25)], 12), sentence_at([(0, 10)], 40)
        ((10, 25), (0, 10))
    """
    i = bisect_right(spans, (pos, INF)) - 1
    if i >= 0 and pos < spans[i][1]:
        return spans[i]
    return (0, spans[-1][1]) if spans else (0, 0)


def sentence_spans(data: dict) -> list[tuple[int, int]]:
    """(start, end) character offsets of a doc's sentences (see spans.doc_data), as set by
    the splitter."""
    return [tuple(span) for span in data["sentences"] or [(0, len(data["text"]))]]


class SentenceSplitter:
    """Sets token.is_sent_start from `boundaries` (vectorised) and keeps the offsets."""

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        data = doc_data(doc)
        text = data["text"]
        starts = boundaries(text)
        abstract = data["title_end"] + 1  # the title is a sentence of its own
        if 1 < abstract < len(text) and abstract not in starts:
            starts = sorted([*starts, abstract])
        edges = [0, *starts, len(text)]
        data["sentences"] = [[a, b] for a, b in zip(edges, edges[1:], strict=False)]
        offsets = doc.to_array(IDX)
        starts = numpy.array([0, *starts])
        hits = numpy.minimum(offsets.searchsorted(starts), len(offsets) - 1)
        flags = numpy.full(len(offsets), -1, dtype="int64")
        flags[hits[offsets[hits] == starts]] = 1
        doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
        return doc


@Language.factory("kgraph_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    """spaCy factory: `nlp.add_pipe("kgraph_sentences")`."""
    return SentenceSplitter()
