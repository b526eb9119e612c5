"""The index queue: a change queued while a step is being written is not lost
when that step takes its rows off the queue."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.archive import Archive
from reader.archive.index import upkeep as upkeepmod
from reader.archive.store.database import Store
from reader.text.normalize import content_hash
from tests.conftest import run_import


def test_a_change_queued_while_a_step_writes_is_indexed_by_the_next_step(
    tmp_path: Path, fixtures_dir: Path, monkeypatch
) -> None:
    """The step has read the article; before its commit, another connection
    changes the article and queues it again. The queue row must survive the step."""
    with Archive(tmp_path / "d") as archive:
        run_import(archive, fixtures_dir)
        [hit] = archive.search("sauna").hits
        stored = archive.get(hit.id)
        assert stored is not None
        with archive.store.transaction():
            archive.store.marks.set_tags(hit.id, ["first"])  # queued: the step below writes it

        write = upkeepmod.ixmod.apply_chunks

        def write_while_changed(ix, found, wanted, **kw):  # type: ignore[no-untyped-def]
            found = list(found)  # the step has read what it writes
            other = Store(archive.store.path)
            newer = replace(stored.article, title="Quayside sauna reopens")
            with other.transaction():
                other.update_article(hit.id, newer, content_hash(newer.title, newer.body))
            other.close()
            write(ix, found, wanted, **kw)

        monkeypatch.setattr(upkeepmod.ixmod, "apply_chunks", write_while_changed)
        archive.upkeep.index_step()
        monkeypatch.setattr(upkeepmod.ixmod, "apply_chunks", write)
        assert archive.store.index_queue.ids() == [hit.id]  # the newer change waits for the next step
        archive.upkeep.index_step()
        assert archive.store.index_queue.ids() == []
        assert [h.id for h in archive.search("quayside").hits] == [hit.id]
