"""newsreader's JSON export read one article at a time, so importing an export
of a whole archive takes the memory of one article, not of the file: read
whole, a 780,000-article export took 1.24 GB, and past MAX_FILE_BYTES an
export (any archive of more than a few thousand articles) was refused.

A hand-written incremental reader of the one shape the export has, rather
than a streaming JSON library: each record is decoded by the standard
library's own decoder (json.JSONDecoder.raw_decode), so a record means here
exactly what json.loads makes of it (NaN, huge numbers, escapes), and the
export's checks (newsreader_json.py) give the same messages either way.

Streamed: a file whose first member is `"format": "newsreader-export"` (every
export newsreader writes); it must then be `{"format": …, …scalars…,
"articles": [records…]}` in UTF-8. Any other JSON file goes through the
format's whole-file reader as before.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from reader.ingest import MAX_ARTICLE_CHARS, MAX_FILE_BYTES, IngestError, with_site
from reader.model import Article

CHUNK = 1 << 20
# A streamed export starts like this (after an optional BOM and whitespace).
_HEAD = re.compile(r'^\ufeff?\s*\{\s*"format"\s*:\s*"newsreader-export"')
_SPACE = re.compile(r"\s*")
_NUMBER_CHARS = re.compile(r"[0-9eE.+-]*")


def is_streamed_export(path: Path) -> bool:
    """Whether `path` is an export this module reads (by its first bytes; only
    a regular file is opened: a named pipe would wait for a writer)."""
    import stat

    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open("rb") as fh:
            head = fh.read(256)
    except OSError:
        return False
    return bool(_HEAD.match(head.decode("utf-8", errors="replace")))


class _Text:
    """A UTF-8 file as text, read a chunk at a time; what was consumed is dropped."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self.digest = hashlib.sha256()
        self.buf = ""
        self.pos = 0
        self.eof = False
        self._line = 1  # line number of buf[0], for error messages

    def more(self) -> bool:
        """Read the next chunk; False at the end of the file."""
        if self.eof:
            return False
        data = self._fh.read(CHUNK)
        self.digest.update(data)
        if self.pos > CHUNK:
            self._line += self.buf.count("\n", 0, self.pos)
            self.buf, self.pos = self.buf[self.pos :], 0
        try:
            self.buf += self._decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise IngestError(f"JSON export is not UTF-8 ({exc.reason})") from None
        self.eof = not data
        return True

    def skip_space(self) -> None:
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf) or not self.more():
                return

    def punctuation(self, wanted: str) -> str:
        """The next non-space character, which must be one of `wanted`."""
        self.skip_space()
        if self.pos >= len(self.buf) or self.buf[self.pos] not in wanted:
            found = repr(self.buf[self.pos]) if self.pos < len(self.buf) else "the end of the file"
            raise self.invalid(f"expected {' or '.join(repr(c) for c in wanted)}, found {found}")
        self.pos += 1
        return self.buf[self.pos - 1]

    def value(self, decoder: json.JSONDecoder = json.JSONDecoder()) -> object:  # noqa: B008 - one decoder
        """The next JSON value, decoded as json.loads decodes it."""
        self.skip_space()
        while True:
            try:
                value, end = decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if self._grow():
                    continue
                raise self.invalid(exc.msg, exc.pos) from None
            except RecursionError:
                raise IngestError("JSON export is nested too deeply to read") from None
            # A number read to the end of what is read may go on in the next
            # chunk ("0." then "5"): read on until something else follows it.
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if number and _NUMBER_CHARS.match(self.buf, end).end() == len(self.buf) and self._grow():  # type: ignore[union-attr]
                continue
            self.pos = end
            return value

    def _grow(self) -> bool:
        """Read more for a value that may go on past what is read; False at the
        end of the file, or once the value would pass MAX_FILE_BYTES (no
        article is that large: it is invalid, and said so, where it fails)."""
        return len(self.buf) - self.pos <= MAX_FILE_BYTES and self.more()

    def invalid(self, why: str, at: int | None = None) -> IngestError:
        at = self.pos if at is None else at
        line = self._line + self.buf.count("\n", 0, at)
        column = at - self.buf.rfind("\n", 0, at)
        return IngestError(f"JSON export is truncated or invalid (line {line}, column {column}: {why})")


def records(path: Path, header: dict[str, object] | None = None) -> Iterator[object]:
    """Each record of the export's "articles" array, in order; the members
    before it go into `header`. IngestError if the file is not that shape.
    After the last record, `header["sha256"]` is the file's digest."""
    header = {} if header is None else header
    with path.open("rb") as fh:
        text = _Text(fh)
        text.punctuation("{")
        while True:
            key = text.value()
            if not isinstance(key, str):
                raise text.invalid("expected a member name")
            text.punctuation(":")
            if key == "articles":
                break
            header[key] = text.value()
            text.punctuation(",")
        text.punctuation("[")
        text.skip_space()
        if text.buf[text.pos : text.pos + 1] == "]":
            text.pos += 1
        else:
            while True:
                yield text.value()
                if text.punctuation(",]") == "]":
                    break
        while text.punctuation(",}") == ",":  # members after the articles
            text.value()
            text.punctuation(":")
            text.value()
        text.skip_space()
        if text.pos < len(text.buf):
            raise text.invalid("more after the end of the export")
        while text.more():  # the digest covers every byte
            pass
        header["sha256"] = text.digest.hexdigest()


def articles(path: Path, header: dict[str, object] | None = None) -> Iterator[Article]:
    """Each article of a streamed export, one at a time, checked as any file's
    articles are (the export's shape, the version, an article's size); records
    with neither text nor title are passed over."""
    from reader.ingest.newsreader_json import check_version, parse_record

    header = {} if header is None else header
    checked = False
    for n, record in enumerate(records(path, header)):
        if not checked:
            check_version(header)
            checked = True
        article = with_site(parse_record(record, n))
        if not (article.blocks or article.title):
            continue
        chars = sum(len(b.text) for b in article.blocks)
        if chars > MAX_ARTICLE_CHARS:
            raise IngestError(
                f"article {n + 1} of the export: its text is {chars:,} characters; more than "
                f"{MAX_ARTICLE_CHARS:,} are not imported (a book or a dump, not an article)"
            )
        yield article
    if not checked:
        check_version(header)
