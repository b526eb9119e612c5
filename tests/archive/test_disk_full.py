"""A disk that fills during an import: one line saying so and what was kept,
exit 1, and an archive that opens and passes its checks afterwards."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.archive import Archive, DiskFull
from reader.archive.doctor import examine
from reader.archive.index import whoosh_index as ixmod
from tests.bench.corpus import write_corpus
from tests.conftest import run_import


def test_the_store_filling_up_is_said_and_what_was_committed_stays(tmp_path: Path) -> None:
    write_corpus(tmp_path / "first", 5)
    write_corpus(tmp_path / "more", 40, seed=7)
    with Archive(tmp_path / "d") as archive:
        run_import(archive, tmp_path / "first")
        pages = archive.store.db.execute("PRAGMA page_count").fetchone()[0]
        # SQLite's own SQLITE_FULL, as a full disk gives it: the store may grow by a few pages only.
        archive.store.db.execute(f"PRAGMA max_page_count = {pages + 8}")
        with pytest.raises(DiskFull, match=r"^disk full while writing the store; 0 new articles kept, run the import"):
            run_import(archive, tmp_path / "more")
    with Archive(tmp_path / "d") as archive:
        assert archive.store.count() == 5
        assert examine(archive).healthy


def test_the_index_filling_up_is_said_and_the_store_keeps_the_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path / "c", 12)

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with Archive(tmp_path / "d") as archive:
        archive.index()
        monkeypatch.setattr(ixmod, "apply_chunks", no_space)
        with pytest.raises(DiskFull, match=r"^disk full while writing the search index \(.*\); 12 new articles kept"):
            run_import(archive, tmp_path / "c")
    monkeypatch.undo()
    with Archive(tmp_path / "d") as archive:
        assert archive.store.count() == 12
        assert archive.search("storm").total > 0  # the queue was replayed on opening
        assert examine(archive).healthy


def test_a_full_tmpfs(tmp_path: Path) -> None:
    """The real thing where the machine lets us mount a small tmpfs (root with CAP_SYS_ADMIN)."""
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (the tests above simulate the same errors)")
    try:
        write_corpus(tmp_path / "c", 60)
        done = subprocess.run(
            [sys.executable, "-P", "-m", "reader", "--data-dir", str(mount / "a"), "import", str(tmp_path / "c")],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 1
        last = done.stderr.strip().splitlines()[-1]
        assert last.startswith("newsreader: disk full while writing the ") and "Traceback" not in done.stderr
        assert last.endswith("run the import again when there is space")
    finally:
        subprocess.run(["umount", str(mount)], check=False)
