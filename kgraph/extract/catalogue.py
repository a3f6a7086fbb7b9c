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


@lru_cache(maxsize=1)
def alias_pattern() -> re.Pattern[str]:
    """Every spelling, longest first, as whole words, case-insensitive."""
    spellings = sorted(alias_index(), key=len, reverse=True)
    body = "|".join(re.escape(s).replace(r"\ ", r"[\s-]") for s in spellings)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.I)
