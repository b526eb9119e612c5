"""Discovery: which files under the paths given to an import are articles,
and why each other one is not."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.ingest.detect import detect


@dataclass
class Discovery:
    # Resolved paths as strings: a Path object costs ~300 bytes more, 17 MB
    # of an import's memory for 50,000 files (measured).
    files: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)  # each file's format, as detect() named it
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why it is not imported)
    failures: list[tuple[str, str]] = field(default_factory=list)


# Browsers save a page "complete" as NAME.html beside a folder of its images,
# scripts and frames: NAME_files (Chrome; Firefox in English) or the word in
# Firefox's language. The folder is the page's, not more articles.
RESOURCE_FOLDER_SUFFIXES = ("_files", "-Dateien", "_archivos", "_fichiers", "-filer", "_bestanden", "_file")
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def resource_folder_of(directory: Path, page_names: set[str]) -> str | None:
    """The saved page (file name) whose resources `directory` holds, if it is such a folder."""
    for suffix in RESOURCE_FOLDER_SUFFIXES:
        if directory.name.endswith(suffix):
            stem = directory.name[: -len(suffix)]
            for ext in PAGE_SUFFIXES:
                if stem + ext in page_names:
                    return stem + ext
    return None


def discover(paths: Iterable[str | os.PathLike[str]], exclude: Path | None = None) -> Discovery:
    """Every article file under the given paths, each once.

    Symbolic links are followed, but a directory is entered at most once (by
    device and inode), so link loops end and a link out of the tree is read once.
    Hidden files and directories (.git, .DS_Store) are passed over, and so is
    `exclude` (the archive's own directory, if it lies inside an imported folder).
    A saved page's resource folder and the other outputs of an ArchiveBox
    snapshot are skipped as part of their page; every other file we do not
    read is listed with the reason.
    """
    from reader.ingest import archivebox, omnivore

    found = Discovery()
    seen_dirs: set[tuple[int, int]] = set()
    if exclude is not None and exclude.exists():
        st = exclude.stat()
        seen_dirs.add((st.st_dev, st.st_ino))
    seen_files: set[str] = set()

    def add_file(p: Path) -> None:
        real = str(p.resolve())
        if real in seen_files:
            return
        seen_files.add(real)
        detected = detect(p)
        if detected.format is not None:
            found.files.append(real)
            found.formats.append(detected.format)
        else:
            found.skipped.append((real, detected.reason))

    def walk(directory: Path) -> None:
        try:
            st = directory.stat()
        except OSError as exc:
            found.failures.append((str(directory), f"cannot open folder: {exc.strerror or exc}"))
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            return
        seen_dirs.add(key)
        if archivebox.is_snapshot_dir(directory):
            add_file(directory / "index.json")  # the snapshot is one article; its outputs are not more
            return
        if archivebox.is_data_dir(directory):
            found.skipped.append((str(directory), "ArchiveBox's own index and logs (its archive/ is imported)"))
            walk(directory / "archive")
            return
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            found.failures.append((str(directory), f"cannot list folder: {exc.strerror or exc}"))
            return
        pages = {e.name for e in entries if e.name.lower().endswith(PAGE_SUFFIXES)}
        for entry in entries:
            if entry.name.startswith("."):
                continue
            p = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
                is_file = entry.is_file(follow_symlinks=True)
            except OSError:
                is_dir = is_file = False
            page = resource_folder_of(p, pages) if is_dir else None
            if page is not None:
                found.skipped.append((str(p.resolve()) + os.sep, f"resources of the saved page {page}"))
            elif is_dir and entry.name in omnivore.FOLDERS and omnivore.is_export_dir(directory):
                found.skipped.append((str(p.resolve()) + os.sep, "read through the Omnivore export's metadata files"))
            elif is_dir:
                walk(p)
            elif is_file:
                add_file(p)
            else:
                _not_a_file(p, found)

    for raw in paths:
        p = Path(raw).expanduser()
        try:
            st = p.stat()
        except FileNotFoundError:
            found.failures.append((str(p), "no such file or folder"))
            continue
        except OSError as exc:
            found.failures.append((str(p), f"cannot open: {exc.strerror or exc}"))
            continue
        if stat.S_ISDIR(st.st_mode):
            walk(p)
        elif stat.S_ISREG(st.st_mode):
            add_file(p)
        else:
            _not_a_file(p, found)
    return found


def _not_a_file(path: Path, found: Discovery) -> None:
    """A named pipe, device or socket is skipped with what it is, never opened
    (reading a pipe would hang the import while it holds the write lock); a
    link is reported with where it leads, a link into /dev as a device."""
    from reader.ingest import not_a_file

    try:
        st = path.stat()
    except OSError:
        if path.is_symlink():
            found.failures.append((str(path), "broken or looping symbolic link"))
        return
    kind = not_a_file(st.st_mode) or "not a regular file"
    if path.is_symlink():
        found.skipped.append((str(path), f"a symbolic link to {kind} ({os.readlink(path)}), not a file"))
    else:
        found.skipped.append((str(path), f"{kind}, not a file"))
