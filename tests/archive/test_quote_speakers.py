"""A quotation is listed once with one speaker, and the speaker is spelled as
the archive's entity: the name the article's mentions were merged into, and
after a merge correction the name merged into."""

from __future__ import annotations

from pathlib import Path

from reader.model import Block
from reader.text.corrections import Correction
from reader.text.entities import find_entities
from reader.text.quotes import find_quotes
from tests.conftest import run_import

STORY = (
    "Harbour deal stalls\n\n"
    "Mayor Ines Varga met the Harbour Board on Monday to discuss the new pier.\n\n"
    '"A deal is close," Varga told reporters. "We will sign it by spring."\n\n'
    "Board chair Tom Lind said: “We are not there yet.\n\n"
    "“The costs have doubled since the storm.”\n\n"
    "“It is a good plan,” Lind said later, “but not at any price.”\n"
)


def test_each_quotation_has_one_speaker_and_is_listed_once(archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "src"
    src.mkdir()
    (src / "harbour.txt").write_text(STORY, encoding="utf-8")
    run_import(archive, src)
    # Saved again, changed: the article is analysed again, its quotes replaced, not added.
    (src / "harbour.txt").write_text(STORY + "\nThe vote is in May.\n", encoding="utf-8")
    run_import(archive, src)
    rows = archive.quotes(None, "", 50)
    texts = [text for _, _, _, _, text in rows]
    assert len(texts) == len(set(texts)) == 5  # the quotation over two paragraphs is one
    # Mentions of Varga and Lind are spelled as the entity they were merged into.
    entities = {name for name, _, _, _ in archive.entities(limit=100)}
    speakers = {speaker for _, _, speaker, _, _ in rows}
    assert speakers == {"Ines Varga", "Tom Lind"} and speakers <= entities


def test_a_speaker_follows_a_merge_correction(archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "src"
    src.mkdir()
    (src / "harbour.txt").write_text(STORY, encoding="utf-8")
    run_import(archive, src)
    archive.correct(Correction("merge", "Tom Lind", "Ines Varga"))
    speakers = {speaker for _, _, speaker, _, _ in archive.quotes(None, "", 50)}
    assert speakers == {"Ines Varga"}
    assert archive.quotes("Tom Lind", "", 50) == []


def test_no_two_quotes_share_a_span_and_speakers_are_entity_names() -> None:
    paragraphs = STORY.split("\n\n")[1:]
    blocks = [Block("paragraph", p.strip()) for p in paragraphs]
    entities = find_entities(blocks)
    quotes = find_quotes(blocks, entities)
    starts = [(q.block, q.start) for q in quotes]
    assert len(starts) == len(set(starts))
    names = {e.name for e in entities}
    assert all(q.speaker in names for q in quotes if q.kind == "speech")


def test_a_columns_i_said_goes_to_its_byline(archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # The importer hands the article's byline to attribution: "I" of a
    # first-person piece whose text never names its narrator is its author.
    src = tmp_path / "src"
    src.mkdir()
    column = (
        "A morning on the new quay\n\n"
        "By Ann Lindqvist\n\n"
        "I went down to the harbour on Monday. I wanted to see the new quay before the crowds.\n\n"
        'The foreman, Tom Reid, showed me round. "It took two years," he said.\n\n'
        'I said, "It was worth the wait."\n'
    )
    (src / "quay.txt").write_text(column, encoding="utf-8")
    run_import(archive, src)
    speakers = {text: speaker for _, _, speaker, _, text in archive.quotes(None, "", 50)}
    assert speakers == {"It took two years,": "Tom Reid", "It was worth the wait.": "Ann Lindqvist"}
