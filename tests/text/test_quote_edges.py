"""Where a quotation ends: it never runs on across its own attribution, so the
speaker is found and no "— Speaker" label lands inside a quotation. Each case is
a shape found by tests/eval/check_quotes.py on real pages (sentences made up)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Block
from reader.text.entities import find_entities
from reader.text.quotes import find_quotes
from reader.text.speaker_labels import block_quotes, speaker_labels
from tests.eval.check_quotes import check_article, quote_depth


def _quotes(*paragraphs: str) -> list[tuple[int, str, str | None]]:
    blocks = [Block("paragraph", p) for p in paragraphs]
    return [(q.block, q.text, q.speaker) for q in find_quotes(blocks, find_entities(blocks)) if q.kind == "speech"]


def _findings(*paragraphs: str) -> list[str]:
    blocks = [Block("paragraph", p) for p in paragraphs]
    quotes = [q.to_dict() for q in find_quotes(blocks, find_entities(blocks))]
    return [kind for kind, _ in check_article(blocks, quotes)]


def test_a_nested_single_quote_closed_just_before_the_double_one_ends_there() -> None:
    # ,'" : the single mark closes the inner quote; it used to open a new one
    # (a quote mark follows it), and the quotation ran on over "Ann Berg said".
    text = '"My mother always told me, \'Keep the pier lights on,\'" Ann Berg said. "So we do."'
    assert _quotes(text) == [
        (0, "My mother always told me, 'Keep the pier lights on,", "Ann Berg"),
        (0, "So we do.", "Ann Berg"),
    ]
    assert _findings(text) == []


def test_an_inner_single_quote_left_open_closes_with_its_double_quote() -> None:
    text = '"The board wrote that \'the pier is safe for now," Ann Berg said. "We will see."'
    assert [speaker for _, _, speaker in _quotes(text)] == ["Ann Berg", "Ann Berg"]
    assert _findings(text) == []


def test_doubled_apostrophes_are_a_double_quote_mark() -> None:
    # ''…'' is how some papers' wires write a double quotation mark.
    text = "''We stay open,'' the harbour master said, ''whatever the weather.'' Ann Berg agreed."
    assert [t for _, t, _ in _quotes(text)] == ["We stay open,", "whatever the weather."]
    assert _findings(text) == []


def test_a_closing_mark_glued_to_the_attribution_still_closes() -> None:
    text = '"We stay open,"she told reporters. "Whatever the weather."'
    assert [t for _, t, _ in _quotes(text)] == ["We stay open,", "Whatever the weather."]


def test_a_quotation_over_paragraphs_may_reopen_with_a_straight_mark() -> None:
    # The page mixes curly and straight marks from one paragraph to the next:
    # the quotation still runs on, and its one label comes after its last paragraph.
    paragraphs = (
        "Harbour master Ann Berg said: “The pier stays shut this winter.",
        '"The ferries will use the north quay until March.',
        "“We will reopen in spring.”",
    )
    blocks = [Block("paragraph", p) for p in paragraphs]
    quotes = [q.to_dict() for q in find_quotes(blocks, find_entities(blocks))]
    assert [(q["block"], q.get("end_block", q["block"]), q["speaker"]) for q in quotes] == [(0, 2, "Ann Berg")]
    labelled = []
    for i, block in enumerate(blocks):
        _, quoted, ends = block_quotes(quotes, i, len(block.text))
        if speaker_labels(block.text, ends, quoted):
            labelled.append(i)
    assert labelled == [2]
    assert _findings(*paragraphs) == []


def test_the_checker_counts_a_label_inside_a_quotation() -> None:
    # A quote the finder stopped short of its end leaves its label inside.
    blocks = [Block("paragraph", 'Ann Berg said: "We stay. We wait." The ferries left.')]
    quotes = [{"block": 0, "start": 15, "end": 24, "text": "We stay.", "kind": "speech", "speaker": "Ann Berg"}]
    assert [kind for kind, _ in check_article(blocks, quotes)] == ["label_in_quote"]
    assert quote_depth(blocks[0].text, 23) == 1 and quote_depth(blocks[0].text, 34) == 0


_WORDS = st.sampled_from(["the pier", "Ann Berg", "said", "it's", "seas", "calm", "We", "she told"])
_PIECES = st.one_of(_WORDS, st.sampled_from(['"', "“", "”", "'", "''", "‘", "’", ".", ",", ":", "!", " ", ". "]))


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_every_quote_lies_inside_its_paragraph_and_in_order(text: str) -> None:
    blocks = [Block("paragraph", text)]
    quotes = find_quotes(blocks, find_entities(blocks))
    last = 0
    for q in quotes:
        assert last <= q.start < q.end <= len(text)
        last = q.end


def test_a_quotation_opening_with_a_quote_inside_it_still_opens() -> None:
    # "'… : the double mark opens before the single one (kept when ,'" became a close).
    text = "\"'The pier is shut,' the sign said. And so it was,\" Ann Berg said."
    assert _quotes(text) == [(0, "The pier is shut,' the sign said. And so it was,", "Ann Berg")]


def _kinds(text: str) -> list[tuple[str, str, str | None]]:
    blocks = [Block("paragraph", text)]
    return [(q.text, q.kind, q.speaker) for q in find_quotes(blocks, find_entities(blocks))]


def test_a_scare_quote_no_one_is_said_to_say_is_a_term() -> None:
    # A word or a short phrase standing in a sentence, with no speaker found: a
    # scare quote, kept out of the quote browser and the speaker labels.
    assert _kinds("The pier has become a “lifeline” for the island's ferries.") == [("lifeline", "term", None)]
    assert _kinds("On the quay the new toll was called a “desperate” move.") == [("desperate", "term", None)]
    assert _kinds("The “jobs machine” of the coast has stalled since the storm.") == [("jobs machine", "term", None)]
    # Longer, where a noun phrase stands ("my list of …", "the name of …"), in lower case.
    assert _kinds("The soup went straight onto my list of “best things I ate this year.” The broth is rich.") == [
        ("best things I ate this year.", "term", None)
    ]
    assert _kinds("The method bears the name of “bounded evidence accumulation.” It is slow.") == [
        ("bounded evidence accumulation.", "term", None)
    ]


def test_a_short_quote_with_a_speaker_or_a_sentence_of_its_own_stays_speech() -> None:
    assert _kinds("Harbour master Ann Berg called the storm “unprecedented”.") == [
        ("unprecedented", "speech", "Ann Berg")
    ]
    assert [k for _, k, _ in _kinds("The crowd shouted “Hell yeah!” at the pier.")] == ["speech"]
    # Beside a speech verb, a few words are a partial quote of someone named elsewhere.
    assert [k for _, k, _ in _kinds("Officials said the pier was “safe for now” on Monday.")] == ["speech"]


def test_a_name_given_to_a_thing_is_a_term_not_speech() -> None:
    # 'Or potstickers, described as “Oriental tortilla.”': a dish's name on a menu
    # read as a speech quote with no speaker, the first row of the quote browser.
    assert _kinds("You can order the dumplings, described as “harbour pockets.”") == [
        ("harbour pockets.", "term", None)
    ]
    assert _kinds("The ferry is known as “the Slow Goose” on the island.") == [("the Slow Goose", "term", None)]
    assert _kinds("The quay (sometimes called “the Long Arm”) was built in 1890.") == [("the Long Arm", "term", None)]
    # Someone who describes it so is still quoted.
    assert _kinds("Ann Berg described the quay as “a disaster waiting to happen.”")[0][1:] == ("speech", "Ann Berg")
    # An indefinite noun phrase called something: 'a seller called “E-Life,”' had gone
    # to the plaintiff named before it, 'a process called “journalism.”' to "a process".
    assert _kinds("Ann Berg bought her ticket from a ferry operator called “E-Ferry,” which sank.")[0][1] == "term"
    assert _kinds("What we are talking about is a harbour tradition called “the long wait.”")[0][1] == "term"


def test_a_works_title_after_its_noun_is_a_term() -> None:
    # 'In his book "Financial Freedom: …," Sabatier shares' was a speech quote of Sabatier's.
    assert _kinds('In her 2019 book "Harbour Nights," Ann Berg wrote about the ferries and the men who ran them.')[0][
        1:
    ] == ("term", None)
    assert _kinds(
        'Ann Berg, author of the 2017 article "The Case for Ferries," argued that the harbour should buy two.'
    )[0][1:] == ("term", None)
    # After a comma, words in lower case are the book's words, still quoted.
    assert _kinds('In her book, "the sea gives and the sea takes, and it always takes more," Ann Berg wrote.')[0][
        1:
    ] == ("speech", "Ann Berg")


def test_a_quote_inside_a_noun_phrase_or_a_title_in_capitals_is_a_term() -> None:
    # 'the “a-ha!” moment', 'a “We Do Not Consent!” rally': the quote modifies a noun.
    assert _kinds("A new study asks when the “a-ha!” moment takes place in the brain.") == [("a-ha!", "term", None)]
    assert _kinds("Hundreds joined a “Save Our Pier!” march along the quay on Sunday.") == [
        ("Save Our Pier!", "term", None)
    ]
    # A title in capitals inside a sentence, even with its own stop: songs such as “What About Love?”.
    assert _kinds("The band played hits such as “Where Is The Harbour?” and “Salt On The Wind.”") == [
        ("Where Is The Harbour?", "term", None),
        ("Salt On The Wind.", "term", None),
    ]
    # Said aloud, it stays speech.
    assert [k for _, k, _ in _kinds("“What About Love?” Ann Berg asked the crowd.")] == ["speech"]


def test_a_longer_title_in_capitals_inside_a_sentence_is_a_term() -> None:
    # 'the singer performed ballad “My Heart Will Go On” from …' was a speech quote
    # with no speaker: titles were two to four capitalised words.
    assert _kinds("The choir performed the ballad “When the Ferry Comes Home Again” on the quay.") == [
        ("When the Ferry Comes Home Again", "term", None)
    ]
    assert _kinds("Critics loved the game “Harbour Lights: Return of the Tide” this year.") == [
        ("Harbour Lights: Return of the Tide", "term", None)
    ]
    # Said, it is speech; and a sentence in lower case is no title.
    assert [k for _, k, _ in _kinds("“We Will Reopen the Quay Next Spring,” Ann Berg told the crowd.")] == ["speech"]


def test_words_mentioned_by_a_noun_like_slogan_or_term_are_a_term() -> None:
    # 'an anti-drug campaign with the slogan “Meth, we’re on it.”' was a speech quote
    # with no speaker.
    assert _kinds("The port launched a campaign with the slogan “Ferries, we run on time.”") == [
        ("Ferries, we run on time.", "term", None)
    ]
    assert _kinds("Ann Berg said she never used the term “harbour tax” in her letters.")[0][1] == "term"
    # Put by a speech verb right before, the words are said: "he asks the question: “…”".
    assert _kinds("Tom Reid asks the obvious question: “Who pays for the pier?”")[0][1:] == ("speech", "Tom Reid")
