"""What a file carries besides its text, into the article it is imported as:
tags, reading state and highlights from a newsreader export, and the marks of
the read-later tool or clipper that saved it (source_*). An import only ever
adds to the archive's own state."""

from __future__ import annotations

import re
from typing import Any

from reader.archive.store.database import Store, clean_tags
from reader.model import Article


def carry_state(store: Store, article_id: str, article: Article) -> None:
    """Tags and reading state carried by a newsreader export (checked by its
    reader), filling in only what the archive lacks: its tags if the article
    has none, the star and the read mark if it is unstarred or unread, its
    position if it has none, and the highlights it does not have. An import
    never takes state away: the store keeps no time for each change, so the
    archive's own state always wins. Another tool's tags, marks and
    highlights (source_*) are added the same way."""
    if not article.state:
        return
    state: dict[str, Any] = dict(article.state)
    _add_source_state(store, article_id, article, state)
    tags = clean_tags(state.get("tags") or ())
    if tags and not store.marks.tags_of(article_id):
        store.marks.set_tags(article_id, tags)
    is_read, starred, position = store.marks.reading_state(article_id)
    if state.get("starred") and not starred:
        store.marks.set_starred(article_id, True)
    if state.get("read") and not is_read:
        store.marks.set_read(article_id, True)
    if state.get("read_position") and not position:
        store.marks.set_position(article_id, float(state["read_position"]))
    have = {(h.block, h.start, h.end, h.text, h.note) for h in store.marks.highlights_of(article_id)}
    for h in state.get("highlights") or ():
        row = (h["block"], h["start"], h["end"], h["text"], h["note"])
        if row not in have:
            store.marks.add_highlight(article_id, *row)


def _add_source_state(store: Store, article_id: str, article: Article, state: dict[str, object]) -> None:
    """What a read-later tool or clipper knew: its tags are added to ours, its
    'read' and 'starred' only ever turn ours on, and its highlights are found by
    their text in the article. Re-importing a changed file so never undoes what
    the reader did here."""
    tags = state.get("source_tags")
    if isinstance(tags, list) and tags:
        current = store.marks.tags_of(article_id)
        merged = clean_tags([*current, *(str(t) for t in tags)])
        if len(merged) > len(current):
            store.marks.set_tags(article_id, merged)
    if state.get("source_read") is True:
        store.marks.set_read(article_id, True)
    if state.get("source_starred") is True:
        store.marks.set_starred(article_id, True)
    marked = state.get("source_highlights")
    if isinstance(marked, list):
        spans = {(h.block, h.start, h.end) for h in store.marks.highlights_of(article_id)}
        for h in marked:
            if not isinstance(h, dict):
                continue
            place = locate(article, str(h.get("text") or ""))
            if place is not None and place[:3] not in spans:
                store.marks.add_highlight(article_id, *place, str(h.get("note") or ""))
                spans.add(place[:3])


def locate(article: Article, passage: str) -> tuple[int, int, int, str] | None:
    """Where a highlighted passage stands in the article: (block, start, end, text).

    Matched with whitespace collapsed; a passage that runs over several blocks
    is marked from where it starts to the end of that block.
    """
    words = passage.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    for i, block in enumerate(article.blocks):
        m = pattern.search(block.text)
        if m:
            return i, m.start(), m.end(), m.group()
    head = re.compile(r"\s+".join(re.escape(w) for w in words[:8]))
    for i, block in enumerate(article.blocks):
        m = head.search(block.text)
        if m:
            return i, m.start(), len(block.text), block.text[m.start() :]
    return None
