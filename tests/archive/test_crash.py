"""Killing an import at any moment loses nothing committed; the next open repairs the index."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from reader.archive import Archive
from reader.archive import index as ixmod
from reader.archive.doctor import examine
from tests.bench.corpus import write_corpus

N = 240


def _start_import(data: Path, corpus: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "import", str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _kill_after_files(proc: subprocess.Popen[bytes], files: int) -> None:
    """SIGKILL once the importer has reported `files` files (or has finished)."""
    assert proc.stderr is not None
    done = 0
    while done < files:
        line = proc.stderr.readline()
        if not line:
            return
        if line.startswith(b"["):
            done += 1
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def test_sigkill_at_several_points_then_resume(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, N)
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
        [sys.executable, "-m", "reader", "--data-dir", str(data), "import", str(corpus)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    with Archive(data) as archive:
        assert archive.store.count() == N
        assert ixmod.index_ids(archive.index()) == archive.store.all_ids()
        assert archive.search("storm").total > 0
    time.sleep(1.5)  # orphaned workers notice within half a second
    # The killed importers' analysis workers (spawned processes) must be gone too.
    if shutil.which("pgrep"):
        leftovers = subprocess.run(["pgrep", "-f", "multiprocessing.spawn"], capture_output=True, text=True)
        assert leftovers.stdout.strip() == "", "a killed import left its worker process behind"
    again = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "import", str(corpus)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "0 added" in again.stdout and f"{N} unchanged" in again.stdout


def test_a_second_import_is_told_the_archive_is_busy(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 5)
    data = tmp_path / "data"
    with Archive(data) as holder, holder._writing():  # noqa: SLF001 - another writer, deterministically
        second = subprocess.run(
            [sys.executable, "-m", "reader", "--data-dir", str(data), "import", str(corpus)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert second.returncode == 3 and "busy" in second.stderr
    with Archive(data) as archive:
        assert archive.store.count() == 0  # the refused import wrote nothing
    waited = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "import", str(corpus), "--wait", "5"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert waited.returncode == 0 and "5 added" in waited.stdout
