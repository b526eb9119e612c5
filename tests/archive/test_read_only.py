"""A read-only archive (a read-only folder, mount or backup): reading commands
work from it as it stands, and commands that would change it say it is
read-only in one line, naming the folder. SQLite's WAL needs its -shm file
beside the store, which such a folder cannot get: "unable to open database
file" was all even `stats` said.

Root writes to any folder whatever its mode bits, and CI runs as root, so the
folder is made read-only the strongest way the machine allows: a read-only
bind mount (root with CAP_SYS_ADMIN), else the immutable attribute (chattr +i,
root on ext4, xfs or btrfs), else the commands run as the user nobody; not as
root, plain mode bits."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.cli import main

NOBODY = 65534
Run = Callable[..., subprocess.CompletedProcess[str]]


def _bind_read_only(source: Path, target: Path) -> bool:
    target.mkdir(exist_ok=True)
    if subprocess.run(["mount", "--bind", str(source), str(target)], capture_output=True).returncode:
        return False
    if subprocess.run(["mount", "-o", "remount,bind,ro", str(target)], capture_output=True).returncode:
        subprocess.run(["umount", str(target)], check=False)
        return False
    return True


def _set_modes(folder: Path, dirs: int, files: int) -> None:
    for path in [folder, *folder.rglob("*")]:
        path.chmod(dirs if path.is_dir() else files)


def _immutable(folder: Path, on: bool) -> bool:
    paths = [str(p) for p in [folder, *folder.rglob("*")]]
    return not subprocess.run(["chattr", "+i" if on else "-i", *paths], capture_output=True).returncode


def _nobody_runs_python() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import reader"], capture_output=True, user=NOBODY, group=NOBODY)
    return probe.returncode == 0


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[tuple[Path, Run]]:
    """`folder` seen read-only: (its read-only path, a runner of newsreader commands there)."""
    as_nobody = immutable = False
    seen = folder
    if os.geteuid() != 0:
        _set_modes(folder, 0o555, 0o444)
    elif _bind_read_only(folder, seen := folder.with_name(folder.name + "-ro")):
        pass
    elif immutable := _immutable(folder, True):
        seen = folder
    elif _nobody_runs_python():
        seen, as_nobody = folder, True  # root's mode bits bind nobody: the folder is 755, its files 644
    else:
        pytest.skip("no way to make a folder read-only for root here (no mount, no chattr, nobody cannot run python)")

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "NEWSREADER_HOME": str(folder.parent / "home")}
        return subprocess.run(
            [sys.executable, "-P", "-m", "reader", "--data-dir", str(seen), *argv],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            user=NOBODY if as_nobody else None,
            group=NOBODY if as_nobody else None,
            extra_groups=[] if as_nobody else None,
        )

    try:
        yield seen, run
    finally:
        if seen != folder:
            subprocess.run(["umount", str(seen)], check=False)
        elif immutable:
            _immutable(folder, False)
        elif os.geteuid() != 0:
            _set_modes(folder, 0o755, 0o644)


@pytest.fixture
def place() -> Iterator[Path]:
    """A folder that the user nobody can reach (pytest's tmp_path is private to its user)."""
    top = Path(tempfile.mkdtemp(prefix="newsreader-ro-"))
    top.chmod(0o755)
    (top / "home").mkdir(mode=0o777)
    (top / "out").mkdir(mode=0o777)
    (top / "home").chmod(0o777)
    (top / "out").chmod(0o777)
    yield top
    shutil.rmtree(top, ignore_errors=True)


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def _archive(place: Path, fixtures_dir: Path) -> tuple[Path, str]:
    data = place / "archive"
    assert main(["--data-dir", str(data), "import", str(fixtures_dir)]) == 0
    with sqlite3.connect(data / "store.sqlite3") as db:
        first = db.execute("SELECT id FROM articles ORDER BY id").fetchone()[0]
    for path in [data, *data.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return data, first


def test_reading_commands_work_and_writing_ones_say_read_only(place: Path, fixtures_dir: Path) -> None:
    data, article = _archive(place, fixtures_dir)
    before = _digest(data)
    with read_only(data) as (seen, run):
        stats = run("stats")
        assert stats.returncode == 0, stats.stderr
        assert "articles" in stats.stdout and "unable to open" not in stats.stderr
        found = run("search", "harbour")
        assert found.returncode == 0, found.stderr
        assert "harbour" in found.stdout.lower()
        shown = run("show", article)
        assert shown.returncode == 0, shown.stderr
        doctor = run("doctor")
        assert doctor.returncode == 0, doctor.stdout + doctor.stderr
        exported = run("export", "--to", str(place / "out" / "all.json"))
        assert exported.returncode == 0, exported.stderr
        refused = f"newsreader: the archive folder {seen} is read-only: this command writes to it"
        for argv in (
            ["star", article],
            ["tag", article, "kept"],
            ["import", str(fixtures_dir / "harbour-scrape.txt")],
            ["reindex"],
            ["doctor", "--repair"],
            ["search", "harbour", "--save", "boats"],
        ):
            done = run(*argv)
            assert done.returncode == 1, (argv, done.stdout, done.stderr)
            assert done.stderr.startswith(refused) and "Traceback" not in done.stderr, (argv, done.stderr)
            assert len(done.stderr.strip().splitlines()) == 1, (argv, done.stderr)
    assert _digest(data) == before  # nothing written, no -wal or -shm left beside the store


def test_changes_waiting_in_the_wal_are_read_or_the_reason_said(place: Path, fixtures_dir: Path) -> None:
    data, article = _archive(place, fixtures_dir)
    # A writer that stopped without its last checkpoint: -wal (and -shm) left behind.
    code = (
        "import os, sqlite3, sys; db = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "db.execute('PRAGMA wal_autocheckpoint=0'); "
        "db.execute(\"UPDATE articles SET title = 'Retitled before the crash' WHERE id = ?\", (sys.argv[2],)); "
        "os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(data / "store.sqlite3"), article], check=True)
    for path in data.iterdir():
        path.chmod(0o755 if path.is_dir() else 0o644)
    with read_only(data) as (_, run):
        shown = run("show", article)
        assert shown.returncode == 0, shown.stderr
        assert "Retitled before the crash" in shown.stdout
    (data / "store.sqlite3-shm").unlink()
    with read_only(data) as (seen, run):
        shown = run("show", article)
        assert shown.returncode == 1
        assert shown.stderr.strip() == (
            f"newsreader: the archive folder {seen} is read-only: its store has changes in store.sqlite3-wal "
            "that SQLite reads only where it may write beside them: copy the folder somewhere writable to read it"
        )
