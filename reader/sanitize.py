"""Make untrusted text safe for a terminal: no control sequences, no bidi tricks.

Shared by the CLI and the app. Article text is written by strangers; an ESC or
OSC sequence in it must never reach the terminal, and a bidi override must not
reorder what the reader sees.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST),
# DCS/SOS/PM/APC (ESC P/X/^/_ ... ST), and two-byte escapes (ESC + one char).
_ESCAPE_SEQ = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?              # CSI
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?  # OSC, including OSC 8 hyperlinks
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?       # DCS, SOS, PM, APC
    | \x1b.?                              # any other escape
    | \x9b[0-?]*[ -/]*[@-~]?              # 8-bit CSI
    | \x9d[^\x07\x9c]*(?:\x07|\x9c)?      # 8-bit OSC
    """,
    re.VERBOSE,
)
# C0 controls except tab and newline, DEL, C1 controls, bidi overrides and
# isolates, and the private-use characters the snippet formatter uses as marks.
_WHITESPACE = re.compile(r"\s+")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ue000\ue001]")


def clean_text(text: str) -> str:
    """Strip terminal control sequences and bidi controls; keep tabs and newlines.

    Carriage returns become newlines, so a "\\r" can't overwrite a line in place.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQ.sub("", text)
    return _CONTROL.sub("", text)


def clean_line(text: str) -> str:
    """As clean_text, for one-line fields (titles, sites): newlines become spaces."""
    return " ".join(clean_text(text).split())


def clean_inline(text: str) -> str:
    """As clean_line, but keeps a single space at the edges (for text pieces
    that are joined, like the parts of a snippet)."""
    return _WHITESPACE.sub(" ", clean_text(text))
