"""Shared fixtures: temporary archives, our own fixture files, a clean environment."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user data, config or cache directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("NEWSREADER_HOME", str(home))
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    """A writable copy of the fixture articles."""
    target = tmp_path / "articles"
    shutil.copytree(FIXTURES, target)
    return target


@pytest.fixture
def archive(tmp_path: Path):  # type: ignore[no-untyped-def]
    from reader.archive import Archive

    with Archive(tmp_path / "data") as arch:
        yield arch


def run_import(archive, *paths):  # type: ignore[no-untyped-def]
    """Import and return the report (progress events drained)."""
    from reader.archive.importer import ImportReport

    report = ImportReport()
    for _ in archive.import_paths([str(p) for p in paths], report):
        pass
    return report


def make_unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`path` cannot be opened for reading, as a file without read permission
    cannot for anyone but root. chmod does that; root (as CI runs) reads any
    file, so there opening it is made to fail with the error the kernel gives
    everyone else, so the test runs in CI instead of skipping there."""
    path.chmod(0)
    if os.geteuid() != 0:
        return
    target = path.resolve()
    real_open = Path.open

    def open_as_unprivileged(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.resolve() == target:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_as_unprivileged)
