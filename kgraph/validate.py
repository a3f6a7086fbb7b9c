"""SHACL validation of the store against ontologies/shapes.ttl (pySHACL)."""

from __future__ import annotations

import io
from dataclasses import dataclass

import rdflib

from kgraph.export import export
from kgraph.store import ONTOLOGY_DIR, KGStore

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True, order=True)
class Violation:
    """One failed constraint: the node, the property path and pySHACL's message."""

    focus: str
    path: str
    message: str


def store_graph(store: KGStore) -> rdflib.Graph:
    """The union of the store's graphs as an rdflib Graph (streamed as N-Triples)."""
    buffer = io.BytesIO()
    export(store, buffer, "ntriples")
    return rdflib.Graph().parse(data=buffer.getvalue(), format="nt")


def validate(store: KGStore) -> list[Violation]:
    """Run the shapes over the whole store; [] when it conforms.

    sh:class follows rdfs:subClassOf in the data, which includes the ontology graph.
    """
    from pyshacl import validate as shacl

    shapes = rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    _, report, _ = shacl(store_graph(store), shacl_graph=shapes, inference="none",
                         allow_warnings=True)
    return sorted(
        Violation(str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath) or ""),
                  str(report.value(r, SH.resultMessage)))
        for r in report.subjects(SH.resultSeverity, SH.Violation)
    )
