"""Documentation cannot drift: every command has help text and a README line."""

from __future__ import annotations

from pathlib import Path

from kgraph.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_documented():
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert command.callback.__doc__, name
        assert f"kgraph {name}" in README, f"`kgraph {name}` missing from README"


def test_readme_starts_with_the_two_commands():
    setup = README.split("## Set-up", 1)[1].split("##", 1)[0]
    assert "make demo" in setup and "make test" in setup
