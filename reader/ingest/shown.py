"""Short texts a page shows in its body: where to look for the visible headline.

Old pages (table layouts, no og: tags) set their headline in a <td>, <font>
or <b> rather than an <h1>, and their <h1> is often the site's logo or a
section name. Any short block of body text can be the headline; the title
rules decide which, by agreement with the <title>.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from reader.ingest.common import squash
from reader.ingest.seams import BLOCK_TAGS, element_text
from reader.text.normalize import fold_key

_SKIPPED = frozenset({"head", "title", "script", "style", "noscript", "template", "option", "select", "textarea"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A headline is a line or two; longer blocks are paragraphs.
MAX_CHARS = 300
# A class or id that names a headline ("headline2", "story-title", "ArticleHead",
# "contentheading"), not the page's header, masthead or a subtitle.
_HEADLINE_NAME = re.compile(r"(?i)(?<!sub)(?<!mast)(?:head(?:line|ing)?(?!er)|title|hed\b)")
# How far up from a text run a heading or headline class still marks it.
MARK_LEVELS = 4


class Shown(NamedTuple):
    """Short texts a page shows, as seen from the article's first paragraph."""

    above: list[str]  # nearest first
    below: list[str]  # in order
    marked: list[str]  # above, nearest first, set as a heading or in a headline's class


def _marked(el: Any) -> Any:
    """A text run's element or near ancestor that is a heading or is named as a headline, if any."""
    node, level = el, 0
    while node is not None and isinstance(node.tag, str) and node.tag != "body" and level < MARK_LEVELS:
        if node.tag in HEADINGS:
            return node
        name = f"{node.get('class') or ''} {node.get('id') or ''}"
        if _HEADLINE_NAME.search(name):
            return node
        node, level = node.getparent(), level + 1
    return None


def _block_of(el: Any) -> Any:
    """The element itself if it is a block or heading, else its nearest block ancestor."""
    node = el
    while node is not None and isinstance(node.tag, str) and node.tag not in BLOCK_TAGS and node.tag not in HEADINGS:
        node = node.getparent()
    return node


def _begins(run: str, start: str) -> bool:
    """Whether a text run is where the article's first paragraph begins (the
    paragraph's first words may be split over a <b> dateline and the rest)."""
    return run.startswith(start[:40]) or (len(run) >= 12 and start.startswith(run))


def _marked_text(mark: Any, run: str) -> str | None:
    """What a marked element says: all of it ("Storm <i>closes</i> port"), or
    only the run where it holds lines or blocks (a headline, <br>, its date)."""
    if mark is None:
        return None
    if any(
        isinstance(d.tag, str) and (d.tag == "br" or d.tag in BLOCK_TAGS or d.tag in HEADINGS)
        for d in mark.iterdescendants()
    ):
        return run
    whole = squash(element_text(mark))
    return whole if whole and len(whole) <= MAX_CHARS else run


def _shown_elements(body: Any) -> Iterator[Any]:
    """The body's elements in document order, less those in or under one that
    shows nothing (a script, a style, a form's options).

    One walk that does not enter those: asking each element for its ancestors
    instead took 10 of the 16 ms this module spent on a real page."""
    if any(isinstance(a.tag, str) and a.tag in _SKIPPED for a in body.iterancestors()):
        return
    stack = [body]
    while stack:
        el = stack.pop()
        if isinstance(el.tag, str) and el.tag not in _SKIPPED:  # comments and instructions hold no elements
            yield el
            stack.extend(reversed(el))


def shown_texts(tree: Any, first_paragraph: str | None = None) -> Shown:
    """Short body texts above the article's first paragraph (nearest first),
    those below it (in order), and the texts above it marked as headings.

    A headline stands just above the text it heads; the site's name and
    tagline stand at the top of the page, far from it, and related links
    below it. Each short block comes whole and
    then as its single text runs, because a headline shares its cell with a
    byline after a <br> ("Storm closes port<br>By Ann Lee").
    """
    body = next(iter(tree.iter("body")), None)
    if body is None:
        return Shown([], [], [])
    start = fold_key(" ".join(first_paragraph.split()[:8])) if first_paragraph else ""
    seen: set[Any] = set()  # the blocks themselves: an id is reused once its element object is freed
    groups: list[list[str]] = []
    marks: list[str | None] = []
    at = None  # index of the group where the article's first paragraph begins
    for el in _shown_elements(body):
        block = mark = None
        first = True  # the element's block and mark are looked up once, at its first short run
        for run in (el.text, *(child.tail for child in el)):
            if not run or run.isspace():  # most runs: the white space between tags
                continue
            text = squash(run)
            if at is None and start and _begins(fold_key(text), start):
                at = len(groups)
            if len(text) > MAX_CHARS:
                continue
            if first:  # marks count above the article only: below it none is looked up
                block, mark, first = _block_of(el), _marked(el) if at is None else None, False
            group = []
            if block is not None and block not in seen:
                seen.add(block)
                if len(block.text_content()) <= MAX_CHARS * 2:
                    whole = squash(element_text(block))
                    if whole and len(whole) <= MAX_CHARS:
                        group.append(whole)
            group.append(text)
            groups.append(group)
            if at is None:
                marks.append(_marked_text(mark, text))
    # Where the article was not found, the whole page counts as above it, in order.
    if at is None:
        return Shown([t for g in groups for t in g], [], [])
    marked = [m for m in reversed(marks[:at]) if m]
    return Shown([t for g in reversed(groups[:at]) for t in g], [t for g in groups[at:] for t in g], marked)
