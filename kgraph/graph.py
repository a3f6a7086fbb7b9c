"""Extractions -> RDF quads. The one place that mints IRIs.

Layout of the dataset:

* one named graph per source file holds its papers, sentences, mentions and claims;
* `ENTITIES` holds the shared description (type, labels) of every named thing;
* `CATALOGUE` holds the hardware catalogue, `ONTOLOGY` the ontology itself.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS, XSD, Namespace

from kgraph.model import Claim, Extraction, Mention, Paper
from kgraph.namespace import KG

BASE = "https://w3id.org/kgraph/id/"
ENTITIES = NamedNode(BASE + "graph/entities")
CATALOGUE = NamedNode(BASE + "graph/catalogue")
ONTOLOGY = NamedNode(BASE + "graph/ontology")

TYPE_CLASS = {
    "SYSTEM": KG.System, "MODEL": KG.Model, "DATASET": KG.Dataset,
    "GPU": KG.GPU, "CPU": KG.CPU, "STORAGE": KG.Storage, "MEMORY": KG.Memory,
    "ACCELERATOR": KG.Accelerator, "INTERCONNECT": KG.Interconnect,
}
TYPE_KIND = {"SYSTEM": "system", "MODEL": "model", "DATASET": "dataset"}


def _ox(namespace: Namespace, *names: str) -> SimpleNamespace:
    """pyoxigraph nodes for terms of an rdflib namespace, made once rather than per quad."""
    return SimpleNamespace(**{name: NamedNode(str(namespace[name])) for name in names})


O_DCTERMS = _ox(DCTERMS, "abstract", "creator", "date", "identifier", "isPartOf", "source", "title")
O_KG = _ox(KG, "Claim", "Mention", "Paper", "Sentence", "Source", "arxivId", "contentHash", "end",
           "inCatalogue", "inSentence", "mentions", "metric", "nameKey", "refersTo", "sourceLine",
           "start", "tag", "text", "unit", "value")
O_PROV = _ox(PROV, "wasDerivedFrom")
O_RDF = _ox(RDF, "type")
O_RDFS = _ox(RDFS, "label")
O_SDO = _ox(SDO, "identifier")
O_SKOS = _ox(SKOS, "altLabel", "prefLabel")
O_XSD = _ox(XSD, "boolean", "decimal", "integer")


def slug(label: str) -> str:
    """Readable IRI key: lower-case ASCII words joined by '-'.

    Examples:
        >>> slug("NVIDIA V100")
        'nvidia-v100'
        >>> slug("4th Generation Intel Xeon Scalable")
        '4th-generation-intel-xeon-scalable'
    """
    return re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKC", label).lower()).strip("-")


def name_key(name: str) -> str:
    """Entity-resolution key of a name: case, hyphens, spaces and punctuation folded.

    Examples:
        >>> name_key("FlashAttention-2") == name_key("flash-attention 2")
        True
    """
    return re.sub(r"[^0-9a-z]+", "", unicodedata.normalize("NFKC", name).casefold())


def lookup_key(label: str) -> str:
    """The kg:nameKey of a label: its resolution key, or its case-folded text if that is empty.

    Examples:
        >>> lookup_key("Flash-Attention 2"), lookup_key("Ω")
        ('flashattention2', 'ω')
    """
    return name_key(label) or unicodedata.normalize("NFKC", label).casefold().strip()


def _digest(text: str, size: int = 16) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:size]


def mint(kind: str, key: str) -> NamedNode:
    """The IRI of a thing of `kind` (paper, system, hardware, ...) known by `key`.

    Keys are reduced to safe characters; a key with none left is hashed.

    Examples:
        >>> mint("hardware", "NVIDIA V100").value
        'https://w3id.org/kgraph/id/hardware/nvidia-v100'
        >>> mint("system", "<script>").value
        'https://w3id.org/kgraph/id/system/script'
    """
    safe = slug(key) or "h" + _digest(key)
    return NamedNode(f"{BASE}{quote(kind, safe='')}/{quote(safe, safe='-')}")


def thing_iri(type_: str, name: str) -> NamedNode:
    """IRI of a named thing: hardware by catalogue label, others by resolution key."""
    if type_ in TYPE_KIND:
        key = name_key(name)
        return mint(TYPE_KIND[type_], key or "h" + _digest(name))
    return mint("hardware", name)


def paper_key(paper: Paper) -> str:
    """Deduplication key of a paper: its arXiv id, else its normalised title."""
    if paper.arxiv_id:
        return "arxiv-" + paper.arxiv_id
    return "t-" + _digest(" ".join(re.findall(r"\w+", paper.title.casefold())))


def paper_iri(paper: Paper) -> NamedNode:
    return mint("paper", paper_key(paper))


def content_hash(paper: Paper) -> str:
    return hashlib.sha1(f"{paper.title}\n{paper.abstract}".encode()).hexdigest()


def source_key(source: str) -> str:
    """Stable key of an input file: its resolved path (or '-' for stdin)."""
    return source if source == "-" else str(Path(source).resolve())


def source_graph(source: str) -> NamedNode:
    """The named graph holding the papers of one input file."""
    name = Path(source).name or "stdin"
    return mint("source", f"{name}-{_digest(source_key(source), 10)}")


@cache
def _n(term: object) -> NamedNode:
    """The pyoxigraph node of a vocabulary term (made once: NamedNode parses its IRI)."""
    return NamedNode(str(term))


def _lit(value: object, datatype: NamedNode | None = None) -> Literal:
    if datatype is None:
        return Literal(str(value))
    return Literal(str(value), datatype=datatype)


class QuadWriter:
    """Turns extractions into quads for one named graph.

    `pref_label(iri)` gives the preferred label the store already has for a thing (or
    None), so a name seen again keeps its first label and other spellings become altLabels.
    """

    def __init__(self, pref_label: Callable[[NamedNode], str | None]) -> None:
        self._stored_label = pref_label
        self._labels: dict[NamedNode, str | None] = {}
        self._keyed: set[tuple[NamedNode, str]] = set()

    def _label(self, iri: NamedNode) -> str | None:
        """The thing's preferred label so far (this run or the store), cached."""
        if iri not in self._labels:
            self._labels[iri] = self._stored_label(iri)
        return self._labels[iri]

    def source_quads(self, source: str) -> Iterator[Quad]:
        g = source_graph(source)
        yield Quad(g, O_RDF.type, O_KG.Source, g)
        yield Quad(g, O_DCTERMS.source, _lit(source_key(source)), g)
        yield Quad(g, O_RDFS.label, _lit(Path(source).name or source), g)

    def quads(self, ex: Extraction) -> Iterator[Quad]:
        """All quads of one paper: metadata, sentences, mentions, claims, entities."""
        g = source_graph(ex.paper.source)
        p = paper_iri(ex.paper)
        yield from self._paper(ex.paper, p, g)
        things = {(m.type, m.canonical): thing_iri(m.type, m.canonical) for m in ex.mentions}
        sentences: set[tuple[int, int]] = set()
        for m in ex.mentions:
            iri = things[(m.type, m.canonical)]
            yield from self._entity(iri, m)
            yield Quad(p, O_KG.mentions, iri, g)
            sentences.add(m.sentence)
        yield from self._mentions(ex.mentions, p, things, g)
        for i, c in enumerate(ex.claims):
            sentences.add(c.sentence)
            yield from self._claim(c, i, p, things, g)
        for span in sorted(sentences):
            yield from self._sentence(ex.paper, p, span, g)

    def _paper(self, paper: Paper, p: NamedNode, g: NamedNode) -> Iterator[Quad]:
        yield Quad(p, O_RDF.type, O_KG.Paper, g)
        yield Quad(p, O_DCTERMS.title, _lit(paper.title), g)
        yield Quad(p, O_DCTERMS.abstract, _lit(paper.abstract), g)
        yield Quad(p, O_DCTERMS.identifier, _lit(paper.id), g)
        yield Quad(p, O_KG.contentHash, _lit(content_hash(paper)), g)
        yield Quad(p, O_PROV.wasDerivedFrom, g, g)
        yield Quad(p, O_KG.sourceLine, _lit(paper.line, O_XSD.integer), g)
        for author in paper.authors:
            yield Quad(p, O_DCTERMS.creator, _lit(author), g)
        for tag in paper.tags:
            yield Quad(p, O_KG.tag, _lit(tag), g)
        if paper.date:
            yield Quad(p, O_DCTERMS.date, _lit(paper.date), g)
        if paper.doi:
            yield Quad(p, O_SDO.identifier, _lit(paper.doi), g)
        if paper.arxiv_id:
            yield Quad(p, O_KG.arxivId, _lit(paper.arxiv_id), g)

    def _entity(self, iri: NamedNode, m: Mention) -> Iterator[Quad]:
        label = self._label(iri)
        if label is None:
            label = self._labels[iri] = m.canonical
            yield Quad(iri, O_RDF.type, _n(TYPE_CLASS[m.type]), ENTITIES)
            yield Quad(iri, O_SKOS.prefLabel, _lit(label), ENTITIES)
            yield from self._key(iri, label)
            if m.type not in TYPE_KIND:
                yield Quad(iri, O_KG.inCatalogue, _lit("false", O_XSD.boolean), ENTITIES)
        for spelling in {m.text, m.canonical} - {label}:
            yield Quad(iri, O_SKOS.altLabel, _lit(spelling), ENTITIES)
            yield from self._key(iri, spelling)

    def _key(self, iri: NamedNode, label: str) -> Iterator[Quad]:
        """The label's kg:nameKey, once per thing and key in this run."""
        key = lookup_key(label)
        if (iri, key) not in self._keyed:
            self._keyed.add((iri, key))
            yield Quad(iri, O_KG.nameKey, _lit(key), ENTITIES)

    def _mentions(self, mentions: tuple[Mention, ...], p: NamedNode,
                  things: dict[tuple[str, str], NamedNode], g: NamedNode) -> Iterator[Quad]:
        for m in mentions:
            node = NamedNode(f"{p.value}/mention/{m.start}-{m.end}")
            yield Quad(node, O_RDF.type, O_KG.Mention, g)
            yield Quad(node, O_KG.refersTo, things[(m.type, m.canonical)], g)
            yield Quad(node, O_KG.text, _lit(m.text), g)
            yield Quad(node, O_KG.start, _lit(m.start, O_XSD.integer), g)
            yield Quad(node, O_KG.end, _lit(m.end, O_XSD.integer), g)
            yield Quad(node, O_KG.inSentence, _sentence_iri(p, m.sentence), g)

    def _claim(self, c: Claim, i: int, p: NamedNode,
               things: dict[tuple[str, str], NamedNode], g: NamedNode) -> Iterator[Quad]:
        node = NamedNode(f"{p.value}/claim/{c.start}-{c.end}-{i}")
        yield Quad(node, O_RDF.type, O_KG.Claim, g)
        yield Quad(node, O_KG.text, _lit(c.text), g)
        yield Quad(node, O_KG.value, _lit(_decimal(c.value), O_XSD.decimal), g)
        yield Quad(node, O_KG.unit, _lit(c.unit), g)
        yield Quad(node, O_KG.metric, _lit(c.metric), g)
        yield Quad(node, O_KG.start, _lit(c.start, O_XSD.integer), g)
        yield Quad(node, O_KG.end, _lit(c.end, O_XSD.integer), g)
        yield Quad(node, O_KG.inSentence, _sentence_iri(p, c.sentence), g)
        yield Quad(node, O_PROV.wasDerivedFrom, p, g)
        for prop, name, types in ((KG.aboutSystem, c.system, ("SYSTEM", "MODEL", "ACCELERATOR")),
                                  (KG.comparedTo, c.baseline, ()),  # hardware too: 'than on L4'
                                  (KG.measuredOn, c.hardware, ())):
            if name:
                yield from self._claim_link(node, _n(prop), name, types, things, g)

    def _claim_link(self, node: NamedNode, prop: NamedNode, name: str, types: tuple[str, ...],
                    things: dict[tuple[str, str], NamedNode], g: NamedNode) -> Iterator[Quad]:
        """Link a claim to a thing the paper mentions, else to a new node of its own."""
        target = next((iri for (t, canon), iri in things.items()
                       if canon == name and (t in types or not types)), None)
        if target is None:
            kind, cls = _UNMENTIONED[prop.value]
            target = thing_iri("SYSTEM", name) if kind == "system" else mint(kind, name)
            if self._label(target) is None:
                self._labels[target] = name
                yield Quad(target, O_RDF.type, _n(cls), ENTITIES)
                yield Quad(target, O_SKOS.prefLabel, _lit(name), ENTITIES)
                yield from self._key(target, name)
        yield Quad(node, prop, target, g)

    def _sentence(self, paper: Paper, p: NamedNode, span: tuple[int, int],
                  g: NamedNode) -> Iterator[Quad]:
        node = _sentence_iri(p, span)
        yield Quad(node, O_RDF.type, O_KG.Sentence, g)
        yield Quad(node, O_DCTERMS.isPartOf, p, g)
        yield Quad(node, O_KG.text, _lit(paper.text[span[0]:span[1]]), g)
        yield Quad(node, O_KG.start, _lit(span[0], O_XSD.integer), g)
        yield Quad(node, O_KG.end, _lit(span[1], O_XSD.integer), g)


_UNMENTIONED = {
    str(KG.aboutSystem): ("system", KG.System),
    str(KG.comparedTo): ("baseline", KG.Baseline),
    str(KG.measuredOn): ("hardware", KG.Hardware),
}


def _sentence_iri(p: NamedNode, span: tuple[int, int]) -> NamedNode:
    return NamedNode(f"{p.value}/sentence/{span[0]}-{span[1]}")


def _decimal(value: float) -> str:
    """xsd:decimal lexical form (no exponent).

    Examples:
        >>> _decimal(1e11), _decimal(1.97), _decimal(25.0)
        ('100000000000', '1.97', '25')
    """
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text or "0"
