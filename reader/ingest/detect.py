"""Which format a file is in: by its name, else by its first bytes.

A known extension is trusted (the parser says so if the content disagrees). A
file without one, or with one we do not know, is recognised by content: an
export saved as `export` or a PDF saved as `download` still imports. Anything
else comes back with the reason it is not imported, in words a person knows
("unsupported format: .xlsx").
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from reader.ingest.link_lists import links_only

# How much of a file content sniffing reads: every magic number and the start
# of any text document fit in it.
HEAD_BYTES = 4096

SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".mhtml": "mhtml",
    ".mht": "mhtml",
    ".json": "json",
    ".pdf": "pdf",
    ".epub": "epub",
    ".warc": "warc",
    ".wacz": "wacz",
    ".webarchive": "webarchive",
}

# What a person would call the formats, for dry runs and reasons.
NAMES = {
    "txt": "text",
    "md": "Markdown",
    "html": "HTML page",
    "mhtml": "MHTML page",
    "json": "JSON export",
    "pdf": "PDF",
    "epub": "EPUB",
    "warc": "WARC web archive",
    "wacz": "WACZ web archive",
    "webarchive": "Safari web archive",
    "archivebox": "ArchiveBox snapshot",
    "omnivore": "Omnivore export",
    "gzip": "gzip-compressed file",
}

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_FRONT_MATTER = re.compile(rb"^---[ \t]*\r?\n[\w-]+:", re.S)


@dataclass(frozen=True)
class Detected:
    """A file's format (None: not imported) and how we know, or why not."""

    format: str | None
    reason: str


def suffix_of(path: Path) -> str:
    """The extension that names the format: `.warc.gz` counts as `.warc`."""
    name = path.name.lower()
    if name.endswith((".warc.gz", ".arc.gz")):
        return ".warc"
    return path.suffix.lower()


def inner_path(path: Path) -> Path:
    """The name of the file inside: `page.html.gz` holds `page.html`."""
    name = path.name
    return path.with_name(name[:-3]) if name.lower().endswith(".gz") and len(name) > 3 else path


def _zip_format(data: bytes | None, path: Path) -> str | None:
    if data is None and not _regular(path):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data) if data is not None else path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names and zf.read("mimetype").strip() == b"application/epub+zip":
                return "epub"
            if "datapackage.json" in names or any(n.startswith("archive/") and ".warc" in n for n in names):
                return "wacz"
            from reader.ingest.omnivore import METADATA

            if any(METADATA.search(n) for n in names):
                return "omnivore"
    except (OSError, zipfile.BadZipFile, KeyError, RuntimeError, ValueError):
        return None
    return None


def sniff(head: bytes, path: Path, data: bytes | None = None) -> str | None:
    """The format the first bytes show, or None. `data` is the whole file when
    it is already read; otherwise a zip is opened from `path`."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data, path)
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        import zlib

        try:  # as much as the head unpacks to: it may stop mid-stream
            inner = zlib.decompressobj(wbits=31).decompress(head, HEAD_BYTES)
        except zlib.error:
            inner = b""
        if inner.startswith(b"WARC/"):
            return "warc"
        return "gzip" if inner and sniff(inner, path, b"") not in (None, "gzip") else None
    if head.startswith(b"bplist00") and b"WebMainResource" in (data if data is not None else _read(path)):
        return "webarchive"
    text = head.lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(text):
        return "html"
    stripped = text.lstrip()
    if stripped[:1] in (b"{", b"[") and _looks_like_json(data if data is not None else _read(path)):
        return "json"
    if (
        re.match(rb"(?i)^(?:from: |mime-version:|snapshot-content-location:)", stripped)
        and b"multipart/related" in head
    ):
        return "mhtml"
    if _FRONT_MATTER.match(text):
        return "md"
    return None


def _regular(path: Path) -> bool:
    """Only regular files are opened to sniff: opening a FIFO would wait for a writer."""
    import stat

    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _read(path: Path, limit: int | None = None) -> bytes:
    """Up to `limit` bytes of a regular file (the import's size cap by default); b"" if unreadable."""
    from reader.ingest.formats import MAX_FILE_BYTES

    if not _regular(path):
        return b""
    try:
        with path.open("rb") as fh:
            return fh.read(MAX_FILE_BYTES if limit is None else limit)
    except OSError:
        return b""


def _looks_like_json(data: bytes) -> bool:
    import json

    try:
        json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False
    return True


def _compressed(path: Path) -> Detected:
    """A `.gz` file, by the name of the file inside (`page.html.gz`); with no
    name we know inside, the parser reads its content."""
    from reader.ingest.formats import PARSERS

    inner = suffix_of(inner_path(path))
    fmt = SUFFIXES.get(inner)
    if fmt in PARSERS:
        return Detected("gzip", f"{NAMES[fmt]}, gzip-compressed, by its extension")
    if inner:
        return Detected(None, f"unsupported format: {inner}.gz")
    return Detected("gzip", "gzip-compressed file by its extension (the content inside decides)")


def detect(path: Path, head: bytes | None = None, data: bytes | None = None) -> Detected:
    """The format of `path` (its first bytes in `head`, its bytes in `data` if read)."""
    from reader.ingest import archivebox
    from reader.ingest.formats import PARSERS

    if archivebox.is_snapshot_index(path):
        return Detected("archivebox", "ArchiveBox snapshot (index.json and its best output)")
    suffix = suffix_of(path)
    if suffix == ".gz":
        return _compressed(path)
    fmt = SUFFIXES.get(suffix)
    if head is None and fmt in (None, "html"):
        head = data[:HEAD_BYTES] if data is not None else _read(path, HEAD_BYTES)
    links = links_only(head or b"", suffix) if fmt in (None, "html") else None
    if links is not None:
        return Detected(None, links)
    if fmt in PARSERS:
        return Detected(fmt, f"{NAMES[fmt]} by its extension")
    if head is None:
        head = data[:HEAD_BYTES] if data is not None else _read(path, HEAD_BYTES)
    sniffed = sniff(head, path, data)
    what = f"extension {suffix}" if suffix else "no extension"
    if sniffed in PARSERS:
        return Detected(sniffed, f"{NAMES[sniffed]} by its content ({what})")
    if suffix:
        return Detected(None, f"unsupported format: {suffix}")
    return Detected(None, "unsupported format: no extension, and the content is not a format we read")
