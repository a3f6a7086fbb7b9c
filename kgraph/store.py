"""The Oxigraph-backed store: open, add atomically, query, remove sources."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, Store

from kgraph.errors import StoreError
from kgraph.graph import CATALOGUE, ENTITIES, ONTOLOGY, source_graph
from kgraph.namespace import KG

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontologies"
DEFAULT_STORE = Path("outputs") / "store"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
PREF_LABEL = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
PAPER = NamedNode(str(KG.Paper))
MARKER = "kgraph.store"


class KGStore:
    """A persistent RDF dataset in a directory (created on first write)."""

    def __init__(self, path: str | Path, *, create: bool = True, read_only: bool = False) -> None:
        self.path = Path(path)
        if not create and not (self.path / MARKER).exists():
            raise StoreError(f"{self.path}: no kgraph store here (run `kgraph build` first)")
        try:
            self._store = Store.read_only(str(self.path)) if read_only else Store(str(self.path))
        except OSError as err:
            raise StoreError(f"{self.path}: cannot open store ({err})") from err
        if not read_only:
            (self.path / MARKER).write_text("kgraph store\n", encoding="utf-8")

    @property
    def oxigraph(self) -> Store:
        """The underlying pyoxigraph Store (for queries and dumps)."""
        return self._store

    def __len__(self) -> int:
        return len(self._store)

    def add(self, quads: Iterable[Quad]) -> None:
        """Add quads all at once or not at all.

        Oxigraph's bulk loader writes the quads to sorted files and ingests them into
        every index in one atomic RocksDB call (about 5x faster than a transaction).
        """
        self._store.bulk_extend(quads)

    def has_paper(self, iri: NamedNode) -> bool:
        return _any(self._store.quads_for_pattern(iri, RDF_TYPE, PAPER))

    def pref_label(self, iri: NamedNode) -> str | None:
        """The preferred label some graph already gives the thing, or None."""
        quad = next(iter(self._store.quads_for_pattern(iri, PREF_LABEL, None)), None)
        return quad.object.value if quad else None

    def ensure_vocabulary(self) -> None:
        """Load the ontology and hardware catalogue once, each in its own graph."""
        for graph, name in ((ONTOLOGY, "kgraph.ttl"), (CATALOGUE, "hardware.ttl")):
            if not self._store.contains_named_graph(graph):
                self._store.load(path=str(ONTOLOGY_DIR / name), format=RdfFormat.TURTLE,
                                 to_graph=graph)

    def remove_source(self, source: str) -> int:
        """Drop one input file's named graph and the things only it named; return quads removed."""
        graph = source_graph(source)
        if not self._store.contains_named_graph(graph):
            raise StoreError(f"{source}: no such source in {self.path}")
        before = len(self._store)
        self._store.remove_graph(graph)
        self._store.update(ORPHANS_UPDATE)
        return before - len(self._store)


ORPHANS_UPDATE = f"""
DELETE {{ GRAPH <{ENTITIES.value}> {{ ?thing ?p ?o }} }}
WHERE {{
  GRAPH <{ENTITIES.value}> {{ ?thing ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?link ?thing }} FILTER(?g != <{ENTITIES.value}>) }}
}}
"""


def _any(iterator: Iterable[object]) -> bool:
    return next(iter(iterator), None) is not None
