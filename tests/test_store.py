"""store.py and build.load_extractions: a real Oxigraph store on disk."""

from __future__ import annotations

import pytest

from kgraph.build import BuildReport, load_extractions
from kgraph.errors import StoreError
from kgraph.graph import CATALOGUE, ONTOLOGY, paper_iri, source_graph
from kgraph.store import KGStore
from tests.conftest import sample_extractions


def test_loading_twice_changes_nothing(sample_store):
    before = len(sample_store)
    load_extractions(sample_extractions(), sample_store, BuildReport())
    assert len(sample_store) == before


def test_store_persists_across_openings(tmp_path):
    store = KGStore(tmp_path / "s")
    load_extractions(sample_extractions(), store, BuildReport())
    count = len(store)
    del store
    again = KGStore(tmp_path / "s", create=False)
    assert len(again) == count
    assert again.has_paper(paper_iri(sample_extractions()[0].paper))


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no kgraph store"):
        KGStore(tmp_path / "nowhere", create=False)
    assert not (tmp_path / "nowhere").exists()


def test_vocabulary_graphs_loaded_once(sample_store):
    graphs = set(sample_store.oxigraph.named_graphs())
    assert {ONTOLOGY, CATALOGUE} <= graphs
    before = len(sample_store)
    sample_store.ensure_vocabulary()
    assert len(sample_store) == before


def test_remove_source_drops_its_graph_and_orphans(sample_store, tmp_path):
    other = tmp_path / "other.jsonl"
    load_extractions(sample_extractions(str(other))[:1], sample_store, BuildReport())
    sample_store.remove_source("made-up.jsonl")
    assert source_graph("made-up.jsonl") not in set(sample_store.oxigraph.named_graphs())
    labels = {q.object.value for q in sample_store.oxigraph.quads_for_pattern(
        None, None, None, None) if q.predicate.value.endswith("prefLabel")}
    assert "FastServe" in labels and "vLLM" in labels
    assert "FlashAttention-2" not in labels
    with pytest.raises(StoreError, match="no such source"):
        sample_store.remove_source("made-up.jsonl")
