"""The hardware catalogue (ontologies/hardware.ttl) compiled for matching."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile
from pathlib import Path

from pyoxigraph import RdfFormat, parse

from kgraph.extract.spans import fold_case

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
# Class words a product is named without ('AMD Alveo U280 FPGA'), and spellings end with
# ('L4 GPU', also written 'L4 GPUs').
CLASS_WORDS = ("GPU", "CPU", "FPGA", "NPU", "TPU")
CLASS_NOUNS = tuple(f" {word.lower()}" for word in CLASS_WORDS)
COUNT = re.compile(r"\d+x(?=[A-Za-z])")  # a count written before a device: '8xH100'
NEXT_WORD = re.compile(rf"[\s-]{{1,2}}(?P<word>{WORD.pattern})")


def fold(spelling: str) -> str:
    """Lookup key: lower-case words joined by a space ('last-level' = 'last level')."""
    return " ".join(WORD.findall(spelling.lower()))


@lru_cache(maxsize=1)
def phrase_index() -> tuple[dict[str, HardwareEntry], frozenset[str]]:
    """Folded spelling (also after the vendor's name) -> entry, and every leading run of
    words of a spelling ('nvidia', 'nvidia tesla', 'nvidia tesla v100')."""
    index: dict[str, HardwareEntry] = {}
    prefixes: set[str] = set()
    for entry in hardware_catalogue():
        for spelling in _with_vendor(entry):
            key = fold(spelling)
            index.setdefault(key, entry)
            words = key.split(" ")
            if key.endswith(CLASS_NOUNS):  # 'L4 GPU' is also written 'L4 GPUs'
                index.setdefault(key + "s", entry)
                prefixes.add(key + "s")
            prefixes.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return index, frozenset(prefixes)


def _with_vendor(entry: HardwareEntry) -> list[str]:
    """An entry's spellings, and after its vendor's name those that are not another spelling
    and more words ('Gaudi 2' is also written 'Intel Gaudi 2'; 'ConnectX-7 NICs' keeps the
    NICs a word of their own after 'NVIDIA ConnectX-7')."""
    spellings = [entry.label, *entry.aliases]
    vendor = entry.vendor
    if vendor:
        spellings += [f"{vendor} {s}" for s in spellings[1:] if not s.startswith(vendor)
                      and not any(s.startswith(t + " ") for t in spellings)]
    return spellings


def may_start_phrase(word: str) -> bool:
    """Whether a token holds a word that begins some catalogue spelling (a spaCy lexeme flag)."""
    _, prefixes = phrase_index()
    if count := COUNT.match(word):
        word = word[count.end():]
    if word.isalnum() and word.isascii():  # most tokens: one WORD, the whole token
        return _folded(word) in prefixes
    return any(_folded(w) in prefixes for w in WORD.findall(word))


def _folded(word: str) -> str:
    """A word as catalogue keys spell it: lower case, and a product's plural made singular.

    Examples:
        >>> _folded("A100s"), _folded("MI250Xs"), _folded("GPUs"), _folded("Nexus")
        ('a100', 'mi250x', 'gpus', 'nexus')
    """
    if len(word) > 2 and word[-1] == "s" and (word[-2].isdigit() or word[-2] == "X"):
        return word[:-1].lower()
    return word.lower()


def find_phrases(text: str, spans: Iterable[tuple[int, int]] | None = None,
                 ) -> list[tuple[int, int, HardwareEntry]]:
    """Longest catalogue spellings in `text`, left to right: (start, end, entry).

    `spans`, when given, are the (start, end) offsets of the only tokens where a spelling
    may begin (those with `may_start_phrase`); the rest of the text is not scanned.

    Examples:
        >>> [(s, e, entry.label) for s, e, entry in find_phrases("8 NVIDIA A100s on NVLink")]
        [(2, 14, 'NVIDIA A100'), (18, 24, 'NVLink')]
    """
    index, prefixes = phrase_index()
    seconds = next_words()
    lowered = fold_case(text)
    found: list[tuple[int, int, HardwareEntry]] = []
    covered = 0
    for lo, hi in _word_spans(text) if spans is None else spans:
        if hi <= covered:
            continue
        if lo >= covered and _only_begins(text, lowered, lo, hi, index, seconds):
            continue  # the usual case: a plain word that only begins longer spellings
        for word in _words_in(text, lo if lo >= covered else covered, hi):
            start, token = word.start(), word[0]
            if count := COUNT.match(token):  # '8xH100': eight of them
                start, token = start + count.end(), token[count.end():]
            low = _folded(token)
            if low not in prefixes or start < covered or (
                    low not in index and not _may_go_on(lowered, word.end(), seconds[low])):
                continue
            keys = _spelling_prefixes(text, low, word.end(), prefixes)
            hit = next(((key, end) for key, end in reversed(keys) if key in index), None)
            if hit:
                found.append((start, hit[1], index[hit[0]]))
                covered = hit[1]
    return found


def _only_begins(text: str, lowered: str, lo: int, hi: int, index: dict,
                 seconds: dict[str, tuple[str, ...]]) -> bool:
    """Whether the token at [lo, hi) is a whole plain word that is no spelling itself and that
    none of the words which would continue it follows ('on' not before '-chip'): what the full
    test below would find, sooner."""
    low = lowered[lo:hi]
    return (low.isalpha() and low not in index and low in seconds and not low.endswith("xs")
            and not _continues(text, lo - 1) and not _continues(text, hi)
            and not _may_go_on(lowered, hi, seconds[low]))


@lru_cache(maxsize=1)
def next_words() -> dict[str, tuple[str, ...]]:
    """For each run of words that begins a spelling, the words that may follow it."""
    _, prefixes = phrase_index()
    seconds: dict[str, set[str]] = {key: set() for key in prefixes}
    for key in prefixes:
        head, _, last = key.rpartition(" ")
        if head:
            seconds[head].add(last)
    return {key: tuple(words) for key, words in seconds.items()}


def _may_go_on(lowered: str, end: int, seconds: tuple[str, ...]) -> bool:
    """Whether one of `seconds` may follow the word ending at `end` (after the one or two
    spaces or hyphens that join words): a cheap test before the full one, which it never
    contradicts (`lowered` is the text in lower case, with the same offsets)."""
    start = end
    while start < end + 2 and start < len(lowered) and (lowered[start].isspace()
                                                        or lowered[start] == "-"):
        start += 1
    return start > end and lowered.startswith(seconds, start)


def _word_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD.finditer(text)]


def _words_in(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """The WORD matches of the whole text that start in [lo, hi)."""
    whole = WORD.fullmatch(text, lo, hi)
    if whole and not _continues(text, lo - 1) and not _continues(text, hi):
        return [whole]  # the usual case: the token is one word
    while lo > 0 and _continues(text, lo - 1):
        lo -= 1  # a token may start inside a word
    return list(takewhile(lambda w: w.start() < hi, WORD.finditer(text, lo)))


def _continues(text: str, i: int) -> bool:
    """Whether the character at i could belong to a WORD next to it."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "+.")


def _spelling_prefixes(text: str, first: str, end: int,
                       prefixes: frozenset[str]) -> list[tuple[str, int]]:
    """The word `first` (ending at `end`) extended by the words joined to it by one or two
    spaces or hyphens, while they still begin some spelling: (folded words, end offset)."""
    keys = [(first, end)]
    while joined := NEXT_WORD.match(text, keys[-1][1]):
        key = f"{keys[-1][0]} {_folded(joined['word'])}"
        if key not in prefixes:
            break
        keys.append((key, joined.end()))
    return keys
