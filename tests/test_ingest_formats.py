"""Every input format, detected by content, on small files written here."""

from __future__ import annotations

import json
import zipfile

from kgraph.ingest import read_papers

ABSTRACT = "We present Zephyr, which is 2x faster than vLLM on H100 GPUs."


def read(path, **kw):
    errors = []
    return list(read_papers([path], on_error=errors.append, **kw)), errors


def test_csv_with_common_and_configured_columns(tmp_path):
    path = tmp_path / "papers.csv"
    path.write_text("Title,Abstract,Authors,Year\n"
                    f'Zephyr,"{ABSTRACT}",Ada Lovelace; Alan Turing,2024\n')
    (paper,), errors = read(path)
    assert (paper.title, paper.authors, paper.date, paper.line) == (
        "Zephyr", ("Ada Lovelace", "Alan Turing"), "2024", 2)
    other = tmp_path / "other.csv"
    other.write_text(f'name,text\nZephyr,"{ABSTRACT}"\n')
    papers, errors = read(other, format="csv", columns={"title": "name", "abstract": "text"})
    assert [p.title for p in papers] == ["Zephyr"] and errors == []


def test_csv_without_columns_is_one_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("a,b\n1,2\n3,4\n")
    papers, errors = read(path, format="csv")
    assert papers == [] and len(errors) == 1
    assert "no title/abstract columns (found: a, b)" in str(errors[0])


def test_tsv(tmp_path):
    path = tmp_path / "papers.tsv"
    path.write_text(f"title\tabstract\nZephyr\t{ABSTRACT}\n")
    assert [p.title for p in read(path)[0]] == ["Zephyr"]


def test_openalex_inverted_index(tmp_path):
    work = {"id": "https://openalex.org/W1", "display_name": "Zephyr",
            "abstract_inverted_index": {"We": [0], "serve": [1], "fast.": [2]},
            "publication_date": "2024-05-01", "doi": "https://doi.org/10.48550/arXiv.2401.00001",
            "authorships": [{"author": {"display_name": "Ada Lovelace"}}],
            "topics": [{"display_name": "Distributed computing"}]}
    path = tmp_path / "works.jsonl"
    path.write_text(json.dumps(work) + "\n")
    (paper,), _ = read(path)
    assert (paper.abstract, paper.authors, paper.arxiv_id, paper.tags) == (
        "We serve fast.", ("Ada Lovelace",), "2401.00001", ("Distributed computing",))
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"results": [work]}))
    assert [p.title for p in read(page)[0]] == ["Zephyr"]


def test_bibtex(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text("@article{zephyr24,\n  title = {{Zephyr}: Fast Serving},\n"
                    "  author = {Lovelace, Ada and Turing, Alan},\n"
                    f"  abstract = {{{ABSTRACT}}},\n  year = {{2024}},\n"
                    "  eprint = {2401.00001},\n"
                    "  keywords = {serving, LLM}\n}\n\n@misc{noabs, title={No abstract}}\n")
    papers, errors = read(path)
    assert [(p.id, p.title, p.authors, p.arxiv_id, p.tags, p.line) for p in papers] == [
        ("zephyr24", "Zephyr: Fast Serving", ("Ada Lovelace", "Alan Turing"), "2401.00001",
         ("serving", "LLM"), 1)]
    assert len(errors) == 1 and "missing or empty abstract" in str(errors[0])


def test_atom_is_parsed_safely(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
                    "<entry><id>http://arxiv.org/abs/2401.00001v2</id><title>Zephyr</title>"
                    f"<summary>{ABSTRACT}</summary><author><name>Ada Lovelace</name></author>"
                    '<published>2024-01-02T00:00:00Z</published><category term="cs.DC"/></entry>'
                    "</feed>")
    (paper,), _ = read(path)
    assert (paper.arxiv_id, paper.date, paper.tags) == ("2401.00001", "2024-01-02", ("cs.DC",))
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><feed>&a;</feed>')
    papers, errors = read(bomb)
    assert papers == [] and len(errors) == 1


def test_plain_text_blocks(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(f"Zephyr: fast serving\n{ABSTRACT}\n\n{ABSTRACT} It is open source.\n")
    papers, _ = read(path)
    assert [p.title for p in papers] == ["Zephyr: fast serving", ABSTRACT]


def test_zip_members(tmp_path):
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.jsonl", json.dumps({"title": "A", "abstract": ABSTRACT}) + "\n")
        archive.writestr("b.csv", f'title,abstract\nB,"{ABSTRACT}"\n')
    papers, errors = read(path)
    assert [(p.title, p.source) for p in papers] == [("A", f"{path}/a.jsonl"),
                                                     ("B", f"{path}/b.csv")]
