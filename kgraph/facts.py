"""The store read into Python facts: papers, named things, mentions and claims.

`load_facts` runs a few SPARQL queries over the union of all graphs and returns
plain dataclasses, sorted so every projection built on them is reproducible.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pyoxigraph import QuerySolutions

from kgraph.store import KGStore

PREFIXES = """
PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
KG = "https://w3id.org/kgraph/ontology#"
HARDWARE_CLASSES = ("GPU", "CPU", "Storage", "Memory", "Accelerator", "Interconnect")
KIND_OF_CLASS = {"System": "system", "Model": "model", "Dataset": "dataset",
                 "Baseline": "baseline", "Hardware": "hardware",
                 **{c: "hardware" for c in HARDWARE_CLASSES}}
LINKED = "kg:mentions|kg:aboutSystem|kg:comparedTo|kg:measuredOn"
THINGS = PREFIXES + f"""
SELECT DISTINCT ?thing ?class ?label ?vendor WHERE {{
  VALUES ?class {{ {" ".join("kg:" + c for c in KIND_OF_CLASS)} }}
  ?thing a ?class ; skos:prefLabel ?label .
  FILTER EXISTS {{ ?x {LINKED} ?thing }}
  OPTIONAL {{ ?thing kg:vendor ?vendor }}
}}"""
ALIASES = PREFIXES + f"""
SELECT DISTINCT ?thing ?alias WHERE {{
  ?thing skos:altLabel ?alias . FILTER EXISTS {{ ?x {LINKED} ?thing }}
}}"""
PAPERS = PREFIXES + """
SELECT DISTINCT ?paper ?title WHERE { ?paper a kg:Paper ; dcterms:title ?title }"""
MENTIONS = PREFIXES + """
SELECT ?paper ?thing (MIN(?text) AS ?sentence) WHERE {
  ?paper kg:mentions ?thing .
  OPTIONAL { ?m kg:refersTo ?thing ; kg:inSentence ?s . ?s dcterms:isPartOf ?paper ; kg:text ?text }
} GROUP BY ?paper ?thing"""
CLAIMS = PREFIXES + """
SELECT DISTINCT ?claim ?text ?value ?unit ?metric ?paper ?sentence ?system ?baseline ?hardware
WHERE {
  ?claim a kg:Claim ; kg:text ?text ; kg:value ?value ; kg:unit ?unit ; kg:metric ?metric ;
         prov:wasDerivedFrom ?paper .
  ?paper a kg:Paper .
  OPTIONAL { ?claim kg:inSentence/kg:text ?sentence }
  OPTIONAL { ?claim kg:aboutSystem ?system }
  OPTIONAL { ?claim kg:comparedTo ?baseline }
  OPTIONAL { ?claim kg:measuredOn ?hardware }
}"""


@dataclass(frozen=True)
class Thing:
    """A named system, model, data set, baseline or piece of hardware."""

    iri: str
    label: str
    kind: str
    hw_class: str = ""
    vendor: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClaimFact:
    """A result claim with its paper, sentence and the IRIs of what it is about."""

    iri: str
    text: str
    value: float
    unit: str
    metric: str
    paper: str
    sentence: str = ""
    system: str | None = None
    baseline: str | None = None
    hardware: str | None = None


@dataclass
class Facts:
    """Everything the projections need, read once from the store."""

    things: dict[str, Thing] = field(default_factory=dict)
    papers: dict[str, str] = field(default_factory=dict)
    mentions: list[tuple[str, str, str]] = field(default_factory=list)
    claims: list[ClaimFact] = field(default_factory=list)

    def label(self, iri: str | None) -> str:
        """Display name of a thing or paper IRI ('' for None)."""
        if iri is None:
            return ""
        thing = self.things.get(iri)
        return thing.label if thing else self.papers.get(iri, iri)


def _rows(store: KGStore, sparql: str) -> list[dict[str, str]]:
    result = store.oxigraph.query(sparql, use_default_graph_as_union=True)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    rows = [{n: sol[n].value for n in names if sol[n] is not None} for sol in result]
    return sorted(rows, key=lambda r: sorted(r.items()))


def load_facts(store: KGStore) -> Facts:
    """Read papers, things, mentions and claims from the store (sorted, so reproducible)."""
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in _rows(store, ALIASES):
        aliases[row["thing"]].append(row["alias"])
    facts = Facts(papers={r["paper"]: r["title"] for r in reversed(_rows(store, PAPERS))})
    for row in _rows(store, THINGS):
        cls = row["class"].removeprefix(KG)
        known = facts.things.get(row["thing"])
        if known and (known.hw_class or cls == "Hardware"):
            continue
        facts.things[row["thing"]] = Thing(
            row["thing"], row["label"], KIND_OF_CLASS[cls], cls if cls in HARDWARE_CLASSES else "",
            row.get("vendor", ""), tuple(aliases[row["thing"]]))
    facts.mentions = [(r["paper"], r["thing"], r.get("sentence", ""))
                      for r in _rows(store, MENTIONS) if r["thing"] in facts.things]
    facts.claims = [_claim(r, facts.things) for r in _rows(store, CLAIMS)]
    return facts


def _claim(row: dict[str, str], things: dict[str, Thing]) -> ClaimFact:
    known = {k: row[k] if row.get(k) in things else None
             for k in ("system", "baseline", "hardware")}
    return ClaimFact(row["claim"], row["text"], float(row["value"]), row["unit"], row["metric"],
                     row["paper"], row.get("sentence", ""), **known)


def claim_line(facts: Facts, claim: ClaimFact) -> str:
    """One-line text of a claim: '2.5x throughput vs vLLM on NVIDIA A100'."""
    parts = [f"{claim.text} {claim.metric}"]
    if claim.baseline:
        parts.append(f"vs {facts.label(claim.baseline)}")
    if claim.hardware:
        parts.append(f"on {facts.label(claim.hardware)}")
    return " ".join(parts)
