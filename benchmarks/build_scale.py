"""Benchmark: build a store from N synthetic abstracts in a gzipped JSONL file.

Target: 100,000 abstracts built and queryable in under 5 minutes on 2 cores,
peak RSS under 2 GB. Prints records/s, peak RSS, and the ratio to spaCy's
bare tokenizer over the same texts.

    python benchmarks/build_scale.py [--n 100000] [--workers 2]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SYSTEMS = ["vLLM", "DeepSpeed", "Megatron-LM", "FlashAttention", "TensorRT-LLM", "SGLang", "Orca"]
HARDWARE = ["NVIDIA A100 GPUs", "H100 GPUs", "an RTX 4090", "AMD MI250X GPUs", "TPU v4 chips",
            "NVMe SSDs", "Intel Xeon CPUs", "V100 GPUs"]
TOPICS = ["LLM serving", "distributed training", "KV-cache management", "checkpointing",
          "graph analytics", "key-value stores", "RDMA networking", "sparse attention"]
FILLER = [
    "Existing approaches either waste memory or leave compute idle under bursty load.",
    "We identify the root cause as poor overlap between communication and computation.",
    "The design combines a lightweight scheduler with an adaptive memory allocator.",
    "Our evaluation covers production traces and standard benchmarks.",
    "The system is open source and integrates with common frameworks.",
    "We further analyse the sensitivity of the design to its main parameters.",
]


def abstract(i: int, rng: random.Random) -> dict:
    """One realistic invented abstract with a coined system name and result numbers."""
    name = rng.choice(["Flux", "Nimbus", "Quill", "Tessera", "Vortex", "Helix"]) + str(i % 997)
    topic, baseline, hw = rng.choice(TOPICS), rng.choice(SYSTEMS), rng.choice(HARDWARE)
    results = (f"On {rng.choice([8, 16, 64])} {hw}, {name} achieves "
               f"{rng.uniform(1.1, 9):.2f}x higher throughput than {baseline} and reduces "
               f"tail latency by {rng.randint(10, 80)}%.")
    body = rng.sample(FILLER, 3)
    text = " ".join([f"{topic.capitalize()} is increasingly important.", body[0],
                     f"We present {name}, a system for {topic}.", body[1], results, body[2]])
    return {"id": f"syn-{i}", "title": f"{name}: Efficient {topic.title()} at Scale ({i})",
            "abstract": text}


def write_corpus(path: Path, n: int) -> int:
    """Write n abstracts; return the number of words."""
    rng, words = random.Random(42), 0
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(n):
            record = abstract(i, rng)
            words += len(record["title"].split()) + len(record["abstract"].split())
            f.write(json.dumps(record) + "\n")
    return words


def tokenizer_seconds(path: Path) -> float:
    """Seconds spaCy's bare tokenizer needs for every title + abstract."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    with gzip.open(path, "rt", encoding="utf-8") as f:
        texts = [f"{r['title']} {r['abstract']}" for r in map(json.loads, f)]
    start = time.perf_counter()
    for _ in tokenizer.pipe(texts, batch_size=1000):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, store = Path(tmp) / "abstracts.jsonl.gz", Path(tmp) / "store"
        words = write_corpus(corpus, args.n)
        print(f"corpus: {args.n} abstracts, {words} words, "
              f"{corpus.stat().st_size / 1e6:.1f} MB gzipped", flush=True)
        command = [sys.executable, "-m", "kgraph", "build", str(corpus), "--store", str(store),
                   "--workers", str(args.workers)]
        start = time.perf_counter()
        subprocess.run(command, check=True)
        seconds = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        query = [sys.executable, "-m", "kgraph", "query", "hardware-usage", "--store", str(store),
                 "-f", "csv"]
        rows = subprocess.run(query, check=True, capture_output=True, text=True).stdout
        tok = tokenizer_seconds(corpus)
        print(f"build: {seconds:.1f} s, {args.n / seconds:.0f} records/s, "
              f"peak RSS {peak_mb:.0f} MB (largest process), workers {args.workers}")
        print(f"query hardware-usage after build: {len(rows.splitlines()) - 1} rows")
        print(f"tokenizer alone: {tok:.1f} s, {args.n / tok:.0f} records/s; "
              f"build/tokenizer throughput ratio {tok / seconds:.3f}")
        print(f"target: < 300 s and < 2048 MB -> "
              f"{'MET' if seconds < 300 and peak_mb < 2048 else 'NOT MET'}")


if __name__ == "__main__":
    main()
