"""Named pipes, devices and links into /dev are skipped with what they are,
never opened: reading a pipe hung the import while it held the write lock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reader.archive.discovery import discover
from tests.conftest import run_import


def test_a_named_pipe_given_to_import_is_skipped_with_its_reason(tmp_path: Path, fixtures_dir: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    found = discover([fifo, fixtures_dir / "harbour-scrape.txt"])
    assert found.skipped == [(str(fifo), "a named pipe, not a file")]
    assert len(found.files) == 1


def test_a_folder_with_a_pipe_and_a_link_into_dev_imports_the_rest(archive, tmp_path: Path, fixtures_dir: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "story.txt").write_text((fixtures_dir / "harbour-scrape.txt").read_text())
    os.mkfifo(folder / "pipe.md")
    (folder / "zero.html").symlink_to("/dev/zero")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    report = run_import(archive, folder)
    assert report.added == 1
    reasons = dict(report.failures)
    assert reasons == {str(folder / "gone.txt"): "broken or looping symbolic link"}
    found = dict(discover([folder]).skipped)
    assert found[str(folder / "pipe.md")] == "a named pipe, not a file"
    assert found[str(folder / "zero.html")] == "a symbolic link to a character device (/dev/zero), not a file"


def test_analyze_of_a_pipe_says_so_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-P", "-m", "reader", "analyze", str(fifo)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert done.stderr.strip().endswith(f"{fifo}: a named pipe, not a file")
