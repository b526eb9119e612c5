"""The archive folder and the paths inside it, checked where they are used:
a wrong path (a file where a folder belongs, a folder where the lock file
belongs, a read-only folder) gets one line that names it, not a traceback."""

from __future__ import annotations

import os
from pathlib import Path

from reader.archive.store.database import ArchiveReadOnly, StoreError


class ArchiveUnusable(StoreError):
    """A path of the archive is not what it must be; the message names it."""


def make_root(root: Path) -> None:
    """Create the archive folder if needed, or say why it cannot be one."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise ArchiveUnusable(f"{root} is a file, not an archive folder (give --data-dir a folder)") from None
    except NotADirectoryError:
        blocker = next((p for p in root.parents if p.exists() and not p.is_dir()), root.parent)
        raise ArchiveUnusable(f"cannot make the archive folder {root}: {blocker} is a file, not a folder") from None
    except PermissionError:
        raise ArchiveUnusable(f"cannot make the archive folder {root}: permission denied") from None
    except OSError as exc:
        raise ArchiveUnusable(f"cannot make the archive folder {root}: {exc.strerror or exc}") from None


def writable(root: Path) -> bool:
    return os.access(root, os.W_OK)


def read_only(root: Path) -> ArchiveReadOnly:
    return ArchiveReadOnly(root)


def check_index_dir(directory: Path) -> None:
    """The index path must be a folder (or absent, to be built)."""
    if directory.exists() and not directory.is_dir():
        raise ArchiveUnusable(f"{directory} is a file, not the index folder: move it away and the index is rebuilt")


def lock_trouble(path: Path, exc: OSError) -> StoreError:
    if isinstance(exc, IsADirectoryError):
        return ArchiveUnusable(f"{path} is a folder; it should be the archive's lock file: remove it")
    if not writable(path.parent):
        return read_only(path.parent)
    return ArchiveUnusable(f"cannot open the archive's lock file {path}: {exc.strerror or exc}")
