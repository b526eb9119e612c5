"""Speaker cues before the quotation: the verbs of its sentence and their subjects."""

from __future__ import annotations

from tests.text.speech import speakers as _said


def test_a_verb_joined_on_with_and_shares_the_sentences_subject() -> None:
    # Not the name nearest the verb, the object of the verb before it.
    assert _said(
        "Margit Sandvik, the harbour master, praised the crews that rescued Tomas Berg "
        'during the storm and said: "They are heroes, every one of them."'
    ) == ["Margit Sandvik"]
    # A pronoun opening the sentence is its subject.
    assert _said(
        "Margit Sandvik runs the harbour.",
        'She praised the crews that rescued Tomas Berg and said: "They are heroes, every one of them."',
    ) == ["Margit Sandvik"]


def test_a_name_inside_an_opening_phrase_is_not_the_subject() -> None:
    assert _said(
        'In his first Gazette interview of the year, Tomas Berg praised the crews and noted they were "heroes, every one."'
    ) == ["Tomas Berg"]


def test_a_name_of_a_place_before_the_verb_is_the_name_not_the_place() -> None:
    # "Senator Mitch McConnell of Kentucky called the debt “…”" had gone to Kentucky.
    assert _said(
        'Sen. Margit Sandvik of Norway quickly accused the board of arguing "the harbour would be better off '
        'without ferries at all."'
    ) == ["Margit Sandvik"]


def test_a_short_lead_in_with_a_speech_verb_introduces_the_next_paragraphs_quote() -> None:
    quote = "“The harbour will not reopen before the spring, whatever the board says.”"
    assert _said("Margit Sandvik covered the vote for the Gazette. She writes:", quote) == ["Margit Sandvik"]
    assert _said("As Margit Sandvik reports in the Gazette:", quote) == ["Margit Sandvik"]
    # A heading is no lead-in.
    assert _said("Margit Sandvik covered the vote.", "WHAT SHE SAID:", quote) == [None]


def test_the_subject_of_a_clause_after_that_does_not_say_the_quote() -> None:
    # 'Prosecutors alleged that Lee “…”': the prosecutors' words, of no one named.
    assert _said(
        'Prosecutors alleged that Tomas Berg "cheated and underpaid dozens of workers" at his yards in Oslo.'
    ) == [None]
    # The sentence's own subject still says it.
    assert _said('Tomas Berg called the plan "a mess" at his yards in Oslo.') == ["Tomas Berg"]


def test_a_participle_after_a_comma_has_the_pronoun_opening_its_sentence_as_subject() -> None:
    assert _said(
        "Margit Sandvik lost the harbour vote on Tuesday. "
        'She has apologized, saying it had been "a serious error of judgment."'
    ) == ["Margit Sandvik"]
    # Not a name opening the sentence inside a description of the speaker.
    assert _said(
        'The leader of the Harbour Party, Margit Sandvik, condemned the attack, saying it "will not break us."'
    ) == ["Margit Sandvik"]


def test_an_adverb_a_contraction_or_a_term_in_capitals_is_no_speakers_name() -> None:
    # Capitalised by their place or by convention, they name no one.
    assert _said('Naturally, one can enjoy lines such as: "The harbour is calling me home tonight."') == [None]
    assert _said('Talk about things I never thought I’d say: "I am having surgery tomorrow."') == [None]
    assert _said('As the debate on what to call SEO goes on, some cite "integrated marketing" as the answer.') in (
        [],
        [None],
    )
    # Nor is a phrase that ends in a word of degree a description of anyone.
    assert _said('People reject even the most well argued opinions from people who are not "experts" at all.') in (
        [],
        [None],
    )
