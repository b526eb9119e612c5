"""Showing text in the reader's pager ($PAGER, else less) with the app suspended.

The pager gets a temporary file of text already made safe (the source's escape
codes and OSC 8 links stripped), so no pager option or $PAGER choice can make
the terminal run them; `less` is started without -R for the same reason.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile

from textual.app import App, SuspendNotSupported

DEFAULT_PAGER = "less"


def page_text(app: App[object], text: str, name: str) -> None:
    """Suspend the app, show `text` in the pager, come back when it quits."""
    pager = shlex.split(os.environ.get("PAGER") or DEFAULT_PAGER)
    stem = "".join(c if c.isalnum() or c in "-_." else "-" for c in name)[:60]
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", prefix=f"newsreader-{stem}-", suffix=".txt", delete=False
    ) as shown:
        shown.write(text)
    try:
        with app.suspend():
            subprocess.call([*pager, shown.name])
    except SuspendNotSupported:  # a terminal (or test driver) the app cannot hand over
        app.notify("This terminal cannot hand the screen to a pager", severity="warning")
    finally:
        os.unlink(shown.name)
