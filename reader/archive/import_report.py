"""What an import did, and the words that tell a person so (CLI and app alike)."""

from __future__ import annotations

import os
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
    by_reason: dict[str, list[str]] = defaultdict(list)
    for path, reason in report.skips:
        by_reason[reason].append(path)
    for reason, paths in by_reason.items():
        if len(paths) > SKIPS_LISTED:
            named = ", ".join(shown(p) for p in paths[:3])
            lines.append(("skipped", f"{len(paths)} files: {reason} (e.g. {named})"))
        else:
            lines.extend(("skipped", f"{shown(p)}: {reason}") for p in paths)
    if len(report.repeats) > SKIPS_LISTED:
        named = ", ".join(shown(p) for p, _ in report.repeats[:3])
        lines.append(("duplicate", f"{len(report.repeats)} articles were in the archive already (e.g. {named})"))
    else:
        lines.extend(
            ("duplicate", f"{shown(p)}: the same article as “{title}”, in the archive already")
            for p, title in report.repeats
        )
    lines.extend(("failed", f"{shown(p)}: {reason}") for p, reason in report.failures)
    return lines
