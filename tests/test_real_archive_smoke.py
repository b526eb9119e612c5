"""Smoke test on real saved pages: every listing command of the CLI, plain and
--json, and each through a closed pipe, on an archive imported from a sample of
../shared/eval-data (tests/conftest.py: real_archive_dir). No traceback, sane
exit codes, JSON that parses, no terminal control characters."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import real_pages
from tests.test_cli_listings import closed_pipe, in_closed_pipe

# (command, whether it takes --json); "ID" is replaced by a real article id.
LISTINGS = [
    (["search", "police", "--limit", "500"], True),
    (["search", "government OR minister", "--sort", "newest"], True),
    (["search", "the"], True),  # stop words only: an empty query's answer
    (["search", "ukrain"], True),
    (["search", "--collapse", "year"], True),
    (["search", "tag:smoke"], True),
    (["search", "--saved", "smoke"], True),
    (["searches"], True),
    (["stories"], True),
    (["stories", "police"], True),
    (["timeline"], True),
    (["timeline", "--by", "day", "police"], True),
    (["entities"], True),
    (["entities", "--type", "person", "--limit", "200"], True),
    (["entities", "--type", "group"], True),
    (["quotes"], True),
    (["quotes", "--limit", "500", "--speaker", "a"], True),
    (["highlights"], True),
    (["show", "ID"], True),
    (["stats"], True),
    (["doctor"], True),
    (["correct", "--list"], False),
]


def commands() -> list[list[str]]:
    return [
        c for command, takes_json in LISTINGS for c in ([command, [*command, "--json"]] if takes_json else [command])
    ]


@pytest.fixture(scope="module")
def real(real_archive_dir: Path) -> tuple[list[str], str]:
    """The archive's CLI arguments and one article id; with a saved search, a
    tag and a highlight, so those listings have rows."""
    from reader.archive import Archive

    with Archive(real_archive_dir) as archive:
        [first, *_] = archive.search("", limit=1).hits
        archive.add_tags(first.id, ["Smoke"])
        archive.save_search("smoke", "tag:smoke")
        stored = archive.get(first.id)
        assert stored is not None
        words = next(b.text for b in stored.article.blocks if len(b.text.split()) > 4).split()[:4]
        archive.add_highlight(first.id, " ".join(words), note="smoke")
    return ["--data-dir", str(real_archive_dir)], first.id


def test_every_listing_plain_and_json(real, capsys) -> None:  # type: ignore[no-untyped-def]
    data, some_id = real
    for command in commands():
        args = [some_id if a == "ID" else a for a in command]
        code = main([*data, *args])
        out, err = capsys.readouterr()
        assert code in (0, 1), (args, code, err)  # 1: doctor finding a problem
        assert "Traceback" not in out + err, args
        assert "\x1b" not in out + err and "\x07" not in out + err, args  # NO_COLOR, and no control codes from pages
        if "--json" in args:
            if args[0] == "show":
                json.loads(out)
            else:
                for line in out.splitlines():
                    json.loads(line)
        elif args[0] != "correct":
            assert out.strip() or err.strip(), f"{args} said nothing"


def test_every_listing_through_a_closed_pipe(real, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    data, some_id = real
    stopped = 0
    for command in commands():
        args = [some_id if a == "ID" else a for a in command]
        code, err = in_closed_pipe(monkeypatch, capsys, [*data, *args])
        assert "Traceback" not in err and "BrokenPipe" not in err, (args, err)
        assert code in (0, 1, 141), (args, code, err)
        stopped += code == 141
    assert stopped >= len(commands()) - 6  # all but the few that print nothing on stdout met the closed pipe
    # And through a real process, as a shell runs it.
    page = tmp_path / "page.html"
    page.write_bytes(gzip.decompress(real_pages()[0].read_bytes()))
    for args in ([*data, "search", "police", "--limit", "500"], ["analyze", str(page), "--json"]):
        code, err = closed_pipe(*args, timeout=300)
        assert "Traceback" not in err and "BrokenPipe" not in err, (args, err)
        assert code in (0, 141), (args, code, err)
