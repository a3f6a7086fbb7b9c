"""Turning raw fields into Papers: ids, whitespace, authors."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from kgraph.errors import InputError
from kgraph.model import Paper

MAX_ABSTRACT = 1_000_000


def clean(text: str) -> str:
    """Collapse white space.

    Examples:
        >>> clean("  a\\n  b ")
        'a b'
    """
    return " ".join(text.split())


def paper_id(title: str, given: str | None = None) -> str:
    """The input's id if given, else a hash of the normalised title.

    Examples:
        >>> paper_id("Fast Serving!") == paper_id("fast  serving")
        True
        >>> paper_id("x", " 2104.07857 ")
        '2104.07857'
    """
    if given and str(given).strip():
        return str(given).strip()
    key = " ".join(re.findall(r"[0-9a-z]+", unicodedata.normalize("NFKC", title).lower()))
    return "p-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def make_paper(source: str, line: int, title: object, abstract: object, **fields: object) -> Paper:
    """A Paper from raw fields; InputError when title or abstract is missing, empty or huge."""
    if not isinstance(title, str) or not clean(title):
        raise InputError(source, line, "missing or empty title")
    if not isinstance(abstract, str) or not clean(abstract):
        raise InputError(source, line, "missing or empty abstract")
    if len(abstract) > MAX_ABSTRACT:
        raise InputError(source, line, f"abstract of {len(abstract)} characters is too long "
                                       f"(limit {MAX_ABSTRACT})")
    given = fields.pop("id", None)
    return Paper(id=paper_id(clean(title), given if given is None else str(given)),
                 title=clean(title), abstract=clean(abstract), source=source, line=line,
                 **fields)  # type: ignore[arg-type]


def last_first(pairs: list[str]) -> tuple[str, ...]:
    """["Ho", "Anson", "Shah", "Rohin"] -> ("Anson Ho", "Rohin Shah")."""
    return tuple(f"{first} {last}".strip() for last, first in zip(pairs[::2], pairs[1::2],
                                                                  strict=False))
