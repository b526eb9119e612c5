"""The `newsreader` command: the parser (parser.py), running a command (run.py) and one
module per group of commands: importing, listings, marks (state, tags, highlights,
corrections, saved searches) and upkeep. Textual loads lazily."""

from __future__ import annotations

from reader.cli.run import main

__all__ = ["main"]
