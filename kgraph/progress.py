"""A rich progress bar on a terminal, silence in pipes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn


@contextmanager
def progress_bar(console: Console) -> Iterator[Callable[[int], None]]:
    """Yield `advance(n)`; draws papers loaded and papers/s when `console` is a terminal."""
    if not console.is_terminal:
        yield lambda n: None
        return
    columns = (TextColumn("{task.completed} papers"), BarColumn(),
               TextColumn("{task.fields[rate]}"),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("build", total=None, rate="")

        def advance(n: int) -> None:
            progress.advance(task, n)
            speed = progress.tasks[0].speed
            progress.update(task, rate=f"{speed:.0f} papers/s" if speed else "")

        yield advance
