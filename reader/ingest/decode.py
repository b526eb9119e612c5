"""Turn a file's bytes into text without assuming UTF-8."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from reader.ingest.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we could find."""


_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


def looks_binary(data: bytes) -> bool:
    """NUL bytes outside a UTF-16/32 BOM, or mostly control bytes, mean not text."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))  # the control bytes left
    return bool(head) and controls / len(head) > 0.1


# What Western European text decoded as cp1252 contains beyond ASCII: accented
# letters and typographic punctuation. Central European or Cyrillic bytes read
# as cp1252 produce symbols outside this set (¹ ³ ¿ Ÿ ...), so they fail the test.
_WESTERN = frozenset("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœŒ\u00a0“”‘’‚„–—…€£©®°·•«»×½¼¾¡¢")


def _as_western(data: bytes) -> str | None:
    """cp1252 text when every non-ASCII character is plausible Western text.

    charset-normalizer misjudges short French, German or Spanish text as
    cp1250 or cp775; this check is cheap and almost never wrong.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if all(ord(c) < 128 or c in _WESTERN for c in text):
        return text
    return None


def decode(data: bytes, *, html: bool = False) -> str:
    """Decode bytes: BOM first, then strict UTF-8, then the page's declared
    charset (HTML), then charset-normalizer's best guess.

    Strict UTF-8 goes before detection because it almost never decodes legacy
    text by accident, while detectors do misjudge short UTF-8 files.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if looks_binary(data):
        raise DecodeError("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
    western = _as_western(data)
    if western is not None:
        return western
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        # Nothing fits: cp1252 is the commonest legacy web encoding; keep the text.
        return data.decode("cp1252", errors="replace")
    return data.decode(best.encoding, errors="replace")


def file_text(data: bytes, *, html: bool = False) -> str:
    """decode() for a parser: a file whose bytes are no text fails with the
    reason (an IngestError, which the import reports with the file's name)."""
    try:
        return decode(data, html=html)
    except DecodeError as exc:
        raise IngestError(str(exc)) from exc
