"""Discovery and the import summary: every file not imported is named with why."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.archive.discovery import discover
from reader.archive.import_report import ImportReport, natural_order, summary_lines
from tests.conftest import run_import

PAGE = (
    "<html><head><title>Harbour cranes | Port News</title></head><body><article><h1>Harbour cranes</h1>"
    "<p>The harbour installed two new cranes this spring, and dock workers said unloading now takes half "
    "the time it used to.</p><p>The port authority expects more ships next year, and a third crane is "
    "planned for the northern quay.</p></article></body></html>"
)
AD_FRAME = (
    "<html><head><title>Sign in</title></head><body><p>Sign in to see offers picked for you today.</p></body></html>"
)


def complete_save(folder: Path, name: str = "Harbour cranes") -> None:
    """What a browser's "Save Page As, complete" writes: the page and NAME_files/."""
    (folder / f"{name}.html").write_text(PAGE)
    resources = folder / f"{name}_files"
    resources.mkdir()
    (resources / "saved_resource.html").write_text(AD_FRAME)
    (resources / "style.css").write_text("body { color: black }")


def test_a_complete_save_imports_the_page_and_skips_its_resources(archive, tmp_path: Path) -> None:
    complete_save(tmp_path)
    report = run_import(archive, tmp_path)
    assert (report.added, report.failed) == (1, 0)
    assert [Path(p).name for p, _ in report.skips] == ["Harbour cranes_files"]
    assert report.skips[0][1] == "resources of the saved page Harbour cranes.html"
    assert [h.title for h in archive.search("", limit=5).hits] == ["Harbour cranes"]


def test_a_files_folder_without_its_page_is_walked(tmp_path: Path) -> None:
    (tmp_path / "notes_files").mkdir()
    (tmp_path / "notes_files" / "a.html").write_text(PAGE)
    assert [Path(p).name for p in discover([tmp_path]).files] == ["a.html"]


def test_unsupported_files_are_skipped_with_the_reason(archive, tmp_path: Path) -> None:
    (tmp_path / "budget.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "README").write_text("not an article, no extension")
    report = run_import(archive, tmp_path)
    reasons = {Path(p).name: r for p, r in report.skips}
    assert reasons == {
        "budget.xlsx": "unsupported format: .xlsx",
        "README": "unsupported format: no extension, and the content is not a format we read",
    }
    assert report.skipped == 2 and report.found == 2
    lines = summary_lines(report, str(tmp_path))
    assert ("skipped", "budget.xlsx: unsupported format: .xlsx") in lines
    assert not any("Nothing new" in line for _, line in lines)


def test_an_export_without_an_extension_is_read_by_its_content(archive, tmp_path: Path) -> None:
    entry = {
        "title": "Ferry returns",
        "url": "https://example.org/ferry",
        "content": f"<p>{'The ferry sailed. ' * 20}</p>",
    }
    (tmp_path / "wallabag-export").write_text(json.dumps([entry]))
    report = run_import(archive, tmp_path)
    assert (report.added, report.skipped, report.failed) == (1, 0, 0)


def test_an_empty_folder_says_it_found_no_files(archive, tmp_path: Path) -> None:
    report = run_import(archive, tmp_path)
    assert report.found == 0
    assert summary_lines(report) == [("note", "Found no files to import there.")]


def test_nothing_new_only_when_nothing_was_skipped_or_failed() -> None:
    report = ImportReport(unchanged=3, found=3)
    assert summary_lines(report) == [("note", "Nothing new: every article was already in the archive.")]
    report.skips.append(("/x/a.pdf", "scanned PDF, no text"))
    assert summary_lines(report) == [("skipped", "/x/a.pdf: scanned PDF, no text")]


def test_many_files_skipped_for_one_reason_are_counted_not_listed() -> None:
    report = ImportReport(found=40)
    report.skips += [(f"/p/img{n}.jpg", "unsupported format: .jpg") for n in range(40)]
    [(kind, line)] = summary_lines(report, "/p")
    assert kind == "skipped" and line.startswith("40 files: unsupported format: .jpg (e.g. img0.jpg, img1.jpg")


def test_many_duplicates_are_counted_not_listed() -> None:
    report = ImportReport(found=12, duplicates=12)
    report.repeats += [(f"/p/copy{n}.html", "Ferry returns") for n in range(12)]
    [line] = [line for kind, line in summary_lines(report, "/p") if kind == "duplicate"]
    assert line == "12 articles were in the archive already (e.g. copy0.html, copy1.html, copy2.html)"


def test_the_summary_names_every_file_from_the_folder_given(archive, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # "failed: src/broken.html" kept the folder typed, "failed: bin.html" did
    # not: the walk names a link as found, the parser a file by its real path.
    src = tmp_path / "src"
    src.mkdir()
    (src / "bin.html").write_bytes(b"\xff\xfe\x00\x01garbage")
    (src / "broken.html").symlink_to(tmp_path / "gone")
    monkeypatch.chdir(tmp_path)
    report = run_import(archive, Path("src"))
    lines = dict((line.split(":")[0], kind) for kind, line in summary_lines(report, "src"))
    assert lines == {"bin.html": "failed", "broken.html": "failed"}


def test_failures_are_listed_by_reason_in_the_order_a_folder_shows_its_files() -> None:
    """Sorted as text, "empty10" came before "empty2", and reasons were mixed
    as the files' names fell; a file manager lists numbers by their value."""
    report = ImportReport(found=8)
    for name, reason in [
        ("broken10.pdf", "damaged PDF"),
        ("empty1.html", "empty file"),
        ("empty10.html", "empty file"),
        ("Empty11.html", "empty file"),
        ("empty2.html", "empty file"),
        ("broken2.pdf", "damaged PDF"),
        ("sub/empty3.html", "empty file"),
        ("sub 2/x.pdf", "damaged PDF"),
    ]:
        report.failures.append((f"/p/{name}", reason))
    assert [line for kind, line in summary_lines(report, "/p") if kind == "failed"] == [
        "broken2.pdf: damaged PDF",
        "broken10.pdf: damaged PDF",
        "sub 2/x.pdf: damaged PDF",
        "empty1.html: empty file",
        "empty2.html: empty file",
        "empty10.html: empty file",
        "Empty11.html: empty file",
        "sub/empty3.html: empty file",
    ]


@given(st.lists(st.text(max_size=12), max_size=8), st.integers(0, 10**6), st.integers(0, 10**6))
def test_any_names_sort_and_numbers_go_by_value(names: list[str], a: int, b: int) -> None:
    sorted(names, key=natural_order)  # any text, digits of any script included, has a place
    first, second = sorted([f"/p/part{a}.html", f"/p/part{b}.html"], key=natural_order)
    assert first == f"/p/part{min(a, b)}.html"
