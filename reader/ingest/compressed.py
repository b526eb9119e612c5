"""Files compressed with gzip (`page.html.gz`, `notes.md.gz`, a crawler's or a
web server's saved pages): read as the file inside, by its name without `.gz`
or else by its content. A WARC keeps its own reader (`.warc.gz`)."""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path

from reader.model import Article


def decompress(data: bytes, limit: int | None = None) -> bytes:
    """The file inside, read up to the import's size cap (a small file can
    unpack to gigabytes): IngestError when it is larger or broken."""
    from reader.ingest.errors import IngestError
    from reader.ingest.formats import MAX_FILE_BYTES

    cap = MAX_FILE_BYTES if limit is None else limit
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            inner = fh.read(cap + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise IngestError(f"damaged gzip file: {exc}") from exc
    if len(inner) > cap:
        raise IngestError(f"unpacks to more than {cap // 1024 // 1024} MB; articles that large are not imported")
    return inner


def parse(data: bytes, path: Path) -> list[Article]:
    from reader.ingest.detect import detect, inner_path
    from reader.ingest.errors import IngestError, NotAnArticle
    from reader.ingest.formats import PARSERS

    inner = decompress(data)
    if not inner.strip():
        raise IngestError("empty file inside the gzip file")
    name = inner_path(path)
    found = detect(name, data=inner)
    parser = PARSERS.get(found.format or "")
    if parser is None or found.format == "gzip":
        raise NotAnArticle(f"gzip file holding {found.reason.removeprefix('unsupported format: ')}")
    return parser(inner, name)
