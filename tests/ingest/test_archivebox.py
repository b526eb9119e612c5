"""ArchiveBox snapshots: one article per snapshot, from its best output, with its URL, date and tags."""

from __future__ import annotations

import json
from pathlib import Path

from reader.archive.discovery import discover
from tests.conftest import run_import

BODY = (
    "<p>The harbour installed two new cranes this spring, and dock workers said unloading now takes half "
    "the time it used to.</p><p>The port authority expects more ships next year, and a third crane is "
    "planned for the northern quay.</p>"
)


def snapshot(root: Path, timestamp: str, *, readability: bool = True, singlefile: bool = True) -> Path:
    """A snapshot folder as ArchiveBox writes one (our own page text)."""
    folder = root / "archive" / timestamp
    folder.mkdir(parents=True)
    body = BODY + f"<p>This report was saved at {timestamp} by the archiving tool on the quay.</p>"
    index = {
        "url": f"https://port.example/news/{timestamp}",
        "title": "Two new cranes for the harbour",
        "timestamp": timestamp,
        "tags": "shipping,ports",
    }
    (folder / "index.json").write_text(json.dumps(index))
    (folder / "index.html").write_text("<html><body>ArchiveBox snapshot page</body></html>")
    (folder / "screenshot.png").write_bytes(b"\x89PNG\r\n")
    if readability:
        (folder / "readability").mkdir()
        (folder / "readability" / "content.html").write_text(f'<div id="readability-page-1">{body}</div>')
        meta = {"title": "Cranes", "byline": "Ada Quayle", "siteName": "Port News"}
        (folder / "readability" / "article.json").write_text(json.dumps(meta))
    if singlefile:
        page = f"<html><head><title>Cranes | Port News</title></head><body><nav>Home News</nav><article>{body}</article></body></html>"
        (folder / "singlefile.html").write_text(page)
    return folder


def collection(tmp_path: Path) -> Path:
    root = tmp_path / "archivebox"
    root.mkdir()
    (root / "ArchiveBox.conf").write_text("[SERVER_CONFIG]\n")
    (root / "index.sqlite3").write_bytes(b"SQLite format 3\x00")
    (root / "sources").mkdir()
    (root / "sources" / "1700000000-import.txt").write_text("https://port.example/news/1\n")
    return root


def test_a_snapshot_is_one_file_to_discovery(tmp_path: Path) -> None:
    folder = snapshot(tmp_path, "1700000000.5")
    found = discover([tmp_path])
    assert found.files == [str((folder / "index.json").resolve())] and found.formats == ["archivebox"]


def test_each_snapshot_is_one_article_with_its_url_date_and_tags(archive, tmp_path: Path) -> None:
    root = collection(tmp_path)
    snapshot(root, "1700000000.5")
    snapshot(root, "1700086400.0", readability=False)
    report = run_import(archive, root)
    assert (report.added, report.failed) == (2, 0), report.failures
    assert [r for _, r in report.skips] == ["ArchiveBox's own index and logs (its archive/ is imported)"]
    hits = archive.search("", limit=5).hits
    assert [h.title for h in hits] == ["Two new cranes for the harbour"] * 2
    stored = {s.article.url: s for s in (archive.get(h.id) for h in hits) if s is not None}
    first = stored["https://port.example/news/1700000000.5"]
    assert first.article.published is not None and first.article.published.year == 2023
    assert first.article.byline == "Ada Quayle"
    assert first.tags == ("ports", "shipping")
    assert "dock workers" in first.article.body and "Home News" not in first.article.body
    second = stored["https://port.example/news/1700086400.0"]
    assert second.article.published is not None and second.article.published.date().isoformat() == "2023-11-15"
    assert "third crane" in second.article.body  # from singlefile.html when readability is missing


def test_a_snapshot_with_no_text_output_fails_with_the_reason(archive, tmp_path: Path) -> None:
    snapshot(tmp_path, "1700000000.5", readability=False, singlefile=False)
    report = run_import(archive, tmp_path)
    [(path, reason)] = report.failures
    assert path.endswith("index.json") and "no output with text" in reason
