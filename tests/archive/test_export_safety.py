"""Export never destroys a file: no overwrite without --force, nothing inside the
archive, no writing through a link, and a kill leaves the old file whole."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.cli import main
from tests.conftest import FIXTURES, run_import


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    with Archive(root) as archive:
        run_import(archive, FIXTURES)
    return root


def _export(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), "export", *args])


def _articles(path: Path) -> int:
    return len(json.loads(path.read_text(encoding="utf-8"))["articles"])


def test_an_existing_file_is_kept_unless_force_is_given(data: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "notes.json"
    target.write_text("my own notes", encoding="utf-8")
    assert _export(data, "--to", str(target)) == 1
    err = capsys.readouterr().err
    assert "notes.json exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "my own notes"
    assert _export(data, "--to", str(target), "--force") == 0
    assert _articles(target) == 3
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())  # an ordinary file, not mkstemp's 0600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


@pytest.mark.parametrize("inside", ["store.sqlite3", ".", "index", "new.json", "sub/../store.sqlite3"])
def test_nothing_is_written_inside_the_archive_even_with_force(data: Path, inside: str, capsys) -> None:  # type: ignore[no-untyped-def]
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    for fmt in ("json", "markdown"):
        assert _export(data, "--format", fmt, "--to", str(data / inside), "--force") == 1
        assert "inside the archive folder" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before
    with Archive(data) as archive:
        assert archive.store.count() == 3


def test_a_path_that_leads_into_the_archive_through_a_link_is_refused(data: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "via").symlink_to(data)
    assert _export(data, "--to", str(tmp_path / "via" / "store.sqlite3"), "--force") == 1
    assert "inside the archive folder" in capsys.readouterr().err
    with Archive(data) as archive:
        assert archive.store.count() == 3


@pytest.mark.parametrize("fmt", ["json", "epub", "markdown"])
def test_a_link_at_the_target_is_never_followed(data: Path, tmp_path: Path, fmt: str, capsys) -> None:  # type: ignore[no-untyped-def]
    precious = tmp_path / "precious.txt"
    precious.write_text("do not touch", encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    for name, points_to in (("link", precious), ("dangling", tmp_path / "nowhere"), ("dirlink", folder)):
        link = tmp_path / name
        link.symlink_to(points_to)
        assert _export(data, "--format", fmt, "--to", str(link), "--force") == 1
        assert "symbolic link" in capsys.readouterr().err
        assert link.is_symlink() and os.readlink(link) == str(points_to)
    assert precious.read_text(encoding="utf-8") == "do not touch"
    assert not (tmp_path / "nowhere").exists() and list(folder.iterdir()) == []


def test_a_pipe_at_the_target_is_refused(data: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert _export(data, "--to", str(fifo), "--force") == 1
    assert "not a regular file" in capsys.readouterr().err


def test_a_device_at_the_target_is_refused_in_one_line(data: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    # Written straight to the device before (exit 0, the export gone into /dev/null).
    assert _export(data, "--to", "/dev/null", "--force") == 1
    assert capsys.readouterr().err.strip() == (
        "newsreader: /dev/null is not a regular file (a device, a pipe or a socket)"
    )


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_folder_exports_keep_unrelated_files_and_replace_their_own_only_with_force(
    data: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "mine.txt").write_text("mine", encoding="utf-8")
    assert _export(data, "--format", fmt, "--to", str(folder)) == 0
    written = sorted(p.name for p in folder.iterdir())
    assert "mine.txt" in written and len(written) == (4 if fmt == "markdown" else 5)
    one = next(p for p in folder.iterdir() if p.name != "mine.txt")
    one.write_text("edited by hand", encoding="utf-8")
    capsys.readouterr()
    assert _export(data, "--format", fmt, "--to", str(folder)) == 1  # the files exist now
    err = capsys.readouterr().err
    assert "exist already" in err and "--force" in err
    assert one.read_text(encoding="utf-8") == "edited by hand"
    assert _export(data, "--format", fmt, "--to", str(folder), "--force") == 0
    assert one.read_text(encoding="utf-8") != "edited by hand"
    assert (folder / "mine.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in folder.iterdir()) == written  # no temporary files left behind


def test_a_file_in_the_way_of_a_folder_export_is_refused(data: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "report"
    target.write_text("a file", encoding="utf-8")
    assert _export(data, "--format", "html", "--to", str(target), "--force") == 1
    assert "not a folder" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "a file"


# A kill at the last moment before the new file is put in place: the export
# runs in a child whose os.replace announces itself and then waits to be killed.
_KILLABLE_EXPORT = textwrap.dedent(
    """
    import os, sys, time
    from reader.cli import main

    def replace_then_hang(*args, **kwargs):
        print("replacing", flush=True)
        time.sleep(600)

    os.replace = replace_then_hang
    sys.exit(main(sys.argv[1:]))
    """
)


@pytest.mark.parametrize("fmt", ["json", "epub"])
def test_a_kill_during_an_export_leaves_the_earlier_export_whole(data: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"archive.{fmt}"
    assert _export(data, "--format", fmt, "--to", str(target)) == 0
    earlier = target.read_bytes()
    with Archive(data) as archive:  # the archive changes, so the next export differs
        archive.set_tags(archive.search("", limit=1).hits[0].id, ["changed"])
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLABLE_EXPORT, "--data-dir", str(data), "export"]
        + ["--format", fmt, "--to", str(target), "--force"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=Path(__file__).parents[2],
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line == b"replacing\n", child.stderr.read().decode() if child.stderr else ""
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert target.read_bytes() == earlier
    if fmt == "json":
        assert _articles(target) == 3
    else:
        assert zipfile.ZipFile(target).testzip() is None
    [partial] = [p for p in tmp_path.iterdir() if p.name.startswith(f".archive.{fmt}.")]  # beside the target
    assert partial.stat().st_size > 0  # the new export was written, only not yet put in place


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
