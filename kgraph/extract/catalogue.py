"""The hardware catalogue (ontologies/hardware.ttl) compiled for matching."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
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


WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+]*(?:\.[A-Za-z0-9][A-Za-z0-9+]*)*")
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


def may_start_phrase(word: str) -> bool:
    """Whether a token holds a word that begins some catalogue spelling (a spaCy lexeme flag)."""
    _, longest = phrase_index()
    return any(w.lower() in longest for w in WORD.findall(word))


def find_phrases(text: str, spans: Iterable[tuple[int, int]] | None = None,
                 ) -> list[tuple[int, int, HardwareEntry]]:
    """Longest catalogue spellings in `text`, left to right: (start, end, entry).

    `spans`, when given, are the (start, end) offsets of the only tokens where a spelling
    may begin (those with `may_start_phrase`); the rest of the text is not scanned.

    Examples:
        >>> [(s, e, entry.label) for s, e, entry in find_phrases("8 NVIDIA A100 GPUs")]
        [(2, 13, 'NVIDIA A100'), (14, 18, 'GPU')]
    """
    index, longest = phrase_index()
    found: list[tuple[int, int, HardwareEntry]] = []
    covered = 0
    for lo, hi in [(0, len(text))] if spans is None else spans:
        if hi <= covered:
            continue
        matches = WORD.finditer(text, _run_start(text, lo) if lo >= covered else covered)
        words: list[re.Match[str]] = []
        for i, word in enumerate(_until(matches, hi, words)):
            low = word[0].lower()
            size = longest.get(low)
            if not size or word.start() < covered:
                continue
            if size > 1 and JOINER.match(text, word.end()):
                words.extend(islice(matches, max(0, i + size - len(words))))
            for n in range(min(size, len(words) - i), 0, -1):
                key = " ".join(w[0].lower() for w in words[i:i + n]) if n > 1 else low
                if key in index and (n == 1 or _joined(text, words[i:i + n])):
                    found.append((word.start(), words[i + n - 1].end(), index[key]))
                    covered = words[i + n - 1].end()
                    break
    return found


def _run_start(text: str, pos: int) -> int:
    """Where the WORD run that `pos` falls in begins (a token may start inside one)."""
    while pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "+."):
        pos -= 1
    return pos


def _until(matches: Iterator[re.Match[str]], hi: int,
           words: list[re.Match[str]]) -> Iterator[re.Match[str]]:
    """Matches that start before `hi`, each appended to `words` before it is yielded.

    Words read ahead (appended by the caller) are yielded in turn; so is the first
    match at or past `hi`, kept as a possible continuation but never yielded.
    """
    i = 0
    while True:
        if i == len(words):
            word = next(matches, None)
            if word is None:
                return
            words.append(word)
        if words[i].start() >= hi:
            return
        yield words[i]
        i += 1


def _joined(text: str, words: list[re.Match[str]]) -> bool:
    """Words of one phrase: separated by a space or hyphen only."""
    pairs = zip(words, words[1:], strict=False)
    return all(JOINER.fullmatch(text[a.end():b.start()]) for a, b in pairs)
