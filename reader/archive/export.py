"""Export, so the archive outlives the program: JSON (imported back losslessly
by `newsreader import`), Markdown files, HTML pages and an EPUB book.

Every format carries each article's metadata, tags and reading state, its
entities and quotes, and the story it belongs to. Text goes out as written:
escaped for HTML and XHTML, front-matter values quoted for Markdown. Files
are written whole or not at all, never into the archive and never over an
existing file unless asked (safe_write.py).
"""

from __future__ import annotations

import functools
import html
import json
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from reader.archive.safe_write import TargetRefused, atomic_file, check_file_target, check_folder_target
from reader.model import Block, StoredArticle


class NothingToExport(Exception):
    """The search finds no article: no file is written (an empty export would
    read as a success, and could replace nothing with something useless)."""


FORMAT = "newsreader-export"
VERSION = 1
FORMATS = ("json", "markdown", "html", "epub")


def article_record(stored: StoredArticle, story: str | None) -> dict[str, Any]:
    """One article as the JSON export holds it (and the importer reads it back)."""
    a = stored.article
    return {
        "id": stored.id,
        "title": a.title,
        "byline": a.byline,
        "site": a.site,
        "url": a.url,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
        "format": a.format,
        "blocks": [b.to_dict() for b in a.blocks],
        "tags": list(stored.tags),
        "starred": stored.starred,
        "read": stored.is_read,
        "read_position": stored.read_position,
        "imported_at": stored.imported_at.isoformat(),
        "paths": list(stored.paths),
        "story": story,
        "entities": list(stored.entities),
        "quotes": list(stored.quotes),
        "highlights": [
            {"block": h.block, "start": h.start, "end": h.end, "text": h.text, "note": h.note}
            for h in stored.highlights
        ],
    }


def write_json(records: list[dict[str, Any]], out: IO[bytes]) -> None:
    """The JSON export, one article at a time (a whole archive as one string doubled its memory)."""
    exported = datetime.now(UTC).isoformat(timespec="seconds")
    head = {"format": FORMAT, "version": VERSION, "exported_at": exported}
    out.write(json.dumps(head, ensure_ascii=False)[:-1].encode() + b', "articles": [\n')
    for n, record in enumerate(records):
        out.write((",\n" if n else "").encode() + json.dumps(record, ensure_ascii=False, indent=1).encode())
    out.write(b"\n]}\n")


def slug(record: dict[str, Any]) -> str:
    """A file name from the title, made safe, with the id to keep it unique."""
    words = re.sub(r"[^\w]+", "-", str(record["title"]).lower()).strip("-")[:60].strip("-")
    return f"{words or 'article'}-{record['id']}"


# -- Markdown -----------------------------------------------------------------


def _yaml_value(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON scalars and lists are valid YAML


def to_markdown(record: dict[str, Any]) -> str:
    keys = ("id", "title", "byline", "site", "url", "published", "tags", "starred", "read", "story")
    front = {k: record[k] for k in keys if record.get(k)}  # starred and read only when true
    lines = ["---", *(f"{k}: {_yaml_value(v)}" for k, v in front.items()), "---", ""]
    for block in (Block.from_dict(b) for b in record["blocks"]):
        text = block.text
        if block.kind == "heading":
            lines.append(f"## {text}")
        elif block.kind == "blockquote":
            lines.append("> " + text.replace("\n", "\n> "))
        elif block.kind == "list_item":
            lines.append(f"- {text}")
        elif block.kind == "caption":
            lines.append(f"*{text}*")
        elif block.kind == "code":
            fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", text)), default=0))
            lines.append(f"{fence}\n{text}\n{fence}")
        else:
            lines.append(text)
        lines.append("")
    lines += _notes_markdown(record)
    return "\n".join(lines).rstrip() + "\n"


def _notes_markdown(record: dict[str, Any]) -> list[str]:
    out: list[str] = []
    entities = record["entities"]
    if entities:
        out += ["---", "", "**Entities**", ""]
        out += [f"- {e['name']} ({str(e['type']).lower()})" for e in entities]
        out.append("")
    if record["highlights"]:
        out += ["**Highlights**", ""]
        for h in record["highlights"]:
            out.append(f"- “{h['text']}”" + (f" — note: {h['note']}" if h["note"] else ""))
        out.append("")
    speech = [q for q in record["quotes"] if q.get("kind") == "speech"]
    if speech:
        out += ["**Quotes**", ""]
        out += [f"- “{q['text']}” — {q.get('speaker') or 'unknown speaker'}" for q in speech]
        out.append("")
    return out


# -- HTML and EPUB ------------------------------------------------------------


def _body_html(record: dict[str, Any]) -> str:
    e = html.escape
    parts = [f"<h1>{e(str(record['title']))}</h1>"]
    # The meta line carries the tags and reading state too (a record made
    # elsewhere may have none of them).
    tags = record.get("tags") or ()
    state = [f"tags: {', '.join(tags)}"] if tags else []
    state += [word for word in ("starred", "read") if record.get(word)]
    meta = " · ".join(
        e(str(v)) for v in (record["byline"], record["site"], (record["published"] or "")[:10], *state) if v
    )
    if meta:
        parts.append(f'<p class="meta">{meta}</p>')
    for block in (Block.from_dict(b) for b in record["blocks"]):
        text = e(block.text)
        tag = {"heading": "h2", "blockquote": "blockquote", "list_item": "li", "caption": "figcaption"}.get(
            block.kind, "p"
        )
        parts.append(f"<pre><code>{text}</code></pre>" if block.kind == "code" else f"<{tag}>{text}</{tag}>")
    speech = [q for q in record["quotes"] if q.get("kind") == "speech"]
    if record["entities"] or speech or record["highlights"]:
        parts.append("<hr/>")
    if record["entities"]:
        names = ", ".join(f"{e(str(x['name']))} ({e(str(x['type']).lower())})" for x in record["entities"])
        parts.append(f'<p class="entities">Entities: {names}</p>')
    for q in speech:
        parts.append(f'<p class="quote">“{e(str(q["text"]))}” — {e(str(q.get("speaker") or "unknown speaker"))}</p>')
    for h in record["highlights"]:
        note = f" — note: {e(str(h['note']))}" if h["note"] else ""
        parts.append(f'<p class="highlight"><mark>{e(str(h["text"]))}</mark>{note}</p>')
    return "\n".join(parts)


def to_html(record: dict[str, Any]) -> str:
    title = html.escape(str(record["title"]))
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title></head>\n'
        f"<body><article>\n{_body_html(record)}\n</article></body></html>\n"
    )


def html_index(records: list[dict[str, Any]]) -> str:
    items = "\n".join(
        f'<li><a href="{html.escape(slug(r))}.html">{html.escape(str(r["title"]))}</a></li>' for r in records
    )
    head = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Articles</title></head>\n'
    return f"{head}<body><ul>\n{items}\n</ul></body></html>\n"


def write_epub(records: list[dict[str, Any]], target: IO[bytes], title: str = "newsreader export") -> None:
    """An EPUB 3 book: one chapter per article, a table of contents."""
    e = html.escape
    chapters = [(f"a{n:05d}.xhtml", r) for n, r in enumerate(records)]
    with zipfile.ZipFile(target, "w") as book:
        book.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        book.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
            '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>",
        )
        manifest = "".join(
            f'<item id="c{n}" href="{name}" media-type="application/xhtml+xml"/>'
            for n, (name, _) in enumerate(chapters)
        )
        spine = "".join(f'<itemref idref="c{n}"/>' for n in range(len(chapters)))
        modified = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        book.writestr(
            "OEBPS/content.opf",
            '<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
            'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:identifier id="id">newsreader-{modified}</dc:identifier><dc:title>{e(title)}</dc:title>'
            f'<dc:language>en</dc:language><meta property="dcterms:modified">{modified}</meta></metadata>'
            f'<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
            f"{manifest}</manifest><spine>{spine}</spine></package>",
        )
        toc = "".join(f'<li><a href="{name}">{e(str(r["title"]))}</a></li>' for name, r in chapters)
        book.writestr("OEBPS/nav.xhtml", _xhtml("Contents", f'<nav epub:type="toc"><ol>{toc}</ol></nav>'))
        for name, record in chapters:
            book.writestr(f"OEBPS/{name}", _xhtml(str(record["title"]), _body_html(record)))


def _xhtml(title: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
        f'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>{html.escape(title)}</title></head>'
        f"<body>{body}</body></html>"
    )


def write(
    records: list[dict[str, Any]], fmt: str, target: Path, *, force: bool = False, protected: Path | None = None
) -> list[Path]:
    """Write the records in a format; returns the files written.

    Nothing is written inside `protected` (the archive), through a symbolic
    link, or over an existing file unless `force`; each file appears whole or
    not at all (see safe_write.py). Raises TargetRefused before writing anything."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format '{fmt}' ({', '.join(FORMATS)})")
    if fmt in ("json", "epub"):  # one file: the path given, or a file in the folder given
        path = target / f"newsreader-export.{fmt}" if target.is_dir() and not target.is_symlink() else target
        check_file_target(path, force=force, protected=protected)
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(path, force=force) as out:
            (write_json if fmt == "json" else write_epub)(records, out)
        return [path]
    check_folder_target(target, protected=protected)
    render = to_markdown if fmt == "markdown" else to_html
    suffix = ".md" if fmt == "markdown" else ".html"
    files: list[tuple[Path, Callable[[], str]]] = [
        (target / f"{slug(r)}{suffix}", functools.partial(render, r)) for r in records
    ]
    if fmt == "html":
        files.append((target / "index.html", functools.partial(html_index, records)))
    _check_folder_files(target, [path for path, _ in files], force=force, protected=protected)
    target.mkdir(parents=True, exist_ok=True)
    for path, text in files:
        with atomic_file(path, force=force) as out:
            out.write(text().encode("utf-8"))
    return [path for path, _ in files]


def _check_folder_files(folder: Path, paths: list[Path], *, force: bool, protected: Path | None) -> None:
    """Refuse the whole export before writing one file if any of its files may not be written."""
    existing = []
    for path in paths:
        try:
            check_file_target(path, force=True, protected=protected)
        except TargetRefused as exc:
            raise TargetRefused(f"cannot export into {folder}: {exc}") from None
        if not force and os.path.lexists(path):
            existing.append(path)
    if existing:
        more = f" and {len(existing) - 1} more" if len(existing) > 1 else ""
        raise TargetRefused(f"{existing[0]}{more} exist already in {folder}; --force replaces them")


def records_of(stored: Iterable[StoredArticle], stories: Mapping[str, str | None]) -> list[dict[str, Any]]:
    return [article_record(s, stories.get(s.id)) for s in stored]
