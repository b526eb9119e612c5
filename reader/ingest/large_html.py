"""Pages too large for trafilatura: their blocks read in one walk of the tree.

trafilatura asks libxml2 for `//p//text()` twice per page (main_extractor's
_extract, external's _prefer_readability), and libxml2 merges each
paragraph's text nodes into the result with a duplicate check against all
found so far: quadratic in the text nodes inside paragraphs. Measured (CPU
seconds for that one XPath): 10,000 plain paragraphs 0.15, 40,000 3.3; 2,000
paragraphs of 20 links each 9.1, 4,000 of them 93. The whole extraction of a
generated page took 3.0 s at 10,000 paragraphs and 15.6 s at 40,000. Among the
788 real pages here the most nodes inside paragraphs is 5,759, so past
LARGE_PAGE_NODES a page is read here instead: the main element's headings,
paragraphs, list items, quotes, captions and table rows, in order, without
navigation, headers, footers, asides, forms and scripts. Their words are kept
apart where elements meet as on trafilatura's path (seams.element_text: "…the
slip.</span><span>Credit" is two words), and hover cards are left out.
"""

from __future__ import annotations

from typing import Any

from reader.ingest.bylines import clean_byline
from reader.ingest.common import code_text, meta_text, parse_date, squash
from reader.ingest.hover_cards import drop_hover_cards
from reader.ingest.preformatted import prose_paragraphs, reading
from reader.ingest.seams import element_text
from reader.model import Article, Block
from reader.sanitize import clean_text
from reader.text.chrome import is_block_chrome
from reader.text.dates import day_first_on_page

# Where trafilatura's quadratic step starts to cost: about 16,000 text nodes,
# 0.35 s for each of its two XPath calls (and 4x that at twice the nodes).
LARGE_PAGE_NODES = 8000

_FURNITURE = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button")
_KINDS = {
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "p": "paragraph",
    "li": "list_item",
    "dd": "paragraph",
    "figcaption": "caption",
    "tr": "paragraph",
}


def paragraph_nodes(tree: Any) -> int:
    """Elements inside paragraphs (each paragraph counted too): what sets the
    number of text nodes trafilatura's `//p//text()` returns."""
    return sum(1 for p in tree.iter("p") for _ in p.iter())


def _paragraphs(tree: Any) -> int:
    return sum(1 for _ in tree.iter("p"))


def _main(tree: Any) -> Any:
    """The element holding the article: the <article> or <main> with the most
    paragraphs, else the body."""
    best, most = None, 0
    for el in tree.iter("article", "main"):
        count = _paragraphs(el)
        if count > most:
            best, most = el, count
    if best is not None:
        return best
    body = tree.find("body")
    return body if body is not None else tree


def _blocks(root: Any) -> list[Block]:
    blocks: list[Block] = []

    def add(kind: str, text: str) -> None:
        text = clean_text(squash(text))
        if text and (kind == "heading" or not is_block_chrome(text)):
            blocks.append(Block(kind, text))

    def walk(el: Any, inside: str | None) -> None:
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _FURNITURE:
                continue
            if tag == "blockquote":
                if any(c.tag == "p" for c in child):
                    walk(child, "blockquote")
                else:
                    add("blockquote", element_text(child))
            elif tag == "pre":  # as in trafilatura's path: code, or a prose <pre>'s paragraphs
                text = child.text_content()
                kind = reading(text)
                if kind == "prose":
                    for paragraph in prose_paragraphs(text):
                        add(inside or "paragraph", paragraph)
                elif kind == "line":
                    add(inside or "paragraph", text)
                elif code := code_text(text):
                    blocks.append(Block("code", code))
            elif tag == "tr":
                cells = (squash(element_text(c)) for c in child if c.tag in ("td", "th"))
                add("paragraph", " | ".join(c for c in cells if c))
            elif tag in _KINDS and not (tag == "li" and child.find(".//p") is not None):
                add(inside or _KINDS[tag], element_text(child))
            else:
                walk(child, inside)

    walk(root, None)
    return blocks


def article_from_tree(tree: Any, fmt: str = "html") -> Article:
    """The article of a large page, in time linear in its size; untitled (its title
    is html.page_title's, as every page's is)."""
    for el in list(tree.iter(*_FURNITURE)):
        if el.getparent() is not None:
            el.drop_tree()
    drop_hover_cards(tree)  # as before trafilatura reads a page (html._prepared_for_extraction)
    blocks = _blocks(_main(tree))

    def meta(*names: str) -> str | None:
        for name in names:
            found = tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content')
            if found:
                return meta_text(found[0])
        return None

    return Article(
        title="",
        blocks=tuple(blocks),
        format=fmt,
        byline=clean_byline(meta("author", "article:author")),
        site=meta("og:site_name"),
        url=meta("og:url"),
        published=parse_date(
            meta("article:published_time", "date", "pubdate"),
            day_first=day_first_on_page(" ".join(b.text for b in blocks), tree.get("lang") or meta("og:locale")),
        ),
        language=meta_text(tree.get("lang")),
    )
