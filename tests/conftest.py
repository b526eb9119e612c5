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
    checkout = _source_checkout()
    if checkout is not None:
        monkeypatch.setenv("PYTHONPATH", os.pathsep.join([checkout, *filter(None, [os.environ.get("PYTHONPATH")])]))


def _source_checkout() -> str | None:
    """The source folder the tests import `reader` from, if it is one (not an
    installed copy). Commands the tests start (`python -P -m reader`) are given
    it, so they run the code under test: without it they ran whatever the
    virtualenv's editable install points at, another checkout, which can
    change while a suite runs (another engineer's landing) and made
    test_disk_full_repair fail once in a full run on a busy machine."""
    import reader

    root = Path(reader.__file__).resolve().parents[1]
    return str(root) if (root / "pyproject.toml").is_file() else None


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


def archive_of(root: Path, files: dict[str, str]) -> Path:
    """An archive at root/archive imported from `files` (name → text), which
    are written to root/src first."""
    from reader.archive import Archive

    src = root / "src"
    src.mkdir()
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    data = root / "archive"
    with Archive(data) as archive:
        run_import(archive, src)
    return data


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


# -- an archive of real saved pages (the smoke tests of the CLI and the app) ----------

# Every REAL_SAMPLE_STEP-th page of each source under ../shared/eval-data/*/html:
# ~125 of its ~750 pages, enough for names with two types, repeated stories and
# odd markup, and imported in well under a minute.
REAL_SAMPLE_STEP = 6


def real_pages() -> list[Path]:
    """The sampled real pages (gzipped HTML), in a fixed order; [] when the data is absent."""
    from tests.eval.common import EVAL_DATA

    by_source: dict[str, list[Path]] = {}
    for page in sorted(EVAL_DATA.glob("*/html/*.gz")):
        by_source.setdefault(page.parent.parent.name, []).append(page)
    return [page for pages in by_source.values() for page in pages[::REAL_SAMPLE_STEP]]


@pytest.fixture(scope="session")
def real_archive_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive imported once per test run from the sampled real pages,
    decompressed into a temporary folder (nothing of them enters the repo).
    Use real_archive_dir, which gives each test module its own copy."""
    import gzip

    from reader.archive import Archive

    pages = real_pages()
    if not pages:
        pytest.skip("../shared/eval-data is absent (set NEWSREADER_EVAL_DATA)")
    source = tmp_path_factory.mktemp("real-pages")
    for page in pages:
        (source / f"{page.parent.parent.name}-{page.name.removesuffix('.gz')}").write_bytes(
            gzip.decompress(page.read_bytes())
        )
    root = tmp_path_factory.mktemp("real-archive-template") / "archive"
    with Archive(root) as archive:
        report = run_import(archive, source)
    assert report.added > len(pages) // 2, report.counts()
    return root


@pytest.fixture(scope="module")
def real_archive_dir(real_archive_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the real-pages archive for one test module, to read and change freely."""
    root = tmp_path_factory.mktemp("real-archive") / "archive"
    shutil.copytree(real_archive_template, root)
    return root
