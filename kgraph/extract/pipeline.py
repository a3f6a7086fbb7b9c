"""The extraction pipeline: spacy.blank("en") + kgraph's components, and its outputs."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import kgraph.extract.hardware  # noqa: F401 - registers kgraph_hardware
import kgraph.extract.metrics  # noqa: F401 - registers kgraph_metrics
import kgraph.extract.names  # noqa: F401 - registers kgraph_names
import kgraph.extract.sentences  # noqa: F401 - registers kgraph_sentences
from kgraph.extract.sentences import sentence_at, sentence_spans
from kgraph.extract.spans import claims_of, doc_data, mentions_of, start_data
from kgraph.model import Extraction, Mention, Paper

COMPONENTS = ("kgraph_sentences", "kgraph_hardware", "kgraph_names", "kgraph_metrics")


def build_nlp() -> Language:
    """A blank English pipeline with kgraph's components (no model download)."""
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def _extraction(paper: Paper, doc: spacy.tokens.Doc) -> Extraction:
    data = doc_data(doc)
    sentences = sentence_spans(data)
    mentions = tuple(Mention(m.text, m.type, m.canonical, m.start, m.end,
                             sentence_at(sentences, m.start)) for m in mentions_of(data))
    return Extraction(paper, mentions, tuple(claims_of(data)))


def extract(paper: Paper, nlp: Language | None = None) -> Extraction:
    """Entities and claims of one paper."""
    return next(extract_papers([paper], nlp))


def extract_papers(papers: Iterable[Paper], nlp: Language | None = None, batch_size: int = 256,
                   n_process: int = 1) -> Iterator[Extraction]:
    """Entities and claims of many papers, in order.

    With n_process > 1, worker processes each build their own pipeline and send back
    Extraction objects (small), so the caller never deserialises spaCy Docs.
    """
    if n_process > 1:
        yield from _extract_in_pool(papers, batch_size, n_process)
        return
    nlp = nlp or build_nlp()
    pairs = ((_doc(nlp, paper), paper) for paper in papers)
    for doc, paper in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield _extraction(paper, doc)


_WORKER_NLP: list[Language] = []


def _extract_chunk(chunk: list[Paper]) -> list[Extraction]:
    if not _WORKER_NLP:
        _WORKER_NLP.append(build_nlp())
    return list(extract_papers(chunk, _WORKER_NLP[0]))


def _extract_in_pool(papers: Iterable[Paper], batch_size: int,
                     n_process: int) -> Iterator[Extraction]:
    """Chunks go to a process pool with at most 2 per process in flight (bounded memory)."""
    context = multiprocessing.get_context("spawn")
    iterator = iter(papers)
    chunks = iter(lambda: list(islice(iterator, batch_size)), [])
    with context.Pool(n_process) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_extract_chunk, (chunk,)))
            if len(pending) >= 2 * n_process:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _doc(nlp: Language, paper: Paper) -> Doc:
    """A tokenised doc that already knows its text (spaCy rebuilds doc.text on each access)
    and where the title ends (a sentence of its own)."""
    text = paper.text
    doc = nlp.make_doc(text)
    start_data(doc, text, len(paper.title))
    return doc


def to_record(extraction: Extraction) -> dict:
    """The scorer's prediction line: one entity per (type, canonical), with its longest
    spelling ('RISC-V cores' over 'RISC-V'), every claim."""
    entities: dict[tuple[str, str], dict] = {}
    for m in extraction.mentions:
        seen = entities.get((m.type, m.canonical))
        if seen is None or len(m.text) > len(seen["text"]):
            entities[(m.type, m.canonical)] = {"text": m.text, "type": m.type,
                                               "canonical": m.canonical,
                                               "start": m.start, "end": m.end}
    metrics = [{"text": c.text, "value": c.value, "unit": c.unit, "metric": c.metric,
                "system": c.system, "baseline": c.baseline, "hardware": c.hardware,
                "start": c.start, "end": c.end} for c in extraction.claims]
    return {"id": extraction.paper.id, "title": extraction.paper.title,
            "entities": list(entities.values()), "metrics": metrics}
