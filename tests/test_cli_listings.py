"""Every listing command says what it shows: how many more there are, what
fills an empty one; a closed pipe ends any command quietly."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main


def cli(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("command", "says"),
    [
        (["stories"], "No story is saved more than once yet"),
        (["stories", "ferry"], "No story with more than one version matches"),
        (["searches"], "No saved searches yet"),
        (["quotes"], "No quotes yet"),
        (["quotes", "--speaker", "Nobody"], "No quotes by “Nobody”"),
        (["entities"], "No entities yet"),
        (["entities", "--type", "group", "ferry"], "No groups in the articles matching"),
        (["highlights"], "No highlights yet"),
        (["timeline"], "No dated articles yet"),
        (["search", "ferry"], "The archive is empty"),
    ],
)
def test_an_empty_listing_says_so_and_what_fills_it(capsys, tmp_path: Path, command, says) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli(capsys, "--data-dir", str(tmp_path / "d"), *command)
    assert code == 0 and says in err and out == ""
    code, out, err = cli(capsys, "--data-dir", str(tmp_path / "d"), *command, "--json")
    # JSON output stays JSON: nothing but rows on stdout (timeline's last row counts the
    # undated and the periods cut off, e19c920)
    assert code == 0 and out in ("", '{"undated": 0, "earlier": 0}\n')


def test_listings_say_how_many_more_and_how_to_see_them(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli(capsys, "--demo", "entities", "--limit", "2")
    assert code == 0 and len(out.splitlines()) == 2
    total = len(cli(capsys, "--demo", "entities", "--limit", "1000")[1].splitlines())
    assert f"2 of {total} entities shown (--limit {total} shows all)" in err
    code, out, err = cli(capsys, "--demo", "quotes", "--limit", "1")
    total = len(cli(capsys, "--demo", "quotes", "--limit", "1000", "--json")[1].splitlines())
    assert total > 1 and f"1 of {total} quotes shown (--limit {total} shows all)" in err
    code, out, err = cli(capsys, "--demo", "search", "port", "--limit", "1")
    assert "(1 shown; --limit" in err
    code, out, err = cli(capsys, "--demo", "stories", "--limit", "1")
    assert "shown" not in err  # the demo has one story told twice: all of it is shown
    code, out, err = cli(capsys, "--demo", "entities", "--limit", "1000")
    assert "shown" not in err


def test_plurals(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli(capsys, "--demo", "entities", "--limit", "1000")
    rows = out.splitlines()
    assert not any(" 1 articles" in r or " 1 mentions" in r for r in rows)
    assert any(" 1 article " in r for r in rows) or all(" 1 " not in r for r in rows)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-P", "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
    )


def closed_pipe(*args: str, timeout: float = 120) -> tuple[int, str]:
    """Run a command whose output pipe has no reader any more (`… | head -1` after its line)."""
    proc = subprocess.Popen(
        [sys.executable, "-P", "-m", "reader", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader has gone before the first line is written
    err = proc.stderr.read().decode("utf-8", "replace")
    return proc.wait(timeout=timeout), err


def in_closed_pipe(monkeypatch: pytest.MonkeyPatch, capsys, args: list[str]) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """Run a command in this process with stdout a real pipe whose read end is
    closed: the same EPIPE as a subprocess gets, without starting Python again
    (about a second of CPU a command). Its exit status and what it said on stderr."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    stream = open(write_end, "w", encoding="utf-8")  # noqa: SIM115 - closed below, after main
    with monkeypatch.context() as patch:
        patch.setattr(sys, "stdout", stream)
        code = main(args)
    with contextlib.suppress(BrokenPipeError):  # what main left unwritten, if it never wrote
        stream.close()
    return code, capsys.readouterr().err


PIPED = [
    ["search", "port", "--limit", "500"],
    ["search", "port", "--json"],
    ["show", "ID"],
    ["show", "ID", "--json"],
    ["stats"],
    ["stats", "--json"],
    ["entities"],
    ["entities", "--json"],
    ["quotes"],
    ["quotes", "--json"],
    ["stories"],
    ["stories", "--json"],
    ["timeline"],
    ["timeline", "--json"],
    ["searches"],
    ["highlights", "--json"],
    ["correct", "--list"],
    ["doctor"],
]


def test_a_closed_pipe_ends_every_command_quietly(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli(capsys, "--demo", "search", "port", "--json")
    assert code == 0
    some_id = json.loads(out.splitlines()[0])["id"]
    assert cli(capsys, "--demo", "search", "port", "--save", "ports")[0] == 0
    assert cli(capsys, "--demo", "highlight", some_id, "port")[0] == 0
    fixture = Path(__file__).parent / "fixtures" / "harbour-scrape.txt"
    commands = [["--demo", *[some_id if a == "ID" else a for a in c]] for c in PIPED]
    commands += [["analyze", str(fixture)], ["analyze", str(fixture), "--json"]]
    for command in commands:
        code, err = in_closed_pipe(monkeypatch, capsys, command)
        assert "Traceback" not in err and "Error" not in err, (command, err)
        assert code in (0, 141), (command, code, err)
    # And as a shell runs them, where the interpreter's own flush at exit could
    # still meet the closed pipe: one listing and the command that reads a file.
    for command in (["--demo", "search", "port", "--limit", "500"], ["analyze", str(fixture)]):
        code, err = closed_pipe(*command)
        assert "Traceback" not in err and "Error" not in err, (command, err)
        assert code in (0, 141), (command, code, err)


def test_plurals_of_one(capsys, tmp_path: Path, fixtures_dir: Path) -> None:  # type: ignore[no-untyped-def]
    data = ["--data-dir", str(tmp_path / "d")]
    assert main([*data, "import", str(fixtures_dir / "clipping.md")]) == 0
    capsys.readouterr()
    code, out, _ = cli(capsys, *data, "doctor")
    assert code == 0 and "1 document" in out and "1 documents" not in out
    code, out, err = cli(capsys, *data, "search", "sauna")
    assert "1 article ·" in err
    code, out, err = cli(capsys, *data, "reindex")
    assert "Reindexed 1 article." in out
