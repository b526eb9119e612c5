"""newsreader's own JSON export, read back losslessly: the same blocks (with
their folds), metadata, tags and reading state. Entities and quotes are found
again by the import's analysis, as for any article.

An export is a file like any other: each record is checked against the shape
the export writes (a small schema below) before anything is stored, so a
hand-edited or hostile record fails its file with the field named, instead of
stopping the import or reaching the store and the app as something else.
"""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path
from typing import Any

from reader.model import BLOCK_KINDS, Article, Block

FORMAT = "newsreader-export"
# A block number, character offset or repeat count past this is not from an
# export of a real article (and would overflow SQLite's 64-bit integers).
MAX_COUNT = 2**31 - 1


class BadRecord(Exception):
    """A field of an export record that does not have the export's shape."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"'{field}' {problem}")


def is_export(data: object) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def parse_export(data: dict[str, object], path: Path) -> list[Article]:
    from reader.ingest.errors import IngestError

    check_version(data)
    records = data.get("articles")
    if not isinstance(records, list):
        raise IngestError("a newsreader export without an 'articles' list")
    return [parse_record(record, n) for n, record in enumerate(records)]


def check_version(header: dict[str, object]) -> None:
    """The export's version must be one this newsreader reads."""
    from reader.ingest import IngestError

    version = header.get("version", 0)
    if not isinstance(version, int) or isinstance(version, bool):
        raise IngestError(f"a newsreader export whose version is not a number ({_shown(version)})")
    if version > 1:
        raise IngestError(f"written by a newer newsreader (export version {version}); upgrade to read it")


def parse_record(record: object, n: int) -> Article:
    """The article of the export's record number `n` (from 0), checked against
    the export's shape; IngestError naming the article and the field if not."""
    from reader.ingest import IngestError

    try:
        return _article(record, n)
    except BadRecord as exc:
        named = f" (id {_shown(record.get('id'))})" if isinstance(record, dict) and "id" in record else ""
        raise IngestError(f"article {n + 1} of the export{named}: {exc}") from None


def _article(record: object, n: int) -> Article:
    if not isinstance(record, dict):
        raise BadRecord("article", f"must be an object, not {_kind(record)}")
    blocks = record.get("blocks")
    if not isinstance(blocks, list):
        raise BadRecord("blocks", f"must be a list, not {_kind(blocks)}")
    part = record.get("id", n)
    if not isinstance(part, str | int) or isinstance(part, bool):
        raise BadRecord("id", f"must be text, not {_kind(part)}")
    published = _text(record, "published")
    return Article(
        title=_text(record, "title") or "",
        blocks=tuple(_block(b, f"blocks[{i}]") for i, b in enumerate(blocks)),
        format=_text(record, "format") or "json",
        byline=_text(record, "byline"),
        site=_text(record, "site"),
        url=_text(record, "url"),
        published=_date(published) if published else None,
        language=_text(record, "language"),
        part=str(part),
        folded=True,
        state=_state(record),
    )


def _block(value: object, where: str) -> Block:
    if not isinstance(value, dict):
        raise BadRecord(where, f"must be an object, not {_kind(value)}")
    kind = value.get("kind", "paragraph")
    if kind not in BLOCK_KINDS:
        raise BadRecord(f"{where}.kind", f"must be one of {', '.join(BLOCK_KINDS)}, not {_shown(kind)}")
    text = value.get("text", "")
    if not isinstance(text, str):
        raise BadRecord(f"{where}.text", f"must be text, not {_kind(text)}")
    repeats = _count(value.get("repeats", 1), f"{where}.repeats")
    if repeats < 1:
        raise BadRecord(f"{where}.repeats", "must be at least 1")
    occurrences = value.get("occurrences") or []
    if not isinstance(occurrences, list):
        raise BadRecord(f"{where}.occurrences", f"must be a list, not {_kind(occurrences)}")
    return Block(kind, text, repeats, tuple(_count(x, f"{where}.occurrences[{i}]") for i, x in enumerate(occurrences)))


def _state(record: dict[str, Any]) -> tuple[tuple[str, object], ...]:
    """Tags, reading state and highlights, each only if the record has it."""
    state: list[tuple[str, object]] = []
    if record.get("tags") is not None:
        tags = record["tags"]
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise BadRecord("tags", f"must be a list of text, not {_kind(tags)}")
        state.append(("tags", tags))
    for key in ("starred", "read"):
        if record.get(key) is not None:
            if not isinstance(record[key], bool):
                raise BadRecord(key, f"must be true or false, not {_shown(record[key])}")
            state.append((key, record[key]))
    if record.get("read_position") is not None:
        position = record["read_position"]
        if not isinstance(position, int | float) or isinstance(position, bool) or not math.isfinite(position):
            raise BadRecord("read_position", f"must be a number from 0 to 1, not {_shown(position)}")
        if not 0 <= position <= 1:
            raise BadRecord("read_position", f"must be a number from 0 to 1, not {_shown(position)}")
        state.append(("read_position", float(position)))
    if record.get("highlights") is not None:
        marked = record["highlights"]
        if not isinstance(marked, list):
            raise BadRecord("highlights", f"must be a list, not {_kind(marked)}")
        state.append(("highlights", [_highlight(h, f"highlights[{i}]") for i, h in enumerate(marked)]))
    return tuple(state)


def _highlight(value: object, where: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise BadRecord(where, f"must be an object, not {_kind(value)}")
    for key in ("block", "start", "end", "text"):
        if key not in value:
            raise BadRecord(f"{where}.{key}", "is missing")
    block, start, end = (_count(value[k], f"{where}.{k}") for k in ("block", "start", "end"))
    if end < start:
        raise BadRecord(f"{where}.end", "must not come before its start")
    text = value["text"]
    if not isinstance(text, str):
        raise BadRecord(f"{where}.text", f"must be text, not {_kind(text)}")
    note = value.get("note") or ""
    if not isinstance(note, str):
        raise BadRecord(f"{where}.note", f"must be text, not {_kind(note)}")
    return {"block": block, "start": start, "end": end, "text": text, "note": note}


def _text(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise BadRecord(key, f"must be text or null, not {_kind(value)}")
    return value


def _count(value: object, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadRecord(where, f"must be a whole number, not {_shown(value)}")
    if not 0 <= value <= MAX_COUNT:
        raise BadRecord(where, f"must be a whole number from 0 to {MAX_COUNT}, not {_shown(value)}")
    return value


def _date(text: str) -> datetime | None:
    """An ISO date; None for one outside DATE_YEARS, as for any format."""
    from reader.ingest.common import parse_date

    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise BadRecord("published", f"must be an ISO date, not {_shown(text)}") from None
    return parse_date(parsed)


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true or false", type(None): "null"}
    return names.get(type(value), "a number")


def _shown(value: object) -> str:
    """A value as the error shows it: short (a huge number or string is cut)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**12:
        return f"a {len(str(abs(value)))}-digit number"
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."
