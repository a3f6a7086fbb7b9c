"""Ingest: read abstracts from files in any supported format as Paper objects.

Formats are detected from content. Bad records become InputErrors passed to
`on_error` and skipped (or raised with `strict=True`); reading goes on.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from kgraph.errors import InputError
from kgraph.ingest.atom import read_atom
from kgraph.ingest.bibtex import read_bibtex
from kgraph.ingest.jsonl import read_json, read_jsonl
from kgraph.ingest.records import paper_id
from kgraph.ingest.seeds import looks_like_digest, read_daily, read_digest
from kgraph.ingest.sources import SourceText, open_sources
from kgraph.ingest.tables import read_table
from kgraph.ingest.text import read_text
from kgraph.model import Paper

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
READERS = {"daily": read_daily, "digest": read_digest, "jsonl": read_jsonl, "json": read_json,
           "openalex": read_jsonl, "csv": read_table, "tsv": partial(read_table, delimiter="\t"),
           "bibtex": read_bibtex, "atom": read_atom, "text": read_text}
FORMATS = tuple(READERS)
LONG_LINE = 200
__all__ = ["EXAMPLES_DIR", "FORMATS", "detect_format", "paper_id", "read_papers"]


def detect_format(head: str, name: str) -> str:
    """The format of a file from its first few KB (and, failing that, its name)."""
    stripped = head.lstrip()
    first = stripped.split("\n", 1)[0].strip()
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("{"):
        return "jsonl" if first.endswith("}") or name.endswith((".jsonl", ".ndjson")) else "json"
    if stripped.startswith("<"):
        return "atom"
    if re.search(r"^\s*@\w+\s*\{", head, re.M):
        return "bibtex"
    header = first.lower()
    if "title" in header and "abstract" in header and ("\t" in first or "," in first):
        return "tsv" if "\t" in first else "csv"
    if looks_like_digest(head):
        return "digest"
    if any(len(line) > LONG_LINE for line in head.splitlines()):
        return "daily"
    return "text"


def read_papers(
    paths: Iterable[str | Path],
    format: str | None = None,  # noqa: A002 - the documented keyword
    *,
    strict: bool = False,
    on_error: Callable[[InputError], None] | None = None,
    columns: dict[str, str] | None = None,
) -> Iterator[Paper]:
    """Every good Paper of every input; bad records reported to `on_error` and skipped."""
    if format is not None and format not in READERS:
        raise InputError(str(format), None, f"unknown format (one of {', '.join(FORMATS)})")
    report = on_error or _print_error
    for source in open_sources(paths):
        for item in _read_source(source, format, columns):
            if isinstance(item, InputError):
                if strict:
                    raise item
                report(item)
            else:
                yield item


def _read_source(source: SourceText, format: str | None,  # noqa: A002
                 columns: dict[str, str] | None) -> Iterator[Paper | InputError]:
    if source.error:
        yield source.error
        return
    fmt = format or detect_format(source.head, source.name)
    if fmt == "openalex" and source.head.lstrip().startswith("["):
        fmt = "json"
    reader = READERS[fmt]
    if fmt in ("csv", "tsv"):
        reader = partial(reader, columns=columns)
    yield from reader(source.lines(), source.name)
    yield from source.line_errors
    if source.late_error:
        yield source.late_error


def _print_error(error: InputError) -> None:
    print(f"skipped {error}", file=sys.stderr)
