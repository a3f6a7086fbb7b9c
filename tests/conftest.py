"""Shared fixtures: the ../shared folder, hand-made extractions, a store with them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kgraph.build import BuildReport, load_extractions
from kgraph.model import Claim, Extraction, Mention, Paper
from kgraph.store import KGStore

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; skipped when absent unless KGRAPH_REQUIRE_SHARED=1."""
    if not SHARED.is_dir():
        if os.environ.get("KGRAPH_REQUIRE_SHARED") == "1":
            pytest.fail(f"{SHARED} is required (KGRAPH_REQUIRE_SHARED=1) but missing")
        pytest.skip(f"{SHARED} not present")
    return SHARED


def _paper(pid: str, title: str, abstract: str, source: str = "made-up.jsonl") -> Paper:
    return Paper(id=pid, title=title, abstract=abstract, authors=("Ada Lovelace",),
                 tags=("Machine Learning > Systems",), source=source, line=1)


def sample_extractions(source: str = "made-up.jsonl") -> list[Extraction]:
    """Two invented papers with mentions and claims, offsets into their text."""
    p1 = _paper("x1", "FastServe: serving LLMs",
                "FastServe achieves 2.5x higher throughput than vLLM on NVIDIA A100 GPUs.", source)
    s1 = (24, len(p1.text))
    m1 = (Mention("FastServe", "SYSTEM", "FastServe", 0, 9, (0, 23)),
          Mention("FastServe", "SYSTEM", "FastServe", 24, 33, s1),
          Mention("vLLM", "SYSTEM", "vLLM", 71, 75, s1),
          Mention("NVIDIA A100", "GPU", "NVIDIA A100", 79, 90, s1))
    c1 = (Claim("2.5x", 2.5, "x", "throughput", "FastServe", "vLLM", "NVIDIA A100", 43, 47, s1),)
    p2 = _paper("x2", "<img src=x onerror=alert(1)>",
                "Our tool, Flash-Attention 2, cuts latency by 40% over existing methods.", source)
    s2 = (29, len(p2.text))
    m2 = (Mention("Flash-Attention 2", "SYSTEM", "FlashAttention-2", 39, 56, s2),)
    c2 = (Claim("40%", 40.0, "%", "latency reduction", "FlashAttention-2", "existing methods",
                None, 74, 77, s2),)
    return [Extraction(p1, m1, c1), Extraction(p2, m2, c2)]


@pytest.fixture()
def sample_store(tmp_path: Path) -> KGStore:
    """A real store in tmp_path holding the sample extractions."""
    store = KGStore(tmp_path / "store")
    store.ensure_vocabulary()
    load_extractions(sample_extractions(), store, BuildReport())
    return store


@pytest.fixture()
def sample_store_path(tmp_path: Path) -> Path:
    """The same store, closed again, for commands that open it themselves."""
    store = KGStore(tmp_path / "closed-store")
    store.ensure_vocabulary()
    load_extractions(sample_extractions(), store, BuildReport())
    return store.path
