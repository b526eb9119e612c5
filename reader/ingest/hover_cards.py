"""Hover cards: the box a page pops up over a linked name, saved inline after
the link ("Kristi Noem<span>…Kristi Lynn Noem…three headlines…MORE</span>").
A browser hides it until the pointer rests on the link; an extractor reads it
into the sentence, which then runs the name into the card's text. A card is
known by its shape, not its class names: the inline element right after a
link inside a paragraph's running text that links to the same address again
and to something more (another page, or a picture of the thing linked). A
block after a link (an author's photo link before the post that names them
again) is page layout and stays.
"""

from __future__ import annotations

from typing import Any

# Where a sentence runs: a card sits inside one of these.
_RUNNING_TEXT = frozenset({"p", "li", "dd", "blockquote"})


def _address(el: Any) -> str:
    return (el.get("href") or "").strip().rstrip("/")


def _words_before(link: Any) -> bool:
    """Whether words stand before the link in its paragraph (a sentence runs through it)."""
    node = link
    while node.tag not in _RUNNING_TEXT:
        parent = node.getparent()
        if parent is None:
            return False
        prev = node.getprevious()
        while prev is not None:
            if (prev.tail or "").strip() or prev.text_content().strip():
                return True
            prev = prev.getprevious()
        if (parent.text or "").strip():
            return True
        node = parent
    return False


def _is_card(link: Any, box: Any) -> bool:
    target = _address(link)
    if not target or box.tag != "span" or not _words_before(link):
        return False
    links = [a for a in box.iter("a") if _address(a)]
    if not any(_address(a) == target for a in links):
        return False
    return len(links) >= 2 or next(box.iter("img"), None) is not None


def drop_hover_cards(root: Any) -> int:
    """Remove every hover card from the tree; the text after one is kept. How many went."""
    cards = []
    for link in root.iter("a"):
        box = link.getnext()
        if box is not None and not (link.tail or "").strip() and isinstance(box.tag, str) and _is_card(link, box):
            cards.append(box)
    for box in cards:
        if box.getparent() is not None:
            box.drop_tree()  # lxml.html keeps the tail
    return len(cards)
