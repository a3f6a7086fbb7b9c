"""JSON Lines (one object per line) and JSON arrays of paper records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from kgraph.errors import InputError
from kgraph.ingest.openalex import work_to_paper
from kgraph.ingest.records import make_paper
from kgraph.model import Paper


def authors_of(record: dict[str, Any]) -> tuple[str, ...]:
    """Authors from `authors_parsed` ([last, first, suffix]), a list, or 'A, B and C'."""
    parsed = record.get("authors_parsed")
    if isinstance(parsed, list):
        return tuple(" ".join(p for p in (a[1], a[0]) if p).strip()
                     for a in parsed if isinstance(a, list) and len(a) >= 2)
    authors = record.get("authors")
    if isinstance(authors, list):
        return tuple(str(a).strip() for a in authors if str(a).strip())
    if isinstance(authors, str):
        return tuple(a.strip() for a in authors.replace(" and ", ", ").split(",") if a.strip())
    return ()


def tags_of(record: dict[str, Any]) -> tuple[str, ...]:
    """Tags: gold-style [{path: [...]}], strings, or arXiv's space-separated categories."""
    tags: list[str] = []
    for tag in record.get("tags") or []:
        tags.append(" > ".join(tag["path"]) if isinstance(tag, dict) and "path" in tag
                    else str(tag))
    if isinstance(record.get("categories"), str):
        tags.extend(record["categories"].split())
    return tuple(tags)


def record_to_paper(record: object, source: str, line: int) -> Paper:
    """A Paper from one JSON record (arXiv snapshot schema or title/abstract objects)."""
    if not isinstance(record, dict):
        raise InputError(source, line, "expected a JSON object with title and abstract")
    if "abstract_inverted_index" in record:
        return work_to_paper(record, source, line)
    arxiv = record.get("arxiv_id") or (record.get("id") if "categories" in record else None)
    return make_paper(source, line, record.get("title"), record.get("abstract"),
                      id=record.get("id"), authors=authors_of(record), tags=tags_of(record),
                      date=record.get("update_date") or record.get("date"),
                      doi=record.get("doi") or None, arxiv_id=str(arxiv) if arxiv else None)


def read_jsonl(lines: Iterator[tuple[int, str]], source: str) -> Iterator[Paper | InputError]:
    for number, text in lines:
        if not text.strip():
            continue
        try:
            record = json.loads(text)
            records = record["results"] if isinstance(record, dict) and isinstance(
                record.get("results"), list) else [record]
            for item in records:
                yield record_to_paper(item, source, number)
        except json.JSONDecodeError as error:
            yield InputError(source, number, f"malformed JSON ({error.msg})")
        except InputError as error:
            yield error


def read_json(lines: Iterator[tuple[int, str]], source: str) -> Iterator[Paper | InputError]:
    """A JSON array of records (or {"results": [...]}); loaded whole, so meant for small files."""
    text = "".join(t for _, t in lines)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield InputError(source, error.lineno, f"malformed JSON ({error.msg})")
        return
    records = data.get("results", []) if isinstance(data, dict) else data
    for index, record in enumerate(records if isinstance(records, list) else []):
        try:
            yield record_to_paper(record, source, index + 1)
        except InputError as error:
            yield error
