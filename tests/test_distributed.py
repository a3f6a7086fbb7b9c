"""The Dask path gives the same graph as the local build (a real local cluster)."""

from __future__ import annotations

import pytest

from kgraph.build import build
from kgraph.store import KGStore
from tests.test_build import write_corpus

pytest.importorskip("distributed")


def quads(store: KGStore) -> set[str]:
    return {str(q) for q in store.oxigraph}


def test_dask_build_equals_local_build(tmp_path):
    from kgraph.distributed import build_dask

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus / "a.jsonl", 0, 30)
    write_corpus(corpus / "b.jsonl", 30, 30)
    local, remote = KGStore(tmp_path / "local"), KGStore(tmp_path / "dask")
    build([str(corpus)], local)
    report = build_dask([str(corpus)], remote, "local")
    assert report.added == 60
    assert quads(local) == quads(remote)
    assert build_dask([str(corpus)], remote, "local").added == 0
