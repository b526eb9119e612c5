"""How a command ends: its exit status, and the failure that carries a message and a status."""

from __future__ import annotations

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BUSY, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_PIPE = 141  # 128 + SIGPIPE: what a shell reports for `git log | head`


class Failure(Exception):
    """A command that cannot go on: its message (printed on stderr) and exit status."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code
