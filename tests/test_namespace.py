"""namespace.py is generated from the ontology: a drift fails here."""

from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kgraph.namespace import KG
from kgraph.store import ONTOLOGY_DIR

NS = "https://w3id.org/kgraph/ontology#"


def test_namespace_matches_ontology_terms():
    graph = rdflib.Graph().parse(ONTOLOGY_DIR / "kgraph.ttl")
    terms = {str(s)[len(NS):] for s in graph.subjects() if str(s).startswith(NS) and str(s) != NS}
    assert terms == set(KG.__annotations__)


def test_every_term_is_documented():
    graph = rdflib.Graph().parse(ONTOLOGY_DIR / "kgraph.ttl")
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in graph.subjects(RDF.type, kind):
            assert graph.value(term, RDFS.label), term
            assert graph.value(term, RDFS.comment), term
