"""arXiv API Atom feeds, parsed with defusedxml (no entity expansion, no external fetches)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from kgraph.errors import InputError
from kgraph.ingest.records import make_paper
from kgraph.model import Paper

NS = {"a": "http://www.w3.org/2005/Atom", "arxiv": "http://arxiv.org/schemas/atom"}


def read_atom(lines: Iterator[tuple[int, str]], source: str) -> Iterator[Paper | InputError]:
    try:
        root = ElementTree.fromstring("".join(text for _, text in lines))
    except (ElementTree.ParseError, DefusedXmlException) as error:
        yield InputError(source, getattr(error, "position", (None,))[0], f"bad XML ({error})")
        return
    for number, entry in enumerate(root.findall("a:entry", NS), 1):
        link = entry.findtext("a:id", "", NS)
        match = re.search(r"abs/([^v\s]+)", link)
        try:
            yield make_paper(
                source, number, entry.findtext("a:title", None, NS),
                entry.findtext("a:summary", None, NS), id=match[1] if match else link or None,
                authors=tuple(a.findtext("a:name", "", NS) for a in entry.findall("a:author", NS)),
                tags=tuple(c.get("term", "") for c in entry.findall("a:category", NS)),
                date=(entry.findtext("a:published", "", NS) or "")[:10] or None,
                doi=entry.findtext("arxiv:doi", None, NS), arxiv_id=match[1] if match else None)
        except InputError as error:
            yield error
