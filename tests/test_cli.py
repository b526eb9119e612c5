"""The command line through its real entry point: main([...]) and a subprocess."""

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


def test_version(capsys) -> None:  # type: ignore[no-untyped-def]
    import pytest

    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "newsreader 0." in capsys.readouterr().out


def test_import_twice_then_search_show_stats(capsys, tmp_path: Path, fixtures_dir: Path) -> None:  # type: ignore[no-untyped-def]
    data = str(tmp_path / "data")
    code, out, _ = cli(capsys, "--data-dir", data, "import", str(fixtures_dir))
    assert code == 0 and "3 added" in out
    code, out, _ = cli(capsys, "--data-dir", data, "import", str(fixtures_dir))
    assert code == 0 and "0 added" in out and "3 unchanged" in out and "Nothing new" in out

    code, out, _ = cli(capsys, "--data-dir", data, "search", "trawler AND Kalmar", "--json")
    [row] = [json.loads(line) for line in out.splitlines()]
    assert row["title"].startswith("Fishermen") and "**" in row["snippet"]
    assert set(row) >= {"id", "title", "site", "published", "score", "snippet", "paths"}

    code, out, _ = cli(capsys, "--data-dir", data, "show", row["id"], "--json")
    article = json.loads(out)
    assert article["title"] == row["title"]
    assert any(b["kind"] == "caption" and b["repeats"] == 2 for b in article["blocks"])

    code, out, _ = cli(capsys, "--data-dir", data, "show", row["id"][:5])
    assert code == 0 and "Lindqvist" in out

    code, out, _ = cli(capsys, "--data-dir", data, "stats", "--json")
    assert json.loads(out)["articles"] == 3


def test_failures_set_the_exit_code_and_name_the_file(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "src"
    src.mkdir()
    (src / "empty.txt").write_text("")
    code, out, _ = cli(capsys, "--data-dir", str(tmp_path / "d"), "import", str(src))
    assert code == 1
    assert "empty.txt" in out and "empty file" in out


def test_bad_query_is_a_message_not_a_traceback(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli(capsys, "--data-dir", str(tmp_path / "d"), "search", '"oops')
    assert code == 2 and "bad query" in err and "Traceback" not in err


def test_unknown_id(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli(capsys, "--data-dir", str(tmp_path / "d"), "show", "zzzz")
    assert code == 1 and "no article" in err


def test_env_var_sets_the_archive(capsys, tmp_path: Path, fixtures_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    cli(capsys, "import", str(fixtures_dir / "clipping.md"))
    assert (tmp_path / "home" / "store.sqlite3").exists()


def test_analyze_without_importing(capsys, tmp_path: Path, fixtures_dir: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli(
        capsys, "--data-dir", str(tmp_path / "d"), "analyze", str(fixtures_dir / "harbour-scrape.txt"), "--json"
    )
    data = json.loads(out)
    assert data["title"].startswith("Fishermen") and data["blocks"]
    assert not (tmp_path / "d").exists()


def test_reindex(capsys, tmp_path: Path, fixtures_dir: Path) -> None:  # type: ignore[no-untyped-def]
    data = str(tmp_path / "d")
    cli(capsys, "--data-dir", data, "import", str(fixtures_dir))
    code, out, _ = cli(capsys, "--data-dir", data, "reindex")
    assert code == 0 and "Reindexed 3" in out


def test_demo_archive_builds_and_searches(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli(capsys, "--demo", "search", "tram", "--json")
    assert code == 0 and out.strip()
    code, out, _ = cli(capsys, "--demo", "stats", "--json")
    stats = json.loads(out)
    assert 8 <= stats["articles"] <= 15
    assert stats["sources"] == stats["articles"] + 1  # one scrape is saved twice


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-P", "-m", "reader", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_subprocess_round_trip_and_no_textual_for_search(tmp_path: Path, fixtures_dir: Path) -> None:
    data = str(tmp_path / "d")
    done = run_cli("--data-dir", data, "import", str(fixtures_dir))
    assert done.returncode == 0, done.stderr
    assert "[3/3]" in done.stderr  # plain progress lines when not a terminal
    probe = (
        "import sys; from reader.cli import main; "
        f"main(['--data-dir', {data!r}, 'search', 'sauna']); "
        "assert 'textual' not in sys.modules, 'search imported textual'"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Tallinn" in done.stdout
    assert "\x1b[" not in done.stdout  # no escape codes when piped


def test_entities_and_quotes_commands_on_an_empty_archive(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = str(tmp_path / "d")
    assert cli(capsys, "--data-dir", data, "entities", "ferry")[0] == 0
    assert cli(capsys, "--data-dir", data, "quotes", "--speaker", "x")[0] == 0


def test_progress_of_the_index_pass_when_piped() -> None:
    """After a large import: a line per indexing step, the finishing step said once."""
    import io

    from reader.archive.importer import FINISHING, INDEXING, Progress
    from reader.output import ProgressLine

    out = io.StringIO()
    line = ProgressLine(out)
    steps = [Progress(500, 1000, INDEXING, "indexing"), Progress(1000, 1000, INDEXING, "indexing")]
    steps += [Progress(0, 1, FINISHING, "indexing"), Progress(1, 1, FINISHING, "indexing")]
    for step in steps:
        line.update(step.done, step.total, step.path, step.outcome, step.stage_label, said=step.describe())
    # What is done, what is left, and that the count is the index pass's, not the files'
    # ("Indexing: 500/1,000" read as if 1,000 were the whole import).
    assert out.getvalue().splitlines() == [
        "Files read. Indexing the 1,000 articles not yet searchable: 500 done, 500 left",
        "Files read. Indexing the 1,000 articles not yet searchable: 1,000 done, 0 left",
        "Finishing the index…",
    ]


def test_search_sorted_newest_and_oldest_first(capsys, tmp_path: Path, fixtures_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """'--sort -date' reads as an option to argparse: 'newest' and 'oldest' say it without '='."""
    data = ["--data-dir", str(tmp_path / "d")]
    main([*data, "import", str(fixtures_dir)])
    orders = {}
    for sort in ("newest", "oldest", "--sort=-date", "date"):
        capsys.readouterr()
        flag = [sort] if sort.startswith("--") else ["--sort", sort]
        assert main([*data, "search", "ferry OR sauna", *flag, "--json"]) == 0
        orders[sort] = [json.loads(line)["published"] for line in capsys.readouterr().out.splitlines()]
    dated = [d for d in orders["newest"] if d]
    assert dated == sorted(dated, reverse=True) and len(dated) >= 2
    assert orders["newest"] == orders["--sort=-date"] and orders["oldest"] == orders["date"]
    assert [d for d in orders["oldest"] if d] == sorted(dated)


def test_import_names_each_skipped_file_and_never_says_nothing_new(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "src"
    src.mkdir()
    (src / "budget.xlsx").write_bytes(b"PK\x03\x04")
    code, out, _ = cli(capsys, "--data-dir", str(tmp_path / "d"), "import", str(src))
    assert code == 0
    assert "1 skipped" in out and "skipped: budget.xlsx: unsupported format: .xlsx" in out
    assert "Nothing new" not in out


def test_import_of_an_empty_folder_says_so(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty").mkdir()
    _, out, _ = cli(capsys, "--data-dir", str(tmp_path / "d"), "import", str(tmp_path / "empty"))
    assert "Found no files to import" in out and "Nothing new" not in out


def test_dry_run_lists_what_would_happen_and_imports_nothing(capsys, tmp_path: Path, fixtures_dir: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "src"
    src.mkdir()
    (src / "clip.md").write_text((fixtures_dir / "clipping.md").read_text())
    (src / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    data = str(tmp_path / "d")
    code, out, _ = cli(capsys, "--data-dir", data, "import", "--dry-run", str(src))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("import") and "clip.md: Markdown by its extension" in lines[0]
    assert lines[1].startswith("skip") and "photo.jpg: unsupported format: .jpg" in lines[1]
    assert lines[2] == "Dry run, nothing imported: 1 import, 1 skip"
    _, out, _ = cli(capsys, "--data-dir", data, "stats", "--json")
    assert json.loads(out)["articles"] == 0
    cli(capsys, "--data-dir", data, "import", str(src))
    _, out, _ = cli(capsys, "--data-dir", data, "import", "--dry-run", str(src))
    assert out.splitlines()[0].startswith("unchanged")


def test_analyze_explain_prints_the_deciding_cues(capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    from reader.cli import main

    fixture = Path(__file__).parent / "fixtures" / "harbour-scrape.txt"
    assert main(["analyze", "--explain", str(fixture)]) == 0
    out = capsys.readouterr().out
    assert " → PERSON (" in out and " ← " in out


@pytest.mark.parametrize(
    "name",
    ["osc-title-\x1b]0;owned\x07.txt", "colour-\x1b[31mred.txt", "csi8-\x9b31m.txt", "rlo-\u202etxt.exe.txt"],
)
def test_show_prints_a_hostile_file_name_without_its_controls(capsys, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "src"
    src.mkdir()
    (src / name).write_text(
        "Harbour board votes on the quay\n\nThe harbour board voted on Monday to rebuild the north quay "
        "before the winter storms arrive, officials said on Tuesday.\n",
        encoding="utf-8",
    )
    data = str(tmp_path / "archive")
    assert cli(capsys, "--data-dir", data, "import", str(src))[0] == 0
    code, out, _ = cli(capsys, "--data-dir", data, "search", "--json", "harbour")
    article_id = json.loads(out.splitlines()[0])["id"]
    code, out, err = cli(capsys, "--data-dir", data, "show", article_id)
    assert code == 0 and "rebuild the north quay" in out
    path_line = next(line for line in out.splitlines() if line.startswith(f"id {article_id}"))
    assert name.split("-")[0] in path_line  # the path is shown, cleaned
    for control in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert control not in out + err


def test_a_parser_library_logs_nothing_unless_asked(tmp_path: Path) -> None:
    # trafilatura logged "ERROR trafilatura.utils: parsed tree length: 0, …"
    # and two more lines above the summary, which already names the file and why.
    src = tmp_path / "src"
    src.mkdir()
    (src / "bin.html").write_bytes(b"\xff\xfe\x00\x01garbage")
    command = [sys.executable, "-P", "-m", "reader", "--data-dir", str(tmp_path / "data"), "import", str(src)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert "bin.html (no article text" in done.stderr  # the piped progress line says why
    assert "trafilatura" not in done.stderr
    verbose = subprocess.run([*command[:4], "-v", *command[4:]], capture_output=True, text=True, timeout=120)
    assert "trafilatura" in verbose.stderr


def test_analyze_names_a_missing_file_and_a_broken_link(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Both were "file disappeared before it could be read".
    code, _, err = cli(capsys, "analyze", str(tmp_path / "nope.html"))
    assert code != 0 and "nope.html: no such file" in err
    (tmp_path / "broken.html").symlink_to(tmp_path / "gone")
    code, _, err = cli(capsys, "analyze", str(tmp_path / "broken.html"))
    assert code != 0 and "broken.html: broken or looping symbolic link" in err
