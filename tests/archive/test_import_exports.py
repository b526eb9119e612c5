"""Importing JSON exports: a bad record fails its own file and the rest of the
folder goes on; a long export is committed in batches, and an import stopped
halfway through one finishes it on the next run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.archive import importer as importermod
from reader.archive.importer import ImportReport
from tests.bench.corpus import write_corpus
from tests.conftest import FIXTURES, run_import


def _export_of_fixtures(tmp_path: Path) -> dict[str, object]:
    with Archive(tmp_path / "source") as archive:
        run_import(archive, FIXTURES)
        archive.export("", "json", tmp_path / "fixtures.json")
    return json.loads((tmp_path / "fixtures.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("site", ["x"], "'site' must be text or null"),
        ("highlights", [{"block": 0}], "'highlights[0].start' is missing"),
        ("highlights", [{"block": "zero", "start": 0, "end": 1, "text": "T"}], "'highlights[0].block'"),
        ("highlights", [{"block": 10**30, "start": 0, "end": 1, "text": "T"}], "'highlights[0].block'"),
    ],
)
def test_a_bad_export_sorted_first_fails_alone_and_the_folder_is_imported(
    tmp_path: Path, field: str, value: object, named: str
) -> None:
    folder = tmp_path / "folder"
    write_corpus(folder, 40)
    export = _export_of_fixtures(tmp_path)
    export["articles"][1][field] = value  # type: ignore[index]
    (folder / "000-export.json").write_text(json.dumps(export), encoding="utf-8")
    with Archive(tmp_path / "archive") as archive:
        report = run_import(archive, folder)
        assert report.added == 40
        [(path, reason)] = report.failures
        assert path.endswith("000-export.json") and reason.startswith("article 2 of the export") and named in reason
        assert archive.store.count() == 40


def test_a_value_the_store_cannot_hold_fails_its_file_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Belt and braces under the export's schema: an error storing one file's
    values (here OverflowError, as SQLite gives for a 10**30) fails that file."""
    folder = tmp_path / "folder"
    bad = sorted(write_corpus(folder, 6))[2]
    real = importermod._import_article

    def overflow(store, article, analysis, fp, previous_id, key, source):  # type: ignore[no-untyped-def]
        if key == str(bad.resolve()):
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return real(store, article, analysis, fp, previous_id, key, source)

    monkeypatch.setattr(importermod, "_import_article", overflow)
    with Archive(tmp_path / "archive") as archive:
        report = run_import(archive, folder)
        assert report.added == 5 and [p for p, _ in report.failures] == [str(bad.resolve())]
        assert "could not store it: OverflowError" in report.failures[0][1]


def _long_export(path: Path, n: int) -> None:
    records = [
        {
            "id": f"a{i:03d}",
            "title": f"Harbour report {i}",
            "blocks": [
                {"kind": "heading", "text": f"Harbour report {i}"},
                {"kind": "paragraph", "text": f"The harbour board met for the {i}th time and counted {i * 7} boats."},
            ],
            "read": i % 2 == 0,
        }
        for i in range(n)
    ]
    path.write_text(json.dumps({"format": "newsreader-export", "version": 1, "articles": records}), encoding="utf-8")


def test_a_long_export_is_committed_in_batches(tmp_path: Path) -> None:
    _long_export(tmp_path / "long.json", 25)
    with Archive(tmp_path / "archive") as archive:
        commits: list[int] = []
        report = ImportReport()
        steps = importermod.import_paths(
            archive.store,
            [tmp_path / "long.json"],
            report,
            batch_size=10,
            on_batch=lambda final: commits.append(archive.store.count()),
        )
        for _ in steps:
            pass
        assert report.added == 25
        assert commits == [10, 20, 25]  # committed every 10 articles, not in one transaction


def test_an_import_stopped_inside_an_export_keeps_its_batches_and_finishes_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _long_export(tmp_path / "long.json", 450)  # past IMPORT_BATCH (200) articles
    real = importermod._import_article
    calls = 0

    def stop_at_the_250th(*args):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 250:
            raise KeyboardInterrupt
        return real(*args)

    with Archive(tmp_path / "archive") as archive:
        monkeypatch.setattr(importermod, "_import_article", stop_at_the_250th)
        with pytest.raises(KeyboardInterrupt):
            run_import(archive, tmp_path / "long.json")
        monkeypatch.setattr(importermod, "_import_article", real)
        assert archive.store.count() == 200  # the first batch was committed; the rest rolled back
        again = run_import(archive, tmp_path / "long.json")
        assert (again.added, again.unchanged, again.failed) == (250, 200, 0)
        assert archive.store.count() == 450 and len(archive.store.ids_where(unread=True)) == 225
        last = run_import(archive, tmp_path / "long.json")
        assert (last.added, last.unchanged) == (0, 450)
