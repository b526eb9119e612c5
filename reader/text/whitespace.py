"""Whitespace as one space: what page text and metadata values are squashed to."""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and strip."""
    return _WS.sub(" ", text).strip()
