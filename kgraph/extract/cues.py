"""Context that introduces a name: a title's "X:", "we propose X", "called X", "X: a ...",
comparisons ("faster than X"), and lists after category nouns ("compilers like X and Y").

Each cue is tried only where its words can be (see cue_matches).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import takewhile

from kgraph.extract.lexicon import TOKEN, lexicon
from kgraph.extract.spans import find_all, fold_case, starts_word


@lru_cache(maxsize=1)
def cue_patterns() -> dict[str, re.Pattern[str]]:
    """The cue patterns by name; each has a group `name` (or `list`) for what it introduces."""
    lx = lexicon()
    name = rf"(?P<name>{TOKEN}(?:\s[A-Z][\w-]*){{0,3}})"
    return {
        "title": re.compile(rf"^(?:The\s+)?(?P<name>{TOKEN}(?:\s[A-Z][\w-]*){{0,2}}):\s"),
        "proposal": re.compile(
            rf"[Ww]e\s+(?:first\s+|then\s+|also\s+)?(?:{lx['proposal_verbs']})\s+"
            rf"(?:(?:a|an|the)\s+)?(?:new\s+|novel\s+)?{name}(?=\s?[,(:]|\s(?:as|that|for|to|which)\b)"),
        "called": re.compile(rf"\b(?:called|named|dubbed|coined|[Ww]e\s+call(?:\s+it)?)\s+{name}"),
        # 'Our design, Fallow, splits ...', 'our prototype Kestrel runs ...'
        "ours": re.compile(rf"[Oo]ur\s+(?:[\w-]+\s+)?(?:{OUR_NOUNS}),?\s+{name}"
                           rf"(?=\s?[,(:]|\s[a-z])"),
        # 'use them to build Kestrel, a family of kernels': a proposal without 'we'
        "definition": re.compile(rf"(?P<name>{TOKEN}) is an?\s"),  # 'Tessera is an accelerator'
        "appositive": re.compile(rf"\b(?:{lx['proposal_verbs']})\s+{name},\s+an?\s"),
        "colon": re.compile(r"(?:^|(?<=[\s(]))(?P<name>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?):\s+"
                            r"(?:a|an)\s"),
        "compared": re.compile(
            r"(?:than|[Cc]ompared (?:to|with)|[Rr]elative to|versus|vs\.?|"
            r"outperform(?:s|ing|ed)?)\s+"
            r"(?:(?:the|existing|prior|standard|baseline)\s+)?"
            r"(?P<name>[A-Z][\w.+-]*[\w+](?:\s[A-Z][\w.+-]*[\w+]){0,2})(?![\w'’])"
            r"(?P<more>(?:(?:,\s|,?\sand\s|,?\sor\s)[A-Z][\w.+-]*[\w+](?![\w'’]))*)"),
        "list": re.compile(
            rf"\b(?:{_category_nouns()})\s+(?:like|such as|including|e\.g\.,?)\s+"
            rf"(?P<list>{TOKEN}(?:(?:,\s|,?\sand\s|,?\sor\s){TOKEN})*)"),
    }


LIST_CONNECTORS = ("like", "such as", "including", "e.g.")  # 'compilers like X and Y'
DEFINING = (" is a ", " is an ")  # 'Tessera is an SpMV accelerator'
APPOSITION = (", a ", ", an ")  # 'build Kestrel, a family of kernels'
COMPARISON_WORDS = ("than", "compared", "relative", "versus", "vs", "outperform")  # not 'over'

NAMING_WORDS = ("called", "named", "dubbed", "coined", "we call")
PROPOSERS = ("we",)  # where a proposal ('we present X') can start
OUR_NOUNS = ("system|design|approach|framework|prototype|tool|method|solution|implementation|"
             "library|engine|compiler|scheduler|runtime|technique|algorithm|platform|service")
# The cues tried only where one of their words is (found by substring search in the
# lower-cased text).
ANCHORS = {"proposal": PROPOSERS, "called": NAMING_WORDS, "compared": COMPARISON_WORDS,
           "ours": ("our",)}

CUE_GATES = {"colon": re.compile(r":\s+an?\s")}  # cheap searches a cue's match needs


@lru_cache(maxsize=1)
def _noun_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_category_nouns()})\s+$")


def _category_nouns() -> str:
    """The category nouns as a regex alternation, each also capitalised ('Frameworks such as
    Flower' opens a sentence)."""
    nouns = lexicon()["category_nouns"].split("|")
    return "|".join(f"[{noun[0]}{noun[0].upper()}]{noun[1:]}" for noun in nouns)


@lru_cache(maxsize=1)
def _proposal_verbs() -> frozenset[str]:
    return frozenset(lexicon()["proposal_verbs"].split("|"))


def compile_cues() -> None:
    """Compile the cue patterns now (components do when the pipeline is built, so the
    first document does not pay for it)."""
    cue_patterns()
    _noun_before()
    _proposal_verbs()


def _matches_at(pattern: re.Pattern[str], starts: Iterable[int],
                text: str) -> Iterator[re.Match[str]]:
    """Non-overlapping matches of `pattern` beginning a word at one of `starts` (sorted)."""
    pos = 0
    for start in starts:
        if start >= pos and starts_word(text, start) and (match := pattern.match(text, start)):
            yield match
            pos = match.end()


def _appositive_matches(text: str) -> Iterator[re.Match[str]]:
    """The 'appositive' cue's matches: before a ', a ' / ', an ', up to four words that are not
    lower case, after a proposal verb."""
    pattern, verbs = cue_patterns()["appositive"], _proposal_verbs()
    for anchor in find_all(text, APPOSITION):
        words = text[max(0, anchor - 80):anchor].split(" ")
        named = len(list(takewhile(lambda w: not w.islower(), reversed(words[-4:]))))
        if 0 < named < len(words) and words[-named - 1] in verbs:
            verb = anchor - len(" ".join(words[-named - 1:]))
            if match := pattern.match(text, verb):
                yield match


def _definition_matches(text: str) -> Iterator[re.Match[str]]:
    """The 'definition' cue's matches: a capitalised word opening a sentence with 'is a(n)'."""
    pattern = cue_patterns()["definition"]
    for anchor in find_all(text, DEFINING):
        start = text.rfind(" ", 0, anchor) + 1
        if (start == 0 or text[start - 1] == "\n" or text.endswith(". ", 0, start)) \
                and text[start].isupper() and (match := pattern.match(text, start)):
            yield match


def _list_matches(text: str) -> Iterator[re.Match[str]]:
    """The 'list' cue's matches, tried only where a connector follows a category noun."""
    pos = 0
    for anchor in find_all(text, LIST_CONNECTORS):
        noun = _noun_before().search(text, max(pos, anchor - 24), anchor)
        if noun and (match := cue_patterns()["list"].match(text, noun.start())):
            yield match
            pos = match.end()


def _may_match(cue: str, text: str) -> bool:
    """A cheap search that must succeed for a cue pattern to match (saves the full scan)."""
    gate = CUE_GATES.get(cue)
    return gate is None or gate.search(text) is not None


@lru_cache(maxsize=32)
def cue_matches(key: str, text: str) -> tuple[re.Match[str], ...]:
    """Matches of one cue pattern; cached, as the name finder and the metric finder both
    read them. Most cues are only tried where their words are (found by substring search),
    the others only when a cheap test passes."""
    if not _may_match(key, text):
        return ()
    if key == "list":
        return tuple(_list_matches(text))
    if key == "appositive":
        return tuple(_appositive_matches(text))
    if key == "definition":
        return tuple(_definition_matches(text))
    if key in ANCHORS:
        anchors = find_all(fold_case(text), ANCHORS[key])
        return tuple(_matches_at(cue_patterns()[key], anchors, text))
    return tuple(cue_patterns()[key].finditer(text))
