"""One process's own tree, read from /proc: what a killed command leaves behind.

Only the processes the command started count; other programs on the machine
(another test run's workers, anything using multiprocessing) are never seen.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

Process = tuple[int, int]  # (pid, start time in clock ticks): a pid reused later is not the same process


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent pid, start time) of a process, or None if it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The name (field 2) is in parentheses and may hold spaces: split after it.
    fields = raw[raw.rindex(")") + 2 :].split()
    return fields[0], int(fields[1]), int(fields[19])


def descendants(pid: int) -> set[Process]:
    """Every live process whose chain of parents leads to `pid`."""
    parents: dict[int, list[tuple[int, int]]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            found = _stat(int(entry))
            if found is not None and found[0] != "Z":
                parents.setdefault(found[1], []).append((int(entry), found[2]))
    out: set[Process] = set()
    todo = [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in out:
                out.add(child)
                todo.append(child[0])
    return out


def alive(process: Process) -> bool:
    found = _stat(process[0])
    return found is not None and found[0] != "Z" and found[2] == process[1]


def survivors(processes: set[Process], within_s: float = 30.0) -> set[Process]:
    """Which of these processes are still running after waiting up to `within_s`
    for them to end (a generous bound: they are expected to end at once, and do
    in well under a second on a quiet machine; 10 s was once not enough at a
    load of 17 on two cores, where a killed reindex's helpers and then the
    resource tracker each wait their turn for a core)."""
    deadline = time.monotonic() + within_s
    left = {p for p in processes if alive(p)}
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left = {p for p in left if alive(p)}
    return left


def describe(processes: set[Process]) -> str:
    lines = []
    for pid, _ in sorted(processes):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            cmd = "?"
        lines.append(f"{pid}: {cmd[:200]}")
    return "\n".join(lines)


def assert_all_end(processes: set[Process], what: str) -> None:
    """Fail, naming them, if any of these processes outlives the wait; kill
    those so a failing run leaves nothing behind either."""
    left = survivors(processes)
    message = f"{what} left processes behind:\n" + describe(left)
    for pid, _ in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 9)
    assert not left, message
