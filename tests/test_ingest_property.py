"""Property: junk among good records never crashes ingest or extraction nor loses a record."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph.extract import build_nlp, extract_papers
from kgraph.ingest import read_papers

NLP = build_nlp()
junk_line = st.one_of(
    st.binary(max_size=200).map(lambda b: b.replace(b"\n", b" ")),
    st.dictionaries(st.sampled_from(["title", "abstract", "id", "authors", "x"]),
                    st.one_of(st.text(max_size=50), st.integers(), st.none(), st.lists(st.text()))
                    ).map(lambda d: json.dumps(d).encode()),
)


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.lists(junk_line, max_size=8), abstract=st.text(min_size=1, max_size=300))
def test_junk_never_crashes_and_good_records_survive(tmp_path, junk, abstract):
    good = [json.dumps({"id": f"good{i}", "title": f"Good {i}",
                        "abstract": f"Zephyr is {i}.5x faster than vLLM. {abstract}"}).encode()
            for i in range(3)]
    lines = [good[0], *junk[:4], good[1], *junk[4:], good[2]]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    errors = []
    papers = list(read_papers([path], on_error=errors.append))
    ids = [p.id for p in papers]
    assert [i for i in ids if i.startswith("good")] == ["good0", "good1", "good2"]
    extractions = list(extract_papers(papers, NLP))
    assert len(extractions) == len(papers)
    for ex in extractions:
        for claim in ex.claims:
            assert ex.paper.text[claim.start:claim.end] == claim.text
