"""Read-later exports and clippers: their tags, read and starred marks and
highlights come along into the archive (added to ours, never taking any away)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.ingest import read_articles
from reader.ingest.readlater import split_highlights, tag_list
from tests.conftest import run_import

CLIPPER = """---
title: "Dockers vote on the new shift pattern"
source: "https://port.example/news/shifts"
author:
  - "[[Ada Quayle]]"
published: 2024-03-05
created: 2024-03-06T08:15:00+01:00
description: "A vote at the port"
tags: [labour, shipping]
---

Dock workers at the port voted on Tuesday to accept a new shift pattern that ends the night rota.

The union said the vote was close, and that talks on pay would start again in the spring.
"""

OMNIVORE = """---
id: 0b7a1c2e-1111-2222-3333-444455556666
title: >
  Ferry adds a late crossing
status: Archived
tags:
  - ferries
  - Weekend reads
date_saved: 2024-03-07 10:00:00
url_omnivore: >
  https://omnivore.app/me/ferry-adds-a-late-crossing
url_original: >
  https://ferry.example/late
---

# Ferry adds a late crossing
#Omnivore

[Read on Omnivore](https://omnivore.app/me/ferry-adds-a-late-crossing)
[Read Original](https://ferry.example/late)

The ferry company has added a late crossing on Fridays after a summer of full boats and long queues.

Tickets for the new sailing go on sale next week, at the same price as the evening crossing.

## Highlights

> a late crossing on Fridays [⤴️](https://omnivore.app/me/ferry#abc) #transport ^a1b2c3

Worth telling the neighbours.

> at the same price as the evening crossing [⤴️](https://omnivore.app/me/ferry#def) ^d4e5f6
"""


def test_clipper_front_matter_gives_title_source_author_date_and_tags(tmp_path: Path) -> None:
    path = tmp_path / "clip.md"
    path.write_text(CLIPPER)
    [article] = read_articles(path)
    assert article.title == "Dockers vote on the new shift pattern"
    assert article.url == "https://port.example/news/shifts" and article.site == "port.example"
    assert article.byline == "Ada Quayle"
    assert article.published is not None and article.published.date().isoformat() == "2024-03-05"
    assert dict(article.state) == {"source_tags": ["labour", "shipping"]}


def test_omnivore_markdown_keeps_its_text_and_makes_its_highlights_highlights(tmp_path: Path) -> None:
    path = tmp_path / "Ferry adds a late crossing.md"
    path.write_text(OMNIVORE)
    [article] = read_articles(path)
    assert article.title == "Ferry adds a late crossing" and article.url == "https://ferry.example/late"
    assert "Read on Omnivore" not in article.body and "#Omnivore" not in article.body
    assert "Worth telling" not in article.body and "Highlights" not in article.body
    state = dict(article.state)
    assert state["source_tags"] == ["ferries", "Weekend reads"] and state["source_read"] is True
    assert state["source_highlights"] == [
        {"text": "a late crossing on Fridays", "note": "Worth telling the neighbours."},
        {"text": "at the same price as the evening crossing", "note": ""},
    ]


def test_tags_highlights_and_marks_arrive_in_the_archive_and_are_added_to(archive, tmp_path: Path) -> None:
    (tmp_path / "clip.md").write_text(CLIPPER)
    (tmp_path / "ferry.md").write_text(OMNIVORE)
    report = run_import(archive, tmp_path)
    assert report.added == 2
    by_title = {h.title: archive.get(h.id) for h in archive.search("", limit=5).hits}
    clip = by_title["Dockers vote on the new shift pattern"]
    ferry = by_title["Ferry adds a late crossing"]
    assert clip.tags == ("labour", "shipping") and not clip.is_read
    assert ferry.is_read and ferry.tags == ("ferries", "Weekend reads")
    marks = [(h.text, h.note) for h in ferry.highlights]
    assert marks == [
        ("a late crossing on Fridays", "Worth telling the neighbours."),
        ("at the same price as the evening crossing", ""),
    ]
    archive.set_read(ferry.id, False)  # the reader changed their mind here
    (tmp_path / "ferry.md").write_text(OMNIVORE.replace("  - ferries", "  - ferries\n  - travel"))
    run_import(archive, tmp_path)
    again = archive.get(ferry.id)
    assert again.tags == ("ferries", "travel", "Weekend reads")
    assert len(again.highlights) == 2  # not doubled


def test_wallabag_tags_marks_and_annotations_come_along(archive, tmp_path: Path) -> None:
    entry = {
        "id": 3,
        "title": "Cranes",
        "url": "https://port.example/cranes",
        "content": "<p>The harbour installed two new cranes this spring, and dock workers said unloading now "
        "takes half the time it used to.</p><p>A third crane is planned for the northern quay.</p>",
        "tags": ["ports", "machines"],
        "is_archived": 1,
        "is_starred": 1,
        "annotations": [{"quote": "unloading now takes half the time", "text": "Check the figures", "ranges": []}],
    }
    (tmp_path / "wallabag.json").write_text(json.dumps([entry]))
    run_import(archive, tmp_path)
    [hit] = archive.search("cranes").hits
    stored = archive.get(hit.id)
    assert stored.tags == ("machines", "ports") and stored.is_read and stored.starred
    assert [(h.text, h.note) for h in stored.highlights] == [("unloading now takes half the time", "Check the figures")]


def test_tag_forms() -> None:
    assert tag_list("labour, shipping") == ["labour", "shipping"]
    assert tag_list("#labour #shipping/ports") == ["labour", "shipping/ports"]
    assert tag_list([{"name": "a"}, "[[b]]", None, ""]) == ["a", "b"]
    assert tag_list(None) == [] and tag_list(7) == ["7"]


@given(st.text(max_size=300))
def test_splitting_highlights_never_loses_text_outside_the_section(body: str) -> None:
    rest, highlights = split_highlights(body)
    if "ighlights" not in body:
        assert rest == body and highlights == []
    assert all(h["text"] for h in highlights)
