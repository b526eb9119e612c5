"""Helpers the format parsers share: titles from file names, dates, whitespace.

parse_date and squash live in reader/text (the chrome stage needs them too); the
parsers take them from here with the rest."""

from __future__ import annotations

import re
from pathlib import Path

from reader.sanitize import clean_line, clean_text
from reader.text.dates import parse_date
from reader.text.whitespace import squash

__all__ = ["meta_text", "parse_date", "squash", "title_from_path"]


def title_from_path(path: Path) -> str:
    """A readable title from a file name, when the document names none."""
    stem = re.sub(r"[-_]+", " ", path.stem).strip()
    return stem[:1].upper() + stem[1:] if stem else path.name


def meta_text(value: object) -> str | None:
    """A metadata value as one clean line, or None when empty."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value if v)
    text = clean_line(str(value))
    return text or None


def code_text(raw: str) -> str:
    """A code block's text as its lines: control characters out, tabs as four
    spaces, no trailing spaces, no blank lines around it; indentation kept."""
    lines = [line.rstrip() for line in clean_text(raw).expandtabs(4).split("\n")]
    return "\n".join(lines).strip("\n")
