"""Minimal PDFs written by hand for the tests: pages of text lines in Helvetica
at given positions and sizes, an info dictionary, or an image-only page."""

from __future__ import annotations

import zlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    text: str
    x: float
    y: float  # from the bottom of an A4 page (842 points high)
    size: float = 11.0
    bold: bool = False


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pdf_string(text: str) -> bytes:
    # WinAnsiEncoding, as the fonts declare: "•" is one byte there.
    return b"(" + _escape(text).encode("cp1252") + b")"


def make_pdf(pages: list[list[Line]], info: dict[str, str] | None = None, image_pages: int = 0) -> bytes:
    """A PDF of text pages, then `image_pages` pages holding only a grey image (a scan)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    regular = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    kids: list[int] = []
    for lines in pages:
        ops = []
        for line in lines:
            font = b"/F2" if line.bold else b"/F1"
            ops.append(
                b"BT "
                + font
                + b" %.1f Tf %.1f %.1f Td " % (line.size, line.x, line.y)
                + _pdf_string(line.text)
                + b" Tj ET"
            )
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>" % (pages_id, content, regular, bold)
            )
        )
    for _ in range(image_pages):
        pixels = zlib.compress(bytes([128]) * (64 * 64))
        image = add(
            b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream"
        )
        stream = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /XObject << /Im1 %d 0 R >> >> >>" % (pages_id, content, image)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    info_id = None
    if info:
        info_id = add(b"<< " + b" ".join(b"/" + k.encode() + b" " + _pdf_string(v) for k, v in info.items()) + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info_id:
        trailer += b" /Info %d 0 R" % info_id
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def wrap(text: str, width: int = 80) -> list[str]:
    """Words into lines of at most `width` characters."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    return lines


def article_pages(
    title: str,
    paragraphs: list[list[str]],
    *,
    header: str | None = None,
    footer: str | None = None,
    headings: dict[int, str] | None = None,
) -> list[list[Line]]:
    """Pages laid out like a printed article: a big title on page one, paragraphs
    of 11-point lines, a 15-point heading before the paragraphs `headings` names,
    a running header and a footer with the page number on every page.
    `paragraphs` is a list per page of paragraph texts."""
    pages = []
    for n, texts in enumerate(paragraphs, start=1):
        lines: list[Line] = []
        if header:
            lines.append(Line(header, 72, 800, 8))
        y = 760.0
        if n == 1:
            lines.append(Line(title, 72, y, 22, bold=True))
            y -= 40
        for i, text in enumerate(texts):
            key = sum(len(p) for p in paragraphs[: n - 1]) + i
            if headings and key in headings:
                lines.append(Line(headings[key], 72, y, 15, bold=True))
                y -= 26
            for row in wrap(text):
                lines.append(Line(row, 72, y))
                y -= 14
            y -= 12
        if footer is not None:
            lines.append(Line(footer.format(page=n, pages=len(paragraphs)), 72, 40, 8))
        pages.append(lines)
    return pages
