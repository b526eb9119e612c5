"""CLI rendering: colour on a terminal, plain text when piped, JSON on request.

Everything printed from an article passes through sanitize first.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from typing import TextIO

from reader.model import Hit, SnippetPart, StoredArticle
from reader.sanitize import clean_inline, clean_line, clean_text

_STYLES = {
    "bold": "1",
    "dim": "2",
    "italic": "3",
    "match": "1;33",
    "id": "36",
    "title": "1",
    "error": "1;31",
    "ok": "32",
    "warn": "33",
}


class Styler:
    """ANSI styles when writing to a terminal (and NO_COLOR is unset), else none."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"

    def __call__(self, text: str, style: str) -> str:
        if not self.enabled or not text:
            return text
        return f"\x1b[{_STYLES[style]}m{text}\x1b[0m"


def date_text(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else "----------"


def snippet_text(parts: tuple[SnippetPart, ...], style: Styler | None = None, marker: str = "") -> str:
    """A snippet with matches styled (terminal) or wrapped in `marker` (JSON)."""
    out = []
    for part in parts:
        text = clean_inline(part.text)
        if part.match:
            text = style(text, "match") if style else f"{marker}{text}{marker}"
        out.append(text)
    return "".join(out).strip()


def hit_json(hit: Hit) -> str:
    return json.dumps(
        {
            "id": hit.id,
            "title": clean_line(hit.title),
            "site": clean_line(hit.site) if hit.site else None,
            "published": hit.published.isoformat() if hit.published else None,
            "score": round(hit.score, 4),
            "snippet": snippet_text(hit.snippet, marker="**"),
            "paths": [clean_line(p) for p in hit.paths],
            "story": hit.story,
            "versions": hit.versions,
            "tags": [clean_line(t) for t in hit.tags],
            "read": hit.is_read,
            "starred": hit.starred,
        },
        ensure_ascii=False,
    )


def hit_lines(hit: Hit, style: Styler) -> str:
    site = clean_line(hit.site) if hit.site else ""
    head = f"{style(hit.id, 'id')}  {date_text(hit.published)}  {style(clean_line(hit.title), 'title')}"
    if site:
        head += f"  {style('· ' + site, 'dim')}"
    if hit.versions > 1:
        head += f"  {style(f'· {hit.versions} versions', 'dim')}"
    if hit.tags:
        head += f"  {style('· ' + ', '.join(clean_line(t) for t in hit.tags), 'dim')}"
    snippet = snippet_text(hit.snippet, style)
    return head + ("\n    " + snippet if snippet else "")


def article_json(stored: StoredArticle, boilerplate: frozenset[int] = frozenset()) -> dict[str, object]:
    a = stored.article
    return {
        "id": stored.id,
        "title": clean_line(a.title),
        "byline": clean_line(a.byline) if a.byline else None,
        "site": clean_line(a.site) if a.site else None,
        "url": clean_line(a.url) if a.url else None,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
        "format": a.format,
        "paths": [clean_line(p) for p in stored.paths],
        "read": stored.is_read,
        "starred": stored.starred,
        "tags": [clean_line(t) for t in stored.tags],
        "blocks": [
            {**b.to_dict(), "text": clean_text(b.text), "boilerplate": i in boilerplate} for i, b in enumerate(a.blocks)
        ],
        "entities": [{**e, "name": clean_line(str(e["name"]))} for e in stored.entities],
        "quotes": [
            {
                **q,
                "text": clean_text(str(q["text"])),
                "speaker": clean_line(str(q["speaker"])) if q.get("speaker") else None,
            }
            for q in stored.quotes
        ],
    }


def article_text(
    stored: StoredArticle,
    style: Styler,
    width: int = 80,
    boilerplate: frozenset[int] = frozenset(),
    *,
    state: bool = True,
) -> str:
    """The clean article for reading in a terminal or a pager (site boilerplate
    left out); `state`: with its star, read mark and tags (an archived article)."""
    import textwrap

    a = stored.article
    lines = [style(clean_line(a.title), "title")]
    meta = " · ".join(
        filter(
            None, [clean_line(a.byline or ""), clean_line(a.site or ""), date_text(a.published) if a.published else ""]
        )
    )
    if meta:
        lines.append(style(meta, "dim"))
    lines.append(style(f"id {stored.id}" + (f" · {clean_line(stored.paths[0])}" if stored.paths else ""), "dim"))
    marks = ["starred" if stored.starred else "", "read" if stored.is_read else "unread"]
    if stored.tags:
        marks.append("tags: " + ", ".join(clean_line(t) for t in stored.tags))
    if state:
        lines.append(style(" · ".join(filter(None, marks)), "dim"))
    lines.append("")
    for index, block in enumerate(a.blocks):
        if index in boilerplate:
            continue
        text = clean_line(block.text)
        badge = f" ×{block.repeats}" if block.repeats > 1 else ""
        if block.kind == "heading":
            lines.append(style(text, "bold"))
        elif block.kind == "caption":
            wrapped = textwrap.fill(text, width - 4, initial_indent="▣ ", subsequent_indent="  ")
            lines.append(style(wrapped + badge, "italic"))
        elif block.kind == "blockquote":
            lines.append(textwrap.fill(text, width - 2, initial_indent="│ ", subsequent_indent="│ "))
        elif block.kind == "list_item":
            lines.append(textwrap.fill(text, width, initial_indent="• ", subsequent_indent="  "))
        elif block.kind == "code":  # its lines as they are, indented; clean_line would run them together
            lines.append("\n".join("    " + clean_text(line).replace("\t", "    ") for line in block.text.split("\n")))
        else:
            lines.append(textwrap.fill(text, width) + (style(badge, "dim") if badge else ""))
        lines.append("")
    if boilerplate:
        lines.append(style(f"({len(boilerplate)} paragraphs this site repeats in many articles left out)", "dim"))
    return "\n".join(lines).rstrip() + "\n"


class ProgressLine:
    """A one-line progress bar on a terminal; plain lines when not a tty."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self._width = 0

    def update(
        self, done: int, total: int, path: str, outcome: str, stage_label: str = "", reason: str = "", said: str = ""
    ) -> None:
        """`said` is the step in words (Progress.describe), for an index pass's lines when piped."""
        if outcome == "indexing":  # after a large import: stories, then the index in one pass
            self._stage(done, total, stage_label or "Indexing", said)
            return
        name = clean_line(os.path.basename(path))
        if not self.tty:
            why = f" ({clean_line(reason)})" if reason else ""
            print(f"[{done}/{total}] {outcome}: {clean_line(path)}{why}", file=self.stream)
            return
        self._bar(done, total, name[:40])

    def _stage(self, done: int, total: int, label: str, said: str = "") -> None:
        if total <= 1:  # a step with no count (finishing the index): said once, as it starts
            if done == 0:
                self.finish()
                print(f"{label}…", file=self.stream, flush=True)
            return
        if not self.tty:
            print(said or f"{label}: {done:,}/{total:,}", file=self.stream, flush=True)
            return
        self._bar(done, total, f"{label}: {total - done:,} left…")

    def _bar(self, done: int, total: int, label: str) -> None:
        bar_len = 24
        filled = int(bar_len * done / total) if total else bar_len
        line = f"\r[{'#' * filled}{'-' * (bar_len - filled)}] {done}/{total} {label}"
        pad = max(0, self._width - len(line))
        self._width = len(line)
        self.stream.write(line + " " * pad)
        self.stream.flush()

    def finish(self) -> None:
        if self.tty and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
