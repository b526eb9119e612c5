"""Where a "— Speaker" label goes: at a sentence's end, not at a question or
exclamation mark (or an abbreviation's point) that the sentence goes on after;
and with more of the paragraph after it, set off on both sides. Seen on the
real archive: 'make “why are we polarized?” — speaker unknown his book’s
central question?' and 'Massachusetts? — speaker unknown In the U.S., …' read
as run-on sentences."""

from __future__ import annotations

from reader.text.speaker_labels import speaker_labels


def _after(text: str, words: str) -> int:
    return text.index(words) + len(words)


def test_a_quote_ending_in_a_question_mark_mid_sentence_is_labelled_at_its_end() -> None:
    text = '"Why not now?" asked Ann Berg at the council on Monday. The ferries wait.'
    labels = speaker_labels(text, [(_after(text, 'now?"'), "Ann Berg")])
    assert labels == {_after(text, "Monday."): " — Ann Berg —"}


def test_a_quoted_exclamation_inside_a_sentence_is_labelled_at_the_sentence_end() -> None:
    text = 'She called it "the end of the line!" in a letter to the council. Others agreed.'
    labels = speaker_labels(text, [(_after(text, 'line!"'), "")])
    assert labels == {_after(text, "council."): " — speaker unknown —"}


def test_an_abbreviations_point_is_no_sentence_end() -> None:
    text = '"We wait," said Ann Berg of the U.S. team on Monday. Nothing moved.'
    labels = speaker_labels(text, [(_after(text, 'wait,"'), "Ann Berg")])
    assert labels == {_after(text, "Monday."): " — Ann Berg —"}


def test_a_question_that_ends_its_sentence_keeps_its_label() -> None:
    text = 'Lee asked: "Who pays for the pier?" The council did not answer.'
    labels = speaker_labels(text, [(_after(text, 'pier?"'), "Lee")])
    assert labels == {_after(text, 'pier?"'): " — Lee —"}


def test_a_label_ending_its_paragraph_has_no_closing_dash() -> None:
    text = 'The council did not answer. Lee asked: "Who pays for the pier?"  '
    labels = speaker_labels(text, [(_after(text, 'pier?"'), "Lee")])
    assert labels == {_after(text, 'pier?"'): " — Lee"}
