"""The HTML report: charts embedded as images, leaderboards, escaped text, no scripts."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.facts import Facts, load_facts
from kgraph.report import bar_chart, report_html, table_html
from kgraph.store import KGStore
from tests.test_analyze import XSS_TITLES, closed_store

runner = CliRunner()
PNG = re.compile(r'<img alt="[^"]*" src="data:image/png;base64,([A-Za-z0-9+/=]+)">')


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return closed_store(tmp_path_factory.mktemp("report") / "store")


@pytest.fixture(scope="module")
def page(store: Path) -> str:
    return report_html(load_facts(KGStore(store, create=False)))


def test_three_charts_embedded_as_png(page):
    images = PNG.findall(page)
    assert len(images) == 3
    assert all(base64.b64decode(i).startswith(b"\x89PNG") for i in images)


def test_self_contained_without_scripts(page):
    assert "<script" not in page.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "default-src 'none'" in page


def test_leaderboards_and_tables(page):
    assert "<h3>latency (ms)</h3>" in page and "<h3>throughput (x)</h3>" in page
    assert "FastServe achieves 2.5x higher throughput" in page
    assert "<h3>By vendor</h3>" in page and "<td>NVIDIA</td>" in page


def test_untrusted_text_is_escaped(page):
    for title in XSS_TITLES:
        assert title not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_empty_store_report_says_so():
    page = report_html(Facts())
    assert page.count("no data yet") == 3 and "No claims yet." in page


def test_chart_labels_are_not_mathtext():
    assert bar_chart("t", [("$\\frac{a}{b$", 2), ("50% $x", 1)], "n").startswith("data:image/png")


def test_table_escapes_every_cell():
    html = table_html([{"a": "<b>x</b>", "b": 2.5}], ["a", "b"])
    assert "&lt;b&gt;x&lt;/b&gt;" in html and '<td class="num">2.5</td>' in html


def test_cli_report(store, tmp_path):
    out = tmp_path / "outputs" / "report.html"
    result = runner.invoke(app, ["report", "--store", str(store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(PNG.findall(out.read_text(encoding="utf-8"))) == 3
    missing = runner.invoke(app, ["report", "--store", str(tmp_path / "none"), "-o", str(out)])
    assert missing.exit_code == 1 and "Traceback" not in missing.output
