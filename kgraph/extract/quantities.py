"""The grammar of numbers with units: "1.97x", "$19.3\\times$", "2-4 OOM", "$100K+", "2e29 FLOP",
ranges.

`find_quantities(text)` returns every quantity with exact character offsets;
deciding which ones are *results* is the metric finder's job.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from kgraph.extract.lexicon import trie_alternation
from kgraph.extract.spans import find_all, fold_case

PATTERNS = Path(__file__).resolve().parent / "patterns"
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"(?:\s?(?:thousand|million|billion|trillion)\b|[kKMBT](?![A-Za-z]))\+?"
LATEX_EMPHASIS = r"(?<=\\textbf\{)|(?<=\\emph\{)|(?<=\\textit\{)"  # '\textbf{11--17\%}'
# Scientific notation: '$2.1 \times 10^{25}$', '3 x 10^6'.
EXPONENT = r"\s*(?:\\times|×|x)\s*10\^\{{?(?P<exp{i}>[-−]?\d+)\}}?"
LATEX_TIMES = r"\\\(\\times\\\)|\\times"
ORDERS = r"orders? of magnitude|OOM"
ORDERS_RE = re.compile(ORDERS, re.I)
COMPARATIVE = (r"(?:faster|slower|higher|lower|more|less|better|worse|fewer|smaller|larger|"
               r"greater|cheaper|improvements?|reductions?|speedups?|speed-ups?|gains?|boost)")
SPELLED = re.compile(rf"\b(?P<word>an?|one|two|three|four|five|six|seven|eight|nine|ten|twice)"
                     rf"(?:\s+(?P<what>{ORDERS}|times)|-?(?P<fold>fold)\b)?"
                     rf"(?:(?=\s+(?:{COMPARATIVE}|as\b|the\s+[a-z-]+\s+of\b))|(?<=fold)|"
                     rf"(?<=\bmagnitude)(?!\s+(?:of|more|larger)\b))",
                     re.I)  # 'an order of magnitude faster', 'twice the speed of', 'drops by ...'

RATE = r"(?:[A-Za-z][\w-]*\s)?[A-Za-z]+(?:/s(?:ec)?\b|\s+per\s+second\b)"  # '41 events/s'
RATE_RE = re.compile(r"(?:.*\s)?(?P<what>[a-z]+)(?:/s|/sec|\s+per\s+second)")
# Energy per item: '0.42 J per output token' -> J/token.
ENERGY_PER = (r"(?:mJ|kJ|J|kWh|Wh)(?:\s*/\s*|\s+per\s+)(?:output\s+|generated\s+|input\s+)?"
              r"(?:token|query|request|inference|image|sample|prompt)s?\b")
ENERGY_PER_RE = re.compile(r"(?P<energy>mj|kj|j|kwh|wh)(?:\s*/\s*|\s+per\s+)(?:\w+\s+)?"
                           r"(?P<item>[a-z]+?)s?")  # on the lower-cased unit

BITS_PER_SECOND = re.compile(r"[KMGT]b/s")
SPELLED_ANCHORS = ("magnitude", "oom", "times", "twice", "fold")  # in every useful SPELLED match


class Quantity(NamedTuple):
    """A number with its unit; `group` links the two ends of a range."""

    text: str
    start: int
    end: int
    value: float
    unit: str
    group: int = 0


@lru_cache(maxsize=1)
def unit_table() -> dict:
    return json.loads((PATTERNS / "units.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def quantity_pattern() -> re.Pattern[str]:
    """One regex for a quantity, optionally a range 'A-B unit' / 'from A to B unit'."""
    spelled = trie_alternation(u for u in unit_table()["units"] if u not in ("$", "\\times"))
    unit = rf"(?:{LATEX_TIMES}|-fold\b|{ORDERS}|{ENERGY_PER}|(?:{spelled})(?![A-Za-z0-9])|{RATE})"

    def core(i: int) -> str:
        return (rf"(?P<cur{i}>\$)?(?P<num{i}>{NUMBER})(?![\d^])"
                rf"(?:{EXPONENT.format(i=i)}|[eE](?P<sci{i}>[-−]?\d{{1,3}})(?!\w))?"
                rf"(?P<scale{i}>{SCALE})?\$?(?:\s?(?P<unit{i}>{unit}))?\$?")

    # The leading lookahead only restates how a quantity starts; it lets the regex engine
    # skip ahead to the next digit, '+' or '$' (2x faster).
    return re.compile(
        rf"(?=[+$0-9])(?:(?<![\w.^{{}}/\\-])|{LATEX_EMPHASIS})(?P<sign>\+)?{core(1)}"
        rf"(?:\s*(?:-|–|—|--|to|and)\s*(?:more than |over |up to |almost |nearly )?{core(2)})?",
        re.I)


def _unit(raw: str | None) -> str:
    """The canonical unit of a unit as written ('' when none).

    Examples:
        >>> _unit("GB/s"), _unit("Gb/s"), _unit("times")
        ('GB/s', 'Gbps', 'x')
    """
    if not raw:
        return ""
    if BITS_PER_SECOND.fullmatch(raw):
        return f"{raw[0]}bps"  # gigabits, not the gigabytes of 'GB/s'
    raw = " ".join(raw.lower().split())
    if ORDERS_RE.fullmatch(raw):
        return "OOM"
    if raw in ("-fold", "\\(\\times\\)") or raw.startswith("\\times"):
        return "x"
    if raw in unit_table()["units"]:
        return unit_table()["units"][raw]
    if energy := ENERGY_PER_RE.fullmatch(raw):
        return f"{unit_table()['units'][energy['energy']]}/{energy['item']}"
    rate = RATE_RE.fullmatch(raw)
    return f"{rate['what']}/s" if rate else raw


def _value(number: str, scale: str | None) -> float:
    value = float(number.replace(",", ""))
    word = (scale or "").strip().rstrip("+").lower()
    return value * unit_table()["multipliers"].get(word, 1.0)


def _latex(match: re.Match[str], i: int) -> bool:
    """`$7$`-style math: a `$` right after the number means it was not a dollar sign."""
    after = match.end(f"scale{i}") if match[f"scale{i}"] else match.end(f"num{i}")
    return match.string[after:after + 1] == "$"


def _one(match: re.Match[str], i: int, inherited: str, group: int) -> Quantity:
    text = match.string
    unit = _unit(match[f"unit{i}"]) or inherited
    if not unit and text.endswith(" a factor of ", 0, match.start("num1")):
        unit = "x"  # 'by a factor of 1.5'

    start, end = match.start(f"num{i}"), match.end()
    if i == 1 and match["num2"]:
        end = match.end(f"unit{i}") if match[f"unit{i}"] else match.end(f"scale{i}") \
            if match[f"scale{i}"] else match.end(f"num{i}")
    if match[f"cur{i}"]:
        start = match.start(f"cur{i}")
        if not unit and not _latex(match, i) and not match[f"exp{i}"]:
            unit = "USD"
    value = _value(match[f"num{i}"], match[f"scale{i}"])
    if exponent := match[f"exp{i}"] or match[f"sci{i}"]:
        value = float(f"{value}e{int(exponent.replace('−', '-'))}")
    if unit == "OOM":
        value, unit = 10 ** value, "x"
    return Quantity(text[start:end], start, end, value, unit, group)


def find_quantities(text: str, start: int = 0) -> list[Quantity]:
    """Every number in `text` from `start` on, with unit ('' when bare) and value (scale words
    folded in).

    Examples:
        >>> [(q.value, q.unit) for q in find_quantities("2.1–3.4x and $1.2M, 2-4 OOM")]
        [(2.1, 'x'), (3.4, 'x'), (1200000.0, 'USD'), (100.0, 'x'), (10000.0, 'x')]
    """
    found: list[Quantity] = []
    for group, match in enumerate(quantity_pattern().finditer(text, start), 1):
        second = _one(match, 2, "", group) if match["num2"] else None
        found.append(_one(match, 1, _unit(match["unit2"]), group))
        if second:
            found.append(second)
    found.extend(_spelled(text, len(found) + 1, start))
    return sorted(found, key=lambda q: q.start)


def _spelled_matches(text: str, start: int) -> list[re.Match[str]]:
    """SPELLED matches, searched only near the words every useful one contains."""
    found: dict[int, re.Match[str]] = {}
    for anchor in find_all(fold_case(text)[start:], SPELLED_ANCHORS):
        window = (max(start, start + anchor - 40), min(len(text), start + anchor + 49))
        found.update((m.start(), m) for m in SPELLED.finditer(text, *window))
    return [found[offset] for offset in sorted(found)]


def _spelled(text: str, group: int, start: int) -> list[Quantity]:
    """'an order of magnitude faster' -> 10 x; 'two times higher' -> 2 x; 'twice as fast'."""
    out: list[Quantity] = []
    for match in _spelled_matches(text, start):
        word, what = match["word"].lower(), (match["what"] or "").lower()
        number = unit_table()["spelled"][word]
        if word == "twice" and not what:
            out.append(Quantity(match[0], match.start(), match.end(), 2.0, "x", group))
        elif what.startswith("order"):
            out.append(Quantity(match[0], match.start(), match.end(), 10.0 ** number, "x", group))
        elif (what == "times" or match["fold"]) and word not in ("a", "an"):
            out.append(Quantity(match[0], match.start(), match.end(), float(number), "x", group))
        group += 1
    return out
