"""Incremental and crash-safe builds: a real subprocess killed with SIGKILL midway."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from pyoxigraph import Store

from kgraph.build import build
from kgraph.store import KGStore
from kgraph.validate import validate

PAPERS = 3000
COUNT_PAPERS = ("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?p a "
                "<https://w3id.org/kgraph/ontology#Paper> } }")


def write_corpus(path: Path, first: int, count: int) -> None:
    """Invented abstracts, each with a system, a baseline, hardware and a speed-up."""
    with path.open("w", encoding="utf-8") as f:
        for i in range(first, first + count):
            abstract = (f"We present Turbo{i}, a scheduler for LLM serving. Turbo{i} achieves "
                        f"{1 + i % 7}.{i % 10}x higher throughput than vLLM on NVIDIA A100 GPUs "
                        f"and cuts p99 latency by {10 + i % 50}% compared to Orca.")
            f.write(json.dumps({"id": f"b{i}", "title": f"Turbo{i}: fast serving {i}",
                                "abstract": abstract}) + "\n")


def papers_in(path: Path) -> int:
    """Papers in a store another process may be writing (0 while it is still being created)."""
    try:
        rows = Store.read_only(str(path)).query(COUNT_PAPERS)
    except (OSError, RuntimeError):
        return 0
    return int(next(iter(rows))["n"].value)


def test_incremental_build_adds_only_new_papers(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_corpus(first, 0, 20)
    write_corpus(second, 20, 5)
    store = KGStore(tmp_path / "store")
    assert build([first], store).added == 20
    count = len(store)
    report = build([first, second], store)
    assert (report.added, report.skipped) == (5, 20)
    assert len(store) > count
    count = len(store)
    assert build([first, second], store).added == 0
    assert len(store) == count


def test_killed_build_leaves_consistent_store_and_next_run_completes(tmp_path):
    corpus, store_path = tmp_path / "big.jsonl", tmp_path / "store"
    write_corpus(corpus, 0, PAPERS)
    command = [sys.executable, "-m", "kgraph", "build", str(corpus), "--store", str(store_path),
               "--batch-size", "10"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    loaded = 0
    deadline = time.monotonic() + 120
    while loaded == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        if (store_path / "CURRENT").exists():
            loaded = papers_in(store_path)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < loaded, "the build finished or loaded nothing before it could be killed"
    partial = papers_in(store_path)
    store = KGStore(store_path)
    assert partial < PAPERS, "the build finished before the kill"
    assert partial % 10 == 0, "a batch was only partly written"
    assert validate(store) == []
    report = build([corpus], store)
    assert report.added == PAPERS - partial
    complete = len(store)
    fresh = KGStore(tmp_path / "fresh")
    build([corpus], fresh)
    assert complete == len(fresh)
