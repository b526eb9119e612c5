"""The entity decision: "a name at all?" first, then its type; and the dictionary's
cues that tell a common word capitalised by its position from a name."""

from __future__ import annotations

import math

from reader.model import Block
from reader.text.dictionary_words import common_word, dictionary_name, lower_case_word
from reader.text.entities import candidates, find_entities
from reader.text.entity_linking import UNCERTAIN, _decide


def _belief(person: float, place: float, org: float, none: float) -> list[float]:
    return [math.log(p) for p in (person, place, org, none)]


def test_a_name_the_types_split_between_them_is_a_name_not_nothing() -> None:
    # "no entity" is the likeliest single outcome, but a name is likelier than not:
    # asked as one argmax over four, this was dropped.
    kind, _ = _decide(_belief(0.30, 0.15, 0.10, 0.45), groups=0)
    assert kind == UNCERTAIN
    kind, share = _decide(_belief(0.52, 0.05, 0.03, 0.40), groups=0)
    assert kind == "PERSON" and share > 0.5


def test_no_entity_when_the_evidence_says_so() -> None:
    kind, p_none = _decide(_belief(0.20, 0.15, 0.10, 0.55), groups=0)
    assert kind is None and p_none > 0.5


def test_the_dictionary_tells_common_words_from_names() -> None:
    assert common_word("Therefore") and common_word("Ingredients") and common_word("Locate")
    assert not common_word("Warhol") and not common_word("John")
    assert dictionary_name("America") and not dictionary_name("Figure")
    # A first name the dictionary also has in lower case (Hope, Will, Ah) is weaker evidence.
    assert lower_case_word("Will") and not lower_case_word("Jennifer")


def test_a_common_word_opening_a_sentence_carries_its_cues() -> None:
    text = "Figure 3 shows the curve. Warhol painted it."
    spans = {text[s.start : s.end]: s.cues for s in candidates([Block("paragraph", text)])}
    assert "common_word" in spans["Figure"] and "start_common" in spans["Figure"]
    assert "unknown_word" in spans["Warhol"] and "start_common" not in spans["Warhol"]


def test_police_alone_is_the_generic_force_not_a_body_named_police() -> None:
    blocks = [
        Block("paragraph", "Police said the man was taken to hospital. The Metropolitan Police declined to comment.")
    ]
    names = {e.name for e in find_entities(blocks)}
    assert "Police" not in names and "Metropolitan Police" in names


def test_several_words_no_list_has_are_marked_as_such() -> None:
    text = "The prize went to Rabindranath Tagore and to Hancock Brook Farm."
    spans = {text[s.start : s.end]: s.cues for s in candidates([Block("paragraph", text)])}
    assert "unknown_words" in spans["Rabindranath Tagore"]
    assert "unknown_words" not in spans["Hancock Brook Farm"]


def test_a_surname_links_to_the_full_name_the_evidence_left_open() -> None:
    # The full name opens a sentence with a word the dictionary has ("mitt"), so its
    # one mention is no evidence of a person; the surname's mentions are.
    blocks = [
        Block("paragraph", "Mitt Romney led in just two polls."),
        Block("paragraph", "Mr. Romney spoke in Ohio. Later Romney's aides said he would win."),
    ]
    people = {e.name: (e.type, len(e.mentions)) for e in find_entities(blocks)}
    assert people.get("Mitt Romney") == ("PERSON", 3)
    assert "Romney" not in people


def test_a_country_is_no_surname_of_a_name_ending_in_it() -> None:
    blocks = [Block("paragraph", "Air France cancelled flights. France said the strike was illegal.")]
    names = {e.name: e.type for e in find_entities(blocks)}
    assert names.get("France") == "PLACE"


def test_a_place_of_its_own_name_is_no_part_of_a_longer_places() -> None:
    blocks = [
        Block("paragraph", "Wildfires spread in Northern California last week. California declared an emergency.")
    ]
    found = [e for e in find_entities(blocks) if "California" in (m.text for m in e.mentions)]
    assert len(found) == 1 and found[0].name == "California", [(e.name, e.type) for e in find_entities(blocks)]


def test_a_compass_word_alone_still_links_to_the_place_it_opens() -> None:
    # "South" after "South Sydney" in a rugby report is the team's short name, not a place of its own.
    blocks = [Block("paragraph", "He lives in South Dakota now. Then South was cold.")]
    assert not [e for e in find_entities(blocks) if e.name == "South"], [
        (e.name, e.type) for e in find_entities(blocks)
    ]


def _types(*paragraphs: str) -> dict[str, str]:
    return {e.name: e.type for e in find_entities([Block("paragraph", p) for p in paragraphs])}


def test_a_name_only_a_persons_title_stands_before_is_a_person_though_the_dictionary_has_the_word() -> None:
    # "trump" is a dictionary word; "Mr. Trump" all through a piece is someone.
    types = _types(
        "The talks stalled, and Mr. Trump was not satisfied.",
        "Aides said Mr. Trump would return to the table in May.",
        "A day later President Tembakov signed the decree.",
    )
    assert types.get("Trump") == "PERSON", types
    assert types.get("Tembakov") == "PERSON", types


def test_one_titled_common_word_or_a_job_title_before_a_word_makes_no_person() -> None:
    assert _types("Ta da! Miss Thing joins the team.").get("Thing") != "PERSON"
    # A job's title ("Goalkeeper", "Chief") qualifies things too: only a person's own title counts.
    spans = candidates([Block("paragraph", "The Goalkeeper Ability rating fell, and Mr. Tembakov left.")])
    titled = {" ".join(s.words): s.person_title for s in spans}
    assert titled.get("Ability") is False and titled["Tembakov"] is True, titled


def test_an_honorific_in_capitals_before_a_name_that_is_not_is_an_acronym() -> None:
    spans = {" ".join(s.words): s.cues for s in candidates([Block("paragraph", "He ran MS Windows on an old laptop.")])}
    assert "Windows" not in spans or "honorific" not in spans["Windows"], spans


def test_a_school_called_by_its_first_word_is_the_school() -> None:
    found = find_entities([Block("paragraph", "She studied at Tembridge University and then taught at Tembridge.")])
    assert [(e.name, e.type, len(e.mentions)) for e in found] == [("Tembridge University", "ORG", 2)]


def test_a_word_capitalised_inside_sentences_throughout_an_article_is_a_name_there() -> None:
    # A dictionary word at a sentence's start is capitalised whatever it is: the
    # mentions inside sentences decide, and there it is capitalised every time.
    text = (
        "Apple hogs the headlines again. Apple renamed its music player. Apple cut prices. "
        "Apple opened stores. While Apple was riding high, rivals fell behind. "
        "Fans said Apple was lucky, as Apple decided to drop a model."
    )
    assert {e.name: e.type for e in find_entities([Block("paragraph", text)])} == {"Apple": "ORG"}
    cues = {c for s in candidates([Block("paragraph", text)]) for c in s.cues}
    assert "capitalised_throughout" in cues


def test_a_word_the_article_has_as_a_thing_one_owns_is_not_capitalised_throughout() -> None:
    text = "Mac sales rose. Buy a Mac today. Many prefer Mac over others, and Mac users agree."
    cues = {c for s in candidates([Block("paragraph", text)]) for c in s.cues}
    assert "capitalised_throughout" not in cues
