"""`kgraph report`: one self-contained HTML page of charts and leaderboards.

Charts are drawn with matplotlib (Agg, no pyplot state) and embedded as PNG
data URIs; every text from the papers is HTML-escaped, and the page holds no
script at all.
"""

from __future__ import annotations

import base64
import html
import io
from collections import Counter
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path
from string import Template
from typing import Any

from kgraph.analyze import analyze
from kgraph.facts import Facts, load_facts
from kgraph.store import KGStore
from kgraph.viz import ASSETS

TOP = 20


def claims_per_system(facts: Facts, top: int = TOP) -> list[tuple[str, int]]:
    """Systems with the most claims about them."""
    counts = Counter(facts.label(c.system) for c in facts.claims if c.system)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def hardware_frequency(facts: Facts, top: int = TOP) -> list[tuple[str, int]]:
    """Hardware named by the most papers."""
    counts = Counter(facts.label(thing) for _, thing, _ in facts.mentions
                     if facts.things[thing].kind == "hardware")
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def speedups(facts: Facts) -> list[float]:
    """Every reported speed-up (claims in unit x)."""
    return sorted(c.value for c in facts.claims if c.unit == "x")


def _png(fig: Any) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _figure(title: str) -> tuple[Any, Any]:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(5.2, 3.8))
    ax = fig.subplots()
    ax.set_title(title, fontsize=11)
    return fig, ax


def bar_chart(title: str, pairs: Sequence[tuple[str, int]], xlabel: str) -> str:
    """Horizontal bars, largest on top, as a PNG data URI; labels are drawn as plain text."""
    import matplotlib

    with matplotlib.rc_context({"text.parse_math": False}):
        fig, ax = _figure(title)
        names = [name if len(name) <= 32 else name[:31] + "…" for name, _ in pairs][::-1]
        ax.barh(range(len(pairs)), [count for _, count in pairs][::-1], color="#1f77b4")
        ax.set_yticks(range(len(pairs)), names, fontsize=8)
        ax.set_xlabel(xlabel)
        _integer_ticks(ax.xaxis)
        return _png(fig)


def _integer_ticks(axis: Any) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def histogram(title: str, values: Sequence[float]) -> str:
    """Distribution of speed-ups (log-spaced bins) as a PNG data URI."""
    import numpy as np

    fig, ax = _figure(title)
    low, high = max(min(values), 0.01) / 1.2, max(max(values), 0.01) * 1.2
    wide = high / low > 20
    bins = (np.geomspace if wide else np.linspace)(low, high, num=min(21, len(values) + 2))
    ax.hist(values, bins=bins, color="#e6550d", edgecolor="white")
    if wide:
        ax.set_xscale("log")
    ax.set_xlabel("speed-up (x" + (", log scale)" if wide else ")"))
    _integer_ticks(ax.yaxis)
    ax.set_ylabel("claims")
    return _png(fig)


def charts_html(facts: Facts) -> str:
    """The three charts, or a note where there is nothing to draw."""
    parts = []
    for title, pairs, label in (
        ("Claims per system", claims_per_system(facts), "claims"),
        ("Hardware frequency", hardware_frequency(facts), "papers naming it"),
    ):
        parts.append(_image(title, bar_chart(title, pairs, label)) if pairs else _empty(title))
    values = speedups(facts)
    title = "Speed-up distribution"
    parts.append(_image(title, histogram(title, values)) if values else _empty(title))
    return "".join(parts)


def _image(title: str, uri: str) -> str:
    return f'<figure><img alt="{html.escape(title)}" src="{uri}"></figure>'


def _empty(title: str) -> str:
    return f'<p class="empty">{html.escape(title)}: no data yet.</p>'


def table_html(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """An HTML table of the given columns, every cell escaped.

    Examples:
        >>> table_html([{"name": "<b>"}], ["name"])
        '<table><tr><th>name</th></tr><tr><td>&lt;b&gt;</td></tr></table>'
    """
    if not rows:
        return '<p class="empty">none</p>'
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(_cell(c, row.get(c)) for c in columns) + "</tr>"
                   for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _cell(column: str, value: Any) -> str:
    if isinstance(value, (int, float)):
        return f'<td class="num">{value:g}</td>'
    cls = ' class="sentence"' if column == "sentence" else ""
    return f"<td{cls}>{html.escape(str(value or ''))}</td>"


def leaderboards_html(rows: list[dict[str, Any]]) -> str:
    """One table per (metric, unit)."""
    if not rows:
        return '<p class="empty">No claims yet.</p>'
    parts = []
    for (metric, unit), group in groupby(rows, key=lambda r: (r["metric"], r["unit"])):
        parts.append(f"<h3>{html.escape(metric)} ({html.escape(unit or 'count')})</h3>")
        parts.append(table_html(list(group), ["rank", "value", "system", "hardware", "paper",
                                              "sentence"]))
    return "".join(parts)


def report_html(facts: Facts, title: str = "kgraph report") -> str:
    """The whole report page."""
    result = analyze(facts)
    counts = result["counts"]
    usage = result["hardware_usage"]
    columns = ["name", "type", "degree", "pagerank"]
    template = Template((ASSETS / "report.html").read_text(encoding="utf-8"))
    return template.substitute(
        title=html.escape(title),
        counts=html.escape(f"{counts['papers']} papers, {counts['things']} named things, "
                           f"{counts['claims']} claims"),
        charts=charts_html(facts),
        leaderboards=leaderboards_html(result["leaderboards"]),
        central="<h3>Systems</h3>" + table_html(result["central_systems"], columns)
        + "<h3>Hardware</h3>" + table_html(result["central_hardware"], columns),
        hardware="<h3>By class</h3>" + table_html(usage["class"], ["class", "papers", "hardware"])
        + "<h3>By vendor</h3>" + table_html(usage["vendor"], ["vendor", "papers", "hardware"]),
    )


def write_report(store: KGStore, output: Path) -> None:
    """Write the report of a store to `output`."""
    page = report_html(load_facts(store))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
