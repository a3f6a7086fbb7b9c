"""OpenAlex work records: abstracts rebuilt from `abstract_inverted_index`."""

from __future__ import annotations

from typing import Any

from kgraph.errors import InputError
from kgraph.ingest.records import make_paper
from kgraph.model import Paper


def abstract_of(index: dict[str, list[int]] | None) -> str:
    """Words placed back at their positions.

    Examples:
        >>> abstract_of({"fast": [1], "We": [0], "serve": [2]})
        'We fast serve'
    """
    placed = sorted((pos, word) for word, positions in (index or {}).items() for pos in positions)
    return " ".join(word for _, word in placed)


def work_to_paper(work: dict[str, Any], source: str, line: int) -> Paper:
    if not isinstance(work, dict):
        raise InputError(source, line, "expected an OpenAlex work object")
    ids = work.get("ids") or {}
    doi = (work.get("doi") or ids.get("doi") or "").replace("https://doi.org/", "") or None
    arxiv = None
    if doi and doi.lower().startswith("10.48550/arxiv."):
        arxiv = doi.split(".", 2)[-1]
    authors = tuple(a.get("author", {}).get("display_name", "") for a in work.get("authorships", [])
                    if a.get("author", {}).get("display_name"))
    tags = tuple(c["display_name"] for c in (work.get("topics") or work.get("concepts") or [])
                 if isinstance(c, dict) and c.get("display_name"))
    return make_paper(source, line, work.get("title") or work.get("display_name"),
                      abstract_of(work.get("abstract_inverted_index")), id=work.get("id"),
                      authors=authors, tags=tags, date=work.get("publication_date"), doi=doi,
                      arxiv_id=arxiv)
