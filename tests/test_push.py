"""`kgraph push` against a real Oxigraph server process started here."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.errors import KGraphError
from kgraph.push import push
from kgraph.store import KGStore

OXIGRAPH = str(Path(sys.executable).parent / "oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(tmp_path):
    if not Path(OXIGRAPH).exists():
        pytest.fail("the oxigraph server binary (pip package `oxigraph`) is required")
    port = free_port()
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "remote"),
                                "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait()


def remote_count(url: str) -> int:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    query = urllib.parse.urlencode({"query": count})
    request = urllib.request.Request(f"{url}/query?{query}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


def test_push_uploads_every_graph_and_is_repeatable(sample_store, server):
    sent = push(sample_store, server + "/store")
    assert sent == len(list(sample_store.oxigraph.named_graphs()))
    assert remote_count(server) == len(sample_store)
    push(sample_store, server + "/store")
    assert remote_count(server) == len(sample_store)


def test_push_cli_and_errors(sample_store_path, server):
    result = CliRunner().invoke(app, ["push", server + "/store", "--store", str(sample_store_path)])
    assert result.exit_code == 0, result.output
    assert remote_count(server) > 0
    sample_store = KGStore(sample_store_path, create=False)
    with pytest.raises(KGraphError, match="not an http"):
        push(sample_store, "ftp://example.org/store")
    with pytest.raises(KGraphError, match="cannot reach"):
        push(sample_store, f"http://127.0.0.1:{free_port()}/store")
