"""Opening inputs: files, directories, stdin and .gz/.bz2, as numbered text lines."""

from __future__ import annotations

import atexit
import bz2
import gzip
import shutil
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import BinaryIO

from kgraph.errors import InputError

HEAD_BYTES = 8192
OPENERS = {".gz": gzip.open, ".bz2": bz2.open}


@dataclass
class SourceText:
    """One input as lines of text; file-level problems are kept as errors, not raised."""

    name: str
    path: Path
    member: str | None = None
    head: str = ""
    error: InputError | None = None
    late_error: InputError | None = None
    line_errors: list[InputError] = field(default_factory=list)

    def open(self) -> BinaryIO:
        if self.member is not None:
            return _ZipMember(self.path, self.member)  # type: ignore[return-value]
        opener = OPENERS.get(self.path.suffix.lower(), open)
        return opener(self.path, "rb")  # type: ignore[return-value]

    def lines(self) -> Iterator[tuple[int, str]]:
        """(line number, text) pairs; undecodable lines are recorded as errors and skipped."""
        number = 0
        with self.open() as stream:
            try:
                for number, raw in enumerate(stream, 1):
                    try:
                        yield number, raw.decode("utf-8")
                    except UnicodeDecodeError:
                        self.line_errors.append(InputError(self.name, number, "not UTF-8 text"))
            except (EOFError, OSError, zlib.error) as error:
                self.late_error = InputError(self.name, number + 1, f"unreadable ({error})")


def probe(source: SourceText) -> SourceText:
    """Read the first bytes: empty and binary files become file-level errors."""
    try:
        with source.open() as stream:
            head = stream.read(HEAD_BYTES)
    except (EOFError, OSError, zlib.error, zipfile.BadZipFile) as error:
        source.error = InputError(source.name, 1, f"unreadable ({error})")
        return source
    if not head.strip():
        source.error = InputError(source.name, None, "empty file")
    elif _binary(head):
        source.error = InputError(source.name, None, "binary file, not text")
    else:
        source.head = head.decode("utf-8", errors="replace")
    return source


def _binary(head: bytes) -> bool:
    """Mostly control bytes: a binary file, not text with a stray bad line."""
    control = sum(b < 9 or 13 < b < 32 for b in head)
    return control > 0.1 * len(head)


@cache
def _spooled(stream: BinaryIO) -> Path:
    """A stream (standard input) copied to a temporary file (removed at exit), once, so it
    can be read again (a strict build reads its inputs twice)."""
    with tempfile.NamedTemporaryFile(prefix="kgraph-stdin-", delete=False) as copy:
        shutil.copyfileobj(stream, copy)
    atexit.register(Path(copy.name).unlink, missing_ok=True)
    return Path(copy.name)


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if not any(part.startswith(".") for part in child.relative_to(path).parts):
                yield child
    else:
        yield path


class _ZipMember:
    """One member of a zip archive as a binary stream that closes its archive too."""

    def __init__(self, path: Path, member: str) -> None:
        self._archive = zipfile.ZipFile(path)
        self._stream = self._archive.open(member)

    def __enter__(self) -> BinaryIO:
        return self._stream  # type: ignore[return-value]

    def __exit__(self, *exc: object) -> None:
        self._stream.close()
        self._archive.close()


def _zip_sources(path: Path) -> Iterator[SourceText]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if not m.endswith("/")]
    except zipfile.BadZipFile as error:
        source = SourceText(str(path), path)
        source.error = InputError(str(path), None, f"bad zip archive ({error})")
        yield source
        return
    for member in sorted(members):
        if not any(part.startswith(".") for part in member.split("/")):
            yield probe(SourceText(f"{path}/{member}", path, member))


def open_sources(paths: Iterable[str | Path]) -> Iterator[SourceText]:
    """Every input file under `paths`, in order; directories recursively, hidden files skipped.

    A missing path is an InputError before anything is read.
    """
    paths = [str(p) for p in paths]
    for raw in paths:
        if raw != "-" and not Path(raw).exists():
            raise InputError(raw, None, "no such file")
    for raw in paths:
        if raw == "-":
            yield probe(SourceText("-", _spooled(sys.stdin.buffer)))
            continue
        for file in _files(Path(raw)):
            if file.suffix.lower() == ".zip":
                yield from _zip_sources(file)
            else:
                yield probe(SourceText(str(file), file))
