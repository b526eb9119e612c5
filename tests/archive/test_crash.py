"""Killing an import at any moment loses nothing committed; the next open repairs the index."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.archive.doctor import examine
from reader.archive.index import whoosh_index as ixmod
from tests.bench.corpus import write_corpus
from tests.processes import assert_all_end, descendants

N = 240
# Articles of about 1 KB: what is checked is where the kills fall among the
# files (PARALLEL_MIN_FILES, IMPORT_BATCH), not how long each file takes; with
# the corpus's usual 7 KB this file's tests took 1.5 times the CPU.
KB = 1.0


def _start_import(data: Path, corpus: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-P", "-m", "reader", "--data-dir", str(data), "import", str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _kill_after_files(proc: subprocess.Popen[bytes], files: int) -> None:
    """SIGKILL once the importer has reported `files` files (or has finished);
    the processes it started (its analysis worker, the resource tracker) must
    end with it."""
    assert proc.stderr is not None
    done = 0
    while done < files:
        line = proc.stderr.readline()
        if not line:
            return
        if line.startswith(b"["):
            done += 1
    started = descendants(proc.pid)
    assert started, "the importer of 240 files started no worker: nothing here tests their exit"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert_all_end(started, "a killed import")


@pytest.fixture
def another_multiprocessing_program() -> Iterator[None]:
    """Another program's spawned worker running through the test: the checks
    above look at the importer's own processes, so it must not count."""
    code = (
        "import multiprocessing, time\n"
        "if __name__ == '__main__':\n"
        "    p = multiprocessing.get_context('spawn').Process(target=time.sleep, args=(600,))\n"
        "    p.start(); p.join()\n"
    )
    other = subprocess.Popen([sys.executable, "-c", code])
    yield
    kids = descendants(other.pid)
    other.kill()
    other.wait()
    for pid, _ in kids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.usefixtures("another_multiprocessing_program")
def test_sigkill_at_several_points_then_resume(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, N, kb=KB)
    data = tmp_path / "data"
    committed = 0
    for stop_after in (5, 90, 170, 205):  # before the first batch commit, mid-batch, and later
        proc = _start_import(data, corpus)
        _kill_after_files(proc, stop_after - committed if stop_after > committed else 1)
        with Archive(data) as archive:
            assert archive.store.integrity_ok()
            count = archive.store.count()
            assert count >= committed  # nothing committed before was lost
            committed = count
            archive.index()  # opening replays whatever the killed writer left queued
            assert ixmod.index_ids(archive.index()) == archive.store.all_ids()
            assert examine(archive).healthy
    finished = subprocess.run(
        [sys.executable, "-P", "-m", "reader", "--data-dir", str(data), "import", str(corpus)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    with Archive(data) as archive:
        assert archive.store.count() == N
        assert ixmod.index_ids(archive.index()) == archive.store.all_ids()
        assert archive.search("storm").total > 0
    again = subprocess.run(
        [sys.executable, "-P", "-m", "reader", "--data-dir", str(data), "import", str(corpus)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "0 added" in again.stdout and f"{N} unchanged" in again.stdout


def test_a_second_import_is_told_the_archive_is_busy(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 5)
    data = tmp_path / "data"
    with Archive(data) as holder, holder.upkeep.writing():  # another writer, deterministically
        second = subprocess.run(
            [sys.executable, "-P", "-m", "reader", "--data-dir", str(data), "import", str(corpus)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert second.returncode == 3 and "busy" in second.stderr
    with Archive(data) as archive:
        assert archive.store.count() == 0  # the refused import wrote nothing
    waited = subprocess.run(
        [sys.executable, "-P", "-m", "reader", "--data-dir", str(data), "import", str(corpus), "--wait", "5"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert waited.returncode == 0 and "5 added" in waited.stdout


# Runs `newsreader reindex` with the parallel writer from 100 articles on, and
# stops it (as if it were slow) once every document is handed to the writer's
# helpers, before the commit: the moment a kill leaves the most behind.
_STALLED_REINDEX = """
import sys, time
import reader.archive.index.whoosh_index as ixmod
import reader.output as output
ixmod.BULK_MIN_DOCS = 100
def update(self, done, total, *rest):
    if done == total:
        print("handed over", flush=True)
        time.sleep(600)
output.ProgressLine.update = update
from reader.cli import main
sys.exit(main(["--data-dir", sys.argv[1], "reindex"]))
"""


def test_a_killed_reindex_leaves_no_helper_and_doctor_clears_its_remains(tmp_path: Path) -> None:
    from tests.conftest import run_import

    corpus, data = tmp_path / "corpus", tmp_path / "data"
    write_corpus(corpus, 150, kb=KB)
    with Archive(data) as archive:
        run_import(archive, corpus)
    proc = subprocess.Popen(
        [sys.executable, "-c", _STALLED_REINDEX, str(data)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert proc.stdout is not None and proc.stdout.readline() == b"handed over\n"
    started = descendants(proc.pid)
    assert started, "the reindex started no helper: nothing here tests their exit"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert_all_end(started, "a killed reindex")

    rebuilding = data / "index.rebuilding"
    assert rebuilding.is_dir()
    with Archive(data) as archive:
        report = examine(archive)
        assert not report.healthy
        assert [f.check for f in report.findings if not f.ok] == ["no unfinished rebuild"]
        assert rebuilding.is_dir()  # a plain doctor only reports
        repaired = examine(archive, repair=True)
        assert repaired.healthy and not rebuilding.exists()
        assert examine(archive).healthy
        assert archive.search("storm").total > 0
