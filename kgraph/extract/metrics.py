"""Result claims: the results of the work and what each is about.

A number is a claim when it sits in a sentence about the work (not the
background before the first "we/our/this paper" sentence) and states a result
(kgraph.extract.results). Each claim is attached to its system (the subject
before it, else the paper's proposed system), its baseline ("than/over/compared
to X", list pairing, "A ... while B only ...") and the hardware it was measured
on ("on an RTX 4090", else the hardware named in its sentence).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kgraph.extract.catalogue import alias_index
from kgraph.extract.cues import compile_cues, cue_matches
from kgraph.extract.domain import is_computing
from kgraph.extract.lexicon import MODIFIER, lexicon, plain_phrase
from kgraph.extract.quantities import Quantity, find_quantities, quantity_pattern, unit_table
from kgraph.extract.results import (
    BARE_VERSUS_BEFORE,
    CHANGE_STEMS,
    PAREN_OWNER,
    change_apart,
    is_result,
)
from kgraph.extract.sentences import sentence_at, sentence_spans
from kgraph.extract.spans import (
    doc_data,
    find_all,
    fold_case,
    mentions_of,
    set_claims,
    starts_word,
    word_char,
)
from kgraph.model import Claim, Mention

FOREGROUND = ("we", "our", "this paper", "this work", "this study", "this report",
              "this article", "in this")  # whole words, in fold_case(text)
CUE_WORDS = (r"\b(?:than(?<!rather than)(?!\s+[\d,.]+(?:[x×%]|\s*(?:times|percent|fold))?(?!\w))|"
             r"(?:over|above|below)(?!\s+(?:\d|a\b|an\b))|compared (?:to|with)|instead of|"
             r"in comparison (?:to|with)|relative to|vs\.?|versus|against|"
             r"outperform(?:s|ing|ed)?|beat(?:s|ing)?)\s+")

CUE = re.compile(CUE_WORDS, re.I)
# A multiple or share of another's figure: '2.1x the throughput of gRPC', '1.6x that of NCCL',
# '88% of the throughput of FlashAttention-3'
TIMES_THE_OF = re.compile(r"\s((?:the\s+(?:[a-z-]+\s+)?[a-z-]+|that|those)\s+of\s+)")
SHARE_OF = re.compile(r"\s(of\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:throughput|performance|bandwidth|"
                      r"speed|accuracy|quality)\s+of\s+)")

CUE_FOLDED = re.compile(CUE_WORDS)  # on fold_case(text)
CUE_ANCHORS = ("than", "over", "above", "below", "compared", "instead", "in comparison", "relative",
               "vs", "versus", "against", "outperform", "beat")  # where a CUE_WORDS match begins
CLAUSE = re.compile(r",?\s(?:while|whereas|but)\s|;\s")
NP_STOP = re.compile(r"[,;()]|\.(?:\s|$)|\s(?:in|on|across|for|with|at|by|under|when|while|using|"
                     r"achieving|and then|respectively)\b|"
                     r"\s(?:and|or)\s(?=(?:by\s|up to\s|an?\s)?[\d$])")  # '... and a 40% cut'
# Where a number's metric words after it end: punctuation, another number (not the digits of
# 'top-1' or 'p99'), a range's second end, or a preposition.
METRIC_STOP = re.compile(r"^\s?[-–—]|[,;.()$]|(?<![\w-])\d|\b(?:than|over|compared|relative|"
                         r"on|with|for|in|at|while|across|when|using|vs)\b")
LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")
PATHS = ("INTERCONNECT", "STORAGE", "MEMORY")  # what data moves over: 'offloads over NVMe'
MODIFIED = re.compile(MODIFIER + r"\s")  # 'Sluice-backed Spark': Spark built with Sluice
CONTRAST_START = re.compile(r"\s*(?:Compared|In contrast|Unlike|Relative)")
LEADING_ARTICLE = re.compile(r"^(?:the|a|an|those of|that of)\s+", re.I)
ON_HARDWARE = re.compile(r"\s+(?:\w+\s+)?(?:on|using|with)\s+(?:an?\s+|the\s+|one\s+|a single\s+)?")
VACUOUS = re.compile(r"^$|\d|\bby$")  # words that only point at another number
# Digits that belong to a metric's own words: 'p99 latency', 'L1 hit rate', 'top-1 accuracy'
METRIC_DIGITS = re.compile(r"\b(?:[pP]\d{2}(?:\.\d+)?|L[1-3]|top-\d+|FP\d+|INT\d+|F1)\b")
AMOUNT_TAIL = re.compile(r"\s(?:up to|about|nearly|roughly|over|more than|an average of)\s*$")
CHANGE_WORD = re.compile(rf"(?:{CHANGE_STEMS})\w*")  # one word of a change verb
CHANGE_BEFORE = re.compile(rf"\b(?:{CHANGE_STEMS})\w*\b(?:(?!\b(?:rang|vary|varie)\w*).)*$",
                           re.I | re.S)  # '... latency from', not '... ranging from'
NUMBER_START = re.compile(r"[\d.,]+[A-Za-z%×/]*(?:\s|$)")  # '30TF using', not '1F1B'
CONJUNCTIONS = ("and", "but", "while", "whereas")
TRAILING_CONJUNCTION = re.compile(r"\s+(?:and|or|but|while)$")
LEADING_OF = re.compile(r"^of\s+")  # 'within 5% of an exhaustive search'
# What ends a baseline phrase: a new clause or verb, a participle phrase ('found by offline
# search'), a phrase led by a number ('of 10 minutes').
PHRASE_TAIL = re.compile(r"(?:\s+(?:because|since|as|when|where|which|that|while|whereas|thanks to|"
                         r"due to|and\s+(?:\w+ly\s+)?\w+s)\b.*|[;:].*|\."
                         r"|\s+(?:found|obtained|chosen|selected|tuned|\w+ed)\s+(?:by|via|through)\b.*"
                         r"|\s+(?:of|in|at|within|after)\s+(?:less than\s+|under\s+)?\d.*)$")
PUNCTUATION = re.compile(r"[,;:()]")
VACUOUS_PHRASES = {"the", "a", "an", "it", "this", "that", "them", "these", "those"}
BOUND_PHRASE = re.compile(r"\b(?:threshold|limit|target|budget|cap|bound)s?$")
WITHIN_OF = re.compile(r"\s+of\s")
REACHING = re.compile(r",\s+(?:thereby\s+)?(?:reaching|achieving|attaining|delivering|yielding|"
                      r"sustaining|hitting)\b")
BY_GAP = re.compile(r"\s+by\s+(?:up to\s+|about\s+|nearly\s+|roughly\s+|over\s+|between\s+)?")
COMPARED_BEFORE = re.compile(r"(?:compared (?:with|to)|versus|vs\.?|against|relative to|"
                             r"instead of|rather than)\s+$")
FOR_GAP = re.compile(r"\s+(?:for|with|by|under)\s+(?:the\s+)?")
FOR_OWNER = re.compile(r"(?:[\w-]+\s+){0,4}?(?:of\s+)?")  # 'for the default schedule of X'
RESPECTIVELY = re.compile(r"[^.;]{0,40}\brespectively\b")
SUBJECT_GAP = re.compile(r"\s+(?:[a-z]+\s+){1,4}")  # 'break' in 'A and B break 0.41% and ...'
LIST_AND = re.compile(r",?\s+(?:and\s+)?")  # '41.0% for X and 38.5% for Y'
# A name in a prepositional phrase is a set-up, not a subject ('throughput for LLaMA-3 reaches').
SETUP_BEFORE = re.compile(r"\b(?:with|for|under|using|in|into|inside|[Oo]n|[Aa]t|[Aa]cross)\s+"
                          r"(?:the\s+)?$")  # 'On Perlmutter's A100 partition the speedup is 2.1x'
FINDING = re.compile(r"\s*(?:We|we)\s+(?:find|found|observe|observed|show|measure|measured)\s+"
                     r"that\b|\s*Our\s+(?:measurements|analysis|characteri[sz]ation|study)\s+"
                     r"(?:shows?|reveals?|finds?)\b")
IT_SUBJECT = re.compile(r"\b(?:and|but)\s+it\s")  # the paper's system again, as a pronoun
DIGIT = re.compile(r"\d")
TIGHT_BREAK = re.compile(r",|\s(?:and|or|but)\b")
AND_GAP = re.compile(r"(?:,|\band|\bor)\s+$")
RELATIVE = ("x", "%")  # units of numbers that are themselves comparisons
CLAUSE_IN_PHRASE = re.compile(r"(?<![\w.-])\d[\d.,]*(?:\s|%|$)|,\s")  # not 'the FP16 model'
BY_BEFORE = re.compile(r"\bby\s+(?:up to\s+|about\s+|nearly\s+|over\s+)?\Z")
OF_AFTER = re.compile(r"\s+of\s")  # '12% of an all-DRAM configuration': a share of something


def _foreground_start(folded: str, sentences: list[tuple[int, int]], own: list[Mention]) -> int:
    """Offset of the first sentence about the work itself: 'we', 'our', 'this paper', or,
    after the title, the paper's own system by name."""
    if not sentences:
        return 0
    first = len(folded)
    for phrase in FOREGROUND:
        first = _first_word(folded, phrase, first)
    named = min((m.start for m in own if m.start >= sentences[0][1]), default=len(folded))
    pos = min(first, named)
    return next((start for start, end in sentences if start <= pos < end), 0)


def _first_word(folded: str, phrase: str, before: int) -> int:
    """Offset of the first whole-word occurrence of `phrase` before offset `before`, else
    `before`."""
    stop = before + len(phrase)
    i = folded.find(phrase, 0, stop)
    while i >= 0:
        after = i + len(phrase)
        if starts_word(folded, i) and not (after < len(folded) and word_char(folded[after])):
            return i
        i = folded.find(phrase, i + 1, stop)
    return before


def _proposed(text: str, names: list[Mention]) -> str | None:
    """The paper's own system: title 'X:', 'we propose X', 'build X, a ...', 'X is a ...', else
    the most named system."""
    systems = [m for m in names if m.type == "SYSTEM"]
    cued = [hit.canonical for key in ("title", "proposal", "called", "ours", "appositive",
                                      "definition")
            for match in cue_matches(key, text)
            if (hit := next((m for m in systems if match.start("name") <= m.start
                             < match.end("name") + 12), None))]
    if cued:  # a title phrase of plain words ('Repair Without Hotspots:') gives way to 'we build X'
        return cued[1] if len(cued) > 1 and plain_phrase(cued[0], text) else cued[0]
    counts = Counter(m.canonical for m in systems)
    top = counts.most_common(2)
    if len(top) == 2 and top[0][1] == top[1][1]:
        return None  # a study of several systems, none of them its own
    return top[0][0] if top else None


def _comparison_cues(folded: str, sentence: tuple[int, int]) -> Iterator[re.Match[str]]:
    """CUE_FOLDED's matches in a sentence of the lower-cased text, tried only where one of
    its words begins (found by substring search: a scan for the pattern's leading \\b is
    slow)."""
    start, end = sentence
    pos = start
    for i in find_all(folded[start:end], CUE_ANCHORS):
        i += start
        if i >= pos and starts_word(folded, i) and (match := CUE_FOLDED.match(folded, i, end)):
            yield match
            pos = match.end()


def _clause(text: str, sentence: tuple[int, int], pos: int) -> tuple[int, int]:
    """The clause of the sentence that holds offset `pos` (see CLAUSE)."""
    start, end = sentence
    for left, right in _clause_breaks(text, *sentence):
        if right <= pos:
            start = right
        elif left >= pos:
            end = left
            break
    return start, end


@lru_cache(maxsize=64)
def _clause_breaks(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Where a sentence breaks into clauses; cached, as every number of it asks."""
    return tuple(m.span() for m in CLAUSE.finditer(text, start, end))


def _comparison_zones(text: str, cues: list[tuple[int, int]],
                      clause: tuple[int, int]) -> list[tuple[int, int]]:
    """Comparison phrases in a clause: from a cue ('than', 'compared to') to the phrase end."""
    zones = []
    for start, end in cues:
        if clause[0] <= start and end <= clause[1]:
            stop = NP_STOP.search(text, end, clause[1])
            zones.append((start, stop.start() if stop else clause[1]))
    if CONTRAST_START.match(text, *clause):
        last_comma = text.rfind(",", clause[0], clause[1])
        zones.append((clause[0], last_comma if last_comma > 0 else clause[1]))
    return zones


@lru_cache(maxsize=1)
def _next_predicate() -> re.Pattern[str]:
    """'and achieves', 'while reducing': a new verb phrase, with numbers of its own."""
    return re.compile(rf"\b(?:and|while|but)\s+(?:also\s+|further\s+)?"
                      rf"(?:{lexicon()['result_verbs']})\b")


@lru_cache(maxsize=1)
def _verb_before() -> re.Pattern[str]:
    """A result verb right before a name ('raises RocksDB's throughput')."""
    return re.compile(rf"\b(?:{lexicon()['result_verbs']})\s+$")


@lru_cache(maxsize=1)
def _verb_after() -> re.Pattern[str]:
    """A result verb right after a name ('X achieves', "X's"), or after its apposition."""
    return re.compile(rf"(?:'s|(?:,\s(?:an?|the)\s[^,]{{1,40}},)?\s(?:\w+\s)?"
                      rf"(?:{lexicon()['result_verbs']})\b)")  # 'Bamboo, a ... approach, loses'


def _subject(text: str, cues: list[tuple[int, int]], q: Quantity, clause: tuple[int, int],
             names: list[Mention], proposed: str | None) -> str | None:
    """The last system/model before the number that acts as a subject, else the proposed one
    (but no one in a sentence reporting findings: 'We find that cold starts last 9-41 s'); a
    model as subject stands for the proposed system that runs it, if there is one."""
    zones = _comparison_zones(text, cues, clause)
    verbs = _verb_after()
    start = clause[0]
    for it in IT_SUBJECT.finditer(text, clause[0], q.start):  # '..., and it keeps p99 below'
        start = it.end()
    m = None
    for name in reversed([m for m in names if start <= m.start < q.start]):
        if name.type in ("SYSTEM", "MODEL") and not any(s <= name.start < e for s, e in zones) \
                and verbs.match(text, name.end, name.end + 60) \
                and not SETUP_BEFORE.search(text, max(clause[0], name.start - 20), name.start):
            if m is not None and not text.startswith("'s", name.end):
                m = name  # 'Fallow raises RocksDB's throughput': the possessive is the object's
                break
            if m is None:
                m = name
                if not (text.startswith("'s", m.end)
                        and _verb_before().search(text, start, m.start)):
                    break
    if m is None:
        return None if FINDING.match(text, clause[0]) else proposed
    if m.type == "MODEL" and proposed:
        return proposed  # 'ViT-B/16 still reaches 81.3% accuracy': a model the system runs
    # 'Sluice-backed Spark takes 9.6 minutes': the system it is built with
    return next((n.canonical for n in names if n.type == "SYSTEM" and n.end < m.start
                 and MODIFIED.fullmatch(text, n.end, m.start)), m.canonical)


def _baseline_zone(text: str, cues: list[tuple[int, int]], q: Quantity, clause: tuple[int, int],
                   sentence: tuple[int, int], results: list[Quantity],
                   ) -> tuple[int, int] | None:
    """Where the comparison phrase for `q` is: after it in its clause, else before it. An
    absolute number followed by a relative one ('5.6 tokens/s, 2.7x faster than X') leaves
    the comparison to the relative one, and so does a number whose verb is done before the
    next ('cuts stalls by 116x and reaches 28 GB/s, 10x more than X')."""
    if WITHIN_OF.match(text, q.end) and text.endswith("within ", 0, q.start):
        return q.end, clause[1]  # 'within 5% of Ansor's performance'
    first = next((o for o in results if o.group == q.group and o.start < q.start), None)
    if first:  # 'by between 4% and 19%': the range's second end compares like its first
        return _baseline_zone(text, cues, first, clause, sentence, results)
    before = [z for z in _comparison_zones(text, cues, (sentence[0], q.start)) if z[0] < q.start]
    if before and BY_GAP.fullmatch(text, before[-1][1], q.start) \
            and not TIGHT_BREAK.search(text, before[-1][0], before[-1][1]):
        return before[-1]  # 'relative to LRU by 4%' binds its number
    after = _comparison_zones(text, cues, (q.end, clause[1]))
    if after:
        between = [o for o in results if q.end <= o.start < after[0][0] and o.group != q.group]
        relative_between = q.unit not in RELATIVE and any(o.unit in RELATIVE for o in between)
        bound = text.startswith("than", after[0][0])  # '10x higher than X' binds its number
        new_verb = bound and any(_next_predicate().search(text, q.end, o.start) for o in between)
        return None if relative_between or new_verb else after[0]
    owner = [o for o in results  # the number the comparison before q belongs to
             if before and sentence[0] <= o.start and o.end <= before[-1][0]][-1:]
    if owner and owner[0].unit in RELATIVE and q.unit not in RELATIVE:
        return None  # '2.3x more than FaRM, with a latency of 18 us': the 2.3x compares
    if before and REACHING.search(text, before[-1][1], q.start):
        return None  # '15% higher than X, reaching an MFU of 57%': a figure of its own
    return before[-1] if before else None


def _elliptical(text: str, q: Quantity, sentence: tuple[int, int], names: list[Mention],
                cues: list[tuple[int, int]]) -> str | None:
    """'X outperforms A by 1.8x and B by 35%': the B of a comparison that repeats an earlier
    one in the sentence without its verb."""
    for m in names:
        if (m.type in ("SYSTEM", "MODEL") and BY_GAP.fullmatch(text, m.end, q.start)
                and AND_GAP.search(text, sentence[0], m.start)
                and any(sentence[0] <= start < m.start for start, _ in cues)):
            return m.canonical
    return None


def _baseline(text: str, zone: tuple[int, int], mentions: list[Mention]) -> str | None:
    """The first system/model in the comparison phrase, else the hardware there ('1.4x higher
    than on the L4'), else the phrase ('existing methods'); 'over NVLink' names a link, not a
    baseline."""
    inside = [m for m in mentions if zone[0] <= m.start < zone[1]]
    if inside and inside[0].type in ("SYSTEM", "MODEL"):
        first = inside[0]
        for m in inside[1:]:  # 'than vLLM PagedAttention': the last, most specific name
            if m.start != first.end + 1 or text[first.end] != " " or m.type != first.type:
                break
            first = m
        return first.canonical
    if inside and inside[0].type != "DATASET":
        if text.startswith("over", zone[0]) and inside[0].type in PATHS:
            return None
        entry = alias_index().get(inside[0].canonical.lower())
        if entry is None or entry.vendor:
            return inside[0].canonical  # a product: 'than on the L4'
        # a class of hardware: the phrase says more ('than CPU-only execution')
    phrase = CUE.sub("", text[zone[0]:zone[1]], count=1).strip()
    phrase = PHRASE_TAIL.sub("", LEADING_OF.sub("", phrase))
    phrase = TRAILING_CONJUNCTION.sub("", LEADING_ARTICLE.sub("", phrase))
    # not a number ('than 30TF'), a clause with numbers or commas of its own, a bare pronoun
    # or article, nor a bound ('above the 10^25 FLOP threshold')
    return phrase if phrase and not NUMBER_START.match(phrase) \
        and not CLAUSE_IN_PHRASE.search(phrase) and phrase.lower() not in VACUOUS_PHRASES \
        and not (text.startswith(("above", "below"), zone[0]) and BOUND_PHRASE.search(phrase)) \
        else None


def _metric_words(text: str, q: Quantity, sentence: tuple[int, int]) -> str:
    """What the number measures: 'reduces tail latency by 56%' -> 'tail latency', 'speedups
    of up to 3x' -> 'speedups', else the words after it ('2x higher throughput')."""
    if named := _measured_before(text[max(sentence[0], q.start - 90):q.start]):
        return named
    after = text[q.end:sentence[1]]
    stop = METRIC_STOP.search(after)
    words = after[:stop.start() if stop else len(after)].split()[:4]
    if words:
        return " ".join(words)
    before = PUNCTUATION.split(text[sentence[0]:q.start])[-1].split()[-5:]
    return " ".join(before).strip()


def _measured_before(head: str) -> str | None:
    """'<change verb> <what> by|from (up to) N' -> what; '<what> of (up to) N' -> what."""
    words = AMOUNT_TAIL.sub("", head).split()
    if len(words) >= 2 and words[-1] == "of" and words[-2].isalpha():
        return words[-2]
    if not words or words[-1] not in ("by", "from"):
        return None
    for i in range(len(words) - 2, max(len(words) - 11, 0), -1):
        if CHANGE_WORD.fullmatch(words[i]):
            what = " ".join(words[i + 2 if words[i + 1] == "up" else i + 1:-1])  # 'speeds up'
            if not what:  # 'write amplification falls from': the subject is what changed
                subject = words[max(0, i - 4):i]
                ends = [j for j, w in enumerate(subject) if w[-1] in ",;:)" or w in CONJUNCTIONS]
                what = LEADING_OF.sub("", " ".join(subject[ends[-1] + 1 if ends else 0:]))
            return LEADING_ARTICLE.sub("", what) or None
    return None


def _name_metrics(text: str, claims: list[dict]) -> None:
    """Each claim's metric words; the second end of a range ('from 9.4 to 1.6', 'from 9.4
    with X to 1.6') and a number whose own words say nothing ('by 1.2x on A100 and 1.4x on
    L40S') take those of the claim before it."""
    previous: dict | None = None
    for c in claims:
        c["metric"] = _metric_words(text, c["q"], c["sentence"])
        if previous and previous["sentence"] == c["sentence"] and (
                VACUOUS.search(METRIC_DIGITS.sub("", c["metric"]))
                or previous["q"].group == c["q"].group
                or change_apart(text, previous["q"], c["q"])):
            c["metric"] = previous["metric"]
        previous = c


def _units_named_before(claims: list[dict]) -> None:
    """'lowers LLC MPKI from 14.2 to 9.7': a bare number whose metric words hold a unit
    (not a plain word) is in that unit."""
    units = unit_table()["units"]
    for c in claims:
        if not c["q"].unit:
            unit = next((units[w.lower()] for w in c["metric"].split()
                         if w.isupper() and len(w) >= 3 and w.lower() in units), None)
            if unit:
                c["q"] = c["q"]._replace(unit=unit)


def _units_set_against(text: str, claims: list[dict]) -> None:
    """'2.31 tokens per joule, against 0.64 for the A100': a bare figure set against the
    result before it is in that result's unit."""
    for before, c in zip(claims, claims[1:], strict=False):
        if not c["q"].unit and before["q"].unit and before["sentence"] == c["sentence"] \
                and BARE_VERSUS_BEFORE.search(text, before["q"].end, c["q"].start):
            c["q"] = c["q"]._replace(unit=before["q"].unit)


def _hardware(text: str, q: Quantity, sentence: tuple[int, int],
              hardware: list[Mention]) -> str | None:
    """The hardware named right after the number ('1.4x on L40S'), else the first named
    (vendor) hardware of its sentence, else the first of any kind."""
    right_after = next((m for m in hardware if q.end <= m.start <= q.end + 24
                        and ON_HARDWARE.fullmatch(text, q.end, m.start)), None)
    if right_after:
        return right_after.canonical
    inside = [m for m in hardware if sentence[0] <= m.start < sentence[1]]
    index = alias_index()
    named = [m for m in inside if (index.get(m.canonical.lower()) is None
                                   or index[m.canonical.lower()].vendor)]
    pick = named or inside
    return pick[0].canonical if pick else None


def _groups(text: str, claims: list[tuple[Quantity, tuple[int, int]]]) -> list[list[int]]:
    """Runs of like claims written as a list in one clause: '1.75x, 2.61x and 1.03x'."""
    runs: list[list[int]] = []
    for i, (q, clause) in enumerate(claims):
        prev = claims[i - 1][0] if i else None
        if prev and claims[i - 1][1] == clause and prev.unit == q.unit \
                and LIST_GAP.fullmatch(text[prev.end:q.start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [r for r in runs if len(r) > 1]


def _pair_lists(text: str, claims: list[dict], groups: list[list[int]],
                names: list[Mention]) -> None:
    """k numbers compared with k (or more) names: pair them in order."""
    for run in groups:
        zone = claims[run[0]]["zone"]
        if zone is None:
            continue
        inside = _name_list(text, [m for m in names if m.type != "DATASET"], zone)
        if zone[1] <= claims[run[0]]["q"].start:
            start = zone[0]
            inside = [m.canonical for m in names if start <= m.start < claims[run[0]]["q"].start
                      and m.type in ("SYSTEM", "MODEL") and m.canonical != claims[run[0]]["system"]]
        if len(set(inside)) >= len(run):
            for i, name in zip(run, inside[-len(run):], strict=True):
                claims[i]["baseline"] = name


def _pair_subjects(text: str, claims: list[dict], groups: list[list[int]],
                   names: list[Mention]) -> None:
    """'SilkRoad and Cheetah break 0.41% and 0.12% of connections, respectively', 'Kokkos and
    RAJA versions are 12% and 17% slower, respectively, than CUDA': k numbers after a list of
    k subjects pair with them in order."""
    for run in groups:
        first, last = claims[run[0]], claims[run[-1]]
        if not RESPECTIVELY.match(text, last["q"].end, last["clause"][1]):
            continue
        before = [m for m in names if last["clause"][0] <= m.start < first["q"].start
                  and m.type in ("SYSTEM", "MODEL")]
        listed = before[-len(run):]
        if any(claims[i]["baseline"] in {m.canonical for m in listed} for i in run) \
                or any(m.type == "MODEL" for m in listed):
            continue  # names before compared numbers are their baselines; models are workloads
        if len(listed) == len(run) and SUBJECT_GAP.fullmatch(text, listed[-1].end,
                                                              first["q"].start) \
                and all(LIST_GAP.fullmatch(text, a.end, b.start)
                        for a, b in zip(listed, listed[1:], strict=False)) \
                and "and" in text[listed[-2].end:listed[-1].start]:  # 'A, B and C' ends a list
            for i, name in zip(run, listed, strict=True):
                claims[i]["system"] = name.canonical


def _name_list(text: str, names: list[Mention], zone: tuple[int, int]) -> list[str]:
    """The names in a comparison zone, and the names listed right after them
    ('over A, B and C, respectively' even where the zone ends at the first comma)."""
    listed = [m for m in names if zone[0] <= m.start < zone[1]]
    for m in names:
        if listed and m.start >= zone[1] and m.start > listed[-1].start \
                and LIST_GAP.fullmatch(text, listed[-1].end, m.start):
            listed.append(m)
    return [m.canonical for m in listed]


def _before_values(text: str, claims: list[dict], names: list[Mention]) -> None:
    """'cuts p99 from 120 ms to 45 ms relative to X': the 120 ms is X's own figure."""
    named = {m.canonical for m in names if m.type in ("SYSTEM", "MODEL")}
    for a, b in zip(claims, claims[1:], strict=False):
        if (a["q"].group == b["q"].group and a["baseline"] in named
                and text.endswith("from ", 0, a["q"].start)):
            a["system"], a["baseline"] = a["baseline"], None


def _from_figures(text: str, claims: list[dict], names: list[Mention]) -> None:
    """'from 1,840 ms with Flink to 96 ms': the 1,840 ms is Flink's own figure, and Flink
    the baseline of the 96 ms."""
    for a, b in zip(claims, claims[1:], strict=False):
        if a["sentence"] != b["sentence"] or not change_apart(text, a["q"], b["q"]):
            continue
        name = next((m.canonical for m in names if a["q"].end < m.start < b["q"].start
                     and m.type in ("SYSTEM", "MODEL")), None)
        if name:
            if b["system"] == name:
                b["system"] = a["system"]
            a["system"], a["baseline"] = name, None
            b["baseline"] = b["baseline"] or name


def _changes(text: str, claims: list[dict], names: list[Mention]) -> None:
    """'cuts p99 latency from 41 ms to 17 ms (vs. FBGEMM)': the first figure is the state
    before, the named baseline's own (or no one's), not the system's. A change repeated in
    the sentence ('from 6.5 hours with Ansor to 22 minutes, and for ResNet-50 from 4.1 hours
    to 17 minutes') keeps the named baseline of the one before."""
    named = {m.canonical for m in names}
    before: str | None = None  # the named baseline of the sentence's last change
    for i, (a, b) in enumerate(zip(claims, claims[1:], strict=False)):
        if i and a["sentence"] != claims[i - 1]["sentence"]:
            before = None
        if a["sentence"] != b["sentence"] or not text.endswith("from ", 0, a["q"].start) \
                or not (a["q"].group == b["q"].group or change_apart(text, a["q"], b["q"])) \
                or not (before or CHANGE_BEFORE.search(
                    text, max(a["sentence"][0], a["q"].start - 60), a["q"].start)):
            continue
        if a["system"] == b["system"]:  # not yet told apart ('from 1,840 ms with Flink' is)
            if b["baseline"] is None and before:
                b["baseline"] = before
            a["system"] = b["baseline"] if b["baseline"] in named else None
            a["baseline"] = None
        before = b["baseline"] if b["baseline"] in named else before


def _carried_baselines(text: str, claims: list[dict], names: list[Mention]) -> None:
    """'raises utilization from 54% with the PyTorch DataLoader to 93% and shortens
    time-to-accuracy by 1.7x': a relative figure (a multiple, or a change 'by' a share; not
    a share 'of' something) with no comparison of its own keeps the named baseline of the
    system's figure before it in the sentence."""
    named = {m.canonical for m in names}
    for before, c in zip(claims, claims[1:], strict=False):
        if c["baseline"] is None and c["system"] and _relative(text, c["q"]) \
                and before["sentence"] == c["sentence"] and before["system"] == c["system"] \
                and before["baseline"] in named and before["baseline"] != c["system"]:
            c["baseline"] = before["baseline"]


def _relative(text: str, q: Quantity) -> bool:
    """A multiple, or a change 'by' a share ('by 35%'; not '12% of an all-DRAM setup')."""
    if q.unit == "x":
        return True
    return q.unit == "%" and BY_BEFORE.search(text, max(0, q.start - 20), q.start) is not None \
        and not OF_AFTER.match(text, q.end)


def _parenthesised_owners(text: str, claims: list[dict], names: list[Mention]) -> None:
    """'lowers write amplification to 1.9 (ZenFS: 3.4)': 3.4 is ZenFS's own figure (no one's,
    if the owner is no name: '(FP16: 5.47)'), in the unit of the result it stands beside
    ('4.6 tokens (EAGLE-2: 4.1)'); so is an absolute figure alone in parentheses right after a
    name ('2.1x faster than ServerlessLLM (21 s)'; not 'over SGLang (1.6x)') or after its
    possessive ("instead of DiskANN's 31 hours")."""
    for c in claims:
        if c["q"].unit != "x" and (named := next(
                (m for m in names if m.type in ("SYSTEM", "MODEL")
                 and (text[m.end:c["q"].start] in (" (", "(") and text.startswith(")", c["q"].end)
                      or text[m.end:c["q"].start] in ("'s ", "’s "))), None)):
            c["system"], c["baseline"] = named.canonical, None  # '(21 s)', "DiskANN's 31 hours"
        elif owner := PAREN_OWNER.search(text, max(c["sentence"][0], c["q"].start - 40),
                                         c["q"].start):
            c["system"] = next((m.canonical for m in names if m.start == owner.start("owner")
                                and m.type in ("SYSTEM", "MODEL")), None)
            c["baseline"] = None
            beside = [o["q"] for o in claims if o["q"].end <= owner.start()]
            if not c["q"].unit and beside and not text[beside[-1].end:owner.start()].strip():
                c["q"] = c["q"]._replace(unit=beside[-1].unit)


def _figures_for(text: str, claims: list[dict], names: list[Mention]) -> None:
    """'6.8 ms, compared with 9.5 ms for ONNX Runtime': 9.5 ms is ONNX Runtime's figure and
    the baseline of the figure it is compared with; 'and 38.5% for Y' continues the list."""
    listed = None  # the end of the last owner's name
    for i, c in enumerate(claims):
        if not (COMPARED_BEFORE.search(text, c["sentence"][0], c["q"].start)
                or listed and LIST_AND.fullmatch(text, listed, c["q"].start)):
            continue
        gap = FOR_GAP.match(text, c["q"].end)
        owner = gap and next((m for m in names if m.type in ("SYSTEM", "MODEL")
                              and FOR_OWNER.fullmatch(text, gap.end(), m.start)), None)
        if not owner:
            continue
        listed = owner.end
        c["system"], c["baseline"], c["figure_for"] = owner.canonical, None, True
        before = [o for o in claims[:i] if o["sentence"] == c["sentence"]
                  and not o.get("figure_for")]
        if not c["q"].unit and before:  # '23.5 FPS (vs. 14.1 for X)': in the unit it is set against
            c["q"] = c["q"]._replace(unit=before[-1]["q"].unit)
        earlier = [o for o in before if o["q"].unit == c["q"].unit and o["baseline"] is None]
        if earlier:
            earlier[-1]["baseline"] = owner.canonical


def _without_title_repeats(claims: list[dict], title_end: int) -> list[dict]:
    """A headline number the abstract states again is one claim (the abstract's, which
    says more about it)."""
    later = {(c["q"].value, c["q"].unit) for c in claims if c["q"].start > title_end}
    return [c for c in claims
            if c["q"].start > title_end or (c["q"].value, c["q"].unit) not in later]


def _contrast(text: str, claims: list[dict]) -> None:
    """'A achieves 156 TFLOPS while B only achieves 45 TFLOPS': B is A's baseline (not when A's
    figure is a change or a gap of its own: 'A's throughput falls by 12%, whereas B loses 7%',
    'within 4% of X, whereas B loses 19%')."""
    for a, b in zip(claims, claims[1:], strict=False):
        if (a["sentence"] == b["sentence"] and a["clause"] != b["clause"] and a["baseline"] is None
                and a["q"].unit == b["q"].unit and b["system"] and b["system"] != a["system"]
                and not _relative(text, a["q"]) and not text.endswith("within ", 0, a["q"].start)):
            a["baseline"] = b["system"]


def find_claims(data: dict) -> list[Claim]:
    """Every result claim of a doc (its spans.doc_data) whose names and hardware were
    already found."""
    text, sentences = data["text"], sentence_spans(data)
    mentions = mentions_of(data)
    if designs := set(data["designs"]):  # processor designs the name finder found: like systems
        mentions = [m._replace(type="SYSTEM") if m.canonical in designs and m.type == "ACCELERATOR"
                    else m for m in mentions]
    names = [m for m in mentions if m.type in ("SYSTEM", "MODEL", "DATASET")]
    hardware = [m for m in mentions if m.type not in ("SYSTEM", "MODEL", "DATASET")]
    if not mentions and not is_computing(text):
        return []
    folded = fold_case(text)
    proposed = _proposed(text, names)
    foreground = _foreground_start(folded, sentences, [m for m in names if m.canonical == proposed])
    title_end = data["title_end"]  # a title's numbers are its headline results
    quantities = find_quantities(text, 0 if foreground > title_end
                                 and DIGIT.search(text, 0, title_end) else foreground)
    if foreground > title_end:
        quantities = [q for q in quantities if q.start < title_end or q.start >= foreground]
    results = [(q, sentence) for q in quantities
               if is_result(q, quantities, text, sentence := sentence_at(sentences, q.start),
                            mentions)]
    numbers = [q for q, _ in results]
    cues = sorted([m.span() for sentence in dict.fromkeys(s for _, s in results)
                   for m in _comparison_cues(folded, sentence)]
                  + [(m.start(1), m.end()) for q in numbers
                     if (m := TIMES_THE_OF.match(folded, q.end) if q.unit == "x"
                         else SHARE_OF.match(folded, q.end) if q.unit == "%" else None)])
    claims = []
    for q, sentence in results:
        clause = _clause(text, sentence, q.start)
        claims.append({"q": q, "sentence": sentence, "clause": clause,
                       "system": _subject(text, cues, q, clause, names, proposed),
                       "zone": _baseline_zone(text, cues, q, clause, sentence, numbers)})
    for c in claims:
        c["baseline"] = (_elliptical(text, c["q"], c["sentence"], names, cues)
                         or (_baseline(text, c["zone"], mentions) if c["zone"] else None))
    groups = _groups(text, [(c["q"], c["clause"]) for c in claims])
    _pair_lists(text, claims, groups, names)
    _pair_subjects(text, claims, groups, names)
    _contrast(text, claims)
    _before_values(text, claims, names)
    _from_figures(text, claims, names)
    _changes(text, claims, names)
    _figures_for(text, claims, names)
    _carried_baselines(text, claims, names)
    _parenthesised_owners(text, claims, names)
    claims = _without_title_repeats(claims, title_end)
    _name_metrics(text, claims)
    _units_named_before(claims)
    _units_set_against(text, claims)
    return [Claim(c["q"].text, c["q"].value, c["q"].unit, c["metric"], c["system"], c["baseline"],
                  _hardware(text, c["q"], c["sentence"], hardware), c["q"].start, c["q"].end,
                  c["sentence"]) for c in claims]


class MetricFinder:
    """Marks result numbers in doc.spans["metrics"] and their claims in doc.user_data["kgraph"]."""

    def __init__(self) -> None:
        # Compile the patterns with the pipeline, not on the first document.
        for compile_ in (compile_cues, quantity_pattern, _next_predicate, _verb_after, _verb_before,
                         alias_index):
            compile_()

    def __call__(self, doc: Doc) -> Doc:
        data = doc_data(doc)
        claims = find_claims(data)
        set_claims(data, claims)
        doc.spans["metrics"] = [span for c in claims if (span := doc.char_span(
            c.start, c.end, label=c.unit or "count", alignment_mode="expand")) is not None]
        return doc


@Language.factory("kgraph_metrics")
def make_metric_finder(nlp: Language, name: str) -> MetricFinder:
    """spaCy factory: `nlp.add_pipe("kgraph_metrics")`."""
    return MetricFinder()
