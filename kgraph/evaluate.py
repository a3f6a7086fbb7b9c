"""Scoring predictions against gold annotations, by the rules of ANNOTATION.md.

Entities match on type family (all hardware classes together) and on surface
text or an alias after folding case, white space, hyphens, a leading vendor
name and a generic class's plural. Metrics match on value (0.1 % relative) and
normalised unit, then are checked for system and baseline attachment.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from kgraph.errors import InputError
from kgraph.model import Paper

HARDWARE = {"GPU", "CPU", "STORAGE", "MEMORY", "ACCELERATOR", "INTERCONNECT"}
GENERIC = {"gpu", "cpu", "ssd", "tpu", "npu", "fpga", "nic", "nvme", "accelerator"}
VENDORS = ("nvidia", "intel", "amd", "google", "apple", "arm", "samsung")
UNITS = {
    "×": "x", "times": "x", "fold": "x", "-fold": "x", "percent": "%",
    "percentage points": "points", "pp": "points", "point": "points",
    "tflop/s": "tflops", "pflop/s": "pflops", "gflop/s": "gflops",
    "$": "usd", "us$": "usd", "dollars": "usd",
    "hours": "h", "hour": "h", "hrs": "h", "minutes": "min", "mins": "min",
    "seconds": "s", "sec": "s", "milliseconds": "ms", "microseconds": "us", "µs": "us",
    "token/s": "tokens/s", "tokens per second": "tokens/s", "tok/s": "tokens/s",
    "gpu hour": "gpu hours", "gpu-hours": "gpu hours", "parameter": "parameters",
    "params": "parameters",
}
ORDERS_OF_MAGNITUDE = {"ordersofmagnitude", "orderofmagnitude", "oom"}
SCALE_WORDS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6,
               "b": 1e9, "billion": 1e9, "t": 1e12, "trillion": 1e12}
ROWS = ("ALL", "SYSTEM", "MODEL", "DATASET", "HARDWARE", "HW-named", "HW-generic")


def fold_name(text: str) -> str:
    """Surface form used for entity matching.

    Examples:
        >>> fold_name("NVIDIA V100"), fold_name("GPUs"), fold_name("Intel CPU")
        ('v100', 'gpu', 'intel cpu')
    """
    s = re.sub(r"[\s\-_/]+", " ", (text or "").lower().strip()).strip(" .,;:()[]'\"")
    for vendor in VENDORS:
        rest = s[len(vendor) + 1:]
        if s.startswith(vendor + " ") and rest.rstrip("s") not in GENERIC:
            s = rest
    if re.fullmatch(r"[a-z0-9 ]*(gpu|cpu|ssd|tpu|npu|fpga|nic)s", s):
        s = s[:-1]
    return s.strip()


def fold_unit(unit: str | None) -> tuple[float, str]:
    """(multiplier, unit) so that equivalent spellings compare equal."""
    u = re.sub(r"\s+", " ", (unit or "").lower().strip())
    head, _, rest = u.partition(" ")
    scale = 1.0
    if rest and head in SCALE_WORDS:
        scale, u = SCALE_WORDS[head], rest
    return scale, UNITS.get(u, u).replace(" ", "")


def same_quantity(value: object, unit: str | None,
                  gold_value: object, gold_unit: str | None) -> bool:
    """Same number (0.1 % relative tolerance) in the same unit."""
    try:
        a, b = float(value), float(gold_value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    (sa, ua), (sb, ub) = fold_unit(unit), fold_unit(gold_unit)
    if ua in ORDERS_OF_MAGNITUDE:
        a, ua = 10**a, "x"
    if ub in ORDERS_OF_MAGNITUDE:
        b, ub = 10**b, "x"
    a, b = a * sa, b * sb
    return ua == ub and (a == b or abs(a - b) <= 1e-3 * abs(b))


def _family(type_: str) -> str:
    return "HARDWARE" if type_ in HARDWARE else type_


@dataclass
class Scores:
    """Counts behind the scores: entity rows, metric counts, attachments, misses."""

    entities: dict[str, list[int]] = field(default_factory=dict)
    metrics: list[int] = field(default_factory=lambda: [0, 0, 0])
    attach: dict[str, list[int]] = field(default_factory=lambda: {"system": [0, 0],
                                                                  "baseline": [0, 0]})
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)

    def count(self, row: str, slot: int) -> None:
        self.entities.setdefault(row, [0, 0, 0])[slot] += 1

    def f1(self, row: str) -> float:
        tp, fp, fn = self.metrics if row == "METRIC" else self.entities.get(row, [0, 0, 0])
        return prf(tp, fp, fn)[2]

    def attachment(self, key: str) -> float:
        right, total = self.attach[key]
        return right / total if total else 0.0


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: dict[str, dict], pred: dict[str, dict]) -> Scores:
    """Micro-averaged scores of `pred` records against `gold` records, both keyed by id."""
    scores = Scores()
    for rid, g in gold.items():
        p = pred.get(rid, {})
        _score_entities(rid, g.get("entities", []), p.get("entities") or [], scores)
        _score_metrics(rid, g.get("metrics", []), p.get("metrics") or [], scores)
    return scores


def _forms(entity: dict, *keys: str) -> frozenset[str]:
    found = {fold_name(entity.get("text", ""))} | {fold_name(a) for a in entity.get("aliases", [])}
    return frozenset(found | {fold_name(entity[k]) for k in keys if entity.get(k)})


def _score_entities(rid: str, gold: list[dict], pred: list[dict], scores: Scores) -> None:
    predicted: dict[tuple[str, frozenset[str]], dict] = {}
    for e in pred:
        forms = frozenset({fold_name(e.get("text", ""))} | ({fold_name(e["canonical"])}
                                                             if e.get("canonical") else set()))
        predicted.setdefault((str(e.get("type", "")).upper(), forms), e)
    used: set[tuple[str, frozenset[str]]] = set()
    for e in gold:
        forms = _forms(e, "canonical")
        hit = next((k for k in predicted if k not in used and _family(k[0]) == _family(e["type"])
                    and forms & k[1]), None)
        slot = 0 if hit else 2
        for row in (_family(e["type"]), "ALL"):
            scores.count(row, slot)
        if e["type"] in HARDWARE:
            kind = "HW-generic" if fold_name(e["text"]) in GENERIC else "HW-named"
            scores.count(kind, slot)
        if hit:
            used.add(hit)
        else:
            scores.misses.append((rid, "FN", e["type"], e["text"]))
    for key, e in predicted.items():
        if key not in used:
            for row in (_family(key[0]), "ALL"):
                scores.count(row, 1)
            scores.misses.append((rid, "FP", key[0], e.get("text", "")))


def _attached(pred: str | None, gold: str) -> bool:
    a, b = fold_name(pred or ""), fold_name(gold)
    return bool(a) and (a == b or b in a or a in b)


def _score_metrics(rid: str, gold: list[dict], pred: list[dict], scores: Scores) -> None:
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, m in enumerate(pred) if i not in used and same_quantity(
            m.get("value"), m.get("unit"), g["value"], g.get("unit"))), None)
        if hit is None:
            scores.metrics[2] += 1
            scores.misses.append((rid, "FN", "METRIC", f'{g.get("text")} [{g.get("unit")}]'))
            continue
        used.add(hit)
        scores.metrics[0] += 1
        for key in ("system", "baseline"):
            if g.get(key):
                scores.attach[key][1] += 1
                scores.attach[key][0] += _attached(pred[hit].get(key), g[key])
    for i, m in enumerate(pred):
        if i not in used:
            scores.metrics[1] += 1
            scores.misses.append((rid, "FP", "METRIC", f'{m.get("text")} [{m.get("unit")}]'))


def read_jsonl(path: Path) -> dict[str, dict]:
    """Records of a JSONL file keyed by id; bad lines are InputErrors."""
    records = {}
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                try:
                    record = json.loads(line)
                    records[str(record["id"])] = record
                except (json.JSONDecodeError, KeyError, TypeError) as error:
                    raise InputError(str(path), number, f"bad gold record ({error})") from None
    return records


def evaluate_file(gold_path: Path) -> Scores:
    """Run extraction on the gold records' titles and abstracts and score it."""
    from kgraph.extract import build_nlp, extract_papers, to_record

    if not gold_path.is_file():
        raise InputError(str(gold_path), None, "no such file")
    gold = read_jsonl(gold_path)
    papers = (Paper(id=rid, title=r["title"], abstract=r["abstract"]) for rid, r in gold.items())
    pred = {ex.paper.id: to_record(ex) for ex in extract_papers(papers, build_nlp())}
    return score(gold, pred)
