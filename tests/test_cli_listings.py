"""Every listing command says what it shows: how many more there are, what
fills an empty one; a closed pipe ends any command quietly."""

from __future__ import annotations

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


def test_a_closed_pipe_ends_every_command_quietly(tmp_path: Path) -> None:
    demo = run_cli("--demo", "search", "port", "--json")
    assert demo.returncode == 0, demo.stderr
    some_id = json.loads(demo.stdout.splitlines()[0])["id"]
    assert run_cli("--demo", "search", "port", "--save", "ports").returncode == 0
    assert run_cli("--demo", "highlight", some_id, "port").returncode == 0
    for command in PIPED:
        code, err = closed_pipe("--demo", *[some_id if a == "ID" else a for a in command])
        assert "Traceback" not in err and "Error" not in err, (command, err)
        assert code in (0, 141), (command, code, err)
    fixture = Path(__file__).parent / "fixtures" / "harbour-scrape.txt"
    for extra in ([], ["--json"]):
        code, err = closed_pipe("analyze", str(fixture), *extra)
        assert "Traceback" not in err and code in (0, 141), err


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
