"""What read-later tools and clippers record beside the text: tags, whether it
was read or starred, and highlights with notes. Carried on an Article's state
as source_tags, source_read, source_starred and source_highlights, which the
importer adds to the archive's own (never taking any away).

Omnivore's Obsidian export writes its highlights under a "## Highlights"
heading as quotes (`> text [⤴️](link) ^id`), each note in the paragraphs after
it; those become highlights, not article text.
"""

from __future__ import annotations

import re

from reader.ingest.common import squash

_WIKILINK = re.compile(r"^\[\[(?:[^|\]]*\|)?([^\]]*)\]\]$")
_TRUE = {"true", "yes", "1", "read", "archived", "done", "finished"}
_HIGHLIGHTS_HEADING = re.compile(r"^#{1,3}\s+highlights\s*$", re.I | re.M)
_NEXT_HEADING = re.compile(r"^#{1,3}\s+\S", re.M)
_HIGHLIGHT_TAIL = re.compile(r"\s*\[⤴️?\]\([^)]*\)|\s+\^[\w-]+\s*$|(?:\s+#[\w/-]+)+\s*$")
_OMNIVORE_HEADER = re.compile(r"^(?:#Omnivore\s*|\[Read (?:on Omnivore|Original)\]\([^)]*\)\s*)$", re.M)


def clean_name(value: object) -> str:
    """A front-matter name or tag without Obsidian's [[link]] brackets or a leading #."""
    text = squash(str(value))
    m = _WIKILINK.match(text)
    if m:
        text = m.group(1)
    return text.lstrip("#").strip()


def tag_list(value: object) -> list[str]:
    """Tags as front matter and exports write them: a list, "a, b" or "#a #b"."""
    if value is None or value == "":
        return []
    items: list[object]
    if isinstance(value, list | tuple | set):
        items = [item.get("name") if isinstance(item, dict) else item for item in value]
    elif isinstance(value, str):
        items = list(value.split() if value.strip().startswith("#") else value.split(","))
    else:
        items = [value]
    return [t for t in (clean_name(i) for i in items if i is not None) if t]


def truthy(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    return isinstance(value, str) and value.strip().lower() in _TRUE


def state(
    tags: object = None, read: object = None, starred: object = None, highlights: list[dict[str, str]] | None = None
) -> tuple[tuple[str, object], ...]:
    """An Article's state from what a tool recorded (only what it did record)."""
    out: list[tuple[str, object]] = []
    names = tag_list(tags)
    if names:
        out.append(("source_tags", names))
    if truthy(read):
        out.append(("source_read", True))
    if truthy(starred):
        out.append(("source_starred", True))
    if highlights:
        out.append(("source_highlights", highlights))
    return tuple(out)


def split_highlights(body: str) -> tuple[str, list[dict[str, str]]]:
    """Markdown without its "## Highlights" section, and the highlights in it
    (each quote's text, and the paragraphs after it as its note)."""
    m = _HIGHLIGHTS_HEADING.search(body)
    if not m:
        return body, []
    end_m = _NEXT_HEADING.search(body, m.end())
    section = body[m.end() : end_m.start() if end_m else len(body)]
    rest = body[: m.start()] + (body[end_m.start() :] if end_m else "")
    highlights: list[dict[str, str]] = []
    for chunk in re.split(r"\n\s*\n", section):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith(">"):
            text = " ".join(line.lstrip(">").strip() for line in lines if line.startswith(">"))
            while (trimmed := _HIGHLIGHT_TAIL.sub("", text)) != text:  # link, labels and ^id, in any order
                text = trimmed
            text = text.strip()
            if text:
                highlights.append({"text": text, "note": ""})
        elif highlights:
            note = " ".join(lines)
            highlights[-1]["note"] = f"{highlights[-1]['note']} {note}".strip()
    return rest, highlights


def drop_omnivore_header(body: str) -> str:
    """Without the '#Omnivore' tag line and the 'Read on Omnivore' / 'Read Original' links."""
    return _OMNIVORE_HEADER.sub("", body)
