"""The kgraph ontology as an rdflib DefinedNamespace.

Generated from ontologies/kgraph.ttl by scripts/gen_namespace.py; do not edit.
"""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class KG(DefinedNamespace):
    """Terms of the kgraph ontology."""

    _fail = True
    _NS = Namespace("https://w3id.org/kgraph/ontology#")

    Accelerator: URIRef  # A non-GPU compute processor such as a TPU, NPU, FPGA or ASIC.
    Baseline: URIRef  # An unnamed comparison point described by a noun phrase, such as 'existing methods'.
    CPU: URIRef  # A central processor.
    Claim: URIRef  # A number a paper reports as a result: value, unit, what is measured, about which system, compared with what, measured on which hardware.
    Dataset: URIRef  # A named data set or benchmark suite.
    GPU: URIRef  # A graphics processor or GPU server.
    Hardware: URIRef  # A hardware product, family or generic class.
    Interconnect: URIRef  # A link or network between devices such as NVLink, PCIe or InfiniBand.
    Memory: URIRef  # A memory technology or tier such as HBM, DRAM or CPU memory.
    Mention: URIRef  # One occurrence of a name or hardware term in a sentence.
    Model: URIRef  # A named machine-learning model or architecture.
    Paper: URIRef  # A research paper, known by its title and abstract.
    Sentence: URIRef  # A sentence of a paper's title-plus-abstract text, located by character offsets.
    Source: URIRef  # An input file that papers were read from; its papers live in a named graph of their own.
    Storage: URIRef  # A persistent storage device such as NVMe, SSD or HDD.
    System: URIRef  # A named software artefact: system, framework, library, compiler, kernel, scheduler, method or algorithm.
    Thing: URIRef  # Anything a paper names: a system, model, data set, baseline or piece of hardware.
    aboutSystem: URIRef  # The system the claimed number is about.
    arxivId: URIRef  # The paper's arXiv identifier, such as 2104.07857.
    comparedTo: URIRef  # The baseline the claimed number is relative to.
    contentHash: URIRef  # SHA-1 of a paper's title and abstract; lets incremental builds skip papers already loaded.
    end: URIRef  # Character offset just after the text in the paper's title + ' ' + abstract.
    family: URIRef  # The product family or architecture, such as Hopper or Sapphire Rapids.
    inCatalogue: URIRef  # True for hardware described by kgraph's hardware catalogue, false for products only seen in text.
    inSentence: URIRef  # The sentence a mention or claim was read from.
    measuredOn: URIRef  # The hardware the claimed number was measured on.
    memorySizeGB: URIRef  # Memory size in gigabytes, where it is part of the product name.
    mentions: URIRef  # The paper names this system, model, data set or hardware.
    metric: URIRef  # What the number measures, in a few words.
    nameKey: URIRef  # The lookup key of one of a thing's labels: the label case-folded with everything but letters and digits removed, so 'FlashAttention-2' and 'flash attention 2' share the key 'flashattention2'. Saved queries find things by name through it, as an exact index lookup.
    proposes: URIRef  # The paper introduces this system (its main subject).
    refersTo: URIRef  # The named thing a mention is an occurrence of.
    sourceLine: URIRef  # 1-based line of the input file where the paper's record starts.
    start: URIRef  # Character offset where the text starts in the paper's title + ' ' + abstract.
    tag: URIRef  # A topic tag or category given to the paper by its source.
    text: URIRef  # The exact text of a sentence, mention or claim.
    unit: URIRef  # The normalised unit: x, %, points, TFLOPS, tokens/s, GB, ms, s, USD, GPU hours, ... or empty for a bare count.
    value: URIRef  # The claimed number, with multipliers folded in (25 petaflops is 25 PFLOPS, 1.5 million is 1500000).
    vendor: URIRef  # The company that makes a hardware product.
