"""Saved SPARQL queries (*.rq beside this module) and running queries safely.

A saved query starts with comment headers::

    # description: Claims above a given speed-up
    # param: min decimal 2 -- smallest speed-up to list
    # param: baseline string - -- only claims against this baseline ('-' = any)

Parameters are bound as RDF terms in a VALUES block placed at the top of the
WHERE clause (or on a ``# parameters here`` line, for a query that needs them in a
subquery); user text is never pasted into the query. A `name` parameter is bound
as the name's lookup key, to be matched against kg:nameKey (an index lookup that
ignores case, spaces and hyphens).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from pyoxigraph import (
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
)

from kgraph.errors import QueryError
from kgraph.graph import lookup_key
from kgraph.store import KGStore

QUERY_DIR = Path(__file__).resolve().parent
XSD = "http://www.w3.org/2001/XMLSchema#"
PARAM_TYPES = {"string": XSD + "string", "name": XSD + "string", "decimal": XSD + "decimal",
               "integer": XSD + "integer"}
ANY = "-"
# A line that places the VALUES block, for a query that binds its parameters in a subquery.
PARAMS_HERE = re.compile(r"^[ \t]*# parameters here$", re.M)


@dataclass(frozen=True)
class Param:
    """A saved query's parameter: name, datatype, default ('-' = unbound) and help."""

    name: str
    type: str
    default: str
    help: str


@dataclass(frozen=True)
class SavedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    text: str


@dataclass(frozen=True)
class QueryResult:
    """A SELECT result as column names and rows of plain strings (None for unbound)."""

    columns: list[str]
    rows: list[list[str | None]]


def _parse_saved(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    desc = re.search(r"^# description:\s*(.+)$", text, re.M)
    params = tuple(
        Param(m[1], m[2], m[3], m[4].strip())
        for m in re.finditer(r"^# param:\s*(\w+)\s+(\w+)\s+(\S+)\s+--\s*(.*)$", text, re.M)
    )
    return SavedQuery(path.stem, desc[1].strip() if desc else "", params, text)


@lru_cache(maxsize=1)
def saved_queries() -> dict[str, SavedQuery]:
    """All saved queries by name."""
    return {p.stem: _parse_saved(p) for p in sorted(QUERY_DIR.glob("*.rq"))}


def _term(param: Param, raw: str) -> str:
    """The RDF term for a parameter value, in SPARQL syntax (escaped by pyoxigraph)."""
    if raw == ANY:
        return "UNDEF"
    if param.type in ("decimal", "integer"):
        try:
            number = Decimal(raw)
        except InvalidOperation:
            raise QueryError(f"parameter {param.name}: {raw!r} is not a number") from None
        if param.type == "integer" and number != number.to_integral_value():
            raise QueryError(f"parameter {param.name}: {raw!r} is not an integer")
        raw = str(number)
    elif param.type == "name":
        raw = lookup_key(raw)
    return str(Literal(raw, datatype=NamedNode(PARAM_TYPES[param.type])))


def bind(saved: SavedQuery, values: dict[str, str]) -> str:
    """The saved query's text with parameters bound in a VALUES block."""
    known = {p.name: p for p in saved.params}
    unknown = sorted(set(values) - set(known))
    if unknown:
        names = ", ".join(known) or "none"
        raise QueryError(f"query {saved.name}: unknown parameter {unknown[0]!r} (known: {names})")
    if not known:
        return saved.text
    variables = " ".join(f"?p_{n}" for n in known)
    terms = " ".join(_term(p, values.get(p.name, p.default)) for p in known.values())
    block = f"\n  VALUES ({variables}) {{ ({terms}) }}\n"
    match = PARAMS_HERE.search(saved.text) or re.search(r"\bWHERE\s*\{", saved.text, re.I)
    if not match:
        raise QueryError(f"query {saved.name}: no WHERE clause to bind parameters in")
    return saved.text[: match.end()] + block + saved.text[match.end():]


def resolve(query: str, params: dict[str, str] | None = None) -> str:
    """SPARQL text for a saved query name or a literal query."""
    params = params or {}
    saved = saved_queries().get(query)
    if saved:
        return bind(saved, params)
    if re.fullmatch(r"[\w-]+", query.strip()):
        raise QueryError(f"unknown saved query {query!r} (see `kgraph query --list`)")
    if params:
        raise QueryError("parameters apply to saved queries only")
    return query


def execute(store: KGStore, sparql: str) -> QuerySolutions | QueryBoolean | QueryTriples:
    """Run SPARQL over the union of all graphs; syntax errors become QueryError."""
    try:
        return store.oxigraph.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as err:
        raise QueryError(f"invalid SPARQL: {str(err).splitlines()[0]}") from None


def select(store: KGStore, query: str, params: dict[str, str] | None = None) -> QueryResult:
    """Run a SELECT (saved name or text) and return its rows as strings."""
    result = execute(store, resolve(query, params))
    if not isinstance(result, QuerySolutions):
        raise QueryError("only SELECT queries give a table; use `kgraph query --format ...`")
    columns = [v.value for v in result.variables]
    rows = [[_plain(sol[c]) for c in columns] for sol in result]
    return QueryResult(columns, rows)


def _plain(term: object) -> str | None:
    return None if term is None else term.value  # type: ignore[attr-defined]


def sparql_json(store: KGStore, query: str, params: dict[str, str] | None = None) -> str:
    """A query's results in the SPARQL 1.1 JSON results format."""
    result = execute(store, resolve(query, params))
    if isinstance(result, QueryTriples):
        raise QueryError("CONSTRUCT/DESCRIBE results have no SPARQL-JSON form; use `kgraph export`")
    return result.serialize(format=QueryResultsFormat.JSON).decode("utf-8")
