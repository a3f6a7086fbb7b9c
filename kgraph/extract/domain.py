"""Is a text about computing at all? Names and claims are only read from texts that are."""

from __future__ import annotations

import re
from functools import lru_cache

COMPUTING = re.compile(
    r"\b(?:comput\w*|GPUs?|CPUs?|TPUs?|FPGAs?|accelerators?|hardware|software|LLMs?|"
    r"language models?|transformers?|deep learning|machine learning|inference|latency|throughput|"
    r"cloud|servers?|datacenters?|data cent(?:er|re)s?|kernels?|FLOP[Ss]?|parallelism|"
    r"distributed|serverless|compilers?|operating systems?|databases?|caches?|caching|"
    r"bandwidth|RDMA|workloads?|benchmarks?|AI|artificial intelligence|algorithms?)\b", re.I)


@lru_cache(maxsize=32)
def is_computing(text: str) -> bool:
    """True when the text uses computing vocabulary (cached: two components ask).

    Examples:
        >>> is_computing("Coral cover recovered by 35% on protected reefs.")
        False
        >>> is_computing("Zephyr cuts inference latency by 35%.")
        True
    """
    return bool(COMPUTING.search(text))
