"""store.py and build.load_extractions: a real Oxigraph store on disk."""

from __future__ import annotations

import pytest
from pyoxigraph import NamedNode

from kgraph.build import BuildReport, load_extractions
from kgraph.errors import StoreError
from kgraph.graph import CATALOGUE, ONTOLOGY, paper_iri, source_graph
from kgraph.namespace import KG
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


def test_name_variants_across_papers_are_one_node(tmp_path):
    from kgraph.model import Extraction, Mention, Paper

    store = KGStore(tmp_path / "s")
    extractions = []
    for i, spelling in enumerate(["FlashAttention-2", "FlashAttention 2", "flash-attention-2"]):
        paper = Paper(str(i), f"Paper {i}", f"We use {spelling}.", source="a.jsonl")
        start = len(paper.title) + 8
        mention = Mention(spelling, "SYSTEM", spelling, start, start + len(spelling),
                          (len(paper.title) + 1, len(paper.text)))
        extractions.append(Extraction(paper, (mention,)))
    load_extractions(extractions, store, BuildReport())
    rows = list(store.oxigraph.query(
        "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER(?p IN (<http://www.w3.org/2004/02/skos/core#prefLabel>, "
        "<http://www.w3.org/2004/02/skos/core#altLabel>)) }"))
    assert len({r["s"] for r in rows}) == 1
    labels = {(r["p"].value.rsplit("#")[-1], r["o"].value) for r in rows}
    assert labels == {("prefLabel", "FlashAttention-2"), ("altLabel", "FlashAttention 2"),
                      ("altLabel", "flash-attention-2")}


def test_name_keys_for_catalogue_and_older_stores(sample_store):
    ox = sample_store.oxigraph
    name_key = NamedNode(str(KG.nameKey))
    a100 = NamedNode("https://w3id.org/kgraph/id/hardware/nvidia-a100")
    assert {q.object.value for q in ox.quads_for_pattern(a100, name_key, None)} >= {
        "a100", "nvidiaa100"}
    written = list(ox.quads_for_pattern(None, name_key, None))
    for quad in written:  # a store written before name keys existed
        ox.remove(quad)
    sample_store.ensure_vocabulary()
    assert set(ox.quads_for_pattern(None, name_key, None)) == set(written)
