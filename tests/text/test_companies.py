"""The company table: how index names become the names running text writes, and the shipped table."""

from __future__ import annotations

from reader.text.companies import company_names
from tests.eval.build_company_names import brand_names, build, generic_tails, short_name, written_name


def test_a_legal_form_and_a_leading_the_are_not_part_of_the_written_name() -> None:
    assert written_name("Apple Inc.") == "Apple"
    assert written_name("Adobe, Inc.") == "Adobe"
    assert written_name("The Walt Disney Company") == "Walt Disney"
    assert written_name("Vossloh AG") == "Vossloh"
    assert written_name("Viasat (American company)") == "Viasat"


def test_a_group_word_stays_when_the_name_without_it_names_a_place_or_a_person() -> None:
    assert written_name("Volkswagen Group") == "Volkswagen"
    assert written_name("Phoenix Group") == "Phoenix Group"  # Phoenix is a city
    assert written_name("Lindsay Corporation") == "Lindsay Corporation"  # Lindsay is a first name


def test_a_short_name_comes_only_from_a_generic_tail() -> None:
    names = ["Ford Motor", "Hino Motors", "Tata Motor", "Boston Scientific", "General Motors", "General Mills"]
    tails = generic_tails(names)
    assert "motor" in tails
    assert short_name("Ford Motor", tails, frozenset()) == "Ford"
    assert short_name("Boston Scientific", tails, frozenset()) is None  # "Scientific" ends one name only
    assert short_name("General Motors", tails, frozenset({"general"})) is None  # "General" starts many


def test_build_keeps_names_and_short_names_apart() -> None:
    table = build(["Ford Motor Company", "Hino Motors", "Tata Motors", "Apple Inc."])
    assert "Apple" in table["names"] and "Ford Motor" in table["names"]
    assert "Ford" in table["short_names"] and "Ford" not in table["names"]


def test_the_shipped_table_holds_well_known_companies_folded() -> None:
    table = company_names()
    assert {"apple", "toyota", "microsoft", "ford motor"} <= table.names
    assert "ford" in table.short_names
    assert len(table.names) > 1000


def test_a_brand_is_kept_unless_a_listed_company_or_a_lone_word_naming_something_else() -> None:
    brands = brand_names(["Google", "YouTube", "Apple", "Anchor", "Alfred", "Google Maps", ".ENV", "gulp"], ["Apple"])
    # Apple is listed; "anchor" is a word, Alfred a first name; .ENV and gulp are not written as names.
    assert brands == ["Google", "Google Maps", "YouTube"]


def test_the_shipped_table_holds_brands_apart_from_companies() -> None:
    table = company_names()
    assert {"google", "facebook", "instagram", "youtube"} <= table.brands
    assert not table.brands & table.names


def test_a_brand_written_with_an_exclamation_mark_is_found_as_pages_write_it() -> None:
    # The table has "Yahoo!"; pages write "Yahoo" (or "Yahoo!", whose "!" the tokens leave out).
    assert "yahoo" in company_names().brands
