"""graph.py: IRI minting, entity resolution and the quads of an extraction."""

from __future__ import annotations

from pyoxigraph import NamedNode

from kgraph.graph import (
    ENTITIES,
    QuadWriter,
    mint,
    name_key,
    paper_iri,
    slug,
    source_graph,
    thing_iri,
)
from kgraph.model import Claim, Extraction, Mention, Paper
from kgraph.namespace import KG
from tests.conftest import sample_extractions


def test_mint_keeps_untrusted_text_out_of_iris():
    iri = mint("system", 'a> <b "c" {d} \n e').value
    assert iri == "https://w3id.org/kgraph/id/system/a-b-c-d-e"
    assert mint("system", "日本").value.startswith("https://w3id.org/kgraph/id/system/h")


def test_system_variants_resolve_to_one_node():
    names = ["FlashAttention-2", "FlashAttention 2", "flash-attention-2", "FLASHATTENTION2"]
    assert len({thing_iri("SYSTEM", n) for n in names}) == 1
    assert thing_iri("SYSTEM", "vLLM") != thing_iri("MODEL", "vLLM")


def test_hardware_iri_follows_catalogue_slug():
    assert thing_iri("GPU", "NVIDIA V100") == NamedNode(
        "https://w3id.org/kgraph/id/hardware/" + slug("NVIDIA V100"))


def test_papers_deduplicate_by_title_or_arxiv_id():
    a = Paper("1", "Fast  Serving: LLMs!", "x")
    b = Paper("2", "fast serving llms", "y", source="other.txt")
    c = Paper("3", "Another title", "z", arxiv_id="2401.00001")
    d = Paper("4", "Different title", "z", arxiv_id="2401.00001")
    assert paper_iri(a) == paper_iri(b)
    assert paper_iri(c) == paper_iri(d) != paper_iri(a)


def test_source_graph_is_stable_per_path(tmp_path):
    f = tmp_path / "a.jsonl"
    assert source_graph(str(f)) == source_graph(str(tmp_path / "." / "a.jsonl"))
    assert source_graph(str(f)) != source_graph(str(tmp_path / "b.jsonl"))


def test_quads_hold_claims_mentions_and_provenance():
    ex = sample_extractions()[0]
    quads = list(QuadWriter(lambda iri: None).quads(ex))
    triples = {(q.subject.value, q.predicate.value, q.object.value) for q in quads}
    claim = next(s for s, p, o in triples if o == str(KG.Claim))
    values = {p: o for s, p, o in triples if s == claim}
    assert values[str(KG.value)] == "2.5" and values[str(KG.unit)] == "x"
    assert values[str(KG.comparedTo)] == thing_iri("SYSTEM", "vLLM").value
    assert values[str(KG.measuredOn)] == thing_iri("GPU", "NVIDIA A100").value
    sentence = values[str(KG.inSentence)]
    text = next(o for s, p, o in triples if s == sentence and p == str(KG.text))
    assert text == "FastServe achieves 2.5x higher throughput than vLLM on NVIDIA A100 GPUs."
    entity_graph = {q.subject for q in quads if q.graph_name == ENTITIES}
    assert thing_iri("SYSTEM", "FastServe") in entity_graph
    assert all(q.graph_name == source_graph(ex.paper.source)
               for q in quads if q.graph_name != ENTITIES)


def test_described_things_keep_their_first_label():
    ex = sample_extractions()[1]
    quads = list(QuadWriter(lambda iri: "FlashAttention-2").quads(ex))
    labels = [q for q in quads if q.predicate.value.endswith("prefLabel")]
    assert labels == []
    alt = [q.object.value for q in quads if q.predicate.value.endswith("altLabel")]
    assert alt == ["Flash-Attention 2"]


def test_name_key_folds_case_and_punctuation():
    assert name_key("ZeRO-Infinity") == name_key("zero infinity") == "zeroinfinity"


def _claim_links(title: str, sentence: str, mentions: list[tuple[str, str, str]],
                 system: str, baseline: str) -> dict[str, str]:
    """The objects of one claim's quads (by predicate IRI), for a paper of one sentence that
    mentions (text, type, canonical) and claims '1.6x' about `system` over `baseline`."""
    text = f"{title}\n{sentence}"
    s = (len(title) + 1, len(text))
    found = tuple(Mention(m, type_, canonical, text.index(m, s[0]), text.index(m, s[0]) + len(m), s)
                  for m, type_, canonical in mentions)
    at = text.index("1.6x")
    ex = Extraction(Paper("p", title, sentence, source="made-up.jsonl"), found,
                    (Claim("1.6x", 1.6, "x", "faster", system, baseline, None, at, at + 4, s),))
    triples = {(q.subject.value, q.predicate.value, q.object.value)
               for q in QuadWriter(lambda iri: None).quads(ex)}
    claim = next(s for s, p, o in triples if o == str(KG.Claim))
    return {p: o for s, p, o in triples if s == claim}


def test_a_claim_about_a_processor_design_links_to_its_node():
    values = _claim_links("Halyard: A Near-Memory Accelerator",
                          "Halyard is 1.6x faster than AttAcc.",
                          [("Halyard", "ACCELERATOR", "Halyard"),
                           ("AttAcc", "ACCELERATOR", "AttAcc")], "Halyard", "AttAcc")
    assert values[str(KG.aboutSystem)] == thing_iri("ACCELERATOR", "Halyard").value
    assert values[str(KG.comparedTo)] == thing_iri("ACCELERATOR", "AttAcc").value


def test_a_claim_compared_against_hardware_links_to_the_hardware():
    values = _claim_links("Zephyr: fast", "Zephyr is 1.6x faster than on the L4.",
                          [("Zephyr", "SYSTEM", "Zephyr"), ("L4", "GPU", "NVIDIA L4")],
                          "Zephyr", "NVIDIA L4")
    assert values[str(KG.comparedTo)] == thing_iri("GPU", "NVIDIA L4").value
