"""CSV and TSV files with title and abstract columns (names found or configured)."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from kgraph.errors import InputError
from kgraph.ingest.records import make_paper
from kgraph.model import Paper

COLUMNS = {
    "title": ("title", "paper_title", "ti", "name"),
    "abstract": ("abstract", "summary", "ab", "abstract_text", "description"),
    "id": ("id", "paper_id", "arxiv_id", "doi"),
    "authors": ("authors", "author", "au"),
    "date": ("date", "year", "published", "publication_date"),
}


def _find(header: list[str], wanted: dict[str, str]) -> dict[str, int]:
    """Column index of each known field, by configured or common names (any case)."""
    lowered = [h.strip().lower() for h in header]
    found = {}
    for field, names in COLUMNS.items():
        names = (wanted[field].lower(),) if field in wanted else names
        hit = next((lowered.index(n) for n in names if n in lowered), None)
        if hit is not None:
            found[field] = hit
    return found


def read_table(lines: Iterator[tuple[int, str]], source: str, delimiter: str = ",",
               columns: dict[str, str] | None = None) -> Iterator[Paper | InputError]:
    """One paper per row; a header without title and abstract columns is one error."""
    numbers: list[int] = []

    def text() -> Iterator[str]:
        for number, line in lines:
            numbers.append(number)
            yield line

    rows = csv.reader(text(), delimiter=delimiter)
    header = next(rows, None)
    if header is None:
        return
    index = _find(header, columns or {})
    if "title" not in index or "abstract" not in index:
        yield InputError(source, 1, f"no title/abstract columns (found: {', '.join(header)})")
        return
    for row in rows:
        yield _row(row, index, source, numbers[-1])


def _row(row: list[str], index: dict[str, int], source: str, line: int) -> Paper | InputError:
    def cell(field: str) -> str | None:
        i = index.get(field)
        return row[i] if i is not None and i < len(row) else None

    authors = tuple(a.strip() for a in (cell("authors") or "").replace(" and ", ";").split(";")
                    if a.strip())
    try:
        return make_paper(source, line, cell("title"), cell("abstract"), id=cell("id") or None,
                          authors=authors, date=cell("date") or None)
    except InputError as error:
        return error
