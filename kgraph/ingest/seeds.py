"""The two seed formats: a daily-papers listing and a topic digest."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kgraph.errors import InputError
from kgraph.ingest.records import last_first, make_paper
from kgraph.model import Paper

TAG = re.compile(r"^- (?P<path>.+?) \((?P<score>[0-9.]+)\)$")
MORE = re.compile(r"^- \((\d+) more\.\.\.\)$")
NAME = r"[A-ZÀ-Ý][\w'.-]*(?: [A-ZÀ-Ý\w][\w'.-]*){0,3}"
AUTHORS = re.compile(rf"^{NAME}(?:, {NAME})+$")


def looks_like_digest(head: str) -> bool:
    return any(TAG.match(line) or MORE.match(line) for line in head.splitlines())


def is_authors(line: str) -> bool:
    """An authors line: 'Last, First, Last, First' (an even number of short name parts)."""
    parts = line.split(", ")
    return bool(AUTHORS.match(line)) and len(parts) % 2 == 0 and not line.endswith(".")


def is_abstract(line: str) -> bool:
    """A long prose line (the listing puts each abstract on one line)."""
    return len(line) > 200 or (len(line) > 80 and line.rstrip().endswith("."))


def read_daily(lines: Iterator[tuple[int, str]], source: str) -> Iterator[Paper | InputError]:
    """Title line, blank, abstract line; header lines before the first title are skipped."""
    blocks = [(n, text.strip()) for n, text in lines if text.strip()]
    seen_paper, i = False, 0
    while i < len(blocks):
        line, title = blocks[i]
        if i + 1 < len(blocks) and not is_abstract(title) and is_abstract(blocks[i + 1][1]):
            yield _paper_or_error(source, line, title, blocks[i + 1][1])
            seen_paper, i = True, i + 2
            continue
        if seen_paper or is_abstract(title):
            yield InputError(source, line, "expected a title line followed by an abstract line")
        i += 1


def read_digest(lines: Iterator[tuple[int, str]], source: str) -> Iterator[Paper | InputError]:
    """Topic line; then title, optional authors, abstract, tag lines, per paper."""
    rows = [(n, text.strip()) for n, text in lines if text.strip()]
    topic = rows[0][1] if rows else ""
    record: list[tuple[int, str]] = []
    tags: list[str] = []
    for n, text in rows[1:]:
        if TAG.match(text) or MORE.match(text):
            match = TAG.match(text)
            tags.extend([match["path"]] if match else [])
            continue
        if record and (tags or len(record) == 3 or (len(record) == 2 and not is_authors(
                record[1][1]))):
            yield _digest_paper(record, tags, topic, source)
            record, tags = [], []
        record.append((n, text))
    if record:
        yield _digest_paper(record, tags, topic, source)


def _digest_paper(record: list[tuple[int, str]], tags: list[str], topic: str,
                  source: str) -> Paper | InputError:
    line = record[0][0]
    if len(record) == 3 and is_authors(record[1][1]):
        authors = last_first(record[1][1].split(", "))
        return _paper_or_error(source, line, record[0][1], record[2][1], authors=authors,
                               tags=tuple(tags))
    if len(record) == 2:
        return _paper_or_error(source, line, record[0][1], record[1][1], tags=tuple(tags))
    return InputError(source, line, f"cannot split {len(record)} lines into title and abstract "
                                    f"(topic {topic!r})")


def _paper_or_error(source: str, line: int, title: str, abstract: str,
                    **fields: object) -> Paper | InputError:
    try:
        return make_paper(source, line, title, abstract, **fields)
    except InputError as error:
        return error
