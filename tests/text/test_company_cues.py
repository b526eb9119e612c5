"""Cues that a name is a company or a body (reader/text/company_cues.py), and what they
change in the types find_entities gives."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.model import Block
from reader.text.company_cues import company_cues, context_cues
from reader.text.entities import find_entities


@dataclass
class _Word:
    text: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def _words(text: str) -> list[_Word]:
    return [_Word(m.group(), m.start(), m.end()) for m in re.finditer(r"[\w'’]+", text)]


def _cues(text: str, name: str, possessive: bool = False) -> list[str]:
    toks = _words(text)
    first = next(i for i, t in enumerate(toks) if t.text.startswith(name.split()[0]))
    last = first + len(name.split()) - 1
    return context_cues(toks, first, last, text, possessive)


def test_a_company_in_the_table_with_or_without_its_legal_form() -> None:
    assert company_cues("apple", 1, place=False) == ["company"]
    assert company_cues("apple inc.", 2, place=False) == ["company"]
    assert company_cues("toyota", 1, place=True) == ["company", "company_place"]
    assert company_cues("ford", 1, place=False) == ["company_short"]
    assert company_cues("nancy pelosi", 2, place=False) == []


def test_a_brand_that_no_stock_list_names_is_a_cue_of_its_own() -> None:
    # The stock lists hold Alphabet and Meta Platforms, not the names newsrooms write.
    assert company_cues("google", 1, place=False) == ["brand"]
    assert company_cues("youtube", 1, place=False) == ["brand"]
    assert company_cues("alphabet", 1, place=False) == ["company"]  # a listed company stays one


def test_an_office_after_a_name_then_its_holder() -> None:
    assert "title_after" in _cues("a bill backed by House Speaker Mike Johnson", "House")
    assert "title_after" in _cues("said Apple chief executive Tim Cook", "Apple")
    # An apposition is the person's own title, not an office named after a body.
    assert "title_after" not in _cues("said Smith, chairman of the Fed", "Smith")


def test_what_companies_do_and_have() -> None:
    assert "business_verb" in _cues("On Monday Google unveiled a phone", "Google")
    assert "business_before" in _cues("He sold his shares in Tesla last year", "Tesla")
    assert "business_possessive" in _cues("Toyota's shares fell", "Toyota's", possessive=True)
    assert "listing" in _cues("Apple (NASDAQ: AAPL) said", "Apple")
    assert _cues("On Monday Google was quiet", "Google") == []


def _types(*paragraphs: str) -> dict[str, str]:
    return {e.name: e.type for e in find_entities([Block("paragraph", p) for p in paragraphs])}


def test_a_body_before_an_office_is_not_the_person() -> None:
    types = _types("The bill passed after a long night, said House Speaker Mike Johnson, who had pushed for it.")
    assert types.get("Mike Johnson") == "PERSON"
    assert types.get("House") not in ("PERSON", "NAME")


def test_a_name_the_article_also_gives_a_company_suffix_is_the_company() -> None:
    types = _types("Apple Inc. reported higher sales on Thursday. Analysts said Apple would sell more phones in China.")
    assert types["Apple"] == "ORG"


def test_a_company_that_shares_its_name_with_a_city() -> None:
    types = _types(
        "The carmaker said it would stop production at two plants in Mexico. "
        "Toyota recalled 1.2 million cars last year after complaints from drivers."
    )
    assert types["Toyota"] == "ORG"


def test_towns_in_a_sports_report_are_their_teams() -> None:
    types = _types(
        "Newcastle manager Eddie Howe said the team had played well. Newcastle beat Tottenham 2-1 on Saturday, "
        "with two goals in the second half of the league match."
    )
    assert types["Newcastle"] == "ORG"
    assert types["Tottenham"] == "ORG"


def test_a_town_in_other_news_stays_a_place() -> None:
    types = _types("Flooding closed roads in Newcastle on Saturday, and residents were told to stay at home.")
    assert types["Newcastle"] == "PLACE"


def test_a_title_case_line_is_no_organisation() -> None:
    types = _types(
        "How to Generate Tons of Media Coverage for Your Small Business",
        "Getting press is hard for a small firm, and most owners give up too early.",
    )
    assert all(kind != "ORG" for kind in types.values())
