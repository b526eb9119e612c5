"""A quoted question or exclamation followed by its speaker's name and a verb
('"Why not now?" Ann Berg asked the council.') is one sentence: the label goes
after it, not between the quote and the attribution (app15's report). Only
the speaker's own name (whole, in part, or after a title) counts: other
capitalised words after a question start a new sentence."""

from __future__ import annotations

import pytest

from reader.text.speaker_labels import speaker_labels


def _after(text: str, words: str) -> int:
    return text.index(words) + len(words)


@pytest.mark.parametrize(
    ("text", "quote_end", "sentence_end"),
    [
        ('"Why not now?" Ann Berg asked the council. The ferries wait.', 'now?"', "council."),
        ('"Stop the boats!" Berg shouted from the quay. Nobody moved.', 'boats!"', "quay."),
        ('"Is it over?" Mayor Ann Berg asked. The vote was close.', 'over?"', "asked."),
        ("“Who pays for this?” Ann Berg, the harbour master, wanted to know. No one did.", "this?”", "know."),
        ('"Not again…" Berg sighed on Monday. The tide turned.', 'again…"', "Monday."),
    ],
)
def test_a_question_followed_by_its_speakers_attribution_is_labelled_after_it(
    text: str, quote_end: str, sentence_end: str
) -> None:
    labels = speaker_labels(text, [(_after(text, quote_end), "Ann Berg")])
    assert labels == {_after(text, sentence_end): " — Ann Berg —"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Why not now?" The ferries wait at the quay.', "Ann Berg"),  # a new sentence
        ('"Who pays?" Harbour Street was quiet that night.', "Ann Berg"),  # capitalised, not the speaker
        ('"Who pays?" Tom Hale asked in reply. Nobody knew.', "Ann Berg"),  # someone else's question
        ('"Who pays?" Ann Berg. The council then voted.', "Ann Berg"),  # no verb after the name
        ('"Who pays?" Ann Berg asked.', ""),  # no speaker to look for
    ],
)
def test_a_question_not_followed_by_its_speakers_attribution_keeps_its_label(text: str, speaker: str) -> None:
    end = _after(text, '?"')
    assert list(speaker_labels(text, [(end, speaker)])) == [end]


def test_a_quote_closed_by_a_full_stop_keeps_its_label_before_a_name() -> None:
    """'"We wait." Ann Berg left.': the full stop ends the quote's sentence."""
    text = '"We wait." Ann Berg left the room. The ferries stayed.'
    end = _after(text, 'wait."')
    assert list(speaker_labels(text, [(end, "Ann Berg")])) == [end]
