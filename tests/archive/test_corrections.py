"""Entity corrections: unknown names refused, every correction undoable,
saved searches following renames."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.archive.archive import CorrectionRefused
from reader.cli import main
from reader.text.corrections import Correction
from tests.conftest import run_import

STORY = (
    "Harbour talks stall again\n\nMayor Ines Varga said talks with the Harbour Board had stalled. "
    '"A deal is close," Varga told reporters in Kalmar. Storm Petra closed the bridge.\n'
)
LATER = (
    "Harbour deal signed\n\nInes Varga signed the harbour deal on Friday in Kalmar, "
    "after Storm Petra had delayed the vote. The Harbour Board welcomed it.\n"
)


@pytest.fixture
def corrected(archive, tmp_path: Path):  # type: ignore[no-untyped-def]
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(STORY, encoding="utf-8")
    (src / "b.txt").write_text(LATER, encoding="utf-8")
    run_import(archive, src)
    return archive


def names(archive) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {n: t for n, t, _, _ in archive.entities(limit=100)}


@pytest.mark.parametrize(
    ("correction", "message"),
    [
        (Correction("merge", "Ines Varga", "Nobody Here"), "no entity named “Nobody Here”"),
        (Correction("type", "Nosuchname", "PLACE"), "no entity named “Nosuchname”"),
        (Correction("rename", "Nosuchname", "Other"), "no entity named “Nosuchname”"),
        (Correction("reject", "Nosuchname"), "no entity named “Nosuchname”"),
        (Correction("merge", "Ines Varga", "ines varga"), "into itself"),
    ],
)
def test_unknown_names_are_refused_and_nothing_changes(corrected, correction, message) -> None:  # type: ignore[no-untyped-def]
    before = names(corrected)
    with pytest.raises(CorrectionRefused, match=message):
        corrected.correct(correction)
    assert names(corrected) == before and corrected.corrections() == []


@pytest.mark.parametrize(
    "correction",
    [
        Correction("rename", "Ines Varga", "Ines Varga-Holm"),
        Correction("merge", "Storm Petra", "Harbour Board"),
        Correction("type", "Harbour Board", "PLACE"),
        Correction("reject", "Storm Petra"),
    ],
)
def test_every_correction_can_be_undone(corrected, correction) -> None:  # type: ignore[no-untyped-def]
    before = names(corrected)
    speakers = [q[2] for q in corrected.quotes(None, "", 10)]
    assert corrected.correct(correction) >= 1
    assert names(corrected) != before
    assert corrected.undo_correction() == correction
    assert names(corrected) == before
    assert [q[2] for q in corrected.quotes(None, "", 10)] == speakers
    assert corrected.corrections() == []
    assert corrected.search('entity:"Storm Petra"').total == 2


def test_undo_takes_back_only_the_last(corrected) -> None:  # type: ignore[no-untyped-def]
    assert corrected.undo_correction() is None  # nothing to undo
    corrected.correct(Correction("rename", "Ines Varga", "Ines V"))
    corrected.correct(Correction("rename", "Ines V", "Ines Varga-Holm"))
    assert corrected.undo_correction() == Correction("rename", "Ines V", "Ines Varga-Holm")
    assert "Ines V" in names(corrected) and "Ines Varga-Holm" not in names(corrected)


def test_saved_searches_follow_a_rename_and_its_undo(corrected) -> None:  # type: ignore[no-untyped-def]
    from reader.model import SearchFilters

    corrected.save_search("varga", 'entity:"Ines Varga" AND harbour')
    corrected.save_search("by filter", "", SearchFilters(entity="Ines Varga"))
    corrected.save_search("speaker", 'speaker:"ines varga" OR person:Kalmar')
    counts = {s.name: s.matches for s in corrected.saved_searches()}
    assert counts["varga"] == 2 and counts["by filter"] == 2
    corrected.correct(Correction("rename", "Ines Varga", "I. Varga"))
    corrected.correct(Correction("rename", "I. Varga", "Ines Varga-Holm"))
    found = {s.name: s for s in corrected.saved_searches()}
    assert found["varga"].query == 'entity:"Ines Varga-Holm" AND harbour'
    assert found["varga"].matches == 2 and found["by filter"].matches == 2
    assert found["by filter"].filters.entity == "Ines Varga-Holm"
    assert found["speaker"].query == 'speaker:"Ines Varga-Holm" OR person:Kalmar'
    assert found["speaker"].matches == 1
    corrected.undo_correction()
    corrected.undo_correction()
    assert corrected.saved_search("varga").query == 'entity:"Ines Varga" AND harbour'
    assert corrected.saved_search("varga") is not None


def test_the_command_refuses_lists_and_undoes(corrected, capsys) -> None:  # type: ignore[no-untyped-def]
    data = ["--data-dir", str(corrected.root)]
    corrected.close()
    capsys.readouterr()
    assert main([*data, "correct", "type", "Nosuchname", "place"]) == 1
    assert "no entity named “Nosuchname”" in capsys.readouterr().err
    assert main([*data, "correct", "merge", "Ines Varga", "Nobody"]) == 1
    assert "use rename" in capsys.readouterr().err
    assert main([*data, "correct", "--list"]) == 0
    assert "No corrections yet" in capsys.readouterr().out
    assert main([*data, "correct", "rename", "Ines Varga", "Ines Varga-Holm"]) == 0
    assert "2 articles changed" in capsys.readouterr().err
    assert main([*data, "correct", "--undo"]) == 0
    assert "undid “Ines Varga” → “Ines Varga-Holm”" in capsys.readouterr().err
    assert main([*data, "correct", "--undo"]) == 1
    assert "no corrections to undo" in capsys.readouterr().err
    assert main([*data, "entities", "--json"]) == 0
    assert "Ines Varga-Holm" not in capsys.readouterr().out


def test_corrections_from_two_threads_at_once_both_land(corrected) -> None:  # type: ignore[no-untyped-def]
    """The app makes each correction in a worker thread on one Archive: two
    quick ones used to write the index together and fail with Whoosh's LockError."""
    import threading

    from reader.archive.index import whoosh_index as ixmod

    start, errors = threading.Barrier(2), []
    real_apply = ixmod.apply_chunks

    def slow_apply(*args, **kwargs):  # type: ignore[no-untyped-def]
        threading.Event().wait(0.2)  # hold the index writer long enough for the other thread to arrive
        return real_apply(*args, **kwargs)

    ixmod.apply_chunks = slow_apply
    try:

        def run(correction: Correction) -> None:
            start.wait()
            try:
                corrected.correct(correction)
            except Exception as exc:  # noqa: BLE001 - the test reports any failure
                errors.append(exc)

        threads = [
            threading.Thread(target=run, args=(Correction("reject", "Storm Petra"),)),
            threading.Thread(target=run, args=(Correction("rename", "Harbour Board", "Harbour Authority"),)),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    finally:
        ixmod.apply_chunks = real_apply
    assert errors == []
    found = names(corrected)
    assert "Storm Petra" not in found and "Harbour Authority" in found
    assert corrected.search('entity:"Harbour Authority"').total == 2
