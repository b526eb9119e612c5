"""Join the text of an element's descendants without running words together.

Where two elements meet, a browser shows a break if either is a block (a
paragraph, a table cell, a line break) and nothing if both are inline. But
inline is a CSS decision: a caption's credit ("…the slip.</span><span>Credit…")
or an off-screen label is a <span> drawn on its own line. So between inline
elements we add a space only where the seam reads as two words: a sentence
ended, or a whole lower-case word meets a capitalised one ("online|Getty").
Short name prefixes run into the rest ("Mc|Leod", "Di|Caprio") stay joined.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# Block-level in HTML and in trafilatura's XML body.
BLOCK_TAGS = frozenset(
    "address article aside blockquote br caption cell dd details div dl dt figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 head header hr item lb li list main nav ol p pre quote row section table tbody "
    "td tfoot th thead tr ul".split()
)
_INVISIBLE = frozenset({"script", "style", "noscript", "template"})
# The end of a sentence or clause before a capital: "slip.|Credit", "said,|The".
_ENDED = re.compile(r"[^\W\d_][.!?,;:]['\"’”)]*$")
# A whole word of three or more letters, ending lower case: not a name prefix.
_WORD_END = re.compile(r"(?:^|[^\w])[^\W\d_]{2,}[a-z]$")
_CAPITAL_WORD = re.compile(r"^[\"“‘'(]?[A-Z][a-z]")


def _reads_as_two(left: str, right: str) -> bool:
    if not _CAPITAL_WORD.match(right):
        return False
    return bool(_ENDED.search(left) or _WORD_END.search(left))


# How much of the text before a seam decides it: its last word and stop (a
# word longer than this reads as a whole word). Read from the whole text
# joined so far, the paragraphs of a page of 2,000 paragraphs of 20 links each
# took 4 s to join: each seam searched all that came before it.
_SEAM_CONTEXT = 40


def join_pieces(pieces: Iterable[tuple[str, bool]]) -> str:
    """Text pieces, each with whether a block boundary stands before it, joined."""
    out: list[str] = []
    before = ""  # the end of the text joined so far
    for text, block_before in pieces:
        if not text:
            continue
        touching = before and not before[-1].isspace() and not text[0].isspace()
        if touching and (block_before or _reads_as_two(before, text)):
            out.append(" ")
            before += " "
        out.append(text)
        before = (before + text)[-_SEAM_CONTEXT:]
    return "".join(out)


def element_text(el: Any) -> str:
    """An element's visible text, with a space wherever two of its elements' words meet."""
    pieces: list[tuple[str, bool]] = []
    pending_block = False

    def collect(node: Any) -> None:
        nonlocal pending_block
        if node.text:
            pieces.append((node.text, pending_block))
            pending_block = False
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag and tag not in _INVISIBLE:
                if tag in BLOCK_TAGS:
                    pending_block = True
                collect(child)
                if tag in BLOCK_TAGS:
                    pending_block = True
            if child.tail:
                pieces.append((child.tail, pending_block))
                pending_block = False

    collect(el)
    return join_pieces(pieces)


# Line breaks the extractor keeps as breaks (<lb/>): no space needed after them.
_BREAKS = frozenset({"br", "hr"})
# Where whitespace is the text itself: no space is added inside these.
_VERBATIM = frozenset({"pre", "code", "textarea", "kbd", "samp", "listing", "xmp", "plaintext"})


def space_seams(root: Any) -> None:
    """Put a space into the page's tree wherever a browser shows two words apart
    and an extractor that flattens elements would run them together: after a
    block element closes, when the text goes on in its parent ("…1X</div><a>About",
    "Wednesday.<div></div>The"), and at an inline seam that reads as two words
    ("business.</span><span>Click", "Crossref</a><a>Medline"). The space goes at
    the start of the later text, which flattening keeps inside the joined text.
    Text that opens a block is left alone: the extractor keeps that block apart
    itself, and a changed first text changes what it keeps. Code and
    preformatted text are left as written ("webdriver.</span><span>PhantomJS")."""
    last: str = ""  # the text before the next piece, in document order
    edge = ""  # since `last`: a block "open"ed (or a kept line break), one "close"d, or none

    def take(text: str | None) -> str | None:
        nonlocal last, edge
        if not text:
            return text
        touching = last and not last[-1].isspace() and not text[0].isspace()
        if touching and (edge == "close" or (not edge and _reads_as_two(last, text))):
            text = " " + text
        last, edge = text, ""
        return text

    def walk(el: Any) -> None:
        nonlocal last, edge
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _VERBATIM:
            last, edge = "\n", ""  # code's text is its own: no seam with it
            return
        if tag in _BREAKS:
            edge = "open"  # kept as a break: what follows needs no space
            return
        is_block = tag in BLOCK_TAGS
        if is_block:
            edge = "open"
        if tag and tag not in _INVISIBLE:
            el.text = take(el.text)
            for child in el:
                walk(child)
                child.tail = take(child.tail)
        if is_block:
            edge = "close"

    walk(root)
