"""Projections and analytics on a real store of hand-made extractions."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import networkx as nx
import pytest
from pyoxigraph import Literal, NamedNode, Quad
from typer.testing import CliRunner

from kgraph import analyze as an
from kgraph.build import BuildReport, load_extractions
from kgraph.cli import app
from kgraph.errors import QueryError
from kgraph.facts import Facts, load_facts
from kgraph.graph import ENTITIES, thing_iri
from kgraph.model import Claim, Extraction, Mention, Paper
from kgraph.namespace import KG
from kgraph.store import KGStore

XSS_TITLES = ("<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>")
VENDORS = {("GPU", "NVIDIA A100"): "NVIDIA", ("GPU", "NVIDIA H100"): "NVIDIA",
           ("CPU", "Intel Xeon"): "Intel"}
runner = CliRunner()


ClaimRow = tuple[str, float, str, str, str, "str | None", "str | None"]


def _extraction(pid: str, title: str, abstract: str, names: list[tuple[str, str, str]],
                claims: list[ClaimRow]) -> Extraction:
    """One paper whose abstract is a single sentence; offsets found in its text."""
    paper = Paper(pid, title, abstract, source="analytics.jsonl", line=int(pid[1:]))
    text, sentence = paper.text, (len(title) + 1, len(paper.text))
    mentions = tuple(Mention(name, type_, canon, text.index(name, sentence[0]),
                             text.index(name, sentence[0]) + len(name), sentence)
                     for name, type_, canon in names)
    found = tuple(Claim(c, value, unit, metric, system, baseline, hardware,
                        text.index(c), text.index(c) + len(c), sentence)
                  for c, value, unit, metric, system, baseline, hardware in claims)
    return Extraction(paper, mentions, found)


def corpus() -> list[Extraction]:
    """Five invented papers: a chain of speed-ups, two XSS titles, models, data sets, vendors."""
    a100 = ("NVIDIA A100", "GPU", "NVIDIA A100")
    h100 = ("NVIDIA H100", "GPU", "NVIDIA H100")
    xeon = ("Intel Xeon", "CPU", "Intel Xeon")
    fast, vllm = ("FastServe", "SYSTEM", "FastServe"), ("vLLM", "SYSTEM", "vLLM")
    return [
        _extraction("x1", "FastServe: serving LLMs",
                    "FastServe achieves 2.5x higher throughput than vLLM on NVIDIA A100 GPUs.",
                    [fast, vllm, a100],
                    [("2.5x", 2.5, "x", "throughput", "FastServe", "vLLM", "NVIDIA A100")]),
        _extraction("x2", XSS_TITLES[0],
                    "TurboServe is 1.5x faster than FastServe on NVIDIA H100.",
                    [("TurboServe", "SYSTEM", "TurboServe"), fast, h100],
                    [("1.5x", 1.5, "x", "throughput", "TurboServe", "FastServe", "NVIDIA H100")]),
        _extraction("x3", XSS_TITLES[1],
                    "Flash-Attention 2 cuts latency by 40% over existing methods on Intel Xeon.",
                    [("Flash-Attention 2", "SYSTEM", "FlashAttention-2"), xeon],
                    [("40%", 40.0, "%", "latency reduction", "FlashAttention-2",
                      "existing methods", "Intel Xeon")]),
        _extraction("x4", "Serving on H100",
                    "vLLM reaches 1200 tokens/s on NVIDIA H100 with Llama-2 on ShareGPT.",
                    [vllm, h100, ("Llama-2", "MODEL", "Llama-2"),
                     ("ShareGPT", "DATASET", "ShareGPT")],
                    [("1200 tokens/s", 1200.0, "tokens/s", "throughput", "vLLM", None,
                      "NVIDIA H100")]),
        _extraction("x5", "Latency study",
                    "FastServe answers in 12 ms while vLLM needs 30 ms on NVIDIA A100.",
                    [fast, vllm, a100],
                    [("12 ms", 12.0, "ms", "latency", "FastServe", None, "NVIDIA A100"),
                     ("30 ms", 30.0, "ms", "latency", "vLLM", None, "NVIDIA A100")]),
    ]


def make_store(path: Path) -> KGStore:
    """A real store holding the corpus, with catalogue-style vendors on its hardware."""
    store = KGStore(path)
    load_extractions(corpus(), store, BuildReport())
    store.add(Quad(thing_iri(type_, name), NamedNode(str(KG.vendor)), Literal(vendor), ENTITIES)
              for (type_, name), vendor in VENDORS.items())
    return store


def closed_store(path: Path) -> Path:
    """Make the corpus store at `path` and close it, so the CLI can open it."""
    make_store(path)
    gc.collect()
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return closed_store(tmp_path_factory.mktemp("analyze") / "store")


@pytest.fixture(scope="module")
def facts(store: Path) -> Facts:
    return load_facts(KGStore(store, create=False))


def labels(graph: nx.Graph) -> dict[str, str]:
    return {d["label"]: n for n, d in graph.nodes(data=True)}


def test_facts_read_papers_things_and_claims(facts):
    assert sorted(facts.papers.values())[:2] == sorted(XSS_TITLES)
    assert len(facts.papers) == 5 and len(facts.claims) == 6
    kinds = {t.label: t.kind for t in facts.things.values()}
    assert kinds["Llama-2"] == "model" and kinds["ShareGPT"] == "dataset"
    assert kinds["existing methods"] == "baseline" and kinds["Intel Xeon"] == "hardware"
    flash = next(t for t in facts.things.values() if t.label == "FlashAttention-2")
    assert flash.aliases == ("Flash-Attention 2",)
    xeon = next(t for t in facts.things.values() if t.label == "Intel Xeon")
    assert (xeon.hw_class, xeon.vendor) == ("CPU", "Intel")


def test_typed_graph_has_every_type_and_sentences(facts):
    g = an.typed_graph(facts)
    assert {d for _, d in g.nodes(data="type")} == {"paper", "system", "model", "dataset",
                                                    "baseline", "hardware"}
    names = labels(g)
    claim_edges = g.get_edge_data(names["FastServe"], names["vLLM"])
    relations = sorted(d["relation"] for d in claim_edges.values())
    assert relations == ["compared to"]
    edge = next(iter(claim_edges.values()))
    assert edge["value"] == 2.5 and "2.5x higher throughput" in edge["sentence"]
    assert all(d.get("sentence") for _, _, d in g.edges(data=True))


def test_co_mention_graph_counts_papers(facts):
    g = an.co_mention_graph(facts)
    names = labels(g)
    assert g[names["FastServe"]][names["vLLM"]]["weight"] == 2
    assert g[names["FastServe"]][names["TurboServe"]]["weight"] == 1
    assert "Llama-2" not in names


def test_comparison_graph_weights_and_provenance(facts):
    g = an.comparison_graph(facts)
    names = labels(g)
    edge = g[names["FastServe"]][names["vLLM"]]
    assert edge["weight"] == 2.5
    assert edge["claims"][0]["title"] == "FastServe: serving LLMs"
    assert "than vLLM" in edge["claims"][0]["sentence"]
    no_factor = g[names["FlashAttention-2"]][names["existing methods"]]
    assert "weight" not in no_factor and no_factor["claims"][0]["unit"] == "%"


def test_system_hardware_graph_is_bipartite(facts):
    g = an.system_hardware_graph(facts)
    names = labels(g)
    assert nx.is_bipartite(g)
    assert {d for _, d in g.nodes(data="bipartite")} == {0, 1}
    edge = g[names["FastServe"]][names["NVIDIA A100"]]
    assert (edge["papers"], edge["claims"]) == (2, 2)
    assert g.nodes[names["NVIDIA A100"]]["bipartite"] == 1


def test_beats_is_transitive(facts):
    result = an.analyze(facts, beats_name="VLLM")
    assert result["beats"]["system"] == "vLLM"
    winners = {(r["system"], r["hops"]): r for r in result["beats"]["winners"]}
    assert set(winners) == {("FastServe", 1), ("TurboServe", 2)}
    assert winners[("TurboServe", 2)]["path"] == ["TurboServe", "FastServe", "vLLM"]
    assert winners[("FastServe", 1)]["speedup"] == 2.5


def test_beats_unknown_name_is_a_query_error(facts):
    with pytest.raises(QueryError, match="nothing named 'NoSuchSystem'"):
        an.analyze(facts, beats_name="NoSuchSystem")


def test_centrality_ranks_by_pagerank(facts):
    result = an.analyze(facts)
    systems = result["central_systems"]
    assert [r["pagerank"] for r in systems] == sorted((r["pagerank"] for r in systems),
                                                       reverse=True)
    assert {r["name"] for r in systems} >= {"FastServe", "vLLM", "TurboServe"}
    assert {r["type"] for r in result["central_hardware"]} == {"GPU", "CPU"}


def test_communities_are_reproducible_and_disjoint(facts):
    first, again = an.analyze(facts)["communities"], an.analyze(facts)["communities"]
    assert first == again
    members = [m for c in first for m in c["members"]]
    assert len(members) == len(set(members))
    assert "FastServe" in members


def test_leaderboards_rank_by_direction_of_unit(facts):
    rows = an.leaderboards(facts)
    latency = [r for r in rows if r["metric"] == "latency"]
    assert [(r["system"], r["value"]) for r in latency] == [("FastServe", 12.0), ("vLLM", 30.0)]
    speedups = [r for r in rows if r["unit"] == "x"]
    assert [r["value"] for r in speedups] == [2.5, 1.5]
    assert speedups[0]["hardware"] == "NVIDIA A100" and speedups[1]["paper"] == XSS_TITLES[0]


def test_hardware_usage_by_class_and_vendor(facts):
    usage = an.hardware_usage(facts)
    assert usage["class"] == [{"class": "GPU", "papers": 4, "hardware": 2},
                              {"class": "CPU", "papers": 1, "hardware": 1}]
    assert usage["vendor"] == [{"vendor": "NVIDIA", "papers": 4, "hardware": 2},
                               {"vendor": "Intel", "papers": 1, "hardware": 1}]


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_exports_read_back(facts, tmp_path, fmt, read):
    g = an.typed_graph(facts)
    path = tmp_path / f"kg.{fmt}"
    an.write_graph(g, path, fmt)
    back = read(str(path))
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()


def test_empty_store_gives_empty_analysis(tmp_path):
    result = an.analyze(load_facts(KGStore(tmp_path / "empty")))
    assert result["counts"] == {"papers": 0, "things": 0, "claims": 0}
    assert result["central_systems"] == [] and result["communities"] == []


def test_cli_analyze_json_tables_and_exports(store, tmp_path):
    args = ["analyze", "--store", str(store)]
    result = runner.invoke(app, [*args, "--json", "--beats", "vLLM",
                                 "--graphml", str(tmp_path / "g.graphml"),
                                 "--gexf", str(tmp_path / "g.gexf")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {w["system"] for w in data["beats"]["winners"]} == {"FastServe", "TurboServe"}
    assert (tmp_path / "g.graphml").stat().st_size and (tmp_path / "g.gexf").stat().st_size
    tables = runner.invoke(app, args)
    assert tables.exit_code == 0 and "Leaderboards" in tables.stdout
    assert "TurboServe" in tables.stdout


def test_cli_analyze_errors_are_one_line(store, tmp_path):
    unknown = runner.invoke(app, ["analyze", "--store", str(store), "--beats", "Nope"])
    assert unknown.exit_code == 1 and "nothing named 'Nope'" in unknown.output
    assert "Traceback" not in unknown.output
    missing = runner.invoke(app, ["analyze", "--store", str(tmp_path / "none")])
    assert missing.exit_code == 1 and "no kgraph store" in " ".join(missing.output.split())
