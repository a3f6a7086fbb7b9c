"""BibTeX entries with title and abstract, parsed by bibtexparser."""

from __future__ import annotations

import re
from collections.abc import Iterator

import bibtexparser

from kgraph.errors import InputError
from kgraph.ingest.records import make_paper
from kgraph.model import Paper


def _plain(value: str) -> str:
    return re.sub(r"[{}]", "", value or "")


def _authors(value: str) -> tuple[str, ...]:
    names = [n.strip() for n in re.split(r"\s+and\s+", _plain(value)) if n.strip()]
    return tuple(" ".join(reversed([p.strip() for p in n.split(",", 1)])) if "," in n else n
                 for n in names)


def read_bibtex(lines: Iterator[tuple[int, str]], source: str) -> Iterator[Paper | InputError]:
    library = bibtexparser.parse_string("".join(text for _, text in lines))
    for block in library.failed_blocks:
        yield InputError(source, block.start_line + 1, "unparsable BibTeX entry")
    for entry in library.entries:
        try:
            yield _entry_paper(entry, source)
        except InputError as error:
            yield error


def _entry_paper(entry: bibtexparser.model.Entry, source: str) -> Paper:
    fields = {k.lower(): _plain(v.value) for k, v in entry.fields_dict.items()}
    keywords = tuple(k.strip() for k in fields.get("keywords", "").split(",") if k.strip())
    return make_paper(source, entry.start_line + 1, fields.get("title"), fields.get("abstract"),
                      id=entry.key, authors=_authors(fields.get("author", "")), tags=keywords,
                      date=fields.get("year"), doi=fields.get("doi"),
                      arxiv_id=fields.get("eprint") or fields.get("arxiv"))
