"""Archive paths that are not what they must be get one line naming them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.cli import main


def _fails_with(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"newsreader: {message}"


def test_a_data_dir_that_is_a_file_or_under_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    afile = tmp_path / "afile"
    afile.write_text("not an archive")
    _fails_with(
        capsys,
        ["--data-dir", str(afile), "stats"],
        f"{afile} is a file, not an archive folder (give --data-dir a folder)",
    )
    under = afile / "archive"
    _fails_with(
        capsys,
        ["--data-dir", str(under), "stats"],
        f"cannot make the archive folder {under}: {afile} is a file, not a folder",
    )
    assert afile.read_text() == "not an archive"


def test_a_lock_that_is_a_folder_and_an_index_that_is_a_file(
    tmp_path: Path, fixtures_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(fixtures_dir / "harbour-scrape.txt")]) == 0
    (data / "write.lock").unlink()
    (data / "write.lock").mkdir()
    capsys.readouterr()
    lock = data / "write.lock"
    _fails_with(
        capsys,
        ["--data-dir", str(data), "reindex"],
        f"{lock} is a folder; it should be the archive's lock file: remove it",
    )
    lock.rmdir()
    shutil.rmtree(data / "index")
    (data / "index").write_text("someone's notes")
    said = f"{data / 'index'} is a file, not the index folder: move it away and the index is rebuilt"
    _fails_with(capsys, ["--data-dir", str(data), "search", "harbour"], said)
    _fails_with(capsys, ["--data-dir", str(data), "reindex"], said)
    assert main(["--data-dir", str(data), "doctor", "--repair"]) == 1
    assert said in capsys.readouterr().out
    assert (data / "index").read_text() == "someone's notes"  # not ours to remove
