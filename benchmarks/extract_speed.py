"""Benchmark: kgraph extraction vs spaCy's bare tokenizer, same texts, one run.

Uses the dev abstracts in ../shared/gold/dev.jsonl (repeated) when present,
else the synthetic abstracts of build_scale.py. Prints words/s for both and the
ratio (target: extraction >= 0.25x the tokenizer).

    python benchmarks/extract_speed.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import json
import random
import time
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    papers = corpus(args.repeat)
    texts = [p.text for p in papers]
    words = sum(len(t.split()) for t in texts)
    tokenizer = spacy.blank("en").tokenizer
    start = time.perf_counter()
    for _ in tokenizer.pipe(texts, batch_size=256):
        pass
    tokenize = time.perf_counter() - start
    nlp = build_nlp()
    list(extract_papers(papers[:5], nlp))
    start = time.perf_counter()
    claims = sum(len(e.claims) for e in extract_papers(papers, nlp))
    full = time.perf_counter() - start
    print(f"{len(texts)} abstracts, {words} words, {claims} claims")
    print(f"tokenizer alone : {words / tokenize:10.0f} words/s")
    print(f"kgraph extract  : {words / full:10.0f} words/s")
    print(f"ratio           : {tokenize / full:10.3f} (target >= 0.25)")


if __name__ == "__main__":
    main()
