"""A disk that fills while the index is rebuilt or repaired (`reindex`, `doctor
--repair`, a rebuild on opening): one line saying so, exit 1, the half-built
index removed (it held the space needed), the store and the index in use
untouched. They ended in an OSError traceback and left `index.rebuilding`."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.archive import Archive, DiskFull
from reader.archive.doctor import examine
from reader.archive.index import whoosh_index as ixmod
from reader.cli import main
from tests.bench.corpus import write_corpus
from tests.conftest import run_import

REBUILD_FULL = (
    r"^disk full while rebuilding the search index \(.*\); the store is unchanged and the half-built index was removed"
)


def _no_space(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _index_files(folder: Path) -> dict[str, bytes]:
    """The index's files and their bytes (Whoosh's lock file aside: a writer clears a stale one)."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith("_WRITELOCK")}


def test_a_rebuild_that_fills_the_disk_is_said_and_leaves_the_index_in_use(
    tmp_path: Path, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Archive(tmp_path / "d") as archive:
        run_import(archive, fixtures_dir)
        before = _index_files(archive.index_dir)
        monkeypatch.setattr(ixmod, "document", _no_space)  # the first document written
        with pytest.raises(DiskFull, match=REBUILD_FULL):
            archive.reindex()
        assert not ixmod.rebuild_dir(archive.index_dir).exists()
        assert _index_files(archive.index_dir) == before
        monkeypatch.undo()
        assert archive.search("harbour").total > 0


def test_doctor_repair_on_a_full_disk_says_so_in_one_line(
    tmp_path: Path, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "import", str(fixtures_dir)]) == 0
    with Archive(data) as archive:
        article = sorted(archive.store.all_ids())[0]
        archive.store.index_queue.add(article)  # a change the repair replays into the index
    capsys.readouterr()
    monkeypatch.setattr(ixmod, "apply_chunks", _no_space)
    assert main(["--data-dir", str(data), "doctor", "--repair"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        f"newsreader: disk full while repairing the search index ({data / 'index'}); nothing is lost (the store "
        "holds every article, and the index is made from it): run `newsreader doctor --repair` again when there "
        "is space"
    )
    shutil.rmtree(data / "index")  # now the repair has to rebuild it
    monkeypatch.setattr(ixmod, "document", _no_space)
    assert main(["--data-dir", str(data), "doctor", "--repair"]) == 1
    assert capsys.readouterr().err.startswith("newsreader: disk full while rebuilding the search index")
    assert not ixmod.rebuild_dir(data / "index").exists()
    monkeypatch.undo()
    with Archive(data) as archive:
        assert examine(archive, repair=True).healthy
        assert examine(archive).healthy and article in archive.store.all_ids()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MB tmpfs, where the machine lets us mount one (root with CAP_SYS_ADMIN)."""
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (the tests above inject the same ENOSPC)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def _newsreader(data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-P", "-m", "reader", "--data-dir", str(data), *argv],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_reindex_and_doctor_on_a_full_tmpfs(tmp_path: Path, small_disk: Path) -> None:
    write_corpus(tmp_path / "c", 40)
    data = small_disk / "a"
    assert _newsreader(data, "import", str(tmp_path / "c")).returncode == 0
    shutil.rmtree(data / "index")
    filler = small_disk / "filler"
    with filler.open("wb") as fh:  # take every byte left
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    # Not a byte left: SQLite cannot make the -shm file it opens the store with.
    for argv in (["stats"], ["doctor"], ["doctor", "--repair"], ["reindex"]):
        done = _newsreader(data, *argv)
        assert done.returncode == 1, done.stdout + done.stderr
        assert done.stderr.strip() == (
            f"newsreader: disk full: the store {data / 'store.sqlite3'} cannot be opened, since SQLite needs a "
            "little space beside it for its journal; nothing was changed: run this again when there is space"
        ), argv
    # Room to open the store, not to rebuild the index.
    os.truncate(filler, filler.stat().st_size - 256 * 1024)
    for argv in (["reindex"], ["doctor", "--repair"]):
        done = _newsreader(data, *argv)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "Traceback" not in done.stderr
        last = done.stderr.strip().splitlines()[-1]  # after reindex's progress lines
        assert last.startswith("newsreader: disk full while rebuilding the search index"), argv
        assert not ixmod.rebuild_dir(data / "index").exists()
    filler.unlink()
    repaired = _newsreader(data, "doctor", "--repair")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert "rebuilt from the store (40 articles)" in repaired.stdout
