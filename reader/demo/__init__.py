"""The demo archive: articles written for this project, shipped in the package.

They are in the shape of real saved pages (menus and share buttons, teasers
repeating the lead, every photo caption printed twice, a glued caption pair,
single-quoted speech, a page in cp1252, the same scrape saved twice, and
one story saved again as a page after an update) so a
newcomer sees what the reader does in one command. People in them are invented.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from reader import paths


def articles_dir() -> Path:
    return Path(str(files("reader.demo") / "articles"))


def ensure_demo_archive(root: Path | None = None) -> Path:
    """Build (or bring up to date) the demo archive and return its directory.

    Importing is incremental, so after the first run this only stats the files.
    """
    from reader.archive import Archive
    from reader.archive.importer import ImportReport

    root = root or paths.demo_dir()
    with Archive(root) as archive:
        report = ImportReport()
        for _ in archive.import_paths([articles_dir()], report, wait_s=10):
            pass
    return root
