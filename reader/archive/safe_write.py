"""Writing files the user names without destroying what is there.

A file is written to a temporary file beside its target and renamed into place,
so a kill leaves the old file or the new one, never half of either. A target is
refused when it lies inside a protected folder (the archive itself), is a
symbolic link (we would write wherever it points), is not a regular file (a
device, a FIFO), or exists and `force` was not given.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


class TargetRefused(Exception):
    """A write that would overwrite, follow a link, or land inside the archive."""


def inside(path: Path, folder: Path) -> bool:
    """Whether `path` (after resolving every link in it) is `folder` or lies under it."""
    resolved, root = path.resolve(), folder.resolve()
    return resolved == root or root in resolved.parents


def _existing_mode(path: Path, protected: Path | None) -> int | None:
    """The mode of what is at `path` (None: nothing), refusing a place inside `protected`."""
    if protected is not None and inside(path, protected):
        raise TargetRefused(f"{path} is inside the archive folder {protected}; export somewhere else")
    try:
        return path.lstat().st_mode
    except FileNotFoundError:
        return None


def check_file_target(path: Path, *, force: bool, protected: Path | None) -> None:
    """Raise TargetRefused unless `path` may be (over)written as a regular file."""
    mode = _existing_mode(path, protected)
    if mode is None:
        return
    if stat.S_ISLNK(mode):
        raise TargetRefused(f"{path} is a symbolic link; give the path of a file, not of a link")
    if stat.S_ISDIR(mode):
        raise TargetRefused(f"{path} is a folder")
    if not stat.S_ISREG(mode):
        raise TargetRefused(f"{path} is not a regular file (a device, a pipe or a socket)")
    if not force:
        raise TargetRefused(f"{path} exists; --force replaces it")


def check_folder_target(path: Path, *, protected: Path | None) -> None:
    """Raise TargetRefused unless `path` is a folder (or can become one) outside `protected`."""
    mode = _existing_mode(path, protected)
    if mode is None:
        return
    if stat.S_ISLNK(mode):
        raise TargetRefused(f"{path} is a symbolic link; give the path of a folder, not of a link")
    if not stat.S_ISDIR(mode):
        raise TargetRefused(f"{path} exists and is not a folder")


@contextmanager
def atomic_file(path: Path, *, force: bool) -> Iterator[IO[bytes]]:
    """A binary file to write `path` through: it appears whole at the end of the
    block, or not at all. Without `force` an existing `path` is never replaced,
    not even one that appeared while we wrote."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; an export is an ordinary file
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        _put_in_place(Path(tmp), path, force=force)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _sync_folder(path.parent)


def _put_in_place(tmp: Path, path: Path, *, force: bool) -> None:
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)  # fails if `path` exists: no check-then-write race
    except FileExistsError:
        raise TargetRefused(f"{path} exists; --force replaces it") from None
    except OSError:  # a file system without hard links
        if os.path.lexists(path):
            raise TargetRefused(f"{path} exists; --force replaces it") from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every platform can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
