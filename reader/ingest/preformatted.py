"""A <pre> without <code>: preformatted text, whose lines are the point (a
program, a shell session, a config file, a table set in spaces), so it is read
as a code block as <pre><code> is. trafilatura made it a quotation and the
lines ran together. Only a <pre> that is clearly prose (a wire story or a
press release pasted as sent, its lines wrapped at 70 characters) becomes
paragraphs: one per blank-line-separated run, its wrapped lines joined.
"""

from __future__ import annotations

import re
from typing import Any

# A sentence's end: a word, its stop, then a space or the end.
_SENTENCE_END = re.compile(r"[^\W\d_]{2,}[.!?][\"'’”)]?(?:\s|$)")
# Marks that prose seldom uses and programs, configs and shells use all the time.
_CODE_MARKS = re.compile(r"[{}\[\]<>=;#$\\|_*`~^@]")
_WORD = re.compile(r"[^\W\d_]+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\xa0]*\n")


def is_prose(text: str) -> bool:
    """Sentences in wrapped lines: several sentence ends, words filling the lines,
    letters nearly all of the marks, and hardly any of code's marks."""
    lines = [line for line in text.splitlines() if line.strip()]
    marks = re.sub(r"\s", "", text)
    if len(lines) < 2 or len(marks) < 200:
        return False
    words = _WORD.findall(text)
    letters = sum(map(len, words))
    return (
        len(_SENTENCE_END.findall(text)) >= 3
        and len(words) / len(lines) >= 6
        and letters / len(marks) >= 0.75
        and len(_CODE_MARKS.findall(text)) / len(marks) < 0.01
    )


def reading(text: str) -> str:
    """How a <pre>'s text is read: "prose" (paragraphs), "line" (one line of
    plain words, a menu's item set in <pre>: left as the page's text) or "code"."""
    if "\n" not in text.strip() and not _CODE_MARKS.search(text):
        return "line"
    return "prose" if is_prose(text) else "code"


def prose_paragraphs(text: str) -> list[str]:
    """A prose <pre>'s paragraphs: runs between blank lines, each on one line."""
    return [" ".join(run.split()) for run in _PARAGRAPH_BREAK.split(text) if run.strip()]


def prepare_preformatted(root: Any) -> None:
    """Each <pre> without <code> in the tree: its content wrapped in <code> (so
    the extractor keeps it as code), or, when it is prose, replaced by its
    paragraphs."""
    from lxml import html as lxml_html

    for pre in list(root.iter("pre")):
        if pre.getparent() is None or next(pre.iter("code"), None) is not None:
            continue
        text = pre.text_content()
        kind = reading(text)
        if kind == "line":
            continue
        if kind == "prose":
            box = lxml_html.Element("div")
            for paragraph in prose_paragraphs(text):
                p = lxml_html.Element("p")
                p.text = paragraph
                box.append(p)
            box.tail = pre.tail
            pre.getparent().replace(pre, box)
            continue
        code = lxml_html.Element("code")
        code.text, pre.text = pre.text, None
        for child in list(pre):
            code.append(child)  # moves it, with its tail
        pre.append(code)
