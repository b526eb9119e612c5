"""What reading a file can end in besides articles: a failure, or a skip with its reason."""

from __future__ import annotations


class IngestError(Exception):
    """A file in an article format that could not be turned into an article."""


class NotAnArticle(IngestError):
    """A file we do not read as an article (its format, or no text layer): skipped, with the reason."""
