"""Interactive views of the graph: one self-contained, offline, escaped HTML page.

The page embeds vis-network (the copy that ships inside pyvis) and the node and
edge data as inert JSON; tooltips are turned into DOM text by a small script, so
titles and sentences from papers can never become markup. Node and edge data are
built directly (pyvis's `add_edge` is quadratic); pyvis supplies the assets and
the physics options. A Content-Security-Policy allows only the page's own two
scripts (by hash) and no network access at all.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import Any

import networkx as nx

from kgraph.analyze import find_node, typed_graph
from kgraph.facts import load_facts
from kgraph.store import KGStore

ASSETS = files("kgraph") / "viz_assets"
STYLE = {  # legend key -> (colour, vis shape)
    "paper": ("#9e9e9e", "square"), "system": ("#1f77b4", "dot"),
    "model": ("#9467bd", "diamond"), "dataset": ("#8c564b", "triangle"),
    "baseline": ("#bcbd22", "triangleDown"), "GPU": ("#d62728", "hexagon"),
    "CPU": ("#ff7f0e", "hexagon"), "Accelerator": ("#17becf", "hexagon"),
    "Memory": ("#e377c2", "hexagon"), "Storage": ("#7f7f7f", "hexagon"),
    "Interconnect": ("#2ca02c", "hexagon"), "hardware": ("#a05050", "hexagon"),
}
CLAIM_EDGE, MENTION_EDGE = "#e6550d", "#c8c8c8"
MAX_LINES, MAX_CHARS = 4, 300
CSP = ("default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; "
       "img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'")


@dataclass(frozen=True)
class ViewSummary:
    """What a written view shows: nodes and edges kept, out of how many."""

    nodes: int
    edges: int
    total_nodes: int


def legend_key(data: dict[str, Any]) -> str:
    """The legend entry of a node: its hardware class, else its type."""
    return data.get("hw_class") or data.get("type", "hardware")


def select_nodes(graph: nx.Graph, max_nodes: int | None, keep: str | None = None) -> list[Any]:
    """The `max_nodes` best-connected nodes (all if None), `keep` always among them.

    Examples:
        >>> select_nodes(nx.star_graph(3), 2)
        [0, 1]
    """
    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), str(n)))
    if max_nodes is None or len(ranked) <= max_nodes:
        return ranked
    chosen = ranked[:max_nodes]
    if keep is not None and keep not in chosen:
        chosen[-1] = keep
    return chosen


def _clip(text: str) -> str:
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"


def _edge_line(data: dict[str, Any]) -> str:
    if data.get("relation") == "mentions":
        return f"mentions: “{_clip(data.get('sentence', ''))}”"
    return (f"{data.get('relation')}: {data.get('claim', '')} ({_clip(data.get('title', ''))})\n"
            f"  “{_clip(data.get('sentence', ''))}”")


def _node_tip(data: dict[str, Any], degree: int, claims: list[str]) -> str:
    lines = [f"{legend_key(data)}: {data.get('label', '')}"]
    if data.get("aliases"):
        lines.append("also: " + ", ".join(data["aliases"][:MAX_LINES]))
    if data.get("vendor"):
        lines.append(f"vendor: {data['vendor']}")
    lines.append(f"{degree} links")
    if claims:
        lines.append("claims:")
        lines.extend(f"• {c}" for c in claims[:MAX_LINES])
    return "\n".join(lines)


def view_data(graph: nx.MultiGraph, nodes: list[Any], focus: Any = None) -> dict[str, Any]:
    """vis-network nodes and edges (with plain-text tooltips) for the chosen nodes."""
    index = {n: i for i, n in enumerate(nodes)}
    pairs: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    claims: dict[Any, list[str]] = defaultdict(list)
    for u, v, d in graph.edges(nodes, data=True):
        if v not in index:
            continue
        pairs[(index[u], index[v]) if index[u] < index[v] else (index[v], index[u])].append(d)
        line = f"{d['claim']} — “{_clip(d.get('sentence', ''))}”" if "claim" in d else None
        if line and len(claims[d["source"]]) < MAX_LINES and line not in claims[d["source"]]:
            claims[d["source"]].append(line)
    degree = Counter(n for pair in pairs for n in pair)
    out_nodes = [_node(n, graph.nodes[n], i, degree[i], claims[n], n == focus)
                 for n, i in index.items()]
    out_edges = [_edge(i, pair, datas, index) for i, (pair, datas) in enumerate(pairs.items())]
    return {"nodes": out_nodes, "edges": out_edges}


def _node(node: Any, data: dict[str, Any], i: int, degree: int, claims: list[str],
          focus: bool) -> dict[str, Any]:
    colour, shape = STYLE.get(legend_key(data), STYLE["hardware"])
    label = data.get("label", str(node))
    return {"id": i, "label": label if len(label) <= 40 else label[:39] + "…", "shape": shape,
            "color": colour, "value": degree + 1, "borderWidth": 4 if focus else 1,
            "tip": _node_tip(data, degree, claims)}


def _edge(i: int, pair: tuple[int, int], datas: list[dict[str, Any]],
          index: dict[Any, int]) -> dict[str, Any]:
    edge: dict[str, Any] = {"id": i, "from": pair[0], "to": pair[1], "color": MENTION_EDGE,
                            "width": 1, "tip": "\n".join(_edge_line(d) for d in datas[:MAX_LINES])}
    compared = next((d for d in datas if d.get("relation") == "compared to"), None)
    if any("claim" in d for d in datas):
        edge.update(color=CLAIM_EDGE, width=min(1 + len(datas), 6))
    if compared:
        winner = index[compared["source"]]
        edge.update({"from": winner, "to": pair[1] if winner == pair[0] else pair[0],
                     "arrows": "to"})
    return edge


def vis_options(node_count: int) -> dict[str, Any]:
    """vis-network options, built with pyvis's option objects: quick Barnes-Hut, then frozen."""
    from pyvis.network import Network

    net = Network()
    net.barnes_hut(gravity=-3000, central_gravity=0.3, spring_length=120,
                   spring_strength=0.04, damping=0.6, overlap=0)
    net.options.physics.stabilization.iterations = 300 if node_count <= 1000 else 120
    net.options.physics.stabilization.updateInterval = 20
    net.options.edges.smooth.enabled = False
    net.toggle_hide_edges_on_drag(node_count > 500)
    options = json.loads(net.options.to_json())
    options["physics"]["minVelocity"] = 1
    options["layout"] = {"randomSeed": 7, "improvedLayout": node_count <= 150}
    options["interaction"].update(hover=True, tooltipDelay=150)
    options["nodes"] = {"scaling": {"min": 8, "max": 40}, "font": {"size": 12}}
    return options


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element: no <, >, & or line separators.

    Examples:
        >>> script_json({"t": "</script><b>&"})
        '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def _inline(code: str, tag: str) -> str:
    """Library code made safe to sit between <tag> and </tag>."""
    code = re.sub(f"</(?={tag})", r"<\\/", code, flags=re.I)
    return code.replace("<!--", "<\\!--")


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS, from the copy bundled with pyvis."""
    lib = files("pyvis") / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    return _inline(js, "script"), _inline(css, "style")


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def legend_html(graph: nx.Graph, shown: list[Any]) -> str:
    """Legend items: swatch in the node's colour and shape, type, shown/total count."""
    total = Counter(legend_key(d) for _, d in graph.nodes(data=True))
    kept = Counter(legend_key(graph.nodes[n]) for n in shown)
    items = []
    for key in sorted(total, key=lambda k: list(STYLE).index(k) if k in STYLE else len(STYLE)):
        colour, shape = STYLE.get(key, STYLE["hardware"])
        count = f"{kept[key]}" if kept[key] == total[key] else f"{kept[key]} of {total[key]}"
        items.append(f'<li><span class="swatch {shape}" style="background:{colour}"></span>'
                     f"{html.escape(key)} ({count})</li>")
    return "".join(items)


def render_page(title: str, note: str, legend: str, data: dict[str, Any]) -> str:
    """The whole HTML page: escaped text, inline assets, JSON data, hash-pinned scripts."""
    vis_js, vis_css = vis_assets()
    app_js = _inline((ASSETS / "view.js").read_text(encoding="utf-8"), "script")
    template = Template((ASSETS / "view.html").read_text(encoding="utf-8"))
    return template.substitute(
        csp=CSP.format(scripts=f"{_hash(vis_js)} {_hash(app_js)}"),
        title=html.escape(title), note=html.escape(note), legend=legend,
        vis_css=vis_css, vis_js=vis_js, app_js=app_js, data=script_json(data))


def view_html(graph: nx.MultiGraph, *, focus: str | None = None, depth: int = 1,
              max_nodes: int | None = 300, title: str = "kgraph") -> tuple[str, ViewSummary]:
    """The page for a graph, or for the ego graph of `focus` within `depth` hops."""
    centre = None
    if focus:
        centre = find_node(graph, focus)
        graph = nx.ego_graph(graph, centre, radius=depth)
        title = f"{title}: {graph.nodes[centre]['label']} and {depth}-hop neighbourhood"
    nodes = select_nodes(graph, max_nodes, centre)
    data = view_data(graph, nodes, centre)
    data["options"] = vis_options(len(nodes))
    summary = ViewSummary(len(nodes), len(data["edges"]), graph.number_of_nodes())
    note = (f"{summary.nodes} of {summary.total_nodes} nodes (best connected), "
            if summary.nodes < summary.total_nodes else f"{summary.nodes} nodes, ")
    note += f"{summary.edges} links. Hover for sentences and claims."
    return render_page(title, note, legend_html(graph, nodes), data), summary


def write_view(store: KGStore, output: Path, **options: Any) -> ViewSummary:
    """Write the view of a store's graph to `output` (see `view_html` for the options)."""
    page, summary = view_html(typed_graph(load_facts(store)), **options)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
    return summary
