"""A large import's index steps, run in a process of their own beside it.

A step writes what the store has queued to the index in one commit, and
Whoosh's commit also merges segments, whose cost grows with the index. Run by
the importing process, which also stores, the steps took 75 % of its time at
2,000 files, and the two cores were never both busy. Here the importing
process only stores (its analysis workers parse), and this one catches up
beside it: it only reads the store (each step reads the queue and the
articles as committed), writes the index, and reports the queue number it
read through. The importer takes those rows off the queue itself, so the
store keeps one writer; a change queued again while a step was written has a
newer number and stays (IndexQueueRows.ids_through). Killed at any point,
what was not taken off the queue is written again by the next writer: nothing
is lost.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from multiprocessing.connection import Connection
from pathlib import Path

from reader.archive.lifeline import lifeline

_STOP = "stop"
_NOW = "now"  # a step at once: the import waits for it


class IndexSteps:
    """The steps' process, seen from the import: what it has written
    (written_through), and its end (finish)."""

    def __init__(self, store_path: Path, index_dir: Path, every_s: float, behind_s: float) -> None:
        # spawn, not fork: the app imports from a thread (see importer.prepared_in_order).
        context = multiprocessing.get_context("spawn")
        self._line, child = context.Pipe()
        self._process = context.Process(
            target=_serve,
            args=(str(store_path), str(index_dir), every_s, child, lifeline()),
            name="newsreader-index-steps",
            daemon=True,
        )
        self._process.start()
        child.close()
        self._ended = False
        self._behind_s = behind_s
        self._through = 0  # the newest queue number the steps have written through
        self._taken = 0  # ... of which the import was told
        self._commits: deque[tuple[float, int]] = deque()  # (when, queue number) of store commits not yet written

    def committed(self, through: int) -> int:
        """The import committed the store with the queue numbered up to
        `through`. Returns the newest queue number the steps have written
        through since the last call (0: none), for the import to take off the
        queue. When the oldest commit not yet written is more than `behind_s`
        old, asks for a step now and waits for it: the import waits rather
        than store far ahead of what can be found (on a busy machine the steps
        fell minutes behind). Raises what failed a step."""
        self._read(block=False)
        now = time.monotonic()
        if through > self._through:
            self._commits.append((now, through))
        self._forget_written()
        if self._commits and now - self._commits[0][0] >= self._behind_s and not self._ended:
            wanted = self._commits[0][1]
            self._line.send(_NOW)
            while not self._ended and self._through < wanted:
                self._read(block=True)
            self._forget_written()
        return self._tell()

    def written_through(self) -> int:
        """As committed(), without a commit and without waiting."""
        self._read(block=False)
        return self._tell()

    def _tell(self) -> int:
        if self._through > self._taken:
            self._taken = self._through
            return self._through
        return 0

    def _forget_written(self) -> None:
        while self._commits and self._commits[0][1] <= self._through:
            self._commits.popleft()

    def _read(self, *, block: bool) -> None:
        try:
            while not self._ended and (block or self._line.poll()):
                self._through = max(self._through, self._take(self._line.recv()))
                block = False
        except (EOFError, OSError):  # it died (killed): what it did not report stays queued
            self._ended = True

    def finish(self) -> int:
        """Stop once the step in hand is committed; returns as written_through.
        The import then writes the rest itself (ImportSteps.last)."""
        if not self._ended:
            try:
                self._line.send(_STOP)
            except OSError:  # it died (killed): its last step never reported
                self._ended = True
            while not self._ended:
                self._read(block=True)
        self._process.join()
        self._line.close()
        return self._tell()

    def _take(self, message: tuple[str, object]) -> int:
        kind, value = message
        if kind == "failed":
            self._ended = True
            assert isinstance(value, BaseException)
            raise value
        if kind == "stopped":
            self._ended = True
            return 0
        assert isinstance(value, int)
        return value


def _serve(store_path: str, index_dir: str, every_s: float, line: Connection, parent: Connection) -> None:
    """The process: a step, then a wait of `every_s` (or the import's stop), until stopped."""
    import signal

    from reader.archive.index import whoosh_index as ixmod
    from reader.archive.index.upkeep import write_step
    from reader.archive.lifeline import hold
    from reader.archive.store.database import Store

    hold(parent)  # a SIGKILLed import cannot stop this process: it leaves with it
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the import's to handle
    try:
        store = Store(Path(store_path), reader=True)
        ix = ixmod.open_index(Path(index_dir))
        while True:
            written, through = write_step(store, ix)
            if written:
                line.send(("step", through))
            if line.poll(min(every_s, 86400.0)) and line.recv() == _STOP:
                break  # else _NOW: the import waits for a step
        store.close()
        line.send(("stopped", 0))
    except BaseException as exc:  # noqa: BLE001 - reported to the import, which raises it
        try:
            line.send(("failed", exc))
        except Exception:  # noqa: BLE001 - an exception that does not pickle
            line.send(("failed", RuntimeError(f"the index steps failed: {type(exc).__name__}: {exc}")))
