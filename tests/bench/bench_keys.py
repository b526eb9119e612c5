"""Keystroke to settled screen, as a person at a real terminal feels it.

    python -m tests.bench.bench_keys [--n 10000] [--archive DIR] [--words "border harbour ..."]
                                     [--size 150x45] [--rounds 3] [--ref OTHER_CHECKOUT] [--screens "E Q"]

Builds (or reuses, with --archive) an archive of N generated articles, starts
`python -m reader` on it inside tmux, opens the search box and types words one
key at a time. Each key is timed from the moment tmux is told to send it until
the screen stops changing: the pane is captured every few milliseconds, and the
key's time is that of the last change seen before the screen stays the same
for QUIET_S while the app is idle (results, snippets, status line and the
preview all painted). Idle, from the kernel's schedstat of every thread of the
app: less than IDLE_MS of running or waiting to run in the last QUIET_S. Without
it a key whose results came more than QUIET_S after its echo (a slow search on
a loaded machine) was timed at its echo, and slower code could look faster.
Prints p50 and p90 over all keys, the app's CPU time per key (every thread;
less dependent on the machine's load than the wall time), and the slowest keys;
and apart, the same for ctrl+u, pressed before each word over the query before
it (the list of every article, newest first, comes back).

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
IDLE_MS = 10.0  # and the app ran (or waited to run) less than this meanwhile: no work in flight
LIMIT_S = 5.0  # a key that has not settled by then counts as this long
WORDS = "border harbour storm council ferry strike minister".split()


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def _screen(session: str) -> str:
    # Text only: with styles, the search box's blinking cursor would count as
    # the screen changing twice a second.
    return _tmux("capture-pane", "-p", "-t", session)


def app_pid(session: str) -> int | None:
    """The app's process in the tmux pane (the pane's shell may run it as a child)."""
    pane = int(_tmux("list-panes", "-t", session, "-F", "#{pane_pid}").split()[0])
    for _ in range(200):
        try:
            if Path(f"/proc/{pane}/comm").read_text().startswith("python"):
                return pane
        except OSError:
            return None
        found = subprocess.run(["pgrep", "-P", str(pane)], capture_output=True, text=True).stdout.split()
        if found:
            return int(found[0])
        time.sleep(0.05)
    return None


def scheduled_ns(pid: int | None) -> tuple[int, int]:
    """(ns on a CPU, ns waiting for one) of every thread of a process, so far."""
    ran = waited = 0
    if pid is None:
        return 0, 0
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0, 0
    for tid in threads:
        try:
            fields = Path(f"/proc/{pid}/task/{tid}/schedstat").read_text().split()
        except OSError:
            continue  # a thread that ended meanwhile
        ran, waited = ran + int(fields[0]), waited + int(fields[1])
    return ran, waited


def _settle(session: str, since: float, before: str, *, changes: bool = True, pid: int | None = None) -> float:
    """Seconds from `since` to the last change of the screen before it stayed
    the same for QUIET_S with the app idle (see the module's docstring). With
    `changes` (a typed key always shows in the box), quiet counts only after
    the first change: an app too busy to echo the key for a while has not
    settled, it has not started."""
    last_change, screen = since, before
    busy: list[tuple[float, int]] = []  # (when, ns run or waiting so far)
    while True:
        current = _screen(session)
        now = time.perf_counter()
        busy.append((now, sum(scheduled_ns(pid))))
        while len(busy) > 2 and busy[1][0] <= now - QUIET_S:
            busy.pop(0)  # keep one sample at or before the window's start
        if current != screen:
            screen, last_change = current, now
        idle = pid is None or (busy[0][0] <= now - QUIET_S and (busy[-1][1] - busy[0][1]) / 1e6 < IDLE_MS)
        if now - last_change >= QUIET_S and idle and (last_change > since or not changes):
            return last_change - since
        if now - since > LIMIT_S:
            return LIMIT_S
        time.sleep(0.003)


CLEAR = "^u"  # the query's place in the timings of a ctrl+u
SCREEN = "screen "  # before the key that opens a screen (--screens), in its timings


def type_words(
    checkout: Path, archive: Path, words: list[str], size: str, screens: list[str] | None = None
) -> list[tuple[str, float, float]]:
    """(the query typed so far, seconds to a settled screen, the app's CPU
    seconds meanwhile) for every key; CLEAR for each ctrl+u over the word before;
    then, for each key of `screens` (E, Q...), SCREEN + the key, pressed over
    the newest-first list and closed with Escape."""
    session = f"bench-keys-{os.getpid()}"
    cols, rows = size.split("x")
    env = {**os.environ, "PYTHONPATH": str(checkout), "NEWSREADER_HOME": str(archive.parent / "home")}
    command = f"cd {checkout} && {sys.executable} -m reader --data-dir {archive}"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    for attempt in range(5):
        # The last session killed, tmux's server exits; a new session asked
        # for meanwhile finds it gone ("server exited unexpectedly"): ask again.
        started = subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", cols, "-y", rows, command], env=env)
        if started.returncode == 0:
            break
        time.sleep(0.5 * (attempt + 1))
    else:
        raise RuntimeError("tmux would not start a session")
    timings: list[tuple[str, float, float]] = []
    try:
        started = time.perf_counter()
        while "Search" not in _screen(session) and time.perf_counter() - started < 60:
            time.sleep(0.05)  # the app starting
        pid = app_pid(session)
        time.sleep(1.0)
        _settle(session, time.perf_counter(), "", changes=False, pid=pid)  # the first screen, results and preview
        for word in words:
            _tmux("send-keys", "-t", session, "/")
            _settle(session, time.perf_counter(), _screen(session), changes=False, pid=pid)
            before, ran, started = _screen(session), scheduled_ns(pid)[0], time.perf_counter()
            _tmux("send-keys", "-t", session, "C-u")  # an empty box
            seconds = _settle(session, started, before, changes=False, pid=pid)
            if timings:  # over a query: every article comes back (the first is over the empty box)
                timings.append((CLEAR, seconds, (scheduled_ns(pid)[0] - ran) / 1e9))
            typed = ""
            for key in word:
                typed += key
                before = _screen(session)
                ran = scheduled_ns(pid)[0]
                started = time.perf_counter()
                _tmux("send-keys", "-t", session, "-l", key)
                seconds = _settle(session, started, before, pid=pid)
                timings.append((typed, seconds, (scheduled_ns(pid)[0] - ran) / 1e9))
        for key in screens or []:
            _tmux("send-keys", "-t", session, "C-u", "Escape")  # the newest-first list, focused
            _settle(session, time.perf_counter(), _screen(session), changes=False, pid=pid)
            before, ran, started = _screen(session), scheduled_ns(pid)[0], time.perf_counter()
            _tmux("send-keys", "-t", session, key)
            seconds = _settle(session, started, before, pid=pid)
            timings.append((SCREEN + key, seconds, (scheduled_ns(pid)[0] - ran) / 1e9))
            _tmux("send-keys", "-t", session, "Escape")
            _settle(session, time.perf_counter(), _screen(session), changes=False, pid=pid)
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
    parser.add_argument("--screens", default="", help="keys that open a screen, timed after the typing: 'E Q'")
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
    keys: dict[str, list[tuple[str, float, float]]] = {name: [] for name in checkouts}
    loads = []
    for n in range(args.rounds):
        # Each checkout goes first in every other round: the machine's load drifts.
        for name, checkout in checkouts.items() if n % 2 == 0 else reversed(checkouts.items()):
            loads.append(os.getloadavg()[0])
            keys[name].extend(
                type_words(checkout, root / "archive", args.words.split(), args.size, args.screens.split())
            )
    summary = {}
    print(f"load average (1 min) at the start of each run: {min(loads):.1f}-{max(loads):.1f}")
    for name, both in keys.items():
        timed = [t for t in both if t[0] != CLEAR and not t[0].startswith(SCREEN)]
        cleared = [t for t in both if t[0] == CLEAR]
        ms = [s * 1000 for _, s, _ in timed]
        cpu = [c * 1000 for _, _, c in timed]
        summary[name] = {
            "keys": len(ms),
            "p50_ms": round(statistics.median(ms)),
            "p90_ms": round(pct(ms, 0.9)),
            "max_ms": round(max(ms)),
            "cpu_p50_ms": round(statistics.median(cpu)),
            "cpu_p90_ms": round(pct(cpu, 0.9)),
        }
        slowest = sorted(timed, key=lambda t: -t[1])[:6]
        print(f"{name} ({checkouts[name]}), {args.n} articles, {args.size}:")
        print(f"  {len(ms)} keys  p50 {summary[name]['p50_ms']} ms  p90 {summary[name]['p90_ms']} ms")
        print(
            f"  the app's CPU per key (every thread): p50 {summary[name]['cpu_p50_ms']} ms  p90 {summary[name]['cpu_p90_ms']} ms"
        )
        print("  slowest: " + ", ".join(f"{q!r} {s * 1000:.0f}" for q, s, _ in slowest))
        if cleared:
            cms, ccpu = [s * 1000 for _, s, _ in cleared], [c * 1000 for _, _, c in cleared]
            summary[name]["ctrl_u"] = {
                "n": len(cms),
                "p50_ms": round(statistics.median(cms)),
                "p90_ms": round(pct(cms, 0.9)),
                "cpu_p50_ms": round(statistics.median(ccpu)),
            }
            c = summary[name]["ctrl_u"]
            print(
                f"  ctrl+u over a query ({c['n']}): p50 {c['p50_ms']} ms  p90 {c['p90_ms']} ms  CPU p50 {c['cpu_p50_ms']} ms"
            )
        for key in dict.fromkeys(args.screens.split()):
            opened = [s * 1000 for q, s, _ in both if q == SCREEN + key]
            summary[name][f"open_{key}_ms"] = [round(ms) for ms in opened]
            print(f"  {key} to its settled screen ({len(opened)}): " + ", ".join(f"{ms:.0f}" for ms in opened) + " ms")
    print(json.dumps(summary))
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
