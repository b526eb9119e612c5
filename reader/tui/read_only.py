"""A read-only archive in the app: read as it stands, and a change the reader
asks for (a star, tags, a highlight, an import…) is refused with a note
instead of failing; what the app keeps by itself (read marks, positions) is
not kept there."""

from __future__ import annotations

from textual.app import App
from textual.widget import Widget

from reader.archive import Archive

NOTE = "This archive is read-only here: reading works; stars, tags, highlights, read marks and imports are not kept"


def refused(node: Widget | App[None], archive: Archive) -> bool:
    """True (and a note said) when `archive` cannot take the change about to be made."""
    if archive.read_only:
        node.notify(NOTE, severity="warning")
        return True
    return False
