"""Helpers the format parsers share: titles from file names, dates, whitespace.

parse_date and squash live in reader/text (the chrome stage needs them too); the
parsers take them from here with the rest."""

from __future__ import annotations

import re
from pathlib import Path

from reader.sanitize import clean_line
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
