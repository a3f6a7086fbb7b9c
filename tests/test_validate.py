"""SHACL shapes: a built store conforms; a broken claim is reported."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.graph import source_graph
from kgraph.namespace import KG
from kgraph.validate import validate


def test_sample_store_conforms(sample_store):
    assert validate(sample_store) == []


def test_claim_with_two_values_and_no_sentence_is_reported(sample_store):
    claim = NamedNode("https://w3id.org/kgraph/id/claim/broken")
    graph = source_graph("made-up.jsonl")
    sample_store.add([
        Quad(claim, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
             NamedNode(str(KG.Claim)), graph),
        Quad(claim, NamedNode(str(KG.value)), Literal("not a number"), graph),
    ])
    paths = {v.path.rsplit("#", 1)[-1] for v in validate(sample_store)
             if v.focus == claim.value}
    assert {"value", "unit", "metric", "inSentence"} <= paths


def test_validate_command(sample_store_path):
    result = CliRunner().invoke(app, ["validate", "--store", str(sample_store_path)])
    assert result.exit_code == 0 and "conforms" in result.output, result.output
