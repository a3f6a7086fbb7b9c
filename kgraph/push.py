"""Upload the store to any SPARQL 1.1 Graph Store Protocol endpoint."""

from __future__ import annotations

import tempfile
import urllib.error
import urllib.request
from urllib.parse import urlencode, urlsplit

from pyoxigraph import NamedNode, RdfFormat

from kgraph.errors import KGraphError
from kgraph.store import KGStore

TIMEOUT = 300


def graph_url(endpoint: str, graph: NamedNode) -> str:
    """The GSP address of one named graph (indirect identification, ?graph=IRI)."""
    separator = "&" if urlsplit(endpoint).query else "?"
    return endpoint + separator + urlencode({"graph": graph.value})


def put_graph(store: KGStore, endpoint: str, graph: NamedNode) -> None:
    """Replace one graph at the endpoint with the store's copy (spooled to a temp file)."""
    with tempfile.TemporaryFile() as body:
        store.oxigraph.dump(body, RdfFormat.N_TRIPLES, from_graph=graph)
        size = body.tell()
        body.seek(0)
        request = urllib.request.Request(
            graph_url(endpoint, graph), data=body, method="PUT",
            headers={"Content-Type": "application/n-triples", "Content-Length": str(size)})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT):
                pass
        except urllib.error.HTTPError as error:
            raise KGraphError(f"{endpoint}: HTTP {error.code} {error.reason} for graph "
                              f"{graph.value}") from None
        except (urllib.error.URLError, OSError) as error:
            raise KGraphError(f"{endpoint}: cannot reach endpoint ({error})") from None


def push(store: KGStore, endpoint: str) -> int:
    """PUT every named graph of the store to `endpoint`; return how many were sent."""
    if urlsplit(endpoint).scheme not in ("http", "https"):
        raise KGraphError(f"{endpoint}: not an http(s) URL")
    graphs = list(store.oxigraph.named_graphs())
    for graph in graphs:
        put_graph(store, endpoint, graph)
    return len(graphs)
