"""The hardware catalogue (ontologies/hardware.ttl) compiled for matching."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pyoxigraph import RdfFormat, parse

CATALOGUE = Path(__file__).resolve().parents[2] / "ontologies" / "hardware.ttl"
KG = "https://w3id.org/kgraph/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
TYPES = {f"{KG}GPU": "GPU", f"{KG}CPU": "CPU", f"{KG}Storage": "STORAGE", f"{KG}Memory": "MEMORY",
         f"{KG}Accelerator": "ACCELERATOR", f"{KG}Interconnect": "INTERCONNECT"}


@dataclass(frozen=True)
class HardwareEntry:
    """One catalogue entry."""

    iri: str
    type: str
    label: str
    vendor: str | None
    family: str | None
    aliases: tuple[str, ...]
    memory_gb: float | None


def _entries(path: Path) -> list[HardwareEntry]:
    fields: dict[str, dict[str, list[str]]] = {}
    for triple in parse(path=str(path), format=RdfFormat.TURTLE):
        node = fields.setdefault(triple.subject.value, {})
        node.setdefault(triple.predicate.value, []).append(triple.object.value)
    return [HardwareEntry(
        iri, TYPES[f[RDF_TYPE][0]], f[f"{SKOS}prefLabel"][0], _one(f, "vendor"), _one(f, "family"),
        tuple(f.get(f"{SKOS}altLabel", [])),
        float(f[f"{KG}memorySizeGB"][0]) if f"{KG}memorySizeGB" in f else None)
        for iri, f in fields.items()]


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _one(fields: dict[str, list[str]], name: str) -> str | None:
    values = fields.get(KG + name)
    return values[0] if values else None


@lru_cache(maxsize=1)
def hardware_catalogue() -> list[HardwareEntry]:
    """Every catalogue entry (parsed once per process)."""
    return _entries(CATALOGUE)


@lru_cache(maxsize=1)
def alias_index() -> dict[str, HardwareEntry]:
    """Lower-cased spelling (label or alias) -> entry."""
    index: dict[str, HardwareEntry] = {}
    for entry in hardware_catalogue():
        for spelling in (entry.label, *entry.aliases):
            index.setdefault(spelling.lower(), entry)
    return index


WORD = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9+]|\.(?=[A-Za-z0-9]))*")
JOINER = re.compile(r"[\s-]{1,2}")


def fold(spelling: str) -> str:
    """Lookup key: lower-case words joined by a space ('last-level' = 'last level')."""
    return " ".join(WORD.findall(spelling.lower()))


@lru_cache(maxsize=1)
def phrase_index() -> tuple[dict[str, HardwareEntry], dict[str, int]]:
    """Folded spelling -> entry, and first word -> the longest spelling's word count."""
    index: dict[str, HardwareEntry] = {}
    longest: dict[str, int] = {}
    for entry in hardware_catalogue():
        for spelling in (entry.label, *entry.aliases):
            key = fold(spelling)
            index.setdefault(key, entry)
            first, size = key.split(" ", 1)[0], key.count(" ") + 1
            longest[first] = max(longest.get(first, 0), size)
    return index, longest


def find_phrases(text: str) -> list[tuple[int, int, HardwareEntry]]:
    """Longest catalogue spellings in `text`, left to right: (start, end, entry)."""
    index, longest = phrase_index()
    words = list(WORD.finditer(text))
    lowered = [w[0].lower() for w in words]
    found, skip_to = [], 0
    for i, low in enumerate(lowered):
        size = longest.get(low)
        if not size or i < skip_to:
            continue
        for n in range(min(size, len(words) - i), 0, -1):
            key = " ".join(lowered[i:i + n]) if n > 1 else low
            if key in index and (n == 1 or _joined(text, words[i:i + n])):
                found.append((words[i].start(), words[i + n - 1].end(), index[key]))
                skip_to = i + n
                break
    return found


def _joined(text: str, words: list[re.Match[str]]) -> bool:
    """Words of one phrase: separated by a space or hyphen only."""
    pairs = zip(words, words[1:], strict=False)
    return all(JOINER.fullmatch(text[a.end():b.start()]) for a, b in pairs)
