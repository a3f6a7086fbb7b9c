"""Saved queries: every one runs, parameters are bound as terms, errors are clear."""

from __future__ import annotations

import json

import pytest

from kgraph.errors import QueryError
from kgraph.queries.query import bind, saved_queries, select, sparql_json


def test_at_least_twelve_saved_queries_with_descriptions():
    saved = saved_queries()
    assert len(saved) >= 12
    assert all(q.description for q in saved.values())


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_every_saved_query_runs(sample_store, name):
    result = select(sample_store, name)
    assert result.columns


def test_speedups_threshold_and_baseline(sample_store):
    rows = select(sample_store, "speedups", {"min": "2"}).rows
    assert [r[:4] for r in rows] == [["FastServe", "2.5", "vLLM", "NVIDIA A100"]]
    assert select(sample_store, "speedups", {"min": "3"}).rows == []
    assert len(select(sample_store, "speedups", {"baseline": "VLLM"}).rows) == 1
    assert select(sample_store, "speedups", {"baseline": "DeepSpeed"}).rows == []


def test_parameter_text_cannot_change_the_query(sample_store):
    evil = '") } } SELECT * WHERE { ?s ?p ?o } #'
    assert select(sample_store, "leaderboard", {"metric": evil}).rows == []
    text = bind(saved_queries()["leaderboard"], {"metric": evil})
    assert '("\\") } } SELECT * WHERE { ?s ?p ?o } #"' in text
    assert select(sample_store, "claims-of-system", {"system": evil}).rows == []


@pytest.mark.parametrize("spelling", ["FlashAttention-2", "flash-attention 2", "FLASHATTENTION2"])
def test_name_parameters_ignore_case_spaces_and_hyphens(sample_store, spelling):
    rows = select(sample_store, "claims-of-system", {"system": spelling}).rows
    assert [r[:4] for r in rows] == [["40", "%", "latency reduction", "existing methods"]]


def test_name_parameters_match_whole_names_only(sample_store):
    assert select(sample_store, "claims-of-system", {"system": "FlashAttention"}).rows == []
    assert select(sample_store, "claims-of-system", {"system": "FlashAttention-3"}).rows == []


def test_name_parameters_of_other_queries(sample_store):
    rows = select(sample_store, "systems-hardware", {"system": "fastserve"}).rows
    assert rows == [["FastServe", "NVIDIA A100", "1"]]
    assert select(sample_store, "compared-against", {"baseline": "VLLM"}).rows[0][0] == "FastServe"


def test_bad_queries_are_query_errors(sample_store):
    with pytest.raises(QueryError, match="invalid SPARQL"):
        select(sample_store, "SELECT WHERE {")
    with pytest.raises(QueryError, match="unknown saved query"):
        select(sample_store, "no-such-query")
    with pytest.raises(QueryError, match="unknown parameter"):
        select(sample_store, "speedups", {"nope": "1"})
    with pytest.raises(QueryError, match="not a number"):
        select(sample_store, "speedups", {"min": "two"})
    with pytest.raises(QueryError):
        select(sample_store, "INSERT DATA { <http://a> <http://b> <http://c> }")


def test_sparql_json_output(sample_store):
    doc = json.loads(sparql_json(sample_store, "speedups", {"min": "2"}))
    assert doc["head"]["vars"][:2] == ["system", "value"]
    assert doc["results"]["bindings"][0]["value"]["datatype"].endswith("#decimal")


def test_why_finds_a_name_by_any_spelling(sample_store):
    from kgraph.provenance import why

    evidence = why(sample_store, "flash attention 2")
    assert {e.what for e in evidence} == {"mention", "claim 40%"}
    assert all("Flash-Attention 2" in e.sentence for e in evidence)
    assert why(sample_store, "flash attention") == []


@pytest.mark.parametrize("hardware,found", [
    ("A100", True), ("nvidia a100", True), ("Ampere", True), ("gpu", True), ("Hopper", False),
    ("storage", False)])
def test_papers_on_hardware_by_name_family_or_class(sample_store, hardware, found):
    rows = select(sample_store, "papers-on-hardware", {"hardware": hardware}).rows
    assert [r[:2] for r in rows] == ([["FastServe: serving LLMs", "NVIDIA A100"]] if found else [])


def test_systems_without_hardware(sample_store):
    rows = select(sample_store, "systems-without-hardware").rows
    assert rows == [["FlashAttention-2", "1"]]


@pytest.mark.parametrize("tag,rows", [
    ("machine", [["NVIDIA A100", "GPU", "1"]]), ("SYSTEMS", [["NVIDIA A100", "GPU", "1"]]),
    ("networking", [])])
def test_hardware_by_tag_binds_the_tag_inside_its_subquery(sample_store, tag, rows):
    assert select(sample_store, "hardware-by-tag", {"tag": tag}).rows == rows
    text = bind(saved_queries()["hardware-by-tag"], {"tag": tag})
    assert text.index("VALUES") > text.index("SELECT DISTINCT ?paper")


@pytest.mark.parametrize("author,count", [("-", 2), ("LOVE", 2), ("Turing", 0)])
def test_papers_by_author_match_part_of_the_name(sample_store, author, count):
    rows = select(sample_store, "papers-by-author", {"author": author}).rows
    assert len(rows) == count
    assert all(r[0] == "Ada Lovelace" for r in rows)
    assert [r[1] for r in rows] == sorted(r[1] for r in rows)
