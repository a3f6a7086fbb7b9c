"""Ingest and extraction as a Dask bag, for corpora spread over many files.

Each input file is one partition: workers read and extract it, the client
loads the extractions into the store in batches, exactly as the local build
does, so both paths give the same graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

from kgraph.build import BuildReport, load_extractions, new_papers
from kgraph.errors import InputError, KGraphError
from kgraph.model import Extraction
from kgraph.store import KGStore


def input_files(paths: list[str]) -> list[str]:
    """Every file under `paths` (directories recursively, hidden files skipped), sorted."""
    files: list[str] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(str(p) for p in sorted(path.rglob("*"))
                         if p.is_file() and not any(part.startswith(".") for part in p.parts))
        elif path.is_file():
            files.append(str(path))
        else:
            raise InputError(str(path), None, "no such file")
    return files


def extract_partition(files: list[str], fmt: str | None) -> list[tuple[list[Extraction],
                                                                        list[InputError]]]:
    """Worker side: read and extract one partition's files."""
    from kgraph.extract import build_nlp, extract_papers
    from kgraph.ingest import read_papers

    errors: list[InputError] = []
    extractions = list(extract_papers(read_papers(files, fmt, on_error=errors.append),
                                      build_nlp()))
    return [(extractions, errors)]


def _partitions(address: str, files: list[str], fmt: str | None) -> Iterator[tuple]:
    """Client side: the (extractions, errors) of each partition, in file order."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    with ExitStack() as stack:
        if address == "local":
            address = stack.enter_context(LocalCluster(n_workers=2, threads_per_worker=1))
        client = stack.enter_context(Client(address))
        bag = db.from_sequence(files, npartitions=max(1, len(files)))
        for future in client.compute(bag.map_partitions(extract_partition, fmt).to_delayed()):
            yield from future.result()


def build_dask(paths: list[str], store: KGStore, address: str = "local",
               fmt: str | None = None) -> BuildReport:
    """Build with a Dask scheduler at `address` ('local' starts a local cluster)."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise KGraphError("--dask needs the 'dask' extra: pip install 'kgraph[dask]'") from None
    report = BuildReport()
    store.ensure_vocabulary()
    for extractions, errors in _partitions(address, input_files(paths), fmt):
        report.errors.extend(errors)
        by_paper = {ex.paper: ex for ex in extractions}
        fresh = new_papers(by_paper, store, report)
        load_extractions((by_paper[p] for p in fresh), store, report)
    report.triples = len(store)
    return report
