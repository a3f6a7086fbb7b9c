"""Sentence boundaries for abstracts: a stop followed by a capital starts a sentence.

Unlike spaCy's rule-based sentencizer, "4k res. at 60FPS" and "(e.g. ImageNet)"
stay inside their sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z0-9\"'(\[])")
ABBREVIATIONS = re.compile(r"(?:\be\.g|\bi\.e|\bvs|\bcf|\bet al|\bFig|\bEq|\bSec|\bNo|\bapprox|"
                           r"\bw\.r\.t|\bresp|\bca)\.$")


def boundaries(text: str) -> list[int]:
    """Character offsets where sentences start (after the first).

    Examples:
        >>> boundaries("We win (e.g. ImageNet). It runs at 4k res. at 60FPS. Done")
        [24, 53]
    """
    return [m.end() for m in BOUNDARY.finditer(text)
            if not ABBREVIATIONS.search(text[max(0, m.start() - 8):m.start()])]


class SentenceSplitter:
    """Sets token.is_sent_start from `boundaries`."""

    def __call__(self, doc: Doc) -> Doc:
        starts = set(boundaries(doc.text))
        for i, token in enumerate(doc):
            token.is_sent_start = i == 0 or token.idx in starts
        return doc


@Language.factory("kgraph_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    """spaCy factory: `nlp.add_pipe("kgraph_sentences")`."""
    return SentenceSplitter()
