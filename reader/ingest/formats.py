"""The formats the door reads: each one's parser (imported on first use), and the largest
file read at all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.model import Article

MAX_FILE_BYTES = 25 * 1024 * 1024  # saved articles are KBs; a 25 MB file is not one

Parser = Callable[[bytes, Path], list[Article]]


def _lazy(module: str) -> Parser:
    """A format's parse(), imported on first use: trafilatura alone costs half a
    second, and a folder of Markdown never needs it."""

    def parse(data: bytes, path: Path) -> list[Article]:
        import importlib

        parser: Parser = importlib.import_module(f"reader.ingest.{module}").parse
        return parser(data, path)

    return parse


PARSERS: dict[str, Parser] = {
    "txt": _lazy("plaintext"),
    "md": _lazy("markdown"),
    "html": _lazy("webpage"),
    "mhtml": _lazy("mhtml"),
    "pdf": _lazy("pdf"),
    "epub": _lazy("epub"),
    "warc": _lazy("warc"),
    "wacz": _lazy("wacz"),
    "webarchive": _lazy("webarchive"),
    "omnivore": _lazy("omnivore"),
    "json": _lazy("wallabag"),
    "archivebox": _lazy("archivebox"),
    "gzip": _lazy("compressed"),
}
