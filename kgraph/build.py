"""The build: ingest -> extract -> graph -> store, incremental and crash-safe.

Papers are loaded in batches, each batch in one atomic store load, so a build
killed midway leaves whole papers only; the next build skips papers already
present (by deduplication key) and completes the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from kgraph.errors import InputError
from kgraph.graph import QuadWriter, paper_iri
from kgraph.model import Extraction, Paper
from kgraph.store import KGStore


@dataclass
class BuildReport:
    """What a build did."""

    read: int = 0
    added: int = 0
    skipped: int = 0
    claims: int = 0
    mentions: int = 0
    errors: list[InputError] = field(default_factory=list)
    triples: int = 0


def build(
    paths: Iterable[str | Path],
    store: KGStore,
    *,
    fmt: str | None = None,
    strict: bool = False,
    workers: int = 1,
    batch_size: int = 500,
    on_error: Callable[[InputError], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> BuildReport:
    """Read, extract and load every new paper of `paths` into `store`."""
    from kgraph.extract import build_nlp, extract_papers
    from kgraph.ingest import read_papers

    report = BuildReport()
    paths = list(paths)
    if strict:
        _check_inputs(paths, fmt)

    def record_error(err: InputError) -> None:
        report.errors.append(err)
        if on_error:
            on_error(err)

    store.ensure_vocabulary()
    papers = read_papers(paths, fmt, strict=strict, on_error=record_error)
    fresh = new_papers(papers, store, report)
    extractions = extract_papers(fresh, build_nlp(), n_process=workers)
    load_extractions(extractions, store, report, batch_size, progress)
    report.triples = len(store)
    return report


def _check_inputs(paths: Iterable[str | Path], fmt: str | None) -> None:
    """Strict builds read everything once first: a bad record stops them before any write."""
    from kgraph.ingest import read_papers

    for _ in read_papers(paths, fmt, strict=True):
        pass


def new_papers(papers: Iterable[Paper], store: KGStore, report: BuildReport) -> Iterator[Paper]:
    """Papers not yet in the store nor earlier in this run."""
    seen: set[str] = set()
    for paper in papers:
        report.read += 1
        iri = paper_iri(paper)
        if iri.value in seen or store.has_paper(iri):
            report.skipped += 1
            continue
        seen.add(iri.value)
        yield paper


def load_extractions(
    extractions: Iterable[Extraction],
    store: KGStore,
    report: BuildReport,
    batch_size: int = 500,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Write extractions to the store, one atomic load per batch, then compact the store.

    A background thread commits batch n while batch n+1's quads are built; at most one
    batch is in flight, and batches commit in order.
    """
    writer = QuadWriter(store.pref_label)
    sources: set[str] = set()
    iterator = iter(extractions)
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending: tuple[Future, int] | None = None
        while batch := list(islice(iterator, batch_size)):
            quads = []
            for ex in batch:
                if ex.paper.source not in sources:
                    sources.add(ex.paper.source)
                    quads.extend(writer.source_quads(ex.paper.source))
                quads.extend(writer.quads(ex))
                report.claims += len(ex.claims)
                report.mentions += len(ex.mentions)
            _settle(pending, report, progress)
            pending = (pool.submit(store.add, quads), len(batch))
        _settle(pending, report, progress)
    if report.added:
        store.optimize()


def _settle(pending: tuple[Future, int] | None, report: BuildReport,
            progress: Callable[[int], None] | None) -> None:
    """Wait for the batch in flight (raising its error, if any) and count it."""
    if pending is None:
        return
    future, size = pending
    future.result()
    report.added += size
    if progress:
        progress(size)
