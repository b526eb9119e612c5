"""MHTML saves and wallabag exports go through the HTML path."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from reader.ingest import IngestError, read_articles

PAGE = (
    "<html><head><title>Night ferry resumes | Coast Post</title></head><body><nav>Home News</nav>"
    "<article><h1>Night ferry resumes</h1><p>The night ferry between Harwich and the Hook of Holland "
    "sailed again on Saturday after a month of repairs to its engines in a Rotterdam dry dock.</p>"
    "<p>Passengers said the crossing was calm and the cabins were full, the operator reported later.</p>"
    "</article><footer>All rights reserved</footer></body></html>"
)


def test_mhtml(tmp_path: Path) -> None:
    msg = EmailMessage()
    msg["Snapshot-Content-Location"] = "https://coastpost.example/ferry"
    msg["Subject"] = "Night ferry resumes"
    msg.set_content("saved page")
    msg.add_alternative(PAGE, subtype="html")
    path = tmp_path / "page.mhtml"
    path.write_bytes(bytes(msg))
    [article] = read_articles(path)
    assert article.title == "Night ferry resumes"
    assert article.url == "https://coastpost.example/ferry"
    assert article.format == "mhtml"
    assert "Hook of Holland" in article.body and "All rights reserved" not in article.body


def _export(entries: list[dict[str, object]]) -> bytes:
    return json.dumps(entries).encode()


def test_wallabag_export_gives_one_article_per_entry(tmp_path: Path) -> None:
    entries = [
        {
            "id": 7,
            "title": "Night ferry resumes",
            "url": "https://coastpost.example/ferry",
            "content": PAGE.split("<article>")[1].split("</article>")[0],
            "published_by": ["Ines Moor"],
            "domain_name": "coastpost.example",
            "created_at": "2024-02-03T10:00:00+0100",
            "language": "en",
        },
        {
            "id": 8,
            "title": "Harbour cranes replaced",
            "url": "https://coastpost.example/cranes",
            "content": "<p>Four new electric cranes were lifted onto the quay at Felixstowe on Monday, "
            "replacing diesel machines that had worked the port since the 1990s.</p>",
        },
        {"id": 9, "title": "Empty entry", "content": ""},
    ]
    path = tmp_path / "wallabag-export.json"
    path.write_bytes(_export(entries))
    articles = read_articles(path)
    assert [a.title for a in articles] == ["Night ferry resumes", "Harbour cranes replaced"]
    assert [a.part for a in articles] == ["7", "8"]
    first = articles[0]
    assert first.byline == "Ines Moor" and first.site == "coastpost.example" and first.published is not None
    assert "Felixstowe" in articles[1].body


def test_truncated_export_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(_export([{"id": 1, "title": "x", "content": "<p>text</p>"}])[:-10])
    with pytest.raises(IngestError, match="truncated or invalid"):
        read_articles(path)


def test_json_that_is_not_an_export(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dark"}')
    with pytest.raises(IngestError, match="not a wallabag export"):
        read_articles(path)


def test_reimport_of_an_export_is_unchanged_and_parts_are_separate(archive, tmp_path: Path) -> None:
    from tests.conftest import run_import

    src = tmp_path / "src"
    src.mkdir()
    entries = [
        {
            "id": 1,
            "title": "One",
            "content": "<p>The first saved article talks about tides and the moon over the bay at night.</p>",
        },
        {
            "id": 2,
            "title": "Two",
            "content": "<p>The second saved article talks about cranes and containers at the port in winter.</p>",
        },
    ]
    (src / "export.json").write_bytes(_export(entries))
    assert run_import(archive, src).added == 2
    again = run_import(archive, src)
    assert (again.added, again.unchanged) == (0, 2)
