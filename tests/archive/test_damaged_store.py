"""A store with zeroed pages: the doctor always finishes and says what is
damaged and what can be saved; commands say the store (not the index) is
damaged, in one line; a repair never writes to the damaged store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.archive.doctor import examine
from reader.cli import main
from tests.bench.corpus import write_corpus


def _archive_with_zeroed_pages(tmp_path: Path, fractions: list[float]) -> Path:
    write_corpus(tmp_path / "c", 60)
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "import", str(tmp_path / "c")]) == 0
    store = data / "store.sqlite3"
    db = sqlite3.connect(store)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size, count = db.execute("PRAGMA page_size").fetchone()[0], db.execute("PRAGMA page_count").fetchone()[0]
    db.close()
    raw = bytearray(store.read_bytes())
    for fraction in fractions:
        page = max(2, int(count * fraction))
        raw[page * size : (page + 1) * size] = bytes(size)
    store.write_bytes(bytes(raw))
    return data


def test_doctor_reports_a_store_too_damaged_to_open(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _archive_with_zeroed_pages(tmp_path, [n / 20 for n in range(20)])
    before = (data / "store.sqlite3").read_bytes()
    capsys.readouterr()
    for argv in (["doctor"], ["doctor", "--repair"]):
        assert main(["--data-dir", str(data), *argv]) == 1
        out = capsys.readouterr().out
        assert "PROBLEM  store opens: " in out and "malformed" in out
        assert "the index still holds 60 articles' text and metadata" in out
        assert "Traceback" not in out
    assert (data / "store.sqlite3").read_bytes() == before  # a repair never writes to it
    assert main(["--data-dir", str(data), "stats"]) == 1
    assert capsys.readouterr().err.count("\n") == 1  # one line


def test_doctor_finishes_on_a_store_with_a_damaged_page(tmp_path: Path) -> None:
    data = _archive_with_zeroed_pages(tmp_path, [0.9])
    with Archive(data) as archive:
        for repair in (False, True):
            report = examine(archive, repair=repair)
            failed = {f.check for f in report.findings if not f.ok}
            assert "store integrity (SQLite)" in failed and "what can be saved" in failed
            assert not any(f.repaired for f in report.findings)


def test_search_blames_the_store_not_the_index(
    tmp_path: Path, fixtures_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.archive.store.database import Store

    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "import", str(fixtures_dir)]) == 0

    def malformed(*args: object, **kwargs: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(Store, "summaries", malformed)
    capsys.readouterr()
    assert main(["--data-dir", str(data), "search", "harbour"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsreader: the store could not be read (database disk image is malformed)")
    assert "index" not in err and err.count("\n") == 1
