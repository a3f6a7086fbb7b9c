"""Domain exceptions: the CLI turns each into one clear line and a non-zero exit."""

from __future__ import annotations


class KGraphError(Exception):
    """Base class of every error kgraph reports to a user."""


class InputError(KGraphError):
    """A bad input file or record, located by path and line."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        self.path, self.line, self.reason = path, line, reason
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")


class QueryError(KGraphError):
    """An invalid SPARQL query, unknown saved query or bad parameter."""


class StoreError(KGraphError):
    """A missing or unusable store."""
