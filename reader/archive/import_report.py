"""What an import did, and the words that tell a person so (CLI and app alike)."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field

OUTCOMES = ("added", "updated", "unchanged", "duplicates", "skipped", "failed")


@dataclass
class ImportReport:
    """What an import did, per article (a file may hold several)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    # Files not imported, each with why: "unsupported format: .xlsx", "scanned PDF, no text".
    skips: list[tuple[str, str]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    # Files whose article was in the archive already, from another file: (path, its title).
    repeats: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False
    found: int = 0  # files (and resource folders) the paths held, imported or not

    @property
    def skipped(self) -> int:
        return len(self.skips)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def counts(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in OUTCOMES}

    def merge(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


# Past this many files skipped for one reason, the summary names a few and counts the rest.
SKIPS_LISTED = 5


def summary_lines(report: ImportReport, root: str | None = None) -> list[tuple[str, str]]:
    """The summary after the counts, as (kind, line): kind is "note",
    "duplicate", "skipped" or "failed".

    It never says "nothing new" when a file was skipped or failed: each one is
    named with why. A file whose article the archive held already under another
    file is named with the article's title, so "1 duplicates" is never a riddle.
    Many files skipped for one reason, or many duplicates, are counted, not listed.
    """

    def shown(path: str) -> str:
        # Files come named by their real path (parsed) or as the walk met them
        # (a broken link, under the folder as typed): either is shown from it.
        if root:
            full = os.path.abspath(path)
            for base in (os.path.realpath(root), os.path.abspath(root)):
                if full.startswith(base + os.sep):
                    return os.path.relpath(full, base) + (os.sep if path.endswith(os.sep) else "")
        return path

    lines: list[tuple[str, str]] = []
    quiet = not report.failures and not report.skips
    if report.found == 0 and not report.failures:
        lines.append(("note", "Found no files to import there."))
    elif not report.interrupted and quiet and report.added == report.updated == 0:
        lines.append(("note", "Nothing new: every article was already in the archive."))
    for reason, paths in _by_reason(report.skips):
        if len(paths) > SKIPS_LISTED:
            named = ", ".join(shown(p) for p in paths[:3])
            lines.append(("skipped", f"{len(paths)} files: {reason} (e.g. {named})"))
        else:
            lines.extend(("skipped", f"{shown(p)}: {reason}") for p in paths)
    repeats = sorted(report.repeats, key=lambda repeat: natural_order(repeat[0]))
    files = list(dict.fromkeys(p for p, _ in repeats))
    if len(repeats) > SKIPS_LISTED and len(files) == 1:
        # A file of many articles (an export, a web archive): named once, with a few of its articles.
        titles = ", ".join(f"“{title}”" for _, title in repeats[:3])
        said = f"{len(repeats)} articles of {shown(files[0])} were in the archive already (e.g. {titles})"
        lines.append(("duplicate", said))
    elif len(repeats) > SKIPS_LISTED:
        named = ", ".join(shown(p) for p in files[:3])
        lines.append(("duplicate", f"{len(repeats)} articles were in the archive already (e.g. {named})"))
    else:
        lines.extend(
            ("duplicate", f"{shown(p)}: the same article as “{title}”, in the archive already") for p, title in repeats
        )
    lines.extend(("failed", f"{shown(p)}: {reason}") for reason, paths in _by_reason(report.failures) for p in paths)
    return lines


def _by_reason(files: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """Files (path, why) grouped by why, each group's paths in the order a file
    manager shows them (natural_order), the groups in the order of their first
    file: a summary of many failures reads "these are empty, these damaged",
    not reasons interleaved as the files happened to come."""
    by_reason: dict[str, list[str]] = defaultdict(list)
    for path, reason in files:
        by_reason[reason].append(path)
    groups = [(reason, sorted(paths, key=natural_order)) for reason, paths in by_reason.items()]
    return sorted(groups, key=lambda group: natural_order(group[1][0]))


_NUMBER = re.compile(r"(\d+)")
# A name as pieces of digits (0, their value) and of the rest (1, case-folded).
NameKey = tuple[tuple[int, int | str], ...]


def natural_order(path: str) -> tuple[tuple[NameKey, ...], str]:
    """A path's place in the order file managers list names: folder by folder,
    numbers by their value (before letters), letters case-blind: "empty2"
    before "empty10", not after it as text sorts them."""
    names = tuple(
        # split() with a group: the digit runs are the odd pieces.
        tuple((0, int(piece)) if odd % 2 else (1, piece.casefold()) for odd, piece in enumerate(_NUMBER.split(name)))
        for name in path.split(os.sep)
    )
    return names, path
