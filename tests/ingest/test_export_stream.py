"""newsreader's JSON export read one record at a time: the records are what
json.loads makes of the file, wherever the chunks fall; the reader holds a
chunk and a record, not the file; and an export past the size cap of a file
read whole imports (a 780,000-article export took 1.24 GB read whole, and
any export over 25 MB was refused)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reader.ingest
from reader.archive import Archive
from reader.archive import importer as importermod
from reader.ingest import IngestError, export_stream
from tests.conftest import run_import

_text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=30)
_scalar = st.none() | st.booleans() | st.integers(-(10**30), 10**30) | st.floats(allow_nan=False) | _text
_json = st.recursive(
    _scalar,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=12,
)


def _write(path: Path, records: list[object], *, indent: int | None = None, tail: str = "") -> None:
    head = {"format": "newsreader-export", "version": 1, "exported_at": "2026-12-01T00:00:00+00:00"}
    body = ",\n".join(json.dumps(r, ensure_ascii=False, indent=indent) for r in records)
    path.write_text(json.dumps(head)[:-1] + ', "articles": [\n' + body + "\n]" + tail + "}\n", encoding="utf-8")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(_json, max_size=8), chunk=st.integers(1, 64), indent=st.none() | st.just(1))
def test_the_records_are_what_json_loads_reads_wherever_the_chunks_fall(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, records: list[object], chunk: int, indent: int | None
) -> None:
    path = tmp_path / "export.json"
    _write(path, records, indent=indent, tail=', "more": {"after": [1, 2]}')
    monkeypatch.setattr(export_stream, "CHUNK", chunk)  # multi-byte characters and numbers split across reads
    header: dict[str, object] = {}
    assert list(export_stream.records(path, header)) == json.loads(path.read_text(encoding="utf-8"))["articles"]
    assert header["version"] == 1 and len(str(header["sha256"])) == 64


def test_the_reader_holds_a_chunk_and_a_record_not_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "export.json"
    record = {"title": "A report", "blocks": [{"kind": "paragraph", "text": "harbour " * 100}]}
    _write(path, [record] * 2000)  # 1.7 MB
    monkeypatch.setattr(export_stream, "CHUNK", 4096)
    held = 0
    real_more = export_stream._Text.more

    def more(self: export_stream._Text) -> bool:
        nonlocal held
        grew = real_more(self)
        held = max(held, len(self.buf))
        return grew

    monkeypatch.setattr(export_stream._Text, "more", more)
    assert sum(1 for _ in export_stream.records(path)) == 2000
    assert held < 3 * 4096 + len(json.dumps(record))  # never the whole 1.7 MB


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('{"format": "newsreader-export", "articles": [{"title": "x"}, {"title": "y"', "line 1, column"),
        ('{"format": "newsreader-export", "articles": [{"title": "x"} {"title": "y"}]}', "expected ',' or ']'"),
        ('{"format": "newsreader-export", "articles": [], "x": 1} trailing', "more after the end"),
        ('{"format": "newsreader-export",\n "version": 1,\n "articles": [\n{"title": "x",}]}', "line 4, column"),
    ],
)
def test_a_truncated_or_invalid_export_says_where(tmp_path: Path, text: str, said: str) -> None:
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(IngestError, match="JSON export is truncated or invalid") as caught:
        list(export_stream.records(path))
    assert said in str(caught.value)


def test_an_export_past_the_size_cap_of_a_file_read_whole_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [
        {"id": f"a{i}", "title": f"Report {i}", "blocks": [{"kind": "paragraph", "text": f"Ferry {i} sailed. " * 20}]}
        for i in range(300)
    ]
    _write(tmp_path / "big.json", records)
    # The cap stands for 25 MB; the export is ten times the cap, as an archive's export soon is.
    monkeypatch.setattr(reader.ingest, "MAX_FILE_BYTES", (tmp_path / "big.json").stat().st_size // 10)
    prepared = importermod.prepare(tmp_path / "big.json")
    assert prepared.error is None and prepared.streamed and prepared.articles == ()
    with Archive(tmp_path / "archive") as archive:
        report = run_import(archive, tmp_path / "big.json")
        assert (report.added, report.failures) == (300, [])
        assert archive.search("ferry").total == 300
        again = run_import(archive, tmp_path / "big.json")
        assert (again.added, again.unchanged) == (0, 300)


def test_a_bad_record_late_in_a_streamed_export_fails_the_file_before_anything_is_stored(tmp_path: Path) -> None:
    records: list[object] = [
        {"id": f"a{i}", "title": f"Report {i}", "blocks": [{"kind": "paragraph", "text": f"Text {i}."}]}
        for i in range(450)
    ]
    records[440] = {"id": "bad", "title": "Bad", "blocks": [{"kind": "<b>", "text": "x"}]}
    _write(tmp_path / "late.json", records)
    with Archive(tmp_path / "archive") as archive:
        report = run_import(archive, tmp_path / "late.json")
        assert report.added == 0 and archive.store.count() == 0  # none of the 440 before it either
        [(_, reason)] = report.failures
        assert reason.startswith("article 441 of the export (id 'bad'): 'blocks[0].kind' must be one of")
