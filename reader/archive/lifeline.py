"""Helper processes that end the moment the process that started them dies.

The import's analysis workers and Whoosh's writer helpers wait on
multiprocessing queues, and a spawned child holds both ends of each queue's
pipe, so it never sees end-of-file when a SIGKILLed parent stops feeding it:
it waited for minutes, holding the dead command's stdout and the index's
segment files open. So every child gets the read end of one more pipe whose
only writer is its parent (spawned children receive just the end they are
given). The kernel closes that end when the parent dies, however it dies; a
daemon thread in the child blocks reading it and exits the child at EOF.

Not `prctl(PR_SET_PDEATHSIG)`: it fires when the *thread* that spawned the
child ends, and the app imports and reindexes from worker threads. Not a
`getppid()` poll: a parent that dies before the first read is never noticed,
and a poll notices late.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from multiprocessing.connection import Connection

# (read end, write end, the pid that made them): a forked copy of this module
# in another process must not hand out its parent's pipe.
_line: tuple[Connection, Connection, int] | None = None
_guard = threading.Lock()


def lifeline() -> Connection:
    """The read end to hand to a spawned child (as an argument or attribute
    pickled at spawn). The write end stays open in this process until it exits."""
    global _line
    with _guard:
        if _line is None or _line[2] != os.getpid():
            reader, writer = multiprocessing.Pipe(duplex=False)
            _line = (reader, writer, os.getpid())
        return _line[0]


def hold(line: Connection) -> None:
    """In the child: exit as soon as the parent's end of `line` closes."""

    def watch() -> None:
        with contextlib.suppress(EOFError, OSError):
            line.recv_bytes()  # the parent never writes: this returns only at EOF
        os._exit(1)

    threading.Thread(target=watch, name="lifeline", daemon=True).start()
