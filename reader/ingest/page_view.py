"""A saved file as a person reads it in a pager (the app's `o`): a web page's
whole text as a text-mode browser shows it (every heading, paragraph, list item
and menu on its own lines; no tags, scripts or styles), any other text file as
it stands. The reader pane shows the article alone; this shows what the page held."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from reader.ingest import IngestError, read_source

WIDTH = 78  # a pager's lines: wrapped here, as `less` does not wrap at words

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_MHTML_SUFFIXES = (".mhtml", ".mht")
_NOT_SHOWN = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select"}
_BLOCKS = {
    "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tr", "ul",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0]+")


class NotText(IngestError):
    """The file is not text in any encoding (a PDF, an EPUB)."""


def source_view(path: Path, url: str | None = None, part: str = "") -> str:
    """What `o` shows: where the saved file is (and the address it was saved
    from), then its text for reading (page_text). In a file of many articles
    (a JSON export, a web archive) `part` names the article's own record,
    and that record alone is shown (source_records). A file with no text form
    (a PDF, an EPUB) gets its path and what opens it instead. IngestError when
    the file cannot be read at all (gone, unreadable)."""
    from reader.ingest.source_records import record_text

    head = [f"Saved file: {path}"]
    if url:
        head.append(f"Address:    {url}")
    data, inner = _contents(path)
    record = record_text(data, part, html_as_text)
    if record is not None:
        return "\n".join(head) + "\n" + record
    if part:
        head.append(f"The article's record ({part}) is no longer in the file; the whole file follows.")
    try:
        body = _as_text(data, inner)
    except NotText as exc:
        head.append(f"Not a text file ({exc}): open it with the program for {path.suffix or 'it'} files.")
        return "\n".join(head) + "\n"
    suffix = inner.suffix.lower()
    if suffix in _HTML_SUFFIXES or suffix in _MHTML_SUFFIXES:
        head.append("The page's whole text, menus and all (the reader shows the article alone):")
    else:
        head.append("The file as it stands.")
    return "\n".join(head) + "\n" + "─" * WIDTH + "\n\n" + body


def page_text(path: Path) -> str:
    """The file's text for reading: a web page (or an MHTML save's page) as
    text, other text files as they are. IngestError when there is no text (a
    PDF, an EPUB) or the file cannot be read."""
    return _as_text(*_contents(path))


def _contents(path: Path) -> tuple[bytes, Path]:
    """The file's bytes and its name, those of the file inside a gzip
    (page.html.gz: page.html)."""
    data = read_source(path).data
    if data.startswith(b"\x1f\x8b") and path.name.lower().endswith(".gz"):
        from reader.ingest.compressed import decompress
        from reader.ingest.detect import inner_path

        return decompress(data), inner_path(path)
    return data, path


def _as_text(data: bytes, path: Path) -> str:
    from reader.ingest.decode import DecodeError, decode

    suffix = path.suffix.lower()
    try:
        if suffix in _MHTML_SUFFIXES:
            return html_as_text(_mhtml_page(data))
        text = decode(data, html=suffix in _HTML_SUFFIXES)
    except DecodeError as exc:
        raise NotText(str(exc)) from exc
    if suffix in _HTML_SUFFIXES or (not suffix and text.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))):
        return html_as_text(text)
    return text


def _mhtml_page(data: bytes) -> str:
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            try:
                html = part.get_content()
            except (LookupError, UnicodeError, ValueError) as exc:
                raise IngestError(f"MHTML page part cannot be decoded: {exc}") from exc
            if isinstance(html, str) and html.strip():
                return html
    raise IngestError("no HTML page inside the MHTML file")


def html_as_text(html: str) -> str:
    """Every block of the page in order, on its own lines and wrapped;
    headings underlined, list items bulleted, preformatted text kept as it is."""
    from lxml import etree
    from lxml import html as lxml_html

    if not html.strip():
        return ""
    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    out: list[tuple[str, str]] = []  # (tag, its lines), a blank line between blocks
    words: list[str] = []  # the block being read
    kinds: list[str] = []  # the open blocks' tags, innermost last
    skipping = 0
    pre = 0

    def flush() -> None:
        text = "".join(words)
        words.clear()
        kind = kinds[-1] if kinds else "p"
        if pre:
            if text.strip("\n"):
                out.append(("pre", text.strip("\n")))
            return
        text = _SPACES.sub(" ", text).strip()
        if not text:
            return
        if kind in ("h1", "h2", "h3", "h4", "h5", "h6"):
            lines = textwrap.wrap(text, WIDTH)
            rule = ("=" if kind in ("h1", "h2") else "-") * min(WIDTH, max(map(len, lines)))
            out.append((kind, "\n".join(lines) + "\n" + rule))
        elif kind == "li":
            out.append((kind, textwrap.fill(text, WIDTH, initial_indent="  • ", subsequent_indent="    ")))
        elif kind == "blockquote":
            out.append((kind, textwrap.fill(text, WIDTH, initial_indent="  │ ", subsequent_indent="  │ ")))
        else:
            out.append((kind, textwrap.fill(text, WIDTH)))

    for event, el in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event in ("comment", "pi"):  # not shown; the text after it is
            if el.tail and not skipping:
                words.append(el.tail)
            continue
        tag = el.tag.lower()
        if event == "start":
            if skipping or tag in _NOT_SHOWN:
                skipping += 1
                continue
            if tag in _BLOCKS:
                flush()
                kinds.append(tag)
                pre += tag == "pre"
            elif tag == "br":
                words.append("\n" if pre else " ")
            elif tag in ("td", "th"):
                words.append(" ")
            if el.text:
                words.append(el.text)
        else:
            if skipping:
                skipping -= 1
            else:
                if tag in _BLOCKS:
                    flush()
                    pre -= tag == "pre"
                    kinds.pop()
                    if tag == "hr":
                        out.append(("hr", "─" * 20))
            if el.tail and not skipping:
                words.append(el.tail)
    flush()
    shown = []
    for n, (kind, text) in enumerate(out):
        # A list's items one under the other; a blank line between other blocks.
        shown.append(("\n" if kind == "li" and out[n - 1][0] == "li" else "\n\n") if n else "")
        shown.append(text)
    return "".join(shown) + "\n"
