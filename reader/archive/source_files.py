"""An article's saved file as the app's `o` shows it: the file's path and
address, then its text for reading, or (a JSON export, a web archive: files
of many articles) the article's own record (reader/ingest/page_view.py)."""

from __future__ import annotations

from pathlib import Path


class SourceUnavailable(Exception):
    """An article's source file cannot be shown: gone, unreadable or not text."""


def source_text(url: str | None, sources: list[tuple[str, str]]) -> tuple[str, str]:
    """(path, text) of the first of an article's (path, part) sources, safe
    for a terminal: a pager shows the file's escape codes and links as text,
    never runs them. Raises SourceUnavailable saying why there is none."""
    from reader.ingest import IngestError
    from reader.ingest.page_view import source_view
    from reader.sanitize import clean_text

    if not sources:
        raise SourceUnavailable("the article has no source file")
    path, part = sources[0]
    try:
        return path, clean_text(source_view(Path(path), url, part))
    except IngestError as exc:
        raise SourceUnavailable(f"{path}: {exc}") from exc
