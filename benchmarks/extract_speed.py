"""Benchmark: kgraph extraction vs spaCy's bare tokenizer, same texts, one run.

Uses the dev abstracts in ../shared/gold/dev.jsonl (repeated) when present,
else the synthetic abstracts of build_scale.py. Prints words/s for both and the
ratio (target: extraction >= 0.25x the tokenizer). Each is timed over the whole
corpus `--rounds` times and the fastest round counts, for both alike.

    python benchmarks/extract_speed.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

import spacy

from kgraph.extract import build_nlp, extract_papers
from kgraph.model import Paper

DEV = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev.jsonl"


def corpus(repeat: int) -> list[Paper]:
    if DEV.is_file():
        rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    else:
        from build_scale import abstract

        rng = random.Random(1)
        rows = [abstract(i, rng) for i in range(40)]
    return [Paper(f"{i}-{r['id']}", r["title"], r["abstract"]) for i in range(repeat) for r in rows]


def best_seconds(run: Callable[[], object], rounds: int) -> float:
    """Fastest of `rounds` runs (the first warms caches and grows the vocabulary)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    papers = corpus(args.repeat)
    texts = [p.text for p in papers]
    words = sum(len(t.split()) for t in texts)
    tokenizer = spacy.blank("en").tokenizer
    nlp = build_nlp()
    tokenize = best_seconds(lambda: deque(tokenizer.pipe(texts, batch_size=256), maxlen=0),
                            args.rounds)
    full = best_seconds(lambda: deque(extract_papers(papers, nlp), maxlen=0), args.rounds)
    claims = sum(len(e.claims) for e in extract_papers(papers, nlp))
    print(f"{len(texts)} abstracts, {words} words, {claims} claims; best of {args.rounds} rounds")
    print(f"tokenizer alone : {words / tokenize:10.0f} words/s")
    print(f"kgraph extract  : {words / full:10.0f} words/s")
    print(f"ratio           : {tokenize / full:10.3f} (target >= 0.25)")


if __name__ == "__main__":
    main()
