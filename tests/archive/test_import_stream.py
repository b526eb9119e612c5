"""The importer's stream of prepared files: every file in order, and a window
ahead of the store bounded by count and by the files' bytes."""

from __future__ import annotations

import concurrent.futures
import os
from concurrent.futures import Future
from pathlib import Path

import pytest

from reader.archive import importer
from tests.bench.corpus import write_corpus


class _InlineExecutor:
    """Runs each job at once in this process and records it: what the stream
    asked for ahead of what it handed on."""

    submitted: list[str] = []

    def __init__(self, *args: object, **kwargs: object) -> None:
        _InlineExecutor.submitted = []

    def submit(self, fn, name: str) -> Future:
        future: Future = Future()
        future.set_result(fn(name))
        _InlineExecutor.submitted.append(name)
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


@pytest.fixture
def files(tmp_path: Path, monkeypatch) -> list[str]:
    monkeypatch.setattr(importer, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(importer.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _InlineExecutor)
    write_corpus(tmp_path / "corpus", 30, kb=1.5)
    return sorted(str(p) for p in (tmp_path / "corpus").rglob("article-*"))


def _ahead(archive, files: list[str]) -> tuple[list[importer.Prepared], list[int], list[int]]:
    """What the stream handed on, and how many files (and their bytes) it had
    asked for beyond them at each hand-over."""
    got: list[importer.Prepared] = []
    ahead: list[int] = []
    ahead_bytes: list[int] = []
    for prepared in importer.prepared_in_order(archive.store, files, {}, workers=2):
        assert prepared is not None
        got.append(prepared)
        waiting = _InlineExecutor.submitted[len(got) :]
        ahead.append(len(waiting))
        ahead_bytes.append(sum(os.path.getsize(f) for f in waiting))
    return got, ahead, ahead_bytes


def test_the_window_holds_no_more_than_its_bytes(archive, files: list[str], monkeypatch) -> None:
    # A folder of large pages holds fewer of them ahead: four files' bytes here,
    # where the count alone (PREPARE_AHEAD) would take all thirty.
    largest = max(os.path.getsize(f) for f in files)
    monkeypatch.setattr(importer, "PREPARE_AHEAD_BYTES", 4 * largest, raising=False)
    got, ahead, ahead_bytes = _ahead(archive, files)
    assert [p.path for p in got] == files
    assert 4 * largest <= max(ahead_bytes) < 5 * largest  # filled until it holds the bytes, no further
    assert max(ahead) < 10
    # Each file as prepare() makes it, though it waited pickled.
    assert got[7] == importer.prepare(Path(files[7]))


def test_the_window_holds_no_more_than_its_count(archive, files: list[str], monkeypatch) -> None:
    monkeypatch.setattr(importer, "PREPARE_AHEAD", 5)
    got, ahead, _ = _ahead(archive, files)
    assert [p.path for p in got] == files
    assert max(ahead) == 5
    assert ahead[-1] == 0


def test_a_file_larger_than_the_window_still_comes(archive, files: list[str], monkeypatch) -> None:
    monkeypatch.setattr(importer, "PREPARE_AHEAD_BYTES", 1, raising=False)
    got, ahead, _ = _ahead(archive, files)
    assert [p.path for p in got] == files
    assert max(ahead) <= 1


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities here")
def test_workers_yield_the_cpu_to_the_importing_process() -> None:
    # The importing process stores and writes the index steps; a worker that
    # ran level with it took half its core through each step.
    import multiprocessing

    from reader.archive.lifeline import lifeline

    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=1, mp_context=context, initializer=importer._worker_init, initargs=({}, lifeline())
    ) as pool:
        worker_nice = pool.submit(os.nice, 0).result()
    assert worker_nice == min(19, os.nice(0) + importer.WORKER_NICE)


def test_the_workers_are_gone_once_every_file_is_taken(archive, tmp_path: Path, monkeypatch) -> None:
    # The index pass at the end of an import starts helpers of its own: the
    # analysis workers' memory must be free by then.
    import multiprocessing

    monkeypatch.setattr(importer, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(importer.os, "cpu_count", lambda: 2)
    write_corpus(tmp_path / "corpus", 12, kb=1.0)
    files = sorted(str(p) for p in (tmp_path / "corpus").rglob("article-*"))
    stream = importer.prepared_in_order(archive.store, files, {}, workers=2)
    got = [next(stream) for _ in files]
    assert multiprocessing.active_children()  # the workers are there while files are left
    assert next(stream, None) is None
    assert [p.path for p in got if p is not None] == files
    assert multiprocessing.active_children() == []
