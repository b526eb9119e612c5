"""The evaluation commands end quietly when their reader closes the pipe
(`python -m tests.eval.judge_entities … | head`): no BrokenPipeError trace."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOUD = "from tests.eval.common import run_command\nrun_command(lambda: [print('row ' * 20) for _ in range(200_000)] and 0)\n"


def test_a_closed_pipe_ends_an_eval_command_quietly() -> None:
    writer = subprocess.Popen([sys.executable, "-c", LOUD], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert writer.stdout is not None and writer.stderr is not None
    writer.stdout.readline()
    writer.stdout.close()  # the reader goes away, as `head -1` does
    errors = writer.stderr.read().decode()
    writer.wait(timeout=60)
    assert "BrokenPipeError" not in errors and "Traceback" not in errors
