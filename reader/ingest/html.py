"""Saved web pages (.html/.htm/.xhtml): main content via trafilatura, as blocks.

trafilatura finds the article and its metadata (meta tags, JSON-LD) better than
anything we would write, but it drops <figcaption> text; we read captions in a
pass of our own and put them back where their image stood.
"""

from __future__ import annotations

from pathlib import Path

from reader.ingest.common import meta_text, parse_date, squash, title_from_path
from reader.ingest.decode import DecodeError, decode
from reader.model import Article, Block
from reader.sanitize import clean_text

MAX_DEPTH = 400  # deeper nesting than this is hostile or broken, not an article


def _figure_captions(tree: object) -> dict[str, str]:
    """Image src → caption text, from <figure><img><figcaption> on the page."""
    captions: dict[str, str] = {}
    for figure in tree.iter("figure"):  # type: ignore[attr-defined]
        caption_el = next(iter(figure.iter("figcaption")), None)
        if caption_el is None:
            continue
        text = squash(caption_el.text_content())
        if not text:
            continue
        for img in figure.iter("img"):
            src = img.get("src") or img.get("data-src")
            if src:
                captions[src] = text
    return captions


def _depth(tree: object) -> int:
    deepest = 0
    for el in tree.iter():  # type: ignore[attr-defined]
        d = 0
        parent = el.getparent()
        while parent is not None and d <= MAX_DEPTH:
            d += 1
            parent = parent.getparent()
        deepest = max(deepest, d)
        if deepest > MAX_DEPTH:
            break
    return deepest


def _text(el: object) -> str:
    return clean_text(squash("".join(el.itertext())))  # type: ignore[attr-defined]


def blocks_from_body(body: object, captions: dict[str, str]) -> list[Block]:
    """trafilatura's XML body → our blocks, in document order."""
    blocks: list[Block] = []

    def walk(el: object, inside: str | None = None) -> None:
        for child in el:  # type: ignore[attr-defined]
            tag = child.tag
            if tag == "head":
                text = _text(child)
                if text:
                    blocks.append(Block("heading", text))
            elif tag == "p":
                text = _text(child)
                if text:
                    blocks.append(Block(inside or "paragraph", text))
            elif tag == "list":
                walk(child, "list_item" if inside is None else inside)
            elif tag == "item":
                text = _text(child)
                if text:
                    blocks.append(Block(inside or "list_item", text))
            elif tag == "quote":
                if any(c.tag == "p" for c in child):
                    walk(child, "blockquote")
                else:
                    text = _text(child)
                    if text:
                        blocks.append(Block("blockquote", text))
            elif tag == "graphic":
                src = child.get("src") or ""
                text = captions.get(src) or squash(child.get("alt") or child.get("title") or "")
                if text:
                    blocks.append(Block("caption", clean_text(text)))
            elif tag == "table":
                for row in child.iter("row"):
                    text = " | ".join(_text(cell) for cell in row if _text(cell))
                    if text:
                        blocks.append(Block("paragraph", text))
            elif tag in ("div", "section", "main", "article"):
                walk(child, inside)
            else:
                text = _text(child)
                if text:
                    blocks.append(Block(inside or "paragraph", text))

    walk(body)
    return blocks


def parse_html_text(html: str, path: Path | None, fmt: str = "html") -> Article:
    """Extract one article from HTML text (shared by .html, MHTML and exports)."""
    import lxml.html
    import trafilatura

    from reader.ingest import IngestError

    try:
        tree = lxml.html.document_fromstring(html)
    except Exception as exc:  # lxml raises several types for hopeless input
        raise IngestError(f"not parseable as HTML: {exc}") from exc
    if _depth(tree) > MAX_DEPTH:
        raise IngestError(f"HTML is nested more than {MAX_DEPTH} levels deep")
    captions = _figure_captions(tree)
    doc = trafilatura.bare_extraction(
        html,
        include_images=True,
        include_tables=True,
        include_comments=False,
        with_metadata=True,
        output_format="python",
    )
    if doc is None or getattr(doc, "body", None) is None:
        raise IngestError("no article text found in the page")
    blocks = blocks_from_body(doc.body, captions)
    title = meta_text(doc.title) or (title_from_path(path) if path else "Untitled")
    return Article(
        title=title,
        blocks=tuple(blocks),
        format=fmt,
        byline=meta_text(doc.author),
        site=meta_text(doc.sitename) or meta_text(doc.hostname),
        url=meta_text(doc.url),
        published=parse_date(doc.date),
        language=meta_text(doc.language),
    )


def parse(data: bytes, path: Path) -> list[Article]:
    from reader.ingest import IngestError

    try:
        html = decode(data, html=True)
    except DecodeError as exc:
        raise IngestError(str(exc)) from exc
    return [parse_html_text(html, path)]
