"""Saved web pages (.html/.htm/.xhtml): main content via trafilatura, as blocks.

trafilatura finds the article and its metadata (meta tags, JSON-LD) better than
anything we would write, but it drops <figcaption> text; we read captions in a
pass of our own and put them back where their image stood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reader.ingest.bylines import clean_byline
from reader.ingest.common import code_text, meta_text, squash, title_from_path
from reader.ingest.decode import file_text
from reader.ingest.hover_cards import drop_hover_cards
from reader.ingest.large_html import LARGE_PAGE_NODES, article_from_tree, paragraph_nodes
from reader.ingest.page_dates import publication_date
from reader.ingest.page_metadata import page_metadata
from reader.ingest.preformatted import prepare_preformatted
from reader.ingest.seams import element_text, space_seams
from reader.ingest.shown import shown_texts
from reader.ingest.titles import choose_title
from reader.model import Article, Block
from reader.sanitize import clean_text
from reader.text.chrome import is_block_chrome, is_body_like, is_menu_row
from reader.text.normalize import fold_key

# Real pages nest 20-60 elements deep. libxml2 silently stops building the tree
# at 256 levels, so anything near that is hostile or broken and says so,
# rather than coming out as "no text found".
MAX_DEPTH = 250
# An XML declaration naming an encoding: the text is decoded already, and lxml
# refuses decoded text that still declares one.
# Up to the first ">": a crawl can garble it so that no "?>" closes it.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
# A numeric character reference (&#27; &#x1B;): one naming a C0 control or
# one of the noncharacters U+FFFE and U+FFFF (which XML forbids, as it does the
# controls) makes trafilatura's XML step drop the whole text, so the page came
# out empty.
_CHAR_REF = re.compile(r"&#(?:([0-9]{1,10})|[xX]([0-9a-fA-F]{1,8}));?")


_TITLE_OPEN = re.compile(r"<title\b[^>]*>", re.IGNORECASE)
_TITLE_CLOSE = re.compile(r"</title\s*>", re.IGNORECASE)
_TAG_START = re.compile(r"<[A-Za-z/!]")


def _closed_title(html: str) -> str:
    """Close a <title> the page left open. A title is raw text up to `</title>`,
    so one never closed (a page saved cut short, or `</title` run into the next
    bytes) swallows the whole page: the parsers then see an empty body and the
    article is lost. A title holds no tags, so it ends where the first tag
    starts."""
    opened = _TITLE_OPEN.search(html)
    if opened is None:
        return html
    closed = _TITLE_CLOSE.search(html, opened.end())
    inner_end = closed.start() if closed else len(html)
    tag = _TAG_START.search(html, opened.end(), inner_end)
    if tag is None:
        return html
    return html[: tag.start()] + "</title>" + html[tag.start() :]


# An empty paragraph used as a separator, as 2000s CMSes wrote paragraphs:
# "…as a janitor.<p></p>Quicker than…". A browser shows the text after it as a
# new paragraph, but the extractor glued the two ("janitor.Quicker").
_EMPTY_PARAGRAPH = re.compile(r"<p(\s[^>]*)?>(?:\s|&nbsp;|&#160;)*</p\s*>", re.IGNORECASE)


def _empty_paragraphs_opened(html: str) -> str:
    """Each empty <p></p> opens the paragraph of the text that follows it (the
    HTML parser closes it at the next block, as it closes any open <p>)."""
    return _EMPTY_PARAGRAPH.sub(lambda m: f"<p{m.group(1) or ''}>", html)


_PARAGRAPH_TAG = re.compile(r"<(/?)p(?:\s[^>]*)?>", re.IGNORECASE)


def _stray_paragraph_ends_opened(html: str) -> str:
    """A </p> with no <p> open since the last one becomes the empty paragraph
    HTML5 makes of it, a break a browser shows (the HTML parser dropped it).
    Pages that closed every paragraph and opened none ("…on Monday.</p>Vardhan
    was…") ran their sentences together ("Monday.Vardhan"), and a quote's
    sentence began in the one before. A <p> closed by a block before its </p>
    counts as open: that </p> is left to the parser, as before. (Opening a
    paragraph there instead split that page's paragraphs, but ran another's
    <br><br> paragraphs into one.)"""
    out: list[str] = []
    last, open_paragraph = 0, False
    for m in _PARAGRAPH_TAG.finditer(html):
        closing = bool(m.group(1))
        if closing and not open_paragraph:
            out += [html[last : m.start()], "<p></p>"]
            last = m.end()
        open_paragraph = not closing
    return "".join(out) + html[last:] if out else html


def _without_control_refs(html: str) -> str:
    """Drop references to C0 controls other than tab and line breaks, and to
    U+FFFE and U+FFFF (raw ones are stripped with the rest of the text's
    controls; these are not raw yet)."""

    def keep(m: re.Match[str]) -> str:
        code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
        dropped = (code < 32 and code not in (9, 10, 13)) or code in (0xFFFE, 0xFFFF)
        return "" if dropped else m.group(0)

    return _CHAR_REF.sub(keep, html)


@dataclass(frozen=True)
class Figure:
    """A captioned figure and the paragraphs around it, to place it among blocks."""

    caption: str
    before: str  # fold key of the nearest paragraph before the figure
    after: str  # fold key of the nearest paragraph after it


def _figures(tree: object) -> list[Figure]:
    """Every <figure> with a <figcaption>, with its neighbouring paragraphs."""
    found: list[tuple[str, str]] = []  # ("p", text) or ("fig", caption) in document order
    for el in tree.iter("p", "figure"):  # type: ignore[attr-defined]
        if el.tag == "figure":
            cap = next(iter(el.iter("figcaption")), None)
            text = squash(element_text(cap)) if cap is not None else ""
            if text:
                found.append(("fig", text))
        elif not any(a.tag == "figure" for a in el.iterancestors()):
            text = squash(element_text(el))
            if text:
                found.append(("p", text))
    figures = []
    for i, (kind, text) in enumerate(found):
        if kind != "fig":
            continue
        before = next((t for k, t in reversed(found[:i]) if k == "p"), "")
        after = next((t for k, t in found[i + 1 :] if k == "p"), "")
        figures.append(Figure(clean_text(text), fold_key(before), fold_key(after)))
    return figures


def place_captions(blocks: list[Block], figures: list[Figure]) -> list[Block]:
    """Insert each figure's caption after the block it followed in the page.

    trafilatura drops captions, and asking it for images makes it keep more page
    furniture (measured: precision 0.946 → 0.935 on scrapinghub-aeb), so we
    extract without images and place captions ourselves. A figure whose
    neighbours are not in the article (a sidebar's, a gallery's) is left out.
    """
    keys = [fold_key(b.text) for b in blocks]
    inserts: dict[int, list[Block]] = {}
    for fig in figures:
        at = None
        if fig.before:
            at = next((i + 1 for i, k in enumerate(keys) if k and (k == fig.before or fig.before.startswith(k))), None)
        if at is None and fig.after:
            at = next((i for i, k in enumerate(keys) if k and (k == fig.after or fig.after.startswith(k))), None)
        if at is not None:
            inserts.setdefault(at, []).append(Block("caption", fig.caption))
    out: list[Block] = []
    for i in range(len(blocks) + 1):
        out.extend(inserts.get(i, []))
        if i < len(blocks):
            out.append(blocks[i])
    return out


def _depth(tree: object) -> int:
    """The most ancestors any element has, counted up to MAX_DEPTH + 1.

    One walk with a running count: climbing each element's ancestors made an
    lxml proxy per step, 9 % of parsing the real saved pages (issue 19).
    """
    from lxml import etree

    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
        depth += 1
    return deepest


def _text(el: Any) -> str:
    """An element's text in document order, words of neighbouring elements kept apart."""
    return clean_text(squash(element_text(el)))


# trafilatura's block elements: a table cell holding one of these is page
# layout (2008-era pages put the whole article in one cell), not a datum.
_CONTAINED_BLOCKS = ("p", "head", "list", "quote", "table")


def blocks_from_body(body: Any) -> list[Block]:
    """trafilatura's XML body → our blocks, in document order."""
    blocks: list[Block] = []

    def loose(text: str | None, inside: str | None) -> None:
        # trafilatura leaves text between elements as an element's .tail
        text = clean_text(squash(text or ""))
        if text:
            blocks.append(Block(inside or "paragraph", text))

    def walk(el: Any, inside: str | None = None) -> None:
        loose(el.text, inside)  # type: ignore[attr-defined]
        for child in el:  # type: ignore[attr-defined]
            _one(child, inside)
            loose(child.tail, inside)

    def _one(child: Any, inside: str | None) -> None:
        tag = child.tag  # type: ignore[attr-defined]
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
        elif tag == "table":
            # Rows of this table only: a nested table is walked from its cell.
            rows = [r for r in child.iter("row") if next(r.iterancestors("table"), None) is child]
            for row in rows:
                if any(cell.find(".//" + t) is not None for cell in row for t in _CONTAINED_BLOCKS):
                    for cell in row:
                        walk(cell, inside)
                    continue
                text = " | ".join(t for t in (_text(cell) for cell in row) if t)
                if text:
                    blocks.append(Block("paragraph", text))
        elif tag == "code":  # trafilatura's <pre><code>: a program, read line by line
            code = code_text("".join(child.itertext()))
            if code:
                blocks.append(Block("code", code))
        elif tag in ("div", "section", "main", "article"):
            walk(child, inside)
        else:
            text = _text(child)
            if text:
                blocks.append(Block(inside or "paragraph", text))

    walk(body)
    return blocks


def without_edge_menus(blocks: list[Block]) -> list[Block]:
    """Drop rows of short items between separators ("« Older | Main | Newer »",
    "Posted at 1:04 pm | Print | Permalink") that stand before the article's
    first paragraph or after its last: there they are menus, breadcrumbs and
    post tools; between paragraphs they may be a table's rows."""
    body = [i for i, b in enumerate(blocks) if is_body_like(b.text)]
    if not body:
        return blocks
    first, last = body[0], body[-1]
    return [b for i, b in enumerate(blocks) if first <= i <= last or b.kind == "heading" or not is_menu_row(b.text)]


def page_title(tree: object, doc: object, blocks: list[Block], path: Path | None) -> str:
    """The article's title: the page's headline, else (a page whose title names
    only its site) the article's own first heading, else the file's name."""
    return (
        _headline(tree, doc, next((b.text for b in blocks if is_body_like(b.text)), None))
        or next((b.text for b in blocks if b.kind == "heading"), None)
        or (title_from_path(path) if path else "Untitled")
    )


def _headline(tree: object, doc: object, first_paragraph: str | None) -> str | None:
    def meta(prop: str) -> str | None:
        found = tree.xpath(f'//meta[@property="{prop}" or @name="{prop}"]/@content')  # type: ignore[attr-defined]
        return squash(found[0]) if found else None

    h1s = [el.text_content() for el in tree.iter("h1")]  # type: ignore[attr-defined]
    title_el = next(iter(tree.iter("title")), None)  # type: ignore[attr-defined]
    html_title = squash(title_el.text_content()) if title_el is not None else None
    site_names = [
        n for n in (meta("og:site_name"), getattr(doc, "sitename", None), getattr(doc, "hostname", None)) if n
    ]
    hostname = getattr(doc, "hostname", None)
    if hostname:
        site_names.append(hostname.removeprefix("www.").split(".")[0])
    shown = shown_texts(tree, first_paragraph)
    chosen = choose_title(
        h1s,
        meta("og:title"),
        html_title,
        getattr(doc, "title", None),
        site_names,
        shown.above,
        shown.below,
        shown.marked,
    )
    return meta_text(chosen)


def held(tree: Any) -> list[Any]:
    """Every element of a parsed page, to hold while the page is read.

    lxml.html gives an element its Python object through a class lookup
    written in Python, and frees the object when nothing refers to it, so each
    walk over the page (its depth, figures, shown texts, seams, trafilatura's
    metadata) made every element's object again: 9,800 lookups a real page,
    6,600 with both trees held (trafilatura's own copies make theirs anew)."""
    return list(tree.iter())


def _prepared_for_extraction(html: str, holding: list[Any]) -> Any:
    """The page as trafilatura parses it, with what its flattening would lose put
    in first: spaces at element seams, <pre> as code or prose, hover cards out;
    its elements go into `holding` (see held).
    (The page's text unparsed when trafilatura cannot parse it: it then says so.)"""
    from trafilatura.utils import load_html

    page = load_html(html)
    if page is None:
        return html
    holding += held(page)
    drop_hover_cards(page)
    prepare_preformatted(page)
    space_seams(page)
    return page


def parse_html_text(html: str, path: Path | None, fmt: str = "html") -> Article:
    """Extract one article from HTML text (shared by .html, MHTML and exports)."""
    import lxml.html
    import trafilatura

    from reader.ingest import english_date_parser
    from reader.ingest.errors import IngestError

    english_date_parser.install()

    html = _closed_title(_without_control_refs(_XML_DECLARATION.sub("", html, count=1)))
    html = _stray_paragraph_ends_opened(_empty_paragraphs_opened(html))  # in this order: it makes empty ones
    try:
        tree = lxml.html.document_fromstring(html)
    except Exception as exc:  # lxml raises several types for hopeless input
        raise IngestError(f"not parseable as HTML: {exc}") from exc
    holding = held(tree)
    if _depth(tree) > MAX_DEPTH:
        raise IngestError(f"HTML is nested more than {MAX_DEPTH} levels deep")
    if paragraph_nodes(tree) > LARGE_PAGE_NODES:
        untitled = article_from_tree(tree, fmt)  # trafilatura's time grows with the square of this
        return replace(untitled, title=page_title(tree, None, list(untitled.blocks), path))
    figures = _figures(tree)
    prepared = _prepared_for_extraction(html, holding)
    meta = page_metadata(prepared) if not isinstance(prepared, str) else None
    # The metadata comes from page_metadata (less what we never read), so the
    # extraction is asked for none; "txt" leaves out the body's plain text,
    # which "python" made and we never read (we read the body's tree).
    doc = trafilatura.bare_extraction(
        prepared,
        url=meta.url if meta is not None else None,  # as with_metadata passed the page's address on
        include_images=False,
        include_tables=True,
        include_comments=False,
        with_metadata=False,
        output_format="txt",
    )
    if meta is None or doc is None or isinstance(doc, dict) or doc.body is None:
        raise IngestError("no article text found in the page")
    body = list(blocks_from_body(doc.body))
    blocks = [b for b in body if b.kind in ("heading", "code") or not is_block_chrome(b.text)]
    blocks = without_edge_menus(blocks)
    blocks = place_captions(blocks, figures)
    if not blocks:
        raise IngestError("no article text found in the page")
    title = page_title(tree, meta, blocks, path)
    del holding  # read to here
    return Article(
        title=title,
        blocks=tuple(blocks),
        format=fmt,
        byline=clean_byline(meta_text(meta.author)),
        site=meta_text(meta.sitename) or meta_text(meta.hostname),
        url=meta_text(meta.url),
        published=publication_date(meta.date, html, body),
        language=meta_text(meta.language),
    )


def parse(data: bytes, path: Path) -> list[Article]:
    return [parse_html_text(file_text(data, html=True), path)]
