"""networkx projections of the store, and the analytics built on them.

The projections turn the facts of `kgraph.facts.load_facts` into graphs:

* `typed_graph`: papers, systems, models, data sets, baselines and hardware in
  one multigraph (paper-mentions-thing edges, and claim edges system-baseline
  and system-hardware, each with its sentence);
* `co_mention_graph`: systems named by the same papers;
* `comparison_graph`: system -> baseline, weighted by the best reported speed-up;
* `system_hardware_graph`: the bipartite graph of systems and their hardware.

Examples:
    >>> from kgraph.facts import Facts, Thing
    >>> facts = Facts(things={"s": Thing("s", "vLLM", "system")}, papers={"p": "A paper"},
    ...               mentions=[("p", "s", "vLLM is fast.")])
    >>> g = typed_graph(facts)
    >>> sorted(g.nodes(data="type"))
    [('p', 'paper'), ('s', 'system')]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx

from kgraph.errors import QueryError
from kgraph.facts import ClaimFact, Facts, claim_line
from kgraph.graph import name_key

LOWER_IS_BETTER = {"ms", "s", "us", "µs", "ns", "min", "h", "hours", "gpu hours", "usd", "$"}
SEED = 42


def typed_graph(facts: Facts) -> nx.MultiGraph:
    """Papers and named things; mention edges and claim edges, each with its sentence."""
    g = nx.MultiGraph()
    for iri, title in facts.papers.items():
        g.add_node(iri, label=title, type="paper", hw_class="", vendor="")
    for t in facts.things.values():
        g.add_node(t.iri, label=t.label, type=t.kind, hw_class=t.hw_class, vendor=t.vendor,
                   aliases=list(t.aliases))
    for paper, thing, sentence in facts.mentions:
        if paper in g:
            g.add_edge(paper, thing, key="mentions", relation="mentions", sentence=sentence)
    for c in facts.claims:
        for other, relation in ((c.baseline, "compared to"), (c.hardware, "measured on")):
            if c.system in g and other in g and other != c.system:
                g.add_edge(c.system, other, key=f"{c.iri} {relation}", relation=relation,
                           source=c.system, sentence=c.sentence, claim=claim_line(facts, c),
                           value=c.value, unit=c.unit, metric=c.metric,
                           title=facts.label(c.paper))
    return g


def co_mention_graph(facts: Facts) -> nx.Graph:
    """Systems named by the same papers; `weight` counts the papers."""
    by_paper: dict[str, set[str]] = defaultdict(set)
    for paper, thing, _ in facts.mentions:
        if facts.things[thing].kind == "system":
            by_paper[paper].add(thing)
    g = nx.Graph()
    for systems in by_paper.values():
        g.add_nodes_from((s, {"label": facts.label(s)}) for s in systems)
        for a, b in combinations(sorted(systems), 2):
            g.add_edge(a, b, weight=g.get_edge_data(a, b, {"weight": 0})["weight"] + 1)
    return g


def comparison_graph(facts: Facts) -> nx.DiGraph:
    """System -> what it beats; `weight` is the best speed-up reported in x (absent if none).

    Every edge keeps its `claims` (text, value, unit, metric, paper title, sentence).
    """
    g = nx.DiGraph()
    for c in facts.claims:
        if not (c.system and c.baseline) or c.system == c.baseline:
            continue
        for iri in (c.system, c.baseline):
            g.add_node(iri, label=facts.label(iri), type=facts.things[iri].kind)
        data = g.get_edge_data(c.system, c.baseline) or {"claims": []}
        data["claims"].append({"claim": claim_line(facts, c), "value": c.value, "unit": c.unit,
                               "metric": c.metric, "title": facts.label(c.paper),
                               "sentence": c.sentence})
        if c.unit == "x":
            data["weight"] = max(c.value, data.get("weight", c.value))
        g.add_edge(c.system, c.baseline, **data)
    return g


def system_hardware_graph(facts: Facts) -> nx.Graph:
    """Bipartite systems (bipartite=0) and hardware (1): papers naming both, claims measured on."""
    g = nx.Graph()
    for a, b, attr in _system_hardware_pairs(facts):
        for iri, side in ((a, 0), (b, 1)):
            g.add_node(iri, label=facts.label(iri), bipartite=side)
        data = g.get_edge_data(a, b) or {"papers": 0, "claims": 0}
        data[attr] += 1
        data["weight"] = data["papers"] + data["claims"]
        g.add_edge(a, b, **data)
    return g


def _system_hardware_pairs(facts: Facts) -> Iterable[tuple[str, str, str]]:
    by_paper: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for paper, thing, _ in facts.mentions:
        by_paper[paper][facts.things[thing].kind].add(thing)
    for kinds in by_paper.values():
        for s in sorted(kinds["system"]):
            yield from ((s, h, "papers") for h in sorted(kinds["hardware"]))
    for c in facts.claims:
        if c.system and c.hardware and facts.things[c.system].kind == "system":
            yield c.system, c.hardware, "claims"


def find_node(graph: nx.Graph, name: str, kinds: tuple[str, ...] = ()) -> str:
    """The node whose label or alias is `name` (case, spaces, hyphens folded).

    Examples:
        >>> g = nx.Graph(); g.add_node("i", label="FlashAttention-2", type="system")
        >>> find_node(g, "flash-attention 2")
        'i'
    """
    key = name_key(name)
    matches = [n for n, d in graph.nodes(data=True)
               if (not kinds or d.get("type") in kinds)
               and key in {name_key(x) for x in [d.get("label", ""), *d.get("aliases", [])]}]
    if not matches:
        raise QueryError(f"nothing named {name!r} in the store")
    return min(matches, key=lambda n: (graph.nodes[n].get("label") != name, n))


def beats(comparisons: nx.DiGraph, target: str) -> list[dict[str, Any]]:
    """Everything that beats node `target`, directly or through a chain of comparisons.

    Examples:
        >>> g = nx.DiGraph([("a", "b"), ("b", "c")])
        >>> nx.set_node_attributes(g, {"a": "A", "b": "B", "c": "C"}, "label")
        >>> [(r["system"], r["path"]) for r in beats(g, "c")]
        [('B', ['B', 'C']), ('A', ['A', 'B', 'C'])]
    """
    if target not in comparisons:
        return []
    rows = []
    for winner in nx.ancestors(comparisons, target):
        path = nx.shortest_path(comparisons, winner, target)
        rows.append({"system": comparisons.nodes[winner]["label"], "hops": len(path) - 1,
                     "path": [comparisons.nodes[n]["label"] for n in path],
                     "speedup": comparisons.edges[path[0], path[1]].get("weight")
                     if len(path) == 2 else None})
    return sorted(rows, key=lambda r: (r["hops"], r["system"]))


def collapse(graph: nx.MultiGraph) -> nx.Graph:
    """The simple graph under a multigraph; `weight` counts the parallel edges."""
    g = nx.Graph()
    g.add_nodes_from(graph.nodes(data=True))
    for u, v in graph.edges():
        g.add_edge(u, v, weight=g.get_edge_data(u, v, {"weight": 0})["weight"] + 1)
    return g


def centrality(graph: nx.Graph, kinds: tuple[str, ...], top: int = 10) -> list[dict[str, Any]]:
    """The `top` nodes of the given types by PageRank, with their degree."""
    ranks = nx.pagerank(graph, weight="weight") if graph.number_of_edges() else {}
    rows = [{"name": d["label"], "type": d.get("hw_class") or d["type"],
             "degree": graph.degree(n), "pagerank": round(ranks.get(n, 0.0), 4)}
            for n, d in graph.nodes(data=True) if d["type"] in kinds]
    return sorted(rows, key=lambda r: (-r["pagerank"], -r["degree"], r["name"]))[:top]


def communities(graph: nx.Graph, top: int = 10, members: int = 8) -> list[dict[str, Any]]:
    """Louvain communities (seeded, so reproducible), largest first, named things only."""
    found = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
    rows = []
    for nodes in found:
        named = sorted((n for n in nodes if graph.nodes[n]["type"] != "paper"),
                       key=lambda n: (-graph.degree(n), graph.nodes[n]["label"]))
        if named:
            papers = len(nodes) - len(named)
            rows.append({"size": len(named), "papers": papers,
                         "members": [graph.nodes[n]["label"] for n in named[:members]]})
    rows.sort(key=lambda r: (-r["size"], r["members"]))
    return [{"community": i + 1, **r} for i, r in enumerate(rows[:top])]


def leaderboards(facts: Facts, metrics: int = 10, top: int = 5) -> list[dict[str, Any]]:
    """Best claims per (metric, unit), the most-claimed metrics first.

    Higher is better, except for time and cost units (ms, s, USD, GPU hours ...).
    """
    groups: dict[tuple[str, str], list[ClaimFact]] = defaultdict(list)
    for c in facts.claims:
        groups[(" ".join(c.metric.lower().split()), c.unit)].append(c)
    boards = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:metrics]
    rows = []
    for (metric, unit), claims in boards:
        sign = 1 if unit.lower() in LOWER_IS_BETTER else -1
        best = sorted(claims, key=lambda c: (sign * c.value, c.iri))[:top]
        rows.extend({"metric": metric, "unit": unit, "rank": i + 1, "value": c.value,
                     "system": facts.label(c.system), "hardware": facts.label(c.hardware),
                     "paper": facts.label(c.paper), "sentence": c.sentence}
                    for i, c in enumerate(best))
    return rows


def hardware_usage(facts: Facts) -> dict[str, list[dict[str, Any]]]:
    """Papers naming hardware, counted by class and by vendor."""
    papers: dict[str, dict[str, set[str]]] = {"class": defaultdict(set), "vendor": defaultdict(set)}
    items: dict[str, Counter[str]] = {"class": Counter(), "vendor": Counter()}
    seen: set[str] = set()
    for paper, thing, _ in facts.mentions:
        t = facts.things[thing]
        if t.kind != "hardware":
            continue
        for axis, value in (("class", t.hw_class or "Hardware"), ("vendor", t.vendor or "unknown")):
            papers[axis][value].add(paper)
            items[axis][value] += thing not in seen
        seen.add(thing)
    return {axis: sorted(({axis: k, "papers": len(v), "hardware": items[axis][k]}
                          for k, v in papers[axis].items()), key=lambda r: (-r["papers"], r[axis]))
            for axis in papers}


def analyze(facts: Facts, *, beats_name: str | None = None, top: int = 10) -> dict[str, Any]:
    """All the analytics of `kgraph analyze` as plain, JSON-ready data."""
    graph = collapse(typed_graph(facts))
    result = {
        "counts": {"papers": len(facts.papers), "things": len(facts.things),
                   "claims": len(facts.claims)},
        "central_systems": centrality(graph, ("system",), top),
        "central_hardware": centrality(graph, ("hardware",), top),
        "communities": communities(graph, top),
        "leaderboards": leaderboards(facts),
        "hardware_usage": hardware_usage(facts),
    }
    if beats_name:
        target = find_node(graph, beats_name)
        result["beats"] = {"system": graph.nodes[target]["label"],
                           "winners": beats(comparison_graph(facts), target)}
    return result


def exportable(graph: nx.MultiGraph) -> nx.MultiGraph:
    """A copy whose attributes GraphML and GEXF can hold: lists joined, None dropped."""
    def clean(data: dict[str, Any]) -> dict[str, Any]:
        return {k: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v
                for k, v in data.items() if v is not None and not isinstance(v, dict)}

    out = graph.__class__()
    out.add_nodes_from((n, clean(d)) for n, d in graph.nodes(data=True))
    out.add_edges_from((u, v, k, clean(d)) for u, v, k, d in graph.edges(keys=True, data=True))
    return out


def write_graph(graph: nx.MultiGraph, path: Path, fmt: str) -> None:
    """Write a graph as GraphML or GEXF (for Gephi)."""
    writers = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}
    if fmt not in writers:
        raise QueryError(f"unknown graph format {fmt!r} (graphml, gexf)")
    path.parent.mkdir(parents=True, exist_ok=True)
    writers[fmt](exportable(graph), str(path))


def tables(result: dict[str, Any]) -> Iterable[tuple[str, list[str], list[list[str]]]]:
    """The analysis as (title, columns, rows of text) tables, for a terminal."""
    def table(title: str, rows: list[dict[str, Any]], columns: list[str]) -> tuple:
        return title, columns, [[_text(c, r.get(c)) for c in columns] for r in rows]

    yield table("Most central systems", result["central_systems"], CENTRAL)
    yield table("Most central hardware", result["central_hardware"], CENTRAL)
    yield table("Communities", result["communities"], ["community", "size", "papers", "members"])
    yield table("Leaderboards", result["leaderboards"],
                ["metric", "unit", "rank", "value", "system", "hardware", "paper"])
    for axis, rows in result["hardware_usage"].items():
        yield table(f"Hardware by {axis}", rows, [axis, "papers", "hardware"])
    if "beats" in result:
        yield table(f"What beats {result['beats']['system']}", result["beats"]["winners"],
                    ["system", "hops", "path", "speedup"])


CENTRAL = ["name", "type", "degree", "pagerank"]


def _text(column: str, value: Any, width: int = 48) -> str:
    if isinstance(value, list):
        return (" > " if column == "path" else ", ").join(map(str, value))
    text = "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"
