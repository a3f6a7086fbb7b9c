"""Exports parse back with rdflib (an independent parser) to the same triple count."""

from __future__ import annotations

import csv
import io

import pytest
import rdflib

from kgraph.errors import KGraphError
from kgraph.export import export, format_for

RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}


def _distinct_triples(store) -> int:
    rows = store.oxigraph.query("SELECT (COUNT(*) AS ?n) WHERE { "
                                "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }")
    return int(next(iter(rows))["n"].value)


@pytest.mark.parametrize("fmt", sorted(RDFLIB_FORMAT))
def test_triple_formats_round_trip(sample_store, fmt):
    buffer = io.BytesIO()
    export(sample_store, buffer, fmt)
    graph = rdflib.Graph().parse(data=buffer.getvalue(), format=RDFLIB_FORMAT[fmt])
    assert len(graph) == _distinct_triples(sample_store)


@pytest.mark.parametrize("fmt,parser", [("nquads", "nquads"), ("trig", "trig")])
def test_dataset_formats_round_trip(sample_store, fmt, parser):
    buffer = io.BytesIO()
    export(sample_store, buffer, fmt)
    dataset = rdflib.Dataset()
    dataset.parse(data=buffer.getvalue(), format=parser)
    assert len(list(dataset.quads())) == len(sample_store)


def test_claims_csv(sample_store):
    buffer = io.BytesIO()
    export(sample_store, buffer, "csv")
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue().decode("utf-8"))))
    assert {(r["system"], r["value"], r["unit"], r["baseline"]) for r in rows} == {
        ("FastServe", "2.5", "x", "vLLM"), ("FlashAttention-2", "40", "%", "existing methods")}


def test_format_from_extension_or_error(tmp_path):
    assert format_for(tmp_path / "g.ttl", None) == "turtle"
    assert format_for(tmp_path / "g.out", "nq") == "nq"
    with pytest.raises(KGraphError, match="unknown export format"):
        format_for(tmp_path / "g.out", None)
