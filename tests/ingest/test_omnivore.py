"""Omnivore's export (zip, or the folder it unpacks to): one article per entry
with its labels, archived state and highlights."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from reader.ingest import read_articles
from tests.conftest import run_import

ENTRIES = [
    {
        "id": "e1",
        "slug": "two-new-cranes-18c1",
        "title": "Two new cranes for the harbour",
        "author": "Ada Quayle",
        "url": "https://port.example/cranes",
        "state": "Archived",
        "readingProgress": 100,
        "labels": ["ports", "machines"],
        "savedAt": "2024-03-07T10:00:00.000Z",
        "publishedAt": "2024-03-05T08:00:00.000Z",
    },
    {
        "id": "e2",
        "slug": "late-ferry-9a2b",
        "title": "Ferry adds a late crossing",
        "url": "https://ferry.example/late",
        "state": "Succeeded",
        "labels": [],
        "savedAt": "2024-03-08T10:00:00.000Z",
    },
    {"id": "e3", "slug": "no-content-here", "title": "Only saved, never fetched", "savedAt": "2024-03-09"},
]
CONTENT = {
    "two-new-cranes-18c1": "<div><p>The harbour installed two new cranes this spring, and dock workers said unloading "
    "now takes half the time it used to.</p><p>A third crane is planned for the northern quay.</p></div>",
    "late-ferry-9a2b": "<div><p>The ferry company has added a late crossing on Fridays after a summer of full boats "
    "and long queues.</p><p>Tickets go on sale next week at the evening price.</p></div>",
}
HIGHLIGHTS = {"two-new-cranes-18c1": "> unloading now takes half the time\n\nAsk the union for figures.\n"}


def files() -> dict[str, bytes]:
    out = {"metadata_0_to_2.json": json.dumps(ENTRIES).encode()}
    out |= {f"content/{slug}.html": html.encode() for slug, html in CONTENT.items()}
    out |= {f"highlights/{slug}.md": md.encode() for slug, md in HIGHLIGHTS.items()}
    return out


def check(articles: list) -> None:  # type: ignore[type-arg]
    assert [a.title for a in articles] == ["Two new cranes for the harbour", "Ferry adds a late crossing"]
    cranes = articles[0]
    assert cranes.url == "https://port.example/cranes" and cranes.byline == "Ada Quayle"
    assert cranes.published is not None and cranes.published.date().isoformat() == "2024-03-05"
    assert dict(cranes.state) == {
        "source_tags": ["ports", "machines"],
        "source_read": True,
        "source_highlights": [{"text": "unloading now takes half the time", "note": "Ask the union for figures."}],
    }
    assert dict(articles[1].state) == {}


def test_the_zip_export(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files().items():
            zf.writestr(name, data)
    path = tmp_path / "omnivore-export-2024-11-01.zip"
    path.write_bytes(buf.getvalue())
    check(read_articles(path))


def test_the_unpacked_folder_imports_each_entry_once(archive, tmp_path: Path) -> None:
    root = tmp_path / "omnivore"
    for name, data in files().items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    check(read_articles(root / "metadata_0_to_2.json"))
    report = run_import(archive, root)
    assert (report.added, report.failed) == (2, 0)
    assert sorted(Path(p).name for p, _ in report.skips) == ["content", "highlights"]
    [hit] = archive.search("cranes").hits
    stored = archive.get(hit.id)
    assert stored.is_read and stored.tags == ("machines", "ports")
    assert [(h.text, h.note) for h in stored.highlights] == [
        ("unloading now takes half the time", "Ask the union for figures.")
    ]
