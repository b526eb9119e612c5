"""Hostile and broken input: each bad file is reported with a reason, every good file
beside it is imported, the archive from before is intact, nothing reaches the
terminal as control sequences. All files are made here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.archive import Archive
from tests.conftest import FIXTURES, make_unreadable, run_import

GOOD_TEXT = (
    "Harbour news\n\nNight ferry returns to the island after a month of repairs to its engines\n\n"
    "The night ferry to the island sailed again on Friday after a month in dry dock, the operator said, "
    "and every cabin was booked for the crossing.\n"
)
ESC_TITLE = "Evil \x1b]8;;http://evil.example\x07link\x1b]8;;\x07 and \x1b[31mred\x1b[0m headline for testing"


def build_hostile(root: Path) -> tuple[dict[str, str], set[str]]:
    """(bad file name → words its reason must contain, names of good files)."""
    root.mkdir()
    bad: dict[str, str] = {}
    good: set[str] = set()

    def write(name: str, data: bytes | str, reason: str | None) -> Path:
        path = root / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        if reason is None:
            good.add(name)
        else:
            bad[name] = reason
        return path

    write("empty.txt", b"", "empty file")
    write("blank.md", b"  \n\n \t\n", "empty file")
    write("binary.txt", bytes(range(256)) * 64, "binary")
    write("png-named.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "binary")
    write("nul-inside.txt", GOOD_TEXT.encode() + b"\x00\x00\x00" + GOOD_TEXT.encode(), "binary")
    write("only-chrome.txt", "Home\n\nMenu\n\nShare this article\n\n3 comments\n", "no article text")
    write("bad-yaml.md", "---\ntitle: [unclosed\nauthor: x\n---\nBody text of a note.\n", "YAML")
    write("list-yaml.md", "---\n- a\n- b\n---\nBody text of a note that is long enough.\n", "front matter")
    write("truncated.json", json.dumps([{"id": 1, "title": "x", "content": "<p>text</p>"}])[:-7], "truncated")
    write("not-export.json", '{"theme": "dark"}', "not a wallabag export")
    write("empty-export.json", "[]", "no entries")
    write("no-html.mhtml", "MIME-Version: 1.0\nContent-Type: text/plain\n\nhello\n", "no HTML page")
    write(
        "deep.html",
        "<html><body>" + "<div>" * 3000 + "<p>deep text here</p>" + "</div>" * 3000 + "</body></html>",
        "nested",
    )
    write("garbage.html", "<<<>>><</></>&&&;;<html<<body>>", "no article text")
    huge = root / "huge.txt"
    with huge.open("wb") as fh:  # 200 MB, sparse: costs no disk and must cost no memory
        fh.truncate(200 * 1024 * 1024)
    bad["huge.txt"] = "MB"
    (root / "dangling.txt").symlink_to(root / "gone-before-it-was-read.txt")
    bad["dangling.txt"] = "symbolic link"
    loop = root / "loop"
    loop.mkdir()
    (loop / "again").symlink_to(loop)

    write("cp1252.txt", GOOD_TEXT.replace("island", "île “quoted”").encode("cp1252"), None)
    write(
        "latin1.md",
        ("---\ntitle: Café de la Gare reopens\n---\n\n" + GOOD_TEXT.replace("ferry", "café")).encode("latin-1"),
        None,
    )
    write("utf16.txt", GOOD_TEXT.replace("ferry", "hovercraft").encode("utf-16"), None)
    write("invalid-utf8.txt", GOOD_TEXT.replace("ferry", "barge").encode() + b"\xff\xfe broken \xc3 bytes\n", None)
    write(
        "long-line.txt",
        "Long line headline about the barge canal reopening\n\n" + ("word " * 200_000).strip() + ".",
        None,
    )
    write("escapes.txt", ESC_TITLE + "\n\n" + GOOD_TEXT.replace("ferry", "tugboat").replace("Harbour news", ""), None)
    write("bidi.txt", GOOD_TEXT.replace("ferry", "\u202ecatamaran\u202c"), None)
    write("markup.txt", GOOD_TEXT.replace("ferry", "[bold red]dinghy[/] [@click=app.quit]x[/]"), None)
    write("bad\x1b[31mname.txt", GOOD_TEXT.replace("ferry", "schooner"), None)
    write(
        "huge-html-line.html",
        "<html><body><article>"
        + "<p>The yacht club met again on the pier to talk.</p>" * 20_000
        + "</article></body></html>",
        None,
    )
    write("program.exe", b"MZ\x90\x00", None)
    good.discard("program.exe")  # not an article format: skipped, neither good nor bad
    write(".hidden.txt", GOOD_TEXT, None)
    good.discard(".hidden.txt")
    outside = root.parent / "outside.txt"
    outside.write_text(GOOD_TEXT.replace("ferry", "frigate"))
    (root / "link-out.txt").symlink_to(outside)
    good.add("link-out.txt")
    return bad, good


def test_hostile_folder(tmp_path: Path) -> None:
    root = tmp_path / "hostile"
    bad, good = build_hostile(root)
    assert len(bad) + len(good) >= 25
    with Archive(tmp_path / "data") as archive:
        run_import(archive, FIXTURES)
        before = {s.id: s.article.body for s in archive.store.iter_articles()}
        report = run_import(archive, root)
        failures = {Path(p).name: reason for p, reason in report.failures}
        for name, words in bad.items():
            assert name in failures, f"{name} was not reported"
            assert words.lower() in failures[name].lower(), f"{name}: {failures[name]}"
        assert set(failures) - set(bad) == set(), f"good files failed: {set(failures) - set(bad)}"
        assert report.skipped == 1  # program.exe
        assert report.added == len(good)  # each good file holds a different article
        for article_id, body in before.items():
            stored = archive.get(article_id)
            assert stored is not None and stored.article.body == body
        for stored in archive.store.iter_articles():
            text = stored.article.title + stored.article.body
            assert "\x1b" not in text and "\u202e" not in text and "\x00" not in text
        assert archive.search("dinghy").total == 1
        assert archive.search("Cafe").total == 1  # latin-1 decoded, accents folded
        # The loop and the link out of the tree were each read at most once.
        assert archive.search("frigate").total == 1


def test_cli_output_is_terminal_safe(tmp_path: Path) -> None:
    root = tmp_path / "hostile"
    build_hostile(root)
    data = str(tmp_path / "data")
    env = {**os.environ, "NO_COLOR": "1"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-P", "-m", "reader", "--data-dir", data, *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )

    imported = run("import", str(root))
    assert imported.returncode == 1  # failures happened
    assert "\x1b" not in imported.stdout and "\x1b" not in imported.stderr
    assert "huge.txt" in imported.stdout and "MB" in imported.stdout
    for args in (("search", "tugboat"), ("search", "tugboat", "--json"), ("search", "schooner")):
        out = run(*args)
        assert out.returncode == 0 and out.stdout.strip()
        assert "\x1b" not in out.stdout and "\x07" not in out.stdout
    hit = json.loads(run("search", "tugboat", "--json").stdout.splitlines()[0])
    shown = run("show", hit["id"])
    # The escape-laden line survives as its words only: no ESC, no hidden link target.
    assert "Evil link and red headline for testing" in shown.stdout
    assert "evil.example" not in shown.stdout
    assert "\x1b" not in shown.stdout and "\u202e" not in shown.stdout


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD_TEXT)
    make_unreadable(path, monkeypatch)
    with Archive(tmp_path / "data") as archive:
        report = run_import(archive, tmp_path / "secret.txt")
    assert "permission" in report.failures[0][1]


def test_a_file_that_disappears_after_discovery_is_reported(tmp_path: Path) -> None:
    from reader.archive import importer
    from reader.archive.importer import ImportReport

    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(GOOD_TEXT)
    (src / "b.txt").write_text(GOOD_TEXT.replace("ferry", "launch"))
    real_discover = importer.discover

    def discover_then_delete(paths, exclude=None):  # type: ignore[no-untyped-def]
        found = real_discover(paths, exclude)
        (src / "a.txt").unlink()  # gone between the folder walk and the read
        return found

    with Archive(tmp_path / "data") as archive:
        importer.discover = discover_then_delete
        try:
            report = ImportReport()
            for _ in archive.import_paths([src], report):
                pass
        finally:
            importer.discover = real_discover
    assert report.added == 1
    assert [(Path(p).name, r) for p, r in report.failures] == [("a.txt", "file disappeared before it could be read")]
