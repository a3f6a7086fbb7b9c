"""Plain text: one abstract per blank-line-separated block."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kgraph.errors import InputError
from kgraph.ingest.records import make_paper
from kgraph.model import Paper

TITLE_MAX = 200


def _blocks(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, list[str]]]:
    block: list[str] = []
    start = 0
    for number, line in lines:
        if line.strip():
            start = start or number
            block.append(line.strip())
        elif block:
            yield start, block
            block, start = [], 0
    if block:
        yield start, block


def read_text(lines: Iterator[tuple[int, str]], source: str) -> Iterator[Paper | InputError]:
    """A short first line is the title; otherwise the first sentence is."""
    for start, block in _blocks(lines):
        if len(block) > 1 and len(block[0]) < TITLE_MAX and not block[0].endswith("."):
            title, abstract = block[0], " ".join(block[1:])
        else:
            abstract = " ".join(block)
            title = re.split(r"(?<=[.!?])\s", abstract, maxsplit=1)[0][:TITLE_MAX]
        try:
            yield make_paper(source, start, title, abstract)
        except InputError as error:
            yield error
