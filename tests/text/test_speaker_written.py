"""Speakers of words written rather than spoken, and of first-person pieces: blurbs,
written words, "in the words of", the byline and the narrator who says "I"."""

from __future__ import annotations

from reader.model import Block
from reader.text.entities import find_entities
from reader.text.quotes import find_quotes
from tests.text.speech import said as _said


def test_the_narrator_and_someone_are_no_one_the_text_names() -> None:
    # A first-person narrator or an indefinite subject speaks: no name, rather than the last woman named.
    said = _said("Ann Lindqvist waved from the quay.", "“I can make a sandwich,” I say.", 'Someone said, "Excuse me."')
    assert said == [("I can make a sandwich,", None), ("Excuse me.", None)]


def test_the_narrator_says_what_i_say_where_the_text_names_them() -> None:
    # '“…,” I say' named no one; a first-person text names its narrator by how
    # others address them (a known first name the narration never uses) …
    said = _said(
        "I walk my sister to the ferry. I hold her hand and I wait.",
        "“Robert,” my mother says from the car. “Bring her back by six.”",
        "“We will be back,” I say.",
        "“Robert, you promised,” she says, and I nod.",
    )
    assert said[2] == ("We will be back,", "Robert")
    # … the one addressed does not say it …
    assert said[3][1] != "Robert"
    # … a letter's signature, or a self-introduction.
    said = _said(
        "I went to the pier on Sunday. I said, “Write to me soon.” I have not heard since.",
        "Love to all,",
        "Marta",
    )
    assert said[0][1] == "Marta"
    said = _said("Hey, it's Ann Lindqvist here, and I am back. I was like, “Hey!” and I laughed.")
    assert said[0][1] == "Ann Lindqvist"
    # The plain form of a verb after "I" tags a quote too ('…?” I ask.').
    said = _said(
        "I walk my sister to the ferry. I hold her hand and I wait.",
        "“Robert,” my mother says from the car. “Bring her back by six.”",
        "“Can we stay longer?” I ask.",
    )
    assert said[2] == ("Can we stay longer?", "Robert")
    # A text not told in the first person has no narrator.
    assert _said("“Robert, come here,” she said.", "“No,” he said.")[1][1] != "Robert"


def test_the_byline_is_who_i_is_in_a_first_person_piece_that_names_no_narrator() -> None:
    # A column's '…," I said' named no one: its author is only in the byline.
    column = [
        Block("paragraph", "I went down to the harbour on Monday. I wanted to see the new quay."),
        Block("paragraph", 'The foreman, Tom Reid, showed me round. "It took two years," he said.'),
        Block("paragraph", 'I said, "It was worth the wait."'),
    ]

    def said(byline: str | None) -> list[str | None]:
        return [q.speaker for q in find_quotes(column, find_entities(column), byline=byline) if q.kind == "speech"]

    assert said("By Ann Lindqvist") == ["Tom Reid", "Ann Lindqvist"]
    assert said(None) == ["Tom Reid", None]
    # Two authors, an outlet or a placeholder name no one.
    for byline in ("Ann Lindqvist and Tom Reid", "The Harbour Gazette", "Editorial", "Ann Lindqvist, Harbour Gazette"):
        assert said(byline) == ["Tom Reid", None]
    # Nor is the author "I" in a text not told in the first person.
    report = [Block("paragraph", 'Tom Reid showed the quay. I said, "It was worth the wait."')]
    assert [q.speaker for q in find_quotes(report, find_entities(report), byline="Ann Lindqvist")] == [None]


def test_as_someone_put_it_reports_their_words() -> None:
    # "As he put it, “…”" had no speech verb, so no speaker.
    said = _said("Tom Reid runs the ferries. As he put it, “the quay is a mess and everyone knows it.”")
    assert said == [("the quay is a mess and everyone knows it.", "Tom Reid")]
    said = _said("The plan failed, as Ann Lindqvist put it in a letter, “because no one paid for the pier.”")
    assert said[0][1] == "Ann Lindqvist"
    # Putting a thing somewhere reports no one's words.
    from reader.text.sentences import speech_verb

    assert speech_verb("She puts it firmly against the wall") is None
    assert speech_verb("He put it back on the shelf") is None


def test_in_the_words_of_x_names_the_source_after_it() -> None:
    said = _said('Piers are old. In the immortal words of Ann Lindqvist, "A pier is a road that gave up."')
    assert said == [("A pier is a road that gave up.", "Ann Lindqvist")]
    said = _said('In the words of harbour master Tom Reid, "nobody fishes here any more."')
    assert said[0][1] == "Tom Reid"
    # In a headline every word is capitalised: there "Says" is the verb.
    said = _said("Harbour Master Says Pier Will Reopen “when the storms are over”")
    assert said == [("when the storms are over", "Harbour Master")]


def test_a_blurb_signed_with_a_name_and_an_outlet_is_the_names() -> None:
    # A review blurb signed "Name, Outlet" after the quote, with a dash or none.
    for sign in ("", "— ", "-- "):
        said = _said(f'"A gripping, beautifully made film about the sea." {sign}Anna Kerr, Harbour Gazette')
        assert said == [("A gripping, beautifully made film about the sea.", "Anna Kerr")], sign
    said = _said('"A gripping film about the sea." Anna Kerr, Director of the Harbour Board. "We loved it."')
    assert said[0][1] == "Anna Kerr"
    # What they are in parts, and the next signed quote in the same paragraph.
    said = _said(
        '"Gripping from start to end." — Anna Kerr, Director, Kerr Films, Harbour "We loved it." — Tom Reid, Harbour'
    )
    assert [who for _, who in said] == ["Anna Kerr", "Tom Reid"]
    # An outlet's name alone, ending the paragraph.
    assert _said('"A gripping film about the sea." Harbour Gazette')[0][1] == "Harbour Gazette"
    # A blurb signed by what is no name does not continue the one before.
    said = _said('"A gripping film about the sea." Harbour Gazette', '"A film for the ages." 9to5Reel')
    assert said[1][1] is None
    # But not a word after the quote that ends the paragraph.
    assert _said('Anna Kerr said that "the harbour will stay dry all winter." Wrong.')[0][1] == "Anna Kerr"
    # Not a sentence that goes on after the name and its comma.
    assert _said('"We will not sign." Anna Kerr, Harbour\'s mayor, opened the meeting.')[0][1] is None


def test_written_words_are_their_authors() -> None:
    # "reads" was no speech verb, and a document is no speaker: its author, if named, is.
    lead = "The harbour board met on Monday."
    quote = '"The quay is full and the ferries wait,"'
    assert _said(lead, f'The tweet from the Harbour Gazette reads, {quote[:-2]}."')[0][1] == "Harbour Gazette"
    assert _said(lead, f"{quote} the Harbour Gazette story read.")[0][1] == "Harbour Gazette"
    assert _said(lead, f"{quote} Anna Kerr's letter read.")[0][1] == "Anna Kerr"
    assert _said(lead, f"{quote} the letter from Anna Kerr reads.")[0][1] == "Anna Kerr"
    # A document that names no one: no speaker, not "one comment" nor "the statement".
    assert _said(lead, f"{quote} read one comment.")[0][1] is None
    assert _said(lead, f"{quote} the statement said.")[0][1] is None
    # Nor a name before it that did not write it; but one issuing a statement did.
    assert _said("Anna Kerr met the fans.", f"{quote} read one comment.")[0][1] is None
    said = _said('Anna Kerr, who runs the port, issued a statement warning that "the quay is full and shut."')
    assert said[0][1] == "Anna Kerr"
    # A person reading is not a document's words.
    assert _said("Anna Kerr reads every letter.", f"{quote} she said.")[0][1] == "Anna Kerr"
