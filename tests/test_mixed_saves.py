"""A folder of mixed saves (tests/mixed_saves.py) through the CLI: each format
imports with its metadata; what is not imported is named with the reason."""

from __future__ import annotations

import json
from pathlib import Path

from reader.cli import main
from tests.mixed_saves import EXPECTED, make_mixed_folder


def test_a_folder_of_mixed_saves_imports_through_the_cli(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = make_mixed_folder(tmp_path / "Downloads")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", str(folder)]) == 0
    out = capsys.readouterr().out
    # The EPUB's ferry article and the Omnivore one are the same text: one article, two sources.
    assert "Import done: 11 added, 0 updated, 0 unchanged, 1 duplicates, 5 skipped, 0 failed" in out
    for name, (outcome, says) in EXPECTED.items():
        if outcome == "skipped":
            assert f"skipped: {name}: {says}" in out
    assert out.count("  duplicate: ") == 1 and "in the archive already" in out
    assert main(["--data-dir", data, "search", "--json", "--limit", "50"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    titles = {h["title"] for h in hits}
    assert {says for outcome, says in EXPECTED.values() if outcome == "added"} <= titles
    assert "Sign in" not in titles
    by_path = {Path(p).name: h for h in hits for p in h["paths"]}
    assert by_path["Two new cranes - Port News.pdf"]["site"] == "port.example"
    assert by_path["crawl.warc.gz"]["published"].startswith("2024-03-01")
    main(["--data-dir", data, "search", "--json", "tag:labour"])
    [clip] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert clip["title"] == "Dockers vote on the new shift pattern"
    assert main(["--data-dir", data, "import", str(folder)]) == 0
    again = capsys.readouterr().out
    assert "0 added" in again and "12 unchanged" in again and "Nothing new" not in again  # 5 still skipped
