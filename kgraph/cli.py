"""The `kgraph` command line: a thin layer over the library."""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kgraph.errors import KGraphError, QueryError
from kgraph.store import DEFAULT_STORE, KGStore

app = typer.Typer(help="Build and query knowledge graphs of systems, hardware and result claims "
                  "from paper abstracts.", no_args_is_help=True, add_completion=False)
out = Console()
err = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])

StoreOpt = Annotated[Path, typer.Option("--store", "-s", help="Store directory.")]
Inputs = Annotated[list[str], typer.Argument(help="Input files or directories ('-' for stdin).")]
BuildInputs = Annotated[list[str] | None, typer.Argument(
    help="Input files or directories ('-' for stdin); default: the bundled example corpus.")]
FormatOpt = Annotated[str | None, typer.Option("--format", help="Force the input format.")]
ParamOpt = Annotated[list[str] | None,
                     typer.Option("--param", "-p", help="Saved-query parameter NAME=VALUE.")]


def user_errors(func: F) -> F:
    """Report kgraph errors as one line on stderr and exit 1, without a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KGraphError as error:
            err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def skipped(error: KGraphError) -> None:
    """Report a bad record that was skipped, as one line."""
    err.print(f"[yellow]skipped[/yellow] {escape(str(error))}", highlight=False, soft_wrap=True)


def open_store(path: Path) -> KGStore:
    return KGStore(path, create=False)


@app.command()
@user_errors
def build(
    inputs: BuildInputs = None,
    store: StoreOpt = DEFAULT_STORE,
    fmt: FormatOpt = None,
    strict: Annotated[bool, typer.Option(help="Stop at the first bad record.")] = False,
    workers: Annotated[int, typer.Option(help="Extraction processes.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Papers per atomic store load.")] = 500,
    dask: Annotated[str | None, typer.Option(
        help="Extract on a Dask cluster: a scheduler address, or 'local'.")] = None,
) -> None:
    """Read abstracts, extract entities and claims, and add new papers to the store."""
    from kgraph.build import build as run_build
    from kgraph.ingest import EXAMPLES_DIR
    from kgraph.progress import progress_bar

    paths = inputs or [str(EXAMPLES_DIR)]
    if dask:
        from kgraph.distributed import build_dask

        report = build_dask(paths, KGStore(store), dask, fmt)
        for error in report.errors:
            skipped(error)
    else:
        with progress_bar(err) as advance:
            report = run_build(paths, KGStore(store), fmt=fmt, strict=strict, workers=workers,
                               batch_size=batch_size, on_error=skipped, progress=advance)
    out.print(f"read {report.read} papers: {report.added} added, {report.skipped} already "
              f"present, {len(report.errors)} bad records skipped; {report.mentions} mentions, "
              f"{report.claims} claims; store {store} holds {report.triples} quads",
              highlight=False)


@app.command()
@user_errors
def extract(
    inputs: Inputs,
    output: Annotated[Path, typer.Option("-o", "--output", help="Predictions JSONL.")],
    fmt: FormatOpt = None,
) -> None:
    """Write one JSON line of entities and metrics per paper (the scorer's format)."""
    from kgraph.extract import build_nlp, extract_papers, to_record
    from kgraph.ingest import read_papers

    papers = read_papers(inputs, fmt, on_error=skipped)
    count = 0
    with output.open("w", encoding="utf-8") as f:
        for ex in extract_papers(papers, build_nlp()):
            f.write(json.dumps(to_record(ex), ensure_ascii=False) + "\n")
            count += 1
    out.print(f"wrote {count} records to {output}")


@app.command(name="eval")
@user_errors
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (see ANNOTATION.md).")],
    misses: Annotated[bool, typer.Option("--misses", help="List every miss.")] = False,
) -> None:
    """Extract from the gold records and print precision/recall/F1 and attachment accuracy."""
    from kgraph.evaluate import ROWS, evaluate_file, prf

    scores = evaluate_file(gold)
    if misses:
        for miss in scores.misses:
            out.print("  ", *miss, highlight=False)
    table = Table("", "P", "R", "F1", "tp/fp/fn")
    counts = [(r, scores.entities[r]) for r in ROWS if r in scores.entities]
    for row, (tp, fp, fn) in [*counts, ("METRIC", scores.metrics)]:
        table.add_row(row, *(f"{v:.3f}" for v in prf(tp, fp, fn)), f"{tp}/{fp}/{fn}")
    out.print(table)
    for key, (right, total) in scores.attach.items():
        out.print(f"attach {key:8s} {right}/{total} = {scores.attachment(key):.3f}")
    out.print(f"entity F1 {scores.f1('ALL'):.3f}  metric F1 {scores.f1('METRIC'):.3f}  "
              f"system-attach {scores.attachment('system'):.3f}")


@app.command()
@user_errors
def query(
    sparql: Annotated[str | None, typer.Argument(help="SPARQL text or a saved query name.")] = None,
    param: ParamOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f",
                                     help="table, csv, json or sparql-json.")] = "table",
    list_saved: Annotated[bool, typer.Option("--list", help="List saved queries.")] = False,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Run a SPARQL query or a saved query over the store."""
    from kgraph.queries.query import saved_queries, select, sparql_json

    if list_saved or sparql is None:
        _print_saved(saved_queries())
        return
    params = _parse_params(param or [])
    kg = open_store(store)
    if fmt == "sparql-json":
        sys.stdout.write(sparql_json(kg, sparql, params) + "\n")
        return
    result = select(kg, sparql, params)
    _print_rows(result.columns, result.rows, fmt)


def _parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise QueryError(f"--param {pair!r}: expected NAME=VALUE")
        params[name.strip()] = value
    return params


def _print_saved(saved: dict) -> None:
    for name, q in saved.items():
        params = ", ".join(f"{p.name}={p.default}" for p in q.params)
        out.print(f"[bold]{name}[/bold]  {escape(q.description)}"
                  + (f"  [dim]({escape(params)})[/dim]" if params else ""), soft_wrap=True)


def _print_rows(columns: list[str], rows: list[list[str | None]], fmt: str) -> None:
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
    elif fmt == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        sys.stdout.write(json.dumps(records, indent=1) + "\n")
    elif fmt == "table":
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else v for v in row))
        out.print(table)
        out.print(f"{len(rows)} rows")
    else:
        raise QueryError(f"unknown output format {fmt!r} (table, csv, json, sparql-json)")


@app.command()
@user_errors
def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="turtle, ntriples, nquads, "
                                            "trig, jsonld, rdfxml or csv (claims).")] = None,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Write the graph in a standard RDF syntax (streamed), or the claims as CSV."""
    from kgraph.export import export as run_export
    from kgraph.export import format_for

    name = format_for(output, fmt)
    kg = open_store(store)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".part")
    with tmp.open("wb") as f:
        run_export(kg, f, name)
    tmp.replace(output)
    out.print(f"wrote {output} ({name})")


@app.command()
@user_errors
def stats(store: StoreOpt = DEFAULT_STORE) -> None:
    """Count papers, claims, systems, hardware ... in the store."""
    from kgraph.queries.query import select

    result = select(open_store(store), "counts-by-type")
    _print_rows(result.columns, result.rows, "table")


@app.command()
@user_errors
def remove(source: Annotated[str, typer.Argument(help="The input file as given to build.")],
           store: StoreOpt = DEFAULT_STORE) -> None:
    """Drop one input file's papers (its named graph) from the store."""
    removed = open_store(store).remove_source(source)
    out.print(f"removed {removed} quads of {source}")


@app.command()
@user_errors
def validate(store: StoreOpt = DEFAULT_STORE) -> None:
    """Check the store against the SHACL shapes in ontologies/shapes.ttl."""
    from kgraph.validate import validate as run_validate

    violations = run_validate(open_store(store))
    for v in violations:
        out.print(f"[red]violation[/red] {v.focus} {v.path}: {v.message}", highlight=False)
    if violations:
        raise KGraphError(f"{len(violations)} SHACL violations in {store}")
    out.print(f"{store} conforms to the shapes")


@app.command()
@user_errors
def why(subject: Annotated[str, typer.Argument(help="A name (system, hardware...) or claim IRI.")],
        store: StoreOpt = DEFAULT_STORE) -> None:
    """Print the sentences behind a name or a claim."""
    from kgraph.provenance import why as run_why

    evidence = run_why(open_store(store), subject)
    if not evidence:
        raise KGraphError(f"nothing in {store} is named or identified by {subject!r}")
    for e in evidence:
        out.print(f"[bold]{escape(e.title)}[/bold] [{e.start}:{e.end}] {escape(e.what)}")
        out.print(f"  {escape(e.sentence)}", highlight=False)


@app.command()
@user_errors
def push(url: Annotated[str, typer.Argument(help="SPARQL 1.1 Graph Store Protocol endpoint.")],
         store: StoreOpt = DEFAULT_STORE) -> None:
    """Upload every named graph to a Graph Store Protocol endpoint (replacing them there)."""
    from kgraph.push import push as run_push

    sent = run_push(open_store(store), url)
    out.print(f"pushed {sent} graphs to {url}")


HtmlOut = Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")]


@app.command()
@user_errors
def view(
    output: HtmlOut = DEFAULT_STORE.parent / "graph.html",
    focus: Annotated[str | None, typer.Option(help="Show only this name's neighbourhood.")] = None,
    depth: Annotated[int, typer.Option(min=1, help="Hops around --focus.")] = 1,
    max_nodes: Annotated[int, typer.Option(min=1, help="Keep the best-connected nodes.")] = 300,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Write an interactive, offline HTML view of the graph or of one name's neighbourhood."""
    from kgraph.viz import write_view

    shown = write_view(open_store(store), output, focus=focus, depth=depth, max_nodes=max_nodes)
    out.print(f"wrote {output}: {shown.nodes} of {shown.total_nodes} nodes, {shown.edges} links",
              highlight=False)


@app.command()
@user_errors
def analyze(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON, not tables.")] = False,
    beats: Annotated[str | None, typer.Option(help="List what beats this system.")] = None,
    graphml: Annotated[Path | None, typer.Option(help="Write the graph as GraphML.")] = None,
    gexf: Annotated[Path | None, typer.Option(help="Write the graph as GEXF (Gephi).")] = None,
    top: Annotated[int, typer.Option(min=1, help="Rows per ranking.")] = 10,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Central systems and hardware, communities, leaderboards, hardware usage, who beats whom."""
    from rich.text import Text

    from kgraph import analyze as an
    from kgraph.facts import load_facts

    facts = load_facts(open_store(store))
    result = an.analyze(facts, beats_name=beats, top=top)
    for path, fmt in ((graphml, "graphml"), (gexf, "gexf")):
        if path:
            an.write_graph(an.typed_graph(facts), path, fmt)
            err.print(f"wrote {path}", highlight=False)
    if as_json:
        sys.stdout.write(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
        return
    for title, columns, rows in an.tables(result):
        table = Table(*columns, title=title, title_justify="left")
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        out.print(table)


@app.command()
@user_errors
def report(output: HtmlOut = DEFAULT_STORE.parent / "report.html",
           store: StoreOpt = DEFAULT_STORE) -> None:
    """Write a self-contained HTML report: charts, leaderboards, central systems, hardware."""
    from kgraph.report import write_report

    write_report(open_store(store), output)
    out.print(f"wrote {output}", highlight=False)


@app.command()
@user_errors
def serve(
    store: StoreOpt = DEFAULT_STORE,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 7878,
    timeout: Annotated[float, typer.Option(help="Seconds before a query is cut off.")] = 30.0,
    max_bytes: Annotated[int, typer.Option(help="Largest result to send.")] = 50_000_000,
) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol, with a query page in the browser."""
    from kgraph.serve import Running, ServeConfig

    running = Running(ServeConfig(store, host, port, timeout, max_bytes))
    out.print(f"serving {store} at {running.url} (SPARQL endpoint {running.url}/query); "
              "Ctrl-C stops", highlight=False)
    try:
        running.wait()
    except KeyboardInterrupt:
        pass
    finally:
        running.close()


def main() -> None:
    app()
