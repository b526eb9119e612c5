"""The zip containers (EPUB, WACZ, an Omnivore export): opening one from a
file's bytes, and what reading a damaged member raises."""

from __future__ import annotations

import io
import zipfile

from reader.ingest.errors import IngestError

# What reading a member of a truncated or damaged zip raises: a bad CRC or
# header (BadZipFile), a member cut short (EOFError), a failed read (OSError).
UNREADABLE_MEMBER = (zipfile.BadZipFile, OSError, EOFError)


def open_zip(data: bytes, kind: str) -> zipfile.ZipFile:
    """The zip `data` holds; a file that is none fails with the reason, naming its `kind` ("EPUB")."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise IngestError(f"{kind} is not a readable zip file (truncated or damaged)") from exc
