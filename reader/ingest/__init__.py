"""Ingest: one module per format, one door: `read_articles(path)` -> Articles.

Formats are chosen by file suffix. A file that is not an article format is
*skipped* (not failed); a file that is one but cannot be read *fails* with an
IngestError that names the reason.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.model import Article

MAX_FILE_BYTES = 25 * 1024 * 1024  # saved articles are KBs; a 25 MB file is not one


class IngestError(Exception):
    """A file in an article format that could not be turned into an article."""


Parser = Callable[[bytes, Path], list[Article]]


def _html(data: bytes, path: Path) -> list[Article]:
    from reader.ingest import html

    return html.parse(data, path)


def _markdown(data: bytes, path: Path) -> list[Article]:
    from reader.ingest import markdown

    return markdown.parse(data, path)


def _mhtml(data: bytes, path: Path) -> list[Article]:
    from reader.ingest import mhtml

    return mhtml.parse(data, path)


def _wallabag(data: bytes, path: Path) -> list[Article]:
    from reader.ingest import wallabag

    return wallabag.parse(data, path)


def _plaintext(data: bytes, path: Path) -> list[Article]:
    from reader.ingest import plaintext

    return plaintext.parse(data, path)


# Parsers import lazily: trafilatura costs half a second and only HTML needs it.
PARSERS: dict[str, Parser] = {
    ".txt": _plaintext,
    ".text": _plaintext,
    ".md": _markdown,
    ".markdown": _markdown,
    ".html": _html,
    ".htm": _html,
    ".xhtml": _html,
    ".mhtml": _mhtml,
    ".mht": _mhtml,
    ".json": _wallabag,
}


def is_article_file(path: Path) -> bool:
    return path.suffix.lower() in PARSERS


@dataclass(frozen=True)
class SourceFile:
    """A file's bytes, read once, with what change detection needs."""

    path: Path
    data: bytes
    size: int
    mtime_ns: int

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def read_source(path: Path) -> SourceFile:
    """Read a file boundedly; raise IngestError with a reason a person understands."""
    try:
        st = path.stat()
        if st.st_size > MAX_FILE_BYTES:
            raise IngestError(
                f"file is {st.st_size / 1e6:.0f} MB; articles over {MAX_FILE_BYTES // 1024 // 1024} MB are not imported"
            )
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise IngestError("file disappeared before it could be read") from exc
    except PermissionError as exc:
        raise IngestError("permission denied") from exc
    except IsADirectoryError as exc:
        raise IngestError("is a directory") from exc
    except OSError as exc:
        raise IngestError(f"could not read: {exc.strerror or exc}") from exc
    if len(data) > MAX_FILE_BYTES:
        raise IngestError("file grew past the size limit while being read")
    return SourceFile(path=path, data=data, size=st.st_size, mtime_ns=st.st_mtime_ns)


def parse_source(source: SourceFile) -> list[Article]:
    """Parse a file's bytes with the parser for its suffix."""
    parser = PARSERS.get(source.path.suffix.lower())
    if parser is None:
        raise IngestError(f"not an article format: {source.path.suffix or 'no suffix'}")
    if not source.data.strip():
        raise IngestError("empty file")
    try:
        articles = parser(source.data, source.path)
    except IngestError:
        raise
    except RecursionError as exc:
        raise IngestError("document is nested too deeply to parse") from exc
    except Exception as exc:  # a parser bug must not stop an import
        raise IngestError(f"could not parse: {type(exc).__name__}: {exc}") from exc
    articles = [a for a in articles if a.blocks or a.title]
    if not articles:
        raise IngestError("no article text found")
    return articles


def read_articles(path: Path) -> list[Article]:
    """Read and parse one file into its articles (most files hold one)."""
    return parse_source(read_source(path))
