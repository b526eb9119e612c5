"""Markdown (.md): web-clipper output, YAML front matter for the metadata."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.ingest import readlater
from reader.ingest.common import code_text, meta_text, parse_date, squash, title_from_path
from reader.ingest.decode import file_text
from reader.model import Article, Block
from reader.sanitize import clean_text
from reader.text.dates import day_first_on_page

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD = MarkdownIt("commonmark")


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """YAML front matter as a dict, and the Markdown after it."""
    from reader.ingest.errors import IngestError

    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise IngestError(f"front matter is not valid YAML{where}") from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise IngestError("front matter is not a YAML mapping")
    return {str(k).lower(): v for k, v in meta.items()}, text[m.end() :]


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return squash("".join(parts))


def _images(token: Token) -> list[str]:
    alts = []
    for child in token.children or []:
        if child.type == "image":
            alt = squash(child.content or "")
            title = squash(str(child.attrs.get("title") or ""))
            if alt or title:
                alts.append(alt or title)
    return alts


def _is_emphasised(token: Token) -> bool:
    """The whole paragraph is one *emphasised* run."""
    children = [c for c in token.children or [] if c.type != "softbreak"]
    return len(children) >= 3 and children[0].type == "em_open" and children[-1].type == "em_close"


def blocks_from_markdown(body: str) -> tuple[list[Block], str | None]:
    """Blocks in document order, and the first level-1 heading (a title candidate)."""
    tokens = _MD.parse(body)
    blocks: list[Block] = []
    first_h1: str | None = None
    context: list[str] = []
    previous_was_image = False
    for i, tok in enumerate(tokens):
        if tok.type in ("blockquote_open", "list_item_open"):
            context.append(tok.type)
        elif tok.type in ("blockquote_close", "list_item_close"):
            if context:
                context.pop()
        elif tok.type == "inline":
            opener = tokens[i - 1].type if i else ""
            text = _inline_text(tok)
            images = _images(tok)
            if opener == "heading_open":
                if tokens[i - 1].tag == "h1" and first_h1 is None:
                    first_h1 = text
                if text:
                    blocks.append(Block("heading", text))
                continue
            blocks.extend(Block("caption", alt) for alt in images)
            if not text:
                previous_was_image = bool(images)
                continue
            if "blockquote_open" in context:
                kind = "blockquote"
            elif "list_item_open" in context:
                kind = "list_item"
            elif previous_was_image and _is_emphasised(tok):
                kind = "caption"  # an italic line under a picture is its caption
            else:
                kind = "paragraph"
            blocks.append(Block(kind, text))
            previous_was_image = False
        elif tok.type == "fence" or tok.type == "code_block":
            code = code_text(tok.content)
            if code:
                blocks.append(Block("code", code))
    return blocks, first_h1


def _first(meta: dict[str, object], *keys: str) -> object:
    return next((meta[k] for k in keys if meta.get(k) not in (None, "", [])), None)


def parse(data: bytes, path: Path) -> list[Article]:

    text = clean_text(file_text(data))
    meta, body = split_front_matter(text)
    if "url_omnivore" in meta or "#Omnivore" in body[:2000]:
        body = readlater.drop_omnivore_header(body)
    body, highlights = readlater.split_highlights(body)
    blocks, first_h1 = blocks_from_markdown(body)
    if highlights and not any(b.kind != "heading" for b in blocks):
        # An export of highlights only: they are what there is to read.
        blocks += [Block("blockquote", h["text"]) for h in highlights]
    title = meta_text(meta.get("title")) or first_h1 or title_from_path(path)
    authors = _first(meta, "author", "authors", "byline", "creator")
    if isinstance(authors, list):
        authors = [readlater.clean_name(a) for a in authors]
    elif authors is not None:
        authors = readlater.clean_name(authors)
    byline = meta_text(authors)
    url = meta_text(_first(meta, "url", "source", "link", "url_original", "original_url", "original"))
    site = meta_text(meta.get("site") or meta.get("site_name") or meta.get("publisher"))
    language = meta_text(meta.get("lang") or meta.get("language"))
    published = parse_date(
        _first(meta, "date", "published", "date_published", "created", "clipped", "date_saved", "saved"),
        day_first=day_first_on_page(text, language),
    )
    if site is None and url:
        from urllib.parse import urlsplit

        site = urlsplit(url).hostname
    return [
        Article(
            title=title,
            blocks=tuple(blocks),
            format="md",
            byline=byline,
            site=site,
            url=url,
            published=published,
            language=language,
            state=readlater.state(
                tags=_first(meta, "tags", "keywords", "labels"),
                read=_first(meta, "read", "is_read", "status", "state", "archived"),
                starred=_first(meta, "starred", "favorite", "favourite", "is_starred", "flagged"),
                highlights=highlights,
            ),
        )
    ]
