"""Benchmark: kgraph extraction vs spaCy's bare tokenizer, same texts, one run.

Two corpora, each timed in every round:
- the dev abstracts in ../shared/gold/dev.jsonl repeated `--repeat` times (when present,
  else the synthetic abstracts of build_scale.py). spaCy's tokenizer caches every
  whitespace-separated chunk it has seen, so from the second copy on it runs at cache speed;
- the abstracts of tests/data/probe_*.jsonl, all different, as in a real corpus.

Prints words/s for both and the ratio (target: extraction >= 0.25x the tokenizer). Each of
`--rounds` rounds runs in a fresh process, so both start cold (or, with --warm, both after
one untimed pass); the median ratio of each corpus is the figure.

    python benchmarks/extract_speed.py [--repeat 30] [--rounds 3] [--warm]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import statistics
import time
from collections import deque
from pathlib import Path

import spacy

from kgraph.extract import build_nlp, extract_papers
from kgraph.model import Paper

DEV = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev.jsonl"
PROBES = Path(__file__).resolve().parents[1] / "tests" / "data"


def corpus(repeat: int) -> list[Paper]:
    if DEV.is_file():
        rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    else:
        from build_scale import abstract

        rng = random.Random(1)
        rows = [abstract(i, rng) for i in range(40)]
    return [Paper(f"{i}-{r['id']}", r["title"], r["abstract"]) for i in range(repeat) for r in rows]


def unique_corpus() -> list[Paper]:
    """The probe abstracts, each once."""
    rows = [json.loads(line) for path in sorted(PROBES.glob("probe_*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [Paper(r["id"], r["title"], r["abstract"]) for r in rows]


def one_run(repeat: int, warm: bool) -> tuple[int, int, float, float]:
    """Words, claims, tokenizer seconds and extraction seconds for one pass over the corpus
    (`repeat` copies of dev, or the unique probe abstracts when `repeat` is 0; after a first,
    untimed pass when `warm`), with a fresh tokenizer and pipeline."""
    papers = corpus(repeat) if repeat else unique_corpus()
    texts = [p.text for p in papers]
    tokenizer = spacy.blank("en").tokenizer
    nlp = build_nlp()
    if warm:
        deque(tokenizer.pipe(texts, batch_size=256), maxlen=0)
        deque(extract_papers(papers, nlp), maxlen=0)
    start = time.perf_counter()
    deque(tokenizer.pipe(texts, batch_size=256), maxlen=0)
    tokenize = time.perf_counter() - start
    start = time.perf_counter()
    claims = sum(len(e.claims) for e in extract_papers(papers, nlp))
    full = time.perf_counter() - start
    return sum(len(t.split()) for t in texts), claims, tokenize, full


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warm", action="store_true",
                        help="time a second pass, when every cache is warm")
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    corpora = {f"dev x{args.repeat}": args.repeat, "unique": 0}
    ratios: dict[str, list[float]] = {name: [] for name in corpora}
    for round_ in range(1, args.rounds + 1):
        for name, repeat in corpora.items():
            with context.Pool(1) as pool:  # a fresh process: nothing cached from earlier runs
                words, claims, tokenize, full = pool.apply(one_run, (repeat, args.warm))
            ratios[name].append(tokenize / full)
            print(f"round {round_}, {name:8s}: {words} words, {claims} claims; tokenizer alone "
                  f"{words / tokenize:9.0f} words/s, kgraph extract {words / full:8.0f} "
                  f"words/s, ratio {tokenize / full:.3f}", flush=True)
    for name, values in ratios.items():
        print(f"ratio, {name:8s}: {statistics.median(values):6.3f} median of {args.rounds} "
              f"(target >= 0.25)")


if __name__ == "__main__":
    main()
