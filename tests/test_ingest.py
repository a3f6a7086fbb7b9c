"""Ingest: the seed formats, JSON Lines, compression, stdin, directories and bad input."""

from __future__ import annotations

import gzip
import io
import json
import sys

import pytest

from kgraph.build import build
from kgraph.errors import InputError
from kgraph.ingest import EXAMPLES_DIR, detect_format, paper_id, read_papers
from kgraph.store import KGStore


def good(i: int) -> str:
    return json.dumps({"id": f"g{i}", "title": f"Paper {i}", "abstract": f"Abstract {i}."})


def read(paths, **kw):
    errors: list[InputError] = []
    papers = list(read_papers(paths, on_error=errors.append, **kw))
    return papers, errors


def test_seeds_match_the_gold_records(shared):
    gold = [json.loads(line) for line in (shared / "gold" / "dev.jsonl").read_text().splitlines()]
    papers, errors = read([shared / "seeds"])
    assert errors == [] and len(papers) == 33
    for paper, record in zip(papers, gold, strict=True):
        assert paper.title == record["title"]
        assert paper.abstract == " ".join(record["abstract"].split())
        if "authors" in record:
            assert list(paper.authors) == record["authors"]
            assert list(paper.tags) == [" > ".join(t["path"]) for t in record["tags"]]


def test_formats_are_detected(shared):
    seeds = sorted((shared / "seeds").iterdir())
    assert [detect_format(p.read_text()[:4096], p.name) for p in seeds] == ["daily", "digest"]
    assert detect_format('{"title": "x"}\n', "a.txt") == "jsonl"
    assert detect_format('[{"title": "x"}]', "a.json") == "json"


def test_example_corpus_is_read():
    papers, errors = read([EXAMPLES_DIR])
    assert errors == [] and len(papers) >= 8
    assert any(p.authors for p in papers) and any(p.tags for p in papers)


def test_jsonl_keeps_ids_authors_and_arxiv_fields(tmp_path):
    record = {"id": "2104.07857", "title": "ZeRO  Infinity", "abstract": "A  b.",
              "authors_parsed": [["Rajbhandari", "Samyam", ""]], "categories": "cs.DC cs.LG",
              "update_date": "2021-04-16"}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n")
    (paper,), _ = read([path])
    assert (paper.id, paper.title, paper.abstract) == ("2104.07857", "ZeRO Infinity", "A b.")
    assert paper.authors == ("Samyam Rajbhandari",) and paper.tags == ("cs.DC", "cs.LG")
    assert (paper.arxiv_id, paper.date, paper.line) == ("2104.07857", "2021-04-16", 1)


def test_json_array_and_gzip_and_directory(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.json").write_text(json.dumps([json.loads(good(1))]))
    with gzip.open(tmp_path / "d" / "b.jsonl.gz", "wt") as f:
        f.write(good(2) + "\n")
    (tmp_path / "d" / ".hidden.jsonl").write_text(good(3) + "\n")
    papers, errors = read([tmp_path / "d"])
    assert [p.id for p in papers] == ["g1", "g2"] and errors == []


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((good(7) + "\n").encode())))
    papers, _ = read(["-"])
    assert [p.id for p in papers] == ["g7"]


def test_paper_id_is_stable_hash_of_title():
    assert paper_id("Fast  Serving!") == paper_id("fast serving") != paper_id("slow serving")


@pytest.mark.parametrize("bad,reason", [
    ("{not json", "malformed JSON"),
    (json.dumps({"title": "T", "abstract": ""}), "missing or empty abstract"),
    (json.dumps({"abstract": "text"}), "missing or empty title"),
    (json.dumps({"title": "T", "abstract": "x" * 1_100_000}), "too long"),
])
def test_bad_records_are_reported_once_and_skipped(tmp_path, bad, reason):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([good(1), bad, good(2)]) + "\n")
    papers, errors = read([path])
    assert [p.id for p in papers] == ["g1", "g2"]
    assert len(errors) == 1 and str(errors[0]).startswith(f"{path}:2: ")
    assert reason in str(errors[0])


def test_non_utf8_line(tmp_path):
    path = tmp_path / "latin.jsonl"
    latin = b'{"title": "caf\xe9"}\n'
    path.write_bytes(good(1).encode() + b"\n" + latin + good(2).encode() + b"\n")
    papers, errors = read([path])
    assert [p.id for p in papers] == ["g1", "g2"]
    assert [str(e) for e in errors] == [f"{path}:2: not UTF-8 text"]


def test_binary_and_empty_files(tmp_path):
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.jsonl").write_text("")
    (tmp_path / "ok.jsonl").write_text(good(1) + "\n")
    papers, errors = read([tmp_path])
    assert [p.id for p in papers] == ["g1"]
    assert sorted(e.reason for e in errors) == ["binary file, not text", "empty file"]


def test_truncated_gzip_keeps_records_before_the_break(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(("\n".join(good(i) for i in range(5000)) + "\n").encode())
    path.write_bytes(data[: len(data) // 2])
    papers, errors = read([path])
    assert 0 < len(papers) < 5000 and len(errors) == 1 and "unreadable" in errors[0].reason


def test_missing_path_is_an_error_before_reading(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_papers([tmp_path / "nope.jsonl"]))


def test_strict_stops_and_leaves_the_store_as_it_was(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([good(1), "{broken", good(2)]) + "\n")
    store = KGStore(tmp_path / "store")
    before = len(store)
    with pytest.raises(InputError, match=":2: malformed JSON"):
        build([path], store, strict=True)
    assert len(store) == before
    report = build([path], store)
    assert report.added == 2 and len(report.errors) == 1


def test_strict_build_from_stdin_reads_it_twice(monkeypatch, tmp_path):
    """A strict build checks every input before writing, then reads it again: standard
    input is spooled once, so the second reading still has the records."""
    lines = "\n".join(good(i) for i in (1, 2)) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    report = build(["-"], KGStore(tmp_path / "store"), strict=True)
    assert (report.read, report.added) == (2, 2)
