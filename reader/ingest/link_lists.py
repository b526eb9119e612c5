"""Files that hold links, not articles: a read-later tool's list export
(Pocket's `ril_export.html` and its CSV, Instapaper's HTML and CSV), a
browser's bookmarks file, and one bookmark (`.url`, `.webloc`). newsreader
reads saved text and never downloads pages, so these are skipped, with a
reason that says what the file is and what to bring instead.
"""

from __future__ import annotations

import re

_NO_TEXT = "newsreader does not download pages"

# A tool's export, by the marks its writer always puts in the file's head.
_EXPORTS = (
    (re.compile(rb"<title>\s*Pocket Export\s*</title>", re.I), "a Pocket export"),
    (re.compile(rb"<title>\s*Instapaper: Export\s*</title>", re.I), "an Instapaper export"),
    (re.compile(rb"<!DOCTYPE NETSCAPE-Bookmark-file-1>", re.I), "a bookmarks file"),
    (re.compile(rb"^\s*title,url,time_added,", re.I), "a Pocket export"),
    (re.compile(rb"^\s*URL,Title,Selection,Folder,Timestamp", re.I), "an Instapaper export"),
)
_URL_LINE = re.compile(rb"^URL=(\S+)", re.M)
_WEBLOC_URL = re.compile(rb"<key>URL</key>\s*<string>([^<]+)</string>")


def links_only(head: bytes, suffix: str) -> str | None:
    """Why a file of links is not imported (`head`: its first bytes), or None for any other file."""
    text = head.lstrip(b"\xef\xbb\xbf")
    if suffix in (".url", ".webloc", ".website") or text.startswith(b"[InternetShortcut]"):
        found = _URL_LINE.search(text) or _WEBLOC_URL.search(text)
        if found is None and (suffix != ".webloc" or b"bplist00" not in text[:8]):
            return None
        target = f" to {found.group(1).decode('utf-8', 'replace').strip()}" if found else ""
        return f"a bookmark{target}, not a saved page ({_NO_TEXT}: save the page itself)"
    for mark, what in _EXPORTS:
        if mark.search(text):
            return f"{what}: links without the articles' text ({_NO_TEXT})"
    return None
