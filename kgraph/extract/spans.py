"""Doc data, span groups and text helpers shared by the kgraph components.

Everything kgraph keeps on a Doc is one dict of plain values in `doc.user_data["kgraph"]`,
spaCy's storage for custom data (so docs survive `nlp.pipe(n_process=...)`, which
serialises user data with msgpack; a plain key, as every `doc._` access builds an accessor
object). Mentions and claims are read back as kgraph.model objects.
The text helpers (word boundaries, case folding, substring search) let the components
find things without slow regex scans.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.tokens import Doc

from kgraph.extract.lexicon import MODIFIER_AFTER
from kgraph.model import Claim, Mention

KEY = "kgraph"  # the doc.user_data key of kgraph's data


def start_data(doc: Doc, text: str | None = None, title_end: int = 0) -> dict:
    """A doc's kgraph data, new: its text (spaCy rebuilds doc.text on every access), where
    its title ends, its sentence spans, mention rows, claim rows and the names of processor
    designs among its mentions (none yet)."""
    data = {"text": doc.text if text is None else text, "title_end": title_end,
            "sentences": None, "mentions": [], "claims": [], "designs": []}
    doc.user_data[KEY] = data
    return data


def doc_data(doc: Doc) -> dict:
    """A doc's kgraph data (see start_data), started if the doc has none."""
    return doc.user_data.get(KEY) or start_data(doc)


ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=8)
def fold_case(text: str) -> str:
    """Lower-cased text with the same offsets, for case-blind patterns without re.I (faster);
    cached, as several components fold the same text.

    Examples:
        >>> fold_case("We beat vLLM"), len(fold_case("İx")) == len("İx")
        ('we beat vllm', True)
    """
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(ASCII_LOWER)


def starts_word(text: str, i: int) -> bool:
    """True when no word character precedes position i (what a leading \\b asserts).

    Patterns check this in Python instead of starting with \\b or a lookbehind, which
    would stop the regex engine from skipping ahead to the pattern's first characters.

    Examples:
        >>> starts_word("we owe", 0), starts_word("we owe", 4)
        (True, False)
    """
    return i == 0 or not word_char(text[i - 1])


def word_char(c: str) -> bool:
    """A character `\\w` matches in the text kgraph reads."""
    return c.isalnum() or c == "_"


def find_all(text: str, words: Iterable[str]) -> list[int]:
    """Sorted offsets of every occurrence of any of `words` (plain substring search, much
    faster than a regex alternation of common words).

    Examples:
        >>> find_all("we beat them; we win", ("we", "win"))
        [0, 14, 17]
    """
    found: set[int] = set()
    for word in words:
        i = text.find(word)
        while i >= 0:
            found.add(i)
            i = text.find(word, i + 1)
    return sorted(found)


def _joins(text: str, i: int) -> bool:
    """Whether the character at i would join a name to its neighbour (letter, digit, _ or -)."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


def occurrences(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Where `name` stands on its own, not inside a longer word or hyphenated compound
    (but before a modifier: 'vLLM-based').

    Examples:
        >>> list(occurrences("vLLM, vLLM-based, vLLM-X and xvLLM", "vLLM"))
        [(0, 4), (6, 10)]
    """
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if not _joins(text, start - 1) and (not _joins(text, end)
                                            or MODIFIER_AFTER.match(text, end)):
            yield start, end
        start = text.find(name, start + 1)


def non_overlapping(items: Iterable[tuple], taken: Iterable[tuple[int, int]] = ()) -> list[tuple]:
    """The items (tuples starting with start, end offsets), in the given order of preference,
    that overlap neither an earlier pick nor a `taken` span; in preference order.

    Examples:
        >>> non_overlapping([(0, 10, "a"), (5, 12, "b"), (12, 14, "c")], taken=[(20, 30)])
        [(0, 10, 'a'), (12, 14, 'c')]
    """
    free = sorted(taken)  # non-overlapping (start, end) by start
    chosen = []
    for item in items:
        i = bisect_left(free, (item[1],))  # only free[i - 1] can overlap the item
        if i == 0 or free[i - 1][1] <= item[0]:
            free.insert(i, (item[0], item[1]))
            chosen.append(item)
    return chosen


def _row(item: Mention | Claim) -> list:
    """A flat, msgpack-friendly row: the fields in definition order."""
    return list(item)


def _mention(row: list) -> Mention:
    return Mention(*row[:5], tuple(row[5]))


def _claim(row: list) -> Claim:
    return Claim(*row[:9], tuple(row[9]))


def mentions_of(data: dict) -> list[Mention]:
    """Mentions found so far (hardware, then names), in text order."""
    return sorted((_mention(r) for r in data["mentions"]), key=lambda m: m.start)


def mention_offsets(data: dict) -> list[tuple[int, int]]:
    """(start, end) of the mentions found so far, without building Mention objects."""
    return [(row[3], row[4]) for row in data["mentions"]]


def claims_of(data: dict) -> list[Claim]:
    """Claims found by the metric finder."""
    return [_claim(r) for r in data["claims"]]


def set_claims(data: dict, claims: list[Claim]) -> None:
    data["claims"] = [_row(c) for c in claims]


def add_mentions(doc: Doc, data: dict, group: str, mentions: list[Mention]) -> None:
    """Record mentions as exact-offset data and as a spaCy span group (token-aligned)."""
    data["mentions"] += [_row(m) for m in mentions]
    spans = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, label=m.type, kb_id=m.canonical,
                             alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[group] = spans
