"""Views: offline (everything inline), escaped, focused, trimmed, and fast on big graphs."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from benchmarks.view_speed import synthetic_graph
from kgraph.analyze import typed_graph
from kgraph.cli import app
from kgraph.errors import QueryError
from kgraph.facts import load_facts
from kgraph.store import KGStore
from kgraph.viz import script_json, select_nodes, view_html
from tests.test_analyze import XSS_TITLES, closed_store

runner = CliRunner()
SCRIPT = re.compile(r"<script([^>]*)>(.*?)</script>", re.S)
REMOTE = re.compile(r"""<[^>]*\s(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return closed_store(tmp_path_factory.mktemp("viz") / "store")


@pytest.fixture(scope="module")
def graph(store: Path) -> nx.MultiGraph:
    return typed_graph(load_facts(KGStore(store, create=False)))


@pytest.fixture(scope="module")
def page(graph: nx.MultiGraph) -> str:
    return view_html(graph)[0]


def page_data(page: str) -> dict:
    attrs, body = next((a, b) for a, b in SCRIPT.findall(page) if "kg-data" in a)
    return json.loads(body)


def test_page_is_self_contained(page):
    assert not REMOTE.search(page)
    assert "<link" not in page and "cdnjs" not in page and "jsdelivr" not in page
    scripts = SCRIPT.findall(page)
    assert len(scripts) == 3 and all("src=" not in attrs for attrs, _ in scripts)
    assert "vis.Network" in scripts[2][1] and len(scripts[1][1]) > 100_000


def test_csp_pins_the_two_scripts_and_forbids_network(page):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)[1]
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    for _, body in SCRIPT.findall(page)[1:]:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_untrusted_titles_are_data_not_markup(page):
    assert page.count("</script>") == 3
    for title in XSS_TITLES:
        assert title not in page
    nodes = page_data(page)["nodes"]
    labels = {n["label"] for n in nodes}
    assert set(XSS_TITLES) <= labels
    assert any(XSS_TITLES[0] in n["tip"] for n in nodes)


def test_script_json_cannot_close_the_script():
    text = script_json({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_tooltips_carry_sentences_and_claim_values(page):
    data = page_data(page)
    fast = next(n for n in data["nodes"] if n["label"] == "FastServe")
    assert "2.5x throughput vs vLLM on NVIDIA A100" in fast["tip"]
    assert "FastServe achieves 2.5x higher throughput" in fast["tip"]
    arrows = [e for e in data["edges"] if e.get("arrows") == "to"]
    assert arrows and all("compared to" in e["tip"] for e in arrows)


def test_legend_colours_and_shapes_by_type(page, graph):
    legend = re.search(r'<ul id="legend">(.*?)</ul>', page, re.S)[1]
    for entry in ("paper (5)", "system (", "model (1)", "dataset (1)", "baseline (1)",
                  "GPU (2)", "CPU (1)"):
        assert entry in legend
    shapes = {n["shape"] for n in page_data(page)["nodes"]}
    assert {"square", "dot", "hexagon", "diamond", "triangle"} <= shapes


def test_physics_stabilises_then_freezes(page):
    options = page_data(page)["options"]
    assert options["physics"]["stabilization"]["enabled"] is True
    assert options["physics"]["stabilization"]["iterations"] <= 300
    assert options["edges"]["smooth"]["enabled"] is False
    assert "physics: false" in SCRIPT.findall(page)[2][1]


def test_focus_shows_the_neighbourhood(graph):
    page, summary = view_html(graph, focus="flash-attention 2", depth=1)
    labels = {n["label"] for n in page_data(page)["nodes"]}
    assert labels == {"FlashAttention-2", "existing methods", "Intel Xeon", XSS_TITLES[1]}
    assert summary.total_nodes == 4
    wider = view_html(graph, focus="TurboServe", depth=3)[1]
    assert wider.nodes > view_html(graph, focus="TurboServe", depth=1)[1].nodes


def test_unknown_focus_is_a_query_error(graph):
    with pytest.raises(QueryError, match="nothing named 'Nope'"):
        view_html(graph, focus="Nope")


def test_max_nodes_keeps_the_best_connected_and_the_focus(graph):
    page, summary = view_html(graph, max_nodes=3)
    assert (summary.nodes, summary.total_nodes) == (3, graph.number_of_nodes())
    assert "3 of " in page
    assert select_nodes(nx.star_graph(5), 2, keep=4) == [0, 4]


def test_big_graph_is_not_quadratic():
    graph = synthetic_graph(10_000, 30_000)
    start = time.perf_counter()
    page, summary = view_html(graph, max_nodes=None)
    assert time.perf_counter() - start < 5
    assert summary.nodes == 10_000 and summary.edges > 29_000


def test_cli_view_writes_page_and_reports_errors(store, tmp_path):
    out = tmp_path / "sub" / "graph.html"
    result = runner.invoke(app, ["view", "--store", str(store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = runner.invoke(app, ["view", "--store", str(store), "-o", str(out),
                                 "--focus", "vLLM", "--depth", "2", "--max-nodes", "5"])
    assert result.exit_code == 0 and "5 of 11 nodes" in " ".join(result.output.split())
    unknown = runner.invoke(app, ["view", "--store", str(store), "-o", str(out),
                                  "--focus", "Nope"])
    assert unknown.exit_code == 1 and "nothing named 'Nope'" in unknown.output
    missing = runner.invoke(app, ["view", "--store", str(tmp_path / "none"), "-o", str(out)])
    assert missing.exit_code == 1 and "Traceback" not in missing.output


def test_empty_graph_gives_an_empty_page():
    page, summary = view_html(nx.MultiGraph())
    assert (summary.nodes, summary.edges) == (0, 0)
    assert page_data(page)["nodes"] == [] and "0 nodes, 0 links" in page
