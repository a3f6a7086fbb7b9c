"""Benchmark: building an interactive view of a large graph must not be quadratic.

Generates a typed multigraph of 20k nodes and 60k edges (papers, systems,
hardware; mention and claim edges with sentences), renders the whole of it
(no --max-nodes cut) to HTML and prints the seconds taken. Target: under 5 s.

    python benchmarks/view_speed.py [--nodes N] [--edges M]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import networkx as nx

from kgraph.viz import view_html

KINDS = [("paper", ""), ("system", ""), ("model", ""), ("dataset", ""), ("hardware", "GPU"),
         ("hardware", "CPU"), ("hardware", "Interconnect")]


def synthetic_graph(nodes: int, edges: int, seed: int = 1) -> nx.MultiGraph:
    """A random typed multigraph shaped like kgraph's: some hubs, many small nodes."""
    rng = random.Random(seed)
    g = nx.MultiGraph()
    for i in range(nodes):
        kind, hw_class = rng.choice(KINDS)
        g.add_node(f"n{i}", label=f"{kind} {i}", type=kind, hw_class=hw_class, vendor="")
    for e in range(edges):
        u = f"n{rng.randrange(200) if rng.random() < 0.2 else rng.randrange(nodes)}"
        v = f"n{rng.randrange(nodes)}"
        sentence = f"{u} is {rng.uniform(1, 5):.2f}x faster than {v} <b>on</b> hardware {e}."
        if e % 3:
            g.add_edge(u, v, relation="mentions", sentence=sentence)
        else:
            g.add_edge(u, v, relation="compared to", source=u, sentence=sentence,
                       claim=f"{rng.uniform(1, 5):.2f}x throughput vs {v}", title=f"Paper {e}")
    return g


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=20_000)
    parser.add_argument("--edges", type=int, default=60_000)
    args = parser.parse_args()
    graph = synthetic_graph(args.nodes, args.edges)
    start = time.perf_counter()
    page, summary = view_html(graph, max_nodes=None)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "view.html").write_text(page, encoding="utf-8")
    seconds = time.perf_counter() - start
    print(f"view of {summary.nodes} nodes, {summary.edges} edges "
          f"({graph.number_of_edges()} before merging parallel edges): "
          f"{seconds:.2f} s, {len(page) / 1e6:.1f} MB of HTML (target < 5 s)")


if __name__ == "__main__":
    main()
