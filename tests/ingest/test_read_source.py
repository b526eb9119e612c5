"""read_source: a file read in one buffer of its own size, and a file that grows while read."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from reader.ingest import IngestError, read_source


def test_a_small_file_is_read_without_a_buffer_of_the_size_limit(tmp_path: Path) -> None:
    # Asking read() for MAX_FILE_BYTES + 1 made CPython allocate that much
    # (26 MB) for every file before shrinking it to the bytes read.
    page = tmp_path / "a.txt"
    page.write_text("Title\n\nA paragraph of an article.\n" * 50, encoding="utf-8")
    tracemalloc.start()
    try:
        source = read_source(page)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert source.data == page.read_bytes()
    assert peak < 1_000_000


def _looked_at_when_smaller(mp: pytest.MonkeyPatch) -> None:
    """Path.stat reports 10 bytes: the file grew after it was looked at."""
    real_stat = Path.stat

    def smaller(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        st = real_stat(self, *args, **kwargs)  # type: ignore[arg-type]
        fields = list(st)
        fields[6] = 10  # st_size
        return type(st)(fields)

    mp.setattr(Path, "stat", smaller)


def test_a_file_longer_than_it_was_when_looked_at_is_read_to_its_end(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_bytes(b"x" * 100)
    with pytest.MonkeyPatch.context() as mp:
        _looked_at_when_smaller(mp)
        assert read_source(page).data == b"x" * 100


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_bytes(b"x" * 100)
    with pytest.MonkeyPatch.context() as mp:
        _looked_at_when_smaller(mp)
        mp.setattr("reader.ingest.MAX_FILE_BYTES", 50)
        with pytest.raises(IngestError, match="grew past the size limit"):
            read_source(page)
