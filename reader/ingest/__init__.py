"""Ingest: one module per format, one door: `read_articles(path)` -> Articles.

Formats are chosen by extension, else by content (detect.py). A file that is
not an article format, or holds no text we can read (a scanned PDF), is
*skipped* with a reason (NotAnArticle); a file that is one but cannot be read
*fails* with an IngestError that names the reason.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from reader.ingest.errors import IngestError, NotAnArticle
from reader.ingest.formats import MAX_FILE_BYTES, PARSERS
from reader.model import Article

# Where the door's names live now (errors.py, formats.py): the rest of the project imports them from here.
__all__ = ["MAX_FILE_BYTES", "PARSERS", "IngestError", "NotAnArticle"]

# Text past this is not one article (a book, a forum dump, a log): analysing
# it would hold an import for seconds per megabyte (folding, entities, quotes
# and the fingerprint took 5 CPU-seconds for 2.4 million characters), so such
# a file is reported and skipped. Long-form articles run to ~100,000.
MAX_ARTICLE_CHARS = 2_000_000


def is_article_file(path: Path) -> bool:
    """Whether `path` is in a format we import (by extension or, without one we know, by content)."""
    from reader.ingest.detect import detect

    return detect(path).format in PARSERS


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


def not_a_file(mode: int) -> str | None:
    """What a path that is not a regular file is, in words (None for a file)."""
    import stat

    for test, name in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a directory"),
    ):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def read_source(path: Path) -> SourceFile:
    """Read a file boundedly; raise IngestError with a reason a person understands.

    What the path is gets checked before it is opened: a named pipe would
    hang the import (holding the archive's write lock), a device read forever."""
    try:
        st = path.stat()
        kind = not_a_file(st.st_mode)
        if kind is not None:
            raise IngestError(f"{kind}, not a file")
        if st.st_size > MAX_FILE_BYTES:
            raise IngestError(
                f"file is {st.st_size / 1e6:.0f} MB; articles over {MAX_FILE_BYTES // 1024 // 1024} MB are not imported"
            )
        with path.open("rb") as fh:
            # Asked for MAX_FILE_BYTES + 1 at once, CPython allocated that much
            # (26 MB) for every file before shrinking it to what was read.
            data = fh.read(st.st_size + 1)
            if len(data) > st.st_size:  # grown since looked at: read on, to the limit
                data += fh.read(MAX_FILE_BYTES + 1 - len(data))
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
    from reader.ingest.detect import detect

    detected = detect(source.path, data=source.data)
    parser = PARSERS.get(detected.format or "")
    if parser is None:
        raise NotAnArticle(detected.reason)
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
    articles = [with_site(a) for a in articles if a.blocks or a.title]
    if not articles:
        raise IngestError("no article text found")
    for article in articles:
        chars = sum(len(b.text) for b in article.blocks)
        if chars > MAX_ARTICLE_CHARS:
            raise IngestError(
                f"article text is {chars:,} characters; more than {MAX_ARTICLE_CHARS:,} are not imported "
                "(a book or a dump, not an article)"
            )
    return articles


def with_site(article: Article) -> Article:
    """An article keeps only the name in its site (not a copyright line or its
    headline); one whose source names no site is credited to its URL's host,
    so it can be filtered and grouped by site like the others."""
    from dataclasses import replace
    from urllib.parse import urlsplit

    from reader.ingest.site_names import site_name

    site = site_name(article.site, title=article.title)
    if site != article.site:
        article = replace(article, site=site)
    if article.site or not article.url:
        return article

    try:
        host = urlsplit(article.url).hostname
    except ValueError:
        return article
    return replace(article, site=host.removeprefix("www.")) if host else article


def read_articles(path: Path) -> list[Article]:
    """Read and parse one file into its articles (most files hold one)."""
    return parse_source(read_source(path))
