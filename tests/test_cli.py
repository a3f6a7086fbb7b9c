"""The CLI end to end through typer's CliRunner, on real files and a real store."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.ingest import EXAMPLES_DIR
from kgraph.queries.query import saved_queries

runner = CliRunner()


def run(*args: str, ok: bool = True):
    gc.collect()  # an earlier result's saved traceback may still hold a store open
    result = runner.invoke(app, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def example_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("cli") / "store"
    run("build", "--store", str(store))
    return store


def test_build_examples_and_rebuild_keeps_triple_count(example_store):
    first = run("stats", "--store", str(example_store)).output
    again = run("build", "--store", str(example_store)).output
    assert "0 added" in again
    assert run("stats", "--store", str(example_store)).output == first


def test_default_saved_queries_return_rows(example_store):
    for name in ("systems-hardware", "speedups", "papers-on-hardware", "hardware-usage"):
        rows = json.loads(run("query", name, "--store", str(example_store), "-f", "json").output)
        assert rows, name


def test_query_formats(example_store):
    csv_out = run("query", "hardware-usage", "--store", str(example_store), "-f", "csv").output
    assert csv_out.splitlines()[0] == "hardware,class,vendor,papers"
    doc = json.loads(run("query", "hardware-usage", "--store", str(example_store),
                         "-f", "sparql-json").output)
    assert doc["results"]["bindings"]
    listing = run("query", "--list").output
    assert all(name in listing for name in saved_queries())


def test_export_turtle_parses(example_store, tmp_path):
    out = tmp_path / "g.ttl"
    run("export", "--store", str(example_store), "-o", str(out))
    assert len(rdflib.Graph().parse(out)) > 100


def test_why_prints_sentences(example_store):
    rows = json.loads(run("query", "speedups", "--store", str(example_store), "-f", "json").output)
    system = next(r["system"] for r in rows if r["system"])
    output = run("why", system, "--store", str(example_store)).output
    assert system in output


def test_validate_conforms(example_store):
    assert "conforms" in run("validate", "--store", str(example_store)).output


@pytest.mark.parametrize("args,message", [
    (("query", "SELECT WHERE {"), "invalid SPARQL"),
    (("query", "no-such-query"), "unknown saved query"),
    (("query", "speedups", "-p", "bogus=1"), "unknown parameter"),
    (("query", "speedups", "-p", "min"), "expected NAME=VALUE"),
])
def test_user_mistakes_are_one_line(example_store, args, message):
    result = run(*args, "--store", str(example_store), ok=False)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_missing_store_and_input(tmp_path):
    result = run("stats", "--store", str(tmp_path / "none"), ok=False)
    assert result.exit_code == 1 and "no kgraph store" in result.output
    result = run("build", str(tmp_path / "missing.txt"), "--store", str(tmp_path / "s"), ok=False)
    assert "missing.txt" in result.output and "Traceback" not in result.output


def test_extract_writes_scorer_records(tmp_path):
    out = tmp_path / "pred.jsonl"
    run("extract", str(EXAMPLES_DIR), "-o", str(out))
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records and {"id", "title", "entities", "metrics"} <= set(records[0])
    assert any(r["metrics"] for r in records)


def test_seeds_build_and_queries(shared, tmp_path):
    store = str(tmp_path / "seeds")
    output = run("build", str(shared / "seeds"), "--store", store).output
    assert "33 added" in output
    for name in ("systems-hardware", "speedups", "papers-on-hardware"):
        rows = json.loads(run("query", name, "--store", store, "-f", "json").output)
        assert rows, name


def test_eval_on_gold_prints_scores(shared):
    output = run("eval", str(shared / "gold" / "dev.jsonl")).output
    assert "entity F1" in output and "metric F1" in output


def test_remove_and_strict_through_the_cli(tmp_path):
    store = str(tmp_path / "s")
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"title": "Zephyr: fast", "abstract": "Zephyr is 2x faster "
                                "than vLLM on GPUs."}) + "\n")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "x", "abstract": "y"}\n{oops\n')
    result = run("build", str(bad), "--store", store, "--strict", ok=False)
    assert result.exit_code == 1 and "bad.jsonl:2: malformed JSON" in result.output
    del result
    run("build", str(good), "--store", store)
    assert "removed" in run("remove", str(good), "--store", store).output
    result = run("remove", str(good), "--store", store, ok=False)
    assert result.exit_code == 1 and "no such source" in result.output
