"""Curated name data (patterns/names.json) and the shapes of model names ("LLaMA-2-70B")."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

PATTERNS = Path(__file__).resolve().parent / "patterns"
TOKEN = r"[A-Za-z][\w.+]*(?:[-/][\w.+]+)*(?<![.])"  # a name-like token: vLLM, ZeRO-Infinity
MODIFIER = (r"-(?:style|based|backed|like|aware|enabled|powered|driven|specific|friendly|"
            r"compatible|centric|oriented|inspired|sized|scale|class|level|optimal|efficient|"
            r"intensive|bound|heavy|free|only)")  # 'vLLM-based', 'FLOP-optimal'
MODIFIER_SUFFIX = re.compile(MODIFIER + "$")
MODIFIER_AFTER = re.compile(MODIFIER + r"\b")
VERSION = r"[\dA-Za-z]+(?:\.\d+[A-Za-z]*)*"  # 1.5B, A2.7B
SIZE = r"(?:\d+(?:\.\d+)?[BMK]|\d+x\d+[BM])"
SIZE_BEFORE = re.compile(rf"(?<![\w-]){SIZE}\s$")  # '70B ' before a family's name
SIZE_WORDS = r"(?:sized|scale|class|level)"  # 'a Llama-2-70B-sized model' names Llama-2-70B


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The curated data in patterns/names.json, with compiled patterns."""
    data = json.loads((PATTERNS / "names.json").read_text(encoding="utf-8"))
    data["generic"] = set(data["generic"])
    known = {n: "SYSTEM" for n in data["systems"] + data["ambiguous_systems"]} \
        | {n: "MODEL" for n in data["models"]} | {n: "DATASET" for n in data["datasets"]}
    data["known"] = known
    data["ambiguous_systems"] = set(data["ambiguous_systems"])
    fam = data["model_families"]
    data["family_re"] = re.compile(trie_alternation(_literal_prefix(f) for f in fam.split("|")))
    data["model_re"] = re.compile(
        rf"(?<![\w-])(?:{SIZE}\s)?(?:{fam})"
        rf"(?:(?:\s?-\s?{VERSION}|-?\d\w*(?:\.\d+)*|\s\d+(?:\.\d+)+|\s\d+(?=\s{SIZE}\b))"
        rf"(?:-(?!{SIZE_WORDS}\b){VERSION})*)?"
        rf"(?:/\d+)?(?:\s{SIZE}|[\s-](?:XXL|XL|Large|Base|Small|Medium|Tiny|Mini|Ultra|Pro|Flash|Nano|Turbo))?(?![\w])")
    return data


def _literal_prefix(pattern: str) -> str:
    """The plain text every match of a family's pattern begins with.

    Examples:
        >>> _literal_prefix(r"YOLOv\\d+[nsmlx]"), _literal_prefix("U-?Net")
        ('YOLOv', 'U')
    """
    prefix = re.match(r"[\w .-]*", pattern)[0]
    return prefix[:-1] if pattern[len(prefix):len(prefix) + 1] in ("?", "*", "{") else prefix


def trie_alternation(words: Iterable[str]) -> str:
    """A regex for any of `words`, as a trie ('ms|min|mins' -> 'm(?:in(?:s)?|s)'): the engine
    follows one branch instead of trying every word, and still prefers the longest word.

    Examples:
        >>> trie_alternation(["ms", "min", "mins", "s"])
        '(?:m(?:in(?:s)?|s)|s)'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items())
                    if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if "" not in node:
            return body
        return f"{body}?" if len(branches) > 1 else f"(?:{body})?"

    return pattern(trie)


def coined(word: str) -> bool:
    """A capital or digit after the first letter: a made-up word ('vLLM', 'ZeRO', 'H2O').

    Examples:
        >>> coined("vLLM"), coined("H2O"), coined("Germany")
        (True, True, False)
    """
    return any(c.isupper() or c.isdigit() for c in word[1:])


def plain_phrase(name: str, text: str) -> bool:
    """Several plain words, named once in `text`: a phrase rather than a coined name
    ('Noisy Neighbours Revisited', not 'Tilus' or 'Elastic KV-Cache').

    Examples:
        >>> plain_phrase("Noisy Neighbours Revisited", "Noisy Neighbours Revisited: a study")
        True
    """
    words = name.split()
    return len(words) > 1 and text.count(name) < 2 and not any(coined(w) for w in words)


def model_matches(text: str) -> Iterator[re.Match[str]]:
    """`model_re` matches, tried only where a family's name begins (or at a size written just
    before it: '70B LLaMA'), left to right and without overlaps."""
    lx = lexicon()
    pattern, pos = lx["model_re"], 0
    for family in lx["family_re"].finditer(text):
        anchor = family.start()
        if anchor < pos:
            continue
        size = SIZE_BEFORE.search(text, max(pos, anchor - 12), anchor)
        match = size and pattern.match(text, size.start()) or pattern.match(text, anchor)
        if match:
            pos = match.end()
            if not MODIFIER_SUFFIX.search(match[0]):  # 'GPT-style models' names no model
                yield match
