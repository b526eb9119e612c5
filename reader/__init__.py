"""newsreader: a keyboard-driven terminal reader for offline archives of saved articles.

This module imports nothing heavy: `newsreader search` must not pay for Textual.
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
