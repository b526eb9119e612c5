"""Reading newsreader's JSON export: every record is checked against the
export's shape, and a bad one is an IngestError naming the article and field."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest import IngestError
from reader.ingest.newsreader_json import parse_export
from reader.model import BLOCK_KINDS

GOOD: dict[str, Any] = {
    "id": "4d2cbikp",
    "title": "Night ferry resumes",
    "byline": "Ines Moor",
    "site": "Coast Post",
    "url": "https://coastpost.example/ferry",
    "published": "2024-02-03T10:00:00+00:00",
    "language": "en",
    "format": "html",
    "blocks": [
        {"kind": "heading", "text": "Night ferry resumes", "repeats": 1, "occurrences": [0]},
        {"kind": "paragraph", "text": "The night ferry sailed again.", "repeats": 2, "occurrences": [1, 3]},
    ],
    "tags": ["ferries"],
    "starred": True,
    "read": False,
    "read_position": 0.5,
    "highlights": [{"block": 1, "start": 4, "end": 15, "text": "night ferry", "note": None}],
    "entities": [],
    "quotes": [],
}


def _export(*records: object) -> dict[str, object]:
    return {"format": "newsreader-export", "version": 1, "articles": list(records)}


def _with(path: str, value: object) -> dict[str, Any]:
    """GOOD with one field (a dotted path, list items by number) set to value."""
    record = copy.deepcopy(GOOD)
    *parents, last = path.split(".")
    target: Any = record
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return record


def test_a_good_record_reads_back_with_its_state() -> None:
    [article] = parse_export(_export(GOOD), Path("x.json"))
    assert article.part == "4d2cbikp" and article.site == "Coast Post"
    assert [b.kind for b in article.blocks] == ["heading", "paragraph"] and article.blocks[1].occurrences == (1, 3)
    state = dict(article.state)
    assert state["tags"] == ["ferries"] and state["starred"] is True and state["read_position"] == 0.5
    assert state["highlights"] == [{"block": 1, "start": 4, "end": 15, "text": "night ferry", "note": ""}]


@pytest.mark.parametrize(
    ("path", "value", "named"),
    [
        ("site", ["x"], "'site' must be text or null, not a list"),
        ("title", {"a": 1}, "'title' must be text or null"),
        ("published", "last Tuesday", "'published' must be an ISO date"),
        ("blocks", "text", "'blocks' must be a list"),
        ("blocks.0", "just text", "'blocks[0]' must be an object"),
        ("blocks.1.kind", "<b>", "'blocks[1].kind' must be one of heading, paragraph"),
        ("blocks.1.text", 7, "'blocks[1].text' must be text"),
        ("blocks.1.repeats", 0, "'blocks[1].repeats' must be at least 1"),
        ("blocks.1.repeats", 10**30, "a 31-digit number"),
        ("blocks.1.occurrences", [1, "two"], "'blocks[1].occurrences[1]' must be a whole number"),
        ("highlights", [{"block": 0}], "'highlights[0].start' is missing"),
        ("highlights.0.block", "zero", "'highlights[0].block' must be a whole number, not 'zero'"),
        ("highlights.0.block", 10**30, "'highlights[0].block' must be a whole number from 0 to"),
        ("highlights.0.block", -1, "'highlights[0].block' must be a whole number from 0 to"),
        ("highlights.0.block", True, "'highlights[0].block' must be a whole number, not True"),
        ("highlights.0.end", 2, "'highlights[0].end' must not come before its start"),
        ("highlights.0.note", ["x"], "'highlights[0].note' must be text"),
        ("read_position", math.nan, "'read_position' must be a number from 0 to 1, not nan"),
        ("read_position", math.inf, "'read_position' must be a number from 0 to 1"),
        ("read_position", 3, "'read_position' must be a number from 0 to 1, not 3"),
        ("starred", "yes", "'starred' must be true or false"),
        ("tags", "ferries", "'tags' must be a list of text"),
        ("tags", [1], "'tags' must be a list of text"),
        ("id", ["x"], "'id' must be text"),
    ],
)
def test_a_bad_field_names_the_article_and_the_field(path: str, value: object, named: str) -> None:
    with pytest.raises(IngestError) as raised:
        parse_export(_export(GOOD, _with(path, value)), Path("x.json"))
    message = str(raised.value)
    assert message.startswith("article 2 of the export") and named in message, message


def test_nan_as_json_writes_it_is_refused_by_the_file_reader(tmp_path: Path) -> None:
    from reader.ingest import read_articles

    path = tmp_path / "export.json"
    path.write_text(json.dumps(_export(_with("read_position", math.nan))), encoding="utf-8")  # writes NaN
    assert "NaN" in path.read_text(encoding="utf-8")
    with pytest.raises(IngestError, match="read_position"):
        read_articles(path)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
_FIELDS = [
    "id",
    "title",
    "site",
    "published",
    "blocks",
    "blocks.0",
    "blocks.0.kind",
    "blocks.0.repeats",
    "blocks.1.occurrences",
    "tags",
    "starred",
    "read_position",
    "highlights",
    "highlights.0",
    "highlights.0.block",
    "highlights.0.text",
]


@settings(max_examples=300, deadline=None)
@given(path=st.sampled_from(_FIELDS), value=_JSON)
def test_any_value_in_any_field_reads_or_is_refused_never_crashes(path: str, value: object) -> None:
    try:
        [article] = parse_export(_export(_with(path, value)), Path("x.json"))
    except IngestError as exc:
        assert str(exc).startswith("article 1 of the export")
        return
    assert all(b.kind in BLOCK_KINDS and b.repeats >= 1 for b in article.blocks)
    for h in dict(article.state).get("highlights", []):  # type: ignore[union-attr]
        assert all(isinstance(h[k], int) and 0 <= h[k] < 2**31 for k in ("block", "start", "end"))
