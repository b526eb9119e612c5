"""Reading an index that opened: a failure inside it is damage, said as
IndexDamaged with the fix (`newsreader reindex`); the archive's own errors pass."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from reader.archive.disk_full import DiskFull
from reader.archive.index.search import QueryError
from reader.archive.index.whoosh_index import IndexDamaged
from reader.archive.store.database import StoreError, StoreReadError

log = logging.getLogger(__name__)


@contextmanager
def reading_index() -> Iterator[None]:
    """Failures reading an index that opened are damage inside it: said as
    IndexDamaged (with the fix), the details logged. Query errors pass."""
    try:
        yield
    except (QueryError, IndexDamaged, StoreError, DiskFull):
        raise
    except StoreReadError:
        raise  # the store's damage, not the index's: the CLI and the app say so
    except Exception as exc:
        # The message says what to do; the traceback is for --verbose.
        log.info("reading the index failed", exc_info=True)
        raise IndexDamaged(exc) from exc
