"""Keystroke to settled screen, as a person at a real terminal feels it.

    python -m tests.bench.bench_keys [--n 10000] [--archive DIR] [--words "border harbour ..."]
                                     [--size 150x45] [--rounds 3] [--ref OTHER_CHECKOUT]

Builds (or reuses, with --archive) an archive of N generated articles, starts
`python -m reader` on it inside tmux, opens the search box and types words one
key at a time. Each key is timed from the moment tmux is told to send it until
the screen stops changing: the pane is captured every few milliseconds, and the
key's time is that of the last change seen before the screen stays the same
for QUIET_S (results, snippets, status line and the preview all painted).
Prints p50 and p90 over all keys, and the slowest keys.

With --ref, the same archive is also typed into by the app of another checkout
(e.g. a worktree of the previous commit), alternating rounds, so a change is
measured before and after on one machine in one run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.bench_app import build, pct

QUIET_S = 0.25  # no change for this long: the screen has settled
LIMIT_S = 5.0  # a key that has not settled by then counts as this long
WORDS = "border harbour storm council ferry strike minister".split()


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def _screen(session: str) -> str:
    # Text only: with styles, the search box's blinking cursor would count as
    # the screen changing twice a second.
    return _tmux("capture-pane", "-p", "-t", session)


def _settle(session: str, since: float, before: str, *, changes: bool = True) -> float:
    """Seconds from `since` to the last change of the screen before it stayed
    the same for QUIET_S. With `changes` (a typed key always shows in the
    box), quiet counts only after the first change: an app too busy to echo
    the key for a while has not settled, it has not started."""
    last_change, screen = since, before
    while True:
        current = _screen(session)
        now = time.perf_counter()
        if current != screen:
            screen, last_change = current, now
        if now - last_change >= QUIET_S and (last_change > since or not changes):
            return last_change - since
        if now - since > LIMIT_S:
            return LIMIT_S
        time.sleep(0.003)


def type_words(checkout: Path, archive: Path, words: list[str], size: str) -> list[tuple[str, float]]:
    """(the query typed so far, seconds to a settled screen) for every key."""
    session = f"bench-keys-{os.getpid()}"
    cols, rows = size.split("x")
    env = {**os.environ, "PYTHONPATH": str(checkout), "NEWSREADER_HOME": str(archive.parent / "home")}
    command = f"cd {checkout} && {sys.executable} -m reader --data-dir {archive}"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", cols, "-y", rows, command],
        check=True,
        env=env,
    )
    timings: list[tuple[str, float]] = []
    try:
        started = time.perf_counter()
        while "Search" not in _screen(session) and time.perf_counter() - started < 60:
            time.sleep(0.05)  # the app starting
        time.sleep(1.0)
        _settle(session, time.perf_counter(), "", changes=False)  # the first screen, results and preview
        for word in words:
            _tmux("send-keys", "-t", session, "/")
            _settle(session, time.perf_counter(), _screen(session), changes=False)
            _tmux("send-keys", "-t", session, "C-u")  # an empty box
            _settle(session, time.perf_counter(), _screen(session), changes=False)
            typed = ""
            for key in word:
                typed += key
                before = _screen(session)
                started = time.perf_counter()
                _tmux("send-keys", "-t", session, "-l", key)
                seconds = _settle(session, started, before)
                timings.append((typed, seconds))
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--archive", type=Path, help="reuse (or build here) instead of a temporary directory")
    parser.add_argument("--words", default=" ".join(WORDS))
    parser.add_argument("--size", default="150x45")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ref", type=Path, help="another checkout to time in alternating rounds")
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("tmux is needed (apt-get install tmux)", file=sys.stderr)
        return 2
    tmp = None
    root = args.archive
    if root is None:
        tmp = tempfile.TemporaryDirectory()
        root = Path(tmp.name)
    if not (root / "archive" / "store.sqlite3").exists():
        build(root, args.n)
    (root / "home").mkdir(exist_ok=True)
    here = Path(__file__).resolve().parents[2]
    checkouts = {"this": here, **({"ref": args.ref.resolve()} if args.ref else {})}
    keys: dict[str, list[tuple[str, float]]] = {name: [] for name in checkouts}
    for _ in range(args.rounds):
        for name, checkout in checkouts.items():
            keys[name].extend(type_words(checkout, root / "archive", args.words.split(), args.size))
    summary = {}
    for name, timed in keys.items():
        ms = [s * 1000 for _, s in timed]
        summary[name] = {
            "keys": len(ms),
            "p50_ms": round(statistics.median(ms)),
            "p90_ms": round(pct(ms, 0.9)),
            "max_ms": round(max(ms)),
        }
        slowest = sorted(timed, key=lambda t: -t[1])[:6]
        print(f"{name} ({checkouts[name]}), {args.n} articles, {args.size}:")
        print(f"  {len(ms)} keys  p50 {summary[name]['p50_ms']} ms  p90 {summary[name]['p90_ms']} ms")
        print("  slowest: " + ", ".join(f"{q!r} {s * 1000:.0f}" for q, s in slowest))
    print(json.dumps(summary))
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
