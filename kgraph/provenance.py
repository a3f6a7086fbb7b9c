"""`why`: the sentences behind a named thing or a claim."""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, QuerySolutions

from kgraph.errors import QueryError
from kgraph.graph import BASE, lookup_key
from kgraph.queries.query import execute
from kgraph.store import KGStore

PREFIXES = """
PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
BY_NAME = PREFIXES + """
SELECT DISTINCT ?title ?sentence ?start ?end ?what WHERE {
  VALUES ?key { %s }
  ?thing kg:nameKey ?key .
  { ?m kg:refersTo ?thing ; kg:inSentence ?s . BIND("mention" AS ?what) }
  UNION
  { ?m kg:aboutSystem|kg:comparedTo|kg:measuredOn ?thing ; kg:inSentence ?s ; kg:text ?t .
    BIND(CONCAT("claim ", ?t) AS ?what) }
  ?s kg:text ?sentence ; kg:start ?start ; kg:end ?end ; dcterms:isPartOf/dcterms:title ?title .
} ORDER BY ?title ?start
"""
BY_IRI = PREFIXES + """
SELECT DISTINCT ?title ?sentence ?start ?end ?what WHERE {
  VALUES ?node { %s }
  ?node kg:inSentence ?s ; kg:text ?t .
  BIND(CONCAT("claim ", ?t) AS ?what)
  ?s kg:text ?sentence ; kg:start ?start ; kg:end ?end ; dcterms:isPartOf/dcterms:title ?title .
} ORDER BY ?title ?start
"""


@dataclass(frozen=True)
class Evidence:
    """A sentence supporting a fact: paper title, sentence text and offsets, and what it shows."""

    title: str
    sentence: str
    start: int
    end: int
    what: str


def why(store: KGStore, subject: str) -> list[Evidence]:
    """Sentences mentioning a name (label or alias; case, spaces and hyphens ignored) or
    backing a claim IRI."""
    if subject.startswith(BASE):
        try:
            term = str(NamedNode(subject))
        except ValueError:
            raise QueryError(f"{subject!r} is not a valid IRI") from None
        query = BY_IRI % term
    else:
        query = BY_NAME % str(Literal(lookup_key(subject)))
    result = execute(store, query)
    assert isinstance(result, QuerySolutions)
    return [Evidence(r["title"].value, r["sentence"].value, int(r["start"].value),
                     int(r["end"].value), r["what"].value) for r in result]
