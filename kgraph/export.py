"""Exports: every standard RDF syntax, streamed from the store, and claims as CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import IO

from pyoxigraph import QuerySolutions, RdfFormat, serialize

from kgraph.errors import KGraphError
from kgraph.queries.query import execute
from kgraph.store import KGStore

FORMATS = {
    "turtle": RdfFormat.TURTLE, "ttl": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES, "nt": RdfFormat.N_TRIPLES,
    "nquads": RdfFormat.N_QUADS, "nq": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "jsonld": RdfFormat.JSON_LD, "json-ld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML, "xml": RdfFormat.RDF_XML, "rdf": RdfFormat.RDF_XML,
}
EXTENSIONS = {".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig",
              ".jsonld": "jsonld", ".json": "jsonld", ".rdf": "rdfxml", ".xml": "rdfxml",
              ".owl": "rdfxml", ".csv": "csv"}
DATASET_FORMATS = {RdfFormat.N_QUADS, RdfFormat.TRIG}
PREFIXES = {
    "kg": "https://w3id.org/kgraph/ontology#",
    "hw": "https://w3id.org/kgraph/id/hardware/",
    "system": "https://w3id.org/kgraph/id/system/",
    "model": "https://w3id.org/kgraph/id/model/",
    "dataset": "https://w3id.org/kgraph/id/dataset/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "schema": "https://schema.org/",
}
ALL_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
CLAIMS = """
PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?claim ?paper ?title ?text ?value ?unit ?metric ?system ?baseline ?hardware ?sentence
WHERE {
  ?claim a kg:Claim ; kg:text ?text ; kg:value ?value ; kg:unit ?unit ; kg:metric ?metric ;
         kg:inSentence ?sn .
  ?sn kg:text ?sentence ; dcterms:isPartOf ?paper .
  ?paper dcterms:title ?title .
  OPTIONAL { ?claim kg:aboutSystem/skos:prefLabel ?system }
  OPTIONAL { ?claim kg:comparedTo/skos:prefLabel ?baseline }
  OPTIONAL { ?claim kg:measuredOn/skos:prefLabel ?hardware }
}
ORDER BY ?title ?claim
"""


def format_for(path: Path, fmt: str | None) -> str:
    """The export format named by `fmt`, else guessed from the file extension."""
    name = (fmt or EXTENSIONS.get(path.suffix.lower(), "")).lower()
    if name != "csv" and name not in FORMATS:
        known = ", ".join(sorted(set(FORMATS) | {"csv"}))
        raise KGraphError(f"{path}: unknown export format {fmt or path.suffix!r} (one of {known})")
    return name


def export(store: KGStore, output: IO[bytes], fmt: str) -> None:
    """Stream the store to `output`: quads for N-Quads/TriG, the union of graphs otherwise."""
    if fmt == "csv":
        export_claims_csv(store, output)
        return
    rdf_format = FORMATS[fmt]
    if rdf_format in DATASET_FORMATS:
        store.oxigraph.dump(output, rdf_format, prefixes=PREFIXES)
    else:
        triples = store.oxigraph.query(ALL_TRIPLES)
        serialize(triples, output, rdf_format, prefixes=PREFIXES)


def export_claims_csv(store: KGStore, output: IO[bytes]) -> None:
    """One CSV row per claim, with its paper, attachments and sentence."""
    result = execute(store, CLAIMS)
    assert isinstance(result, QuerySolutions)
    columns = [v.value for v in result.variables]
    text = io.TextIOWrapper(output, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(columns)
    for sol in result:
        writer.writerow(["" if sol[c] is None else sol[c].value for c in columns])
    text.flush()
    text.detach()
