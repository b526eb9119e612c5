"""Speaker cues after the quotation: its tag."""

from __future__ import annotations

from tests.text.speech import speakers as _said


def test_a_clause_then_said_and_a_name_goes_to_the_name_after_the_verb() -> None:
    # The place in the clause finishing the quote's sentence does not speak.
    assert _said(
        'There is "less room for delay than ever before" in Norway, said Margit Sandvik, the harbour master.'
    ) == ["Margit Sandvik"]
    # Nor does a clause with no name make the quote no one's.
    assert _said(
        '"We are doing everything we can" to keep the ferries running, says Margit Sandvik, a spokeswoman.'
    ) == ["Margit Sandvik"]


def test_a_name_opening_the_tag_still_speaks() -> None:
    assert _said('"We will reopen in May," Margit Sandvik, the harbour master, said Tuesday.') == ["Margit Sandvik"]


def test_he_goes_to_the_subject_of_a_clause_joined_on_with_but() -> None:
    # "… but Blakemore quickly defused the situation. “…,” he said": the
    # nearest man is a subject too, though he does not open the sentence.
    said = _said(
        "Tomas Berg runs the ferries from the north quay.",
        'The crews would get no bonus this year but Erik Lund quickly calmed the room. "Nobody asked for one," he said.',
    )
    assert said == ["Erik Lund"]
    # Two names joined by "and" are no clause: the man who opens the sentence stays its subject.
    said = _said('Tomas Berg said the crews and Erik Lund planned a strike. "It was never a strike," he said.')
    assert said == ["Tomas Berg"]


def test_according_to_after_the_quote_names_its_source() -> None:
    assert _said('"We will reopen the quay in May," according to Margit Sandvik, the harbour master.') == [
        "Margit Sandvik"
    ]
    # Not a place in the clause before it.
    assert _said(
        'The mayor was greeted with chants of "Bobby!" at a rally in Bergen last month, '
        "according to harbour master Margit Sandvik."
    ) == ["Margit Sandvik"]
    # A paper reports what the sentence's subject said; a description in "the words of" speaks.
    assert _said('Margit Sandvik called the plan "heartbreaking," according to the Harbour Gazette.') == [
        "Margit Sandvik"
    ]
    assert _said('The crews watched the match, a "mindless escape," in the words of one harbour official.') == [
        "one harbour official"
    ]


def test_a_quote_split_by_its_tag_keeps_the_tag_after_the_next_quote_for_that_one() -> None:
    # '“Fine,” she said, “go home.” “Never,” Kerr replied': "go home" is hers;
    # "Kerr replied" tags the quotation after it, not this one.
    said = _said(
        "Margit Sandvik met Tomas Berg at the quay.",
        "“Fine,” she said, “go home.” “Never,” Berg replied.",
    )
    assert said == ["Margit Sandvik", "Margit Sandvik", "Tomas Berg"]
    # Without the split tag the quote's own tag after the next one is unchanged.
    said = _said("Margit Sandvik met Tomas Berg at the quay.", "“Go home.” “Never,” Berg replied.")
    assert said[1:] == ["Tomas Berg"]


def test_a_verb_of_how_it_was_said_tags_the_quote() -> None:
    assert _said("“Leave the dog alone,” growled Tomas Berg.") == ["Tomas Berg"]
    assert _said("Margit Sandvik came in. “It is gone!” she cried.") == ["Margit Sandvik"]
