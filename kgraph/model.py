"""Plain data passed between the pipeline stages: no I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True)
class Paper:
    """One abstract as read from an input file.

    `text` (title + " " + abstract) is what extraction offsets refer to.
    """

    id: str
    title: str
    abstract: str
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    source: str = ""
    line: int = 0
    date: str | None = None
    doi: str | None = None
    arxiv_id: str | None = None

    @property
    def text(self) -> str:
        return f"{self.title} {self.abstract}"


class Mention(NamedTuple):
    """A typed name or hardware mention; offsets into `Paper.text`.

    `canonical` is the resolved name (catalogue entry for hardware);
    `sentence` is the (start, end) span of the sentence it occurs in.
    """

    text: str
    type: str
    canonical: str
    start: int
    end: int
    sentence: tuple[int, int] = (0, 0)


class Claim(NamedTuple):
    """A result number with what it is about; offsets into `Paper.text`."""

    text: str
    value: float
    unit: str
    metric: str
    system: str | None
    baseline: str | None
    hardware: str | None
    start: int
    end: int
    sentence: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one paper."""

    paper: Paper
    mentions: tuple[Mention, ...] = field(default=())
    claims: tuple[Claim, ...] = field(default=())
